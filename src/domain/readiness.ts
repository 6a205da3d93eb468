/**
 * RULES R23 — the readiness summary the PMs' "ready for production" email carries: one page per agent
 * with each ESP status and since when it is complete, the completion evidence (proof tick, form
 * submission), the attendance by day and the coaching history. Pure: the facts come from the caller.
 *
 * When a status became complete (decided, RULES R23): the workbook keeps no per-status history. So
 * - `AHIP/Aetna Status` is dated by the last progress-report tick (the Tick Log): the sync sets it
 *   Complete from the ticks, so the tick that completed the report is the moment it became complete;
 * - the other four statuses are typed by TLs; the only date the workbook holds is the row's `Last
 *   Updated`, stamped by every edit of the row. It is shown as "by <date>" (complete on or before it),
 *   never as the day it became complete.
 */
import { ESP_STATUS_HEADERS, SHEET, TRACKER } from './contract';
import { type Block, type Inline, type Section, facts, formatWhen, list, section } from './emailLayout';
import { formatMdy, type Zone } from './timeZone';
import { toBool } from './values';

export type StatusBasis = 'last-tick' | 'last-updated' | 'unknown';

export interface StatusDate {
  status: string;
  value: string;
  /** The instant it is known complete at (see `basis`); null when the workbook does not say. */
  at: Date | null;
  basis: StatusBasis;
}

export interface AttendanceDay {
  day: number;
  /** Checks of the day that were taken (someone was ticked present), excused ones included. */
  taken: number;
  present: number;
  /** The agent's missed checks of the day (`Before Lunch` …). */
  missed: string[];
  excused: number;
}

export interface CoachingEntry {
  /** The log's `Date` as a date, or null when it holds text (shown as typed). */
  date: Date | null;
  dateText: string;
  level: string;
  policy: string;
  details: string;
  documentedBy: string;
}

export interface ReadinessSummary {
  statuses: StatusDate[];
  /** The proof item's name (`13 Checkmarks Proof Emailed`). */
  proofItem: string;
  proofTickedAt: Date | null;
  /** `AHIP+Aetna Completion`, as typed. */
  completion: string;
  /** The earliest `Completion Log` submission for the agent; null when none was logged. */
  formSubmittedAt: Date | null;
  /** The tracker's `Attendance` code, as typed. */
  attendanceCode: string;
  attendanceDays: AttendanceDay[];
  /** MIA episodes recorded in the `Attendance Note` (one `MIA: missed …` line each). */
  miaCount: number;
  coaching: CoachingEntry[];
}

/** Each ESP status with the instant it is known complete at (see the file header for the rule). */
export function statusDates(
  statuses: Readonly<Record<string, string>>,
  lastTickAt: Date | null,
  lastUpdated: Date | null,
): StatusDate[] {
  return ESP_STATUS_HEADERS.map((status) => {
    const value = statuses[status] ?? '';
    if (status === TRACKER.ahipAetnaStatus && lastTickAt)
      return { status, value, at: lastTickAt, basis: 'last-tick' };
    if (lastUpdated) return { status, value, at: lastUpdated, basis: 'last-updated' };
    return { status, value, at: null, basis: 'unknown' };
  });
}

/**
 * The agent's hands checks per day. `headers` are the Attendance check headers (`D1 Before Break 1` …),
 * `taken` those recorded for the class (a check nobody ticked was not taken, RULES R11), `values` the
 * agent's cells by header, `excused` the agent's excused checks.
 */
export function attendanceDays(
  headers: readonly string[],
  taken: ReadonlySet<string>,
  values: Readonly<Record<string, unknown>>,
  excused: { has(header: string): boolean },
): AttendanceDay[] {
  const days = new Map<number, AttendanceDay>();
  for (const header of headers) {
    const m = /^D(\d+)\s+(.*)$/.exec(header);
    if (!m) continue;
    const day = Number(m[1]);
    const d = days.get(day) ?? { day, taken: 0, present: 0, missed: [], excused: 0 };
    days.set(day, d);
    if (!taken.has(header)) continue;
    d.taken++;
    if (toBool(values[header])) d.present++;
    else if (excused.has(header)) d.excused++;
    else d.missed.push(m[2]);
  }
  return [...days.values()].sort((a, b) => a.day - b.day);
}

/** MIA episodes in an `Attendance Note`: the lines the MIA rule (or a TL) wrote as `… - MIA: missed …`. */
export function miaEpisodes(note: string): number {
  return note.split('\n').filter((line) => /\bMIA: missed\b/.test(line)).length;
}

/** `Complete since …` (the tick), `Complete, on or before …` (Last Updated), or no date. */
function statusText(s: StatusDate, zone: Zone): string {
  const value = s.value || '-';
  if (!s.at) return `${value} (date not recorded)`;
  const at = formatWhen(zone, s.at);
  return s.basis === 'last-tick'
    ? `${value} since ${at} (the tick that finished the progress report)`
    : `${value}, on or before ${at} (row last updated)`;
}

function dayText(d: AttendanceDay): string {
  if (d.taken === 0) return 'no checks taken';
  const full = d.present + d.excused === d.taken && d.missed.length === 0;
  const parts = [`${d.present}/${d.taken} checks present`];
  if (d.missed.length) parts.push(`missed ${d.missed.join(', ')}`);
  if (d.excused) parts.push(`${d.excused} excused`);
  return full && d.excused === 0 ? `Full Day (${parts[0]})` : parts.join('; ');
}

/** The summary's sections, in the order a PM reads them; every value is escaped by the layout. */
export function readinessSections(r: ReadinessSummary, zone: Zone): Section[] {
  const when = (at: Date | null, missing: string): string => (at ? formatWhen(zone, at) : missing);
  const statusRows = r.statuses.map((s) => [s.status, statusText(s, zone)] as const);
  const coaching: Block = r.coaching.length
    ? list(
        r.coaching.map((c): Inline[] => [
          `${c.date ? formatMdy(zone.ymd(c.date)) : c.dateText || 'undated'} - ${c.level || 'no level'}`,
          [c.policy, c.details].filter(Boolean).length
            ? ` - ${[c.policy, c.details].filter(Boolean).join(': ')}`
            : '',
          c.documentedBy ? ` (by ${c.documentedBy})` : '',
        ]),
      )
    : list(['No Coaching Log rows for this agent.']);
  return [
    section('ESP statuses and since when', [facts(statusRows)], 'ok'),
    section('Completion evidence', [
      facts([
        [r.proofItem, when(r.proofTickedAt, 'not ticked, or tick time not recorded')],
        [
          'Completion form',
          `${r.completion || 'blank'} - ${when(r.formSubmittedAt, 'submission time not recorded')}`,
        ],
      ]),
    ]),
    section(SHEET.attendance, [
      facts([
        ['Attendance code', r.attendanceCode || '-'],
        ['MIA episodes', String(r.miaCount)],
        ...r.attendanceDays.map((d) => [`Day ${d.day}`, dayText(d)] as const),
      ]),
    ]),
    section(`Coaching history (${r.coaching.length})`, [coaching], r.coaching.length ? 'warn' : 'info'),
  ];
}
