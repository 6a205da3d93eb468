/**
 * RULES R26 — calls per run do not grow with the cohort, through the built bundle and the workspace
 * meter (counts, not times): creating the progress report costs at most 40 calls at 10 and at 500
 * agents; the nightly sweep at most 25, the same calls at both sizes: the tracker's sheets and the report
 * are each read with one Spreadsheets.get and two Values.batchGet, every change is written with one RAW
 * Values.batchUpdate (plus one USER_ENTERED for date cells); progress sync and the CAP check cost the
 * same calls at both sizes (the CAP check grows its Alert Log once).
 */
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

const TUE_NOON = new Date('2026-12-01T19:00:00Z'); // before Day 1 (Thu 12/3, Denver)
const DAY1_EVENING = new Date('2026-12-04T00:10:00Z'); // Thu 17:10
const WINDOW_END = new Date('2026-12-08T19:05:00Z'); // Tue 12:05 (Day 4 midday)

/** Report creation's ceiling (the floor is ~30: docs/features/cost.md). */
const CREATE_CEILING = 40;
/** The nightly sweep's ceiling (RULES R26; the floor is ~20: docs/features/cost.md). */
const SWEEP_CEILING = 25;

function cost(ws: Workspace, run: () => unknown): { total: number; methods: Record<string, number> } {
  ws.meter.reset();
  run();
  return { total: ws.meter.total(), methods: ws.meter.snapshot() };
}

function cohortOf(agents: number) {
  const { ws, bundle } = bundledWorkspace({ now: TUE_NOON, mailQuota: 1_000_000 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws, { 'Dry Run': true });
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  const create = cost(ws, () => bundle.menuCreateProgressReport());
  ws.clock.set(DAY1_EVENING);
  const sync = cost(ws, () => bundle.menuSyncProgress());
  const sweep = cost(ws, () => bundle.nightlySweep());
  ws.clock.set(WINDOW_END);
  const cap = cost(ws, () => bundle.capCheck());
  return { ws, create, sync, sweep, cap };
}

describe('Flat cost: calls per run at 10 and 500 agents (built bundle)', () => {
  const small = cohortOf(10);
  const large = cohortOf(500);

  it(`creates the progress report in at most ${CREATE_CEILING} calls at both sizes, the same calls`, () => {
    expect(small.create.total).toBeLessThanOrEqual(CREATE_CEILING);
    expect(large.create.total).toBeLessThanOrEqual(CREATE_CEILING);
    expect(large.create.methods).toEqual(small.create.methods);
    // One call each for the tracker's config, the new report with its sheets, and every protection.
    expect(large.create.methods['Sheets.Spreadsheets.create']).toBe(1);
    expect(large.create.methods['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(large.create.methods['Utilities.formatDate'] ?? 0).toBeLessThanOrEqual(4);
  });

  it('the report made that way has every agent row, the Tick Log hidden and the header frozen', () => {
    const rows = large.ws.tracker.sheet('Settings').getDataRange().getValues();
    const id = String(rows.find((r) => r[0] === 'Progress Report ID')?.[1] ?? '');
    const report = large.ws.spreadsheets.fake(id);
    const progress = report.sheet('Progress');
    expect(progress.getLastRow()).toBe(501);
    expect(progress.getFrozenRows()).toBe(1);
    expect(report.sheet('Tick Log').isSheetHidden()).toBe(true);
    expect(report.sheet('Tick Log').getRange(1, 1).getValue()).not.toBe('');
  });

  it(`sweeps in at most ${SWEEP_CEILING} calls at 10 and at 500 agents, the same calls, one batched read and write`, () => {
    expect(small.sweep.total).toBeLessThanOrEqual(SWEEP_CEILING);
    expect(large.sweep.total).toBeLessThanOrEqual(SWEEP_CEILING);
    expect(large.sweep.methods).toEqual(small.sweep.methods);
    const m = large.sweep.methods;
    // The tracker and the report: one Spreadsheets.get and two Values.batchGet each; every change in one
    // RAW Values.batchUpdate and one USER_ENTERED (the date cells); no per-sheet reads or writes.
    expect([m['Sheets.Spreadsheets.get'], m['Sheets.Spreadsheets.Values.batchGet']]).toEqual([2, 5]);
    expect(m['Sheets.Spreadsheets.Values.batchUpdate']).toBeLessThanOrEqual(2);
    for (const perSheet of [
      'Range.getValues',
      'Range.setValues',
      'Sheet.getLastRow',
      'Range.getNumberFormats',
    ])
      expect(m[perSheet] ?? 0).toBe(0);
  });

  it('syncs progress, sweeps and checks CAPs at the same calls at 10 and 500 agents', () => {
    expect(large.sync.methods).toEqual(small.sync.methods);
    expect(large.sweep.methods).toEqual(small.sweep.methods);
    // The CAP check's Alert Log outgrows its rows at 500 agents: the sheet is opened and grown once
    // (getSheetByName + insertRowsAfter), whatever the size.
    const growth = { ...large.cap.methods };
    growth['SpreadsheetApp.getSheetByName'] -= 1;
    growth['Sheet.insertRowsAfter'] -= 1;
    expect(Object.fromEntries(Object.entries(growth).filter(([, n]) => n !== 0))).toEqual(small.cap.methods);
  });
});
