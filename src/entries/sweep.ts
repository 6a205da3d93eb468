/** Entry points for the nightly sweep, CAP escalation, immediate alerts, the completion form and triggers. */
import { runCapCheck } from '../gas/capCheck';
import { recordCompletion } from '../gas/completionForm';
import { loadConfig } from '../gas/config';
import { clearContinuation, RunBudget, scheduleContinuation } from '../gas/continuation';
import { runFromMenu } from '../gas/feedback';
import { type AttendanceSaved, saveHandsCheck } from '../gas/handsCheck';
import { handleTrackerEdit } from '../gas/immediateAlerts';
import { withDocumentLock } from '../gas/lock';
import { Mailer } from '../gas/mailer';
import { describeCap, describeSweep } from '../gas/sweepMessages';
import { runNightlySweep } from '../gas/sweep';
import { installTriggers as install, removeTriggers as remove } from '../gas/triggers';

function tracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
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

/** Installable form-submit trigger: the Carrier Cert Completion Form. */
export function onCompletionFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  withDocumentLock(() => recordCompletion(tracker(), loadConfig(tracker()), e.namedValues ?? {}));
}

export function menuRunNightlySweep(): string {
  return runFromMenu('Nightly sweep', () => nightlySweep());
}

export function menuRunCapCheck(): string {
  return runFromMenu('CAP check', () => capCheck());
}

export function installTriggers(): string {
  return runFromMenu('Install triggers', () =>
    withDocumentLock(() => {
      const done = install(tracker(), loadConfig(tracker()));
      return done.length
        ? `Installed:\n• ${done.join('\n• ')}`
        : 'Every trigger was already installed: nothing changed.';
    }),
  );
}

export function removeTriggers(): string {
  return runFromMenu('Remove triggers', () =>
    withDocumentLock(() => `Removed ${remove()} trigger(s) of this project.`),
  );
}

/**
 * Saves one hands check (google.script.run from the attendance sidebar; also usable from the story).
 * Returns plain JSON: counts, who is now MIA and who is one miss away.
 */
export function saveAttendance(header: string, presentOids: string[], shownOids?: string[]): AttendanceSaved {
  return withDocumentLock(() => {
    const saved = saveHandsCheck(tracker(), loadConfig(tracker()), header, presentOids, shownOids);
    return {
      header: saved.header,
      present: saved.present,
      missed: saved.missed,
      mia: saved.outcome.mia.map((m) => ({ oid: m.oid, name: m.name })),
      atOneMiss: saved.outcome.atOneMiss,
      newlyMia: saved.outcome.newlyMia,
    };
  });
}
