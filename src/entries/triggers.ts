/**
 * Entry points Google calls by itself: simple triggers (onOpen, onEdit), installable edit and form
 * triggers, and the time triggers (nightly sweep, hourly CAP check, the mail continuation).
 */
import { batchedRun, runCapChecks, runSweeps } from '../usecases/cohortRuns';
import { handleEvent, replayQueued } from '../usecases/catchUp';
import { recordCompletion, submissionOf } from '../usecases/completionForm';
import { now } from '../gas/clock';
import { loadConfig } from '../gas/config';
import { clearContinuation, RunBudget, scheduleContinuation } from '../gas/continuation';
import { trackerEditEvent } from '../usecases/immediateAlerts';
import { withDocumentLock } from '../gas/lock';
import { Mailer } from '../gas/mailer';
import { buildMenu } from '../gas/menu';
import { validateEditedRange } from '../usecases/noteValidation';
import { runOrQueue } from '../gas/pendingEvents';
import { recordHeartbeat } from '../usecases/triggers';
import { handleReportEdit } from '../usecases/tickLog';

function tracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Simple trigger: adds the ESP Licensing menu. */
export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/**
 * Simple trigger: validation feedback only (Name - Date - Note, N-Number). It may not send mail or
 * open other files and has 30 s, so it touches just the edited cells and never takes the lock.
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  validateEditedRange(e.range);
}

/** Time trigger, daily after Day End: first the queued events and missed immediate alerts, then the sweep. */
export function nightlySweep(): string {
  const message = withDocumentLock(() => {
    // One config for both steps: the catch-up writes no Settings or Schedule.
    const ss = tracker();
    const config = loadConfig(ss);
    return batchedRun(ss, config, () => runSweeps(ss, config));
  }, 120_000);
  console.log(message);
  return message;
}

/** Time trigger, hourly (also on the menu): drains queued events and re-checks immediate alerts, then the CAP check. */
export function capCheck(e?: GoogleAppsScript.Events.TimeDriven): string {
  if (e && e.triggerUid) recordHeartbeat(); // run by its time trigger, not from the menu
  const message = withDocumentLock(() => {
    // One config for both steps: the catch-up writes no Settings or Schedule.
    const ss = tracker();
    const config = loadConfig(ss);
    return batchedRun(ss, config, () => runCapChecks(ss, config));
  }, 120_000);
  console.log(message);
  return message;
}

/** One-off trigger: sends what an earlier run queued when it ran out of time or quota. */
export function continueMail(): string {
  clearContinuation();
  return withDocumentLock(() => {
    const ss = tracker();
    const summary = new Mailer(ss, loadConfig(ss).settings).flush(new RunBudget());
    if (summary.outOfTime) scheduleContinuation();
    return `Queued mail: ${summary.sent} sent, ${summary.deferred} still waiting, ${summary.failed} failed.`;
  }, 120_000);
}

/**
 * Installable edit trigger on the tracker: Sales Inhibitor and ready-for-production alerts, Last Updated;
 * an attempt typed into `AHIP Exam Attempts`. Edits elsewhere return at once (no config, no lock). When
 * the lock stays busy the edit is queued for the next run, never dropped.
 */
export function onTrackerEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const event = e && e.range ? trackerEditEvent(e.range, now()) : null;
  if (!event) return;
  runOrQueue(event, 30_000, () => {
    const config = loadConfig(tracker());
    replayQueued(tracker(), config);
    handleEvent(tracker(), config, event);
  });
}

/**
 * Installable edit trigger on the progress report: stamps ticks and Last Self-Report. It waits only
 * briefly for the document lock and stamps the edit even without it (see tickLog.ts), so no tick is lost.
 */
export function onReportEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  handleReportEdit(e.range);
}

/**
 * Installable form-submit trigger on the Carrier Cert Completion Form itself (or, for a form that writes
 * to the tracker, on the tracker). Queued, never dropped, when the lock stays busy.
 */
export function onCompletionFormSubmit(
  e: GoogleAppsScript.Events.FormsOnFormSubmit | GoogleAppsScript.Events.SheetsOnFormSubmit,
): void {
  if (!e) return;
  const submission = submissionOf(e, now());
  runOrQueue({ kind: 'completion', ...submission }, 30_000, () => {
    const config = loadConfig(tracker());
    replayQueued(tracker(), config);
    recordCompletion(tracker(), config, submission);
  });
}
