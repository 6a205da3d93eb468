import { FakeClock } from '../../workspace/clock';
import { FakeDriveApp } from '../../workspace/drive';
import { DriveStore } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';
import { FakeSpreadsheetApp } from '../../workspace/spreadsheet';

const OWNER = 'owner@example.com';

function setup(user = OWNER) {
  const meter = new Meter();
  const store = new DriveStore(OWNER);
  const clock = new FakeClock();
  const ui = { name: 'ui' };
  let current = user;
  const activeUser = () => current;
  const app = new FakeSpreadsheetApp({ meter, store, clock, timeZone: 'America/New_York', ui, activeUser });
  const drive = new FakeDriveApp({ meter, store, activeUser });
  const ss = app.createBound('ESP Tracker');
  return { meter, store, clock, ui, app, drive, ss, setUser: (u: string) => (current = u) };
}

describe('FakeSpreadsheetApp / Spreadsheet', () => {
  test('createBound makes the active spreadsheet without metering; basics work', () => {
    const { app, ss, meter, ui } = setup();
    expect(meter.total()).toBe(0);
    expect(app.getActiveSpreadsheet().getId()).toBe(ss.getId());
    expect(app.getActive().getName()).toBe('ESP Tracker');
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(app.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
    expect(app.getUi()).toBe(ui);
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    ss.rename('Renamed');
    expect(app.openById(ss.getId()).getName()).toBe('Renamed');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  });

  test('insertSheet, getSheetByName, duplicate names, deleteSheet, active sheet, getIndex', () => {
    const { ss } = setup();
    const a = ss.insertSheet('Settings');
    const b = ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Settings']);
    expect(b.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('First');
    expect(() => ss.insertSheet('settings')).toThrow('A sheet with the name "settings" already exists');
    ss.setActiveSheet(a);
    expect(ss.getActiveSheet().getName()).toBe('Settings');
    expect(ss.getSheetByName('Nope')).toBeNull();
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Settings']);
    expect(a.getMaxRows()).toBe(1000);
    expect(a.getMaxColumns()).toBe(26);
    expect(a.getSheetId()).not.toBe(b.getSheetId());
    expect(a.getParent().getId()).toBe(ss.getId());
  });

  test('getRange with sheet-qualified A1 and toasts', () => {
    const { app, ss } = setup();
    ss.insertSheet('ESP Tracker');
    ss.getRange("'ESP Tracker'!B2:C3").setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(ss.getSheetByName('ESP Tracker')!.getRange('C3').getValue()).toBe(4);
    expect(ss.getRange("'ESP Tracker'!B2:C3").getA1Notation()).toBe('B2:C3');
    ss.toast('Saved', 'ESP Licensing', 3);
    expect(app.toasts).toEqual([
      expect.objectContaining({
        spreadsheetId: ss.getId(),
        message: 'Saved',
        title: 'ESP Licensing',
        timeoutSeconds: 3,
      }),
    ]);
  });

  test('spreadsheet editors delegate to the Drive file', () => {
    const { ss, drive, store } = setup();
    ss.addEditor('TL@Example.com');
    ss.addEditors(['a@example.com']);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['tl@example.com', 'a@example.com']);
    expect(
      drive
        .getFileById(ss.getId())
        .getEditors()
        .map((u) => u.getEmail()),
    ).toEqual(['tl@example.com', 'a@example.com']);
    ss.removeEditor('tl@EXAMPLE.com');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['a@example.com']);
    expect(ss.getOwner().getEmail()).toBe(OWNER);
    store.rejectedEmails.add('bad@gmail.com');
    expect(() => ss.addEditors(['ok@example.com', 'bad@gmail.com'])).toThrow('Invalid email: bad@gmail.com');
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(['a@example.com']);
  });
});

describe('Range values', () => {
  test('round-trips values and returns fresh copies', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    const d = new Date('2026-01-05T15:00:00Z');
    sheet.getRange(1, 1, 2, 3).setValues([
      ['Name', 42, true],
      ['x', d, ''],
    ]);
    const values = sheet.getRange(1, 1, 2, 3).getValues();
    expect(values).toEqual([
      ['Name', 42, true],
      ['x', d, ''],
    ]);
    values[0][0] = 'mutated';
    (values[1][1] as Date).setFullYear(1999);
    expect(sheet.getRange('A1').getValue()).toBe('Name');
    expect((sheet.getRange('B2').getValue() as Date).getTime()).toBe(d.getTime());
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
    sheet.getRange('A1:C1').clearContent();
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '', '']]);
  });

  test('dimension mismatches throw like Apps Script', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0].getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('out-of-bounds ranges throw; appendRow and insertRows grow', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions');
    expect(() => sheet.getRange(0, 1)).toThrow('outside the dimensions');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    const last = sheet.getRange(1000, 1);
    sheet.deleteRow(5);
    expect(sheet.getMaxRows()).toBe(999);
    expect(() => last.getValue()).toThrow('outside the dimensions');
    sheet.getRange(999, 1).setValue('bottom');
    sheet.appendRow(['appended', 2]);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange(1000, 1, 1, 2).getValues()).toEqual([['appended', 2]]);
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    sheet.appendRow(new Array(30).fill('w'));
    expect(sheet.getMaxColumns()).toBe(30);
  });

  test('formulas are stored, never evaluated; leading apostrophe forces text', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:B1').setValues([['=IMPORTXML("http://evil")', "'=1+1"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['#ERROR!', '=1+1']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=IMPORTXML("http://evil")', '']]);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('#ERROR!');
    sheet.getRange('C1').setFormula('=SUM(1,2)');
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(1,2)');
  });

  test('display values: numbers, booleans and dates in the spreadsheet time zone', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    // 03:30 UTC on Jan 9 is still Jan 8 in New York.
    sheet.getRange('A1:D1').setValues([[1.5, false, new Date('2026-01-09T03:30:00Z'), 'text']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([
      ['1.5', 'FALSE', '1/8/2026 22:30:00', 'text'],
    ]);
    // A date-only value (local midnight) shows no time, as Sheets does.
    sheet.getRange('A2').setValue(new Date('2026-01-08T05:00:00Z'));
    expect(sheet.getRange('A2').getDisplayValue()).toBe('1/8/2026');
    ss.setSpreadsheetTimeZone('Europe/London');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('1/9/2026 3:30:00');
    sheet.getRange('C1').setNumberFormat('M/d/yyyy');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('1/9/2026');
    sheet.getRange('C1').setNumberFormat('M/d/yyyy H:mm:ss');
    expect(sheet.getRange('C1').getDisplayValue()).toBe('1/9/2026 3:30:00');
  });

  test('notes, backgrounds, font weights round-trip', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0].getRange('A1:B2');
    expect(range.getBackgrounds()).toEqual([
      ['#ffffff', '#ffffff'],
      ['#ffffff', '#ffffff'],
    ]);
    range.setNotes([
      ['n1', ''],
      ['', 'n4'],
    ]);
    range.setBackgrounds([
      ['#F4CCCC', null],
      [null, '#d9ead3'],
    ] as string[][]);
    expect(range.getNotes()).toEqual([
      ['n1', ''],
      ['', 'n4'],
    ]);
    expect(range.getBackgrounds()).toEqual([
      ['#f4cccc', '#ffffff'],
      ['#ffffff', '#d9ead3'],
    ]);
    range.getCell(1, 1).clearNote();
    expect(range.getNote()).toBe('');
    range.setFontWeight('bold');
    expect(range.getFontWeights()).toEqual([
      ['bold', 'bold'],
      ['bold', 'bold'],
    ]);
    range.setBackground(null);
    expect(range.getBackground()).toBe('#ffffff');
  });

  test('data validations, checkboxes, check/uncheck', () => {
    const { app, ss } = setup();
    const sheet = ss.getSheets()[0];
    const list = app
      .newDataValidation()
      .requireValueInList(['Full Day', 'NCNS'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    sheet.getRange('A2:A3').setDataValidation(list);
    const got = sheet.getRange('A2:A3').getDataValidations();
    expect(got[0][0]!.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got[1][0]!.getCriteriaValues()).toEqual([['Full Day', 'NCNS'], true]);
    expect(got[0][0]!.getHelpText()).toBe('Pick one');
    expect(got[0][0]!.getAllowInvalid()).toBe(false);
    expect(got[0][0]!.copy().requireTextIsEmail().build().getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    expect(sheet.getRange('A4').getDataValidation()).toBeNull();

    sheet.getRange('B1').setValue('keep');
    sheet.getRange('B1:B3').insertCheckboxes();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['keep'], [false], [false]]);
    expect(sheet.getRange('B2').getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
    sheet.getRange('B2').check();
    expect(sheet.getRange('B2:B3').getValues()).toEqual([[true], [false]]);
    expect(sheet.getRange('B2').isChecked()).toBe(true);
    expect(sheet.getRange('B2:B3').isChecked()).toBeNull();
    sheet.getRange('B1:B3').uncheck();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['keep'], [false], [false]]);
    sheet.getRange('B1:B3').removeCheckboxes();
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['keep'], [''], ['']]);
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
    sheet.getRange('A2:A3').clearDataValidations();
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();

    const rows = sheet.getRange('C1:C2');
    rows.setDataValidations([[app.newDataValidation().requireDate().build()], [null]]);
    expect(rows.getDataValidations().map((r) => r[0]?.getCriteriaType() ?? null)).toEqual([
      'DATE_IS_VALID_DATE',
      null,
    ]);
  });
});

describe('Sheet structure', () => {
  test('insertColumn shifts values, notes, validations and protections; deleteColumn undoes it', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('B1').setNote('note b');
    sheet.getRange('C2').insertCheckboxes();
    const p = sheet.getRange('C1:C5').protect();
    sheet.insertColumnAfter(1);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['a', '', 'b', 'c']]);
    expect(sheet.getRange('A1:D1').getNotes()).toEqual([['', '', 'note b', '']]);
    expect(sheet.getRange('D2').getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
    expect(p.getRange().getA1Notation()).toBe('D1:D5');
    sheet.insertColumnBefore(1);
    sheet.insertColumnsAfter(5, 2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['', 'a', '', 'b', 'c']]);
    expect(sheet.getMaxColumns()).toBe(30);
    sheet.deleteColumn(3);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['', 'a', 'b', 'c']]);
    expect(sheet.getProtections('RANGE')[0].getRange().getA1Notation()).toBe('D1:D5');
  });

  test('frozen rows, hide/show, tab color, widths, clear', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Log');
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
    sheet.setTabColor('#ff0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
    sheet.setColumnWidth(2, 250);
    expect(sheet.getColumnWidth(2)).toBe(250);
    sheet.getRange('A1').setValue('a long header value');
    sheet.autoResizeColumns(1, 1);
    expect(sheet.getColumnWidth(1)).toBeGreaterThan(100);
    sheet.getRange('A1').setBackground('#000000');
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets");
  });

  test('conditional format rules keep what was set', () => {
    const { app, ss } = setup();
    const sheet = ss.getSheets()[0];
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Behind')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setRanges([sheet.getRange('B2:B100')])
      .build();
    const formula = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$A2=""')
      .setBackground('#eeeeee')
      .setRanges([sheet.getRange('A2:A')])
      .build();
    sheet.setConditionalFormatRules([rule, formula]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    expect(rules[0].getBooleanCondition()!.getCriteriaType()).toBe(app.BooleanCriteria.TEXT_EQUAL_TO);
    expect(rules[0].getBooleanCondition()!.getCriteriaValues()).toEqual(['Behind']);
    expect(rules[0].getBooleanCondition()!.getBackground()).toBe('#f4cccc');
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('B2:B100');
    expect(rules[1].getRanges()[0].getA1Notation()).toBe('A2:A1000');
    expect(() => app.newConditionalFormatRule().setBackground('#fff').build()).toThrow();
  });

  test('charts record what the builder set', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('Dashboard');
    const chart = sheet
      .newChart()
      .setChartType('BAR' as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Progress by item')
      .build();
    sheet.insertChart(chart);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0].getRanges()[0].getA1Notation()).toBe('A1:B5');
    expect(charts[0].getOptions().get('title')).toBe('Progress by item');
    expect(charts[0].getContainerInfo().getAnchorColumn()).toBe(4);
    const updated = charts[0].modify().setOption('title', 'New').build();
    sheet.updateChart(updated);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('New');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('Protections', () => {
  test('a new protection mirrors the file; editing the list restricts it', () => {
    const { ss, app, setUser } = setup();
    ss.addEditors(['tl@example.com', 'agent1@example.com', 'agent2@example.com']);
    const sheet = ss.getSheets()[0];
    expect(sheet.canUserEdit('agent2@example.com', 2, 1)).toBe(true);
    const p = sheet.getRange(2, 1, 1, 5).protect().setDescription('Row of agent1');
    // Mirrors the spreadsheet until the editor list changes.
    expect(sheet.canUserEdit('agent2@example.com', 2, 1)).toBe(true);
    p.removeEditors(p.getEditors());
    p.addEditors(['Agent1@example.com', 'tl@example.com']);
    if (p.canDomainEdit()) p.setDomainEdit(false);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, 'agent1@example.com', 'tl@example.com']);
    expect(p.getDescription()).toBe('Row of agent1');
    expect(sheet.canUserEdit('agent1@example.com', 2, 3)).toBe(true);
    expect(sheet.canUserEdit('AGENT2@example.com', 2, 3)).toBe(false);
    expect(sheet.canUserEdit('agent2@example.com', 3, 3)).toBe(true);
    expect(sheet.canUserEdit(OWNER, 2, 3)).toBe(true);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);

    const sp = sheet.protect().setDescription('whole sheet');
    sp.removeEditors(['agent1@example.com', 'agent2@example.com', 'tl@example.com']);
    sp.setUnprotectedRanges([sheet.getRange('A2:E2')]);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.canUserEdit('agent1@example.com', 2, 2)).toBe(true);
    expect(sheet.canUserEdit('agent1@example.com', 3, 2)).toBe(false);
    setUser('agent2@example.com');
    expect(p.canEdit()).toBe(false);
    setUser(OWNER);
    sp.setWarningOnly(true);
    expect(sheet.canUserEdit('agent1@example.com', 3, 2)).toBe(true);
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
  });

  test('owner and the current user cannot be removed', () => {
    const { ss } = setup();
    const p = ss.getSheets()[0].getRange('A1').protect();
    p.removeEditors([OWNER]);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  });
});

describe('copy via Drive', () => {
  test('makeCopy yields an independent spreadsheet that openById opens', () => {
    const { app, drive, ss } = setup();
    const sheet = ss.getSheets()[0];
    sheet.setName('Progress');
    sheet.getRange('A1:B1').setValues([['Agent Name', 'OID']]);
    sheet.getRange('A1').setNote('header');
    sheet.getRange('A2:B2').protect().addEditor('x@example.com');
    const folder = drive.createFolder('Leadership');
    const copyFile = drive.getFileById(ss.getId()).makeCopy('ESP Agent Progress Report - C1', folder);
    const copy = app.openById(copyFile.getId());
    expect(copy.getName()).toBe('ESP Agent Progress Report - C1');
    expect(copyFile.getParents().next().getId()).toBe(folder.getId());
    const csheet = copy.getSheetByName('Progress')!;
    expect(csheet.getRange('A1:B1').getValues()).toEqual([['Agent Name', 'OID']]);
    expect(csheet.getRange('A1').getNote()).toBe('header');
    csheet.getRange('A1').setValue('changed');
    csheet.getProtections('RANGE')[0].addEditor('y@example.com');
    expect(sheet.getRange('A1').getValue()).toBe('Agent Name');
    expect(
      sheet
        .getProtections('RANGE')[0]
        .getEditors()
        .map((u) => u.getEmail()),
    ).not.toContain('y@example.com');
    expect(copy.getEditors()).toEqual([]);
  });
});

describe('metering', () => {
  test('counts one call per method with read/write latency buckets', () => {
    const { ss, meter } = setup();
    const sheet = ss.getSheets()[0];
    meter.reset();
    const range = sheet.getRange(1, 1, 10, 5);
    range.getValues();
    range.setValues(Array.from({ length: 10 }, () => new Array(5).fill('x')));
    range.getNotes();
    range.setBackgrounds(Array.from({ length: 10 }, () => new Array(5).fill('#ffffff')));
    ss.getSheetByName('Sheet1');
    expect(meter.snapshot()).toEqual({
      'Range.getNotes': 1,
      'Range.getValues': 1,
      'Range.setBackgrounds': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
      'SpreadsheetApp.getSheetByName': 1,
    });
    expect(meter.modeledSeconds()).toBeCloseTo(0.15 * 2 + 0.2 * 2 + 0.05 + 0.02, 5);
  });

  test('injected faults fire on the chosen call', () => {
    const { ss, meter } = setup();
    const range = ss.getSheets()[0].getRange('A1');
    meter.injectFault({
      service: 'Range',
      method: 'setValue',
      nth: 2,
      message: 'Service Spreadsheets failed',
    });
    range.setValue(1);
    expect(() => range.setValue(2)).toThrow('Service Spreadsheets failed');
    range.setValue(3);
    expect(range.getValue()).toBe(3);
  });
});
