/**
 * Entry points Google calls by itself: simple triggers (onOpen, onEdit), installable edit and form
 * triggers, and the time triggers (nightly sweep, hourly CAP check, the mail continuation).
 */
import { runCapCheck } from '../gas/capCheck';
import { recordCompletion } from '../gas/completionForm';
import { loadConfig } from '../gas/config';
import { clearContinuation, RunBudget, scheduleContinuation } from '../gas/continuation';
import { handleTrackerEdit } from '../gas/immediateAlerts';
import { withDocumentLock } from '../gas/lock';
import { Mailer } from '../gas/mailer';
import { buildMenu } from '../gas/menu';
import { validateEditedRange } from '../gas/noteValidation';
import { describeCap, describeSweep } from '../gas/sweepMessages';
import { runNightlySweep } from '../gas/sweep';
import { handleReportEdit } from '../gas/tickLog';

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

/** Time trigger, daily after Day End. */
export function nightlySweep(): string {
  const message = withDocumentLock(
    () => describeSweep(runNightlySweep(tracker(), loadConfig(tracker()))),
    120_000,
  );
  console.log(message);
  return message;
}

/** Time trigger, hourly. */
export function capCheck(): string {
  const message = withDocumentLock(() => describeCap(runCapCheck(tracker(), loadConfig(tracker()))), 120_000);
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

/** Installable edit trigger on the tracker: Sales Inhibitor and ready-for-production alerts, Last Updated. */
export function onTrackerEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  withDocumentLock(() => handleTrackerEdit(tracker(), loadConfig(tracker()), e.range));
}

/**
 * Installable edit trigger on the progress report: stamps ticks and Last Self-Report. It waits only
 * briefly for the document lock and stamps the edit even without it (see tickLog.ts), so no tick is lost.
 */
export function onReportEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  handleReportEdit(e.range);
}

/** Installable form-submit trigger: the Carrier Cert Completion Form. */
export function onCompletionFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  withDocumentLock(() => recordCompletion(tracker(), loadConfig(tracker()), e.namedValues ?? {}));
}
