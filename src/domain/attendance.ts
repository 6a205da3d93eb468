/**
 * The MIA rule (RULES: attendance). The seed: agents "unresponsive when asked to raise/lower hands both
 * before/after a break twice in a row are considered MIA". A TL ticks one checkbox per hands check; a
 * check that has been taken and is not ticked is a miss, unless the check is excused.
 *
 * Decisions:
 * - Misses are counted over the whole chronological sequence of checks taken so far, across day
 *   boundaries (missing the last check of Day 1 and the first of Day 2 is still "twice in a row": the agent
 *   was unreachable for both).
 * - An EXCUSED check (an HR-approved absence, e.g. a doctor's appointment) is neither a miss nor a presence:
 *   it is left out of the sequence, so it neither breaks nor extends a run of misses. Miss, excused, miss
 *   is two misses in a row among the checks the agent was expected at (MIA at the default threshold);
 *   excused, excused, … is never MIA. A ticked box wins over an excuse (the agent was there).
 * - MIA is CURRENT: an agent is MIA while the latest run of misses (excused checks skipped) is at the
 *   threshold. Present at a later check, the agent has RETURNED (`returnedAt` is that check); a later
 *   single miss is "1 miss", not MIA again; another full run is a new MIA episode (its own alert).
 */
import { MAX_NAME_LENGTH } from './nameDateNote';
import { formatMdy } from './timeZone';
import { toBool } from './values';

export interface AttendanceRun {
  /** Misses at the end of the sequence (the current streak; excused checks skipped). */
  consecutiveMisses: number;
  /** The longest streak of misses among the checks taken. */
  maxRun: number;
  /** MIA now: the current streak is at the threshold. */
  isMia: boolean;
  /** Some run reached the threshold at some point (MIA now, or MIA and returned). */
  wasMia: boolean;
  /** Not MIA yet, but one more miss makes it so: the TL should reach out now. */
  atOneMiss: boolean;
  /** Every missed check, in order. */
  missedHeaders: string[];
  /** Excused checks among those taken, in order. */
  excusedHeaders: string[];
  /** The latest MIA episode's missed checks (the current one when `isMia`); [] when never MIA. */
  episode: string[];
  /** The check at which the agent was first present after the latest MIA episode; '' if none. */
  returnedAt: string;
}

/** Seed default for `MIA Consecutive Misses`. */
export const DEFAULT_MIA_THRESHOLD = 2;

/**
 * Reads one agent's hands checks. `headers` are all check headers in chronological order (`D1 Before
 * Break 1` …); `values` holds the agent's cells by header (TRUE = hand raised/lowered, FALSE or blank =
 * missed); `currentHeader` is the check being taken now: it and every earlier check count, later ones
 * have not happened yet. An unknown `currentHeader` counts nothing, so a misconfigured sheet never marks
 * anybody MIA. `excused` holds the agent's excused checks (see `excusedChecks`).
 */
export function attendanceRun(
  headers: readonly string[],
  values: Readonly<Record<string, unknown>>,
  currentHeader: string,
  threshold: number = DEFAULT_MIA_THRESHOLD,
  excused: ReadonlySet<string> | ReadonlyMap<string, string> = new Set<string>(),
): AttendanceRun {
  const taken = headers.slice(0, headers.indexOf(currentHeader) + 1);
  const limit = Math.max(1, Math.floor(threshold));
  const missedHeaders: string[] = [];
  const excusedHeaders: string[] = [];
  let streak: string[] = [];
  let maxRun = 0;
  let episode: string[] = [];
  let returnedAt = '';
  for (const header of taken) {
    if (toBool(values[header])) {
      if (streak.length >= limit) returnedAt = header;
      streak = [];
      continue;
    }
    if (excused.has(header)) {
      excusedHeaders.push(header);
      continue;
    }
    missedHeaders.push(header);
    streak.push(header);
    maxRun = Math.max(maxRun, streak.length);
    if (streak.length >= limit) {
      // A run at the threshold is an MIA episode: the latest one (growing while it lasts) is kept.
      episode = [...streak];
      returnedAt = '';
    }
  }
  const isMia = streak.length >= limit;
  return {
    consecutiveMisses: streak.length,
    maxRun,
    isMia,
    wasMia: maxRun >= limit,
    atOneMiss: !isMia && streak.length === limit - 1 && streak.length > 0,
    missedHeaders,
    excusedHeaders,
    episode,
    returnedAt,
  };
}

/** Line breaks and spaced dashes would split a `Name - Date - Note` line, so they become plain spaces. */
function noteSafe(text: string): string {
  return text
    .replace(/\s*[-–—]\s+|\s+[-–—]\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function noteName(byName: string): string {
  return noteSafe(byName).slice(0, MAX_NAME_LENGTH).trim() || 'ESP Licensing';
}

/**
 * The `Attendance Note` line recording an MIA mark, e.g.
 * `Jo Lead - 1/8/2026 - MIA: missed D1 Before Lunch, D1 After Lunch`. `byName` is who documented it
 * (the TL, or the script's name when it marked the agent itself); `ymd` is the local date.
 */
export function miaNoteLine(byName: string, ymd: string, missedHeaders: readonly string[]): string {
  const missed = missedHeaders.map(noteSafe).filter(Boolean);
  const note = missed.length ? `MIA: missed ${missed.join(', ')}` : 'MIA';
  return `${noteName(byName)} - ${formatMdy(ymd)} - ${note}`;
}

/** `ESP Licensing - 1/8/2026 - Returned at D1 After Lunch (MIA: missed D1 Before Lunch, …)`. */
export function returnedNoteLine(
  byName: string,
  ymd: string,
  returnedAt: string,
  episode: readonly string[],
): string {
  const missed = episode.map(noteSafe).filter(Boolean);
  const after = missed.length ? ` (MIA: missed ${missed.join(', ')})` : '';
  return `${noteName(byName)} - ${formatMdy(ymd)} - Returned at ${noteSafe(returnedAt)}${after}`;
}

/** The longest excuse reason kept in a note line. */
export const MAX_EXCUSE_REASON = 200;

/** A reason as it is stored: one line, spaces collapsed, capped. */
export function excuseReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').trim().slice(0, MAX_EXCUSE_REASON).trim();
}

/** `Jo Lead - 1/8/2026 - Excused D1 After Lunch: HR approved, doctor's appointment`. */
export function excuseNoteLine(byName: string, ymd: string, header: string, reason: string): string {
  const why = excuseReason(reason);
  return `${noteName(byName)} - ${formatMdy(ymd)} - Excused ${header}${why ? `: ${why}` : ''}`;
}

/** `Jo Lead - 1/8/2026 - Excuse withdrawn D1 After Lunch` (the excuse line above it is kept). */
export function excuseWithdrawnLine(byName: string, ymd: string, header: string): string {
  return `${noteName(byName)} - ${formatMdy(ymd)} - Excuse withdrawn ${header}`;
}

const EXCUSE_LINE = /[-‐‑‒–—―−﹘﹣－]\s*(excused|excuse withdrawn)\s+(d\d+\s+[a-z0-9 ]+?)\s*(?::\s*(.*))?$/i;

/**
 * The agent's excused checks, read from the tracker's `Attendance Note` (the record of the HR approval):
 * every `… - Excused <check>: <reason>` line excuses that check, a later `… - Excuse withdrawn <check>`
 * line withdraws it; lines are read top to bottom, so the latest wins. A TL may type such a line by hand.
 * Checks not in `headers` are ignored. Returns check → reason.
 */
export function excusedChecks(noteText: string, headers: readonly string[]): Map<string, string> {
  const byKey = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const excused = new Map<string, string>();
  for (const line of noteText.split(/\r\n|\r|\n/)) {
    const m = EXCUSE_LINE.exec(line.trim());
    if (!m) continue;
    const header = byKey.get(m[2].replace(/\s+/g, ' ').toLowerCase());
    if (!header) continue;
    if (m[1].toLowerCase() === 'excused') excused.set(header, excuseReason(m[3] ?? '') || 'excused');
    else excused.delete(header);
  }
  return excused;
}
