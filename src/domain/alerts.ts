/**
 * Mail discipline (RULES R1, R6), pure: dedupe keys and the quota plan. The one mailer in src/gas
 * asks `planSends` what may go now, sends that, and logs the rest as `deferred` for the next run.
 *
 * Apps Script counts mail quota in recipients, not messages, and rejects a message with more than 50
 * recipients, so planning works in recipients and splits large lists before anything is counted.
 */
import { splitEmails } from './values';

/** Google's per-message recipient limit. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

/**
 * A stable key for "this alert, about this, on this day": a re-run the same day builds the same key and
 * the Alert Log already holds it, so nothing is sent twice. Parts are trimmed and lowercased (an email
 * typed in another case is the same recipient); `|` inside a part is replaced so keys never collide.
 */
export function dedupeKey(kind: string, ymd: string, ...parts: readonly string[]): string {
  return [kind, ymd, ...parts].map((p) => p.trim().toLowerCase().replace(/\|/g, '/')).join('|');
}

export interface OutgoingMessage {
  /** Alert kind for the Alert Log, e.g. `tl-digest`, `final-cap`. */
  kind: string;
  to: readonly string[];
  subject: string;
  htmlBody: string;
  body: string;
  /** Urgent alerts (Sales Inhibitor, MIA, CAP) claim quota before digests and reminders. */
  urgent: boolean;
  dedupeKey: string;
  /** Agent names the message is about, for the Alert Log. */
  agents?: readonly string[];
  /**
   * How to compose the message again: the template's name and its compact inputs. The outbox keeps this
   * instead of the bodies (a 20-agent digest body is ~66,000 characters, more than a cell holds) and
   * recomposes at send time. Without it the outbox keeps the bodies, split over cells.
   */
  recipe?: MailRecipe;
}

/** A template of src/domain/emails.ts by name, with the input it was composed from. */
export interface MailRecipe {
  template: string;
  input: unknown;
}

export interface SendPlan {
  /** Go now, within quota, each with at most 50 recipients. */
  send: OutgoingMessage[];
  /** Did not fit the remaining quota: log as `deferred`, retry next run. */
  deferred: OutgoingMessage[];
  /** Already sent (key in the Alert Log) or with no recipients: nothing to do. */
  skipped: OutgoingMessage[];
}

/** Unique, lowercased, non-blank recipients: quota counts each address once per message. */
function cleanRecipients(to: readonly string[]): string[] {
  return splitEmails(to.join(','));
}

/**
 * One message per 50 recipients. A split message gets part keys (`key#1`, `key#2` …) so a part sent
 * before the quota ran out is not sent again when the rest is retried; an unsplit message keeps its key.
 */
export function splitByRecipients(
  message: OutgoingMessage,
  max: number = MAX_RECIPIENTS_PER_MESSAGE,
): OutgoingMessage[] {
  const to = cleanRecipients(message.to);
  if (to.length <= max) return [{ ...message, to }];
  const parts: OutgoingMessage[] = [];
  for (let i = 0; i < to.length; i += max) {
    parts.push({
      ...message,
      to: to.slice(i, i + max),
      dedupeKey: `${message.dedupeKey}#${parts.length + 1}`,
    });
  }
  return parts;
}

/**
 * Which messages go now. Messages are split to ≤ 50 recipients, those whose key is in `sentKeys` are
 * skipped, then urgent messages are considered before the rest (keeping the callers' order within each
 * group) and each is sent when its recipients fit the remaining quota. A message that does not fit is
 * deferred, but smaller later ones may still go: quota left unused helps nobody, and deferred messages
 * are retried first-come on the next run.
 */
export function planSends(
  messages: readonly OutgoingMessage[],
  remainingQuota: number,
  sentKeys: ReadonlySet<string> = new Set(),
): SendPlan {
  const plan: SendPlan = { send: [], deferred: [], skipped: [] };
  const isSent = (m: OutgoingMessage): boolean => sentKeys.has(m.dedupeKey);
  const parts = messages.flatMap((m) => (isSent(m) ? [m] : splitByRecipients(m)));
  const ordered = [...parts.filter((m) => m.urgent), ...parts.filter((m) => !m.urgent)];
  let left = Math.max(0, Math.floor(remainingQuota));
  for (const message of ordered) {
    if (message.to.length === 0 || isSent(message)) plan.skipped.push(message);
    else if (message.to.length <= left) {
      plan.send.push(message);
      left -= message.to.length;
    } else plan.deferred.push(message);
  }
  return plan;
}
