import { TRACKER } from '../../src/domain/contract';
import { loadConfig } from '../../src/gas/config';
import { syncProgress } from '../../src/usecases/progressSync';
import { handleReportEdit } from '../../src/usecases/tickLog';
import type { FakeSpreadsheetT } from '../../workspace/spreadsheet';
import type { Workspace } from '../../workspace/workspace';
import { colOf, createReport, reportWorkspace } from './progressReportFixture';

/** Denver local time (MST, UTC-7 in December) as an instant. */
const denver = (ymd: string, hhmm: string) => new Date(`${ymd}T${hhmm}:00-07:00`);

/** An agent (data row `row`) ticks or unticks `item` at a local time, firing the stamping trigger. */
function tick(ws: Workspace, report: FakeSpreadsheetT, row: number, item: string, at: Date, value = true) {
  ws.clock.set(at);
  const cell = report.sheet('Progress').getRange(row, colOf(report, 'Progress', item));
  cell.setValue(value);
  handleReportEdit(cell);
  ws.locks.endExecution();
}

function trackerStatus(ws: Workspace, dataRow: number): unknown {
  const sheet = ws.tracker.sheet('ESP Tracker');
  const col =
    sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(TRACKER.ahipAetnaStatus) + 1;
  return sheet.getRange(dataRow + 2, col).getValue();
}

const sync = (ws: Workspace) => syncProgress(ws.tracker, loadConfig(ws.tracker));

describe('syncProgress: pace across the weekend (Day 1 Thu 12/3, Day 3 Mon 12/7)', () => {
  it('matches the hand-computed hours, overdue and due-today items and projected finish', () => {
    const ws = reportWorkspace(2);
    const report = createReport(ws);
    // 08:00-16:30 with breaks 10:00-10:15, 14:30-14:45 and lunch 12:00-12:30: 7.5 working hours a day.
    // Only live ticks are measured (RULES "Pace"): a day's first tick has no known start.
    tick(ws, report, 2, 'Module 1 Reviewed', denver('2026-12-03', '10:45')); // first of the day
    tick(ws, report, 2, 'Quiz 1 Screenshots', denver('2026-12-03', '11:00')); // 15 min
    tick(ws, report, 2, 'Module 2 Reviewed', denver('2026-12-03', '15:00')); // 60 + 120 + 15 = 195 min > 3 h
    tick(ws, report, 2, 'Quiz 2 Screenshots', denver('2026-12-04', '09:00')); // first of Friday
    ws.clock.set(denver('2026-12-07', '09:00')); // Monday, Day 3

    const result = sync(ws);
    const a = result.rows.find((r) => r.oid === 'OID1000');
    if (!a) throw new Error('agent missing');
    const hours = Object.fromEntries(
      a.hoursByItem.filter((h) => h.spentHours !== null).map((h) => [h.item, h.spentHours]),
    );
    expect(hours).toEqual({ 'Quiz 1 Screenshots': 0.25, 'Module 2 Reviewed': 3.25 });
    expect(a.measuredHours).toBe(3.5);
    expect(a.dueByNow).toBe(8);
    expect(a.exemption).toBe('');
    expect(a.paceWarnings).toEqual(['Module 2 Reviewed: 3.3 h (limit 3 h)']);
    expect(a.doneCount).toBe(4);
    expect(a.hoursSpent).toBe(8.5); // Thursday's 7.5 h + Friday 08:00-09:00
    expect(a.overdue).toEqual([
      'Module 3 Reviewed',
      'Module 4 Reviewed',
      'Quiz 3 Screenshots',
      'Quiz 4 Screenshots',
    ]);
    expect(a.dueToday).toEqual([
      'Module 5 Reviewed',
      'Quiz 5 Screenshots',
      'AHIP Final',
      'Aetna Cert Courses',
      '13 Checkmarks Proof Emailed',
    ]);
    // 4 items in 960 elapsed working minutes (Thu 450, Fri 450, Mon 60): 240 min × 10 left = 2,400 from
    // Mon 09:00: Mon 390, Tue-Fri 4 × 450, next Mon 08:00-10:00 and 10:15-11:45.
    expect(a.itemsPerHour).toBe(0.25);
    expect(a.projectionBasis).toBe('rate');
    expect(a.projectedFinish.toISOString()).toBe(denver('2026-12-14', '11:45').toISOString());
    expect(a.verdict).toBe('behind');
    expect(a.lastSelfReport?.toISOString()).toBe(denver('2026-12-04', '09:00').toISOString());
    expect(trackerStatus(ws, 0)).toBe('In Progress');

    const silent = result.rows.find((r) => r.oid === 'OID1001');
    expect(silent?.doneCount).toBe(0);
    expect(silent?.lastSelfReport).toBeNull();
    expect(trackerStatus(ws, 1)).toBe('Not Started');

    const pace = ws.tracker.sheet('Pace').getDataRange().getValues();
    const header = pace[0];
    const row = pace.find((r) => r[1] === 'OID1000') ?? [];
    expect(row[header.indexOf('Items Done')]).toBe('4/14');
    // Written as a real date shown as M/d/yyyy H:mm (so TLs can sort it): what the TL reads.
    const shown = ws.tracker.sheet('Pace').getDataRange().getDisplayValues();
    const shownRow = shown.find((r) => r[1] === 'OID1000') ?? [];
    expect(shownRow[header.indexOf('Projected Finish')]).toBe('12/14/2026 11:45');
    expect(row[header.indexOf('Hours per Item (measured / limit)')]).toBe(
      'Module 1 Reviewed not measured (first tick of the day, start unknown); Module 2 Reviewed 3.3/3 h; ' +
        'Quiz 1 Screenshots 0.3 h; Quiz 2 Screenshots not measured (first tick of the day, start unknown)',
    );
    expect(row[header.indexOf('Measured Hours')]).toBe(3.5);
    expect(row[header.indexOf('Due by Now')]).toBe(8);
    expect(row[header.indexOf('Items per Working Hour')]).toBe(0.25);
    expect(row[header.indexOf('Finish Based On')]).toMatch(/^own rate/);
    const silentRow = pace.find((r) => r[1] === 'OID1001') ?? [];
    expect(silentRow[header.indexOf('Measured Hours')]).toBe('not measured');
  });

  it('trusts the boxes over the log: an untick that was logged is not done, a box ticked without a log entry is', () => {
    const ws = reportWorkspace(1);
    const report = createReport(ws);
    tick(ws, report, 2, 'Module 1 Reviewed', denver('2026-12-03', '10:45'));
    tick(ws, report, 2, 'Module 1 Reviewed', denver('2026-12-03', '10:50'), false);
    // Ticked while the trigger was not installed: no log row, but the Last Self-Report stamp exists.
    const progress = report.sheet('Progress');
    progress.getRange(2, colOf(report, 'Progress', 'Quiz 1 Screenshots')).setValue(true);
    ws.clock.set(denver('2026-12-03', '16:40'));
    const [a] = sync(ws).rows;
    expect(a.doneCount).toBe(1);
    expect(a.missingItems).toContain('Module 1 Reviewed');
    // Dated at the last self-report (10:50), but that is not the tick's own time: not measured (was 155 min).
    const quiz = a.hoursByItem.find((h) => h.item === 'Quiz 1 Screenshots');
    expect(quiz).toMatchObject({ spentHours: null, measurement: 'no-tick-time' });
  });

  it('keeps a TL\'s "Blocked" status and marks a finished agent Complete', () => {
    const ws = reportWorkspace(2);
    const report = createReport(ws);
    const sheet = ws.tracker.sheet('ESP Tracker');
    const col =
      sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(TRACKER.ahipAetnaStatus) + 1;
    sheet.getRange(3, col).setValue('Blocked');
    const items = loadConfig(ws.tracker).schedule.map((s) => s.item);
    const progress = report.sheet('Progress');
    const first = colOf(report, 'Progress', items[0]);
    progress.getRange(2, first, 2, items.length).setValues([items.map(() => true), items.map(() => true)]);
    ws.clock.set(denver('2026-12-07', '09:00'));
    const result = sync(ws);
    expect(result.rows.map((r) => r.verdict)).toEqual(['complete', 'complete']);
    expect(trackerStatus(ws, 0)).toBe('Complete');
    expect(trackerStatus(ws, 1)).toBe('Blocked');
    expect(result.statusUpdates).toBe(1);
  });
});

describe('syncProgress cost', () => {
  /** Sheets calls of a steady-state sync with every agent having ticked three items. */
  function callsAt(agents: number): number {
    const ws = reportWorkspace(agents);
    const report = createReport(ws);
    const log = report.sheet('Tick Log');
    const at = denver('2026-12-03', '11:00');
    const rows = Array.from({ length: agents }, (_, i) =>
      ['Module 1 Reviewed', 'Quiz 1 Screenshots', 'Module 2 Reviewed'].map((item) => [
        at,
        `OID${1000 + i}`,
        `Agent ${i}`,
        item,
        true,
        i + 2,
      ]),
    ).flat();
    log.insertRowsAfter(log.getMaxRows(), rows.length);
    log.getRange(2, 1, rows.length, 6).setValues(rows);
    ws.clock.set(denver('2026-12-03', '16:40'));
    sync(ws);
    ws.meter.reset();
    sync(ws);
    const s = ws.meter.byService();
    return (s.SpreadsheetApp ?? 0) + (s.Sheet ?? 0) + (s.Range ?? 0);
  }

  it('does not grow with the number of agents (10 vs 1,000)', () => {
    expect(callsAt(1000)).toBe(callsAt(10));
  });
});
