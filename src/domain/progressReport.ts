/**
 * The Agent Progress Report's layout (RULES R4), as data: its name, the Progress sheet's headers
 * (one checkbox per Schedule item) and the hidden tick log that lets pace be measured.
 */
import { PROGRESS_FIXED_HEADERS, PROGRESS_TRAILING_HEADERS } from './contract';
import type { ScheduleItem } from './schedule';
import { formatMdy } from './timeZone';

export const TICK_LOG_SHEET = 'Tick Log';
export const TICK_LOG_HEADERS = ['At', 'OID', 'Agent Name', 'Item', 'Checked', 'Row'] as const;
export const LAST_SELF_REPORT = PROGRESS_TRAILING_HEADERS[1];
export const BLOCKERS = PROGRESS_TRAILING_HEADERS[0];

export function reportName(cohortName: string, day1: string): string {
  return `ESP Agent Progress Report - ${cohortName || 'Cohort'} - ${formatMdy(day1)}`;
}

export function progressHeaders(schedule: readonly ScheduleItem[]): string[] {
  return [...PROGRESS_FIXED_HEADERS, ...schedule.map((s) => s.item), ...PROGRESS_TRAILING_HEADERS];
}
