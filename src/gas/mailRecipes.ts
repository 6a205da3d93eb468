/**
 * Mail recipes: an email as "template + compact inputs" instead of its composed bodies. The mailer's outbox
 * stores a recipe (a few KB even for a large digest) and composes the email again at send time, so a
 * deferred or failed message never needs a 66,000-character body in a 50,000-character cell.
 *
 * `composed(template, input)` renders the email now (subject and bodies for the caller, the Alert Log and
 * an immediate send) and attaches the recipe:
 *     mailer.queue({ kind: 'tl-digest', to, ...composed('tl-digest', digest), urgent: false, dedupeKey });
 *
 * Inputs are stored as JSON with dates as `{"$date": ms}` and time zones as `{"$zone": id}` (a Zone is an
 * object with methods; it is rebuilt with `zoneFor`). Templates are pure functions of their input (no
 * clock), so the recomposed email equals the one composed when the alert was queued.
 */
import { miaReturnedEmail } from '../domain/attendanceEmails';
import { paymentIssuesEmail, tlBlockersEmail } from '../domain/blockerEmails';
import {
  exemptListEmail,
  finalCapCompletedEmail,
  finalCapEmail,
  terminationReviewEmail,
} from '../domain/capEmails';
import type { MailRecipe } from '../domain/alerts';
import {
  g2tInvitationEmail,
  licensingSummaryEmail,
  miaAlertEmail,
  readyForProductionEmail,
  salesInhibitorEmail,
  selfReportReminderEmail,
  tlDigestEmail,
  unmatchedCompletionEmail,
} from '../domain/emails';
import { settingsProblemsEmail } from '../domain/settings';
import { examFailedEmail } from '../domain/examEmails';
import { reportTamperingEmail } from '../domain/reportEmails';
import { isDate } from '../domain/values';
import { zoneFor } from './zone';

interface EmailContent {
  subject: string;
  htmlBody: string;
  body: string;
}

const TEMPLATES = {
  'g2t-invitation': g2tInvitationEmail,
  'self-report-reminder': selfReportReminderEmail,
  'tl-digest': tlDigestEmail,
  'licensing-summary': licensingSummaryEmail,
  mia: miaAlertEmail,
  'mia-returned': miaReturnedEmail,
  'sales-inhibitor': salesInhibitorEmail,
  'ready-for-production': readyForProductionEmail,
  'final-cap': finalCapEmail,
  'termination-review': terminationReviewEmail,
  'final-cap-completed': finalCapCompletedEmail,
  'exempt-list': exemptListEmail,
  'unmatched-completion': unmatchedCompletionEmail,
  'settings-problems': settingsProblemsEmail,
  'report-tampering': reportTamperingEmail,
  'tl-blockers': tlBlockersEmail,
  'payment-issues': paymentIssuesEmail,
  'exam-failed': examFailedEmail,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
type InputOf<T extends TemplateName> = Parameters<(typeof TEMPLATES)[T]>[0];

/** Renders `template(input)` now and attaches the recipe that composes it again. */
export function composed<T extends TemplateName>(
  template: T,
  input: InputOf<T>,
): EmailContent & { recipe: MailRecipe } {
  const render = TEMPLATES[template] as (i: InputOf<T>) => EmailContent;
  const content = render(input);
  return {
    subject: content.subject,
    htmlBody: content.htmlBody,
    body: content.body,
    recipe: { template, input },
  };
}

/** Composes a stored recipe; throws with the template name when it is unknown. */
export function compose(recipe: MailRecipe): EmailContent {
  if (!Object.prototype.hasOwnProperty.call(TEMPLATES, recipe.template))
    throw new Error(`Mail outbox: unknown email template "${recipe.template}".`);
  const render = TEMPLATES[recipe.template as TemplateName] as (i: unknown) => EmailContent;
  return render(recipe.input);
}

/** The recipe as JSON (dates and zones tagged). */
export function encodeRecipe(recipe: MailRecipe): string {
  return JSON.stringify({ template: recipe.template, input: encode(recipe.input) });
}

export function decodeRecipe(json: string): MailRecipe {
  const raw = JSON.parse(json) as { template?: unknown; input?: unknown };
  if (typeof raw.template !== 'string') throw new Error('Mail outbox: a stored recipe has no template.');
  return { template: raw.template, input: decode(raw.input) };
}

function isZone(v: object): v is { id: string } {
  const z = v as { id?: unknown; toLocal?: unknown; ymd?: unknown };
  return typeof z.id === 'string' && typeof z.toLocal === 'function' && typeof z.ymd === 'function';
}

function encode(v: unknown): unknown {
  if (isDate(v)) return { $date: v.getTime() };
  if (Array.isArray(v)) return v.map(encode);
  if (v !== null && typeof v === 'object') {
    if (isZone(v)) return { $zone: v.id };
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (typeof x !== 'function') out[k] = encode(x);
    return out;
  }
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$date === 'number' && Object.keys(o).length === 1) return new Date(o.$date);
    if (typeof o.$zone === 'string' && Object.keys(o).length === 1) return zoneFor(o.$zone);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decode(x);
    return out;
  }
  return v;
}
