/**
 * Issue 9 (H1): Sheets parses strings written with setValue(s)/appendRow like typed input ("1/14" → a
 * date, "00123" → 123, "=x" → a formula). Each test here failed on the code before this change, through
 * the built bundle, and proves what a TL now sees.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

const DAY0 = new Date('2026-12-01T19:00:00Z'); // Tue 12/1 noon Denver
const DAY1_EVENING = new Date('2026-12-04T00:10:00Z'); // Thu 12/3 17:10 Denver

function cohort(agents: number, report = true): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  if (report) bundle.menuCreateProgressReport();
  return { ws, bundle };
}

function tick(ws: Workspace, oidRow: number, items: string[]): void {
  const id = String(
    ws.tracker
      .sheet(SHEET.settings)
      .getDataRange()
      .getValues()
      .find((r) => r[0] === 'Progress Report ID')?.[1],
  );
  const progress = ws.spreadsheets.fake(id).sheet('Progress');
  const headers = progress.getRange(1, 1, 1, progress.getLastColumn()).getValues()[0];
  for (const item of items) progress.getRange(oidRow, headers.indexOf(item) + 1).setValue(true);
}

function trackerCell(ws: Workspace, row: number, header: string) {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet.getRange(row, headers.indexOf(header) + 1);
}

const isDateValue = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';

describe('Pace sheet and Cohort status show items done and dates as the TL expects', () => {
  it('Items Done "1/14" stays text (not Wed Jan 14 2026 … GMT-0700); Projected Finish is a real date shown M/D/YYYY H:mm', () => {
    const { ws, bundle } = cohort(3);
    tick(ws, 2, ['Module 1 Reviewed']);
    ws.clock.set(DAY1_EVENING);
    bundle.menuSyncProgress();

    const pace = ws.tracker.sheet('Pace');
    const values = pace.getDataRange().getValues();
    const display = pace.getDataRange().getDisplayValues();
    const header = values[0];
    const done = header.indexOf('Items Done');
    const finish = header.indexOf('Projected Finish');
    const row = values.findIndex((r) => r[1] === 'OID1000');
    expect(values[row][done]).toBe('1/14');
    expect(display[row][done]).toBe('1/14');
    expect(isDateValue(values[row][finish]) || values[row][finish] === 'done').toBe(true);
    for (const line of display) for (const cell of line) expect(cell).not.toMatch(/GMT|\(.*Time\)/);
    expect(display[row][finish]).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}$/);

    const status = bundle.getCohortStatus() as {
      rows: { oid: string; itemsDone: string; projectedFinish: string }[];
    };
    const mine = status.rows.find((r) => r.oid === 'OID1000')!;
    expect(mine.itemsDone).toBe('1/14');
    expect(mine.projectedFinish).not.toMatch(/GMT/);
    expect(mine.projectedFinish).toMatch(/^(done|\d{1,2}\/\d{1,2}\/\d{4} \d{2}:\d{2})$/);
    expect(mine.projectedFinish).toBe(
      display[row][finish].replace(/ (\d):/, ' 0$1:'), // the sheet shows H:mm, the screen HH:mm
    );
  });
});

describe('Validate all Name - Date - Note entries writes only the cells it normalises', () => {
  it("keeps TEXT '=SUM(1,1) as text and a real formula as a formula while normalising another cell", () => {
    const { ws, bundle } = cohort(4, false);
    const text = trackerCell(ws, 2, TRACKER.coachingNote);
    text.setValue("'=SUM(1,1)");
    const formula = trackerCell(ws, 3, TRACKER.coachingNote);
    formula.setFormula('=CONCAT("Dev - ","12/1/2026 - x")');
    const messy = trackerCell(ws, 4, TRACKER.coachingNote);
    messy.setValue('Dev – 12/1/2026 – good');
    bundle.menuValidateNotes();

    expect(messy.getValue()).toBe('Dev - 12/1/2026 - good');
    expect(text.getFormula()).toBe('');
    expect(text.getValue()).toBe('=SUM(1,1)');
    expect(formula.getFormula()).toBe('=CONCAT("Dev - ","12/1/2026 - x")');
  });

  it('with many scattered rewrites (one block write) text and formulas in between are kept too', () => {
    const { ws, bundle } = cohort(12, false);
    const cells = Array.from({ length: 12 }, (_, k) => trackerCell(ws, k + 2, TRACKER.coachingNote));
    cells.forEach((c, k) => {
      if (k % 2 === 0) c.setValue('Dev – 12/1/2026 – good');
    });
    cells[3].setValue("'=SUM(1,1)");
    cells[5].setFormula('=CONCAT("Dev - ","12/1/2026 - x")');
    cells[7].setValue("'00123");
    bundle.menuValidateNotes();
    expect(cells.filter((_, k) => k % 2 === 0).map((c) => c.getValue())).toEqual(
      new Array(6).fill('Dev - 12/1/2026 - good'),
    );
    expect([cells[3].getValue(), cells[3].getFormula()]).toEqual(['=SUM(1,1)', '']);
    expect(cells[5].getFormula()).toBe('=CONCAT("Dev - ","12/1/2026 - x")');
    expect(cells[7].getValue()).toBe('00123');
  });

  it('batches: Range calls are the same for 10 and 200 agents, at most 3 setValues per column', () => {
    const run = (agents: number) => {
      const { ws, bundle } = cohort(agents, false);
      const sheet = ws.tracker.sheet(SHEET.tracker);
      const col = trackerCell(ws, 2, TRACKER.attendanceNote).getColumn();
      const notes = Array.from({ length: agents }, (_, i) => [
        i % 2 ? 'Dev - 2/30/2026 - bad' : 'Dev – 12/1/2026 – good',
      ]);
      sheet.getRange(2, col, agents, 1).setValues(notes);
      ws.meter.reset();
      bundle.menuValidateNotes();
      return { range: ws.meter.total('Range'), setValues: ws.meter.count('Range.setValues') };
    };
    const small = run(10);
    const large = run(200);
    expect(large).toEqual(small);
    expect(small.setValues).toBeLessThanOrEqual(3);
  });

  it('a bare "4/14" typed into a note column (Sheets makes it a date) is flagged in words, not as "Tue Apr 14 … GMT"', () => {
    const { ws, bundle } = cohort(2, false);
    const cell = trackerCell(ws, 2, TRACKER.coachingNote);
    cell.setValue('4/14');
    bundle.menuValidateNotes();
    expect(cell.getNote()).toContain('4/14/2026');
    expect(cell.getNote()).not.toMatch(/GMT/);
  });
});

describe('user text written by the script stays text', () => {
  it('an OID "00123" is copied to Attendance as "00123", not the number 123', () => {
    const { ws, bundle } = cohort(2, false);
    const oid = trackerCell(ws, 2, TRACKER.oid);
    oid.setValue("'00123");
    bundle.menuSetupWorkbook(); // syncs the Attendance roster
    const attendance = ws.tracker.sheet(SHEET.attendance).getDataRange().getValues();
    const col = attendance[0].indexOf('OID');
    expect(attendance.map((r) => r[col])).toContain('00123');
    expect(attendance.map((r) => r[col])).not.toContain(123);
  });

  it('an N-Number typed as "00123" after set-up keeps its leading zeros (column formatted plain text)', () => {
    const { ws } = cohort(1, false);
    const cell = trackerCell(ws, 2, TRACKER.nNumber);
    cell.setValue('00123');
    expect(cell.getValue()).toBe('00123');
  });
});
