/**
 * Hands checks and CAP documents with two overlapping classes (SPEC "Cohorts overlap"), through the
 * built bundle. Old defect: the attendance sidebar, its save and CAP documents ran on the Settings class's
 * clock (class A's), so on class B's Day 1 the sidebar offered A's Day 3 check for everyone, a save ran
 * the MIA rule over A's agents on A's day, and B's CAP document named A's class and Day 1.
 */
import { COHORTS, SHEET, TRACKER } from '../../src/domain/contract';
import type { Bundle, Workspace } from '../../workspace/workspace';
import { bundledWorkspace } from '../helpers/bundle';
import { agentRecord, cohortSettings, writeRoster } from '../helpers/workbook';

const at = (iso: string) => new Date(iso);
// Denver is UTC-7 in December. Class A ("Test Cohort"): Day 1 Thu 12/3, Day 4 Tue 12/8 (window ends 12:00).
// Class B: Day 1 Mon 12/7 (A's Day 3), Day 2 Tue 12/8.
const DAY0 = at('2026-12-01T19:00:00Z'); // Tue 12/1 noon
const MON_2PM = at('2026-12-07T21:00:00Z'); // Mon 12/7 14:00 Denver: A Day 3, B Day 1 (both Active)

function sheetRows(ws: Workspace, name: string): unknown[][] {
  return ws.tracker.sheet(name).getDataRange().getValues();
}

function col(ws: Workspace, name: string, header: string): number {
  return sheetRows(ws, name)[0].indexOf(header) + 1;
}

/** Appends tracker rows for class `cohort` (blank = leave the Cohort cell empty), named `prefix N`. */
function addAgents(ws: Workspace, cohort: string, prefix: string, from: number, count: number): void {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheetRows(ws, SHEET.tracker)[0].map(String);
  const rows = Array.from({ length: count }, (_, k) => {
    const record: Record<string, string> = {
      ...agentRecord(from + k),
      [TRACKER.agentName]: `${prefix} ${k}`,
      [TRACKER.cohort]: cohort,
    };
    return headers.map((h) => record[h] ?? '');
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, headers.length).setValues(rows);
}

function addCohort(ws: Workspace, name: string, day1: string): void {
  const sheet = ws.tracker.sheet(SHEET.cohorts);
  const row = sheet.getLastRow() + 1;
  sheet.getRange(row, col(ws, SHEET.cohorts, COHORTS.cohort)).setValue(name);
  sheet.getRange(row, col(ws, SHEET.cohorts, COHORTS.day1Date)).setValue(day1);
}

/** Class A (moved from Settings by set-up, 6 agents) and class B (6 agents, named in their rows), with reports. */
function twoClasses(): { ws: Workspace; bundle: Bundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, 6);
  for (let k = 0; k < 6; k++)
    ws.tracker
      .sheet(SHEET.tracker)
      .getRange(k + 2, col(ws, SHEET.tracker, TRACKER.agentName))
      .setValue(`Ann ${k}`);
  bundle.menuSetupWorkbook(); // moves "Test Cohort" into Cohorts and names it in the 6 rows
  addCohort(ws, 'Dec 7 Class', '12/7/2026');
  addAgents(ws, 'Dec 7 Class', 'Bea', 10, 6);
  bundle.menuSetupWorkbook();
  // Two classes are Planned/Active: each menu action asks which.
  ws.ui.queuePromptResponse('Test Cohort');
  expect(String(bundle.menuCreateProgressReport())).toMatch(/Added 6 agent/);
  ws.ui.queuePromptResponse('dec 7 class');
  expect(String(bundle.menuCreateProgressReport())).toMatch(/Added 6 agent/);
  return { ws, bundle };
}

interface View {
  current: string;
  cohort: string;
  cohorts: string[];
  agents: { oid: string; name: string }[];
}
interface Saved {
  header: string;
  present: number;
  missed: number;
  mia: { name: string }[];
}

describe('Check settings with classes (built bundle)', () => {
  it('lists Cohorts problems and tracker rows whose class cannot be told, by sheet, row, header and value (old: none)', () => {
    const { ws, bundle } = twoClasses();
    addAgents(ws, '', 'Blank', 30, 1); // tracker row 14: blank Cohort with two open classes
    addAgents(ws, 'Nope Class', 'Nope', 31, 1); // row 15: not a class
    addCohort(ws, 'Feb Class', '2/30/2027'); // Cohorts row 4: not a real date
    const text = String(bundle.menuCheckSettings());
    expect(text).toMatch(/3 class problems/);
    expect(text).toContain(
      `"${SHEET.tracker}" row 14, "${TRACKER.cohort}" is blank and 3 classes are Planned or Active`,
    );
    expect(text).toContain(`"${SHEET.tracker}" row 15, "${TRACKER.cohort}": "Nope Class" is not a class`);
    expect(text).toMatch(
      new RegExp(`"${SHEET.cohorts}" row 4, "${COHORTS.day1Date}": "2/30/2027" is not a real calendar date`),
    );
  });
});

describe('hands checks and CAP documents with two overlapping classes (built bundle)', () => {
  it("on B's Day 1 while A is in Day 3, B's hands check uses B's clock and B's agents (old: A's Day 3 check for all)", () => {
    const { ws, bundle } = twoClasses();
    ws.clock.set(MON_2PM);
    const b = bundle.getAttendanceView('all', undefined, 'Dec 7 Class') as View;
    expect(b.cohort).toBe('Dec 7 Class');
    expect(b.cohorts).toEqual(['Test Cohort', 'Dec 7 Class']);
    expect(b.current).toMatch(/^D1 /);
    expect(b.agents.map((a) => a.name)).toEqual(['Bea 0', 'Bea 1', 'Bea 2', 'Bea 3', 'Bea 4', 'Bea 5']);
    const a = bundle.getAttendanceView('all', undefined, 'test cohort') as View;
    expect(a.cohort).toBe('Test Cohort');
    expect(a.current).toMatch(/^D3 /);
    expect(a.agents.map((x) => x.name)).toEqual(['Ann 0', 'Ann 1', 'Ann 2', 'Ann 3', 'Ann 4', 'Ann 5']);
    // Without a choice the view still shows one class, on that class's clock.
    const first = bundle.getAttendanceView('mine') as View;
    expect(first.cohort).toBe('Test Cohort');
    expect(first.current).toMatch(/^D3 /);
    // Saving B's check runs the rule on B's clock over B's agents only: no Ann is MIA for checks not yet held.
    const shown = b.agents.map((x) => x.oid);
    const saved = bundle.saveAttendance(b.current, shown.slice(1), shown) as Saved;
    expect(saved.header).toBe(b.current);
    expect(saved).toMatchObject({ present: 5, missed: 1 });
    expect(saved.mia.filter((m) => m.name.startsWith('Ann'))).toEqual([]);
    // Agents of two classes in one save are refused with both classes named.
    expect(() => bundle.saveAttendance(b.current, [], [shown[0], a.agents[0].oid])).toThrow(
      /2 classes \("Test Cohort", "Dec 7 Class"\)|2 classes \("Dec 7 Class", "Test Cohort"\)/,
    );
  });

  it("a CAP document for a class B agent names B's class and Day 1 (old: the Settings class's)", () => {
    const { ws, bundle } = twoClasses();
    ws.clock.set(MON_2PM);
    const b = bundle.getAttendanceView('all', undefined, 'Dec 7 Class') as View;
    const url = String(bundle.createCapDocument(b.agents[0].oid, 'Verbal Coaching'));
    const id = [...ws.store.files.keys()].find((k) => url.includes(k))!;
    const text = ws.documents.textOf(id);
    expect(text).toContain('Dec 7 Class');
    expect(text).toContain('12/7/2026');
    expect(text).not.toContain('Test Cohort');
  });
});
