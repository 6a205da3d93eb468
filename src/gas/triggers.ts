/**
 * Installs and removes this project's triggers, idempotently: a trigger that exists is never created
 * twice, and only this project's handlers are touched. The nightly sweep runs daily in the hour after
 * Day End (Apps Script picks the minute); the CAP check hourly; the edit and form triggers on the tracker;
 * the tick stamper on the progress report once it exists.
 */
import { parseHhmm } from '../domain/timeZone';
import type { Config } from './config';
import { CONTINUATION_HANDLER } from './continuation';
import { ensureReportTrigger, REPORT_EDIT_HANDLER } from './tickLog';

export const HANDLERS = {
  sweep: 'nightlySweep',
  cap: 'capCheck',
  trackerEdit: 'onTrackerEdit',
  formSubmit: 'onCompletionFormSubmit',
} as const;

const OURS = new Set<string>([...Object.values(HANDLERS), REPORT_EDIT_HANDLER, CONTINUATION_HANDLER]);

function exists(handler: string, sourceId?: string): boolean {
  return ScriptApp.getProjectTriggers().some(
    (t) =>
      t.getHandlerFunction() === handler && (sourceId === undefined || t.getTriggerSourceId() === sourceId),
  );
}

export function installTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, config: Config): string[] {
  const done: string[] = [];
  const endHour = Math.floor((parseHhmm(config.settings.dayEnd) ?? 16 * 60) / 60);
  if (!exists(HANDLERS.sweep)) {
    ScriptApp.newTrigger(HANDLERS.sweep)
      .timeBased()
      .everyDays(1)
      .atHour(Math.min(endHour + 1, 23))
      .inTimezone(config.zone.id)
      .create();
    done.push(
      `Nightly sweep: daily between ${Math.min(endHour + 1, 23)}:00 and ${Math.min(endHour + 2, 24)}:00 (${config.zone.id}).`,
    );
  }
  if (!exists(HANDLERS.cap)) {
    ScriptApp.newTrigger(HANDLERS.cap).timeBased().everyHours(1).create();
    done.push('CAP check: every hour.');
  }
  if (!exists(HANDLERS.trackerEdit, ss.getId())) {
    ScriptApp.newTrigger(HANDLERS.trackerEdit).forSpreadsheet(ss).onEdit().create();
    done.push('Immediate alerts: on every tracker edit.');
  }
  if (!exists(HANDLERS.formSubmit, ss.getId())) {
    ScriptApp.newTrigger(HANDLERS.formSubmit).forSpreadsheet(ss).onFormSubmit().create();
    done.push('Completion form: on every form submission.');
  }
  if (config.settings.progressReportId && ensureReportTrigger(config.settings.progressReportId)) {
    done.push('Tick stamping: on every progress report edit.');
  }
  return done;
}

export function removeTriggers(): number {
  let removed = 0;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (!OURS.has(t.getHandlerFunction())) continue;
    ScriptApp.deleteTrigger(t);
    removed++;
  }
  return removed;
}
