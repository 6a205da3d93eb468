/**
 * RULES "Pace", through the built bundle: agents tick their progress report in the evening, so the time
 * between ticks is not time spent on a module. Before this rule the Pace sheet, the cohort status screen
 * and the TL digest showed invented hours and pace warnings from them: an evening ticker 7.5 h on
 * Module 1, an agent whose first tick was at 13:30 4.8 h, 13 boxes ticked at once 1.7 h each, an exempt
 * agent 19.8 h. Each agent below ticks through the real `onReportEdit` trigger; one sync writes the Pace
 * sheet, and the cohort status screen reads it back.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle, editEvent } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

/** Denver local time (MST, UTC-7 in December). Day 1 Thu 12/3, Day 2 Fri 12/4, Day 3 Mon 12/7. */
const denver = (ymd: string, hhmm: string) => new Date(`${ymd}T${hhmm}:00-07:00`);
const THU = '2026-12-03';
const MON = '2026-12-07';

function cohort(agents: number): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: denver('2026-12-01', '12:00'), mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  return { ws, bundle };
}

function progress(ws: Workspace) {
  const rows = ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
  const id = String(rows.find((r) => r[0] === 'Progress Report ID')?.[1]);
  const sheet = ws.spreadsheets.fake(id).sheet('Progress');
  const values = sheet.getDataRange().getValues();
  const headers = values[0].map(String);
  const rowOf = (oid: string) => values.findIndex((r) => r[headers.indexOf('OID')] === oid) + 1;
  const colOf = (item: string) => headers.indexOf(item) + 1;
  return { sheet, rowOf, colOf, headers };
}

/** The agent ticks `items` one cell at a time at `at` (the report's installable edit trigger fires). */
function tickAt(ws: Workspace, bundle: EntryBundle, oid: string, item: string, at: Date): void {
  const { rowOf, colOf } = progress(ws);
  ws.clock.set(at);
  const fired = ws.userEdit(
    bundle,
    ws.spreadsheets.fake(progress(ws).sheet.getParent().getId()),
    'Progress',
    rowOf(oid),
    colOf(item),
    true,
  );
  expect(fired).toContain('onReportEdit');
  ws.locks.endExecution();
}

/** The agent pastes `count` ticked boxes in one edit (one trigger event for the whole block). */
function pasteTicks(
  ws: Workspace,
  bundle: EntryBundle,
  oid: string,
  first: string,
  count: number,
  at: Date,
): void {
  const { sheet, rowOf, colOf } = progress(ws);
  ws.clock.set(at);
  const range = sheet.getRange(rowOf(oid), colOf(first), 1, count);
  range.setValues([Array.from({ length: count }, () => true)]);
  bundle.onReportEdit(editEvent({ range, value: 'TRUE' }));
  ws.locks.endExecution();
}

function setExemption(ws: Workspace, oid: string, text: string): void {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const values = sheet.getDataRange().getValues();
  const headers = values[0];
  const row = values.findIndex((r) => r[headers.indexOf(TRACKER.oid)] === oid) + 1;
  sheet.getRange(row, headers.indexOf(TRACKER.exemption) + 1).setValue(text);
}

describe('Pace that is true (built bundle): hours only from live ticks', () => {
  const { ws, bundle } = cohort(5);
  // Agent 0 ticks every evening, 17:00-18:00.
  tickAt(ws, bundle, 'OID1000', 'Module 1 Reviewed', denver(THU, '17:05'));
  tickAt(ws, bundle, 'OID1000', 'Quiz 1 Screenshots', denver(THU, '17:20'));
  tickAt(ws, bundle, 'OID1000', 'Module 2 Reviewed', denver(THU, '17:40'));
  tickAt(ws, bundle, 'OID1000', 'Quiz 2 Screenshots', denver(THU, '17:55'));
  // Agent 1 pastes 13 ticked boxes at once, on Day 3 during the working day.
  pasteTicks(ws, bundle, 'OID1001', 'Module 1 Reviewed', 13, denver(MON, '16:00'));
  // Agent 2 ticks live on Day 1: breaks and lunch fall between the ticks.
  tickAt(ws, bundle, 'OID1002', 'Module 1 Reviewed', denver(THU, '09:40')); // first of the day
  tickAt(ws, bundle, 'OID1002', 'Quiz 1 Screenshots', denver(THU, '10:20')); // 25 min (break out)
  tickAt(ws, bundle, 'OID1002', 'Module 2 Reviewed', denver(THU, '13:10')); // 140 min (lunch out)
  tickAt(ws, bundle, 'OID1002', 'Quiz 2 Screenshots', denver(THU, '15:00')); // 95 min (break out)
  // Agent 3's first tick is at 13:30 on Day 1.
  tickAt(ws, bundle, 'OID1003', 'Module 1 Reviewed', denver(THU, '13:30'));
  // Agent 4 is exempt (N-Number late) and starts on Day 3: Module 1 measured 08:30 → 13:30 = 4.25 h.
  setExemption(ws, 'OID1004', 'N-Number late');
  tickAt(ws, bundle, 'OID1004', 'Quiz 1 Screenshots', denver(MON, '08:30'));
  tickAt(ws, bundle, 'OID1004', 'Module 1 Reviewed', denver(MON, '13:30'));

  ws.clock.set(denver(MON, '16:45'));
  bundle.menuSyncProgress();
  const values = ws.tracker.sheet('Pace').getDataRange().getValues();
  const header = values[0].map(String);
  const pace = (oid: string, h: string) => (values.find((r) => r[1] === oid) ?? [])[header.indexOf(h)];
  const status = bundle.getCohortStatus() as {
    rows: {
      oid: string;
      verdict: string;
      measuredHours: string;
      paceWarnings: string;
      exemption: string;
      dueByNow: string;
      itemsDone: string;
    }[];
  };
  const screen = (oid: string) => status.rows.find((r) => r.oid === oid)!;

  it('evening ticks: "not measured", no pace warning (was Module 1 7.5 h, a warning)', () => {
    expect(pace('OID1000', 'Measured Hours')).toBe('not measured');
    expect(pace('OID1000', 'Pace Warnings')).toBe('');
    expect(pace('OID1000', 'Hours per Item (measured / limit)')).toBe(
      [
        'Module 1 Reviewed not measured (ticked outside working hours)',
        'Module 2 Reviewed not measured (ticked outside working hours)',
        'Quiz 1 Screenshots not measured (ticked outside working hours)',
        'Quiz 2 Screenshots not measured (ticked outside working hours)',
      ].join('; '),
    );
    expect(screen('OID1000')).toMatchObject({ measuredHours: 'not measured', paceWarnings: '' });
  });

  it('13 boxes pasted at once: "not measured" (was 1.7 h each)', () => {
    expect(pace('OID1001', 'Items Done')).toBe('13/14');
    expect(pace('OID1001', 'Measured Hours')).toBe('not measured');
    expect(String(pace('OID1001', 'Hours per Item (measured / limit)'))).toMatch(
      /^Module 1 Reviewed not measured \(ticked together with other boxes\);/,
    );
    expect(String(pace('OID1001', 'Hours per Item (measured / limit)'))).not.toMatch(/\d h/);
    expect(pace('OID1001', 'Pace Warnings')).toBe('');
  });

  it('live ticks: measured with breaks and lunch excluded (25 + 140 + 95 min = 4.3 h)', () => {
    expect(pace('OID1002', 'Measured Hours')).toBe(4.3);
    expect(pace('OID1002', 'Hours per Item (measured / limit)')).toBe(
      'Module 1 Reviewed not measured (first tick of the day, start unknown); Module 2 Reviewed 2.3/3 h; ' +
        'Quiz 1 Screenshots 0.4 h; Quiz 2 Screenshots 1.6 h',
    );
    expect(pace('OID1002', 'Pace Warnings')).toBe('');
    expect(screen('OID1002').measuredHours).toBe('4.3');
  });

  it('a first tick at 13:30: "not measured" (was 4.8 h and a pace warning)', () => {
    expect(pace('OID1003', 'Measured Hours')).toBe('not measured');
    expect(pace('OID1003', 'Pace Warnings')).toBe('');
    expect(pace('OID1003', 'Hours per Item (measured / limit)')).toBe(
      'Module 1 Reviewed not measured (first tick of the day, start unknown)',
    );
  });

  it('an exempt agent: measured hours shown, no pace warning (was 19.8 h and a warning); exemption on screen', () => {
    expect(pace('OID1004', 'Measured Hours')).toBe(4.3); // 4.25 h, one decimal
    expect(pace('OID1004', 'Pace Warnings')).toBe('');
    expect(pace('OID1004', 'Exemption')).toBe('N-Number late');
    expect(screen('OID1004')).toMatchObject({ exemption: 'N-Number late', paceWarnings: '' });
  });

  it('verdicts come from due dates and items done: the sync at Day 3 16:45 has Day 1-3 items due (13)', () => {
    expect(values.slice(1).map((r) => r[header.indexOf('Due by Now')])).toEqual([13, 13, 13, 13, 13]);
    expect(screen('OID1001')).toMatchObject({ itemsDone: '13/14', dueByNow: '13', verdict: 'on-track' });
    for (const oid of ['OID1000', 'OID1002', 'OID1003', 'OID1004'])
      expect(screen(oid).verdict).toBe('behind'); // Day 1-3 items not all ticked
    expect(String(pace('OID1001', 'Finish Based On'))).toMatch(/^own rate/);
  });
});
