/**
 * Issue 5's "done when", proved through the built bundle: digests per TL, no email twice, escaping,
 * Dry Run, quota deferral, CAP exactly once across a weekend, idempotent triggers, transient faults.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle, editEvent, formSubmitEvent } from '../helpers/bundle';
import { agentRecord, cohortSettings, setSettings, writeRoster } from '../helpers/workbook';

const XSS = '<img src=x onerror=alert(1)>';
const at = (iso: string) => new Date(iso);
// Denver is UTC-7 in December.
const DAY0 = at('2026-12-01T19:00:00Z'); // Tue 12/1 noon
const DAY1_EVENING = at('2026-12-04T00:10:00Z'); // Thu 12/3 17:10

function cohort(
  agents: number,
  extra: Record<string, string | number | boolean> = {},
): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws, extra);
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  return { ws, bundle };
}

function trackerCell(ws: Workspace, row: number, header: string) {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet.getRange(row, headers.indexOf(header) + 1);
}

function alertLog(ws: Workspace): string[][] {
  return ws.tracker.sheet(SHEET.alertLog).getDataRange().getDisplayValues().slice(1);
}

describe('nightly sweep (built bundle)', () => {
  it('sends one digest per TL with only their agents, and nothing twice on a re-run', () => {
    const { ws, bundle } = cohort(9);
    trackerCell(ws, 5, TRACKER.agentName).setValue(`${XSS} Agent`);
    ws.clock.set(DAY1_EVENING);
    ws.mail.clearOutbox();
    expect(String(bundle.nightlySweep())).toMatch(/Day 1 sweep: 9 agents, 3 TL digest/);
    const digests = ws.mail.outbox.filter((m) => m.subject.startsWith('ESP nightly digest'));
    expect(digests).toHaveLength(3);
    for (const tl of [0, 1, 2]) {
      const digest = digests.find((m) => m.recipients[0] === `tl${tl}@example.com`)!;
      for (let i = 0; i < 9; i++) {
        const name = i === 3 ? `${XSS} Agent` : `Agent ${i}`;
        const escaped = name.replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const mine = i % 3 === tl;
        expect((digest.htmlBody ?? '').includes(`>${escaped}<`)).toBe(mine);
      }
    }
    for (const mail of ws.mail.outbox) expect(mail.htmlBody).not.toContain('<img src=x');
    expect(ws.mail.outbox.filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(9);
    const sent = ws.mail.outbox.length;
    expect(String(bundle.nightlySweep())).toMatch(/0 sent/);
    expect(ws.mail.outbox).toHaveLength(sent);
  });

  it('sends nothing on a weekend', () => {
    const { ws, bundle } = cohort(3);
    ws.clock.set(at('2026-12-06T00:10:00Z')); // Sat 12/5 17:10
    ws.mail.clearOutbox();
    expect(String(bundle.nightlySweep())).toMatch(/not a working day/);
    expect(ws.mail.outbox).toHaveLength(0);
  });

  it('Dry Run previews everything and sends nothing', () => {
    const { ws, bundle } = cohort(4, { 'Dry Run': true });
    ws.clock.set(DAY1_EVENING);
    ws.mail.clearOutbox();
    bundle.nightlySweep();
    expect(ws.mail.outbox).toHaveLength(0);
    const statuses = alertLog(ws).map((r) => r[6]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['dry-run']));
  });

  it('with the quota at 3, urgent alerts go first, the rest are deferred and go on the next run', () => {
    const { ws, bundle } = cohort(6);
    ws.clock.set(at('2026-12-03T17:00:00Z')); // Day 1 10:00
    ws.mail.clearOutbox();
    ws.mail.setQuota(3);
    // Urgent: a sales inhibitor (Ops, 1 recipient) while the quota is tight.
    const inhibitor = trackerCell(ws, 2, TRACKER.salesInhibitor);
    inhibitor.setValue('Release Needed');
    bundle.onTrackerEdit(editEvent({ range: inhibitor, value: 'Release Needed', source: ws.tracker }));
    expect(ws.mail.outbox.map((m) => m.subject)).toEqual([expect.stringMatching(/^Sales Inhibitor/)]);
    ws.clock.set(DAY1_EVENING);
    bundle.nightlySweep();
    const log = alertLog(ws);
    expect(log.filter((r) => r[6] === 'deferred').length).toBeGreaterThan(0);
    expect(ws.mail.outbox.length).toBeLessThanOrEqual(3);
    // Next day the quota is back: the deferred messages go out as composed, once.
    ws.mail.setQuota(1500);
    ws.clock.set(at('2026-12-04T15:00:00Z')); // Fri 8 am
    const before = ws.mail.outbox.length;
    expect(String(bundle.continueMail())).toMatch(/sent/);
    const resent = ws.mail.outbox.slice(before);
    expect(resent.length).toBe(log.filter((r) => r[6] === 'deferred').length);
    expect(String(bundle.continueMail())).toMatch(/0 sent/);
  });

  it('survives transient read errors on 1 in 5 reads', () => {
    const { ws, bundle } = cohort(6);
    ws.clock.set(DAY1_EVENING);
    ws.meter.injectFault({ service: 'Range', method: 'getValues', every: 5 });
    expect(String(bundle.nightlySweep())).toMatch(/Day 1 sweep: 6 agents/);
  });
});

describe('CAP escalation (built bundle)', () => {
  it('fires exactly once per incomplete non-exempt agent after the window, then termination review', () => {
    const { ws, bundle } = cohort(4);
    trackerCell(ws, 3, TRACKER.exemption).setValue('N-Number late');
    // Agent 0 has the proof in: complete.
    trackerCell(ws, 2, TRACKER.completion).setValue('Submitted');
    const capLevels = () => [2, 3, 4, 5].map((r) => String(trackerCell(ws, r, TRACKER.capLevel).getValue()));
    // Monday (Day 3) and Tuesday morning: the window is still open.
    for (const iso of ['2026-12-07T23:00:00Z', '2026-12-08T18:59:00Z']) {
      ws.clock.set(at(iso));
      expect(String(bundle.capCheck())).toMatch(/window is open/);
    }
    // Tue 12/8 12:00 Denver (Day 4 midday) is the window end.
    ws.clock.set(at('2026-12-08T19:00:00Z'));
    ws.mail.clearOutbox();
    expect(String(bundle.capCheck())).toMatch(/Final CAP: Agent 2, Agent 3[\s\S]*Exempt: Agent 1/);
    expect(capLevels()).toEqual(['', '', 'Final CAP alert sent', 'Final CAP alert sent']);
    const finalCaps = ws.mail.outbox.filter((m) => m.subject.startsWith('Final CAP'));
    expect(finalCaps).toHaveLength(2);
    expect(finalCaps[0].recipients).toEqual(
      expect.arrayContaining([agentRecord(2)[TRACKER.tlEmail], 'hr@example.com', 'esp.manager@example.com']),
    );
    // Hourly re-runs before the deadline (Wed 13:00 after lunch) add nothing.
    for (const iso of ['2026-12-08T20:00:00Z', '2026-12-09T19:59:00Z']) {
      ws.clock.set(at(iso));
      expect(String(bundle.capCheck())).toMatch(/no new escalation/);
    }
    ws.clock.set(at('2026-12-09T20:00:00Z')); // Wed 13:00: +8 working hours
    expect(String(bundle.capCheck())).toMatch(/Termination review: Agent 2, Agent 3/);
    expect(capLevels()).toEqual(['', '', 'Termination', 'Termination']);
    ws.clock.advanceHours(1);
    expect(String(bundle.capCheck())).toMatch(/no new escalation/);
    const levels = ws.tracker
      .sheet(SHEET.coachingLog)
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => `${r[2]} ${r[4]}`);
    expect(levels.sort()).toEqual([
      'OID1002 Final CAP alert sent',
      'OID1002 Termination',
      'OID1003 Final CAP alert sent',
      'OID1003 Termination',
    ]);
    expect(ws.mail.outbox.filter((m) => m.subject.includes('exempt'))).toHaveLength(1);
  });
});

describe('triggers and immediate alerts (built bundle)', () => {
  it('installs each trigger once, however often it is run, and removes only its own', () => {
    const { ws, bundle } = cohort(2);
    ws.script.newTrigger('somebodyElses').timeBased().everyHours(1).create();
    bundle.installTriggers();
    bundle.installTriggers();
    const handlers = ws.script
      .getProjectTriggers()
      .map((t) => t.getHandlerFunction())
      .sort();
    expect(handlers).toEqual([
      'capCheck',
      'nightlySweep',
      // No Completion Form URL in this workbook: the form trigger goes on the form itself, so none here.
      'onReportEdit',
      'onTrackerEdit',
      'somebodyElses',
    ]);
    expect(String(bundle.removeTriggers())).toMatch(/Removed 4 trigger/);
    expect(ws.script.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['somebodyElses']);
  });

  it('tells the PMs once when every ESP status is Complete, and Ops once per sales inhibitor', () => {
    const { ws, bundle } = cohort(2);
    ws.mail.clearOutbox();
    for (const header of [
      TRACKER.ahipAetnaStatus,
      TRACKER.tbtStatus,
      TRACKER.callCertStatus,
      TRACKER.equipmentStatus,
      TRACKER.rtsStatus,
    ]) {
      const cell = trackerCell(ws, 2, header);
      cell.setValue('Complete');
      bundle.onTrackerEdit(editEvent({ range: cell, value: 'Complete', source: ws.tracker }));
    }
    const note = trackerCell(ws, 2, TRACKER.coachingNote);
    note.setValue('x');
    bundle.onTrackerEdit(editEvent({ range: note, value: 'x', source: ws.tracker }));
    expect(ws.mail.outbox.map((m) => m.subject)).toEqual([
      'Ready for production: Agent 0 (OID1000) - please transition to production',
    ]);
    expect(ws.mail.outbox[0].recipients).toEqual(['pm@example.com']);
    expect(trackerCell(ws, 2, TRACKER.lastUpdated).getValue()).toBeInstanceOf(Date);
  });

  it('matches completion-form submissions to agents and reports the unmatched', () => {
    const { ws, bundle } = cohort(3);
    ws.mail.clearOutbox();
    bundle.onCompletionFormSubmit(
      formSubmitEvent({ 'Email Address': [agentRecord(1)[TRACKER.personalEmail].toUpperCase()] }),
    );
    expect(trackerCell(ws, 3, TRACKER.completion).getValue()).toBe('Submitted');
    bundle.onCompletionFormSubmit(
      formSubmitEvent({ 'Email Address': ['stranger@example.org'], OID: ['999'] }),
    );
    expect(ws.mail.outbox.map((m) => m.subject)).toEqual([expect.stringMatching(/not matched to an agent/)]);
    expect(ws.mail.outbox[0].recipients).toEqual(['licensing@example.com']);
  });
});

describe('hands checks (built bundle)', () => {
  it('saves one check in one batched write and marks an agent MIA after two misses in a row', () => {
    const { ws, bundle } = cohort(4);
    setSettings(ws, { 'MIA Consecutive Misses': 2 });
    ws.clock.set(at('2026-12-03T17:00:00Z')); // Day 1 10:00
    const everyoneBut3 = ['OID1000', 'OID1001', 'OID1002'];
    ws.meter.reset();
    const first = bundle.saveAttendance('D1 Before Break 1', everyoneBut3) as {
      atOneMiss: { name: string }[];
      mia: unknown[];
    };
    expect(ws.meter.count('Range.setValues')).toBe(1);
    expect(first.atOneMiss.map((a) => a.name)).toEqual(['Agent 3']);
    expect(first.mia).toEqual([]);
    ws.clock.set(at('2026-12-03T17:15:00Z'));
    ws.mail.clearOutbox();
    const second = bundle.saveAttendance('D1 After Break 1', everyoneBut3) as { newlyMia: string[] };
    expect(second.newlyMia).toEqual(['Agent 3']);
    expect(trackerCell(ws, 5, TRACKER.attendance).getValue()).toBe('MIA');
    expect(String(trackerCell(ws, 5, TRACKER.attendanceNote).getValue())).toMatch(
      /^ESP Licensing - 12\/3\/2026 - MIA: missed D1 Before Break 1, D1 After Break 1$/,
    );
    expect(ws.mail.outbox.map((m) => m.subject)).toEqual([expect.stringMatching(/^MIA: Agent 3/)]);
  });
});
