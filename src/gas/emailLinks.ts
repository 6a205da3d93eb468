/**
 * The links every TL and manager email carries (RULES R13): the tracker's URL and the IDs of the sheets
 * an email points at, read once per run — `Spreadsheet.getUrl()` and one `getSheetId()` per sheet, never
 * per agent. Templates (src/domain/emails.ts) build `<url>#gid=<sheet>&range=A<row>` from these.
 */
import { SHEET } from '../domain/contract';
import type { TrackerLinks } from '../domain/emails';
import { PACE_SHEET } from '../domain/contract';
import type { Spreadsheet } from './sheetTable';

export function trackerLinks(ss: Spreadsheet, reportUrl?: string): TrackerLinks {
  const gid = (name: string): number | undefined => {
    const sheet = ss.getSheetByName(name);
    return sheet ? sheet.getSheetId() : undefined;
  };
  return linksFrom(ss.getUrl(), gid, reportUrl);
}

/** The links from the tracker's URL and a sheet-ID look-up (however the caller knows the IDs). */
export function linksFrom(
  trackerUrl: string,
  gid: (sheetName: string) => number | undefined,
  reportUrl?: string,
): TrackerLinks {
  const links: TrackerLinks = {
    trackerUrl,
    trackerGid: gid(SHEET.tracker),
    statusGid: gid(PACE_SHEET),
    alertLogGid: gid(SHEET.alertLog),
    coachingLogGid: gid(SHEET.coachingLog),
    attendanceGid: gid(SHEET.attendance),
    dashboardGid: gid(SHEET.dashboard),
  };
  if (reportUrl) links.reportUrl = reportUrl;
  return links;
}

/** Links computed on first use only: an edit trigger that queues no alert makes no extra calls. */
export function lazyTrackerLinks(ss: Spreadsheet): () => TrackerLinks {
  let links: TrackerLinks | null = null;
  return () => (links ??= trackerLinks(ss));
}
