/**
 * Many cohorts in one tracker (SPEC "Cohorts overlap"), through the built bundle: two classes a few days
 * apart run side by side — each TL digest lists only that class's agents, the Final CAP goes only to the
 * class whose window ended, a blank Cohort with two open classes is a roster problem named by row, and
 * closed classes cost nothing.
 */
import { COHORTS, SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { bundledWorkspace, type EntryBundle, editEvent } from '../helpers/bundle';
import { agentRecord, cohortSettings, writeRoster } from '../helpers/workbook';
import { addAgents, addCohort, at, col, DAY0, sheetRows, twoClasses } from '../helpers/cohorts';

// Denver is UTC-7 in December. Class A ("Test Cohort"): Day 1 Thu 12/3, Day 4 Tue 12/8 (window ends 12:00).
// Class B: Day 1 Mon 12/7 (A's Day 3), Day 2 Tue 12/8.
const TUE_EVENING = at('2026-12-09T00:10:00Z'); // Tue 12/8 17:10: A Day 4 (Extension), B Day 2 (Active)
const MON_EVENING = at('2026-12-08T00:10:00Z'); // Mon 12/7 17:10: A Day 3, B Day 1 (both Active)
const TUE_1PM = at('2026-12-08T20:00:00Z'); // Tue 12/8 13:00: A's window ended an hour ago

function cohortsTable(ws: Workspace): Record<string, unknown>[] {
  const [headers, ...rows] = sheetRows(ws, SHEET.cohorts);
  return rows.map((r) => Object.fromEntries(headers.map((h, c) => [String(h), r[c]])));
}

describe('two overlapping cohorts in one tracker (built bundle)', () => {
  it('each class gets its own report with its own agents, recorded in its Cohorts row', () => {
    const { ws } = twoClasses();
    const [a, b] = cohortsTable(ws);
    expect(a[COHORTS.cohort]).toBe('Test Cohort');
    expect(b[COHORTS.cohort]).toBe('Dec 7 Class');
    expect(a[COHORTS.progressReportId]).not.toBe('');
    expect(b[COHORTS.progressReportId]).not.toBe('');
    expect(a[COHORTS.progressReportId]).not.toBe(b[COHORTS.progressReportId]);
    const names = (id: unknown) =>
      ws.spreadsheets
        .fake(String(id))
        .sheet('Progress')
        .getDataRange()
        .getValues()
        .slice(1)
        .map((r) => String(r[0]));
    expect(names(a[COHORTS.progressReportId])).toEqual([
      'Ann 0',
      'Ann 1',
      'Ann 2',
      'Ann 3',
      'Ann 4',
      'Ann 5',
    ]);
    expect(names(b[COHORTS.progressReportId])).toEqual([
      'Bea 0',
      'Bea 1',
      'Bea 2',
      'Bea 3',
      'Bea 4',
      'Bea 5',
    ]);
  });

  it("the nightly sweep runs each class on its own day: every TL digest lists only that class's agents", () => {
    const { ws, bundle } = twoClasses();
    ws.clock.set(TUE_EVENING);
    ws.mail.clearOutbox();
    const message = String(bundle.nightlySweep());
    expect(message).toMatch(/Test Cohort \(Extension\): Day 4 sweep: 6 agents/);
    expect(message).toMatch(/Dec 7 Class \(Active\): Day 2 sweep: 6 agents/);
    const digests = ws.mail.outbox.filter((m) => m.subject.startsWith('ESP nightly digest'));
    // tl0 has agents in both classes: two digests, one per class.
    const tl0 = digests.filter((m) => m.recipients[0] === 'tl0@example.com');
    expect(tl0).toHaveLength(2);
    for (const digest of digests) {
      const html = digest.htmlBody ?? '';
      const ann = /Ann \d/.test(html);
      const bea = /Bea \d/.test(html);
      expect(ann !== bea).toBe(true);
      expect(html).toContain(ann ? 'Test Cohort' : 'Dec 7 Class');
    }
    const statuses = cohortsTable(ws).map((c) => c[COHORTS.status]);
    expect(statuses).toEqual(['Extension', 'Active']);
    // A re-run the same evening sends nothing twice, in either class.
    ws.mail.clearOutbox();
    bundle.nightlySweep();
    expect(ws.mail.outbox.filter((m) => m.subject.startsWith('ESP nightly digest'))).toHaveLength(0);
  });

  it('the Final CAP goes only to the class whose window ended', () => {
    const { ws, bundle } = twoClasses();
    ws.clock.set(TUE_1PM);
    ws.mail.clearOutbox();
    const message = String(bundle.capCheck());
    expect(message).toMatch(
      /Test Cohort \(Extension\): CAP check: Final CAP: Ann 0, Ann 1, Ann 2, Ann 3, Ann 4, Ann 5/,
    );
    expect(message).toMatch(/Dec 7 Class \(Active\): The certification window is open/);
    const finalCaps = ws.mail.outbox.filter((m) => m.subject.startsWith('Final CAP'));
    expect(finalCaps).toHaveLength(6);
    for (const mail of finalCaps) expect(mail.htmlBody ?? '').not.toMatch(/Bea \d/);
    const capCol = col(ws, SHEET.tracker, TRACKER.capLevel);
    const levels = sheetRows(ws, SHEET.tracker)
      .slice(1)
      .map((r) => String(r[capCol - 1]));
    expect(levels).toEqual([...Array(6).fill('Final CAP alert sent'), ...Array(6).fill('')]);
  });

  it('a blank Cohort while two classes are Planned/Active is a roster problem named by row, in no class', () => {
    const { ws, bundle } = twoClasses();
    addAgents(ws, '', 'Cy', 30, 1); // row 14
    ws.clock.set(MON_EVENING);
    const message = String(bundle.nightlySweep());
    expect(message).toContain(
      '"ESP Tracker" row 14, "Cohort" is blank and 2 classes are Planned or Active ("Test Cohort", "Dec 7 Class")',
    );
    expect(message).toMatch(/Test Cohort \(Active\): Day 3 sweep: 6 agents/);
    expect(message).toMatch(/Dec 7 Class \(Active\): Day 1 sweep: 6 agents/);
    expect(ws.mail.outbox.some((m) => (m.htmlBody ?? '').includes('Cy 0'))).toBe(false);
  });
});

describe('immediate alerts of a second class are sent once (built bundle)', () => {
  it("an agent of class B made ready for production by a TL's edit is not announced again by B's sweep (keys named A's Day 1 on the edit path, B's in the sweep: sent twice)", () => {
    const { ws, bundle } = twoClasses();
    ws.clock.set(TUE_EVENING);
    const row = 8; // Bea 0, class "Dec 7 Class"
    // Bea 0 has ticked every item in B's report: the sync keeps "AHIP/Aetna Status" Complete.
    const progress = ws.spreadsheets
      .fake(String(cohortsTable(ws)[1][COHORTS.progressReportId]))
      .sheet('Progress');
    const reportHeaders = progress.getRange(1, 1, 1, progress.getLastColumn()).getValues()[0].map(String);
    for (const item of DEFAULT_SCHEDULE.map((s) => s.item))
      progress.getRange(2, reportHeaders.indexOf(item) + 1).setValue(true);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    for (const header of [
      TRACKER.ahipAetnaStatus,
      TRACKER.tbtStatus,
      TRACKER.callCertStatus,
      TRACKER.equipmentStatus,
      TRACKER.rtsStatus,
    ])
      sheet.getRange(row, col(ws, SHEET.tracker, header)).setValue('Complete');
    ws.mail.clearOutbox();
    const range = sheet.getRange(row, col(ws, SHEET.tracker, TRACKER.rtsStatus));
    bundle.onTrackerEdit(editEvent({ range, value: 'Complete', source: ws.tracker }));
    const ready = () => ws.mail.outbox.filter((m) => /ready for production/i.test(m.subject));
    expect(ready()).toHaveLength(1);
    expect(ready()[0].htmlBody ?? '').toContain('Bea 0');
    bundle.nightlySweep();
    bundle.capCheck();
    expect(ready()).toHaveLength(1);
  });
});

describe('closed cohorts cost nothing (built bundle)', () => {
  const DAY1_EVENING = at('2026-12-04T00:10:00Z'); // Thu 12/3 17:10: Day 1 of the three open classes

  /** Three Active classes (2 agents each, with reports) plus `closed` classes of past years (20 agents each). */
  function tracker(closed: number): { ws: Workspace; bundle: EntryBundle } {
    const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
    bundle.menuSetupWorkbook();
    cohortSettings(ws);
    writeRoster(ws, 2);
    bundle.menuSetupWorkbook(); // "Test Cohort", Day 1 12/3
    for (const name of ['Second Class', 'Third Class']) {
      addCohort(ws, name, '12/3/2026');
      addAgents(ws, name, name, 0, 2);
    }
    for (const name of ['Test Cohort', 'Second Class', 'Third Class']) {
      ws.ui.queuePromptResponse(name);
      expect(String(bundle.menuCreateProgressReport())).toMatch(/Added 2 agent/);
    }
    const sheet = ws.tracker.sheet(SHEET.cohorts);
    if (closed > 0) {
      const headers = sheetRows(ws, SHEET.cohorts)[0].map(String);
      const rows = Array.from({ length: closed }, (_, k) =>
        headers.map((h) => (h === COHORTS.cohort ? `Class ${k}` : h === COHORTS.day1Date ? '3/2/2025' : '')),
      );
      sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, headers.length).setValues(rows);
      const trackerSheet = ws.tracker.sheet(SHEET.tracker);
      const trackerHeaders = sheetRows(ws, SHEET.tracker)[0].map(String);
      const agents = Array.from({ length: closed * 20 }, (_, k) => {
        const record: Record<string, string> = {
          ...agentRecord(1000 + k),
          [TRACKER.agentName]: `Past ${k}`,
          [TRACKER.cohort]: `Class ${Math.floor(k / 20)}`,
        };
        return trackerHeaders.map((h) => record[h] ?? '');
      });
      trackerSheet.insertRowsAfter(trackerSheet.getMaxRows(), agents.length);
      trackerSheet
        .getRange(trackerSheet.getLastRow() + 1, 1, agents.length, trackerHeaders.length)
        .setValues(agents);
    }
    return { ws, bundle };
  }

  it('a sweep of 3 Active classes costs the same with 97 Closed classes (1,940 past agents) as without', () => {
    const cost = (closed: number) => {
      const { ws, bundle } = tracker(closed);
      ws.clock.set(DAY1_EVENING);
      bundle.capCheck(); // keeps the Status column (one batched write), window still open
      ws.mail.clearOutbox();
      ws.meter.reset();
      const message = String(bundle.nightlySweep());
      expect(message.match(/Day 1 sweep: 2 agents/g)).toHaveLength(3);
      expect(cohortsTable(ws).filter((c) => c[COHORTS.status] === 'Closed')).toHaveLength(closed);
      return { calls: ws.meter.snapshot(), mails: ws.mail.outbox.length };
    };
    const few = cost(0);
    const many = cost(97);
    expect(many).toEqual(few);
    const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
    console.log(
      `nightly sweep calls, 3 Active classes: ${total(few.calls)} (with 97 Closed: ${total(many.calls)})`,
    );
  });
});
