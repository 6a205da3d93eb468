/**
 * Progress and pace for one agent (RULES "Pace"): which schedule items are done, overdue or due today,
 * how many items were due by now, when the agent will finish at their current rate, a one-word verdict
 * for the TL's digest — and, only where the ticks allow it, how many working hours an item took.
 *
 * Agents self-report in the evening (the seed asks them to tick their report before logging off), so the
 * time between two ticks is usually NOT time spent on an item. An item's hours are measured only from a
 * live tick: made during the working day, alone (no other box ticked within `BATCH_WINDOW_MINUTES`), with
 * an earlier tick the same working day (the known start). Every other done item is "not measured", and
 * pace warnings come only from measured hours. Verdicts use facts only: due instants and items done.
 *
 * Input is the agent's tick log from the progress report (every tick and untick the script stamped), so
 * the result depends only on data, never on the order the log was read in.
 */
import type { ScheduleItem } from './schedule';
import { type WorkingClock, dueAt, windowEnd } from './workingClock';

/** One stamped checkbox change in the progress report. */
export interface TickEvent {
  item: string;
  checked: boolean;
  at: Date;
  /**
   * True when the time is not the tick's own (a box found ticked with no log entry: the sync dates it at
   * the row's Last Self-Report or at the sync itself). Such a time never measures anything.
   */
  synthetic?: boolean;
}

/**
 * Why a done item's hours are or are not measured:
 * - `measured`: a live tick (see the file header); hours = working time since the previous tick.
 * - `outside-hours`: ticked outside Day Start–Day End of a working day (evening, weekend, before Day 1).
 * - `batch`: ticked within `BATCH_WINDOW_MINUTES` of another box (a catch-up, not a moment of finishing).
 * - `first-of-day`: the day's first tick: when the agent started on the item is not known.
 * - `no-tick-time`: the box was found ticked without a stamped tick time.
 */
export type Measurement = 'measured' | 'outside-hours' | 'batch' | 'first-of-day' | 'no-tick-time';

/** Plain words for a TL, e.g. in the Pace sheet: `not measured (ticked outside working hours)`. */
export const MEASUREMENT_TEXT: Readonly<Record<Exclude<Measurement, 'measured'>, string>> = {
  'outside-hours': 'ticked outside working hours',
  batch: 'ticked together with other boxes',
  'first-of-day': 'first tick of the day, start unknown',
  'no-tick-time': 'no tick time recorded',
};

export interface ItemProgress {
  item: string;
  dueAt: Date;
  done: boolean;
  /** When the last tick that left the box checked happened; null when not done. */
  doneAt: Date | null;
  /** Measured working minutes (see `Measurement`); null when not done or not measured. */
  spentMinutes: number | null;
  /** How the item's time was judged; null when not done. */
  measurement: Measurement | null;
  paceLimitHours: number | null;
  /** Due instant passed and not done. */
  overdue: boolean;
  /** Due on now's local date and not done yet. */
  dueToday: boolean;
}

export interface PaceWarning {
  item: string;
  spentHours: number;
  limitHours: number;
}

/**
 * - `complete`: every schedule item is done.
 * - `behind`: at least one item is overdue (its due instant passed and it is not ticked).
 * - `at-risk`: nothing overdue, but the projected finish is after the window end, or a MEASURED item took
 *   longer than its pace limit (the seed's "pace to remain on track").
 * - `on-track`: otherwise.
 */
export type Verdict = 'complete' | 'on-track' | 'at-risk' | 'behind';

/**
 * How the projected finish was computed:
 * - `rate`: the agent's own items per working hour since Day 1 start (done ÷ elapsed working hours),
 *   applied to the items left, counted from now in working time.
 * - `schedule`: nothing done yet or no working time elapsed: the Schedule's pace limits for the items
 *   left, counted from now (what the schedule itself expects).
 * - `done`: every item is done; the finish is the last tick.
 */
export type ProjectionBasis = 'rate' | 'schedule' | 'done';

export interface PaceOptions {
  /** The agent has an Exemption in the tracker: no pace warnings (RULES "Pace"). */
  exempt?: boolean;
}

export interface PaceReport {
  items: ItemProgress[];
  doneCount: number;
  /** Schedule items whose due instant is at or before now (done or not). */
  dueByNow: number;
  overdue: string[];
  dueToday: string[];
  /** Measured items over their pace limit; always empty for an exempt agent. */
  paceWarnings: PaceWarning[];
  /** Sum of the measured items' hours; null when no item is measured. */
  measuredHours: number | null;
  /** Done items whose hours are measured. */
  measuredCount: number;
  /**
   * Working hours from Day 1 start to the latest tick. Elapsed working time, NOT effort: with evening
   * ticks it is whole working days. Kept for existing readers; use `measuredHours` for effort.
   */
  hoursSpent: number;
  /** Working hours from Day 1 start to now (the denominator of `itemsPerHour`). */
  elapsedHours: number;
  /** Items done per elapsed working hour; null when nothing is done or no working time has elapsed. */
  itemsPerHour: number | null;
  /** When the last item is (projected to be) done. */
  projectedFinish: Date;
  projectionBasis: ProjectionBasis;
  windowEnd: Date;
  exempt: boolean;
  verdict: Verdict;
}

/**
 * Boxes ticked this close together (wall-clock, chained) are one catch-up self-report, not moments of
 * finishing: none of them is measured. Each is still a moment the agent was at the sheet.
 */
export const BATCH_WINDOW_MINUTES = 5;

const MINUTE_MS = 60_000;

interface FinalTick {
  at: Date;
  synthetic: boolean;
}

/** Final state per item (lowercased name): the last event wins; done at that event's time if checked. */
function finalTicks(log: readonly TickEvent[]): Map<string, FinalTick | null> {
  const sorted = [...log].sort((a, b) => a.at.getTime() - b.at.getTime());
  const state = new Map<string, FinalTick | null>();
  for (const tick of sorted)
    state.set(
      tick.item.trim().toLowerCase(),
      tick.checked ? { at: tick.at, synthetic: !!tick.synthetic } : null,
    );
  return state;
}

/** The working day `at` falls in (Day Start ≤ at ≤ Day End of a working day), else null. */
function workingDayOf(clock: WorkingClock, at: Date): number | null {
  const day = clock.dayNumberOf(at);
  if (day === null || day < 1) return null;
  return at >= clock.dayStartOf(day) && at <= clock.dayEndOf(day) ? day : null;
}

/**
 * Measurement per done item (by schedule index). Completions are taken in time order (ties in schedule
 * order); a completion is measured only when it is live: inside a working day's hours, no other
 * completion within `BATCH_WINDOW_MINUTES` on either side, and an earlier completion inside the same
 * working day's hours. Its hours are the working time since that earlier completion (breaks and lunch
 * excluded by the clock).
 */
function measure(
  clock: WorkingClock,
  done: readonly { index: number; at: Date; synthetic: boolean }[],
): Map<number, { measurement: Measurement; minutes: number | null }> {
  const ordered = [...done].sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const out = new Map<number, { measurement: Measurement; minutes: number | null }>();
  const close = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime()) <= BATCH_WINDOW_MINUTES * MINUTE_MS;
  ordered.forEach((c, k) => {
    const prev = k > 0 ? ordered[k - 1] : null;
    const next = k + 1 < ordered.length ? ordered[k + 1] : null;
    const day = workingDayOf(clock, c.at);
    let measurement: Measurement;
    if (c.synthetic) measurement = 'no-tick-time';
    else if ((prev && close(prev.at, c.at)) || (next && close(next.at, c.at))) measurement = 'batch';
    else if (day === null) measurement = 'outside-hours';
    else if (!prev || prev.synthetic || workingDayOf(clock, prev.at) !== day) measurement = 'first-of-day';
    else measurement = 'measured';
    out.set(c.index, {
      measurement,
      minutes: measurement === 'measured' && prev ? clock.workingMinutesBetween(prev.at, c.at) : null,
    });
  });
  return out;
}

/**
 * Projected finish (see `ProjectionBasis`): with `d` items done in `e` elapsed working hours since Day 1
 * start, the `r` items left take `r × e ÷ d` working hours from now. With nothing done (or nothing
 * elapsed) the Schedule's pace limits for the items left stand in (items without a limit count 0: the
 * schedule says a quiz's time is part of its module's).
 */
function projectFinish(
  clock: WorkingClock,
  items: readonly ItemProgress[],
  lastDone: Date | null,
  elapsedMinutes: number,
  now: Date,
): { at: Date; basis: ProjectionBasis } {
  const remaining = items.filter((i) => !i.done);
  if (remaining.length === 0) return { at: lastDone ?? now, basis: 'done' };
  const doneCount = items.length - remaining.length;
  if (doneCount > 0 && elapsedMinutes > 0)
    return {
      at: clock.addWorkingMinutes(now, (elapsedMinutes / doneCount) * remaining.length),
      basis: 'rate',
    };
  const planned = remaining.reduce((sum, i) => sum + (i.paceLimitHours ?? 0) * 60, 0);
  return { at: clock.addWorkingMinutes(now, planned), basis: 'schedule' };
}

function verdictOf(report: Omit<PaceReport, 'verdict'>): Verdict {
  if (report.doneCount === report.items.length) return 'complete';
  if (report.overdue.length > 0) return 'behind';
  if (report.projectedFinish > report.windowEnd || report.paceWarnings.length > 0) return 'at-risk';
  return 'on-track';
}

/** One agent's progress against the schedule at `now`. Ticks for items not in the schedule are ignored. */
export function assessPace(
  schedule: readonly ScheduleItem[],
  clock: WorkingClock,
  log: readonly TickEvent[],
  now: Date,
  options: PaceOptions = {},
): PaceReport {
  const exempt = options.exempt === true;
  const ticks = finalTicks(log);
  const finals = schedule.map((s) => ticks.get(s.item.trim().toLowerCase()) ?? null);
  const done = finals.flatMap((f, index) => (f ? [{ index, at: f.at, synthetic: f.synthetic }] : []));
  const measured = measure(clock, done);
  const today = clock.zone.ymd(now);

  const items: ItemProgress[] = schedule.map((s, index) => {
    const due = dueAt(clock, s);
    const doneAt = finals[index]?.at ?? null;
    const m = measured.get(index);
    return {
      item: s.item,
      dueAt: due,
      done: doneAt !== null,
      doneAt,
      spentMinutes: m?.minutes ?? null,
      measurement: m?.measurement ?? null,
      paceLimitHours: s.paceLimitHours,
      overdue: doneAt === null && now >= due,
      dueToday: doneAt === null && clock.zone.ymd(due) === today,
    };
  });

  const paceWarnings = exempt
    ? []
    : items.flatMap((i): PaceWarning[] =>
        i.spentMinutes !== null && i.paceLimitHours !== null && i.spentMinutes > i.paceLimitHours * 60
          ? [{ item: i.item, spentHours: i.spentMinutes / 60, limitHours: i.paceLimitHours }]
          : [],
      );
  const measuredItems = items.filter((i) => i.spentMinutes !== null);
  const lastDone = done.reduce<Date | null>((max, d) => (!max || d.at > max ? d.at : max), null);
  const elapsedMinutes = clock.workingMinutesBetween(clock.dayStartOf(1), now);
  const projection = projectFinish(clock, items, lastDone, elapsedMinutes, now);
  const report = {
    items,
    doneCount: done.length,
    dueByNow: items.filter((i) => now >= i.dueAt).length,
    overdue: items.filter((i) => i.overdue).map((i) => i.item),
    dueToday: items.filter((i) => i.dueToday).map((i) => i.item),
    paceWarnings,
    measuredHours:
      measuredItems.length > 0 ? measuredItems.reduce((sum, i) => sum + (i.spentMinutes ?? 0), 0) / 60 : null,
    measuredCount: measuredItems.length,
    hoursSpent: lastDone ? clock.workingMinutesBetween(clock.dayStartOf(1), lastDone) / 60 : 0,
    elapsedHours: elapsedMinutes / 60,
    itemsPerHour: done.length > 0 && elapsedMinutes > 0 ? done.length / (elapsedMinutes / 60) : null,
    projectedFinish: projection.at,
    projectionBasis: projection.basis,
    windowEnd: windowEnd(clock, schedule),
    exempt,
  };
  return { ...report, verdict: verdictOf(report) };
}
