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
    zone = zoneFromFormatter(timeZone, (instant) =>
      Utilities.formatDate(instant, timeZone, 'yyyy-MM-dd HH:mm Z'),
    );
    cache.set(timeZone, zone);
  }
  return zone;
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
