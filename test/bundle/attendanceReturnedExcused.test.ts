/**
 * The attendance rule through the built bundle (RULES: attendance): an MIA agent present at a later hands
 * check is shown as returned (tracker, note line, one notice to the ESP manager), an MIA of one day does
 * not come back on a later day, and an excused check (HR-approved absence) is saved in the same batched
 * writes, is neither a miss nor a presence, and never alerts.
 *
 * Defects proved here (each test fails on the code before this change):
 *  - MIA never cleared: an agent present again stayed `MIA` in the tracker and in `saveAttendance`'s `mia`.
 *  - Day-1 MIAs came back later: the rule reported every agent whose longest run ever reached the
 *    threshold, so the Day-3 sweep (and its digest) listed a Day-1 MIA who had long returned.
 *  - A hands check could not be excused: saveAttendance took no excuses, so an HR-approved absence was a miss.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

const at = (iso: string) => new Date(iso);
// Denver is UTC-7 in December; Day 1 is Thu 12/3, Day 2 Fri 12/4, Day 3 Mon 12/7.
const DAY0 = at('2026-12-01T19:00:00Z');
/** Day 1 checks: 10:00, 10:15, 12:00, 12:30, 14:30, 14:45 local. */
const D1 = {
  'D1 Before Break 1': '2026-12-03T17:00:00Z',
  'D1 After Break 1': '2026-12-03T17:15:00Z',
  'D1 Before Lunch': '2026-12-03T19:00:00Z',
  'D1 After Lunch': '2026-12-03T19:30:00Z',
  'D1 Before Break 2': '2026-12-03T21:30:00Z',
  'D1 After Break 2': '2026-12-03T21:45:00Z',
} as const;
type Check = keyof typeof D1;

interface Saved {
  present: number;
  missed: number;
  excused: number;
  mia: { oid: string; name: string }[];
  atOneMiss: { oid: string; name: string }[];
  newlyMia: string[];
  newlyReturned: string[];
}

function cohort(agents: number): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws, { 'MIA Consecutive Misses': 2 });
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  ws.mail.clearOutbox();
  return { ws, bundle };
}

const oids = (n: number, but: number[] = []) =>
  Array.from({ length: n }, (_, i) => i)
    .filter((i) => !but.includes(i))
    .map((i) => `OID${1000 + i}`);

function save(ws: Workspace, bundle: EntryBundle, check: Check, present: string[], excused?: unknown): Saved {
  ws.clock.set(at(D1[check]));
  return bundle.saveAttendance(check, present, undefined, excused) as Saved;
}

function trackerText(ws: Workspace, agent: number, header: string): string {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return String(sheet.getRange(agent + 2, headers.indexOf(header) + 1).getValue());
}

function attendanceColumn(ws: Workspace, header: string): unknown[] {
  const sheet = ws.tracker.sheet(SHEET.attendance);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet
    .getRange(2, headers.indexOf(header) + 1, sheet.getLastRow() - 1, 1)
    .getValues()
    .map((r) => r[0]);
}

const subjects = (ws: Workspace, pattern: RegExp) => ws.mail.outbox.filter((m) => pattern.test(m.subject));

describe('MIA returned (built bundle)', () => {
  it('an MIA agent present at a later check leaves MIA: tracker code, note line, one "returned" notice, once', () => {
    const { ws, bundle } = cohort(4);
    save(ws, bundle, 'D1 Before Break 1', oids(4, [3]));
    const mia = save(ws, bundle, 'D1 After Break 1', oids(4, [3]));
    expect(mia.newlyMia).toEqual(['Agent 3']);
    expect(trackerText(ws, 3, TRACKER.attendance)).toBe('MIA');
    expect(subjects(ws, /^MIA: Agent 3/)).toHaveLength(1);

    const back = save(ws, bundle, 'D1 Before Lunch', oids(4));
    expect(back.newlyReturned).toEqual(['Agent 3']);
    expect(back.mia).toEqual([]);
    expect(trackerText(ws, 3, TRACKER.attendance)).toBe('Unresponsive/Missing During Class');
    expect(trackerText(ws, 3, TRACKER.attendanceNote).split('\n')).toEqual([
      'ESP Licensing - 12/3/2026 - MIA: missed D1 Before Break 1, D1 After Break 1',
      'ESP Licensing - 12/3/2026 - Returned at D1 Before Lunch (MIA: missed D1 Before Break 1, D1 After Break 1)',
    ]);
    const notices = subjects(ws, /^Returned: Agent 3 \(OID1003\) is no longer MIA/);
    expect(notices).toHaveLength(1);
    expect(notices[0].recipients).toEqual(['esp.manager@example.com']);
    expect(notices[0].htmlBody).toContain('D1 Before Lunch');
    expect(notices[0].htmlBody).toMatch(/#gid=\d+&amp;range=A5/);

    // Saving the same check again, the next check, and the nightly sweep send no second notice.
    save(ws, bundle, 'D1 Before Lunch', oids(4));
    save(ws, bundle, 'D1 After Lunch', oids(4));
    ws.clock.set(at('2026-12-04T00:10:00Z'));
    bundle.nightlySweep();
    expect(subjects(ws, /^Returned: /)).toHaveLength(1);
    expect(subjects(ws, /^MIA: /)).toHaveLength(1);
    expect(trackerText(ws, 3, TRACKER.attendance)).toBe('Unresponsive/Missing During Class');
  });

  it('MIA again after returning is a new episode: a second MIA alert, and a second notice when back', () => {
    const { ws, bundle } = cohort(3);
    save(ws, bundle, 'D1 Before Break 1', oids(3, [2]));
    save(ws, bundle, 'D1 After Break 1', oids(3, [2]));
    save(ws, bundle, 'D1 Before Lunch', oids(3));
    expect(save(ws, bundle, 'D1 After Lunch', oids(3, [2])).atOneMiss.map((a) => a.name)).toEqual([
      'Agent 2',
    ]);
    expect(save(ws, bundle, 'D1 Before Break 2', oids(3, [2])).newlyMia).toEqual(['Agent 2']);
    expect(save(ws, bundle, 'D1 After Break 2', oids(3)).newlyReturned).toEqual(['Agent 2']);
    expect(subjects(ws, /^MIA: Agent 2/)).toHaveLength(2);
    expect(subjects(ws, /^Returned: Agent 2/)).toHaveLength(2);
  });

  it('an MIA typed by a TL (no MIA run in the hands checks) is left alone', () => {
    const { ws, bundle } = cohort(2);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(3, headers.indexOf(TRACKER.attendance) + 1).setValue('MIA');
    save(ws, bundle, 'D1 Before Break 1', oids(2));
    save(ws, bundle, 'D1 After Break 1', oids(2));
    expect(trackerText(ws, 1, TRACKER.attendance)).toBe('MIA');
    expect(subjects(ws, /^Returned: /)).toHaveLength(0);
  });

  it('a Day-1 MIA who returned on Day 2 is not MIA in the Day-3 sweep (defect: old MIAs came back)', () => {
    const { ws, bundle } = cohort(3);
    for (const check of Object.keys(D1) as Check[])
      save(ws, bundle, check, check.includes('Break 2') ? oids(3, [1]) : oids(3));
    expect(trackerText(ws, 1, TRACKER.attendance)).toBe('MIA');
    ws.clock.set(at('2026-12-04T00:10:00Z')); // Day 1, 17:10: Agent 1 is MIA tonight.
    expect(String(bundle.nightlySweep())).toMatch(/Day 1 sweep/);
    const day1Digest = ws.mail.outbox.find((m) => m.recipients[0] === 'tl1@example.com');
    expect(day1Digest?.htmlBody ?? '').toMatch(/\bMIA\b/);
    // Day 2 (Fri 12/4) first check: everyone present, Agent 1 returns.
    ws.clock.set(at('2026-12-04T17:00:00Z'));
    const day2 = bundle.saveAttendance('D2 Before Break 1', oids(3)) as Saved;
    ws.clock.set(at('2026-12-07T17:00:00Z')); // Day 3 (Mon 12/7)
    bundle.saveAttendance('D3 Before Break 1', oids(3));
    ws.mail.clearOutbox();
    ws.clock.set(at('2026-12-08T00:10:00Z')); // Day 3 evening
    expect(String(bundle.nightlySweep())).toMatch(/Day 3 sweep/);
    const day3Digest = ws.mail.outbox.find((m) => m.recipients[0] === 'tl1@example.com');
    expect(day3Digest?.subject ?? '').not.toMatch(/\bMIA\b/);
    expect(day3Digest?.htmlBody ?? '').not.toMatch(/\bMIA\b/);
    expect(subjects(ws, /^MIA: /)).toHaveLength(0);
    expect(day2.newlyReturned).toEqual(['Agent 1']);
  });
});

describe('excused hands checks (built bundle)', () => {
  it('saves an excuse with the ticks: one write per sheet, the box unticked, the reason in the note', () => {
    const { ws, bundle } = cohort(4);
    ws.meter.reset();
    const saved = save(ws, bundle, 'D1 Before Break 1', oids(4, [1, 2]), [
      { oid: 'OID1001', reason: "HR approved: doctor's appointment" },
    ]);
    expect(saved).toMatchObject({ present: 2, missed: 1, excused: 1 });
    expect(ws.meter.count('Range.setValues')).toBe(2); // the Attendance column + the tracker notes
    expect(attendanceColumn(ws, 'D1 Before Break 1')).toEqual([true, false, false, true]);
    expect(trackerText(ws, 1, TRACKER.attendanceNote)).toMatch(
      /^[^\n]+ - 12\/3\/2026 - Excused D1 Before Break 1: HR approved: doctor's appointment$/,
    );
    expect(saved.atOneMiss.map((a) => a.name)).toEqual(['Agent 2']);
  });

  it('writes as many calls for 40 excused agents as for 1 (batched)', () => {
    const counts = [1, 40].map((n) => {
      const { ws, bundle } = cohort(n + 1);
      const excused = oids(n + 1, [n]).map((oid) => ({ oid, reason: 'HR approved' }));
      ws.meter.reset();
      save(ws, bundle, 'D1 Before Break 1', [`OID${1000 + n}`], excused);
      return ws.meter.total();
    });
    expect(counts[1]).toBe(counts[0]);
  });

  it('excused checks never alert, however many in a row', () => {
    const { ws, bundle } = cohort(3);
    for (const check of Object.keys(D1) as Check[]) {
      const saved = save(ws, bundle, check, oids(3, [0]), [{ oid: 'OID1000', reason: 'HR approved: leave' }]);
      expect(saved.newlyMia).toEqual([]);
      expect(saved.atOneMiss).toEqual([]);
    }
    expect(subjects(ws, /^MIA: /)).toHaveLength(0);
    expect(trackerText(ws, 0, TRACKER.attendance)).toBe('');
  });

  it('miss, excused, miss is MIA (the excuse neither breaks nor extends the run)', () => {
    const { ws, bundle } = cohort(3);
    expect(save(ws, bundle, 'D1 Before Break 1', oids(3, [0])).atOneMiss.map((a) => a.oid)).toEqual([
      'OID1000',
    ]);
    const excused = save(ws, bundle, 'D1 After Break 1', oids(3, [0]), [
      { oid: 'OID1000', reason: 'HR approved' },
    ]);
    expect(excused.newlyMia).toEqual([]);
    expect(excused.atOneMiss.map((a) => a.oid)).toEqual(['OID1000']);
    expect(save(ws, bundle, 'D1 Before Lunch', oids(3, [0])).newlyMia).toEqual(['Agent 0']);
    expect(trackerText(ws, 0, TRACKER.attendanceNote)).toMatch(
      /MIA: missed D1 Before Break 1, D1 Before Lunch$/,
    );
  });

  it('un-excusing keeps the excuse line and adds a withdrawal: the check becomes a miss again', () => {
    const { ws, bundle } = cohort(3);
    save(ws, bundle, 'D1 Before Break 1', oids(3, [0]), [{ oid: 'OID1000', reason: 'HR approved' }]);
    save(ws, bundle, 'D1 After Break 1', oids(3, [0]));
    // Later (after D1 After Break 1), the TL corrects D1 Before Break 1: not excused after all.
    ws.clock.set(at('2026-12-03T17:20:00Z'));
    const redo = bundle.saveAttendance('D1 Before Break 1', oids(3, [0])) as Saved;
    expect(redo).toMatchObject({ excused: 0, missed: 1 });
    const lines = trackerText(ws, 0, TRACKER.attendanceNote).split('\n');
    expect(lines[0]).toMatch(/Excused D1 Before Break 1: HR approved$/);
    expect(lines[1]).toMatch(/Excuse withdrawn D1 Before Break 1$/);
    // The rule now sees two misses in a row.
    expect(lines[2]).toMatch(/MIA: missed D1 Before Break 1, D1 After Break 1$/);
    expect(redo.newlyMia).toEqual(['Agent 0']);
  });

  it('rejects bad excuse arguments before writing anything, naming the argument', () => {
    const { ws, bundle } = cohort(2);
    ws.clock.set(at(D1['D1 Before Break 1']));
    ws.meter.reset();
    expect(() => bundle.saveAttendance('D1 Before Break 1', [], undefined, 'OID1000')).toThrow(
      'saveAttendance: excused must be a list of { oid, reason }, got "OID1000".',
    );
    expect(() => bundle.saveAttendance('D1 Before Break 1', [], undefined, [{ oid: 'OID1000' }])).toThrow(
      'saveAttendance: excused[0].reason must be non-empty text, got nothing.',
    );
    expect(() =>
      bundle.saveAttendance('D1 Before Break 1', ['OID1000'], undefined, [{ oid: 'OID1000', reason: 'x' }]),
    ).toThrow(/"oid1000" cannot be both present and excused/);
    expect(ws.meter.count('Range.setValues')).toBe(0);
  });

  it('returns plain JSON only (google.script.run fails the whole call on a Date)', () => {
    const { ws, bundle } = cohort(2);
    const saved = save(
      ws,
      bundle,
      'D1 Before Break 1',
      ['OID1001'],
      [{ oid: 'OID1000', reason: 'HR approved' }],
    );
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    const view = bundle.getAttendanceView('all', 'D1 Before Break 1');
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view.agents[0]).toMatchObject({ state: 'excused', excuseReason: 'HR approved', present: false });
    expect(view.agents[1]).toMatchObject({ state: 'present', excuseReason: '' });
  });
});
