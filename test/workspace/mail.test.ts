import { FakeClock } from '../../workspace/clock';
import { FakeMailApp, QUOTA_ERROR } from '../../workspace/mail';
import { Meter } from '../../workspace/meter';

function setup(dailyQuota?: number) {
  const meter = new Meter();
  const clock = new FakeClock(new Date('2026-01-08T15:00:00Z'));
  return { meter, clock, mail: new FakeMailApp({ meter, clock, dailyQuota }) };
}

const addresses = (n: number, prefix = 'a') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

describe('FakeMailApp', () => {
  test('message-object form lands in the outbox with the clock time', () => {
    const { mail, clock } = setup();
    mail.sendEmail({
      to: 'tl@example.com',
      cc: 'mgr@example.com',
      subject: 'Digest',
      body: 'plain',
      htmlBody: '<b>html</b>',
      name: 'ESP Bot',
      replyTo: 'team@example.com',
      noReply: true,
    });
    expect(mail.outbox).toHaveLength(1);
    expect(mail.outbox[0]).toMatchObject({
      to: 'tl@example.com',
      cc: 'mgr@example.com',
      subject: 'Digest',
      htmlBody: '<b>html</b>',
      name: 'ESP Bot',
      replyTo: 'team@example.com',
      noReply: true,
      recipients: ['tl@example.com', 'mgr@example.com'],
    });
    expect(mail.outbox[0].sentAt.getTime()).toBe(clock.nowMs());
    expect(mail.sentTo('MGR@example.com')).toHaveLength(1);
  });

  test('positional forms', () => {
    const { mail } = setup();
    mail.sendEmail('a@example.com', 'Subj', 'Body', { bcc: 'b@example.com', htmlBody: '<p>x</p>' });
    mail.sendEmail('c@example.com', 'reply@example.com', 'Subj2', 'Body2');
    expect(mail.outbox[0]).toMatchObject({
      to: 'a@example.com',
      bcc: 'b@example.com',
      subject: 'Subj',
      body: 'Body',
    });
    expect(mail.outbox[1]).toMatchObject({
      to: 'c@example.com',
      replyTo: 'reply@example.com',
      subject: 'Subj2',
    });
  });

  // https://developers.google.com/apps-script/guides/services/quotas — "Email recipients per day (for
  // example, with MailApp) | 100* / day | 1,500* / day" (consumer | Workspace); "Quotas are per user".
  // Over quota, Apps Script throws "Service invoked too many times for one day: email." (the text quoted in
  // https://stackoverflow.com/questions/21444588 and the script-owner reports it links).
  test('quota counts recipients (to + cc + bcc), not messages', () => {
    const { mail } = setup();
    expect(mail.getRemainingDailyQuota()).toBe(100);
    mail.sendEmail({
      to: 'a@example.com, b@example.com',
      cc: 'c@example.com',
      bcc: 'd@example.com',
      subject: 's',
      body: 'b',
    });
    expect(mail.getRemainingDailyQuota()).toBe(96);
  });

  test('sending over quota throws and sends nothing; quota resets the next day', () => {
    const { mail, clock } = setup(5);
    mail.sendEmail({ to: addresses(4).join(','), subject: 's', body: 'b' });
    expect(() => mail.sendEmail({ to: addresses(2, 'b').join(','), subject: 's', body: 'b' })).toThrow(
      QUOTA_ERROR,
    );
    expect(mail.outbox).toHaveLength(1);
    mail.sendEmail('last@example.com', 's', 'b');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('x@example.com', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    clock.advanceHours(24);
    expect(mail.getRemainingDailyQuota()).toBe(5);
  });

  test('setQuota and spendQuota', () => {
    const { mail } = setup();
    mail.setQuota(1500);
    mail.spendQuota(1490);
    expect(mail.getRemainingDailyQuota()).toBe(10);
  });

  // Quotas page, "Current limitations": "Email recipients per message | 50 / msg" (both account kinds);
  // the exception reads "Limit Exceeded: Email Recipients Per Message." (localised in
  // https://prograshi.com/?p=11178: "上限を超えています: メッセージあたりの受信者数", To + Cc + Bcc counted).
  test('at most 50 recipients per message', () => {
    const { mail } = setup(1500);
    mail.sendEmail({
      to: addresses(30).join(','),
      bcc: addresses(20, 'b').join(','),
      subject: 's',
      body: 'b',
    });
    expect(() =>
      mail.sendEmail({
        to: addresses(30).join(','),
        bcc: addresses(21, 'b').join(','),
        subject: 's',
        body: 'b',
      }),
    ).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(mail.outbox).toHaveLength(1);
  });

  // Quotas page, "Current limitations": "Email body size | 200 KB / msg | 400 KB / msg" (consumer |
  // Workspace); a script over it stops with "Limit Exceeded: Email Body Size." (an execution log quoted in a
  // public autoReply script's README, found with the search tool). A bad address: "Invalid email: …".
  test('body over 200 KB throws; bad or missing addresses throw', () => {
    const { mail } = setup();
    expect(() => mail.sendEmail('a@example.com', 's', 'x'.repeat(200 * 1024 + 1))).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    expect(() =>
      mail.sendEmail({ to: 'a@example.com', subject: 's', body: '', htmlBody: 'x'.repeat(300_000) }),
    ).toThrow('Email Body Size');
    expect(() => mail.sendEmail('not-an-email', 's', 'b')).toThrow('Invalid email: not-an-email');
    expect(() => mail.sendEmail({ subject: 's', body: 'b' })).toThrow('no recipient');
    expect(mail.outbox).toHaveLength(0);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });

  test('simple-trigger mode refuses to send', () => {
    const { mail } = setup();
    mail.setSimpleTrigger(true);
    expect(() => mail.sendEmail('a@example.com', 's', 'b')).toThrow(
      'You do not have permission to call MailApp.sendEmail',
    );
  });

  test('meters every call', () => {
    const { mail, meter } = setup();
    mail.sendEmail('a@example.com', 's', 'b');
    mail.getRemainingDailyQuota();
    expect(meter.count('MailApp.sendEmail')).toBe(1);
    expect(meter.count('MailApp.getRemainingDailyQuota')).toBe(1);
  });
});
