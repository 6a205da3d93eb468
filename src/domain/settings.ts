/**
 * The `Settings` sheet (Key | Value): every key the product reads, its default and a one-line description
 * (set-up writes the keys with their defaults and puts the description in each key's cell note), and the
 * parser that turns the sheet's values into a typed `Settings` plus a list of problems for the TL.
 *
 * Parsing never throws and never drops a key silently: a bad value is reported (naming the key and the
 * value) and the default is used in its place; keys this version does not know are kept in `extra`.
 */
import { SETTINGS_HEADERS } from './contract';
import { type Zone, parseDateValue, parseTimeOfDay } from './timeZone';
import { isBlank, isDate, isValidEmail, parseBool, splitEmails, toText } from './values';
import { type CalendarConfig, type DayTimes, DEFAULT_DAY_TIMES, validateDay } from './workingClock';

export interface Settings {
  cohortName: string;
  /** `YYYY-MM-DD`, or null while not set. */
  day1: string | null;
  /** `HH:mm` in the cohort's zone. */
  dayStart: string;
  dayEnd: string;
  break1Start: string;
  lunchStart: string;
  break2Start: string;
  g2tLink: string;
  /** Every email setting may hold several addresses (a person or a group); all lowercased and valid. */
  licensingTeamEmails: string[];
  espManagerEmails: string[];
  pmEmails: string[];
  opsManagementEmails: string[];
  hrEmails: string[];
  certCoordinatorEmails: string[];
  progressReportTemplateId: string;
  leadershipDriveFolderId: string;
  progressReportId: string;
  completionFormUrl: string;
  /** Non-working dates, `YYYY-MM-DD`, sorted. */
  holidays: string[];
  finalCapExtensionHours: number;
  otSessions: number;
  otSessionHours: number;
  miaConsecutiveMisses: number;
  dryRun: boolean;
  /** IANA zone id for the cohort; '' means the spreadsheet's (else the script's) zone. */
  timeZone: string;
  calendarEvents: boolean;
  capDocumentTemplateId: string;
  /** Keys this version does not know, with their raw cell values (kept so nothing a TL adds is lost). */
  extra: Record<string, unknown>;
}

type Kind = 'text' | 'date' | 'time' | 'emails' | 'dates' | 'hours' | 'count' | 'bool' | 'url';

/** The Settings fields a definition can fill (everything but `extra`). */
export type SettingField = Exclude<keyof Settings, 'extra'>;

export interface SettingDefinition {
  key: string;
  field: SettingField;
  kind: Kind;
  /** What set-up writes into a new Settings row. */
  defaultValue: string | number | boolean;
  /** One line for the key's cell note. */
  description: string;
}

const def = (
  key: string,
  field: SettingField,
  kind: Kind,
  defaultValue: string | number | boolean,
  description: string,
): SettingDefinition => ({ key, field, kind, defaultValue, description });

/** Every key, in the order SPEC lists them (set-up writes them in this order), then this version's extras. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  def(
    'Cohort Name',
    'cohortName',
    'text',
    '',
    'Name of this cohort; used in the progress report file name and emails.',
  ),
  def(
    'Day 1 Date',
    'day1',
    'date',
    '',
    'First training day (e.g. 1/8/2026). Days 2-4 skip weekends and Holidays.',
  ),
  def(
    'Day Start',
    'dayStart',
    'time',
    '08:00',
    'Start of each training day (e.g. 8:00 AM), in the spreadsheet time zone.',
  ),
  def('Day End', 'dayEnd', 'time', '16:30', 'End of each training day; items due "Day End" are due then.'),
  def('Break 1 Start', 'break1Start', 'time', '10:00', 'Start of the first 15-minute break.'),
  def('Lunch Start', 'lunchStart', 'time', '12:00', 'Start of the 30-minute lunch.'),
  def('Break 2 Start', 'break2Start', 'time', '14:30', 'Start of the second 15-minute break.'),
  def(
    'G2T Link',
    'g2tLink',
    'url',
    '',
    'GoTo Training link emailed to agents at least 24 hours before Day 1.',
  ),
  def(
    'Licensing Team Email',
    'licensingTeamEmails',
    'emails',
    '',
    'Licensing team address(es), e.g. slc.licensing@connexionpoint.com; gets the summary and proofs.',
  ),
  def(
    'ESP Manager Emails',
    'espManagerEmails',
    'emails',
    '',
    'ESP managers: MIA reports and Final CAP alerts.',
  ),
  def('PM Emails', 'pmEmails', 'emails', '', 'Project managers: "ready for production" alerts.'),
  def(
    'Ops Management Emails',
    'opsManagementEmails',
    'emails',
    '',
    'Ops management: Sales Inhibitor alerts, sent at once.',
  ),
  def('HR Emails', 'hrEmails', 'emails', '', 'HR: Final CAP and termination-review alerts.'),
  def(
    'Cert Coordinator Email',
    'certCoordinatorEmails',
    'emails',
    '',
    'Agents who cannot open the progress report email their progress here.',
  ),
  def(
    'Progress Report Template ID',
    'progressReportTemplateId',
    'text',
    '',
    'Drive ID of the "ESP Agent Progress Report Template"; blank = the script builds one.',
  ),
  def(
    'Leadership Drive Folder ID',
    'leadershipDriveFolderId',
    'text',
    '',
    'Drive folder (cXp Leadership Drive) for progress reports.',
  ),
  def(
    'Progress Report ID',
    'progressReportId',
    'text',
    '',
    'Written by the script when it creates the progress report; do not edit.',
  ),
  def(
    'Completion Form URL',
    'completionFormUrl',
    'url',
    '',
    'Carrier Cert Completion Form, where agents submit the 13 checkmarks proof.',
  ),
  def(
    'Holidays',
    'holidays',
    'dates',
    '',
    'Non-working dates, comma or line separated (e.g. 1/19/2026, 2/16/2026).',
  ),
  def(
    'Final CAP Extension Hours',
    'finalCapExtensionHours',
    'hours',
    8,
    'Working hours an agent on a Final CAP has to finish before termination review.',
  ),
  def('OT Sessions', 'otSessions', 'count', 3, 'Number of overtime sessions proposed with a Final CAP.'),
  def('OT Session Hours', 'otSessionHours', 'hours', 3, 'Length of each overtime session, in hours.'),
  def(
    'MIA Consecutive Misses',
    'miaConsecutiveMisses',
    'count',
    2,
    'Hands checks missed in a row before an agent is marked MIA and reported.',
  ),
  def(
    'Dry Run',
    'dryRun',
    'bool',
    true,
    'TRUE = emails are previewed in the Alert Log, not sent. Set FALSE to go live.',
  ),
  // Extras beyond SPEC's list.
  def(
    'Time Zone',
    'timeZone',
    'text',
    '',
    'IANA time zone (e.g. America/Denver); blank = the spreadsheet time zone.',
  ),
  def(
    'Calendar Events',
    'calendarEvents',
    'bool',
    false,
    'TRUE = also create Calendar events for proposed OT sessions.',
  ),
  def(
    'CAP Document Template ID',
    'capDocumentTemplateId',
    'text',
    '',
    'Google Docs template for CAP documents; blank = no document is generated.',
  ),
];

export interface SettingsParse {
  settings: Settings;
  /** One line per problem, naming the key and the bad value. */
  problems: string[];
}

/** Settings as set-up writes them: every key at its default. */
export function defaultSettings(): Settings {
  return parseSettings([], undefined).settings;
}

function keyOf(v: unknown): string {
  return toText(v).toLowerCase().replace(/\s+/g, ' ').replace(/:$/, '');
}

const BY_KEY = new Map(SETTING_DEFINITIONS.map((d) => [keyOf(d.key), d]));

type Value = Settings[SettingField];

/** Reads one value; returns the parsed value or a problem describing the bad input. */
function readValue(
  d: SettingDefinition,
  raw: unknown,
  zone: Zone | undefined,
): { value: Value } | { problem: string } {
  const shown = toText(raw);
  const bad = (why: string): { problem: string } => ({ problem: `Settings "${d.key}": "${shown}" ${why}` });
  switch (d.kind) {
    case 'text':
      return { value: toText(raw) };
    case 'url': {
      const text = toText(raw);
      return text === '' || /^https?:\/\/\S+$/i.test(text)
        ? { value: text }
        : bad('is not a web address (https://…)');
    }
    case 'date': {
      if (isBlank(raw)) return { value: null };
      const ymd = parseDateValue(raw, zone);
      return ymd ? { value: ymd } : bad('is not a real calendar date (use M/D/YYYY, e.g. 1/8/2026)');
    }
    case 'time': {
      if (isBlank(raw)) return { value: String(d.defaultValue) };
      const hhmm = parseTimeOfDay(raw, zone);
      return hhmm ? { value: hhmm } : bad('is not a time of day (e.g. 8:00, 8:00 AM or 16:30)');
    }
    case 'emails': {
      const emails = splitEmails(toText(raw));
      const invalid = emails.filter((e) => !isValidEmail(e));
      if (invalid.length) {
        return {
          problem: `Settings "${d.key}": ${invalid.map((e) => `"${e}"`).join(', ')} is not a valid email address`,
        };
      }
      return { value: emails };
    }
    case 'dates': {
      const dates = new Set<string>();
      const bads: string[] = [];
      const parts = isDate(raw)
        ? [raw]
        : toText(raw)
            .split(/[,;\n\r]+/)
            .map((s) => s.trim())
            .filter(Boolean);
      for (const part of parts) {
        const ymd = parseDateValue(part, zone);
        if (ymd) dates.add(ymd);
        else bads.push(toText(part));
      }
      if (bads.length) {
        return {
          problem: `Settings "${d.key}": ${bads.map((b) => `"${b}"`).join(', ')} is not a real calendar date (use M/D/YYYY)`,
        };
      }
      return { value: [...dates].sort() };
    }
    case 'hours':
    case 'count': {
      if (isBlank(raw)) return { value: Number(d.defaultValue) };
      const n = typeof raw === 'number' ? raw : Number(toText(raw).replace(/\s*(h|hrs?|hours?)$/i, ''));
      if (d.kind === 'count') {
        return Number.isInteger(n) && n >= 1 ? { value: n } : bad('is not a whole number of 1 or more');
      }
      return Number.isFinite(n) && n > 0 ? { value: n } : bad('is not a positive number of hours');
    }
    case 'bool': {
      if (isBlank(raw)) return { value: Boolean(d.defaultValue) };
      const b = parseBool(raw);
      return b === null ? bad('is not TRUE or FALSE') : { value: b };
    }
  }
}

/**
 * Reads the Settings sheet's values: rows of [key, value], with or without the `Key | Value` header row.
 * Keys match case-insensitively. Missing keys take their defaults (required-ness is the caller's call:
 * e.g. creating the progress report needs Day 1 Date). `zone` reads Date cells: Sheets returns a date
 * cell as local midnight and a time cell as a Date on 1899-12-30, both in the spreadsheet's zone.
 * The configured day is also checked (`validateDay`).
 */
export function parseSettings(rows: readonly (readonly unknown[])[], zone: Zone | undefined): SettingsParse {
  const values = new Map<SettingField, Value>();
  const extra: Record<string, unknown> = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = keyOf(row[0]);
    if (!key || (index === 0 && key === keyOf(SETTINGS_HEADERS[0]))) return;
    const d = BY_KEY.get(key);
    if (!d) {
      extra[toText(row[0])] = row[1];
      return;
    }
    if (seen.has(key)) {
      problems.push(`Settings "${d.key}" appears more than once (row ${index + 1}); the first one is used`);
      return;
    }
    seen.add(key);
    const result = readValue(d, row[1], zone);
    if ('problem' in result) problems.push(`${result.problem}; using the default`);
    else values.set(d.field, result.value);
  });

  const settings = { extra } as Settings;
  const target = settings as unknown as Record<SettingField, Value>;
  for (const d of SETTING_DEFINITIONS) {
    const value = values.get(d.field);
    if (value !== undefined) target[d.field] = value;
    else {
      const fallback = readValue(d, d.defaultValue, zone);
      target[d.field] = 'value' in fallback ? fallback.value : null;
    }
  }
  problems.push(...validateDay(dayTimesOf(settings)).map((p) => `Settings: ${p}`));
  return { settings, problems };
}

/** The working day the Settings describe (break and lunch lengths are fixed by the expectations). */
export function dayTimesOf(settings: Settings): DayTimes {
  return {
    ...DEFAULT_DAY_TIMES,
    dayStart: settings.dayStart,
    dayEnd: settings.dayEnd,
    break1Start: settings.break1Start,
    lunchStart: settings.lunchStart,
    break2Start: settings.break2Start,
  };
}

/** The cohort calendar for a `WorkingClock`, or null while Day 1 Date is not set. */
export function calendarConfigOf(settings: Settings, zone: Zone): CalendarConfig | null {
  if (!settings.day1) return null;
  return { zone, day1: settings.day1, holidays: settings.holidays, times: dayTimesOf(settings) };
}

/** The Settings sheet's values for set-up: header row, then every key with its default. */
export function settingsToRows(): (string | number | boolean)[][] {
  return [[...SETTINGS_HEADERS], ...SETTING_DEFINITIONS.map((d) => [d.key, d.defaultValue])];
}
