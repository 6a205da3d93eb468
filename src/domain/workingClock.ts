/**
 * Working time for a cohort: which dates are "Day 1" … "Day N" (weekends and holidays skipped), when each
 * day starts and ends, its two breaks and lunch, the attendance hands checks, and working-time arithmetic
 * (how long an agent spent on a module, breaks excluded; when 8 working hours from now ends).
 *
 * Instants are real `Date`s; wall-clock times are read in the cohort's `Zone`, so DST changes and the
 * runtime's own zone never shift a day.
 */
import { HANDS_CHECKS, ATTENDANCE_DAYS, type AttendanceCheckHeader } from './contract';
import { DAY_END, type ScheduleItem } from './schedule';
import { type Zone, addDays, formatHhmm, isYmd, parseHhmm, weekdayOf } from './timeZone';

/** The configured working day, all times `HH:mm` in the cohort's zone. */
export interface DayTimes {
  dayStart: string;
  dayEnd: string;
  break1Start: string;
  lunchStart: string;
  break2Start: string;
  /** Length of each of the two breaks (the seed: 15). */
  breakMinutes: number;
  /** Length of lunch (the seed: 30). */
  lunchMinutes: number;
}

export const DEFAULT_DAY_TIMES: Readonly<DayTimes> = {
  dayStart: '08:00',
  dayEnd: '16:30',
  break1Start: '10:00',
  lunchStart: '12:00',
  break2Start: '14:30',
  breakMinutes: 15,
  lunchMinutes: 30,
};

export interface CalendarConfig {
  zone: Zone;
  /** The cohort's Day 1 Date setting, `YYYY-MM-DD`. */
  day1: string;
  /** Non-working dates, `YYYY-MM-DD`. */
  holidays: readonly string[];
  times: DayTimes;
}

/** Declared with the Schedule (whose due times it is); re-exported here for the clock's readers. */
export { DAY_END };

export type PauseKind = 'break1' | 'lunch' | 'break2';

export interface Interval {
  start: Date;
  end: Date;
}

export interface Pause extends Interval {
  kind: PauseKind;
  label: 'Break 1' | 'Lunch' | 'Break 2';
}

export type HandsCheckName = (typeof HANDS_CHECKS)[number];

export interface HandsCheck {
  day: number;
  check: HandsCheckName;
  /** The Attendance sheet header, e.g. `D2 Before Lunch`. */
  header: AttendanceCheckHeader;
  at: Date;
}

const MINUTE_MS = 60_000;
/** Guards loops against a holiday list that swallows the calendar: ~20 years of working days. */
const MAX_WORKING_DAYS = 5_000;

interface DayPlan {
  date: string;
  start: Date;
  end: Date;
  pauses: Pause[];
  /** The day minus its pauses, in order. */
  working: Interval[];
}

function minutesOf(hhmm: string, name: string, problems: string[]): number | null {
  const minutes = parseHhmm(hhmm);
  if (minutes === null) problems.push(`${name} "${hhmm}" is not a time of day (HH:mm, e.g. 08:00)`);
  return minutes;
}

/**
 * Problems with a configured day, worded for a team lead; empty when the day is usable. The seed fixes
 * the shape: exactly two 15-minute breaks and one 30-minute lunch, inside the day, not overlapping. They
 * must also come in the order Break 1, Lunch, Break 2, because the Attendance headers (`Before Break 1`,
 * `Before Lunch`, `Before Break 2` …) are chronological.
 */
export function validateDay(times: DayTimes): string[] {
  const problems: string[] = [];
  const start = minutesOf(times.dayStart, 'Day Start', problems);
  const end = minutesOf(times.dayEnd, 'Day End', problems);
  const b1 = minutesOf(times.break1Start, 'Break 1 Start', problems);
  const lunch = minutesOf(times.lunchStart, 'Lunch Start', problems);
  const b2 = minutesOf(times.break2Start, 'Break 2 Start', problems);
  if (times.breakMinutes !== 15) {
    problems.push(
      `Breaks must be 15 minutes (the expectations allow two 15-minute breaks), not ${times.breakMinutes}`,
    );
  }
  if (times.lunchMinutes !== 30) {
    problems.push(
      `Lunch must be 30 minutes (the expectations allow one 30-minute lunch), not ${times.lunchMinutes}`,
    );
  }
  if (start === null || end === null) return problems;
  if (end <= start) {
    problems.push(`Day End (${times.dayEnd}) must be after Day Start (${times.dayStart})`);
    return problems;
  }
  const pauses = [
    { name: 'Break 1', at: b1, length: times.breakMinutes },
    { name: 'Lunch', at: lunch, length: times.lunchMinutes },
    { name: 'Break 2', at: b2, length: times.breakMinutes },
  ];
  for (const p of pauses) {
    if (p.at === null) continue;
    if (p.at < start || p.at + p.length > end) {
      problems.push(
        `${p.name} (${formatHhmm(p.at)}-${formatHhmm(p.at + p.length)}) must lie inside the day ` +
          `(${formatHhmm(start)}-${formatHhmm(end)})`,
      );
    }
  }
  for (let i = 0; i + 1 < pauses.length; i++) {
    const a = pauses[i];
    const b = pauses[i + 1];
    if (a.at === null || b.at === null) continue;
    if (b.at < a.at) problems.push(`${a.name} must come before ${b.name}`);
    else if (a.at + a.length > b.at) {
      problems.push(
        `${a.name} (${formatHhmm(a.at)}-${formatHhmm(a.at + a.length)}) overlaps ${b.name} (starts ${formatHhmm(b.at)})`,
      );
    }
  }
  return problems;
}

/**
 * The cohort's working calendar. Day 1 is the Day 1 Date setting when that is a working day; when it
 * falls on a weekend or holiday, Day 1 is the next working day (a cohort cannot start on a day nobody
 * works, and the team's intent is clearly "the first day we train").
 *
 * Throws on an invalid configuration: callers validate Settings (`validateDay`) and report problems first.
 */
export class WorkingClock {
  readonly zone: Zone;
  readonly times: Readonly<DayTimes>;
  private readonly holidays: ReadonlySet<string>;
  private readonly firstDate: string;
  /** Working dates found so far; index n-1 holds Day n. Extended lazily. */
  private readonly dates: string[] = [];
  private readonly plans = new Map<number, DayPlan>();

  constructor(config: CalendarConfig) {
    if (!isYmd(config.day1))
      throw new RangeError(`Day 1 "${config.day1}" is not a date in the form YYYY-MM-DD`);
    const problems = validateDay(config.times);
    if (problems.length) throw new RangeError(`The working day is misconfigured: ${problems.join('; ')}`);
    this.zone = config.zone;
    this.times = { ...config.times };
    this.holidays = new Set(config.holidays);
    this.firstDate = config.day1;
  }

  /** Monday-Friday and not a holiday. */
  isWorkingDate(ymd: string): boolean {
    const weekday = weekdayOf(ymd);
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(ymd);
  }

  /** Day n's date (n ≥ 1). */
  workingDate(n: number): string {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`Working day ${n} does not exist (days count from 1)`);
    this.extendTo((dates) => dates.length >= n);
    return this.dates[n - 1];
  }

  /** The working day number of the instant's local date: 0 before Day 1, null on a weekend or holiday. */
  dayNumberOf(instant: Date): number | null {
    return this.dayNumberOfDate(this.zone.ymd(instant));
  }

  /** As `dayNumberOf`, for a local date `YYYY-MM-DD`. */
  dayNumberOfDate(ymd: string): number | null {
    if (ymd < this.workingDate(1)) return 0;
    if (!this.isWorkingDate(ymd)) return null;
    return this.dayOnOrAfter(ymd);
  }

  /** The instant Day n reads `hhmm` (`HH:mm`, or `DAY_END` for the configured Day End). */
  at(dayN: number, hhmm: string): Date {
    return this.zone.fromLocal(this.workingDate(dayN), hhmm === DAY_END ? this.times.dayEnd : hhmm);
  }

  dayStartOf(n: number): Date {
    return this.plan(n).start;
  }

  dayEndOf(n: number): Date {
    return this.plan(n).end;
  }

  /** Day n's breaks and lunch, in order. */
  pauses(dayN: number): Pause[] {
    return this.plan(dayN).pauses.map((p) => ({ ...p }));
  }

  /** Day n's working intervals: the day minus its pauses. */
  workingIntervals(dayN: number): Interval[] {
    return this.plan(dayN).working.map((i) => ({ ...i }));
  }

  /**
   * Minutes of working time between two instants: inside Day Start-Day End of working days, breaks and
   * lunch excluded. Fractional (ticks carry seconds); 0 when b ≤ a.
   */
  workingMinutesBetween(a: Date, b: Date): number {
    const from = a.getTime();
    const to = b.getTime();
    if (!(to > from)) return 0;
    let ms = 0;
    for (let n = this.dayOnOrAfter(this.zone.ymd(a)); ; n++) {
      const plan = this.plan(n);
      if (plan.start.getTime() >= to) break;
      for (const slot of plan.working) {
        const start = Math.max(from, slot.start.getTime());
        const end = Math.min(to, slot.end.getTime());
        if (end > start) ms += end - start;
      }
    }
    return ms / MINUTE_MS;
  }

  /**
   * The instant at which `minutes` of working time have elapsed since `from`. When `from` is outside
   * working time, counting starts at the next working moment (so 0 minutes gives that moment). When the
   * total ends exactly at a pause or day end, that boundary is returned (not the next resumption).
   * Inverse of `workingMinutesBetween`: `workingMinutesBetween(from, addWorkingMinutes(from, m)) === m`.
   */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`Cannot add ${minutes} working minutes (must be a number ≥ 0)`);
    }
    const fromMs = from.getTime();
    let remaining = minutes * MINUTE_MS;
    for (let n = this.dayOnOrAfter(this.zone.ymd(from)); ; n++) {
      for (const slot of this.plan(n).working) {
        const end = slot.end.getTime();
        if (end <= fromMs) continue;
        const start = Math.max(fromMs, slot.start.getTime());
        if (remaining <= end - start) return new Date(start + remaining);
        remaining -= end - start;
      }
    }
  }

  /** Day n's six hands checks in order: raise hands before each pause, lower them after it. */
  handsChecks(dayN: number): HandsCheck[] {
    const checks: HandsCheck[] = [];
    const names: Readonly<Record<PauseKind, [HandsCheckName, HandsCheckName]>> = {
      break1: ['Before Break 1', 'After Break 1'],
      lunch: ['Before Lunch', 'After Lunch'],
      break2: ['Before Break 2', 'After Break 2'],
    };
    for (const pause of this.plan(dayN).pauses) {
      const [before, after] = names[pause.kind];
      checks.push({ day: dayN, check: before, header: `D${dayN} ${before}`, at: pause.start });
      checks.push({ day: dayN, check: after, header: `D${dayN} ${after}`, at: pause.end });
    }
    return checks;
  }

  /**
   * The hands check a TL is taking now: the latest check at or before `instant` on a working day within
   * the Attendance sheet's days (1-4), else null (before the first check of a day, weekends, after Day 4).
   */
  currentHandsCheck(instant: Date): HandsCheck | null {
    const day = this.dayNumberOf(instant);
    if (day === null || day < 1 || day > ATTENDANCE_DAYS) return null;
    const due = this.handsChecks(day).filter((c) => c.at.getTime() <= instant.getTime());
    return due.length ? due[due.length - 1] : null;
  }

  /** Extends the working-date list until `done` holds. */
  private extendTo(done: (dates: readonly string[]) => boolean): void {
    let next = this.dates.length ? addDays(this.dates[this.dates.length - 1], 1) : this.firstDate;
    let guard = 0;
    while (!done(this.dates)) {
      if (this.dates.length >= MAX_WORKING_DAYS || ++guard > MAX_WORKING_DAYS * 2) {
        throw new RangeError(`No working day found within ${MAX_WORKING_DAYS} working days of Day 1`);
      }
      if (this.isWorkingDate(next)) this.dates.push(next);
      next = addDays(next, 1);
    }
  }

  /** The number of the first working day on or after a local date (1 for any date up to Day 1). */
  private dayOnOrAfter(ymd: string): number {
    this.extendTo((dates) => dates.length > 0 && dates[dates.length - 1] >= ymd);
    const index = this.dates.findIndex((d) => d >= ymd);
    return index + 1;
  }

  private plan(n: number): DayPlan {
    const cached = this.plans.get(n);
    if (cached) return cached;
    const date = this.workingDate(n);
    const t = this.times;
    const at = (hhmm: string, plus = 0): Date =>
      this.zone.fromLocal(date, formatHhmm((parseHhmm(hhmm) as number) + plus));
    const start = at(t.dayStart);
    const end = at(t.dayEnd);
    const pauses: Pause[] = [
      { kind: 'break1', label: 'Break 1', start: at(t.break1Start), end: at(t.break1Start, t.breakMinutes) },
      { kind: 'lunch', label: 'Lunch', start: at(t.lunchStart), end: at(t.lunchStart, t.lunchMinutes) },
      { kind: 'break2', label: 'Break 2', start: at(t.break2Start), end: at(t.break2Start, t.breakMinutes) },
    ];
    const working: Interval[] = [];
    let cursor = start;
    for (const p of pauses) {
      if (p.start > cursor) working.push({ start: cursor, end: p.start });
      if (p.end > cursor) cursor = p.end;
    }
    if (end > cursor) working.push({ start: cursor, end });
    const plan: DayPlan = { date, start, end, pauses, working };
    this.plans.set(n, plan);
    return plan;
  }
}

/**
 * The end of the certification window: the latest due instant in the schedule (Day 4 at 12:00 with the
 * default schedule). An empty schedule falls back to Day 4 midday, the seed's "first half of Day 4".
 */
export function windowEnd(clock: WorkingClock, schedule: readonly ScheduleItem[]): Date {
  let latest: Date | null = null;
  for (const item of schedule) {
    const due = clock.at(item.dueDay, item.dueTime);
    if (!latest || due > latest) latest = due;
  }
  return latest ?? clock.at(4, '12:00');
}

/** When a schedule item is due. */
export function dueAt(clock: WorkingClock, item: ScheduleItem): Date {
  return clock.at(item.dueDay, item.dueTime);
}
