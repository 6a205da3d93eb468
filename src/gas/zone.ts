/**
 * The cohort's time zone as a domain `Zone`, backed by Utilities.formatDate (Apps Script's own
 * time-zone database), so "today", "Day 1 08:00" and "not in the future" mean the team's local time.
 */
import { type Zone, zoneFromFormatter } from '../domain/timeZone';

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
