/**
 * Progress and pace for one agent (SPEC behaviour 6): which schedule items are done, overdue or due
 * today, how many working hours each took against its pace limit, when the agent will finish at their
 * current pace, and a one-word verdict for the TL's digest.
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
}

export interface ItemProgress {
  item: string;
  dueAt: Date;
  done: boolean;
  /** When the last tick that left the box checked happened; null when not done. */
  doneAt: Date | null;
  /** Working minutes this item took (see `spentMinutes`); null when not done. */
  spentMinutes: number | null;
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
 * - `behind`: at least one item is overdue.
 * - `at-risk`: nothing overdue, but the projected finish is after the window end, or an item took longer
 *   than its pace limit (the seed's "pace to remain on track": slow modules now mean missed days later).
 * - `on-track`: otherwise.
 */
export type Verdict = 'complete' | 'on-track' | 'at-risk' | 'behind';

export interface PaceReport {
  items: ItemProgress[];
  doneCount: number;
  overdue: string[];
  dueToday: string[];
  paceWarnings: PaceWarning[];
  /** Working hours from Day 1 start to the latest completion (0 when nothing is done). */
  hoursSpent: number;
  /** When the last item is (projected to be) done. */
  projectedFinish: Date;
  windowEnd: Date;
  verdict: Verdict;
}

/**
 * Ticks this close together (wall-clock) are one self-report: agents often tick several boxes at once in
 * the evening, and charging all the time since the previous report to the first box would raise false
 * pace warnings. The working time before a batch is shared evenly among its items.
 */
export const BATCH_WINDOW_MINUTES = 5;

const MINUTE_MS = 60_000;

/** Final state per item (lowercased name): the last event wins; `doneAt` is that event's time if checked. */
function finalTicks(log: readonly TickEvent[]): Map<string, Date | null> {
  const sorted = [...log].sort((a, b) => a.at.getTime() - b.at.getTime());
  const state = new Map<string, Date | null>();
  for (const tick of sorted) state.set(tick.item.trim().toLowerCase(), tick.checked ? tick.at : null);
  return state;
}

/**
 * Working minutes per completed item: completions in time order (ties in schedule order) are grouped into
 * self-report batches, and each batch shares the working time since the previous batch ended (Day 1
 * start for the first). Breaks, lunch, nights, weekends and holidays are excluded by the clock.
 */
function spentMinutes(
  clock: WorkingClock,
  done: readonly { index: number; at: Date }[],
): Map<number, number> {
  const ordered = [...done].sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const spent = new Map<number, number>();
  let previousEnd = clock.dayStartOf(1);
  for (let i = 0; i < ordered.length;) {
    let j = i + 1;
    while (
      j < ordered.length &&
      ordered[j].at.getTime() - ordered[j - 1].at.getTime() <= BATCH_WINDOW_MINUTES * MINUTE_MS
    ) {
      j++;
    }
    const batchEnd = ordered[j - 1].at;
    const share = clock.workingMinutesBetween(previousEnd, batchEnd) / (j - i);
    for (let k = i; k < j; k++) spent.set(ordered[k].index, share);
    if (batchEnd > previousEnd) previousEnd = batchEnd;
    i = j;
  }
  return spent;
}

/**
 * Projected finish: the remaining items at the agent's own average (working minutes from Day 1 start to
 * the latest completion, per completed item), counted from now in working time. With nothing done yet
 * there is no pace to extrapolate, so the schedule's pace limits stand in (items without a limit count 0:
 * the schedule says their time is part of a module's).
 */
function projectFinish(
  clock: WorkingClock,
  items: readonly ItemProgress[],
  lastDone: Date | null,
  now: Date,
): Date {
  const remaining = items.filter((i) => !i.done);
  if (remaining.length === 0) return lastDone ?? now;
  const doneCount = items.length - remaining.length;
  const minutes =
    lastDone && doneCount > 0
      ? (clock.workingMinutesBetween(clock.dayStartOf(1), lastDone) / doneCount) * remaining.length
      : remaining.reduce((sum, i) => sum + (i.paceLimitHours ?? 0) * 60, 0);
  return clock.addWorkingMinutes(now, minutes);
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
): PaceReport {
  const ticks = finalTicks(log);
  const doneAts = schedule.map((s) => ticks.get(s.item.trim().toLowerCase()) ?? null);
  const done = doneAts.flatMap((at, index) => (at ? [{ index, at }] : []));
  const spent = spentMinutes(clock, done);
  const today = clock.zone.ymd(now);

  const items: ItemProgress[] = schedule.map((s, index) => {
    const due = dueAt(clock, s);
    const doneAt = doneAts[index];
    return {
      item: s.item,
      dueAt: due,
      done: doneAt !== null,
      doneAt,
      spentMinutes: spent.get(index) ?? null,
      paceLimitHours: s.paceLimitHours,
      overdue: doneAt === null && now >= due,
      dueToday: doneAt === null && clock.zone.ymd(due) === today,
    };
  });

  const paceWarnings = items.flatMap((i): PaceWarning[] =>
    i.spentMinutes !== null && i.paceLimitHours !== null && i.spentMinutes > i.paceLimitHours * 60
      ? [{ item: i.item, spentHours: i.spentMinutes / 60, limitHours: i.paceLimitHours }]
      : [],
  );
  const lastDone = done.reduce<Date | null>((max, d) => (!max || d.at > max ? d.at : max), null);
  const report = {
    items,
    doneCount: done.length,
    overdue: items.filter((i) => i.overdue).map((i) => i.item),
    dueToday: items.filter((i) => i.dueToday).map((i) => i.item),
    paceWarnings,
    hoursSpent: lastDone ? clock.workingMinutesBetween(clock.dayStartOf(1), lastDone) / 60 : 0,
    projectedFinish: projectFinish(clock, items, lastDone, now),
    windowEnd: windowEnd(clock, schedule),
  };
  return { ...report, verdict: verdictOf(report) };
}
