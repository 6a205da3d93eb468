/**
 * "A consistent Final CAP" (RULES R12), through the built bundle. Defects of the previous code, each
 * proved here:
 *  - OT sessions were proposed inside the normal day and the third ended two hours AFTER the deadline;
 *  - the email never said "3 OT sessions of 3 hours"; the CAP document gave the deadline without a time;
 *  - an agent who completed within the extension was never reported as done;
 *  - `CAP Level` said "Final CAP" when only an alert had been sent.
 * The rule now: the deadline is the window end + 8 working hours; the OT sessions are overtime, outside
 * normal hours (after Day End / before Day Start on working days) inside the extension, each ending by
 * the deadline; what does not fit is named for the TL to arrange with HR.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { failWritesTo } from './mailFaultKit';
import { cohortSettings, writeRoster } from '../helpers/workbook';

// Denver is UTC-7 in November/December 2026.
const denver = (ymd: string, hhmm: string) => new Date(`${ymd}T${hhmm}:00-07:00`);

function cohort(
  agents: number,
  settings: Record<string, string | number | boolean> = {},
  setupAt = denver('2026-11-30', '12:00'),
): { ws: Workspace; bundle: EntryBundle; folderId: string } {
  const { ws, bundle } = bundledWorkspace({ now: setupAt, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  const folder = ws.drive.createFolder('cXp Leadership');
  cohortSettings(ws, { 'Leadership Drive Folder ID': folder.getId(), ...settings });
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  return { ws, bundle, folderId: folder.getId() };
}

function trackerCell(ws: Workspace, row: number, header: string) {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet.getRange(row, headers.indexOf(header) + 1);
}

const capLevel = (ws: Workspace, row: number) => String(trackerCell(ws, row, TRACKER.capLevel).getValue());

function coachingLog(ws: Workspace): { oid: string; level: string; details: string; link: string }[] {
  return ws.tracker
    .sheet(SHEET.coachingLog)
    .getDataRange()
    .getValues()
    .slice(1)
    .map((r) => ({ oid: String(r[2]), level: String(r[4]), details: String(r[6]), link: String(r[8]) }));
}

/** Every "Mon 12/7/2026 5:00 AM"-style instant in a text, as Dates (Denver). */
function instantsIn(text: string): Date[] {
  return [
    ...text.matchAll(/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d+)\/(\d+)\/(\d{4}) (\d+):(\d\d) (AM|PM)/g),
  ].map((m) => {
    const hour = (Number(m[4]) % 12) + (m[6] === 'PM' ? 12 : 0);
    const ymd = `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
    return denver(ymd, `${String(hour).padStart(2, '0')}:${m[5]}`);
  });
}

/** The Final CAP alert's OT table rows (`- Session: 1; Start: …; End: …`): [start, end] per session. */
function sessionsIn(body: string): Date[][] {
  return body
    .split('\n')
    .filter((line) => line.startsWith('- Session: '))
    .map(instantsIn);
}

function finalCapMail(ws: Workspace, name: string) {
  const mail = ws.mail.outbox.find((m) => m.subject.startsWith(`Final CAP: ${name} `));
  if (!mail)
    throw new Error(`no Final CAP alert for ${name}: ${ws.mail.outbox.map((m) => m.subject).join(' | ')}`);
  return mail;
}

describe('Final CAP OT sessions all end by the deadline (built bundle; old code: the third ended 2 h after it)', () => {
  it('Thursday cohort: deadline with date and time, "3 OT sessions of 3 hours", sessions outside normal hours', () => {
    const { ws, bundle } = cohort(2, { 'Calendar Events': true });
    ws.clock.set(denver('2026-12-08', '12:20')); // Day 4 (Tue) after the 12:00 window end
    ws.mail.clearOutbox();
    bundle.capCheck();
    const mail = finalCapMail(ws, 'Agent 0');
    const deadline = denver('2026-12-09', '13:00');
    expect(mail.subject).toBe(
      'Final CAP: Agent 0 (OID1000) - 14 items missing, deadline Wed 12/9/2026 1:00 PM',
    );
    expect(mail.body).toContain('3 OT sessions of 3 hours');
    expect(mail.body).toContain('by Wed 12/9/2026 1:00 PM');
    const sessions = sessionsIn(mail.body);
    expect(sessions).toEqual([
      [denver('2026-12-08', '16:30'), denver('2026-12-08', '19:30')],
      [denver('2026-12-09', '05:00'), denver('2026-12-09', '08:00')],
    ]);
    for (const [, end] of sessions) expect(end.getTime()).toBeLessThanOrEqual(deadline.getTime());
    expect(mail.body).toContain(
      'Only 2 of the 3 OT sessions of 3 hours fit outside normal hours before the deadline: arrange the other 1 with HR',
    );
    // The calendar events are the same sessions, none after the deadline.
    const events = ws.calendar.allEvents().filter((e) => e.title.includes('Agent 0'));
    expect(events.map((e) => [e.start, e.end])).toEqual(sessions);
    // Links: the agent's tracker row.
    const gid = ws.tracker.sheet(SHEET.tracker).getSheetId();
    expect(mail.htmlBody).toContain(`${ws.tracker.getUrl()}#gid=${gid}&amp;range=A2`);
    expect(finalCapMail(ws, 'Agent 1').htmlBody).toContain(`#gid=${gid}&amp;range=A3`);
  });

  it('Friday window end: the weekend is skipped and nothing is proposed after the Monday deadline', () => {
    // Day 1 Tue 12/1 → Day 4 Fri 12/4 12:00; +8 working hours → Mon 12/7 13:00.
    const { ws, bundle } = cohort(1, { 'Day 1 Date': '12/1/2026' }, denver('2026-11-27', '12:00'));
    ws.clock.set(denver('2026-12-04', '12:10'));
    ws.mail.clearOutbox();
    bundle.capCheck();
    const mail = finalCapMail(ws, 'Agent 0');
    expect(mail.subject).toContain('deadline Mon 12/7/2026 1:00 PM');
    expect(sessionsIn(mail.body)).toEqual([
      [denver('2026-12-04', '16:30'), denver('2026-12-04', '19:30')],
      [denver('2026-12-07', '05:00'), denver('2026-12-07', '08:00')],
    ]);
  });

  it('a holiday in the extension moves the deadline; every session still ends by it', () => {
    const { ws, bundle } = cohort(1, { Holidays: '12/9/2026' });
    ws.clock.set(denver('2026-12-08', '12:10'));
    ws.mail.clearOutbox();
    bundle.capCheck();
    const mail = finalCapMail(ws, 'Agent 0');
    expect(mail.subject).toContain('deadline Thu 12/10/2026 1:00 PM');
    const sessions = sessionsIn(mail.body);
    expect(sessions).toEqual([
      [denver('2026-12-08', '16:30'), denver('2026-12-08', '19:30')],
      [denver('2026-12-10', '05:00'), denver('2026-12-10', '08:00')],
    ]);
    for (const [start] of sessions) expect(start.getTime()).not.toBe(denver('2026-12-09', '16:30').getTime());
  });
});

describe('CAP Level distinguishes "Final CAP alert sent" from "Final CAP issued" (built bundle; old code: "Final CAP" for an alert)', () => {
  it('the alert sets "Final CAP alert sent"; the CAP document issues it, states the deadline with its time and the OT sessions, and both steps are logged', () => {
    const { ws, bundle, folderId } = cohort(2);
    ws.clock.set(denver('2026-12-08', '12:20'));
    bundle.capCheck();
    expect([capLevel(ws, 2), capLevel(ws, 3)]).toEqual(['Final CAP alert sent', 'Final CAP alert sent']);
    ws.clock.set(denver('2026-12-08', '15:00'));
    const url = String(bundle.createCapDocument('OID1000'));
    const doc = ws.store.childrenOf(folderId).find((f) => url.includes(f.id))!;
    const text = ws.documents.textOf(doc.id);
    expect(text).toContain(
      'Deadline: 12/9/2026 (Wed) at 1:00 PM - 8 working hours after the window end, Tue 12/8/2026 12:00 PM.',
    );
    expect(text).toContain(
      'Overtime: 3 OT sessions of 3 hours, outside normal hours, each ending by the deadline Wed 12/9/2026 1:00 PM: ' +
        'Session 1: Tue 12/8/2026 4:30 PM - Tue 12/8/2026 7:30 PM Session 2: Wed 12/9/2026 5:00 AM - Wed 12/9/2026 8:00 AM Only 2 of',
    );
    expect(capLevel(ws, 2)).toBe('Final CAP issued');
    expect(capLevel(ws, 3)).toBe('Final CAP alert sent');
    const mine = coachingLog(ws).filter((r) => r.oid === 'OID1000');
    expect(mine.map((r) => r.level)).toEqual(['Final CAP alert sent', 'Final CAP issued']);
    expect(mine[1].link).toBe(url);
    // A second document is a second documented step, recorded with its own link (nothing overwritten).
    bundle.createCapDocument('OID1000');
    expect(coachingLog(ws).filter((r) => r.oid === 'OID1000' && r.level === 'Final CAP issued')).toHaveLength(
      2,
    );
  });

  it('"Confirm Final CAP issued…" issues it for a CAP documented outside the tracker, once', () => {
    const { ws, bundle } = cohort(2);
    ws.clock.set(denver('2026-12-08', '12:20'));
    bundle.capCheck();
    ws.ui.queuePromptResponse('OID1001');
    expect(String(bundle.menuConfirmFinalCapIssued())).toContain(
      'CAP Level "Final CAP alert sent" → "Final CAP issued"',
    );
    expect(capLevel(ws, 3)).toBe('Final CAP issued');
    ws.ui.queuePromptResponse('OID1001');
    expect(String(bundle.menuConfirmFinalCapIssued())).toContain('already recorded as issued');
    expect(
      coachingLog(ws)
        .filter((r) => r.oid === 'OID1001')
        .map((r) => r.level),
    ).toEqual(['Final CAP alert sent', 'Final CAP issued']);
  });

  it('the termination review still follows either step, and says when the CAP was never confirmed as issued', () => {
    const { ws, bundle } = cohort(2);
    ws.clock.set(denver('2026-12-08', '12:20'));
    bundle.capCheck();
    ws.ui.queuePromptResponse('OID1000');
    bundle.menuConfirmFinalCapIssued();
    ws.mail.clearOutbox();
    ws.clock.set(denver('2026-12-09', '12:59'));
    expect(String(bundle.capCheck())).toMatch(/no new escalation/);
    ws.clock.set(denver('2026-12-09', '13:05'));
    expect(String(bundle.capCheck())).toMatch(/Termination review: Agent 0, Agent 1/);
    expect([capLevel(ws, 2), capLevel(ws, 3)]).toEqual(['Termination', 'Termination']);
    const reviews = ws.mail.outbox.filter((m) => m.subject.startsWith('Termination review'));
    expect(reviews.map((m) => m.body.includes('never confirmed as issued'))).toEqual([false, true]);
    expect(reviews[0].body).toContain('Wed 12/9/2026 1:00 PM');
  });

  it('understands the old value "Final CAP" (no second alert; termination review at the same deadline) and keeps it as written until then', () => {
    const { ws, bundle } = cohort(1);
    ws.clock.set(denver('2026-12-08', '12:20'));
    // What the previous version left: CAP Level "Final CAP" and a "Final CAP" Coaching Log entry.
    trackerCell(ws, 2, TRACKER.capLevel).setValue('Final CAP');
    ws.tracker
      .sheet(SHEET.coachingLog)
      .appendRow([
        denver('2026-12-08', '12:10'),
        'Agent 0',
        'OID1000',
        'TL 0',
        'Final CAP',
        'p',
        'd',
        'x',
        '',
      ]);
    ws.mail.clearOutbox();
    expect(String(bundle.capCheck())).toMatch(/no new escalation/);
    expect(ws.mail.outbox.filter((m) => m.subject.startsWith('Final CAP'))).toHaveLength(0);
    expect(capLevel(ws, 2)).toBe('Final CAP');
    ws.clock.set(denver('2026-12-09', '13:05'));
    expect(String(bundle.capCheck())).toMatch(/Termination review: Agent 0/);
    expect(capLevel(ws, 2)).toBe('Termination');
  });
});

describe('an agent who completes within the Final CAP extension is reported once (built bundle; old code: never)', () => {
  it('tells the TL and HR at the next hourly run, once, and never sends the termination review for them', () => {
    const { ws, bundle } = cohort(2);
    ws.clock.set(denver('2026-12-08', '12:20'));
    bundle.capCheck();
    ws.mail.clearOutbox();
    // Agent 0 sends the 13-checkmark proof during the extension.
    ws.clock.set(denver('2026-12-09', '09:30'));
    trackerCell(ws, 2, TRACKER.completion).setValue('Submitted');
    ws.clock.set(denver('2026-12-09', '10:10'));
    bundle.capCheck();
    const done = ws.mail.outbox.filter((m) => m.subject.includes('completed within the Final CAP extension'));
    expect(done.map((m) => m.subject)).toEqual([
      'Final CAP met: Agent 0 (OID1000) completed within the Final CAP extension',
    ]);
    expect(done[0].recipients.sort()).toEqual(['hr@example.com', 'tl0@example.com']);
    expect(done[0].body).toContain('The termination review is cancelled');
    ws.clock.set(denver('2026-12-09', '11:10'));
    bundle.capCheck();
    ws.clock.set(denver('2026-12-09', '13:05'));
    bundle.capCheck();
    const subjects = ws.mail.outbox.map((m) => m.subject);
    expect(subjects.filter((s) => s.includes('Agent 0'))).toHaveLength(1);
    expect(subjects.filter((s) => s.startsWith('Termination review'))).toEqual([
      'Termination review: Agent 1 (OID1001) missed the Final CAP deadline - 14 items missing',
    ]);
    expect(capLevel(ws, 2)).toBe('Final CAP alert sent');
    expect(
      coachingLog(ws)
        .filter((r) => r.oid === 'OID1000')
        .map((r) => r.details.slice(0, 31)),
    ).toEqual(['Final CAP alert sent to the TL,', 'Completed on the Final CAP rung']);
  });

  it('exactly once when the Coaching Log write fails: the notice goes, the next run records it and sends nothing again', () => {
    const { ws, bundle } = cohort(1);
    ws.clock.set(denver('2026-12-08', '12:20'));
    bundle.capCheck();
    trackerCell(ws, 2, TRACKER.completion).setValue('Verified');
    ws.clock.set(denver('2026-12-09', '10:10'));
    ws.mail.clearOutbox();
    const fault = failWritesTo(ws, SHEET.coachingLog);
    try {
      expect(() => bundle.capCheck()).toThrow(/Service Spreadsheets failed/);
    } finally {
      fault.restore();
    }
    expect(fault.fired).toBeGreaterThan(0);
    expect(ws.mail.outbox.map((m) => m.subject)).toEqual([
      'Final CAP met: Agent 0 (OID1000) completed within the Final CAP extension',
    ]);
    expect(coachingLog(ws).map((r) => r.details.slice(0, 31))).toEqual(['Final CAP alert sent to the TL,']);
    ws.clock.set(denver('2026-12-09', '11:10'));
    bundle.capCheck();
    ws.clock.set(denver('2026-12-09', '12:10'));
    bundle.capCheck();
    expect(ws.mail.outbox).toHaveLength(1);
    expect(coachingLog(ws).map((r) => r.details.slice(0, 31))).toEqual([
      'Final CAP alert sent to the TL,',
      'Completed on the Final CAP rung',
    ]);
  });
});

describe('the consistent Final CAP stays batched (built bundle)', () => {
  it('Sheets calls of the Final CAP run (alerts, links, OT sessions, log, CAP Level) do not grow with the agents', () => {
    const calls = (agents: number) => {
      const { ws, bundle } = cohort(agents);
      ws.clock.set(denver('2026-12-08', '12:20'));
      const before = ws.meter.total('Range') + ws.meter.total('Sheet') + ws.meter.total('Spreadsheet');
      bundle.capCheck();
      expect(ws.mail.outbox.filter((m) => m.subject.startsWith('Final CAP:'))).toHaveLength(agents);
      return ws.meter.total('Range') + ws.meter.total('Sheet') + ws.meter.total('Spreadsheet') - before;
    };
    const few = calls(3);
    expect(few).toBeGreaterThan(5);
    expect(calls(30)).toBe(few);
  });
});
