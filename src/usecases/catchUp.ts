/**
 * What every run that holds the document lock does first (the edit trigger, the hourly capCheck, the
 * nightly sweep): replay the events that arrived while the lock was held (see pendingEvents.ts), then
 * re-check the immediate alerts (sales inhibitor, ready for production) against the Alert Log, so no
 * alert depends on one trigger firing at one moment; then alert the TLs of new blockers (the report's
 * Blockers text, payment/login issues set to Open: see blockers.ts) — within the hour, once each.
 */
import { type BlockerAlertResult, describeBlockerAlerts, queueBlockerAlerts } from './blockers';
import { runningCohortConfigs } from './cohorts';
import { formIdFromSetting, recordCompletion, submissionOf } from './completionForm';
import { documentProperties } from '../gas/tableCache';
import type { Config } from '../gas/config';
import { handleTrackerEdit, recheckImmediateAlerts } from './immediateAlerts';
import { Mailer, type MailSummary } from '../gas/mailer';
import { forget, type PendingEvent, readQueue } from '../gas/pendingEvents';
import { processExamLedger } from './examAttempts';
import { SCRIPT_DOCUMENTER } from '../gas/user';
import type { Spreadsheet } from '../gas/sheetTable';
import { openForm } from '../gas/open';

/** Document property: responses of the completion form submitted before this instant (ms) are done. */
export const COMPLETION_WATERMARK_KEY = 'esp.completion.checkedFrom';

export interface CatchUpResult {
  replayed: number;
  /** Completion-form responses read again from the form itself (those since the last check). */
  completionsRechecked: number;
  /** Events that failed again and stay queued, with why. */
  stuck: string[];
  /** New blockers and payment/login issues queued for the TLs; `notes` say what could not be checked. */
  blockers: BlockerAlertResult;
  mail: MailSummary | null;
}

/** Replays queued edits and form submissions, oldest first; each is forgotten only once processed. */
/** One edit or submission, now or replayed from the queue (idempotent: replaying twice changes nothing). */
export function handleEvent(ss: Spreadsheet, config: Config, event: PendingEvent): void {
  if (event.kind === 'tracker-edit') handleTrackerEdit(ss, config, event, new Date(event.at));
  else if (event.kind === 'exam-edit') processExamLedger(ss, config, SCRIPT_DOCUMENTER);
  else recordCompletion(ss, config, event);
}

export function replayQueued(ss: Spreadsheet, config: Config): { replayed: number; stuck: string[] } {
  const result = { replayed: 0, stuck: [] as string[] };
  for (const q of readQueue()) {
    try {
      handleEvent(ss, config, q.event);
      forget(q);
      result.replayed++;
    } catch (error) {
      result.stuck.push(
        `${q.event.kind} queued ${q.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return result;
}

/**
 * Reads the completion form's responses submitted since the last check and records them again
 * (idempotent: a matched agent already Submitted is left alone; an unmatched response is emailed once,
 * keyed by its response id). Starts from the moment the completion trigger was installed, so old
 * responses of past cohorts are never replayed. Calls grow with new responses only.
 */
export function recheckCompletions(ss: Spreadsheet, config: Config): number {
  const props = documentProperties();
  const from = Number(props.getProperty(COMPLETION_WATERMARK_KEY));
  if (!from) return 0;
  const form = formIdFromSetting(config.settings.completionFormUrl ?? '');
  if ('problem' in form) return 0;
  const responses = openForm(form.id).getResponses(new Date(from));
  let latest = from;
  for (const response of responses) {
    const submission = submissionOf({ response }, new Date(from));
    recordCompletion(ss, config, submission);
    latest = Math.max(latest, submission.submittedAt + 1);
  }
  if (latest !== from) props.setProperty(COMPLETION_WATERMARK_KEY, String(latest));
  return responses.length;
}

/** The catch-up's first half: what may write the tracker sheet by sheet (queued edits, form responses). */
export function replayAndRecheckCompletions(ss: Spreadsheet, config: Config): Replayed {
  const replay = replayQueued(ss, config);
  let completionsRechecked = 0;
  try {
    completionsRechecked = recheckCompletions(ss, config);
  } catch (error) {
    // The sweep itself must still run; the message names the setting and the error.
    replay.stuck.push(
      `completion form re-check (Settings › Completion Form URL "${config.settings.completionFormUrl}"): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { ...replay, completionsRechecked };
}

export type Replayed = Pick<CatchUpResult, 'replayed' | 'stuck' | 'completionsRechecked'>;

/** The catch-up's second half: immediate alerts and blockers re-checked (reads, the Alert Log, mail). */
export function recheckAlerts(ss: Spreadsheet, config: Config, replay: Replayed): CatchUpResult {
  const mailer = new Mailer(ss, config.settings);
  const n = recheckImmediateAlerts(ss, config, mailer);
  // Each running class's blockers, from its own report; one class in Settings form.
  const blockers: BlockerAlertResult = { blockers: 0, payment: 0, login: 0, emails: 0, notes: [] };
  const classes = runningCohortConfigs(ss, config);
  for (const cohort of classes) {
    const prefix = cohort.cohort && classes.length > 1 ? `${cohort.cohort.name}: ` : '';
    try {
      const r = queueBlockerAlerts(ss, cohort, mailer);
      blockers.blockers += r.blockers;
      blockers.payment += r.payment;
      blockers.login += r.login;
      blockers.emails += r.emails;
      blockers.notes.push(...r.notes.map((n) => prefix + n));
    } catch (error) {
      // Nothing was remembered: the next run finds the same blockers new and queues them under the same keys.
      blockers.notes.push(`${prefix}not checked (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const queued = n + blockers.emails;
  return { ...replay, blockers, mail: queued > 0 ? mailer.flush() : null };
}

export function describeCatchUp(r: CatchUpResult): string {
  const parts: string[] = [];
  if (r.replayed) parts.push(`${r.replayed} queued event(s) processed`);
  if (r.completionsRechecked) parts.push(`${r.completionsRechecked} completion-form response(s) re-checked`);
  const blockers = describeBlockerAlerts(r.blockers);
  if (blockers) parts.push(blockers);
  if (r.stuck.length) parts.push(`${r.stuck.length} still queued (${r.stuck.join('; ')})`);
  if (r.mail && r.mail.sent) parts.push(`${r.mail.sent} email(s) sent`);
  return parts.length ? `Catch-up: ${parts.join(', ')}.` : '';
}
