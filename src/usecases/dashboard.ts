/**
 * The Dashboard sheet: how many agents have done each Schedule item, and each TL's agents by
 * verdict (complete, on track, at risk, behind) and MIA — written in one batched write — with a bar chart
 * of items done that the script builds once and then only updates (never a second copy). Refreshed by
 * the nightly sweep and from the menu.
 */
import { cohortKey } from '../domain/cohorts';
import { DASHBOARD_LABELS, DASHBOARD_TITLE, SHEET, TRACKER, WORKBOOK } from '../domain/contract';
import { formatMdy } from '../domain/timeZone';
import { cellInput } from '../domain/values';
import { examDashboardRows } from './examAttempts';
import { trackerTablesOf } from '../gas/tableCache';
import { now } from '../gas/clock';
import type { Config } from '../gas/config';
import { type PaceRow, type VerdictCounts, verdictCounts } from './progressSync';
import { SheetTable, type Spreadsheet } from '../gas/sheetTable';

const BY_ITEM_HEADERS = DASHBOARD_LABELS.byItem;
const BY_TL_HEADERS = DASHBOARD_LABELS.byTl;
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
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid, TRACKER.attendance]);
  return new Set(
    tracker
      .rowIndexes()
      .filter((i) => tracker.text(i, TRACKER.attendance) === 'MIA')
      .map((i) => tracker.text(i, TRACKER.oid).toLowerCase()),
  );
}

type Cell = string | number | Date;
/** A cell read back: a checkbox-like boolean, never written here, is shown as its text. */
const dashboardCell = (v: unknown): Cell =>
  typeof v === 'string' || typeof v === 'number' || v instanceof Date ? v : v === undefined ? '' : String(v);

export function refreshDashboard(ss: Spreadsheet, config: Config, rows: readonly PaceRow[]): DashboardCounts {
  const counts = dashboardCounts(rows, config, miaOids(ss));
  // A batched run (RULES R26) read the Dashboard with the other sheets and writes it with them.
  const tables = trackerTablesOf(ss);
  const read = tables?.cached(SHEET.dashboard);
  const sheet = read ? read.sheet() : (ss.getSheetByName(SHEET.dashboard) ?? ss.insertSheet(SHEET.dashboard));
  const at = now();
  const local = config.zone.toLocal(at);
  const updated = `Updated ${formatMdy(config.zone.ymd(at))} ${local.hour}:${String(local.minute).padStart(2, '0')}`;
  // The title row names the class refreshed last; each class has its own labelled section below.
  const stamp = updated + (config.cohort ? ` — ${config.cohort.name}` : '');
  const itemRows = counts.byItem.map((i) => [i.item, i.dueDay, i.done, i.notDone]);
  const tlRows = counts.byTl.map((t) => [t.tl, t.agents, t.complete, t.onTrack, t.atRisk, t.behind, t.mia]);
  const width = Math.max(BY_ITEM_HEADERS.length, BY_TL_HEADERS.length);
  const pad = (r: readonly Cell[]) => [...r, ...new Array<string>(width - r.length).fill('')];
  const body: Cell[][] = [
    pad(BY_ITEM_HEADERS),
    ...itemRows.map(pad),
    pad([]),
    pad(BY_TL_HEADERS),
    ...tlRows.map(pad),
    // RULES R20: the first-attempt AHIP pass rate, for the class and per TL.
    pad([]),
    ...examDashboardRows(ss, config.zone, config.cohort?.name ?? config.settings.cohortName, rows).map(pad),
  ];
  const last = read ? read.grid.length : sheet.getLastRow();
  let grid: Cell[][];
  let itemsAt: number; // 1-based sheet row of this class's item headers
  if (!config.cohort) {
    grid = [pad([DASHBOARD_TITLE, stamp]), pad([]), ...body];
    itemsAt = 3;
  } else {
    const scope = config.cohort;
    const sections = classSections(
      () =>
        read
          ? read.grid.map((r) => Array.from({ length: width }, (_, c) => dashboardCell(r[c])))
          : (sheet.getRange(1, 1, last, width).getValues() as Cell[][]),
      last,
    );
    sections.set(cohortKey(scope.name), [pad([TRACKER.cohort, scope.name, scope.status, updated]), ...body]);
    grid = [pad([DASHBOARD_TITLE, stamp])];
    itemsAt = 0;
    // Every class not Closed keeps its section (as its own last refresh wrote it), in the Cohorts order.
    for (const c of scope.all) {
      const section = sections.get(cohortKey(c.name));
      if (!section || (c.status === 'Closed' && cohortKey(c.name) !== cohortKey(scope.name))) continue;
      grid.push(pad([]));
      if (cohortKey(c.name) === cohortKey(scope.name)) itemsAt = grid.length + 2;
      grid.push(...section.map((r) => pad(r.slice(0, width))));
    }
  }
  if (tables && read)
    tables.replace(SHEET.dashboard, grid, width); // RAW: every string stays text
  else {
    if (last > grid.length) sheet.getRange(grid.length + 1, 1, last - grid.length, width).clearContent();
    const overflow = grid.length - sheet.getMaxRows();
    if (overflow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), overflow);
    // TL names and item names are user text, the stamp holds a date: every string stays text.
    sheet.getRange(1, 1, grid.length, width).setValues(grid.map((r) => r.map((v) => cellInput(v))));
  }
  drawChart(
    sheet,
    sheet.getRange(itemsAt, 1, itemRows.length + 1, 3),
    config.cohort && config.cohort.all.length > 1 ? `${CHART_TITLE} — ${config.cohort.name}` : CHART_TITLE,
  );
  return counts;
}

/**
 * The class sections already on the Dashboard (one batched read), by class key: each starts with its
 * label row (`Cohort | name | status | Updated …`) and runs to the next label row, without trailing
 * blank rows. A Dashboard drawn before the classes has none.
 */
function classSections(readGrid: () => Cell[][], last: number): Map<string, Cell[][]> {
  const sections = new Map<string, Cell[][]>();
  if (last < 2) return sections;
  const grid = readGrid();
  let current: Cell[][] | null = null;
  for (const row of grid.slice(1)) {
    if (String(row[0]).trim() === TRACKER.cohort && String(row[1]).trim() !== '') {
      current = [row];
      sections.set(cohortKey(String(row[1])), current);
    } else if (current) current.push(row);
  }
  for (const section of sections.values())
    while (section.length > 1 && section[section.length - 1].every((v) => String(v).trim() === ''))
      section.pop();
  return sections;
}

function drawChart(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  title: string,
): void {
  const existing = sheet.getCharts()[0];
  const builder = (existing ? existing.modify().clearRanges() : sheet.newChart())
    .setChartType(Charts.ChartType.BAR)
    .addRange(range)
    .setOption('title', title)
    .setOption('isStacked', true)
    .setPosition(3, 9, 0, 0);
  if (existing) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
}
