/**
 * The daily mail quota belongs to the effective user — the person whose installable trigger runs:
 * - https://developers.google.com/apps-script/guides/triggers/installable (Restrictions) —
 *   "Installable triggers always run under the account of the person who created them. … if you
 *   create a trigger to send an email when a document is opened, the email is always sent from your
 *   account, not necessarily the account that opened the document."
 * - https://developers.google.com/apps-script/guides/services/quotas — "Quotas are per user";
 *   "Email recipients per day (for example, with MailApp) | 100* / day | 1,500* / day".
 * - https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota() —
 *   "Returns the number of recipients you can send emails to for the rest of the day."
 */
import { FakeClock } from '../../workspace/clock';
import { FakeMailApp, QUOTA_ERROR } from '../../workspace/mail';
import { Meter } from '../../workspace/meter';
import { Workspace } from '../../workspace/workspace';

const TL1 = 'tl1@example.com';
const TL2 = 'tl2@example.com';

function mailAs(initial: string, dailyQuota: number) {
  let user = initial;
  const mail = new FakeMailApp({
    meter: new Meter(),
    clock: new FakeClock(new Date('2026-01-08T15:00:00Z')),
    dailyQuota,
    effectiveUser: () => user,
  });
  return { mail, switchTo: (u: string) => (user = u) };
}

/** A workspace where TL1 installed an hourly trigger and TL2 now has the file open. */
function tl1TriggerWhileTl2Works(mailQuota: number) {
  const ws = new Workspace({ now: new Date('2026-01-08T15:00:00Z'), user: TL1, mailQuota });
  const trigger = ws.script.newTrigger('sendDigest').timeBased().everyHours(1).create();
  ws.session.actAs(TL2);
  return { ws, record: trigger.record };
}

describe('MailApp quota is per effective user', () => {
  test('each user has a daily quota of their own; getRemainingDailyQuota answers the current one', () => {
    const { mail, switchTo } = mailAs(TL1, 5);
    mail.sendEmail({ to: 'a@example.com, b@example.com, c@example.com', subject: 's', body: 'b' });
    expect(mail.getRemainingDailyQuota()).toBe(2);
    switchTo(TL2);
    expect(mail.getRemainingDailyQuota()).toBe(5);
    mail.sendEmail({ to: 'd@example.com', subject: 's', body: 'b' });
    expect(mail.getRemainingDailyQuota()).toBe(4);
    expect(mail.usedToday(TL1)).toBe(3);
    expect(mail.usedToday(TL2)).toBe(1);
    expect(mail.outbox.map((m) => m.from)).toEqual([TL1, TL2]);
  });

  test('one user over quota does not stop another from sending', () => {
    const { mail, switchTo } = mailAs(TL1, 2);
    mail.spendQuota(2);
    expect(() => mail.sendEmail({ to: 'a@example.com', subject: 's', body: 'b' })).toThrow(QUOTA_ERROR);
    switchTo(TL2);
    mail.sendEmail({ to: 'a@example.com', subject: 's', body: 'b' });
    expect(mail.outbox).toHaveLength(1);
    expect(mail.outbox[0].from).toBe(TL2);
  });

  test('a trigger TL1 installed spends TL1’s quota even while TL2 is at the keyboard', () => {
    const { ws, record } = tl1TriggerWhileTl2Works(10);
    ws.mail.spendQuota(4, TL1);
    let remainingSeenByTrigger = -1;
    ws.runTrigger(
      {
        sendDigest: () => {
          remainingSeenByTrigger = ws.mail.getRemainingDailyQuota();
          ws.mail.sendEmail({ to: 'pm@example.com, lead@example.com', subject: 'Digest', body: 'b' });
        },
      },
      record,
    );
    expect(ws.triggerFailures).toEqual([]);
    expect(remainingSeenByTrigger).toBe(6);
    expect(ws.mail.outbox.map((m) => m.from)).toEqual([TL1]);
    expect(ws.mail.usedToday(TL1)).toBe(6);
    expect(ws.mail.usedToday(TL2)).toBe(0);
    // Back at TL2's keyboard: TL2's own quota is untouched.
    expect(ws.mail.getRemainingDailyQuota()).toBe(10);
  });

  test('TL1’s exhausted quota fails TL1’s trigger, while TL2 can still send from the menu', () => {
    const { ws, record } = tl1TriggerWhileTl2Works(10);
    ws.mail.spendQuota(10, TL1);
    ws.runTrigger(
      { sendDigest: () => ws.mail.sendEmail({ to: 'pm@example.com', subject: 'Digest', body: 'b' }) },
      record,
    );
    expect(ws.triggerFailures).toEqual([{ handler: 'sendDigest', user: TL1, message: QUOTA_ERROR }]);
    expect(ws.mail.outbox).toEqual([]);
    // TL2 acting in the file (menu, sidebar) is the effective user and spends their own quota.
    ws.mail.sendEmail({ to: 'pm@example.com', subject: 'From the menu', body: 'b' });
    expect(ws.mail.outbox.map((m) => [m.subject, m.from])).toEqual([['From the menu', TL2]]);
    expect(ws.mail.getRemainingDailyQuota()).toBe(9);
  });
});
