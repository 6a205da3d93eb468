/**
 * Fake `Utilities`: Java SimpleDateFormat-compatible `formatDate` in any IANA zone (via Intl),
 * `parseDate`, a deterministic `getUuid`, base64, blobs, `formatString`, `parseCsv`, and a `sleep` that
 * advances the FakeClock instead of waiting. Also exports the time-zone helpers and the enum helper the
 * other fakes share.
 */
import type { FakeClock } from './clock';
import type { Meter } from './meter';

// ---------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------

/**
 * An Apps Script enum at runtime: `{ NAME: 'NAME' }`. Real enum values print as their name, compare
 * with `===`, and survive the vm realm boundary the same way strings do.
 */
export function gasEnum<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;
}

/** True for a Date from any realm (the bundle runs in a vm context; never use instanceof). */
export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export interface ZonedFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  /** Local time minus UTC, in minutes (Denver in winter: -420). */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const FIXED_ZONE = /^(?:GMT|UTC|Z)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/** Intl formatter for an IANA zone, or null when the zone is a fixed offset / unknown (→ GMT, like Java). */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f !== undefined) return f;
  try {
    f = FIXED_ZONE.test(timeZone)
      ? null
      : new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
  } catch {
    f = null; // Java's TimeZone.getTimeZone falls back to GMT for ids it does not know
  }
  // Java zone ids are case-sensitive ("america/denver" is unknown there: GMT); Intl accepts any case.
  if (
    f &&
    f.resolvedOptions().timeZone !== timeZone &&
    f.resolvedOptions().timeZone.toLowerCase() === timeZone.toLowerCase()
  ) {
    f = null;
  }
  formatters.set(timeZone, f);
  return f;
}

function fixedOffsetMinutes(timeZone: string): number {
  const m = FIXED_ZONE.exec(timeZone);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Offset (local − UTC, minutes) of `timeZone` at instant `ms`. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  return zonedFields(ms, timeZone).offsetMinutes;
}

/** Wall-clock fields of instant `ms` in `timeZone`. */
export function zonedFields(ms: number, timeZone: string): ZonedFields {
  const f = zoneFormatter(timeZone);
  const millis = ((ms % 1000) + 1000) % 1000;
  const wholeSeconds = ms - millis;
  let local: number;
  if (f) {
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(new Date(wholeSeconds))) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    local = Date.UTC(p.year, p.month - 1, p.day, p.hour === 24 ? 0 : p.hour, p.minute, p.second);
  } else {
    local = wholeSeconds + fixedOffsetMinutes(timeZone) * 60_000;
  }
  const d = new Date(local);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: millis,
    weekday: d.getUTCDay(),
    offsetMinutes: Math.round((local - wholeSeconds) / 60_000),
  };
}

/** The instant at which `timeZone`'s wall clock reads the given fields (month 1-12). */
export function zonedToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const off1 = zoneOffsetMinutes(asUtc, timeZone);
  let t = asUtc - off1 * 60_000;
  const off2 = zoneOffsetMinutes(t, timeZone);
  if (off2 !== off1) t = asUtc - off2 * 60_000;
  return new Date(t);
}

/** `yyyy-MM-dd` of instant `ms` in `timeZone`. */
export function zonedDateKey(ms: number, timeZone: string): string {
  const f = zonedFields(ms, timeZone);
  return `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// SimpleDateFormat
// ---------------------------------------------------------------------------------------------------

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { literal: string } | { letter: string; count: number };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      for (;;) {
        if (i >= pattern.length) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += pattern[i++];
      }
      tokens.push({ literal: text });
    } else if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (pattern[i + count] === c) count++;
      tokens.push({ letter: c, count });
      i += count;
    } else {
      tokens.push({ literal: c });
      i++;
    }
  }
  return tokens;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offsetString(minutes: number, withColon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return `${sign}${hh}`;
  return `${sign}${hh}${withColon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function zoneName(ms: number, timeZone: string, long: boolean, offsetMinutes: number): string {
  if (zoneFormatter(timeZone)) {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: long ? 'long' : 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName');
    if (part) return part.value;
  }
  return offsetMinutes === 0 ? 'GMT' : `GMT${offsetString(offsetMinutes, true)}`;
}

function dayOfYear(f: ZonedFields): number {
  return Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
}

/** US week fields (weeks start Sunday; week 1 holds January 1). */
function usWeek(f: ZonedFields): { weekYear: number; week: number } {
  const saturday = new Date(Date.UTC(f.year, f.month - 1, f.day + (6 - f.weekday)));
  if (saturday.getUTCFullYear() > f.year) return { weekYear: f.year + 1, week: 1 };
  const jan1Weekday = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  return { weekYear: f.year, week: Math.floor((dayOfYear(f) - 1 + jan1Weekday) / 7) + 1 };
}

/** Java SimpleDateFormat (en-US) of instant `ms` in `timeZone`. */
export function formatSimpleDate(ms: number, timeZone: string, pattern: string): string {
  const f = zonedFields(ms, timeZone);
  let out = '';
  for (const t of tokenize(pattern)) {
    if ('literal' in t) {
      out += t.literal;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += 'AD';
        break;
      case 'y':
        out += n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        break;
      case 'Y': {
        const wy = usWeek(f).weekYear;
        out += n === 2 ? pad(wy % 100, 2) : pad(wy, n);
        break;
      }
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[f.month - 1] : n === 3 ? MONTHS[f.month - 1].slice(0, 3) : pad(f.month, n);
        break;
      case 'w':
        out += pad(usWeek(f).week, n);
        break;
      case 'W': {
        const firstWeekday = new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay();
        out += pad(Math.floor((f.day - 1 + firstWeekday) / 7) + 1, n);
        break;
      }
      case 'D':
        out += pad(dayOfYear(f), n);
        break;
      case 'd':
        out += pad(f.day, n);
        break;
      case 'F':
        out += pad(Math.floor((f.day - 1) / 7) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(f.weekday === 0 ? 7 : f.weekday, n);
        break;
      case 'a':
        out += f.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.hour, n);
        break;
      case 'k':
        out += pad(f.hour === 0 ? 24 : f.hour, n);
        break;
      case 'K':
        out += pad(f.hour % 12, n);
        break;
      case 'h':
        out += pad(f.hour % 12 || 12, n);
        break;
      case 'm':
        out += pad(f.minute, n);
        break;
      case 's':
        out += pad(f.second, n);
        break;
      case 'S':
        out += pad(f.ms, n);
        break;
      case 'z':
        out += zoneName(ms, timeZone, n >= 4, f.offsetMinutes);
        break;
      case 'Z':
        out += offsetString(f.offsetMinutes, false);
        break;
      case 'X':
        if (n > 3) throw new Error(`invalid ISO 8601 format: length=${n}`);
        out += f.offsetMinutes === 0 ? 'Z' : offsetString(f.offsetMinutes, n === 3, n === 1);
        break;
      default:
        throw new Error(`Illegal pattern character '${t.letter}'`);
    }
  }
  return out;
}

/** Java SimpleDateFormat parsing (numeric fields, month/day names, a, Z/X offsets, literals). */
export function parseSimpleDate(text: string, timeZone: string, pattern: string): Date {
  const tokens = tokenize(pattern);
  const groups: string[] = [];
  let re = '^';
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const t of tokens) {
    if ('literal' in t) {
      re += esc(t.literal);
      continue;
    }
    const { letter, count } = t;
    groups.push(letter);
    if ((letter === 'M' || letter === 'L') && count >= 3) re += '([A-Za-z]+)';
    else if (letter === 'E') re += '([A-Za-z]+)';
    else if (letter === 'a') re += '(AM|PM|am|pm)';
    else if (letter === 'Z' || letter === 'X') re += '(Z|[+-]\\d{2}(?::?\\d{2})?)';
    else if (letter === 'z') re += '([A-Za-z]+(?:[+-]\\d{1,2}(?::?\\d{2})?)?)';
    else if (letter === 'y' && count !== 2) re += '(\\d{1,4})';
    else re += count === 1 ? '(\\d{1,3})' : `(\\d{${count}})`;
  }
  const m = new RegExp(`${re}`).exec(text.trim());
  if (!m) throw new Error(`Unparseable date: "${text}"`);
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;
  groups.forEach((letter, i) => {
    const v = m[i + 1];
    const num = Number(v);
    switch (letter) {
      case 'y':
      case 'Y':
        year = v.length === 2 ? 2000 + num : num;
        break;
      case 'M':
      case 'L':
        if (/^\d+$/.test(v)) month = num;
        else {
          const idx = MONTHS.findIndex((name) => name.toLowerCase().startsWith(v.toLowerCase().slice(0, 3)));
          if (idx < 0) throw new Error(`Unparseable date: "${text}"`);
          month = idx + 1;
        }
        break;
      case 'd':
        day = num;
        break;
      case 'H':
      case 'k':
        hour = num % 24;
        break;
      case 'h':
      case 'K':
        hour = num % 12;
        break;
      case 'm':
        minute = num;
        break;
      case 's':
        second = num;
        break;
      case 'S':
        millis = num;
        break;
      case 'a':
        pm = v.toUpperCase() === 'PM';
        break;
      case 'Z':
      case 'X':
        offset = v === 'Z' ? 0 : fixedOffsetMinutes(v);
        break;
      default:
        break;
    }
  });
  if (pm !== undefined) hour = (hour % 12) + (pm ? 12 : 0);
  if (offset !== undefined) {
    return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000);
  }
  return zonedToUtc(timeZone, year, month, day, hour, minute, second, millis);
}

// ---------------------------------------------------------------------------------------------------
// Blob
// ---------------------------------------------------------------------------------------------------

type Byte = GoogleAppsScript.Byte;

const toSignedBytes = (buf: Buffer): Byte[] => [...buf].map((b) => (b > 127 ? b - 256 : b));
const fromBytes = (bytes: Byte[]): Buffer => Buffer.from(bytes.map((b) => b & 0xff));

const EXTENSION_TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  pdf: 'application/pdf',
  js: 'application/javascript',
  css: 'text/css',
  png: 'image/png',
  jpg: 'image/jpeg',
};

export class FakeBlob implements GoogleAppsScript.Base.Blob {
  private data: Buffer;

  constructor(
    private readonly meter: Meter,
    data: string | Byte[] | Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.data =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.isBuffer(data) ? data : fromBytes(data);
  }

  copyBlob(): FakeBlob {
    this.meter.call('Utilities', 'copyBlob');
    return new FakeBlob(this.meter, Buffer.from(this.data), this.contentType, this.name);
  }

  getAs(contentType: string): FakeBlob {
    this.meter.call('Utilities', 'getAs');
    return new FakeBlob(this.meter, Buffer.from(this.data), contentType, this.name);
  }

  /** @deprecated Apps Script keeps it for old scripts; a plain blob is its only part. */
  getAllBlobs(): FakeBlob[] {
    this.meter.call('Utilities', 'getAllBlobs');
    return [this];
  }

  getBlob(): FakeBlob {
    this.meter.call('Utilities', 'getBlob');
    return this;
  }

  getBytes(): Byte[] {
    this.meter.call('Utilities', 'getBytes');
    return toSignedBytes(this.data);
  }

  getContentType(): string | null {
    this.meter.call('Utilities', 'getContentType');
    return this.contentType;
  }

  getDataAsString(_charset?: string): string {
    this.meter.call('Utilities', 'getDataAsString');
    return this.data.toString('utf8');
  }

  getName(): string | null {
    this.meter.call('Utilities', 'getName');
    return this.name;
  }

  isGoogleType(): boolean {
    this.meter.call('Utilities', 'isGoogleType');
    return false;
  }

  setBytes(data: Byte[]): FakeBlob {
    this.meter.call('Utilities', 'setBytes');
    this.data = fromBytes(data);
    return this;
  }

  setContentType(contentType: string | null): FakeBlob {
    this.meter.call('Utilities', 'setContentType');
    this.contentType = contentType;
    return this;
  }

  setContentTypeFromExtension(): FakeBlob {
    this.meter.call('Utilities', 'setContentTypeFromExtension');
    const ext = (this.name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const type = EXTENSION_TYPES[ext];
    if (!type) throw new Error(`Could not determine the content type from the extension of "${this.name}".`);
    this.contentType = type;
    return this;
  }

  setDataFromString(string: string, _charset?: string): FakeBlob {
    this.meter.call('Utilities', 'setDataFromString');
    this.data = Buffer.from(string, 'utf8');
    return this;
  }

  setName(name: string): FakeBlob {
    this.meter.call('Utilities', 'setName');
    this.name = name;
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------
// Utilities
// ---------------------------------------------------------------------------------------------------

export interface FakeUtilitiesOptions {
  meter: Meter;
  clock: FakeClock;
}

const MAX_SLEEP_MS = 300_000;

function typeName(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (isDateLike(v)) return 'Date';
  if (Array.isArray(v)) return 'number[]';
  const t = typeof v;
  return t === 'string' ? 'String' : t === 'number' ? 'number' : t === 'boolean' ? 'Boolean' : 'Object';
}

export class FakeUtilities implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'formatDate'
  | 'parseDate'
  | 'sleep'
  | 'getUuid'
  | 'base64Encode'
  | 'base64Decode'
  | 'newBlob'
  | 'formatString'
  | 'parseCsv'
> {
  readonly Charset = gasEnum<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']);
  private readonly meter: Meter;
  private readonly clock: FakeClock;
  private uuidSeq = 0;

  constructor(options: FakeUtilitiesOptions) {
    this.meter = options.meter;
    this.clock = options.clock;
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.meter.call('Utilities', 'formatDate');
    if (!isDateLike(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw new Error(
        `The parameters (${typeName(date)},${typeName(timeZone)},${typeName(format)}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
    return formatSimpleDate(ms, timeZone, format);
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    this.meter.call('Utilities', 'parseDate');
    return parseSimpleDate(String(date), timeZone, format);
  }

  /** Advances the FakeClock by `milliseconds` instead of blocking. */
  sleep(milliseconds: number): void {
    this.meter.call('Utilities', 'sleep');
    if (!(milliseconds >= 0) || milliseconds > MAX_SLEEP_MS)
      throw new Error('Invalid argument: milliseconds');
    this.clock.set(new Date(this.clock.nowMs() + milliseconds));
  }

  /** Deterministic, well-formed v4-style UUIDs: …-000000000001, …-000000000002, … */
  getUuid(): string {
    this.meter.call('Utilities', 'getUuid');
    this.uuidSeq++;
    return `00000000-0000-4000-8000-${this.uuidSeq.toString(16).padStart(12, '0')}`;
  }

  base64Encode(data: string | Byte[], _charset?: GoogleAppsScript.Utilities.Charset): string {
    this.meter.call('Utilities', 'base64Encode');
    return (typeof data === 'string' ? Buffer.from(data, 'utf8') : fromBytes(data)).toString('base64');
  }

  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): Byte[] {
    this.meter.call('Utilities', 'base64Decode');
    return toSignedBytes(Buffer.from(encoded, 'base64'));
  }

  newBlob(data: string | Byte[], contentType?: string, name?: string): FakeBlob {
    this.meter.call('Utilities', 'newBlob');
    return new FakeBlob(this.meter, data, contentType ?? null, name ?? null);
  }

  /** sprintf-style: %s %d %i %f (with flags, width, precision) %x %o %e %%. */
  formatString(template: string, ...args: unknown[]): string {
    this.meter.call('Utilities', 'formatString');
    let next = 0;
    return String(template).replace(
      /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifxXoeE%])/g,
      (_m, flags: string, width?: string, precision?: string, conv?: string) => {
        if (conv === '%') return '%';
        const arg = args[next++];
        let s: string;
        const num = Number(arg);
        switch (conv) {
          case 'd':
          case 'i':
            s = String(Math.trunc(num));
            break;
          case 'f':
            s = num.toFixed(precision === undefined ? 6 : Number(precision));
            break;
          case 'e':
          case 'E':
            s = num.toExponential(precision === undefined ? 6 : Number(precision));
            if (conv === 'E') s = s.toUpperCase();
            break;
          case 'x':
            s = Math.trunc(num).toString(16);
            break;
          case 'X':
            s = Math.trunc(num).toString(16).toUpperCase();
            break;
          case 'o':
            s = Math.trunc(num).toString(8);
            break;
          default:
            s = String(arg);
            if (precision !== undefined) s = s.slice(0, Number(precision));
        }
        if (conv !== 's' && flags.includes('+') && num >= 0) s = `+${s}`;
        const w = Number(width ?? 0);
        if (s.length < w) {
          if (flags.includes('-')) s = s.padEnd(w);
          else if (flags.includes('0') && conv !== 's') {
            const sign = /^[+-]/.test(s) ? s[0] : '';
            s = sign + s.slice(sign.length).padStart(w - sign.length, '0');
          } else s = s.padStart(w);
        }
        return s;
      },
    );
  }

  parseCsv(csv: string, delimiter = ','): string[][] {
    this.meter.call('Utilities', 'parseCsv');
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    let i = 0;
    while (i < csv.length) {
      const c = csv[i];
      if (quoted) {
        if (c === '"' && csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (c === '"') quoted = false;
        else field += c;
        i++;
        continue;
      }
      if (c === '"') quoted = true;
      else if (c === delimiter) {
        row.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && csv[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += c;
      i++;
    }
    if (field !== '' || row.length > 0) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
}
