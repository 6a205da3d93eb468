/**
 * The Dashboard sheet (SPEC): how many agents have done each Schedule item, and each TL's agents by
 * verdict (complete, on track, at risk, behind) and MIA — written in one batched write — with a bar chart
 * of items done that the script builds once and then only updates (never a second copy). Refreshed by
 * the nightly sweep and from the menu.
 */
import { DASHBOARD_TITLE, SHEET, TRACKER } from '../domain/contract';
import { formatMdy } from '../domain/timeZone';
import { cellInput } from '../domain/values';
import { now } from './clock';
import type { Config } from './config';
import { type PaceRow, type VerdictCounts, verdictCounts } from './progressSync';
import { SheetTable, type Spreadsheet } from './sheetTable';

const BY_ITEM_HEADERS = ['Item', 'Due Day', 'Agents done', 'Agents not done'];
const BY_TL_HEADERS = ['TL', 'Agents', 'Complete', 'On track', 'At risk', 'Behind', 'MIA'];
const CHART_TITLE = 'Agents done, by Schedule item';

export interface DashboardCounts {
  byItem: { item: string; dueDay: number; done: number; notDone: number }[];
  byTl: (VerdictCounts & { tl: string; mia: number })[];
}

export function dashboardCounts(
  rows: readonly PaceRow[],
  config: Config,
  miaOids: ReadonlySet<string>,
): DashboardCounts {
  const byItem = config.schedule.map((s) => {
    const done = rows.filter((r) => r.pace.items.some((i) => i.item === s.item && i.done)).length;
    return { item: s.item, dueDay: s.dueDay, done, notDone: rows.length - done };
  });
  const tls = [...new Set(rows.map((r) => r.tlName))].sort();
  const byTl = tls.map((tl) => {
    const mine = rows.filter((r) => r.tlName === tl);
    return { tl, ...verdictCounts(mine), mia: mine.filter((r) => miaOids.has(r.oid.toLowerCase())).length };
  });
  return { byItem, byTl };
}

/** Agents the tracker marks MIA (its Attendance column), by lower-cased OID. */
export function miaOids(ss: Spreadsheet): Set<string> {
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.oid, TRACKER.attendance]);
  return new Set(
    tracker
      .rowIndexes()
      .filter((i) => tracker.text(i, TRACKER.attendance) === 'MIA')
      .map((i) => tracker.text(i, TRACKER.oid).toLowerCase()),
  );
}

export function refreshDashboard(ss: Spreadsheet, config: Config, rows: readonly PaceRow[]): DashboardCounts {
  const counts = dashboardCounts(rows, config, miaOids(ss));
  const sheet = ss.getSheetByName(SHEET.dashboard) ?? ss.insertSheet(SHEET.dashboard);
  const at = now();
  const local = config.zone.toLocal(at);
  // With several classes in the tracker, the dashboard says which one it shows (the last one refreshed).
  const stamp =
    `Updated ${formatMdy(config.zone.ymd(at))} ${local.hour}:${String(local.minute).padStart(2, '0')}` +
    (config.cohort ? ` — ${config.cohort.name}` : '');
  const itemRows = counts.byItem.map((i) => [i.item, i.dueDay, i.done, i.notDone]);
  const tlRows = counts.byTl.map((t) => [t.tl, t.agents, t.complete, t.onTrack, t.atRisk, t.behind, t.mia]);
  const width = Math.max(BY_ITEM_HEADERS.length, BY_TL_HEADERS.length);
  const pad = (r: (string | number)[]) => [...r, ...new Array<string>(width - r.length).fill('')];
  const grid = [
    pad([DASHBOARD_TITLE, stamp]),
    pad([]),
    pad(BY_ITEM_HEADERS),
    ...itemRows.map(pad),
    pad([]),
    pad(BY_TL_HEADERS),
    ...tlRows.map(pad),
  ];
  const last = sheet.getLastRow();
  if (last > grid.length) sheet.getRange(grid.length + 1, 1, last - grid.length, width).clearContent();
  const overflow = grid.length - sheet.getMaxRows();
  if (overflow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), overflow);
  // TL names and item names are user text, the stamp holds a date: every string stays text.
  sheet.getRange(1, 1, grid.length, width).setValues(grid.map((r) => r.map((v) => cellInput(v))));
  drawChart(sheet, sheet.getRange(3, 1, itemRows.length + 1, 3));
  return counts;
}

function drawChart(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
): void {
  const existing = sheet.getCharts()[0];
  const builder = (existing ? existing.modify().clearRanges() : sheet.newChart())
    .setChartType(Charts.ChartType.BAR)
    .addRange(range)
    .setOption('title', CHART_TITLE)
    .setOption('isStacked', true)
    .setPosition(3, 9, 0, 0);
  if (existing) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
}
