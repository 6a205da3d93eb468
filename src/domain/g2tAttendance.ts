/**
 * From a GoTo Training export to a day's attendance (RULES R19): who of the class each attendee is, and
 * what the export says about each agent's day — the Attendance code it proposes, the hands checks that
 * fell while the agent was out of the session, and the `Name - Date - Note` line that records it.
 *
 * Matching never guesses: an attendee is an agent when the export's email is the agent's `cXp Email`,
 * else their `Personal Email`, else when the names are equal once normalised (case, accents, spaces and
 * punctuation ignored). An attendee that fits no agent is listed as unmatched; one that fits two agents
 * is listed as ambiguous; neither is applied to anybody.
 *
 * The day's code, from the team's attendance codes (SPEC "Domain facts"), on the working clock (breaks
 * and lunch are not owed, so being out during them costs nothing):
 * - missing more than 4 working hours of the day (in total: late, gaps, early) → `Absent - Unapproved`
 *   (never `Absent - HR Approved`: only HR approves, and a TL records that by hand);
 * - else joining more than 5 minutes after Day Start → `Tardy < 1 hr`, or `Tardy > 1 hr` from 60 minutes;
 * - else leaving more than 5 minutes before Day End → `Leave Early`;
 * - else `Full Day`.
 * Five minutes of grace, because the session's clock and a TL's are not to the minute. Before Day End,
 * `Leave Early` and `Full Day` cannot be known yet: only a tardy or an absence is proposed.
 * A hands check is missed when the agent was out of the session from 5 minutes before to 5 minutes after
 * it (an agent who steps out for the break a minute early still raised their hand).
 * Codes set by other rules or by HR are never replaced: `MIA` and `Unresponsive/Missing During Class`
 * (the MIA rule and its "returned", RULES R11), `NCNS`, `Absent - HR Approved`, `No Longer Employed`.
 */
import type { ATTENDANCE_CODES, AttendanceCheckHeader } from './contract';
import type { ExportSession } from './g2tExport';
import { formatMdy } from './timeZone';
import type { WorkingClock } from './workingClock';

export type AttendanceCode = (typeof ATTENDANCE_CODES)[number];

export const GRACE_MINUTES = 5;
export const ABSENT_AFTER_MINUTES = 240;
export const LONG_TARDY_MINUTES = 60;
/** Codes an import never replaces. */
export const KEPT_CODES: readonly AttendanceCode[] = [
  'MIA',
  'Unresponsive/Missing During Class',
  'NCNS',
  'Absent - HR Approved',
  'No Longer Employed',
];

export interface RosterAgent {
  oid: string;
  name: string;
  cxpEmail: string;
  personalEmail: string;
}

/** One person in the export: their rows grouped by email (else by normalised name). */
export interface Attendee {
  name: string;
  email: string;
  sessions: ExportSession[];
}

export interface Matching {
  /** By agent OID (lower case): how they were found and their attendee entries. */
  matched: Map<string, { how: 'email' | 'name'; attendees: Attendee[] }>;
  unmatched: Attendee[];
  ambiguous: { attendee: Attendee; agents: string[] }[];
}

/** `José  O'Neil-Smith` → `jose o neil smith`. */
export function normalName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function group(sessions: readonly ExportSession[]): Attendee[] {
  const byKey = new Map<string, Attendee>();
  for (const s of sessions) {
    const key = s.email ? `email:${s.email}` : `name:${normalName(s.name)}`;
    const found = byKey.get(key);
    if (found) {
      found.sessions.push(s);
      if (!found.name) found.name = s.name;
    } else byKey.set(key, { name: s.name, email: s.email, sessions: [s] });
  }
  return [...byKey.values()];
}

export function matchAttendees(sessions: readonly ExportSession[], agents: readonly RosterAgent[]): Matching {
  const matching: Matching = { matched: new Map(), unmatched: [], ambiguous: [] };
  const low = (s: string) => s.trim().toLowerCase();
  for (const attendee of group(sessions)) {
    let found: RosterAgent[] = [];
    let how: 'email' | 'name' = 'email';
    if (attendee.email) {
      found = agents.filter((a) => low(a.cxpEmail) === attendee.email);
      if (!found.length) found = agents.filter((a) => low(a.personalEmail) === attendee.email);
    }
    if (!found.length && normalName(attendee.name)) {
      how = 'name';
      found = agents.filter((a) => normalName(a.name) === normalName(attendee.name));
    }
    if (found.length > 1) {
      matching.ambiguous.push({ attendee, agents: found.map((a) => `${a.name} (${a.oid})`) });
      continue;
    }
    if (!found.length) {
      matching.unmatched.push(attendee);
      continue;
    }
    const key = low(found[0].oid);
    const entry = matching.matched.get(key);
    if (entry) {
      entry.attendees.push(attendee);
      if (how === 'name') entry.how = 'name';
    } else matching.matched.set(key, { how, attendees: [attendee] });
  }
  return matching;
}

interface Span {
  from: number;
  to: number;
}

export interface DayFacts {
  /** Working minutes between Day Start and the first join (all day when never joined). */
  lateMinutes: number;
  /** Working minutes between the last leave and Day End (0 before Day End). */
  earlyMinutes: number;
  /** Working minutes of the day (up to now) not in the session. */
  missedMinutes: number;
  /** The day's hands checks that have passed, with whether the agent was in the session. */
  checks: { header: AttendanceCheckHeader; present: boolean }[];
  /** The periods in the session within the day, merged, as local `h:mm AM` texts. */
  periods: { joined: string; left: string }[];
  dayOver: boolean;
}

const MINUTE = 60_000;

function clockText(clock: WorkingClock, ms: number): string {
  const { hour, minute } = clock.zone.toLocal(new Date(ms));
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** What the sessions say about Day `day` up to `now`. */
export function dayFacts(
  clock: WorkingClock,
  day: number,
  sessions: readonly ExportSession[],
  now: Date,
): DayFacts {
  const start = clock.dayStartOf(day).getTime();
  const dayEnd = clock.dayEndOf(day).getTime();
  const end = Math.min(dayEnd, now.getTime());
  const spans: Span[] = sessions
    .map((s) => ({ from: Math.max(start, s.join.getTime()), to: Math.min(end, (s.leave ?? now).getTime()) }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  const worked = (a: number, b: number) =>
    b > a ? clock.workingMinutesBetween(new Date(a), new Date(b)) : 0;
  let missed = 0;
  let cursor = start;
  for (const s of merged) {
    missed += worked(cursor, s.from);
    cursor = s.to;
  }
  missed += worked(cursor, end);
  const dayOver = now.getTime() >= dayEnd;
  const grace = GRACE_MINUTES * MINUTE;
  const checks = clock
    .handsChecks(day)
    .filter((c) => c.at.getTime() <= now.getTime())
    .map((c) => ({
      header: c.header,
      present: merged.some((s) => s.from <= c.at.getTime() + grace && s.to >= c.at.getTime() - grace),
    }));
  return {
    lateMinutes: merged.length ? worked(start, merged[0].from) : worked(start, end),
    earlyMinutes: merged.length && dayOver ? worked(merged[merged.length - 1].to, dayEnd) : 0,
    missedMinutes: missed,
    checks,
    periods: merged.map((s) => ({ joined: clockText(clock, s.from), left: clockText(clock, s.to) })),
    dayOver,
  };
}

/** The code the facts call for ('' while the day is not over and nothing is known yet). */
export function proposedCode(facts: DayFacts): AttendanceCode | '' {
  if (facts.missedMinutes > ABSENT_AFTER_MINUTES) return 'Absent - Unapproved';
  if (facts.lateMinutes >= LONG_TARDY_MINUTES) return 'Tardy > 1 hr';
  if (facts.lateMinutes > GRACE_MINUTES) return 'Tardy < 1 hr';
  if (!facts.dayOver) return '';
  if (facts.earlyMinutes > GRACE_MINUTES) return 'Leave Early';
  return 'Full Day';
}

/** A spaced dash would split a `Name - Date - Note` line (RULES R8). */
const noteSafe = (text: string) =>
  text
    .replace(/\s+[-–—]\s+/g, ': ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The note of the day, without the name and date (`G2T: Tardy < 1 hr; in 8:25 AM to 4:30 PM; missed D1
 * Before Break 1`), or '' for a plain full day. At most 6 periods are listed.
 */
export function dayNote(code: AttendanceCode | '', facts: DayFacts): string {
  const missed = facts.checks.filter((c) => !c.present).map((c) => c.header);
  if ((code === 'Full Day' || code === '') && !missed.length) return '';
  const parts = [`G2T: ${code ? noteSafe(code) : 'in session so far'}`];
  const shown = facts.periods.slice(0, 6).map((p) => `${p.joined} to ${p.left}`);
  if (facts.periods.length > 6) shown.push(`and ${facts.periods.length - 6} more`);
  parts.push(shown.length ? `in ${shown.join(', ')}` : 'not in the session');
  if (missed.length) parts.push(`missed ${missed.join(', ')}`);
  return parts.join('; ');
}

/** `Jo Lead - 12/3/2026 - G2T: …` (RULES R8). */
export function dayNoteLine(byName: string, ymd: string, note: string): string {
  return `${noteSafe(byName) || 'ESP Licensing'} - ${formatMdy(ymd)} - ${note}`;
}

/** The note already holds this day's line (by anyone): re-importing adds nothing (RULES R19). */
export function hasDayNote(noteText: string, ymd: string, note: string): boolean {
  const tail = ` - ${formatMdy(ymd)} - ${note}`;
  return noteText.split(/\r\n|\r|\n/).some((line) => line.trim().endsWith(tail));
}
