/**
 * The MIA rule (SPEC behaviour 5). The seed: agents "unresponsive when asked to raise/lower hands both
 * before/after a break twice in a row are considered MIA". A TL ticks one checkbox per hands check; a
 * check that has been taken and is not ticked is a miss.
 *
 * Decision: misses are counted over the whole chronological sequence of checks taken so far, across day
 * boundaries (missing the last check of Day 1 and the first of Day 2 is still "twice in a row": the agent
 * was unreachable for both). An agent stays MIA once any run reached the threshold, because the tracker's
 * MIA mark and the manager's alert are about what happened, not about the latest check.
 */
import { MAX_NAME_LENGTH } from './nameDateNote';
import { formatMdy } from './timeZone';
import { toBool } from './values';

export interface AttendanceRun {
  /** Misses at the end of the sequence (the current streak). */
  consecutiveMisses: number;
  /** The longest streak of misses among the checks taken. */
  maxRun: number;
  /** `maxRun` reached the threshold. */
  isMia: boolean;
  /** Not MIA yet, but one more miss makes it so: the TL should reach out now. */
  atOneMiss: boolean;
  /** Every missed check, in order. */
  missedHeaders: string[];
}

/** Seed default for `MIA Consecutive Misses`. */
export const DEFAULT_MIA_THRESHOLD = 2;

/**
 * Reads one agent's hands checks. `headers` are all check headers in chronological order (`D1 Before
 * Break 1` …); `values` holds the agent's cells by header (TRUE = hand raised/lowered, FALSE or blank =
 * missed); `currentHeader` is the check being taken now: it and every earlier check count, later ones
 * have not happened yet. An unknown `currentHeader` counts nothing, so a misconfigured sheet never marks
 * anybody MIA.
 */
export function attendanceRun(
  headers: readonly string[],
  values: Readonly<Record<string, unknown>>,
  currentHeader: string,
  threshold: number = DEFAULT_MIA_THRESHOLD,
): AttendanceRun {
  const taken = headers.slice(0, headers.indexOf(currentHeader) + 1);
  const missedHeaders: string[] = [];
  let run = 0;
  let maxRun = 0;
  for (const header of taken) {
    if (toBool(values[header])) {
      run = 0;
      continue;
    }
    missedHeaders.push(header);
    run++;
    maxRun = Math.max(maxRun, run);
  }
  const limit = Math.max(1, Math.floor(threshold));
  const isMia = maxRun >= limit;
  return {
    consecutiveMisses: run,
    maxRun,
    isMia,
    atOneMiss: !isMia && run === limit - 1 && run > 0,
    missedHeaders,
  };
}

/** Line breaks and spaced dashes would split a `Name - Date - Note` line, so they become plain spaces. */
function noteSafe(text: string): string {
  return text
    .replace(/\s*[-–—]\s+|\s+[-–—]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The `Attendance Note` line recording an MIA mark, e.g.
 * `Jo Lead - 1/8/2026 - MIA: missed D1 Before Lunch, D1 After Lunch`. `byName` is who documented it
 * (the TL, or the script's name when it marked the agent itself); `ymd` is the local date.
 */
export function miaNoteLine(byName: string, ymd: string, missedHeaders: readonly string[]): string {
  const name = noteSafe(byName).slice(0, MAX_NAME_LENGTH).trim() || 'ESP Licensing';
  const missed = missedHeaders.map(noteSafe).filter(Boolean);
  const note = missed.length ? `MIA: missed ${missed.join(', ')}` : 'MIA';
  return `${name} - ${formatMdy(ymd)} - ${note}`;
}
