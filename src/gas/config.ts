/**
 * Reads the cohort's configuration — Settings and Schedule — with one batched read per sheet, and
 * builds the working-day clock in the cohort's time zone. Bad values are reported (by key, row and
 * header), never silently dropped; what cannot work without a value (Day 1 Date) throws a clear error.
 */
import { SCHEDULE_HEADERS, SETTINGS_HEADERS, SHEET } from '../domain/contract';
import { parseSchedule, type ScheduleItem } from '../domain/schedule';
import { calendarConfigOf, parseSettings, type Settings } from '../domain/settings';
import type { Zone } from '../domain/timeZone';
import { WorkingClock } from '../domain/workingClock';
import { ContractError, headerKey, SheetTable, type Spreadsheet } from './sheetTable';
import { spreadsheetZone, zoneFor } from './zone';

export interface Config {
  settings: Settings;
  schedule: ScheduleItem[];
  zone: Zone;
  /** Null while Settings › Day 1 Date is blank. */
  clock: WorkingClock | null;
  /** Problems found in Settings and Schedule, each naming the key or row and header. */
  problems: string[];
}

export function loadConfig(ss: Spreadsheet): Config {
  const settingsTable = SheetTable.open(ss, SHEET.settings, SETTINGS_HEADERS);
  const scheduleTable = SheetTable.open(ss, SHEET.schedule, SCHEDULE_HEADERS.slice(0, 2));
  const baseZone = spreadsheetZone(ss);
  const pairs = settingsTable
    .rowIndexes()
    .map((i) => [settingsTable.value(i, 'Key'), settingsTable.value(i, 'Value')]);
  const parsed = parseSettings(pairs, baseZone);
  const zone = parsed.settings.timeZone ? zoneFor(parsed.settings.timeZone) : baseZone;
  const scheduleRows = [
    scheduleTable.headers,
    ...scheduleTable.rowIndexes().map((i) => scheduleTable.headers.map((h) => scheduleTable.value(i, h))),
  ];
  const schedule = parseSchedule(scheduleRows, zone);
  const calendar = calendarConfigOf(parsed.settings, zone);
  let clock: WorkingClock | null = null;
  const problems = [...parsed.problems, ...schedule.problems];
  if (calendar) {
    try {
      clock = new WorkingClock(calendar);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { settings: parsed.settings, schedule: schedule.items, zone, clock, problems };
}

/** The working-day clock, or a ContractError telling the TL which setting to fill in. */
export function requireClock(config: Config): WorkingClock {
  if (!config.clock) {
    throw new ContractError(
      'Settings "Day 1 Date" is blank or invalid: enter the cohort\'s first training day (e.g. 12/3/2026).' +
        (config.problems.length ? `\nAlso: ${config.problems.join('; ')}` : ''),
    );
  }
  return config.clock;
}

/** Writes one Settings value by key (e.g. the script-owned "Progress Report ID"), adding the row if missing. */
export function writeSetting(ss: Spreadsheet, key: string, value: string | number | boolean): void {
  const table = SheetTable.open(ss, SHEET.settings, SETTINGS_HEADERS);
  const row = table.rowIndexes().find((i) => headerKey(table.value(i, 'Key')) === headerKey(key));
  if (row === undefined) table.append({ Key: key, Value: value });
  else table.set(row, 'Value', value);
  table.flush();
}
