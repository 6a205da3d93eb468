/**
 * Hands checks and CAP documents with two overlapping classes (SPEC "Cohorts overlap"), through the
 * built bundle. Old defect: the attendance sidebar, its save and CAP documents ran on the Settings class's
 * clock (class A's), so on class B's Day 1 the sidebar offered A's Day 3 check for everyone, a save ran
 * the MIA rule over A's agents on A's day, and B's CAP document named A's class and Day 1.
 */
import { COHORTS, SHEET, TRACKER } from '../../src/domain/contract';
import { addAgents, addCohort, at, twoClasses } from '../helpers/cohorts';

// Denver is UTC-7 in December. Class A ("Test Cohort"): Day 1 Thu 12/3, Day 4 Tue 12/8 (window ends 12:00).
// Class B: Day 1 Mon 12/7 (A's Day 3), Day 2 Tue 12/8.
const MON_2PM = at('2026-12-07T21:00:00Z'); // Mon 12/7 14:00 Denver: A Day 3, B Day 1 (both Active)

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
