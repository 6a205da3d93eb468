import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { FakeHtmlService, compileTemplate } from '../../workspace/html';
import { Meter } from '../../workspace/meter';

function setup(files: Record<string, string> = {}, dir?: string) {
  const meter = new Meter();
  return { meter, html: new FakeHtmlService({ meter, files, dir }) };
}

describe('FakeHtmlService templates', () => {
  test('<?= ?> escapes, <?!= ?> does not', () => {
    const { html } = setup();
    const out = html.createTemplate("<p><?= '<b>' ?></p><p><?!= '<b>' ?></p>").evaluate().getContent();
    expect(out).toBe('<p>&lt;b&gt;</p><p><b></p>');
    expect(html.createTemplate(`<?= "a&b \\"q\\" 'x'" ?>`).evaluate().getContent()).toBe(
      'a&amp;b &quot;q&quot; &#39;x&#39;',
    );
  });

  test('template properties are variables; statements loop', () => {
    const { html } = setup({
      Sidebar: [
        '<h1><?= title ?></h1><ul>',
        '<? for (const a of agents) { ?><li data-oid="<?= a.oid ?>"><?= a.name ?></li><? } ?>',
        '</ul><? if (agents.length === 0) { ?>none<? } ?><?!= footer ?>',
      ].join(''),
    });
    const t = html.createTemplateFromFile('Sidebar');
    t.title = 'Hands check <D1>';
    t.agents = [
      { name: 'Ann <script>', oid: 'A1' },
      { name: "Bob O'Neil", oid: 'B2' },
    ];
    t.footer = '<footer>ok</footer>';
    expect(t.evaluate().getContent()).toBe(
      '<h1>Hands check &lt;D1&gt;</h1><ul><li data-oid="A1">Ann &lt;script&gt;</li>' +
        '<li data-oid="B2">Bob O&#39;Neil</li></ul><footer>ok</footer>',
    );
  });

  test('undefined variables are a ReferenceError (strict, no with); null prints empty', () => {
    const { html } = setup();
    expect(() => html.createTemplate('<?= missing ?>').evaluate()).toThrow(ReferenceError);
    const t = html.createTemplate('[<?= v ?>]');
    t.v = null;
    expect(t.evaluate().getContent()).toBe('[]');
  });

  test('script globals (e.g. include) are visible; values from a vm realm work', () => {
    const { html } = setup({ Styles: '<style>b{}</style>' });
    const ctx = vm.createContext({});
    vm.runInContext('function include(n) { return "<!--" + n + "-->"; } var rows = [1, 2];', ctx);
    html.setGlobals(() => ctx as Record<string, unknown>);
    const t = html.createTemplate("<?!= include('Styles') ?><?= rows.length ?>");
    expect(t.evaluate().getContent()).toBe('<!--Styles-->2');
  });

  test('output.append inside scriptlets and getCode', () => {
    const { html } = setup();
    const t = html.createTemplate("<? output.append('<i>raw</i>'); output.appendUntrusted('<u>'); ?>!");
    expect(t.evaluate().getContent()).toBe('<i>raw</i>&lt;u&gt;!');
    expect(t.getCode()).toContain("'use strict'");
    expect(compileTemplate('a<?= x ?>b').identifiers.has('x')).toBe(true);
  });

  test('files come from a directory (build/) or memory; a missing file throws', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-'));
    fs.writeFileSync(path.join(dir, 'Dialog.html'), '<p>from disk</p>');
    const { html } = setup({}, dir);
    expect(html.createHtmlOutputFromFile('Dialog').getContent()).toBe('<p>from disk</p>');
    expect(html.createHtmlOutputFromFile('Dialog.html').getContent()).toBe('<p>from disk</p>');
    expect(() => html.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
  });
});

describe('FakeHtmlOutput', () => {
  test('setters chain and getters read back', () => {
    const { html, meter } = setup();
    const out = html
      .createHtmlOutput('<p>a</p>')
      .setTitle('Attendance')
      .setWidth(300)
      .setHeight(500)
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.DEFAULT)
      .addMetaTag('viewport', 'width=device-width')
      .append('<p>b</p>')
      .appendUntrusted('<c>');
    expect(out.getTitle()).toBe('Attendance');
    expect([out.getWidth(), out.getHeight()]).toEqual([300, 500]);
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&lt;c&gt;');
    expect(out.getMetaTags()[0].getName()).toBe('viewport');
    expect(out.getBlob().getContentType()).toBe('text/html');
    expect(meter.count('HtmlService.setTitle')).toBe(1);
  });
});
