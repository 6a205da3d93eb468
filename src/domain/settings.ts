/**
 * The `Settings` sheet (Key | Value): every key the product reads, its default and a one-line description
 * (set-up writes the keys with their defaults and puts the description in each key's cell note), and the
 * parser that turns the sheet's values into a typed `Settings` plus a list of problems for the TL.
 *
 * Parsing never throws and never drops anything silently (RULES R10, "checked, not guessed"):
 *  - every bad value is an issue naming the key and the value, and saying what is used instead;
 *  - lists (addresses, Holidays) are checked entry by entry: the good entries are used, the bad ones named;
 *  - numbers must lie within the bounds in SETTING_DEFINITIONS (see `numberRule`);
 *  - an unknown Time Zone has NO fallback: `badTimeZone` is set and runs that need the zone stop;
 *  - Drive IDs are checked for their form here (cheap, every run); src/usecases/settingsCheck.ts opens them.
 * Keys this version does not know are kept in `extra`.
 */
import { ATTENDANCE_DAYS, COHORT_SETTING_KEYS, HANDS_CHECKS, SETTINGS_HEADERS, SHEET } from './contract';
import { type EmailContent, list, link, renderEmail, type Section, section } from './emailLayout';
import {
  addDays,
  formatMdy,
  parseDateValue,
  parseTimeOfDay,
  timeZoneIdProblem,
  weekdayOf,
  type Zone,
} from './timeZone';
import { readResourceLink, type ResourceSettings } from './resources';
import { isBlank, isDate, isValidEmail, parseBool, splitEmails, toText } from './values';
import { type CalendarConfig, type DayTimes, DEFAULT_DAY_TIMES, validateDay } from './workingClock';

/** RULES R24 — the resource links ('' = not shown) are the `ResourceSettings` fields, checked by readResourceLink. */
export interface Settings extends ResourceSettings {
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

type Kind =
  | 'text'
  | 'date'
  | 'time'
  | 'emails'
  | 'dates'
  | 'hours'
  | 'count'
  | 'bool'
  | 'url'
  | 'zone'
  | 'driveId'
  | 'guideLink'
  | 'formLink';

/** Bounds of a number setting (inclusive). */
export interface NumberRule {
  min: number;
  max: number;
  integer: boolean;
}

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
  /** For `hours` / `count`: the sane range. */
  bounds?: NumberRule;
}

const def = (
  key: string,
  field: SettingField,
  kind: Kind,
  defaultValue: string | number | boolean,
  description: string,
  bounds?: NumberRule,
): SettingDefinition => ({ key, field, kind, defaultValue, description, ...(bounds ? { bounds } : {}) });

/**
 * Sane bounds (documented in the README): a Final CAP extension is at most a working week, OT is at most
 * 10 sessions of at most 8 hours, and MIA needs 1-24 misses in a row (24 = every hands check of Days 1-4).
 */
export const NUMBER_BOUNDS = {
  finalCapExtensionHours: { min: 1, max: 40, integer: false },
  otSessions: { min: 1, max: 10, integer: true },
  otSessionHours: { min: 0.5, max: 8, integer: false },
  miaConsecutiveMisses: { min: 1, max: ATTENDANCE_DAYS * HANDS_CHECKS.length, integer: true },
} as const satisfies Record<string, NumberRule>;

/** Every key, in the contract's order (RULES R2) (set-up writes them in this order), then this version's extras. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  def(
    COHORT_SETTING_KEYS.cohort,
    'cohortName',
    'text',
    '',
    'Name of this cohort; used in the progress report file name and emails.',
  ),
  def(
    COHORT_SETTING_KEYS.day1Date,
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
    COHORT_SETTING_KEYS.g2tLink,
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
    'driveId',
    '',
    'Drive ID of the "ESP Agent Progress Report Template"; blank = the script builds one.',
  ),
  def(
    'Leadership Drive Folder ID',
    'leadershipDriveFolderId',
    'driveId',
    '',
    'Drive folder (cXp Leadership Drive) for progress reports.',
  ),
  def(
    COHORT_SETTING_KEYS.progressReportId,
    'progressReportId',
    'driveId',
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
    'Working hours an agent on a Final CAP has to finish before termination review (1-40).',
    NUMBER_BOUNDS.finalCapExtensionHours,
  ),
  def(
    'OT Sessions',
    'otSessions',
    'count',
    3,
    'Number of overtime sessions proposed with a Final CAP (whole number, 1-10).',
    NUMBER_BOUNDS.otSessions,
  ),
  def(
    'OT Session Hours',
    'otSessionHours',
    'hours',
    3,
    'Length of each overtime session, in hours (0.5-8).',
    NUMBER_BOUNDS.otSessionHours,
  ),
  def(
    'MIA Consecutive Misses',
    'miaConsecutiveMisses',
    'count',
    2,
    `Hands checks missed in a row before an agent is marked MIA and reported (whole number, 1-${ATTENDANCE_DAYS * HANDS_CHECKS.length}).`,
    NUMBER_BOUNDS.miaConsecutiveMisses,
  ),
  def(
    'Dry Run',
    'dryRun',
    'bool',
    true,
    'TRUE = emails are previewed in the Alert Log, not sent. Set FALSE to go live.',
  ),
  // Extras beyond the contract's keys.
  def(
    'Time Zone',
    'timeZone',
    'zone',
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
    'driveId',
    '',
    'Google Docs template for CAP documents; blank = no document is generated.',
  ),
  // RULES R24 — resource links: optional, blank = not shown.
  def(
    'AHIP Guide Link',
    'ahipGuideUrl',
    'guideLink',
    '',
    'AHIP step-by-step guide (https link or Drive ID); shown in the invitation, reminders and issue alerts.',
  ),
  def(
    'Aetna Guide Link',
    'aetnaGuideUrl',
    'guideLink',
    '',
    'Aetna step-by-step guide with the 13 green checkmarks example (https link or Drive ID).',
  ),
  def(
    'Tech Issues Guide Link',
    'techIssuesGuideUrl',
    'guideLink',
    '',
    'Tech Issues - Troubleshooting guide (https link or Drive ID); shown with login issues.',
  ),
  def(
    'Carrier Cert Completion Form Link',
    'carrierCertFormUrl',
    'formLink',
    '',
    'AHIP/Aetna tickets: the Carrier Cert Completion Form to submit (https link or form ID).',
  ),
  def(
    'TBT Form Link',
    'tbtFormUrl',
    'formLink',
    '',
    'TBT tickets: the form TLs submit (https link or form ID).',
  ),
  def(
    'Call Cert Form Link',
    'callCertFormUrl',
    'formLink',
    '',
    'Call Cert tickets: the form TLs submit (https link or form ID).',
  ),
  def(
    'Equipment Form Link',
    'equipmentFormUrl',
    'formLink',
    '',
    'Equipment tickets: the form TLs submit (https link or form ID).',
  ),
  def(
    'RTS/No More Forms Form Link',
    'rtsFormUrl',
    'formLink',
    '',
    'RTS/No More Forms tickets: the form TLs submit (https link or form ID).',
  ),
];

/** One unusable value, named by key and value, and what the product does instead. */
export interface SettingIssue {
  /** The Settings key (or `Schedule` for a Schedule row). */
  key: string;
  /** The value as the TL typed it (one entry of a list). */
  value: string;
  /** The whole sentence shown to the TL: `Settings "Key": "value" is …; …`. */
  message: string;
}

export interface SettingsParse {
  settings: Settings;
  /** One line per problem, naming the key and the bad value (the messages of `issues`). */
  problems: string[];
  issues: SettingIssue[];
  /** The typed Time Zone when it is not one: there is no fallback, runs that need the zone stop. */
  badTimeZone: string | null;
}

export interface ParseOptions {
  /** The tracker's own Drive ID: no Drive ID setting may point at the tracker itself. */
  trackerId?: string;
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

/** A Drive ID as Drive writes them: letters, digits, `-` and `_` (a pasted URL or a name is not one). */
const DRIVE_ID = /^[A-Za-z0-9_-]+$/;

function numberText(rule: NumberRule): string {
  return rule.integer
    ? `a whole number from ${rule.min} to ${rule.max}`
    : `a number from ${rule.min} to ${rule.max}`;
}

/** Reads a number setting: a number cell or digits (with `h`/`hours` for hours), inside `rule`. */
export function readBoundedNumber(raw: unknown, rule: NumberRule, hours: boolean): number | null {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else {
    const text = toText(raw).replace(hours ? /\s*(h|hrs?|hours?)$/i : /$^/, '');
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
    n = Number(text);
  }
  if (!Number.isFinite(n) || n < rule.min || n > rule.max) return null;
  if (rule.integer && !Number.isInteger(n)) return null;
  return n;
}

interface Read {
  /** The value to use, or undefined for "use the default" (then `issues` says so). */
  value?: Value;
  issues: { value: string; why: string }[];
}

/** Reads one value; returns the value to use and what was wrong with the input. */
function readValue(d: SettingDefinition, raw: unknown, zone: Zone | undefined, options: ParseOptions): Read {
  const shown = toText(raw);
  const bad = (why: string): Read => ({ issues: [{ value: shown, why }] });
  switch (d.kind) {
    case 'text':
      return { value: toText(raw), issues: [] };
    case 'zone': {
      const text = toText(raw);
      if (text === '') return { value: '', issues: [] };
      const why = timeZoneIdProblem(text);
      return why
        ? {
            value: text,
            issues: [{ value: text, why: `${why}; runs that need the time zone stop until it is fixed` }],
          }
        : { value: text, issues: [] };
    }
    case 'driveId': {
      const text = toText(raw);
      if (text === '') return { value: '', issues: [] };
      if (!DRIVE_ID.test(text)) {
        return {
          value: text,
          issues: [
            {
              value: text,
              why: /^https?:/i.test(text)
                ? 'is a web address, not a Drive ID: paste only the ID (the part between /d/ or /folders/ and the next /)'
                : 'is not a Drive ID (letters, digits, - and _ only)',
            },
          ],
        };
      }
      if (options.trackerId && text === options.trackerId) {
        return {
          value: text,
          issues: [{ value: text, why: 'is this tracker itself, not the file this key is for' }],
        };
      }
      return { value: text, issues: [] };
    }
    case 'url': {
      const text = toText(raw);
      return text === '' || /^https?:\/\/\S+$/i.test(text)
        ? { value: text, issues: [] }
        : bad('is not a web address (https://…); it is not used until it is fixed');
    }
    case 'guideLink':
    case 'formLink': {
      const read = readResourceLink(toText(raw), d.kind === 'formLink' ? 'form' : 'guide');
      return 'url' in read ? { value: read.url, issues: [] } : { value: '', ...bad(read.problem) };
    }
    case 'date': {
      if (isBlank(raw)) return { value: null, issues: [] };
      const ymd = parseDateValue(raw, zone);
      return ymd
        ? { value: ymd, issues: [] }
        : bad(
            'is not a real calendar date (use M/D/YYYY, e.g. 1/8/2026); the cohort calendar stops until it is fixed',
          );
    }
    case 'time': {
      if (isBlank(raw)) return { value: String(d.defaultValue), issues: [] };
      const hhmm = parseTimeOfDay(raw, zone);
      return hhmm
        ? { value: hhmm, issues: [] }
        : bad(
            `is not a time of day (e.g. 8:00, 8:00 AM or 16:30); ${d.defaultValue} is used until it is fixed`,
          );
    }
    case 'emails': {
      const emails = splitEmails(toText(raw));
      const good = emails.filter(isValidEmail);
      const issues = emails
        .filter((e) => !isValidEmail(e))
        .map((e) => ({
          value: e,
          why: good.length
            ? `is not a valid email address and gets nothing until it is fixed; the other addresses (${good.join(', ')}) still get their emails`
            : 'is not a valid email address; nobody on this list gets emails until it is fixed',
        }));
      return { value: good, issues };
    }
    case 'dates': {
      const dates = new Set<string>();
      const issues: Read['issues'] = [];
      const parts = isDate(raw)
        ? [raw]
        : toText(raw)
            .split(/[,;\n\r]+/)
            .map((s) => s.trim())
            .filter(Boolean);
      for (const part of parts) {
        const ymd = parseDateValue(part, zone);
        if (ymd) dates.add(ymd);
        else {
          issues.push({
            value: toText(part),
            why: 'is not a real calendar date (use M/D/YYYY); it is not treated as a holiday until it is fixed (the other dates are)',
          });
        }
      }
      return { value: [...dates].sort(), issues };
    }
    case 'hours':
    case 'count': {
      if (isBlank(raw)) return { value: Number(d.defaultValue), issues: [] };
      const rule = d.bounds ?? { min: d.kind === 'count' ? 1 : 0.25, max: 1000, integer: d.kind === 'count' };
      const n = readBoundedNumber(raw, rule, d.kind === 'hours');
      return n === null
        ? bad(`is not ${numberText(rule)}; ${d.defaultValue} (the default) is used until it is fixed`)
        : { value: n, issues: [] };
    }
    case 'bool': {
      if (isBlank(raw)) return { value: Boolean(d.defaultValue), issues: [] };
      const b = parseBool(raw);
      return b === null
        ? bad(
            `is not TRUE or FALSE; ${String(d.defaultValue).toUpperCase()} (the safe default) is used until it is fixed`,
          )
        : { value: b, issues: [] };
    }
  }
}

/** The first working day on or after `ymd` (Monday-Friday, not a holiday). */
function nextWorkingDay(ymd: string, holidays: readonly string[]): string {
  let day = ymd;
  for (let i = 0; i < 366 && (weekdayOf(day) === 0 || weekdayOf(day) === 6 || holidays.includes(day)); i++)
    day = addDays(day, 1);
  return day;
}

/**
 * Reads the Settings sheet's values: rows of [key, value], with or without the `Key | Value` header row.
 * Keys match case-insensitively. Missing keys take their defaults (required-ness is the caller's call:
 * e.g. creating the progress report needs Day 1 Date). `zone` reads Date cells: Sheets returns a date
 * cell as local midnight and a time cell as a Date on 1899-12-30, both in the spreadsheet's zone.
 * The configured day is also checked (`validateDay`), and Day 1 on a non-working day is named.
 */
export function parseSettings(
  rows: readonly (readonly unknown[])[],
  zone: Zone | undefined,
  options: ParseOptions = {},
): SettingsParse {
  const values = new Map<SettingField, Value>();
  const extra: Record<string, unknown> = {};
  const issues: SettingIssue[] = [];
  const issue = (key: string, value: string, message: string) => issues.push({ key, value, message });
  const seen = new Set<string>();
  let badTimeZone: string | null = null;
  rows.forEach((row, index) => {
    const key = keyOf(row[0]);
    if (!key || (index === 0 && key === keyOf(SETTINGS_HEADERS[0]))) return;
    const d = BY_KEY.get(key);
    if (!d) {
      extra[toText(row[0])] = row[1];
      return;
    }
    if (seen.has(key)) {
      issue(
        d.key,
        toText(row[1]),
        `Settings "${d.key}" appears more than once (row ${index + 1}, "${toText(row[1])}"); the first one is used`,
      );
      return;
    }
    seen.add(key);
    const result = readValue(d, row[1], zone, options);
    for (const bad of result.issues)
      issue(d.key, bad.value, `Settings "${d.key}": "${bad.value}" ${bad.why}`);
    if (d.kind === 'zone' && result.issues.length) badTimeZone = toText(row[1]);
    if (result.value !== undefined) values.set(d.field, result.value);
  });

  const settings = { extra } as Settings;
  const target: Record<SettingField, Value> = settings;
  for (const d of SETTING_DEFINITIONS) {
    const value = values.get(d.field);
    if (value !== undefined) target[d.field] = value;
    else {
      const fallback = readValue(d, d.defaultValue, zone, {});
      target[d.field] = fallback.value === undefined ? null : fallback.value;
    }
  }
  const reportId = settings.progressReportId;
  if (reportId && reportId === settings.progressReportTemplateId) {
    issue(
      COHORT_SETTING_KEYS.progressReportId,
      reportId,
      `Settings "${COHORT_SETTING_KEYS.progressReportId}": "${reportId}" is the same file as "Progress Report Template ID": the template must stay blank, so the report needs its own file`,
    );
  }
  if (settings.day1) {
    const first = nextWorkingDay(settings.day1, settings.holidays);
    if (first !== settings.day1) {
      const why = weekdayOf(settings.day1) % 6 === 0 ? 'a weekend day' : 'a holiday';
      issue(
        COHORT_SETTING_KEYS.day1Date,
        formatMdy(settings.day1),
        `Settings "${COHORT_SETTING_KEYS.day1Date}": "${formatMdy(settings.day1)}" is ${why}; Day 1 is taken to be ${formatMdy(first)}, the next working day`,
      );
    }
  }
  for (const p of validateDay(dayTimesOf(settings))) issue('Working day', '', `Settings: ${p}`);
  return { settings, problems: issues.map((i) => i.message), issues, badTimeZone };
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

/**
 * The licensing team's daily "settings need fixing" email: every issue named by key and value, grouped
 * under Settings and Schedule, with a link to the tracker. All text is escaped by the layout.
 */
export function settingsProblemsEmail(input: {
  issues: readonly SettingIssue[];
  trackerName: string;
  trackerUrl: string;
  /** Set when Licensing Team Email has no valid address and this goes to the trigger's owner instead. */
  noLicensingAddress: boolean;
}): EmailContent {
  const n = input.issues.length;
  const settingsIssues = input.issues.filter((i) => i.key !== SHEET.schedule).map((i) => i.message);
  const scheduleIssues = input.issues.filter((i) => i.key === SHEET.schedule).map((i) => i.message);
  const sections: Section[] = [];
  if (settingsIssues.length) sections.push(section('Settings sheet', [list(settingsIssues)], 'alert'));
  if (scheduleIssues.length) sections.push(section('Schedule sheet', [list(scheduleIssues)], 'alert'));
  return renderEmail({
    subject: `ESP settings: ${n} problem${n === 1 ? '' : 's'} to fix in ${input.trackerName}`,
    title: 'Settings need fixing',
    intro: [
      [
        'The tracker ',
        link(input.trackerName, input.trackerUrl),
        ' found values it cannot use. Each is named below with what the tracker does until it is fixed. ',
        'After fixing them, run ESP Licensing › Check settings to confirm. This email is sent at most once a day.',
      ],
      ...(input.noLicensingAddress
        ? [
            [
              '"Licensing Team Email" has no valid address, so this went to the account that runs the triggers.',
            ],
          ]
        : []),
    ],
    sections,
  });
}
