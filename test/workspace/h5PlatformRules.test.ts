/**
 * Platform rules of issues 9/10 in the in-memory workspace: UI context, Docs replaceText, the
 * google.script.run transport, and Google's transient error texts. Each cites Google's documentation.
 */
import { FakeClock } from '../../workspace/clock';
import { FakeDocumentApp } from '../../workspace/documents';
import { DriveStore } from '../../workspace/driveStore';
import { marshalScriptRun, scriptRun } from '../../workspace/html';
import { GOOGLE_TRANSIENT, Meter } from '../../workspace/meter';
import { Workspace } from '../../workspace/workspace';

function docs() {
  const meter = new Meter();
  const store = new DriveStore('lead@example.com');
  const app = new FakeDocumentApp({ meter, store, clock: new FakeClock(new Date('2026-01-08T15:00:00Z')) });
  return { meter, app };
}

describe('SpreadsheetApp.getUi() needs a run with a UI', () => {
  // developers.google.com/apps-script/reference/base/ui: "A script can only interact with the UI for the
  // current instance of an open editor, and only if the script is container-bound to the editor."
  // A time-driven trigger fails with "Exception: Cannot call SpreadsheetApp.getUi() from this context."
  // (reported e.g. github.com/davepar/gcalendarsync/issues/93, williamlmao/plaid-to-gsheets/issues/2).
  test('works from a menu click, a sidebar and the simple onOpen trigger', () => {
    const ws = new Workspace();
    expect(ws.ui.context).toBe('menu');
    expect(() => ws.spreadsheets.getUi()).not.toThrow();
    for (const context of ['sidebar', 'dialog', 'simpleTrigger'] as const) {
      expect(ws.ui.inContext(context, () => ws.spreadsheets.getUi())).toBe(ws.ui);
    }
  });

  test("throws Google's text from a time-driven/installable trigger and from the script editor", () => {
    const ws = new Workspace();
    for (const context of ['trigger', 'editor'] as const) {
      expect(() => ws.ui.inContext(context, () => ws.spreadsheets.getUi())).toThrow(
        'Cannot call SpreadsheetApp.getUi() from this context.',
      );
    }
    expect(ws.ui.context).toBe('menu'); // inContext restores the context
    ws.ui.setContext('trigger');
    expect(ws.ui.hasUi()).toBe(false);
    expect(() => ws.spreadsheets.getUi()).toThrow('from this context');
  });

  test('DocumentApp.getUi() throws: the project is bound to a spreadsheet, not a document', () => {
    const { app } = docs();
    expect(() => app.getUi()).toThrow('Cannot call DocumentApp.getUi() from this context.');
  });
});

describe('Body.replaceText: an RE2 pattern; $ and \\ in the replacement', () => {
  // developers.google.com/apps-script/reference/document/body#replaceText(String,String): "The search
  // pattern is passed as a string, not a JavaScript regular expression object. … This method uses
  // Google's RE2 regular expression library, which limits the supported syntax. The provided regular
  // expression pattern is independently matched against each text block contained in the current
  // element." RE2 has no lookaround and no backreferences.
  function body(...lines: string[]) {
    const { app } = docs();
    const doc = app.create('t');
    const b = doc.getBody();
    b.clear();
    lines.forEach((l) => b.appendParagraph(l));
    return { b, text: () => b.getParagraphs().map((p) => p.getText()) };
  }

  test('the pattern is a regular expression: "." and "+" are not literal', () => {
    const { b, text } = body('a.c abc ac', '1+1 11');
    b.replaceText('a.c', 'X');
    b.replaceText('1+', 'N');
    expect(text()).toEqual(['', 'X X ac', 'N+N N']);
  });

  test('matched per text block: ^ and $ anchor each paragraph', () => {
    const { b, text } = body('one', 'other', 'two');
    b.replaceText('^o.*$', 'line');
    expect(text()).toEqual(['', 'line', 'line', 'two']);
  });

  test('RE2 features JavaScript has but RE2 lacks fail (lookahead, backreference)', () => {
    const { b } = body('', 'aa');
    expect(() => b.replaceText('a(?=a)', 'x')).toThrow('RE2 does not support lookaround');
    expect(() => b.replaceText('(a)\\1', 'x')).toThrow('RE2 does not support backreferences');
    expect(() => b.replaceText('(', 'x')).toThrow('Invalid argument: searchPattern');
  });

  // The replacement's rules are not documented by Google. Apps Script's Docs service runs on Java, whose
  // Matcher.replaceAll reads "$n" as a group and "\x" as an escaped x, and throws "Illegal group
  // reference" for a "$" that is not one. The fake is that strict: user text must never be passed as a
  // replacement unescaped (the product inserts values with Text.insertText instead).
  test('$n inserts a group, \\$ and \\\\ are literal, a bare $ or trailing \\ fails', () => {
    const { b, text } = body('', 'price 10');
    b.replaceText('price (\\d+)', 'cost $1 \\$ \\\\');
    expect(text()[2]).toBe('cost 10 $ \\');
    expect(() => b.replaceText('cost', 'US$ 5')).toThrow('Illegal group reference');
    expect(() => b.replaceText('cost', '$2')).toThrow('No group 2');
    expect(() => b.replaceText('cost', 'back\\')).toThrow('character to be escaped is missing');
  });

  test('Text.insertText/deleteText are literal: no pattern, no $ rules', () => {
    const { b, text } = body('', 'Agent: {{Agent Name}}!');
    const t = b.getParagraphs()[2].editAsText();
    t.deleteText(7, 20);
    t.insertText(7, '$1 \\ {{Deadline}} (.*)');
    expect(text()[2]).toBe('Agent: $1 \\ {{Deadline}} (.*)!');
    expect(() => t.insertText(999, 'x')).toThrow('content length');
  });
});

describe('google.script.run carries only legal values', () => {
  // developers.google.com/apps-script/guides/html/reference/run (myFunction(...)): "Legal parameters are
  // JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript objects and
  // arrays that are composed of primitives, objects, and arrays. … Requests fail if you attempt to pass a
  // Date, Function, DOM element besides a form, or other prohibited type, including prohibited types
  // inside objects or arrays. Objects that create circular references will also fail, and undefined
  // fields within arrays become null."
  test('primitives, arrays and plain objects pass; undefined in an array becomes null', () => {
    expect(marshalScriptRun({ a: [1, 'x', true, null, undefined], b: { c: 2 }, d: undefined })).toEqual({
      a: [1, 'x', true, null, null],
      b: { c: 2 },
    });
  });

  test('a Date, a function, a Map or a cycle fails, even nested', () => {
    expect(() => marshalScriptRun({ rows: [{ when: new Date() }] }, 'result')).toThrow(
      'cannot pass a Date (at result.rows[0].when)',
    );
    expect(() => marshalScriptRun([() => 1])).toThrow('cannot pass a function');
    expect(() => marshalScriptRun({ m: new Map() })).toThrow('object of type Map');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => marshalScriptRun(cycle)).toThrow('circular reference');
  });

  test('scriptRun fails the whole call (failure handler) when the result or an argument is illegal', () => {
    const bundle = {
      ok: (n: unknown) => ({ n }),
      dated: () => ({ at: new Date(0) }),
      boom: () => {
        throw new Error('Sheet "ESP Tracker" has no header "OID".');
      },
    };
    expect(scriptRun(bundle, 'ok', [3])).toEqual({ ok: true, value: { n: 3 } });
    expect(scriptRun(bundle, 'dated', [])).toEqual({
      ok: false,
      error: expect.stringContaining('cannot pass a Date (at result.at)'),
    });
    expect(scriptRun(bundle, 'ok', [new Date(0)])).toEqual({
      ok: false,
      error: expect.stringContaining('argument 1'),
    });
    expect(scriptRun(bundle, 'boom', [])).toEqual({
      ok: false,
      error: 'Sheet "ESP Tracker" has no header "OID".',
    });
    expect(scriptRun(bundle, 'missing', [])).toEqual({
      ok: false,
      error: 'Script function not found: missing',
    });
  });
});

describe("transient faults with Google's texts, on any call", () => {
  test('openById can fail with "Service Spreadsheets failed while accessing document with id …"', () => {
    const ws = new Workspace();
    const id = ws.tracker.getId();
    ws.meter.injectFault({
      service: 'SpreadsheetApp',
      method: 'openById',
      nth: 1,
      message: GOOGLE_TRANSIENT.serviceFailed('Spreadsheets', id),
    });
    expect(() => ws.spreadsheets.openById(id)).toThrow(
      `Service Spreadsheets failed while accessing document with id ${id}.`,
    );
    expect(ws.spreadsheets.openById(id).getId()).toBe(id); // the next call succeeds
  });

  test('a fault without its own message uses Google\'s "Service error: <service>" text', () => {
    const meter = new Meter();
    meter.injectFault({ service: 'Range', method: 'getValues', nth: 1 });
    meter.injectFault({ service: 'DriveApp', method: 'addEditors', nth: 1 });
    expect(() => meter.call('Range', 'getValues')).toThrow(
      'Service error: Spreadsheets (injected fault on Range.getValues)',
    );
    expect(() => meter.call('DriveApp', 'addEditors')).toThrow('Service error: Drive (injected fault');
  });

  test('the texts', () => {
    expect(GOOGLE_TRANSIENT.serviceError('Spreadsheets')).toBe('Service error: Spreadsheets');
    expect(GOOGLE_TRANSIENT.serviceFailed('Documents', 'd1')).toBe(
      'Service Documents failed while accessing document with id d1.',
    );
    expect(GOOGLE_TRANSIENT.serverError()).toMatch(/server error occurred\. Please wait a bit and try again/);
  });
});
