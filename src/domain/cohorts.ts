/**
 * Many cohorts in one tracker (classes may overlap; the `Cohorts` sheet): parsing the rows, each
 * cohort's Status from its own working-day clock, and which cohort a tracker row belongs to. Pure: the
 * adapter (src/usecases/cohorts.ts) reads the sheet and builds each cohort's clock.
 */
import { ATTENDANCE_DAYS, COHORT_STATUSES, COHORTS, type CohortStatus, SHEET, TRACKER } from './contract';
import { finalCapDeadline } from './escalation';
import type { ScheduleItem } from './schedule';
import { addDays, parseDateValue, type Zone } from './timeZone';
import { isBlank, toText } from './values';
import { windowEnd, type WorkingClock } from './workingClock';

export interface CohortRow {
  /** The `Cohort` cell, trimmed: the name tracker rows use. */
  name: string;
  /** `YYYY-MM-DD`, or null while the Day 1 Date is blank or unusable (then the cohort is Planned). */
  day1: string | null;
  g2tLink: string;
  progressReportId: string;
  /** The Status the sheet shows now ('' when blank or unknown): the runs rewrite it from the clock. */
  shownStatus: CohortStatus | '';
  /** 1-based sheet row. */
  sheetRow: number;
}

export interface CohortsParse {
  cohorts: CohortRow[];
  /** Each unusable value, named by sheet, row, header and value. */
  problems: string[];
}

/** Compares cohort names the way a TL reads them: trimmed, case and inner spaces ignored. */
export function cohortKey(name: unknown): string {
  return toText(name).trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Reads the `Cohorts` values (first row = headers, located by text; the rest = data rows). Rows with
 * every cell blank are skipped; a row without a `Cohort` name, a Day 1 Date that is not a date, a G2T
 * Link that is not a web address or a name used twice is a problem naming the row and header. Problem
 * rows are kept out of the runs (a duplicate keeps its first row).
 */
export function parseCohorts(values: readonly (readonly unknown[])[], zone?: Zone): CohortsParse {
  const problems: string[] = [];
  if (values.length === 0) return { cohorts: [], problems };
  const header = values[0].map((h) => cohortKey(h));
  const col = (name: string) => header.indexOf(cohortKey(name));
  const missing = [COHORTS.cohort, COHORTS.day1Date].filter((h) => col(h) < 0);
  if (missing.length > 0) {
    const anyData = values.slice(1).some((r) => r.some((v) => !isBlank(v)));
    if (anyData)
      problems.push(
        `Sheet "${SHEET.cohorts}" is missing the header${missing.length > 1 ? 's' : ''} ${missing.map((h) => `"${h}"`).join(', ')}: run ESP Licensing › Set up workbook`,
      );
    return { cohorts: [], problems };
  }
  const cell = (row: readonly unknown[], name: string): unknown => {
    const c = col(name);
    return c < 0 ? '' : row[c];
  };
  const where = (sheetRow: number, h: string) => `"${SHEET.cohorts}" row ${sheetRow}, "${h}"`;
  const cohorts: CohortRow[] = [];
  const seen = new Map<string, number>();
  values.slice(1).forEach((row, index) => {
    const sheetRow = index + 2;
    if (row.every((v) => isBlank(v))) return;
    const name = toText(cell(row, COHORTS.cohort)).trim();
    if (!name) {
      problems.push(`${where(sheetRow, COHORTS.cohort)} is blank: name the class (e.g. "March 2 Cohort")`);
      return;
    }
    const first = seen.get(cohortKey(name));
    if (first !== undefined) {
      problems.push(
        `${where(sheetRow, COHORTS.cohort)}: "${name}" is already row ${first}; each class needs its own name (this row is ignored)`,
      );
      return;
    }
    seen.set(cohortKey(name), sheetRow);
    const rawDay1 = cell(row, COHORTS.day1Date);
    let day1: string | null = null;
    if (!isBlank(rawDay1)) {
      day1 = parseDateValue(rawDay1, zone);
      if (!day1)
        problems.push(
          `${where(sheetRow, COHORTS.day1Date)}: "${toText(rawDay1)}" is not a real calendar date (use M/D/YYYY); "${name}" stays Planned until it is fixed`,
        );
    }
    let g2tLink = toText(cell(row, COHORTS.g2tLink)).trim();
    if (g2tLink && !/^https?:\/\/\S+$/i.test(g2tLink)) {
      problems.push(
        `${where(sheetRow, COHORTS.g2tLink)}: "${g2tLink}" is not a web address (https://…); it is not used until it is fixed`,
      );
      g2tLink = '';
    }
    const shown = toText(cell(row, COHORTS.status)).trim();
    const shownStatus = (COHORT_STATUSES as readonly string[]).find((s) => cohortKey(s) === cohortKey(shown));
    cohorts.push({
      name,
      day1,
      g2tLink,
      progressReportId: toText(cell(row, COHORTS.progressReportId)).trim(),
      shownStatus: (shownStatus as CohortStatus | undefined) ?? '',
      sheetRow,
    });
  });
  return { cohorts, problems };
}

/** The instants that separate a cohort's Statuses. */
export interface CohortTimeline {
  /** Day 1's Day Start: Planned before it. */
  start: Date;
  /** The certification window end (the latest schedule due): Active before it, Extension from it. */
  windowEnd: Date;
  /** The Final CAP deadline: window end + `Final CAP Extension Hours` working hours. */
  finalCapDeadline: Date;
  /** Closed from here: after the last nightly sweep and the last termination check. */
  closedAt: Date;
}

/** Hours after the Final CAP deadline for the hourly check (it fires at a random minute) to run twice. */
export const TERMINATION_CHECK_GRACE_HOURS = 2;

/**
 * A cohort's timeline on its own clock. Extension lasts until the Final CAP deadline has passed and its
 * termination check has run (the deadline + `TERMINATION_CHECK_GRACE_HOURS`), and at least through the
 * calendar day of `lastSweepDay` (the nightly sweep runs after Day End on the day after Day 4), so the
 * last digest and the last check are never skipped. A Final CAP alert sent late moves that agent's
 * deadline later (RULES R12); the hourly check of an Extension cohort covers the usual case, the
 * grace the rest.
 */
export function cohortTimeline(
  clock: WorkingClock,
  schedule: readonly ScheduleItem[],
  extensionHours: number,
  lastSweepDay: number,
): CohortTimeline {
  const start = clock.dayStartOf(1);
  const end = windowEnd(clock, schedule);
  const deadline = finalCapDeadline(clock, { windowEnd: end, finalCapAt: undefined, extensionHours });
  const lastSweepDate = clock.workingDate(lastSweepDay);
  const deadlineDate = clock.zone.ymd(deadline);
  const lastDate = deadlineDate > lastSweepDate ? deadlineDate : lastSweepDate;
  const endOfLastDay = clock.zone.fromLocal(addDays(lastDate, 1), '00:00');
  const afterCheck = new Date(deadline.getTime() + TERMINATION_CHECK_GRACE_HOURS * 3_600_000);
  const closedAt = afterCheck > endOfLastDay ? afterCheck : endOfLastDay;
  return { start, windowEnd: end, finalCapDeadline: deadline, closedAt };
}

/** Planned (before Day 1 starts, or no usable Day 1 Date) | Active | Extension | Closed. */
export function cohortStatusAt(timeline: CohortTimeline | null, at: Date): CohortStatus {
  if (!timeline || at < timeline.start) return 'Planned';
  if (at < timeline.windowEnd) return 'Active';
  if (at < timeline.closedAt) return 'Extension';
  return 'Closed';
}

/** Statuses whose cohorts the nightly sweep and the hourly check run for. */
export function isRunning(status: CohortStatus): boolean {
  return status === 'Active' || status === 'Extension';
}

export type RowCohort = { cohort: string } | { problem: string };

/**
 * Which cohort a tracker row belongs to. A named cohort must be a `Cohorts` row; a blank `Cohort` means
 * the only Planned/Active cohort (or the only cohort, when the tracker has one). Anything else is a
 * roster problem naming the row (never a guess).
 */
export function cohortOfRow(
  cellText: string,
  sheetRow: number,
  cohorts: readonly { name: string; status: CohortStatus }[],
): RowCohort {
  const where = `"${SHEET.tracker}" row ${sheetRow}, "${TRACKER.cohort}"`;
  const text = cellText.trim();
  if (text) {
    const match = cohorts.find((c) => cohortKey(c.name) === cohortKey(text));
    return match
      ? { cohort: match.name }
      : {
          problem: `${where}: "${text}" is not a class in the "${SHEET.cohorts}" sheet (${cohorts.map((c) => `"${c.name}"`).join(', ') || 'none yet'})`,
        };
  }
  const open = cohorts.filter((c) => c.status === 'Planned' || c.status === 'Active');
  if (open.length === 1) return { cohort: open[0].name };
  // A tracker with one class (e.g. just moved from Settings): every row is that class's, whatever its Status.
  if (open.length === 0 && cohorts.length === 1) return { cohort: cohorts[0].name };
  return {
    problem:
      open.length === 0
        ? `${where} is blank and no class is Planned or Active: enter the agent's class`
        : `${where} is blank and ${open.length} classes are Planned or Active (${open.map((c) => `"${c.name}"`).join(', ')}): enter the agent's class`,
  };
}

/** The sweep runs on working days from Day 1 through the day after Day 4 (the Final CAP extension). */
export const LAST_SWEEP_DAY = ATTENDANCE_DAYS + 1;

/** What a cohort-scoped run knows about the class it runs for (carried on its Config). */
export interface CohortScope {
  name: string;
  /** 1-based row of the class in `Cohorts`. */
  sheetRow: number;
  status: CohortStatus;
  /** Every class with its status now: a blank tracker `Cohort` means the only Planned/Active one. */
  all: readonly { name: string; status: CohortStatus }[];
  /** The class Settings' Cohort Name names (the one set-up moved): its report ID is kept in both places. */
  mirrorsSettings?: boolean;
}

/** Whether the tracker row (its `Cohort` cell, its sheet row) belongs to the scope's class. */
export function inScope(scope: CohortScope | undefined, cellText: string, sheetRow: number): boolean {
  if (!scope) return true;
  const found = cohortOfRow(cellText, sheetRow, scope.all);
  return 'cohort' in found && cohortKey(found.cohort) === cohortKey(scope.name);
}
