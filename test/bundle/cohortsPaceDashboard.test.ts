/**
 * Two overlapping classes share one tracker's Pace sheet and Dashboard (SPEC "Cohorts overlap"), through
 * the built bundle. Old defect: each class's sync rewrote the whole Pace sheet and Dashboard, so the class
 * synced last won and the other class's agents vanished from both.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { addAgents, at, sheetRows, twoClasses } from '../helpers/cohorts';

// Denver is UTC-7 in December. Class A ("Test Cohort"): Day 1 Thu 12/3, Day 4 Tue 12/8 (window ends 12:00).
// Class B: Day 1 Mon 12/7 (A's Day 3), Day 2 Tue 12/8.
const MON_EVENING = at('2026-12-08T00:10:00Z'); // Mon 12/7 17:10: A Day 3, B Day 1 (both Active)

describe('Pace and Dashboard with two overlapping classes (built bundle)', () => {
  it("syncing class B after class A keeps A's Pace rows (old: B's sync erased them), each row labelled with its class", () => {
    const { ws, bundle } = twoClasses();
    ws.clock.set(MON_EVENING);
    ws.ui.queuePromptResponse('Test Cohort');
    bundle.menuSyncProgress();
    ws.ui.queuePromptResponse('Dec 7 Class');
    bundle.menuSyncProgress();
    const [headers, ...rows] = sheetRows(ws, 'Pace');
    const cohortCol = headers.indexOf(TRACKER.cohort);
    const nameCol = headers.indexOf('Agent Name');
    expect(cohortCol).toBeGreaterThan(-1);
    const byClass = (name: string) =>
      rows.filter((r) => r[cohortCol] === name).map((r) => String(r[nameCol]));
    expect(byClass('Test Cohort')).toEqual(['Ann 0', 'Ann 1', 'Ann 2', 'Ann 3', 'Ann 4', 'Ann 5']);
    expect(byClass('Dec 7 Class')).toEqual(['Bea 0', 'Bea 1', 'Bea 2', 'Bea 3', 'Bea 4', 'Bea 5']);
    expect(rows.filter((r) => String(r[nameCol]) !== '')).toHaveLength(12);
    // Re-syncing A replaces only A's rows: no duplicates, B untouched.
    ws.ui.queuePromptResponse('Test Cohort');
    bundle.menuSyncProgress();
    const again = sheetRows(ws, 'Pace')
      .slice(1)
      .filter((r) => String(r[nameCol]) !== '');
    expect(again).toHaveLength(12);
    expect(again.filter((r) => r[cohortCol] === 'Dec 7 Class')).toHaveLength(6);
    // The status screen shows each agent's class (and offers a class filter).
    const status = bundle.getCohortStatus() as {
      cohorts: string[];
      rows: { name: string; cohort: string; verdict: string }[];
    };
    expect(status.cohorts).toEqual(['Test Cohort', 'Dec 7 Class']);
    expect(status.rows.find((r) => r.name === 'Bea 0')).toMatchObject({ cohort: 'Dec 7 Class' });
    expect(status.rows.find((r) => r.name === 'Ann 0')).toMatchObject({ cohort: 'Test Cohort' });
    expect(status.rows.every((r) => r.verdict !== 'not synced')).toBe(true);
  });

  it('the nightly sweep leaves one labelled Dashboard section per class with its own counts (old: the last class only)', () => {
    const { ws, bundle } = twoClasses();
    // One more agent in B, so the two sections' counts differ.
    addAgents(ws, 'Dec 7 Class', 'Bea', 20, 1);
    ws.ui.queuePromptResponse('Dec 7 Class');
    bundle.menuCreateProgressReport();
    ws.clock.set(MON_EVENING);
    bundle.nightlySweep();
    const grid = sheetRows(ws, SHEET.dashboard);
    const labels = grid.filter((r) => r[0] === TRACKER.cohort);
    expect(labels.map((r) => [r[1], r[2]])).toEqual([
      ['Test Cohort', 'Active'],
      ['Dec 7 Class', 'Active'],
    ]);
    const section = (name: string) => {
      const start = grid.findIndex((r) => r[0] === TRACKER.cohort && r[1] === name);
      const next = grid.findIndex((r, k) => k > start && r[0] === TRACKER.cohort);
      return grid.slice(start, next === -1 ? undefined : next);
    };
    const agentsDoneOrNot = (name: string) => {
      const item = section(name).find((r) => r[0] === DEFAULT_SCHEDULE[0].item)!;
      return Number(item[2]) + Number(item[3]);
    };
    expect(agentsDoneOrNot('Test Cohort')).toBe(6);
    expect(agentsDoneOrNot('Dec 7 Class')).toBe(7);
    const tlAgents = (name: string) =>
      section(name)
        .filter((r) => /^TL \d/.test(String(r[0])))
        .reduce((n, r) => n + Number(r[1]), 0);
    expect(tlAgents('Test Cohort')).toBe(6);
    expect(tlAgents('Dec 7 Class')).toBe(7);
    expect(ws.tracker.sheet(SHEET.dashboard).getCharts()).toHaveLength(1);
    // Refreshing one class again keeps the other's section.
    ws.ui.queuePromptResponse('Test Cohort');
    bundle.menuRefreshDashboard();
    expect(sheetRows(ws, SHEET.dashboard).filter((r) => r[0] === TRACKER.cohort)).toHaveLength(2);
  });
});

describe('menu actions default to the class of the selected tracker row (built bundle)', () => {
  it('with Bea\'s row selected, Sync progress syncs her class without asking (old: asked "Which class?")', () => {
    const { ws, bundle } = twoClasses();
    ws.clock.set(MON_EVENING);
    ws.ui.log.length = 0;
    ws.tracker.selectRange(SHEET.tracker, 'A9'); // Bea 1 (rows 8-13 are class B's)
    const message = String(bundle.menuSyncProgress());
    expect(message).not.toMatch(/Could not finish/);
    expect(ws.ui.log.join('\n')).not.toMatch(/Which class\?/);
    const [headers, ...rows] = sheetRows(ws, 'Pace');
    const classes = new Set(rows.map((r) => r[headers.indexOf(TRACKER.cohort)]).filter(Boolean));
    expect([...classes]).toEqual(['Dec 7 Class']);
    // An Ann row selected: her class.
    ws.tracker.selectRange(SHEET.tracker, 'B3');
    bundle.menuSyncProgress();
    expect(ws.ui.log.join('\n')).not.toMatch(/Which class\?/);
    const after = sheetRows(ws, 'Pace');
    expect(
      new Set(
        after
          .slice(1)
          .map((r) => r[headers.indexOf(TRACKER.cohort)])
          .filter(Boolean),
      ),
    ).toEqual(new Set(['Dec 7 Class', 'Test Cohort']));
    // The selection elsewhere (the header row): the existing rule asks.
    ws.tracker.selectRange(SHEET.tracker, 'A1');
    ws.ui.queuePromptResponse('Test Cohort');
    bundle.menuSyncProgress();
    expect(ws.ui.log.join('\n')).toMatch(/Which class\?/);
  });
});
