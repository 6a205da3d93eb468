/**
 * Reads the cohort's configuration — Settings and Schedule — with one batched read per sheet, and
 * builds the working-day clock in the cohort's time zone. Bad values are reported (by key, row and
 * header), never silently dropped; what cannot work without a value (Day 1 Date) throws a clear error.
 */
import { SCHEDULE_HEADERS, SETTINGS_HEADERS, SHEET } from '../domain/contract';
import { parseSchedule, type ScheduleItem } from '../domain/schedule';
import { calendarConfigOf, parseSettings, type SettingIssue, type Settings } from '../domain/settings';
import type { Zone } from '../domain/timeZone';
import { WorkingClock } from '../domain/workingClock';
import { reportSettingIssues } from './settingsAlert';
import { ContractError, headerKey, SheetTable, type Spreadsheet } from './sheetTable';
import { spreadsheetZone, unusableZone, zoneFor } from './zone';

export interface Config {
  settings: Settings;
  schedule: ScheduleItem[];
  /**
   * The cohort's zone. When Settings › Time Zone is not a time zone, every use of this zone throws a
   * ContractError naming the key and value (no silent GMT): `timeZoneProblem` says so up front.
   */
  zone: Zone;
  /** Null while Settings › Day 1 Date is blank or unusable, or the Time Zone is unusable. */
  clock: WorkingClock | null;
  /** Problems found in Settings and Schedule, each naming the key or row and header (= issues' messages). */
  problems: string[];
  /** The same problems with their key and value. */
  issues: SettingIssue[];
  /** The message runs that need the zone stop with, or null when the zone is usable. */
  timeZoneProblem: string | null;
  /** The spreadsheet's own zone (File › Settings), always usable: e.g. for "which day is it" of alerts. */
  spreadsheetZone: Zone;
}

/**
 * Reads and checks Settings and Schedule (two batched reads and one getId; no Drive calls) and, when a
 * problem is found and this run holds the document lock, tells the licensing team in ONE email per day
 * (src/gas/settingsAlert.ts). Every entry point starts here.
 */
export function loadConfig(ss: Spreadsheet): Config {
  const config = readConfig(ss);
  reportSettingIssues(ss, config);
  return config;
}

/** The checks of `loadConfig`, without the email (Check settings shows them in its dialog instead). */
export function readConfig(ss: Spreadsheet): Config {
  const settingsTable = SheetTable.open(ss, SHEET.settings, SETTINGS_HEADERS);
  const scheduleTable = SheetTable.open(ss, SHEET.schedule, SCHEDULE_HEADERS.slice(0, 2));
  const baseZone = spreadsheetZone(ss);
  const pairs = settingsTable
    .rowIndexes()
    .map((i) => [settingsTable.value(i, 'Key'), settingsTable.value(i, 'Value')]);
  const parsed = parseSettings(pairs, baseZone, { trackerId: ss.getId() });
  const timeZoneProblem =
    parsed.badTimeZone === null
      ? null
      : (parsed.issues.find((i) => i.key === 'Time Zone')?.message ??
        `Settings "Time Zone": "${parsed.badTimeZone}"`);
  const zone =
    parsed.badTimeZone !== null
      ? unusableZone('Time Zone', parsed.badTimeZone)
      : parsed.settings.timeZone
        ? zoneFor(parsed.settings.timeZone)
        : baseZone;
  const scheduleRows = [
    scheduleTable.headers,
    ...scheduleTable.rowIndexes().map((i) => scheduleTable.headers.map((h) => scheduleTable.value(i, h))),
  ];
  // Time cells in Schedule are Dates in the spreadsheet's zone: read them there.
  const schedule = parseSchedule(scheduleRows, baseZone);
  const issues: SettingIssue[] = [
    ...parsed.issues,
    ...schedule.problems.map((message) => ({ key: 'Schedule', value: '', message })),
  ];
  let clock: WorkingClock | null = null;
  const calendar = timeZoneProblem ? null : calendarConfigOf(parsed.settings, zone);
  if (calendar) {
    try {
      clock = new WorkingClock(calendar);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      issues.push({ key: 'Working day', value: '', message });
    }
  }
  return {
    settings: parsed.settings,
    schedule: schedule.items,
    zone,
    clock,
    problems: issues.map((i) => i.message),
    issues,
    timeZoneProblem,
    spreadsheetZone: baseZone,
  };
}

/** The working-day clock, or a ContractError telling the TL which setting to fill in. */
export function requireClock(config: Config): WorkingClock {
  if (config.timeZoneProblem) throw new ContractError(config.timeZoneProblem);
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
