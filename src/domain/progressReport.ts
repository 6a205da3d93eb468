/**
 * The Agent Progress Report's layout (RULES R4), as data: its name, the Progress sheet's headers
 * (one checkbox per Schedule item) and the hidden tick log that lets pace be measured.
 */
import { COHORTS, PROGRESS_FIXED_HEADERS, PROGRESS_REPORT, PROGRESS_TRAILING_HEADERS } from './contract';
import type { ScheduleItem } from './schedule';
import { formatMdy } from './timeZone';

const TICK = PROGRESS_REPORT.tickLog.headers;
export const TICK_LOG_SHEET = PROGRESS_REPORT.tickLog.name;
/** The Tick Log's columns in the order the script writes them. */
export const TICK_LOG_HEADERS = [
  TICK.at,
  TICK.oid,
  TICK.agentName,
  TICK.item,
  TICK.checked,
  TICK.row,
] as const;
export const LAST_SELF_REPORT = PROGRESS_REPORT.progress.headers.lastSelfReport;
export const BLOCKERS = PROGRESS_REPORT.progress.headers.blockers;

export function reportName(cohortName: string, day1: string): string {
  return `ESP Agent Progress Report - ${cohortName || COHORTS.cohort} - ${formatMdy(day1)}`;
}

/** The Progress header row: Agent Name, OID, one column per Schedule item, Blockers, Last Self-Report. */
export function progressHeaders(schedule: readonly ScheduleItem[]): string[] {
  return [...PROGRESS_FIXED_HEADERS, ...schedule.map((s) => s.item), ...PROGRESS_TRAILING_HEADERS];
}
