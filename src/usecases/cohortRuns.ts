/**
 * The time-triggered runs over every class (classes may overlap): the nightly sweep and the hourly
 * CAP check run once per Active/Extension class of `Cohorts`, each on its own Config (name, Day 1 clock,
 * report, G2T link) and its own tracker rows; Planned and Closed classes cost nothing. Without `Cohorts`
 * rows each runs once on the single-cohort Settings, exactly as before.
 */
import { runCapCheck } from './capCheck';
import { forEachRunningCohort } from './cohorts';
import type { Config } from '../gas/config';
import { Mailer } from '../gas/mailer';
import type { Spreadsheet } from '../gas/sheetTable';
import { runNightlySweep } from './sweep';
import { describeCap, describeSweep } from './sweepMessages';

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
