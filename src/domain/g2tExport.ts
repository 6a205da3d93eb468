/**
 * Reading a GoTo Training attendance export (RULES R19). The report lists, per attendee, each time they
 * joined and left the session (an attendee who dropped and rejoined has several rows). Exports differ by
 * version and by who saved them (Excel re-saves, other locales), so columns are found by header text,
 * case-, space- and punctuation-insensitive, among known variants:
 *
 * - name: `Name`, `Attendee Name`, `Full Name`, `Participant` … or `First Name` + `Last Name`;
 * - email: `Email`, `Email Address`, `Attendee Email` …;
 * - join / leave: `Join Time`, `Joined`, `Join Date/Time` … / `Leave Time`, `Left`, `Leave Date/Time` …;
 * - optional: `Time in Session` / `Duration` (used only when a leave time is blank), `Time Zone`, `Date`
 *   (when the join and leave cells carry a time only).
 *
 * Lines above the header row (a report title, `Training Name`, `Time Zone`, `Date` …) are read as
 * key/value pairs. Times are read in, in order: an offset or zone written in the cell (`Z`, `-05:00`,
 * `EST`, `GMT-5`), the zone named in the column header (`Join Time (GMT-05:00)`), a `Time Zone` column or
 * line, else the cohort's zone. A zone label such as `(GMT-05:00) Eastern Time (US & Canada)` is read as
 * the region (America/New_York, daylight time included), since such labels always show the standard offset.
 */
import { type Zone, ymdOf } from './timeZone';

export class ExportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFormatError';
  }
}

/** One join-to-leave period of one attendee, as the export lists it. */
export interface ExportSession {
  /** 1-based line of the file (for messages). */
  line: number;
  name: string;
  email: string;
  join: Date;
  /** Null when the attendee had not left when the report was made (still in session). */
  leave: Date | null;
}

export interface ParsedExport {
  sessions: ExportSession[];
  /** Rows that could not be read, each naming the line, the header and the value. */
  problems: string[];
  /** The zone the times were read in, as a TL would recognise it. */
  zoneLabel: string;
}

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');
const strip = (h: string) => h.replace(/\([^)]*\)/g, ' ').trim();

const NAMES = [
  'name',
  'attendeename',
  'attendee',
  'fullname',
  'participantname',
  'participant',
  'displayname',
];
const FIRST = ['firstname', 'first', 'givenname'];
const LAST = ['lastname', 'last', 'surname', 'familyname'];
const EMAILS = [
  'email',
  'emailaddress',
  'attendeeemail',
  'attendeeemailaddress',
  'useremail',
  'participantemail',
  'mail',
];
const JOINS = [
  'jointime',
  'joined',
  'joindatetime',
  'joindate',
  'timejoined',
  'joinedat',
  'join',
  'firstjointime',
  'joinedtime',
];
const LEAVES = [
  'leavetime',
  'left',
  'leavedatetime',
  'leavedate',
  'timeleft',
  'leftat',
  'leave',
  'lastleavetime',
  'lefttime',
];
const DURATIONS = [
  'timeinsession',
  'insession',
  'duration',
  'attendanceduration',
  'attendancetime',
  'timeattended',
  'inattendance',
];
const ZONES = ['timezone', 'tz', 'zone'];
const DATES = ['date', 'sessiondate', 'trainingdate', 'meetingdate'];

/** Fixed offsets of the zone abbreviations US exports use (minutes east of UTC). */
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
};
/** Region names in Windows-style labels, read as the region (its daylight time included). */
const REGIONS: readonly [RegExp, string][] = [
  [/eastern/i, 'America/New_York'],
  [/central time/i, 'America/Chicago'],
  [/arizona/i, 'America/Phoenix'],
  [/mountain/i, 'America/Denver'],
  [/pacific/i, 'America/Los_Angeles'],
  [/alaska/i, 'America/Anchorage'],
  [/hawaii/i, 'Pacific/Honolulu'],
];

type ZoneReading =
  { kind: 'offset'; minutes: number; label: string } | { kind: 'zone'; zone: Zone; label: string };

/**
 * A zone as an export writes it, or null when the text names none. `zoneOf` turns an IANA id into a Zone
 * (null when it is not one).
 */
export function readZone(text: string, zoneOf: (id: string) => Zone | null): ZoneReading | null {
  const t = text.trim().replace(/^\(|\)$/g, '');
  if (!t) return null;
  for (const [pattern, id] of REGIONS) {
    if (pattern.test(t)) {
      const zone = zoneOf(id);
      if (zone) return { kind: 'zone', zone, label: id };
    }
  }
  const off =
    /^(?:gmt|utc)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(t) ??
    /^\(?(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\)?/i.exec(t);
  if (off) {
    const minutes = (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3] ?? 0));
    return { kind: 'offset', minutes, label: `GMT${off[1]}${off[2].padStart(2, '0')}:${off[3] ?? '00'}` };
  }
  const abbr = ABBREVIATIONS[t.toLowerCase()];
  if (abbr !== undefined) return { kind: 'offset', minutes: abbr, label: t.toUpperCase() };
  if (/^[A-Za-z_]+\/[A-Za-z_/+-]+$/.test(t)) {
    const zone = zoneOf(t);
    if (zone) return { kind: 'zone', zone, label: t };
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface DateTimeText {
  ymd: string | null;
  /** Seconds since local midnight. */
  seconds: number;
  zone: string;
}

/** `12/3/2026 8:05:13 AM EST`, `2026-12-03T15:05:13Z`, `Dec 3, 2026 08:05`, `8:05 AM` … or null. */
export function readDateTimeText(raw: string): DateTimeText | null {
  let t = raw.trim().replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  let zone = '';
  const z =
    /\s*(Z|[+-]\d{2}:?\d{2}|\((?:[^)]*)\)|(?:GMT|UTC)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{1,4}T)$/.exec(t);
  if (z) {
    zone = z[1];
    t = t.slice(0, z.index).trim();
  }
  let ymd: string | null = null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?=$|[\sT,])/.exec(t);
  if (m) ymd = ymdOf(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[1]), Number(m[2]));
  if (!m) {
    m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?=$|[\sT,])/.exec(t);
    if (m) ymd = ymdOf(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (!m) {
    m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?=$|[\s,])/.exec(t);
    const month = m ? MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1 : 0;
    if (m) ymd = month ? ymdOf(Number(m[3]), month, Number(m[2])) : null;
  }
  if (m && ymd === null) return null;
  const rest = (m ? t.slice(m[0].length) : t).replace(/^[\sT,]+|^at\s+/gi, '').trim();
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp])?\.?\s*[Mm]?\.?$/.exec(rest);
  if (!time) return null;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = Number(time[3] ?? 0);
  if (minute > 59 || second > 59) return null;
  if (time[4]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (time[4].toLowerCase() === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return { ymd, seconds: hour * 3600 + minute * 60 + second, zone };
}

/** `1:23:45`, `1 hr 23 min`, `83 minutes`, `83` (minutes) → minutes, or null. */
export function readDuration(raw: string): number | null {
  const t = raw.trim().toLowerCase();
  if (!t) return null;
  let m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m)
    return m[3] === undefined
      ? Number(m[1]) * 60 + Number(m[2])
      : Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) / 60;
  m = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?)?$/.exec(t);
  if (m) return Number(m[1]);
  const h = /(\d+(?:\.\d+)?)\s*h/.exec(t);
  const mi = /(\d+)\s*m(?!s)/.exec(t);
  const s = /(\d+)\s*s/.exec(t);
  if (!h && !mi && !s) return null;
  return Number(h?.[1] ?? 0) * 60 + Number(mi?.[1] ?? 0) + Number(s?.[1] ?? 0) / 60;
}

function instantOf(ymd: string, seconds: number, reading: ZoneReading): Date {
  const hhmm = `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}`;
  if (reading.kind === 'zone')
    return new Date(reading.zone.fromLocal(ymd, hhmm).getTime() + (seconds % 60) * 1000);
  const [y, mo, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d) + seconds * 1000 - reading.minutes * 60_000);
}

function findColumn(headers: readonly string[], names: readonly string[]): number {
  const keys = headers.map((h) => norm(strip(h)));
  for (const name of names) {
    const at = keys.indexOf(name);
    if (at >= 0) return at;
  }
  return -1;
}

/**
 * The sessions of a GoTo Training export. `zone` is the cohort's (times without a zone are read in it).
 * Throws ExportFormatError when no header row names an attendee and a join time.
 */
export function parseAttendanceExport(
  rows: readonly string[][],
  zone: Zone,
  zoneOf: (id: string) => Zone | null,
): ParsedExport {
  let headerAt = -1;
  for (let r = 0; r < Math.min(rows.length, 40) && headerAt < 0; r++) {
    const hasName =
      findColumn(rows[r], NAMES) >= 0 || (findColumn(rows[r], FIRST) >= 0 && findColumn(rows[r], LAST) >= 0);
    if (hasName && findColumn(rows[r], JOINS) >= 0) headerAt = r;
  }
  if (headerAt < 0) {
    throw new ExportFormatError(
      'This file is not a GoTo Training attendance export: no line has an attendee name column ("Name", ' +
        '"Attendee Name", or "First Name" and "Last Name") and a "Join Time" column. Export the attendance ' +
        'report from GoTo Training as CSV and pick that file.',
    );
  }
  // Lines above the table: `Key,Value` pairs (a time zone, a date).
  let fileZone: ZoneReading | null = null;
  let fileDate: string | null = null;
  const problems: string[] = [];
  for (const line of rows.slice(0, headerAt)) {
    const cells = line.map((c) => c.trim()).filter(Boolean);
    if (cells.length < 2) continue;
    const key = norm(strip(cells[0]));
    if (ZONES.includes(key)) {
      fileZone = readZone(cells[1], zoneOf);
      if (!fileZone)
        problems.push(
          `"${cells[0]}": "${cells[1]}" is not a time zone I can read; times are read in ${zone.id}.`,
        );
    }
    if (DATES.includes(key)) fileDate = readDateTimeText(`${cells[1]} 00:00`)?.ymd ?? null;
  }
  const headers = rows[headerAt];
  const col = {
    name: findColumn(headers, NAMES),
    first: findColumn(headers, FIRST),
    last: findColumn(headers, LAST),
    email: findColumn(headers, EMAILS),
    join: findColumn(headers, JOINS),
    leave: findColumn(headers, LEAVES),
    duration: findColumn(headers, DURATIONS),
    zone: findColumn(headers, ZONES),
    date: findColumn(headers, DATES),
  };
  const headerZone = (c: number) => {
    const paren = /\(([^)]*)\)/.exec(headers[c] ?? '');
    return paren ? readZone(paren[1], zoneOf) : null;
  };
  const joinZone = headerZone(col.join);
  const leaveZone = col.leave >= 0 ? headerZone(col.leave) : null;
  const cohortReading: ZoneReading = { kind: 'zone', zone, label: zone.id };
  const used = new Set<string>();
  const sessions: ExportSession[] = [];
  const cell = (row: readonly string[], c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    const line = r + 1;
    if (row.every((c) => c.trim() === '')) continue;
    const name = (col.name >= 0 ? cell(row, col.name) : `${cell(row, col.first)} ${cell(row, col.last)}`)
      .replace(/\s+/g, ' ')
      .trim();
    const email = cell(row, col.email).toLowerCase();
    const joinText = cell(row, col.join);
    if (!name && !email) {
      if (joinText) problems.push(`Line ${line}: no attendee name or email; the line is left out.`);
      continue;
    }
    const rowZoneText = cell(row, col.zone);
    const rowZone = rowZoneText ? readZone(rowZoneText, zoneOf) : null;
    if (rowZoneText && !rowZone) {
      problems.push(
        `Line ${line}, "${headers[col.zone]}": "${rowZoneText}" is not a time zone I can read; the line is left out.`,
      );
      continue;
    }
    const rowDate = col.date >= 0 ? (readDateTimeText(`${cell(row, col.date)} 00:00`)?.ymd ?? null) : null;
    const read = (text: string, header: string, fromHeader: ZoneReading | null): Date | null | 'bad' => {
      if (!text) return null;
      const dt = readDateTimeText(text);
      const ymd = dt?.ymd ?? rowDate ?? fileDate;
      const inCell = dt?.zone ? readZone(dt.zone, zoneOf) : null;
      if (!dt || !ymd || (dt.zone && !inCell)) {
        problems.push(
          `Line ${line}, "${header}": "${text}" is not a date and time I can read (expected e.g. 12/3/2026 8:05 AM); the line is left out.`,
        );
        return 'bad';
      }
      const reading = inCell ?? fromHeader ?? rowZone ?? fileZone ?? cohortReading;
      used.add(reading.label);
      return instantOf(ymd, dt.seconds, reading);
    };
    const join = read(joinText, headers[col.join], joinZone);
    if (join === 'bad') continue;
    if (join === null) {
      problems.push(`Line ${line}: ${name || email} has no "${headers[col.join]}"; the line is left out.`);
      continue;
    }
    let leave = col.leave >= 0 ? read(cell(row, col.leave), headers[col.leave], leaveZone) : null;
    if (leave === 'bad') continue;
    if (leave === null && col.duration >= 0) {
      const minutes = readDuration(cell(row, col.duration));
      if (minutes !== null) leave = new Date(join.getTime() + minutes * 60_000);
    }
    if (leave && leave.getTime() < join.getTime()) {
      problems.push(`Line ${line}: ${name || email} left before joining; the line is left out.`);
      continue;
    }
    sessions.push({ line, name, email, join, leave });
  }
  return { sessions, problems, zoneLabel: used.size ? [...used].join(', ') : zone.id };
}
