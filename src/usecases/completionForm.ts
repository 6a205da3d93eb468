/**
 * RULES R1, R13 — the Carrier Cert Completion Form. The team's form writes its responses to a spreadsheet
 * of its own, not to the tracker, so a tracker `onFormSubmit` trigger never fires for it (Apps Script
 * fires a spreadsheet form-submit trigger only for a form whose responses go to that spreadsheet). The
 * trigger is therefore installed on the form itself (`forForm(<form ID>)`), with the ID taken from the
 * `Completion Form URL` setting (the editor's `…/forms/d/<ID>/edit` link: the published
 * `…/forms/d/e/…/viewform` link does not carry the form's ID).
 *
 * A submission is matched to an agent ONLY by the answers to questions whose title says email or OID
 * (plus the respondent email the form collected): an agent's address merely mentioned in another answer
 * never matches. A match sets `AHIP+Aetna Completion` to Submitted; anything else is emailed, with every
 * answer, to the licensing team — once per response — and never dropped.
 */
import { dedupeKey } from '../domain/alerts';
import { TRACKER, WORKBOOK } from '../domain/contract';
import type { Config } from '../gas/config';
import { trackerLinks } from '../gas/emailLinks';
import { composed } from '../gas/mailRecipes';
import { Mailer } from '../gas/mailer';
import type { Answer } from '../gas/pendingEvents';
import { SheetTable, type Spreadsheet } from '../gas/sheetTable';
import { logSubmission } from './completionLog';

export type CompletionOutcome = { matched: string; oid: string } | { unmatched: string };

export interface Submission {
  /** The form's response id (or, from a response sheet, its timestamp and row): the dedupe key. */
  responseId: string;
  submittedAt: number;
  answers: Answer[];
}

/** Questions whose answers identify the agent: their title says email or OID. */
export const IDENTIFYING_QUESTION = /e-?mail|\boid\b/i;

type FormEvent = Partial<
  GoogleAppsScript.Events.FormsOnFormSubmit & GoogleAppsScript.Events.SheetsOnFormSubmit
>;

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).join(', ');
  return value === null || value === undefined ? '' : String(value).trim();
}

/** Reads a form-submit event of either shape: the form's own (`response`) or a response sheet's. */
export function submissionOf(e: FormEvent, at: Date): Submission {
  if (e.response) {
    const r = e.response;
    const answers: Answer[] = [];
    const respondent = text(r.getRespondentEmail());
    if (respondent) answers.push({ question: 'Email Address', answer: respondent });
    for (const item of r.getItemResponses())
      answers.push({ question: item.getItem().getTitle(), answer: text(item.getResponse()) });
    return { responseId: r.getId(), submittedAt: r.getTimestamp().getTime(), answers };
  }
  const named = e.namedValues ?? {};
  const answers = Object.entries(named).map(([question, values]) => ({ question, answer: text(values) }));
  const row = e.range ? `row ${e.range.getRow()}` : '';
  const stamp = text(named.Timestamp);
  return { responseId: `sheet|${stamp}|${row}`, submittedAt: at.getTime(), answers };
}

export type FormIdResult = { id: string } | { problem: string };

/** The form ID in the `Completion Form URL` setting, or why there is none. */
export function formIdFromSetting(value: string): FormIdResult {
  const v = value.trim();
  const key = 'Settings › Completion Form URL';
  if (!v) return { problem: `${key} is empty: the completion form is not connected.` };
  if (/\/forms\/d\/e\//.test(v) || /forms\.gle\//.test(v))
    return {
      problem:
        `${key} is "${v}", the form's published (respondent) link. That link does not carry the form's ID, ` +
        "so the script cannot attach to the form. Paste the link from the form editor's address bar " +
        '(https://docs.google.com/forms/d/<form ID>/edit) instead.',
    };
  const m = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(v) ?? /^([A-Za-z0-9_-]{8,})$/.exec(v);
  if (!m)
    return {
      problem: `${key} is "${v}", which is not a Google Form link (https://docs.google.com/forms/d/<form ID>/edit).`,
    };
  return { id: m[1] };
}

export function recordCompletion(ss: Spreadsheet, config: Config, submission: Submission): CompletionOutcome {
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid, TRACKER.completion]);
  const identifying = submission.answers.filter((a) => IDENTIFYING_QUESTION.test(a.question));
  const tokens = new Set(identifying.flatMap((a) => a.answer.toLowerCase().split(/[\s,;]+/)).filter(Boolean));
  const matches = tracker
    .rowIndexes()
    .filter((i) =>
      [TRACKER.oid, TRACKER.cxpEmail, TRACKER.personalEmail].some(
        (h) => tracker.has(h) && tracker.text(i, h) !== '' && tokens.has(tracker.text(i, h).toLowerCase()),
      ),
    );
  // RULES R22: every submission is logged (matched or not) for the nightly evidence cross-check.
  const logged = (oid: string, agentName: string, outcome: string) =>
    logSubmission(ss, {
      responseId: submission.responseId,
      submittedAt: new Date(submission.submittedAt),
      oid,
      agentName,
      answers: identifying.map((a) => a.answer).join(', '),
      outcome,
    });
  if (matches.length === 1) {
    const i = matches[0];
    const current = tracker.text(i, TRACKER.completion);
    if (current !== 'Verified' && current !== 'Submitted') {
      tracker.set(i, TRACKER.completion, 'Submitted');
      if (tracker.has(TRACKER.lastUpdated))
        tracker.set(i, TRACKER.lastUpdated, new Date(submission.submittedAt));
      tracker.flush();
    }
    logged(tracker.text(i, TRACKER.oid), tracker.text(i, TRACKER.agentName), 'Matched');
    return { matched: tracker.text(i, TRACKER.agentName), oid: tracker.text(i, TRACKER.oid) };
  }
  const reason =
    identifying.length === 0
      ? 'The submission has no answer to an email or OID question, so it cannot be matched to an agent.'
      : matches.length === 0
        ? "No email/OID answer matches an agent's OID, cXp email or personal email in the ESP Tracker."
        : `The email/OID answers match ${matches.length} agents (rows ${matches.map((i) => tracker.sheetRow(i)).join(', ')}); update the right one by hand.`;
  logged('', '', reason);
  const at = new Date(submission.submittedAt);
  const mailer = new Mailer(ss, config.settings);
  mailer.queue({
    kind: 'unmatched-completion',
    to: config.settings.licensingTeamEmails,
    ...composed('unmatched-completion', {
      zone: config.zone,
      submittedAt: at,
      reason,
      answers: submission.answers,
      links: trackerLinks(ss),
    }),
    urgent: true,
    dedupeKey: dedupeKey('unmatched-completion', config.zone.ymd(at), submission.responseId),
  });
  mailer.flush();
  return { unmatched: reason };
}
