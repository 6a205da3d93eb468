/** The mail outbox (src/gas/mailer.ts) on the installed fakes: exactly once, whatever fails. */
import { SHEET } from '../../src/domain/contract';
import type { OutgoingMessage } from '../../src/domain/alerts';
import { CHUNK_CHARS, Mailer, OUTBOX_SHEET, SENT_MARKER_PROPERTY } from '../../src/gas/mailer';
import { composed } from '../../src/gas/mailRecipes';
import type { Workspace } from '../../workspace/workspace';
import { setUpWorkspace } from '../helpers/workbook';

const live = { dryRun: false };

function message(i: number, extra: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    kind: 'test',
    to: [`person${i}@example.com`],
    subject: `Message ${i}`,
    htmlBody: `<p>Body ${i}</p>`,
    body: `Body ${i}`,
    urgent: false,
    dedupeKey: `test|2026-12-03|${i}`,
    ...extra,
  };
}

function outboxRows(ws: Workspace): string[][] {
  const sheet = ws.tracker.getSheetByName(OUTBOX_SHEET);
  return sheet ? sheet.getDataRange().getDisplayValues().slice(1) : [];
}

function logRows(ws: Workspace): string[][] {
  return ws.tracker.sheet(SHEET.alertLog).getDataRange().getDisplayValues().slice(1);
}

function sheetsCalls(ws: Workspace): number {
  return ws.meter.total('SpreadsheetApp') + ws.meter.total('Range') + ws.meter.total('Sheet');
}

describe('Mailer outbox', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = setUpWorkspace(0);
    ws.mail.setQuota(1500);
  });

  test('every message is recorded pending in the outbox before it is sent, and marked sent right after', () => {
    const seen: string[][][] = [];
    const marker: (string | null)[] = [];
    const send = ws.mail.sendEmail.bind(ws.mail);
    jest.spyOn(ws.mail, 'sendEmail').mockImplementation((...args: Parameters<typeof send>) => {
      seen.push(outboxRows(ws).map((r) => [r[0], r[1]]));
      marker.push(ws.properties.getScriptProperties().getProperty(SENT_MARKER_PROPERTY));
      return send(...args);
    });
    const mailer = new Mailer(ws.tracker, live);
    for (let i = 0; i < 3; i++) mailer.queue(message(i));
    const summary = mailer.flush();
    expect(summary).toMatchObject({ sent: 3, failed: 0, waiting: 0, problems: [] });
    // At the first send all three are pending; at the third, the first two are in the sent marker.
    expect(seen[0].map((r) => r[1])).toEqual(['pending', 'pending', 'pending']);
    expect(JSON.parse(marker[2] ?? '[]')).toEqual(['test|2026-12-03|0', 'test|2026-12-03|1']);
    // The checkpoint logged them, emptied the outbox and cleared the marker.
    expect(logRows(ws).map((r) => r[6])).toEqual(['sent', 'sent', 'sent']);
    expect(outboxRows(ws)).toEqual([]);
    expect(ws.properties.getScriptProperties().getProperty(SENT_MARKER_PROPERTY)).toBeNull();
  });

  test('calls per run: Sheets calls do not grow with messages; one send and one Properties write per message', () => {
    const measure = (n: number) => {
      const w = setUpWorkspace(0);
      w.mail.setQuota(1500);
      const mailer = new Mailer(w.tracker, live);
      for (let i = 0; i < n; i++) mailer.queue(message(i));
      w.meter.reset();
      mailer.flush();
      return {
        sheets: sheetsCalls(w),
        properties: w.meter.total('PropertiesService'),
        sends: w.meter.count('MailApp.sendEmail'),
      };
    };
    const five = measure(5);
    const forty = measure(40);
    // Measured: 22 Sheets calls whatever the count; Properties 3 per run (get, marker read, clear) + 1 per message.
    expect(five).toMatchObject({ properties: 3 + 5, sends: 5 });
    expect(five.sheets).toBeLessThanOrEqual(25);
    expect(forty.sheets).toBe(five.sheets);
    expect(forty.sends - five.sends).toBe(35);
    expect(forty.properties - five.properties).toBe(35);
  });

  test('a run killed after sending (Alert Log and outbox writes both lost) is recovered by the next run: nothing sent twice, every send logged', () => {
    const mailer = new Mailer(ws.tracker, live);
    for (let i = 0; i < 4; i++) mailer.queue(message(i));
    // The pending write (Range.setValues #1) succeeds; after the four sends, the Alert Log write and
    // the outbox rewrite fail on every retry, as if the run had died.
    let n = 0;
    const realSend = ws.mail.sendEmail.bind(ws.mail);
    jest.spyOn(ws.mail, 'sendEmail').mockImplementation((...args: Parameters<typeof realSend>) => {
      realSend(...args);
      if (++n === 4) ws.meter.injectFault({ service: 'Range', method: 'setValues', every: 1, times: 100 });
    });
    const first = mailer.flush();
    expect(first.sent).toBe(4);
    expect(first.problems.join(' ')).toMatch(/Alert Log not written[\s\S]*Mail Outbox not written/);
    expect(logRows(ws)).toEqual([]);
    expect(outboxRows(ws).map((r) => r[1])).toEqual(['pending', 'pending', 'pending', 'pending']);
    ws.meter.clearFaults();
    jest.restoreAllMocks();

    const again = new Mailer(ws.tracker, live);
    for (let i = 0; i < 4; i++) again.queue(message(i)); // the re-run composes the same messages
    const second = again.flush();
    expect(second).toMatchObject({ sent: 0, skipped: 4, problems: [] });
    expect(ws.mail.outbox).toHaveLength(4);
    expect(logRows(ws).map((r) => [r[5], r[6]])).toEqual(
      [0, 1, 2, 3].map((i) => [`test|2026-12-03|${i}`, 'sent']),
    );
    expect(outboxRows(ws)).toEqual([]);
  });

  test('bodies of mail without a recipe are split over cells of at most 40,000 characters and sent whole later', () => {
    const big = 'x'.repeat(95_000);
    ws.mail.setQuota(0);
    const mailer = new Mailer(ws.tracker, live);
    mailer.queue(message(1, { htmlBody: `<p>${big}</p>`, body: big }));
    expect(mailer.flush()).toMatchObject({ sent: 0, deferred: 1, waiting: 1 });
    const rows = outboxRows(ws);
    expect(rows.length).toBe(Math.ceil((2 * 95_000 + 40) / CHUNK_CHARS));
    for (const row of rows) for (const cell of row) expect(cell.length).toBeLessThanOrEqual(50_000);
    ws.mail.setQuota(1500);
    expect(new Mailer(ws.tracker, live).flush()).toMatchObject({ sent: 1, waiting: 0 });
    expect(ws.mail.outbox[0].body).toBe(big);
    expect(ws.mail.outbox[0].htmlBody).toBe(`<p>${big}</p>`);
  });

  test('mail with a recipe is stored as its inputs and composed again at send time', () => {
    ws.mail.setQuota(0);
    const email = composed('exempt-list', {
      cohortName: 'Test <Cohort>',
      agents: [
        { name: 'Ann', oid: 'OID1', tlName: 'TL', exemption: 'N-Number late', itemsMissing: ['Quiz 5'] },
      ],
    });
    const mailer = new Mailer(ws.tracker, live);
    mailer.queue({
      kind: 'exempt-list',
      to: ['lic@example.com'],
      ...email,
      urgent: false,
      dedupeKey: 'ex|1',
    });
    mailer.flush();
    const stored = outboxRows(ws)[0][12];
    expect(stored).toMatch(/^~\{"r":/);
    expect(stored).not.toContain('<html');
    ws.mail.setQuota(1500);
    new Mailer(ws.tracker, live).flush();
    expect(ws.mail.outbox[0].htmlBody).toBe(email.htmlBody);
  });

  test('a transient failure is retried by the next run; two in a row stop the run (mail is down); nothing twice', () => {
    const mailer = new Mailer(ws.tracker, live);
    for (let i = 0; i < 5; i++) mailer.queue(message(i, { urgent: i === 4 }));
    ws.meter.injectFault({ service: 'MailApp', method: 'sendEmail', every: 1 });
    const down = mailer.flush();
    expect(down).toMatchObject({ sent: 0, failed: 2, waiting: 5 });
    expect(down.problems.join(' ')).toMatch(/Mail is failing/);
    ws.meter.clearFaults();
    const up = new Mailer(ws.tracker, live).flush();
    expect(up).toMatchObject({ sent: 5, waiting: 0 });
    expect(ws.mail.outbox[0].subject).toBe('Message 4'); // urgent first
    expect(new Mailer(ws.tracker, live).flush()).toMatchObject({ sent: 0, waiting: 0 });
    expect(ws.mail.outbox).toHaveLength(5);
    const statuses = logRows(ws).map((r) => r[6]);
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'failed')).toHaveLength(2);
  });

  test('a permanent error (bad address) is logged failed once and given up, not retried every run', () => {
    const mailer = new Mailer(ws.tracker, live);
    mailer.queue(message(1, { to: ['someone@localhost'] })); // MailApp: "Invalid email"
    mailer.queue(message(2));
    const summary = mailer.flush();
    expect(summary).toMatchObject({ sent: 1, waiting: 0 });
    new Mailer(ws.tracker, live).flush();
    expect(logRows(ws).filter((r) => r[6] === 'failed')).toHaveLength(1);
    expect(ws.mail.outbox.map((m) => m.subject)).toEqual(['Message 2']);
  });

  test('more than 50 recipients are split into parts keyed #1, #2; Dry Run sends nothing and leaves the outbox alone', () => {
    const to = Array.from({ length: 120 }, (_, i) => `r${i}@example.com`);
    const mailer = new Mailer(ws.tracker, live);
    mailer.queue(message(1, { to }));
    expect(mailer.flush().sent).toBe(3);
    expect(ws.mail.outbox.map((m) => m.recipients.length)).toEqual([50, 50, 20]);
    expect(logRows(ws).map((r) => r[5])).toEqual([
      'test|2026-12-03|1#1',
      'test|2026-12-03|1#2',
      'test|2026-12-03|1#3',
    ]);
    ws.mail.clearOutbox();
    const dry = new Mailer(ws.tracker, { dryRun: true });
    dry.queue(message(7));
    expect(dry.flush()).toMatchObject({ dryRun: 1, sent: 0 });
    expect(ws.mail.outbox).toHaveLength(0);
    expect(outboxRows(ws)).toEqual([]);
  });

  test('send() returns the status of one message', () => {
    expect(new Mailer(ws.tracker, live).send(message(3))).toBe('sent');
    expect(new Mailer(ws.tracker, live).send(message(3))).toBe('sent');
    expect(ws.mail.outbox).toHaveLength(1);
    ws.mail.setQuota(1);
    expect(new Mailer(ws.tracker, live).send(message(4, { to: ['a@example.com', 'b@example.com'] }))).toBe(
      'deferred',
    );
  });
});
