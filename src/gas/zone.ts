/**
 * The cohort's time zone as a domain `Zone`, backed by Utilities.formatDate (Apps Script's own
 * time-zone database), so "today", "Day 1 08:00" and "not in the future" mean the team's local time.
 */
import { type Zone, zoneFromFormatter } from '../domain/timeZone';
import { ContractError } from './sheetTable';

const cache = new Map<string, Zone>();

export function zoneFor(timeZone: string): Zone {
  let zone = cache.get(timeZone);
  if (!zone) {
    zone = zoneFromFormatter(timeZone, weeklyFormatter(timeZone));
    cache.set(timeZone, zone);
  }
  return zone;
}

const PATTERN = 'yyyy-MM-dd HH:mm Z';
const MINUTE_MS = 60_000;
const WEEK_MS = 7 * 86_400_000;
/** From 2000 on every zone's offset is whole minutes, so `Z` (±hhmm) gives it exactly. */
const MODERN_MS = Date.UTC(2000, 0, 1);

/**
 * `Utilities.formatDate(instant, zone, 'yyyy-MM-dd HH:mm Z')` at a flat cost (RULES R26): the zone's
 * offset is read once per week boundary (weeks counted from 1970-01-01 UTC), and an instant between two
 * boundaries with the same offset is formatted by arithmetic — no zone changes its offset and back
 * within one week. A week with a change (DST) and instants before 2000 (time cells dated 1899, whose
 * local mean time has seconds) are formatted by Utilities, each instant once (the Zone memoises).
 * A working clock over a two-week class costs ~4 Utilities calls instead of ~80.
 */
function weeklyFormatter(timeZone: string): (instant: Date) => string {
  const offsets = new Map<number, number>();
  const viaUtilities = (instant: Date) => Utilities.formatDate(instant, timeZone, PATTERN);
  const offsetAt = (ms: number): number | null => {
    let offset = offsets.get(ms);
    if (offset === undefined) {
      const m = /([+-])(\d{2})(\d{2})$/.exec(viaUtilities(new Date(ms)).trim());
      if (!m) return null;
      offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
      offsets.set(ms, offset);
    }
    return offset;
  };
  return (instant) => {
    const ms = instant.getTime();
    if (!(ms >= MODERN_MS)) return viaUtilities(instant);
    const start = Math.floor(ms / WEEK_MS) * WEEK_MS;
    const offset = offsetAt(start);
    if (offset === null || offsetAt(start + WEEK_MS) !== offset) return viaUtilities(instant);
    return formatAtOffset(ms, offset);
  };
}

/** `yyyy-MM-dd HH:mm ±hhmm` of an instant at a fixed offset (minutes east of UTC). */
function formatAtOffset(ms: number, offset: number): string {
  const local = new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS + offset * MINUTE_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(offset);
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ` +
    `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

/** The spreadsheet's zone: the tracker's File › Settings time zone, else the script's. */
export function spreadsheetZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Zone {
  return zoneFor(ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone());
}

/**
 * The zone of a run whose Settings › Time Zone is not a time zone. There is no fallback (Apps Script's
 * own would be GMT, silently): every use throws a ContractError naming the key and the value, so a run
 * that needs the zone stops with that message and a run that does not (sending queued mail) goes on.
 */
export function unusableZone(key: string, value: string): Zone {
  const fail = (): never => {
    throw new ContractError(
      `Settings "${key}": "${value}" is not a time zone id (use the IANA name, e.g. America/Denver). ` +
        'Nothing that depends on dates or times can run until it is fixed (ESP Licensing › Check settings).',
    );
  };
  return { id: value, toLocal: fail, fromLocal: fail, ymd: fail };
}
