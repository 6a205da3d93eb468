/**
 * The time-triggered runs over every class (classes may overlap): the nightly sweep and the hourly
 * CAP check run once per Active/Extension class of `Cohorts`, each on its own Config (name, Day 1 clock,
 * report, G2T link) and its own tracker rows; Planned and Closed classes cost nothing. Without `Cohorts`
 * rows each runs once on the single-cohort Settings, exactly as before.
 */
import { COMPLETION_LOG, EXAM_ATTEMPTS_SHEET, TL_CHECKLIST_SHEET, WORKBOOK } from '../domain/contract';
import { describeCatchUp, recheckAlerts, replayAndRecheckCompletions } from './catchUp';
import { runCapCheck } from './capCheck';
import { withPropertySnapshot, withTrackerTables } from '../gas/tableCache';
import { forEachRunningCohort } from './cohorts';
import type { Config } from '../gas/config';
import { Mailer } from '../gas/mailer';
import type { Spreadsheet } from '../gas/sheetTable';
import { runNightlySweep } from './sweep';
import { describeCap, describeSweep } from './sweepMessages';

/**
 * The tracker sheets a nightly sweep or CAP check reads, read together in one batch and written back in
 * one (RULES R26, src/gas/tableCache.ts). Not the Mail Outbox (the mailer writes it sheet by sheet, before
 * and after sending: RULES R1) nor the config (read first, in its own batch).
 */
export const RUN_SHEETS: readonly string[] = [
  WORKBOOK.tracker.name,
  WORKBOOK.attendance.name,
  WORKBOOK.coachingLog.name,
  WORKBOOK.alertLog.name,
  WORKBOOK.cohorts.name,
  COMPLETION_LOG.name,
  TL_CHECKLIST_SHEET.name,
  EXAM_ATTEMPTS_SHEET.name,
  WORKBOOK.pace.name,
  WORKBOOK.dashboard.name,
];

/**
 * A time-triggered run: the queued edits and form responses first (they write sheet by sheet), then the
 * catch-up's re-checks and `run`, on one batched read of `RUN_SHEETS` and one batched write.
 */
export function batchedRun(ss: Spreadsheet, config: Config, run: () => string): string {
  return withPropertySnapshot(() => {
    const replayed = replayAndRecheckCompletions(ss, config);
    return withTrackerTables(ss, config.trackerId ?? ss.getId(), RUN_SHEETS, () => {
      const caught = describeCatchUp(recheckAlerts(ss, config, replayed));
      return [caught, run()].filter(Boolean).join('\n');
    });
  });
}

export function runSweeps(ss: Spreadsheet, base: Config): string {
  return forEachRunningCohort(ss, base, (config) => describeSweep(runNightlySweep(ss, config))).join('\n');
}

export function runCapChecks(ss: Spreadsheet, base: Config): string {
  return forEachRunningCohort(
    ss,
    base,
    (config) => describeCap(runCapCheck(ss, config)),
    // No class is running: the hourly check still drains the outbox (mail deferred or failed earlier).
    () => describeCap({ skipped: '', mail: new Mailer(ss, base.settings).flush() }),
  ).join('\n');
}
