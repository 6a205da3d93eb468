/**
 * "Blockers within the hour", through the built bundle. Before: a payment or login issue opened on Day 1
 * reached the TL only in the 17:05 digest, and what agents typed in the report's Blockers column was never
 * read at all. Now the next hourly capCheck tells the agent's TL (and the licensing team of payment
 * issues), once per blocker text and once per opening, one email per TL per run.
 */
import { PROGRESS_TRAILING_HEADERS, SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { agentRecord, cohortSettings, setSettings, writeRoster } from '../helpers/workbook';

const BLOCKERS = PROGRESS_TRAILING_HEADERS[0];
const LICENSING = 'licensing@example.com';
// Day 1 is Thursday 12/3/2026; Denver is UTC-7 in December.
const DAY0 = new Date('2026-12-01T19:00:00Z');
const d1 = (hhmm: string) =>
  new Date(`2026-12-03T${String(Number(hhmm.slice(0, 2)) + 7).padStart(2, '0')}:${hhmm.slice(3)}:00Z`);

function cohort(agents: number): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  ws.mail.clearOutbox();
  return { ws, bundle };
}

function setting(ws: Workspace, key: string): string {
  const rows = ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
  return String(rows.find((r) => r[0] === key)?.[1] ?? '');
}

function progress(ws: Workspace) {
  const report = ws.spreadsheets.fake(setting(ws, 'Progress Report ID'));
  const sheet = report.getSheets()[0];
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  return { report, sheet, col: (h: string) => headers.indexOf(h) + 1 };
}

/** Agent i types into their own Blockers cell (row i + 2), as themselves (protections apply). */
function typeBlocker(ws: Workspace, i: number, text: string): void {
  const { sheet, col } = progress(ws);
  sheet.asEditor(agentRecord(i)[TRACKER.cxpEmail]).setValue(i + 2, col(BLOCKERS), text);
}

function setTracker(ws: Workspace, i: number, header: string, value: string): void {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  sheet.getRange(i + 2, headers.indexOf(header) + 1).setValue(value);
}

const blockerMails = (ws: Workspace) => ws.mail.outbox.filter((m) => m.subject.startsWith('ESP blockers'));
const paymentMails = (ws: Workspace) =>
  ws.mail.outbox.filter((m) => m.subject.startsWith('ESP payment issues'));

function runAt(ws: Workspace, bundle: EntryBundle, hhmm: string): string {
  ws.clock.set(d1(hhmm));
  return String(bundle.capCheck());
}

describe('Blockers typed in the progress report reach the TL within the hour (built bundle)', () => {
  it('"can\'t pay: card declined" typed at 10:20 on Day 1 reaches the TL at the 11:00 capCheck, and not again at 12:00', () => {
    const { ws, bundle } = cohort(6);
    runAt(ws, bundle, '10:00');
    expect(blockerMails(ws)).toHaveLength(0); // nothing typed yet: nothing sent
    ws.clock.set(d1('10:20'));
    typeBlocker(ws, 3, "can't pay: card declined"); // agent 3's TL is tl0
    const message = runAt(ws, bundle, '11:00');
    expect(message).toMatch(/1 new blocker\(s\) alerted to TLs \(1 email\(s\)\)/);
    const mails = blockerMails(ws);
    expect(mails).toHaveLength(1);
    expect(mails[0].recipients).toEqual(['tl0@example.com']);
    expect(mails[0].subject).toBe('ESP blockers: 1 new blocker - Test Cohort');
    expect(mails[0].htmlBody).toContain('can&#39;t pay: card declined');
    expect(mails[0].htmlBody).toContain('Agent 3');
    // Links: the agent's tracker row and the report (its row too).
    const trackerGid = ws.tracker.sheet(SHEET.tracker).getSheetId();
    expect(mails[0].htmlBody).toContain(`${ws.tracker.getUrl()}#gid=${trackerGid}&amp;range=A5`);
    const { report, sheet } = progress(ws);
    expect(mails[0].htmlBody).toContain(`${report.getUrl()}#gid=${sheet.getSheetId()}&amp;range=A5`);
    // The hour is re-run, and the next hour comes: nothing new, nothing sent.
    ws.mail.clearOutbox();
    runAt(ws, bundle, '11:05');
    runAt(ws, bundle, '12:00');
    expect(ws.mail.outbox.filter((m) => m.subject.startsWith('ESP'))).toHaveLength(0);
  });

  it("one email per TL listing all their agents' new blockers, counts in the subject", () => {
    const { ws, bundle } = cohort(9);
    for (const i of [0, 3, 6, 1]) typeBlocker(ws, i, `blocker of agent ${i}`);
    runAt(ws, bundle, '11:00');
    const mails = blockerMails(ws);
    expect(mails.map((m) => m.recipients[0]).sort()).toEqual(['tl0@example.com', 'tl1@example.com']);
    const tl0 = mails.find((m) => m.recipients[0] === 'tl0@example.com')!;
    expect(tl0.subject).toBe('ESP blockers: 3 new blockers - Test Cohort');
    for (const i of [0, 3, 6]) expect(tl0.htmlBody).toContain(`blocker of agent ${i}`);
    expect(tl0.htmlBody).not.toContain('blocker of agent 1');
  });

  it('a changed text is a new blocker; a cleared blocker is not re-alerted', () => {
    const { ws, bundle } = cohort(3);
    typeBlocker(ws, 0, 'login page spins');
    runAt(ws, bundle, '10:00');
    expect(blockerMails(ws)).toHaveLength(1);
    typeBlocker(ws, 0, '');
    runAt(ws, bundle, '11:00');
    typeBlocker(ws, 0, '  Login page   SPINS '); // the same blocker, spaced and cased differently
    runAt(ws, bundle, '12:00');
    expect(blockerMails(ws)).toHaveLength(1);
    typeBlocker(ws, 0, 'login page spins, and the AHIP link 404s');
    runAt(ws, bundle, '13:00');
    expect(blockerMails(ws)).toHaveLength(2);
    expect(blockerMails(ws)[1].htmlBody).toContain('AHIP link 404s');
  });

  it('HTML typed as a blocker arrives escaped, as text', () => {
    const { ws, bundle } = cohort(3);
    typeBlocker(ws, 1, '<img src=x onerror=alert(1)><a href="https://evil.example">click</a>');
    runAt(ws, bundle, '11:00');
    const [mail] = blockerMails(ws);
    expect(mail.recipients).toEqual(['tl1@example.com']);
    expect(mail.htmlBody).not.toContain('<img src=x');
    expect(mail.htmlBody).not.toContain('href="https://evil.example"');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it("a forged row appended below the list (another agent's OID, a blocker) is ignored", () => {
    const { ws, bundle } = cohort(3);
    const { sheet, col } = progress(ws);
    // Typed while the sheet was unprotected (e.g. under an older version): agent 1's OID, a blocker.
    const width = sheet.getLastColumn();
    const forged: unknown[] = Array.from({ length: width }, () => '');
    forged[col('Agent Name') - 1] = 'Agent 1';
    forged[col('OID') - 1] = 'OID1001';
    forged[col(BLOCKERS) - 1] = 'FORGED: pay me';
    sheet.getRange(5, 1, 1, width).setValues([forged]);
    typeBlocker(ws, 0, 'a real blocker'); // agent 0's own row: alerted
    runAt(ws, bundle, '11:00');
    expect(blockerMails(ws).map((m) => m.recipients[0])).toEqual(['tl0@example.com']);
    expect(blockerMails(ws)[0].htmlBody).toContain('a real blocker');
    expect(ws.mail.outbox.filter((m) => (m.htmlBody ?? '').includes('FORGED'))).toHaveLength(0);
  });

  it('rows moved by an editor (a script row showing another OID) are credited to nobody', () => {
    const { ws, bundle } = cohort(3);
    typeBlocker(ws, 0, "agent 0's blocker");
    const { sheet } = progress(ws);
    const rows = sheet.getRange(2, 1, 2, sheet.getLastColumn()).getValues();
    sheet.getRange(2, 1, 2, sheet.getLastColumn()).setValues([rows[1], rows[0]]);
    runAt(ws, bundle, '11:00');
    expect(blockerMails(ws)).toHaveLength(0); // neither agent 0's TL nor agent 1's is told the wrong thing
  });

  it('an agent without a TL Email: the licensing team is told, and asked to add the TL', () => {
    const { ws, bundle } = cohort(3);
    setTracker(ws, 2, TRACKER.tlEmail, '');
    typeBlocker(ws, 2, 'no headset');
    runAt(ws, bundle, '11:00');
    const [mail] = blockerMails(ws);
    expect(mail.recipients).toEqual([LICENSING]);
    expect(mail.htmlBody).toContain('have no TL Email in the ESP Tracker');
  });

  it('a renamed Progress sheet is still read by its recorded ID', () => {
    const { ws, bundle } = cohort(3);
    typeBlocker(ws, 2, 'no headset');
    progress(ws).sheet.setName('Progress (mine)');
    runAt(ws, bundle, '11:00');
    expect(blockerMails(ws).map((m) => m.recipients[0])).toEqual(['tl2@example.com']);
  });
});

describe('Payment and login issues set to Open reach the TL (and licensing) within the hour (built bundle)', () => {
  it('a Payment Issue set to Open at 9:40 reaches the TL and the licensing team at 10:00, once', () => {
    const { ws, bundle } = cohort(6);
    ws.clock.set(d1('09:40'));
    setTracker(ws, 4, TRACKER.paymentIssue, 'Open'); // agent 4's TL is tl1
    runAt(ws, bundle, '10:00');
    const [tl] = blockerMails(ws);
    expect(tl.recipients).toEqual(['tl1@example.com']);
    expect(tl.subject).toBe('ESP blockers: 1 payment issue - Test Cohort');
    const trackerGid = ws.tracker.sheet(SHEET.tracker).getSheetId();
    expect(tl.htmlBody).toContain(`#gid=${trackerGid}&amp;range=A6`);
    const [licensing] = paymentMails(ws);
    expect(licensing.recipients).toEqual([LICENSING]);
    expect(licensing.subject).toBe('ESP payment issues: 1 agent opened a payment issue - Test Cohort');
    expect(licensing.htmlBody).toContain('Agent 4');
    ws.mail.clearOutbox();
    runAt(ws, bundle, '10:30');
    runAt(ws, bundle, '11:00');
    expect(ws.mail.outbox.filter((m) => m.subject.startsWith('ESP'))).toHaveLength(0);
  });

  it('a Login Issue goes to the TL only; cleared and reopened is a new opening, alerted again', () => {
    const { ws, bundle } = cohort(3);
    setTracker(ws, 0, TRACKER.loginIssue, 'Open');
    runAt(ws, bundle, '10:00');
    expect(blockerMails(ws).map((m) => m.subject)).toEqual(['ESP blockers: 1 login issue - Test Cohort']);
    expect(paymentMails(ws)).toHaveLength(0);
    setTracker(ws, 0, TRACKER.loginIssue, 'Resolved');
    runAt(ws, bundle, '11:00');
    expect(blockerMails(ws)).toHaveLength(1);
    setTracker(ws, 0, TRACKER.loginIssue, 'Open');
    runAt(ws, bundle, '12:00');
    expect(blockerMails(ws)).toHaveLength(2);
  });
});

describe('Blocker alerts exactly once, whatever fails (built bundle)', () => {
  it('mail down at 11:00: the alert waits in the outbox and goes at 12:00, once', () => {
    const { ws, bundle } = cohort(3);
    typeBlocker(ws, 0, 'cannot open AHIP');
    ws.meter.injectFault({ service: 'MailApp', method: 'sendEmail', every: 1 });
    runAt(ws, bundle, '11:00');
    expect(blockerMails(ws)).toHaveLength(0);
    ws.meter.clearFaults();
    runAt(ws, bundle, '12:00');
    runAt(ws, bundle, '13:00');
    expect(blockerMails(ws)).toHaveLength(1);
  });

  it('the memory cannot be written after the alert was queued: the next hour builds the same key and sends nothing twice', () => {
    const { ws, bundle } = cohort(3);
    typeBlocker(ws, 0, 'cannot open AHIP');
    ws.meter.injectFault({ service: 'PropertiesService', method: 'setProperties', every: 1 });
    const message = runAt(ws, bundle, '11:00');
    expect(message).toMatch(/blockers: what was alerted could not be remembered/);
    expect(blockerMails(ws)).toHaveLength(1); // sent this hour all the same
    ws.meter.clearFaults();
    runAt(ws, bundle, '12:00');
    runAt(ws, bundle, '13:00');
    expect(blockerMails(ws)).toHaveLength(1);
  });

  it('Dry Run previews and remembers nothing: once it is off, the real alert goes', () => {
    const { ws, bundle } = cohort(3);
    setSettings(ws, { 'Dry Run': true });
    typeBlocker(ws, 0, 'cannot open AHIP');
    runAt(ws, bundle, '11:00');
    runAt(ws, bundle, '12:00');
    expect(blockerMails(ws)).toHaveLength(0);
    const log = ws.tracker.sheet(SHEET.alertLog).getDataRange().getValues();
    expect(log.filter((r) => r[1] === 'tl-blockers' && r[6] === 'dry-run')).toHaveLength(1);
    setSettings(ws, { 'Dry Run': false });
    runAt(ws, bundle, '13:00');
    expect(blockerMails(ws)).toHaveLength(1);
  });
});

describe('Blocker alerts cost the same calls for 10 and 200 agents (built bundle)', () => {
  function measure(agents: number) {
    const { ws, bundle } = cohort(agents);
    // Every agent has a blocker, every third a payment issue: three TLs either way.
    for (let i = 0; i < agents; i++) typeBlocker(ws, i, `blocker ${i}`);
    for (let i = 0; i < agents; i += 3) setTracker(ws, i, TRACKER.paymentIssue, 'Open');
    ws.clock.set(d1('11:00'));
    ws.meter.reset();
    bundle.capCheck();
    const busy = { ...ws.meter.snapshot() };
    const busyTotal = ws.meter.total();
    ws.meter.reset();
    ws.clock.set(d1('12:00'));
    bundle.capCheck();
    return {
      busy,
      busyTotal,
      quietTotal: ws.meter.total(),
      mails: blockerMails(ws).length + paymentMails(ws).length,
    };
  }

  it('one read of the report, no per-agent calls: the totals are equal at 10 and 200 agents', () => {
    const small = measure(10);
    const large = measure(200);
    expect(small.mails).toBe(4); // three TLs + the licensing team
    expect(large.mails).toBe(4);
    expect(large.busyTotal).toBe(small.busyTotal);
    expect(large.quietTotal).toBe(small.quietTotal);
    // The report is read with the run's batched reads (RULES R26): one Spreadsheets.get for the tracker
    // and one for the report, never a per-sheet getDisplayValues.
    expect(large.busy['Range.getDisplayValues'] ?? 0).toBe(0);
    expect(large.busy['Sheets.Spreadsheets.get']).toBe(2);
    console.log(
      `capCheck calls with blockers (10 / 200 agents): ${small.busyTotal} / ${large.busyTotal}; ` +
        `quiet hour: ${small.quietTotal} / ${large.quietTotal}`,
    );
  });
});
