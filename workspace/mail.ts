/**
 * Fake `MailApp`. The daily quota counts recipients (to + cc + bcc), as Google does, and resets at
 * midnight in the quota time zone; a message may have at most 50 recipients and a body of at most
 * 200 KB (consumer). Quotas are per user: mail is sent from, and spends the quota of, the effective
 * user — the creator of the installable trigger that runs, not whoever caused the event
 * (`FakeScriptApp.asCreator` sets it). Sent mail lands in an inspectable outbox stamped with the
 * FakeClock's time and the sender.
 */
import type { FakeClock } from './clock';
import type { Meter } from './meter';
import { zonedDateKey } from './utilities';

type MailParams = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  /** Every recipient (to, cc, bcc), trimmed, in order. */
  recipients: string[];
  sentAt: Date;
  /** The effective user who sent it (whose quota it spent). */
  from: string;
}

export interface FakeMailAppOptions {
  meter: Meter;
  clock: FakeClock;
  /** Recipients per day. Default 100 (consumer / new Workspace); established Workspace is 1,500. */
  dailyQuota?: number;
  /** Default 200 KB (consumer); Workspace is 400 KB. */
  maxBodyBytes?: number;
  /** Zone whose midnight resets the quota. Default America/Los_Angeles (Google's quota day). */
  quotaTimeZone?: string;
  /** Who the script runs as now (Session's effective user). Default: always lead@example.com. */
  effectiveUser?: () => string;
}

export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const QUOTA_ERROR = 'Service invoked too many times for one day: email.';
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** `"Name" <a@b.c>` → `a@b.c`. */
function bareAddress(recipient: string): string {
  const m = /<([^>]*)>\s*$/.exec(recipient);
  return (m ? m[1] : recipient).trim();
}

function splitRecipients(list: string | undefined): string[] {
  return String(list ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

export class FakeMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  'sendEmail' | 'getRemainingDailyQuota'
> {
  /** Every message sent, oldest first. */
  readonly outbox: SentMail[] = [];
  private readonly meter: Meter;
  private readonly clock: FakeClock;
  private quota: number;
  private readonly maxBodyBytes: number;
  private readonly quotaTimeZone: string;
  private readonly effectiveUser: () => string;
  /** Recipients spent, by user and quota day. */
  private readonly used = new Map<string, number>();
  private simpleTrigger = false;

  constructor(options: FakeMailAppOptions) {
    this.meter = options.meter;
    this.clock = options.clock;
    this.quota = options.dailyQuota ?? 100;
    this.maxBodyBytes = options.maxBodyBytes ?? 200 * 1024;
    this.quotaTimeZone = options.quotaTimeZone ?? 'America/Los_Angeles';
    this.effectiveUser = options.effectiveUser ?? (() => 'lead@example.com');
  }

  // ---- non-API helpers -----------------------------------------------------------------------------

  /** Sets every user's daily recipient quota (e.g. 1500 for an established Workspace domain). */
  setQuota(recipientsPerDay: number): void {
    this.quota = recipientsPerDay;
  }

  /**
   * Marks `n` recipients as already spent today by `user` (default: the effective user), e.g. mail
   * sent by other scripts of that user.
   */
  spendQuota(n: number, user: string = this.effectiveUser()): void {
    const key = this.quotaKey(user);
    this.used.set(key, (this.used.get(key) ?? 0) + n);
  }

  /** While on, sending fails as it does from a simple trigger (no authorisation to send mail). */
  setSimpleTrigger(on: boolean): void {
    this.simpleTrigger = on;
  }

  /** Recipients `user` (default: the effective user) has spent today (by the FakeClock). */
  usedToday(user: string = this.effectiveUser()): number {
    return this.used.get(this.quotaKey(user)) ?? 0;
  }

  /** Messages to (or cc/bcc) an address, case-insensitive. */
  sentTo(address: string): SentMail[] {
    const a = address.toLowerCase();
    return this.outbox.filter((m) => m.recipients.some((r) => bareAddress(r).toLowerCase() === a));
  }

  clearOutbox(): void {
    this.outbox.length = 0;
  }

  private quotaKey(user: string): string {
    return `${user.toLowerCase()} ${zonedDateKey(this.clock.nowMs(), this.quotaTimeZone)}`;
  }

  // ---- API -----------------------------------------------------------------------------------------

  /** The effective user's remainder: each user has a quota of their own. */
  getRemainingDailyQuota(): number {
    this.meter.call('MailApp', 'getRemainingDailyQuota');
    return Math.max(0, this.quota - this.usedToday());
  }

  sendEmail(
    messageOrRecipient: MailParams | string,
    subjectOrReplyTo?: string,
    body?: string,
    optionsOrBody?: MailParams | string,
  ): void {
    this.meter.call('MailApp', 'sendEmail');
    let msg: MailParams;
    if (typeof messageOrRecipient === 'object' && messageOrRecipient !== null) {
      msg = { ...messageOrRecipient };
    } else if (typeof optionsOrBody === 'string') {
      // sendEmail(to, replyTo, subject, body)
      msg = { to: messageOrRecipient, replyTo: subjectOrReplyTo, subject: body, body: optionsOrBody };
    } else {
      msg = { ...(optionsOrBody ?? {}), to: messageOrRecipient, subject: subjectOrReplyTo, body };
    }
    if (this.simpleTrigger) {
      throw new Error(
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      );
    }
    const to = splitRecipients(msg.to);
    const cc = splitRecipients(msg.cc);
    const bcc = splitRecipients(msg.bcc);
    const recipients = [...to, ...cc, ...bcc];
    if (recipients.length === 0) throw new Error('Failed to send email: no recipient');
    for (const r of recipients) {
      if (!EMAIL.test(bareAddress(r))) throw new Error(`Invalid email: ${r}`);
    }
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) {
      throw new Error('Limit Exceeded: Email Recipients Per Message.');
    }
    const bodyBytes = Math.max(
      Buffer.byteLength(String(msg.body ?? ''), 'utf8'),
      Buffer.byteLength(String(msg.htmlBody ?? ''), 'utf8'),
    );
    if (bodyBytes > this.maxBodyBytes) throw new Error('Limit Exceeded: Email Body Size.');
    const from = this.effectiveUser();
    if (this.usedToday(from) + recipients.length > this.quota) throw new Error(QUOTA_ERROR);
    this.spendQuota(recipients.length, from);
    const sent: SentMail = {
      to: to.join(','),
      cc: cc.join(','),
      bcc: bcc.join(','),
      subject: String(msg.subject ?? ''),
      body: String(msg.body ?? ''),
      recipients,
      sentAt: this.clock.now(),
      from,
    };
    if (msg.htmlBody !== undefined) sent.htmlBody = String(msg.htmlBody);
    if (msg.name !== undefined) sent.name = msg.name;
    if (msg.replyTo !== undefined) sent.replyTo = msg.replyTo;
    if (msg.noReply !== undefined) sent.noReply = msg.noReply;
    this.outbox.push(sent);
  }
}
