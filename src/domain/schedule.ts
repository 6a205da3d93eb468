/**
 * The certification schedule: what is due on which working day, and the pace limit per item. It lives in
 * the `Schedule` sheet as data (all editable, RULES R9), so this file holds the seed's defaults, reads the
 * sheet back (columns found by header text) and writes it for set-up.
 */
import { ATTENDANCE_DAYS, SCHEDULE_HEADERS } from './contract';
import { type Zone, parseTimeOfDay } from './timeZone';
import { isBlank, toText } from './values';

export type ScheduleKind = 'module' | 'quiz' | 'final' | 'course' | 'proof';

/** A due time meaning "at the configured Day End", so moving Day End in Settings moves every such due time. */
export const DAY_END = 'Day End';

export interface ScheduleItem {
  /** The item's name, also its checkbox header in the progress report. */
  item: string;
  /** Working day 1-4. */
  dueDay: number;
  /** `HH:mm`, or `DAY_END` ('Day End') meaning the configured Day End. */
  dueTime: string;
  /** The most working hours the item should take, or null for no pace limit. */
  paceLimitHours: number | null;
  kind: ScheduleKind;
}

/** The last day an item may be due: the seed's window is 3.5 days. */
export const MAX_DUE_DAY = ATTENDANCE_DAYS;

const moduleItem = (n: number, dueDay: number): ScheduleItem => ({
  item: `Module ${n} Reviewed`,
  dueDay,
  dueTime: DAY_END,
  paceLimitHours: 3,
  kind: 'module',
});
const quizItem = (n: number, dueDay: number): ScheduleItem => ({
  item: `Quiz ${n} Screenshots`,
  dueDay,
  dueTime: DAY_END,
  paceLimitHours: null,
  kind: 'quiz',
});

/**
 * The seed's "Set clear timeframe expectations" table as one checkbox item each. Note: the seed's Day 2
 * row asks for "screenshots for modules 3-5" while Module 5 is only reviewed on Day 3; a quiz cannot be
 * screenshotted before its module, so Day 2 takes Quiz 3-4 and Quiz 5 moves to Day 3.
 * Quizzes carry no pace limit of their own: their time is part of the module's 3 hours.
 */
export const DEFAULT_SCHEDULE: readonly ScheduleItem[] = [
  moduleItem(1, 1),
  moduleItem(2, 1),
  quizItem(1, 1),
  quizItem(2, 1),
  moduleItem(3, 2),
  moduleItem(4, 2),
  quizItem(3, 2),
  quizItem(4, 2),
  moduleItem(5, 3),
  quizItem(5, 3),
  { item: 'AHIP Final', dueDay: 3, dueTime: DAY_END, paceLimitHours: 2, kind: 'final' },
  { item: 'Aetna Cert Courses', dueDay: 3, dueTime: DAY_END, paceLimitHours: null, kind: 'course' },
  { item: '13 Checkmarks Proof Emailed', dueDay: 3, dueTime: DAY_END, paceLimitHours: null, kind: 'proof' },
  { item: 'Aetna Product Modules', dueDay: 4, dueTime: '12:00', paceLimitHours: 4, kind: 'course' },
];

/**
 * The kind of an item the sheet names (the sheet has no Kind column): AHIP `Module N …` items are
 * modules, quizzes and screenshots quizzes, a final exam `final`, proof/checkmarks `proof`, anything
 * else (Aetna courses, product modules, items a team adds) a `course`.
 */
export function inferKind(item: string): ScheduleKind {
  const name = item.toLowerCase();
  if (/\bfinal\b/.test(name)) return 'final';
  if (/\b(quiz|quizzes|screenshots?)\b/.test(name)) return 'quiz';
  if (/\b(proof|checkmarks?)\b/.test(name)) return 'proof';
  if (/^module\s*\d/.test(name)) return 'module';
  return 'course';
}

export interface ScheduleParse {
  items: ScheduleItem[];
  /** One line per problem, naming the sheet row and header. */
  problems: string[];
}

function normaliseHeader(v: unknown): string {
  return toText(v).toLowerCase().replace(/\s+/g, ' ');
}

const [ITEM, DUE_DAY, DUE_TIME, PACE] = SCHEDULE_HEADERS;

/** 'Day End', 'EOD', 'End of Day' or blank → DAY_END; anything else a time of day. */
function readDueTime(v: unknown, zone: Zone | undefined): string | null {
  const text = toText(v).toLowerCase().replace(/\s+/g, ' ');
  if (isBlank(v) || ['day end', 'end of day', 'eod', 'end'].includes(text)) return DAY_END;
  return parseTimeOfDay(v, zone);
}

function readDueDay(v: unknown): number | null {
  const text = toText(v).replace(/^day\s*/i, '');
  if (!/^\d+(\.0+)?$/.test(text)) return null;
  const day = Number(text);
  return day >= 1 && day <= MAX_DUE_DAY ? day : null;
}

/** The largest sane pace limit: a whole 3.5-day window is ~28 working hours; 24 leaves no doubt. */
export const MAX_PACE_HOURS = 24;

/** Blank, 'none', 'n/a' or '-' → null (no limit); '3', 3, '3 h', '2.5 hours' → hours. */
function readPace(v: unknown): number | null | undefined {
  const text = toText(v).toLowerCase();
  if (text === '' || ['none', 'n/a', 'na', '-', '—'].includes(text)) return null;
  const m = /^(\d+(?:\.\d+)?)\s*(h|hr|hrs|hour|hours)?$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[1]);
  return hours > 0 && hours <= MAX_PACE_HOURS ? hours : undefined;
}

/**
 * Reads the Schedule sheet's values (header row first). Columns are found by header text in any order;
 * Item and Due Day are required, a missing Due Time column means every item is due at Day End and a
 * missing Pace Limit Hours column means no pace limits (both reported). Blank rows are skipped; a bad
 * row is reported and left out. `zone` reads time cells, which Sheets returns as Dates.
 */
export function parseSchedule(rows: readonly (readonly unknown[])[], zone?: Zone): ScheduleParse {
  const problems: string[] = [];
  const items: ScheduleItem[] = [];
  const header = (rows[0] ?? []).map(normaliseHeader);
  const col = (name: string): number => header.indexOf(name.toLowerCase());
  const [itemCol, dayCol, timeCol, paceCol] = [ITEM, DUE_DAY, DUE_TIME, PACE].map(col);
  for (const [name, index] of [
    [ITEM, itemCol],
    [DUE_DAY, dayCol],
    [DUE_TIME, timeCol],
    [PACE, paceCol],
  ] as const) {
    if (index < 0)
      problems.push(`Schedule: the "${name}" column is missing (headers: ${SCHEDULE_HEADERS.join(', ')})`);
  }
  if (itemCol < 0 || dayCol < 0) return { items, problems };

  const seen = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isBlank)) continue;
    const rowNo = r + 1;
    const where = (name: string): string => `Schedule row ${rowNo}, "${name}"`;
    const rowProblems: string[] = [];
    const item = toText(row[itemCol]).replace(/\s+/g, ' ');
    if (!item) rowProblems.push(`${where(ITEM)}: the item name is blank`);
    const firstRow = seen.get(item.toLowerCase());
    if (item && firstRow !== undefined)
      rowProblems.push(`${where(ITEM)}: "${item}" is already listed on row ${firstRow}`);

    const dueDay = readDueDay(row[dayCol]);
    if (dueDay === null) {
      rowProblems.push(`${where(DUE_DAY)}: "${toText(row[dayCol])}" is not a whole number 1-${MAX_DUE_DAY}`);
    }
    const dueTime = timeCol < 0 ? DAY_END : readDueTime(row[timeCol], zone);
    if (dueTime === null) {
      rowProblems.push(
        `${where(DUE_TIME)}: "${toText(row[timeCol])}" is not a time of day (e.g. 12:00) or "Day End"`,
      );
    }
    const pace = paceCol < 0 ? null : readPace(row[paceCol]);
    if (pace === undefined) {
      rowProblems.push(
        `${where(PACE)}: "${toText(row[paceCol])}" is not a number of hours from more than 0 to ${MAX_PACE_HOURS} (leave blank for no limit)`,
      );
    }
    if (rowProblems.length || dueDay === null || dueTime === null || pace === undefined) {
      problems.push(...rowProblems);
      continue;
    }
    seen.set(item.toLowerCase(), rowNo);
    items.push({ item, dueDay, dueTime, paceLimitHours: pace, kind: inferKind(item) });
  }
  if (items.length === 0) {
    problems.push(
      'Schedule: no usable item rows: nothing is ever due, so nobody is behind (fill in the Schedule sheet)',
    );
  }
  return { items, problems };
}

/** The Schedule sheet's values for set-up: header row, then one row per item. */
export function scheduleToRows(items: readonly ScheduleItem[]): (string | number)[][] {
  return [[...SCHEDULE_HEADERS], ...items.map((i) => [i.item, i.dueDay, i.dueTime, i.paceLimitHours ?? ''])];
}
