/**
 * Spreadsheet.getActiveRange — https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange()
 * and Selection.getActiveRange (https://developers.google.com/apps-script/reference/spreadsheet/selection):
 * "Returns the selected range in the active sheet, or null if there is no active range."
 * The fake keeps the user's selection (set by the non-API `selectRange`, a user clicking a cell).
 */
import { FakeClock } from '../../workspace/clock';
import { DriveStore } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';
import { FakeSpreadsheetApp } from '../../workspace/spreadsheet';

function setup() {
  const meter = new Meter();
  const store = new DriveStore('owner@example.com');
  const app = new FakeSpreadsheetApp({
    meter,
    store,
    clock: new FakeClock(),
    timeZone: 'America/New_York',
    ui: {},
    activeUser: () => 'owner@example.com',
  });
  const ss = app.createBound('ESP Tracker');
  ss.insertSheet('Other');
  ss.insertSheet('ESP Tracker data');
  return { meter, ss };
}

describe('Spreadsheet.getActiveRange (fake)', () => {
  test('null when nothing is selected (no active range)', () => {
    const { ss } = setup();
    expect(ss.getActiveRange()).toBeNull();
  });

  test('returns the selected range of the active sheet, and is metered', () => {
    const { ss, meter } = setup();
    ss.selectRange('ESP Tracker data', 'A5:C5');
    const range = ss.getActiveRange()!;
    expect(range.getSheet().getName()).toBe('ESP Tracker data');
    expect(range.getRow()).toBe(5);
    expect(range.getA1Notation()).toBe('A5:C5');
    expect(meter.snapshot()['SpreadsheetApp.getActiveRange']).toBe(1);
  });

  test('"in the active sheet": once another sheet is active, the old selection is not returned', () => {
    const { ss } = setup();
    ss.selectRange('ESP Tracker data', 'B2');
    ss.setActiveSheet(ss.getSheetByName('Other')!);
    expect(ss.getActiveRange()).toBeNull();
  });

  test('a selection outside the sheet is refused', () => {
    const { ss } = setup();
    expect(() => ss.selectRange('Other', 'A5000')).toThrow();
    expect(() => ss.selectRange('Nope', 'A1')).toThrow(/No sheet named/);
  });
});
