/**
 * Time zones and calendar dates without Google or the runtime's local zone. "Day 1 08:00", "today" and
 * "not in the future" must mean the team's wall-clock time, which in Apps Script is only reachable through
 * `Utilities.formatDate`. Domain code therefore talks to a `Zone`, built from any formatter: Apps Script's
 * (src/gas/zone.ts) in production, Node's Intl (`intlZone`) in tests and the local workspace.
 *
 * Calendar dates travel as `YYYY-MM-DD` strings (they sort and compare as text); times of day as `HH:mm`.
 */
import { isDate, toText } from './values';

/** A wall-clock reading in some zone. */
export interface LocalDateTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  /** 0-23. */
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export interface Zone {
  /** IANA id, e.g. `America/Denver`. */
  readonly id: string;
  /** The wall-clock reading of an instant (seconds are dropped). */
  toLocal(instant: Date): LocalDateTime;
  /**
   * The instant at which the wall clock reads `ymd hhmm`. DST-correct: in the spring-forward gap the
   * missing time maps forward (02:30 → 03:30 daylight time); in the fall-back overlap the first occurrence
   * wins.
   */
  fromLocal(ymd: string, hhmm: string): Date;
  /** The local calendar date of an instant, `YYYY-MM-DD`. */
  ymd(instant: Date): string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Calendar-date and time-of-day helpers (pure arithmetic on the proleptic Gregorian calendar, via UTC).

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` for a date's parts, or null when they are not a real calendar date (2/30, 2/29/2025 …). */
export function ymdOf(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger) || year < 1 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC maps years 0-99 to 1900-1999; set the year explicitly.
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The parts of a `YYYY-MM-DD` string, or null when it is not one or not a real date. */
export function parseYmd(ymd: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return ymdOf(year, month, day) === null ? null : { year, month, day };
}

export function isYmd(text: string): boolean {
  return parseYmd(text) !== null;
}

function requireYmd(ymd: string): { year: number; month: number; day: number } {
  const parts = parseYmd(ymd);
  if (!parts) throw new RangeError(`"${ymd}" is not a calendar date in the form YYYY-MM-DD`);
  return parts;
}

/** Midnight UTC of a calendar date: a day counter that ignores zones entirely. */
function utcDay(ymd: string): number {
  const { year, month, day } = requireYmd(ymd);
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getTime();
}

function ymdFromUtc(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The calendar date `n` days after `ymd` (negative n goes back). */
export function addDays(ymd: string, n: number): string {
  return ymdFromUtc(utcDay(ymd) + Math.trunc(n) * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDay(b) - utcDay(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ymd: string): number {
  return new Date(utcDay(ymd)).getUTCDay();
}

/** `1/8/2026` for `2026-01-08`: the US form the team writes in notes and reads in emails. */
export function formatMdy(ymd: string): string {
  const { year, month, day } = requireYmd(ymd);
  return `${month}/${day}/${year}`;
}

/** Minutes since midnight for a strict `H:mm` / `HH:mm` (00:00-23:59), or null. */
export function parseHhmm(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? hour * 60 + minute : null;
}

/** `HH:mm` for minutes since midnight (wraps past midnight). */
export function formatHhmm(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** `h:mm AM/PM` for an `HH:mm`, the form used in emails to agents. */
export function formatTime12h(hhmm: string): string {
  const minutes = parseHhmm(hhmm);
  if (minutes === null) return hhmm;
  const hour = Math.floor(minutes / 60);
  return `${hour % 12 === 0 ? 12 : hour % 12}:${pad2(minutes % 60)} ${hour < 12 ? 'AM' : 'PM'}`;
}

// ---------------------------------------------------------------------------------------------------------
// Lenient readers for what users type or Sheets returns.

/** Result of reading a typed date: the date, or why it is not one. */
export type DateTextResult =
  { ok: true; ymd: string } | { ok: false; reason: 'format' | 'calendar'; text: string };

/**
 * A typed date: `M/D/YYYY`, `M/D/YY` (20YY), `YYYY-MM-DD` (also `YYYY/M/D`) or `M-D-YYYY`. Distinguishes
 * text that is not a date at all (`format`) from a well-formed impossible date such as 2/30/2026
 * (`calendar`), so messages can say which.
 */
export function parseDateText(raw: string): DateTextResult {
  const text = raw.trim();
  let parts: [number, number, number] | null = null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text);
  if (m) parts = [m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[1]), Number(m[2])];
  m = parts ? null : /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  m = parts ? null : /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  if (m) parts = [Number(m[3]), Number(m[1]), Number(m[2])];
  if (!parts) return { ok: false, reason: 'format', text };
  const ymd = ymdOf(...parts);
  return ymd === null ? { ok: false, reason: 'calendar', text } : { ok: true, ymd };
}

/**
 * A date cell as `YYYY-MM-DD`, or null. Sheets returns date cells as Dates at local midnight in the
 * spreadsheet's zone, so the date is read in `zone` (without one, in the runtime's zone, which in Apps
 * Script is the script's); text goes through `parseDateText`.
 */
export function parseDateValue(v: unknown, zone?: Zone): string | null {
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) return null;
    return zone ? zone.ymd(v) : ymdOf(v.getFullYear(), v.getMonth() + 1, v.getDate());
  }
  const result = parseDateText(toText(v));
  return result.ok ? result.ymd : null;
}

/**
 * A time-of-day cell as `HH:mm`, or null. Accepts `8:00`, `08:00`, `16:30`, `8:00 AM`, `4:30pm`, `8 AM`,
 * `noon`, `midnight`, a day fraction (0.5 = 12:00, what a number-formatted time cell holds) and Date
 * cells: Sheets returns time cells as Dates on 1899-12-30 in the spreadsheet's zone, so the wall-clock
 * reading is taken in `zone` (the historical offset of 1899 is whatever the formatter says; reading it
 * through the same zone makes it cancel out).
 */
export function parseTimeOfDay(v: unknown, zone?: Zone): string | null {
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) return null;
    if (zone) {
      const local = zone.toLocal(v);
      return formatHhmm(local.hour * 60 + local.minute);
    }
    return formatHhmm(v.getHours() * 60 + v.getMinutes()); // the runtime's zone: the script's in Apps Script
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0 || v >= 1) return null;
    return formatHhmm(Math.round(v * 1440) % 1440);
  }
  const text = toText(v).toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
  if (text === 'noon' || text === 'midday') return '12:00';
  if (text === 'midnight') return '00:00';
  const m = /^(\d{1,2})(?::(\d{2}))?(?::\d{2})? ?(am|pm|a|p)?$/.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const meridiem = m[3];
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.startsWith('p') ? 12 : 0);
  } else if (m[2] === undefined || hour > 23) {
    return null; // a bare "8" is too ambiguous to guess
  }
  return formatHhmm(hour * 60 + minute);
}

// ---------------------------------------------------------------------------------------------------------
// Zones.

const FORMATTED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) ([+-])(\d{2}):?(\d{2})$/;

interface Reading {
  local: LocalDateTime;
  /** Minutes to add to UTC to get local time (e.g. -420 for -0700). */
  offset: number;
}

/**
 * A Zone from a function that formats an instant as `yyyy-MM-dd HH:mm Z` (e.g. `2026-01-08 08:00 -0700`).
 * In Apps Script that is `Utilities.formatDate(d, tz, 'yyyy-MM-dd HH:mm Z')`. Readings are memoised per
 * minute because a nightly sweep asks for the same few instants (day starts, breaks) many times.
 */
export function zoneFromFormatter(id: string, format: (instant: Date) => string): Zone {
  const memo = new Map<number, Reading>();

  function read(ms: number): Reading {
    const minuteMs = Math.floor(ms / MINUTE_MS) * MINUTE_MS;
    const cached = memo.get(minuteMs);
    if (cached) return cached;
    const text = format(new Date(minuteMs));
    const m = FORMATTED.exec(text.trim());
    if (!m) throw new Error(`Time zone ${id}: cannot read "${text}" (expected yyyy-MM-dd HH:mm Z)`);
    const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
    const ymd = ymdOf(year, month, day);
    if (ymd === null) throw new Error(`Time zone ${id}: "${text}" is not a real date`);
    const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
    const reading: Reading = { local: { year, month, day, hour, minute, weekday: weekdayOf(ymd) }, offset };
    if (memo.size > 10_000) memo.clear();
    memo.set(minuteMs, reading);
    return reading;
  }

  function fromLocal(ymd: string, hhmm: string): Date {
    const minutes = parseHhmm(hhmm);
    if (minutes === null) throw new RangeError(`"${hhmm}" is not a time of day in the form HH:mm`);
    const wall = utcDay(ymd) + minutes * MINUTE_MS; // the wall-clock reading as if the zone were UTC
    // Guess: the offsets in force a day either side bracket any DST change near this wall time.
    const before = read(wall - DAY_MS).offset;
    const after = read(wall + DAY_MS).offset;
    const candidates = [...new Set([before, after])]
      .map((offset) => wall - offset * MINUTE_MS)
      .sort((a, b) => a - b);
    // Re-check: a candidate is right when the zone reads that offset at that instant. The earliest
    // valid candidate wins (first occurrence in a fall-back overlap).
    for (const ms of candidates) {
      const { local } = read(ms);
      if (local.hour * 60 + local.minute === minutes && ymdOf(local.year, local.month, local.day) === ymd) {
        return new Date(ms);
      }
    }
    // Spring-forward gap: the wall time never happens; read it with the offset from before the change,
    // which lands the same distance after the change (02:30 → 03:30).
    return new Date(wall - before * MINUTE_MS);
  }

  return {
    id,
    toLocal: (instant) => ({ ...read(instant.getTime()).local }),
    fromLocal,
    ymd(instant) {
      const { year, month, day } = read(instant.getTime()).local;
      return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
    },
  };
}

/**
 * A Zone on the standard Intl API (IANA ids, e.g. `America/Denver`), for tests and the local workspace.
 * Throws a RangeError for an unknown id.
 */
export function intlZone(id: string): Zone {
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone: id,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return zoneFromFormatter(id, (instant) => {
    const parts: Record<string, string> = {};
    for (const part of dtf.formatToParts(instant)) parts[part.type] = part.value;
    const hour = Number(parts.hour) % 24; // some engines print midnight as 24 even with h23
    const [year, month, day, minute] = [parts.year, parts.month, parts.day, parts.minute].map(Number);
    const wall = Date.UTC(2000, month - 1, day, hour, minute);
    const wallDate = new Date(wall);
    wallDate.setUTCFullYear(year);
    const offset = Math.round(
      (wallDate.getTime() - Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS) / MINUTE_MS,
    );
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return (
      `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)} ${pad2(hour)}:${pad2(minute)} ` +
      `${sign}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`
    );
  });
}

/** Java's custom zone ids (`GMT-7`, `GMT+05:30`), which Utilities.formatDate also understands. */
const CUSTOM_GMT = /^GMT[+-](\d{1,2})(?::?(\d{2}))?$/;

/**
 * Checks that `id` names a time zone Apps Script will honour: an IANA id (e.g. `America/Denver`, `UTC`),
 * checked with the standard Intl API (Apps Script's V8 runtime has it), spelt in the database's own case,
 * or a fixed `GMT±h[:mm]`. Needed because Utilities.formatDate does NOT reject an unknown id: like Java's
 * TimeZone.getTimeZone it silently formats in GMT, so a misspelt `America/Denvr` (or `america/denver`:
 * Java ids are case-sensitive) would shift every date and deadline by hours without a word.
 * Returns null when the id is good, else why not (with the right spelling when only the case is wrong).
 */
export function timeZoneIdProblem(id: string): string | null {
  const text = id.trim();
  const custom = CUSTOM_GMT.exec(text);
  if (custom) {
    return Number(custom[1]) <= 18 && Number(custom[2] ?? 0) <= 59 ? null : 'is not a valid GMT offset';
  }
  const hint = 'is not a time zone id (use the IANA name, e.g. America/Denver, America/New_York or UTC)';
  if (!text || /\s/.test(text)) return hint;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return hint;
  }
  if (resolved !== text && resolved.toLowerCase() === text.toLowerCase()) {
    return `is not spelt as the time zone database spells it: write "${resolved}" (capitals matter)`;
  }
  return null;
}

export function isTimeZoneId(id: string): boolean {
  return timeZoneIdProblem(id) === null;
}
