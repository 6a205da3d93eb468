import { SHEET, TRACKER, WORKBOOK } from '../../src/domain/contract';
import { ContractError, SheetTable } from '../../src/gas/sheetTable';
import { setUpWorkspace } from '../helpers/workbook';

describe('SheetTable', () => {
  it('finds columns by header text whatever their order, and keeps user columns and data', () => {
    const ws = setUpWorkspace(3);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    // A TL moves OID to column A and inserts a column of their own.
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1).setValue('My Column');
    sheet.getRange(2, 1).setValue('keep me');
    const table = SheetTable.open(ws.tracker, SHEET.tracker, [TRACKER.oid]);
    expect(table.text(0, TRACKER.oid)).toBe('OID1000');
    table.set(0, TRACKER.attendance, 'MIA');
    table.flush();
    expect(sheet.getRange(2, 1).getValue()).toBe('keep me');
    const again = SheetTable.open(ws.tracker, SHEET.tracker);
    expect(again.text(0, TRACKER.attendance)).toBe('MIA');
    // A TL's own column is not in the contract: named through the one explicit widening.
    expect(again.text(0, again.dynamic('my column'))).toBe('keep me');
  });

  it('names the sheet and the missing header', () => {
    const ws = setUpWorkspace(1);
    // A declared header deleted by hand: the error names the sheet and the header.
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const col = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf(
      TRACKER.nNumber,
    );
    sheet.deleteColumn(col + 1);
    expect(() => SheetTable.read(sheet, WORKBOOK.tracker, [TRACKER.nNumber])).toThrow(ContractError);
    expect(() => SheetTable.read(sheet, WORKBOOK.tracker, [TRACKER.nNumber])).toThrow(
      /"ESP Tracker" is missing the required header "N-Number"/,
    );
    ws.tracker.deleteSheet(ws.tracker.sheet(SHEET.cohorts));
    expect(() => SheetTable.of(ws.tracker, WORKBOOK.cohorts)).toThrow(/The sheet "Cohorts" is missing/);
  });

  it('keeps user formulas and formula-looking text intact when writing a rectangle around them', () => {
    const ws = setUpWorkspace(3);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const table = SheetTable.open(ws.tracker, SHEET.tracker);
    const between = table.col(TRACKER.paymentIssue) + 2; // Login Issue: inside the rectangle, not written
    expect(table.col(TRACKER.salesInhibitor) + 1).toBeGreaterThan(between);
    sheet.getRange(3, between).setFormula('=1+1');
    sheet.getRange(2, between).setValue("'=not a formula");
    table.set(0, TRACKER.paymentIssue, 'Open');
    table.set(1, TRACKER.salesInhibitor, 'Release Needed');
    table.flush();
    expect(sheet.getRange(3, between).getFormula()).toBe('=1+1');
    expect(sheet.getRange(2, between).getFormula()).toBe('');
    expect(sheet.getRange(2, between).getValue()).toBe('=not a formula');
  });

  it('stores user text that looks like a formula as text', () => {
    const ws = setUpWorkspace(1);
    const table = SheetTable.open(ws.tracker, SHEET.tracker);
    table.setText(0, TRACKER.coachingNote, '=IMPORTXML("http://x","//a")');
    table.flush();
    const cell = ws.tracker.sheet(SHEET.tracker).getRange(2, table.col(TRACKER.coachingNote) + 1);
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe('=IMPORTXML("http://x","//a")');
  });

  it.each([10, 1000])('reads and writes %i agents with a constant number of Range calls', (agents) => {
    const ws = setUpWorkspace(agents);
    ws.meter.reset();
    const table = SheetTable.open(ws.tracker, SHEET.tracker);
    for (const i of table.rowIndexes()) {
      table.set(i, TRACKER.attendance, 'Full Day');
      table.set(i, TRACKER.capLevel, 'Verbal Coaching');
    }
    table.flush();
    expect(ws.meter.total('Range')).toBeLessThanOrEqual(3);
    expect(ws.meter.count('Range.getValues')).toBe(1);
    expect(ws.meter.count('Range.setValues')).toBe(1);
  });

  it('appends rows in one write', () => {
    const ws = setUpWorkspace(2);
    const table = SheetTable.open(ws.tracker, SHEET.coachingLog);
    ws.meter.reset();
    table.append({ 'Agent Name': 'A', Level: 'Final CAP' });
    table.append({ 'Agent Name': 'B', Level: 'Termination' });
    table.flush();
    expect(ws.meter.count('Range.setValues')).toBe(1);
    expect(ws.tracker.sheet(SHEET.coachingLog).getLastRow()).toBe(3);
  });
});
