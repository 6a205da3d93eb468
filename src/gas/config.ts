/**
 * Reads the cohort's configuration — Settings and Schedule — with one batched read per sheet, and
 * builds the working-day clock in the cohort's time zone. Bad values are reported (by key, row and
 * header), never silently dropped; what cannot work without a value (Day 1 Date) throws a clear error.
 */
import { COHORTS, SCHEDULE_HEADERS, SETTINGS_HEADERS, SHEET, WORKBOOK } from '../domain/contract';

import type { CohortRow, CohortScope } from '../domain/cohorts';
import { parseSchedule, type ScheduleItem } from '../domain/schedule';
import {
  calendarConfigOf,
  parseSettings,
  SETTING_DEFINITIONS,
  type SettingIssue,
  type Settings,
} from '../domain/settings';
import type { Zone } from '../domain/timeZone';
import { WorkingClock } from '../domain/workingClock';
import { reportSettingIssues } from './settingsAlert';
import { readSheets, serialToLocal } from './sheetsApi';
import { withRetry } from './retry';
import {
  ContractError,
  headerKey,
  indexHeaders,
  requireSheet,
  SheetTable,
  type Spreadsheet,
} from './sheetTable';
import { spreadsheetZone, unusableZone, zoneFor } from './zone';

const SETTINGS = WORKBOOK.settings.headers;

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
  /**
   * Set when this Config runs ONE class of the `Cohorts` sheet (`cohortConfig`): its name, Day 1, G2T
   * Link and report are in `settings`, its clock in `clock`, and only its tracker rows are read
   * (`inScope`). Absent in the single-cohort form (no `Cohorts` rows): every tracker row is the cohort's.
   */
  cohort?: CohortScope;
  /** The tracker's ID, read once per run. */
  trackerId?: string;
  /**
   * The `Cohorts` sheet's used block (header row first, day-1 dates as `YYYY-MM-DD`) when it was read with
   * Settings and Schedule in the run's one batchGet (RULES R26); undefined when it was not (loadCohorts
   * then reads the sheet).
   */
  cohortsGrid?: unknown[][];
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
  const trackerId = ss.getId();
  const batch = readConfigSheets(trackerId);
  const settingsGrid = batch
    ? gridOf(SHEET.settings, batch.settings, SETTINGS_HEADERS)
    : readGrid(ss, SHEET.settings, SETTINGS_HEADERS);
  const scheduleGrid = batch
    ? gridOf(SHEET.schedule, batch.schedule, SCHEDULE_HEADERS.slice(0, 2))
    : readGrid(ss, SHEET.schedule, SCHEDULE_HEADERS.slice(0, 2));
  const baseZone = spreadsheetZone(ss);
  const [keyHeader, valueHeader] = SETTINGS_HEADERS;
  const pairs = settingsGrid.rows.map((r) => [
    r[settingsGrid.col(keyHeader)],
    r[settingsGrid.col(valueHeader)],
  ]);
  const parsed = parseSettings(pairs, baseZone, { trackerId });
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
  const scheduleRows = [scheduleGrid.headers, ...scheduleGrid.rows];
  // Time cells in Schedule are Dates in the spreadsheet's zone: read them there.
  const schedule = parseSchedule(scheduleRows, baseZone);
  const issues: SettingIssue[] = [
    ...parsed.issues,
    ...schedule.problems.map((message) => ({ key: SHEET.schedule, value: '', message })),
  ];
  const clock = buildClock(parsed.settings, zone, timeZoneProblem, issues);
  return {
    settings: parsed.settings,
    schedule: schedule.items,
    zone,
    clock,
    problems: issues.map((i) => i.message),
    issues,
    timeZoneProblem,
    spreadsheetZone: baseZone,
    trackerId,
    ...(batch ? { cohortsGrid: batch.cohorts } : {}),
  };
}

/** Settings kinds whose cells hold dates: a serial number there is a date cell. */
const DATE_KEYS = new Set(
  SETTING_DEFINITIONS.filter((d) => d.kind === 'date' || d.kind === 'dates').map((d) => settingKey(d.key)),
);
const TIME_KEYS = new Set(SETTING_DEFINITIONS.filter((d) => d.kind === 'time').map((d) => settingKey(d.key)));

function settingKey(v: unknown): string {
  return String(v ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/:$/, '');
}

/** Serial numbers of 2000-01-01 … 2099-12-31: the only numbers read as date cells. */
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73051;

/** A date cell's serial number (spreadsheet wall clock) as `YYYY-MM-DD`, which the domain's date readers take. */
function serialYmd(v: unknown): unknown {
  if (typeof v !== 'number' || !(v >= SERIAL_2000 && v < SERIAL_2100)) return v;
  const { year, month, day } = serialToLocal(v);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A time cell: a day fraction stays (the domain reads 0.5 as 12:00); a date-time serial gives its `HH:mm`. */
function serialTime(v: unknown): unknown {
  if (typeof v !== 'number' || !(v >= 1 && v < SERIAL_2100)) return v;
  const { hour, minute } = serialToLocal(v);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * Settings, Schedule and Cohorts in ONE `Values.batchGet` (RULES R26): SpreadsheetApp needs three calls
 * per sheet (getSheetByName, getDataRange, getValues) and a SheetTable five. Values come unformatted
 * (numbers, booleans, text as stored) and date/time cells as serial numbers of the spreadsheet's wall
 * clock; a date setting or a class's Day 1 Date becomes `YYYY-MM-DD` and a time a day fraction, which the
 * domain's readers take exactly as the Date cells SpreadsheetApp returns — no time-zone call needed.
 * Null when a sheet is missing: the caller then reads sheet by sheet, whose errors name the sheet.
 */
function readConfigSheets(
  trackerId: string,
): { settings: unknown[][]; schedule: unknown[][]; cohorts: unknown[][] } | null {
  let grids: unknown[][][];
  try {
    grids = withRetry(() => readSheets(trackerId, [SHEET.settings, SHEET.schedule, SHEET.cohorts]));
  } catch (error) {
    if (error instanceof ContractError || perMinuteQuota(error)) return null;
    throw error;
  }
  const [settings, schedule, cohorts] = grids;
  const [keyHeader, valueHeader] = SETTINGS_HEADERS;
  const sHeaders = (settings[0] ?? []).map(settingKey);
  const keyCol = sHeaders.indexOf(settingKey(keyHeader));
  const valueCol = sHeaders.indexOf(settingKey(valueHeader));
  if (keyCol >= 0 && valueCol >= 0) {
    settings.forEach((row, r) => {
      if (r === 0) return;
      const key = settingKey(row[keyCol]);
      if (DATE_KEYS.has(key)) row[valueCol] = serialYmd(row[valueCol]);
      else if (TIME_KEYS.has(key)) row[valueCol] = serialTime(row[valueCol]);
    });
  }
  const dueCol = (schedule[0] ?? []).map(settingKey).indexOf(settingKey(SCHEDULE_HEADERS[2]));
  if (dueCol >= 0) schedule.forEach((row, r) => r > 0 && (row[dueCol] = serialTime(row[dueCol])));
  const day1Col = (cohorts[0] ?? []).map(settingKey).indexOf(settingKey(COHORTS.day1Date));
  if (day1Col >= 0) cohorts.forEach((row, r) => r > 0 && (row[day1Col] = serialYmd(row[day1Col])));
  return { settings, schedule, cohorts };
}

/**
 * The Sheets API's per-minute, per-user request quota (60 reads a minute). Installable triggers run as
 * their owner, so a busy class's edits and form submissions all count against one user: past the quota
 * the config is read with SpreadsheetApp instead, which that quota does not cover (RULES R26).
 */
function perMinuteQuota(error: unknown): boolean {
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  return /Quota exceeded for quota metric .* per minute/i.test(message);
}

interface Grid {
  headers: string[];
  /** Data rows that hold anything, padded to the header width. */
  rows: unknown[][];
  col(header: string): number;
}

/**
 * One sheet's values in one read (`getDataRange().getValues()`, retried on transient errors): two
 * calls fewer per sheet than a SheetTable, which every run's Config pays. A missing sheet or required
 * header is the same ContractError a SheetTable gives.
 */
function readGrid(ss: Spreadsheet, name: string, required: readonly string[]): Grid {
  const sheet = requireSheet(ss, name);
  return gridOf(
    name,
    withRetry(() => sheet.getDataRange().getValues()),
    required,
  );
}

/** A sheet's values as a Grid (header row first); a missing required header is a ContractError. */
function gridOf(name: string, values: unknown[][], required: readonly string[]): Grid {
  const headers = (values[0] ?? []).map((h) => String(h ?? '').trim());
  const index = indexHeaders(name, headers, required);
  const rows = values
    .slice(1)
    .filter((r) => r.some((v) => v !== '' && v !== null && v !== undefined))
    .map((r) => headers.map((_, c) => r[c] ?? ''));
  return { headers, rows, col: (h) => index.get(headerKey(h)) ?? -1 };
}

/** The working-day clock of `settings`, or null (a misconfigured day is added to `issues`). */
function buildClock(
  settings: Settings,
  zone: Zone,
  timeZoneProblem: string | null,
  issues: SettingIssue[],
): WorkingClock | null {
  const calendar = timeZoneProblem ? null : calendarConfigOf(settings, zone);
  if (!calendar) return null;
  try {
    return new WorkingClock(calendar);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issues.push({ key: 'Working day', value: '', message });
    return null;
  }
}

/**
 * The tracker's Config narrowed to one class of `Cohorts`: its name, Day 1 Date, G2T Link, Progress
 * Report ID and its own working-day clock; every other setting (times, addresses, holidays, Schedule)
 * is the tracker's. `scope` says which tracker rows are the class's.
 */
export function cohortConfig(base: Config, cohort: CohortRow, scope: CohortScope): Config {
  const settings: Settings = {
    ...base.settings,
    cohortName: cohort.name,
    day1: cohort.day1,
    g2tLink: cohort.g2tLink,
    progressReportId: cohort.progressReportId,
  };
  const issues = [...base.issues];
  const clock = buildClock(settings, base.zone, base.timeZoneProblem, issues);
  return { ...base, settings, clock, issues, problems: issues.map((i) => i.message), cohort: scope };
}

/** The working-day clock, or a ContractError telling the TL which setting to fill in. */
export function requireClock(config: Config): WorkingClock {
  if (config.timeZoneProblem) throw new ContractError(config.timeZoneProblem);
  if (!config.clock && config.cohort) {
    throw new ContractError(
      `"${SHEET.cohorts}" row ${config.cohort.sheetRow}, "${COHORTS.day1Date}" of "${config.cohort.name}" is blank or invalid: enter the class's first training day (e.g. 12/3/2026).`,
    );
  }
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
  const table = SheetTable.of(ss, WORKBOOK.settings, SETTINGS_HEADERS);
  const row = table.rowIndexes().find((i) => headerKey(table.value(i, SETTINGS.key)) === headerKey(key));
  if (row === undefined) table.append({ [SETTINGS.key]: key, [SETTINGS.value]: value });
  else table.set(row, SETTINGS.value, value);
  table.flush();
}
