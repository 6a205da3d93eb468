import { FakeHtmlService } from '../../workspace/html';
import { Meter } from '../../workspace/meter';
import { FakeUi } from '../../workspace/ui';

function setup() {
  const meter = new Meter();
  return { meter, ui: new FakeUi({ meter }), html: new FakeHtmlService({ meter }) };
}

describe('FakeUi', () => {
  test('menus are recorded with items, separators and submenus', () => {
    const { ui } = setup();
    ui.createMenu('ESP Licensing')
      .addItem('Set up workbook', 'menuSetupWorkbook')
      .addSeparator()
      .addSubMenu(ui.createMenu('Triggers').addItem('Install', 'installTriggers'))
      .addToUi();
    expect(ui.menu('ESP Licensing')).toEqual({
      title: 'ESP Licensing',
      items: [
        { caption: 'Set up workbook', functionName: 'menuSetupWorkbook' },
        { separator: true },
        { submenu: { title: 'Triggers', items: [{ caption: 'Install', functionName: 'installTriggers' }] } },
      ],
    });
    ui.createMenu('ESP Licensing').addItem('Only', 'only').addToUi(); // onOpen again replaces it
    expect(ui.menus).toHaveLength(1);
    expect(ui.log[0]).toContain('MENU ESP Licensing');
  });

  test('alerts answer from the queue, then default to OK / YES', () => {
    const { ui } = setup();
    ui.queueAlertResponse('NO');
    expect(ui.alert('Send?', 'Day 1 starts in 3 hours. Send anyway?', ui.ButtonSet.YES_NO)).toBe(
      ui.Button.NO,
    );
    expect(ui.alert('Proceed?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Done.')).toBe(ui.Button.OK);
    expect(ui.dialogs.map((d) => [d.title, d.prompt, d.buttons, d.response])).toEqual([
      ['Send?', 'Day 1 starts in 3 hours. Send anyway?', 'YES_NO', 'NO'],
      ['', 'Proceed?', 'YES_NO', 'YES'],
      ['', 'Done.', 'OK', 'OK'],
    ]);
    expect(ui.log[0]).toBe('ALERT [Send?] Day 1 starts in 3 hours. Send anyway? → NO');
    expect(() => ui.alert('Title', 'Message' as never)).toThrow(
      "don't match the method signature for Ui.alert",
    );
  });

  test('prompts answer with queued text and button', () => {
    const { ui } = setup();
    ui.queuePromptResponse('Cohort 12', 'OK');
    ui.queuePromptResponse('', 'CANCEL');
    const r1 = ui.prompt('Cohort', 'Name?', ui.ButtonSet.OK_CANCEL);
    expect([r1.getResponseText(), r1.getSelectedButton()]).toEqual(['Cohort 12', ui.Button.OK]);
    expect(ui.prompt('Again?', ui.ButtonSet.OK_CANCEL).getSelectedButton()).toBe(ui.Button.CANCEL);
    const r3 = ui.prompt('Default');
    expect([r3.getResponseText(), r3.getSelectedButton()]).toEqual(['', 'OK']);
    expect(ui.pendingResponses()).toEqual({ alerts: 0, prompts: 0 });
  });

  test('sidebars and dialogs are recorded with title and content', () => {
    const { ui, html } = setup();
    ui.showSidebar(html.createHtmlOutput('<p>side</p>').setTitle('Attendance'));
    ui.showModalDialog(html.createHtmlOutput('<p>modal</p>'), 'Report created');
    ui.showModelessDialog(html.createHtmlOutput('<p>m</p>').setWidth(400), 'Preview');
    expect(ui.shown.map((s) => [s.kind, s.title, s.content])).toEqual([
      ['sidebar', 'Attendance', '<p>side</p>'],
      ['modal', 'Report created', '<p>modal</p>'],
      ['modeless', 'Preview', '<p>m</p>'],
    ]);
    expect(ui.lastShown()?.width).toBe(400);
    expect(ui.log).toEqual([
      'SIDEBAR [Attendance] (11 chars)',
      'MODAL [Report created] (12 chars)',
      'MODELESS [Preview] (8 chars)',
    ]);
  });
});
