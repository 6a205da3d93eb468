/**
 * RULES R22, R23 through the built bundle: the nightly sweep lists, in the licensing summary, the agents
 * whose completion evidence disagrees (once a day: a re-run sends nothing new), with Sheets calls that do
 * not grow with the number of agents; the PMs' ready-for-production email carries the readiness summary
 * whichever path sends it (the sweep after its sync, or a TL's edit completing the last status).
 */
import { COMPLETION_LOG, SHEET, TRACKER } from '../../src/domain/contract';
import type { SentMail } from '../../workspace/mail';
import type { Workspace } from '../../workspace/workspace';
import { editEvent, type EntryBundle, formSubmitEvent } from '../helpers/bundle';
import { at, cohort, DAY1_EVENING, trackerCell } from './mailFaultKit';

const summaries = (ws: Workspace): SentMail[] =>
  ws.mail.outbox.filter((m) => m.subject.startsWith('ESP licensing summary'));
const readyMails = (ws: Workspace): SentMail[] =>
  ws.mail.outbox.filter((m) => m.subject.startsWith('Ready for production'));

function reportSheet(ws: Workspace) {
  const settings = ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
  const id = String(settings.find((r) => r[0] === 'Progress Report ID')?.[1] ?? '');
  return ws.spreadsheets.fake(id).sheet('Progress');
}

/** Agents tick every box of their report row, one at a time, as the report's edit trigger sees it. */
function tickAll(ws: Workspace, bundle: EntryBundle, agentIndexes: readonly number[]): void {
  const sheet = reportSheet(ws);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const items = headers.filter((h) => !['Agent Name', 'OID', 'Blockers', 'Last Self-Report'].includes(h));
  for (const i of agentIndexes) {
    for (const item of items) {
      const range = sheet.getRange(i + 2, headers.indexOf(item) + 1);
      range.setValue(true);
      bundle.onReportEdit(editEvent({ range, value: 'TRUE' }));
    }
  }
}

let responses = 0;
/** A response-sheet form event, as Google sends it (each response has its own Timestamp). */
function submitForm(bundle: EntryBundle, email: string): void {
  responses++;
  bundle.onCompletionFormSubmit(
    formSubmitEvent({
      Timestamp: [`12/3/2026 13:00:${responses}`],
      'Email Address': [email],
      Comments: ['13 checks'],
    }),
  );
}

/** Sets the four statuses a TL keeps (AHIP/Aetna is the sync's) to Complete, one edit each. */
function tlCompletes(ws: Workspace, bundle: EntryBundle, row: number, headers: readonly string[]): void {
  for (const h of headers) {
    const cell = trackerCell(ws, row, h);
    cell.setValue('Complete');
    bundle.onTrackerEdit(editEvent({ range: cell, value: 'Complete', source: ws.tracker }));
  }
}

const TL_STATUSES = [
  TRACKER.tbtStatus,
  TRACKER.callCertStatus,
  TRACKER.equipmentStatus,
  TRACKER.rtsStatus,
] as const;

describe('completion evidence cross-check (built bundle)', () => {
  it('the sweep lists each disagreement once in the licensing summary; a re-run sends nothing new', () => {
    const { ws, bundle } = cohort(5);
    ws.clock.set(at('2026-12-03T20:00:00Z')); // Day 1 13:00 Denver
    tickAll(ws, bundle, [0, 2]); // Agent 0: proof ticked, no form. Agent 2: ticked and form: agrees.
    submitForm(bundle, 'agent1@cxp.example.com'); // Agent 1: form, nothing ticked.
    submitForm(bundle, 'agent2@personal.example.net');
    submitForm(bundle, '<b>stranger</b>@example.org'); // nobody on the roster
    expect(ws.tracker.sheet(COMPLETION_LOG.name).getLastRow()).toBe(4);

    ws.clock.set(DAY1_EVENING);
    ws.mail.clearOutbox();
    bundle.nightlySweep();
    const [summary, ...more] = summaries(ws);
    expect(more).toHaveLength(0);
    expect(summary.subject).toMatch(/, 3 evidence mismatches$/);
    const section =
      summary.body.split('COMPLETION EVIDENCE DISAGREES (3)')[1]?.split('BY TEAM LEAD')[0] ?? '';
    const lines = section.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^- Agent 0 \(.*\) \(OID1000\) - ESP Tracker row 2: "13 Checkmarks Proof Emailed" ticked Thu 12\/3\/2026 1:00 PM, but AHIP\+Aetna Completion is "blank": no completion form\.$/,
    );
    expect(lines[1]).toMatch(
      /^- Agent 1 \(.*\) \(OID1001\) - ESP Tracker row 3: AHIP\+Aetna Completion is "Submitted", but AHIP\/Aetna Status is "Not Started" and "13 Checkmarks Proof Emailed" is not ticked\.$/,
    );
    expect(lines[2]).toMatch(
      /^- Completion Log row 4 \(.*\) - form submitted Thu 12\/3\/2026 1:00 PM for .*not on the roster/,
    );
    expect(section).not.toContain('Agent 2');
    const url = ws.tracker.getUrl();
    const trackerGid = ws.tracker.sheet(SHEET.tracker).getSheetId();
    const logGid = ws.tracker.sheet(COMPLETION_LOG.name).getSheetId();
    expect(summary.htmlBody).toContain(`href="${url}#gid=${trackerGid}&amp;range=A2"`);
    expect(summary.htmlBody).toContain(`href="${url}#gid=${logGid}&amp;range=A4"`);
    expect(summary.htmlBody).not.toContain('<b>stranger');
    expect(summary.htmlBody).toContain('&lt;b&gt;stranger&lt;/b&gt;@example.org');

    ws.mail.clearOutbox();
    bundle.nightlySweep();
    expect(summaries(ws)).toHaveLength(0);
  });

  it('the cross-check costs the same few Sheets calls for 10 agents and for 200 (the Completion Log is in the run’s one batched read: no read of its own)', () => {
    /** Sheets calls of one sweep (mail sends and their sent markers grow with recipients, by design). */
    const sweepCalls = (agents: number, withLog: boolean) => {
      const { ws, bundle } = cohort(agents);
      ws.clock.set(at('2026-12-03T20:00:00Z'));
      if (withLog) {
        // Every agent disagrees: Agent 0 ticked the proof with no form, the others sent a form with nothing ticked.
        tickAll(ws, bundle, [0]);
        for (let i = 1; i < agents; i++) submitForm(bundle, `agent${i}@cxp.example.com`);
      }
      ws.clock.set(DAY1_EVENING);
      ws.meter.reset();
      bundle.nightlySweep();
      const services = ws.meter.byService();
      const sheets = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'].reduce(
        (n, k) => n + (services[k] ?? 0),
        0,
      );
      const mismatches = summaries(ws)[0].subject.match(/(\d+) evidence mismatch/)?.[1] ?? '0';
      const reads = ws.meter.count('Range.getValues') + ws.meter.count('Sheets.Spreadsheets.Values.batchGet');
      return { sheets, reads, mismatches };
    };
    const small = sweepCalls(10, true);
    const large = sweepCalls(200, true);
    const smallBase = sweepCalls(10, false);
    const largeBase = sweepCalls(200, false);
    expect([small.mismatches, large.mismatches, smallBase.mismatches]).toEqual(['10', '200', '0']);
    const cost = (withLog: typeof small, base: typeof small) => ({
      sheets: withLog.sheets - base.sheets,
      reads: withLog.reads - base.reads,
    });
    expect(cost(large, largeBase)).toEqual(cost(small, smallBase));
    expect(cost(small, smallBase).reads).toBe(0);
    expect(cost(small, smallBase).sheets).toBeLessThanOrEqual(6);
    console.log(
      `Sheets calls per sweep: 10 agents ${small.sheets} (no log ${smallBase.sheets}), 200 agents ${large.sheets} (no log ${largeBase.sheets}); cross-check: +${cost(small, smallBase).sheets} calls, +${cost(small, smallBase).reads} read`,
    );
  });
});

describe('readiness summary in the PMs email (built bundle)', () => {
  it('the sweep that completes AHIP/Aetna sends the summary; a TL edit completing the last status does too (read from the Tick Log)', () => {
    const { ws, bundle } = cohort(4);
    // Day 1: hands checks (Agent 1 misses one), a coaching row, every item ticked, the form.
    ws.clock.set(at('2026-12-03T17:00:00Z'));
    bundle.saveAttendance('D1 Before Break 1', ['OID1000', 'OID1002', 'OID1003']);
    ws.clock.set(at('2026-12-03T17:20:00Z'));
    bundle.saveAttendance('D1 After Break 1', ['OID1000', 'OID1001', 'OID1002', 'OID1003']);
    ws.tracker
      .sheet(SHEET.coachingLog)
      .appendRow([
        new Date('2026-12-03T18:00:00Z'),
        'Agent 1',
        'OID1001',
        'TL 1',
        'Verbal Coaching',
        'Attendance',
        'Missed a check',
        'TL 1',
        '',
      ]);
    ws.clock.set(at('2026-12-03T22:00:00Z')); // 15:00 Denver
    tickAll(ws, bundle, [1, 2]);
    submitForm(bundle, 'agent1@cxp.example.com');
    submitForm(bundle, 'agent2@cxp.example.com');
    tlCompletes(ws, bundle, 3, TL_STATUSES); // Agent 1: the sweep's sync completes AHIP/Aetna
    tlCompletes(ws, bundle, 4, TL_STATUSES.slice(0, 3)); // Agent 2: RTS still open
    ws.clock.set(DAY1_EVENING);
    ws.mail.clearOutbox();
    bundle.nightlySweep();

    const [ready, ...others] = readyMails(ws);
    expect(others).toHaveLength(0);
    expect(ready.subject).toBe('Ready for production: Agent 1 (OID1001) - please transition to production');
    expect(ready.recipients).toEqual(['pm@example.com']);
    expect(ready.body).toContain(
      'AHIP/Aetna Status: Complete since Thu 12/3/2026 3:00 PM (the tick that finished the progress report)',
    );
    expect(ready.body).toMatch(
      /TBT Status: Complete, on or before Thu 12\/3\/2026 3:00 PM \(row last updated\)/,
    );
    expect(ready.body).toContain('13 Checkmarks Proof Emailed: Thu 12/3/2026 3:00 PM');
    expect(ready.body).toContain('Completion form: Submitted - Thu 12/3/2026 3:00 PM');
    expect(ready.body).toContain('Day 1: 1/2 checks present; missed Before Break 1');
    expect(ready.body).toContain('MIA episodes: 0');
    expect(ready.body).toContain('COACHING HISTORY (1)');
    expect(ready.body).toContain('12/3/2026 - Verbal Coaching - Attendance: Missed a check (by TL 1)');

    // Day 2: the TL completes Agent 2's last status: the edit trigger sends the summary at once.
    ws.clock.set(at('2026-12-04T16:30:00Z'));
    ws.mail.clearOutbox();
    tlCompletes(ws, bundle, 4, [TRACKER.rtsStatus]);
    const [second] = readyMails(ws);
    expect(second.subject).toContain('Agent 2 (OID1002)');
    expect(second.body).toContain(
      'AHIP/Aetna Status: Complete since Thu 12/3/2026 3:00 PM (the tick that finished the progress report)',
    );
    expect(second.body).toContain(
      'RTS/No More Forms Status: Complete, on or before Fri 12/4/2026 9:30 AM (row last updated)',
    );
    expect(second.body).toContain('Day 1: Full Day (2/2 checks present)');
    expect(second.body).toContain('No Coaching Log rows for this agent.');

    // Nothing twice: the next runs send no ready email again.
    ws.mail.clearOutbox();
    bundle.capCheck();
    ws.clock.set(at('2026-12-05T00:10:00Z'));
    bundle.nightlySweep();
    expect(readyMails(ws)).toHaveLength(0);
  });
  it('a summary that cannot be read never holds the alert back: the email goes out and says what failed', () => {
    const { ws, bundle } = cohort(2);
    // The class's report ID (the Cohorts row set-up moved it to) no longer opens.
    const cohorts = ws.tracker.sheet(SHEET.cohorts);
    const header = cohorts.getRange(1, 1, 1, cohorts.getLastColumn()).getValues()[0].map(String);
    cohorts.getRange(2, header.indexOf('Progress Report ID') + 1).setValue('deleted-report-id');
    ws.clock.set(at('2026-12-04T16:30:00Z'));
    ws.mail.clearOutbox();
    tlCompletes(ws, bundle, 2, [TRACKER.ahipAetnaStatus, ...TL_STATUSES]);
    const [ready, ...others] = readyMails(ws);
    expect(others).toHaveLength(0);
    expect(ready.subject).toContain('Agent 0 (OID1000)');
    expect(ready.body).toContain('READINESS SUMMARY NOT AVAILABLE');
    expect(ready.body).toMatch(/deleted-report-id|not found|does not exist|missing/i);
  });
});
