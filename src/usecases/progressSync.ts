/**
 * RULES "Pace" — Progress sync and pace. Reads the progress report (Progress and Tick Log: one read each)
 * and the tracker (one read), computes each agent's pace with the working-day clock, updates the tracker's
 * `AHIP/Aetna Status` (one write) and rewrites the tracker's `Pace` sheet (one write) for TLs to see.
 * Sheets calls do not depend on the number of agents.
 */
import {
  COHORT_SETTING_KEYS,
  COHORTS,
  PACE_SHEET,
  PROGRESS_REPORT,
  PROGRESS_SHEET,
  type HeaderOf,
  type ProgressHeader,
  SHEET,
  TRACKER,
  WORKBOOK,
} from '../domain/contract';
import {
  assessPace,
  MEASUREMENT_TEXT,
  type Measurement,
  type PaceReport,
  type ProjectionBasis,
  type TickEvent,
  type Verdict,
} from '../domain/pace';
import { LAST_SELF_REPORT, TICK_LOG_HEADERS, TICK_LOG_SHEET } from '../domain/progressReport';
import { cellInput, isDate } from '../domain/values';
import { now } from '../gas/clock';
import type { CohortScope } from '../domain/cohorts';
import { rowInCohort } from './cohorts';
import { type Config, requireClock } from '../gas/config';
import { ContractError, headerKey, SheetTable, type Sheet, type Spreadsheet } from '../gas/sheetTable';
import { dedupeKey } from '../domain/alerts';
import { Mailer } from '../gas/mailer';
import { composed } from '../gas/mailRecipes';
import { openSpreadsheet } from '../gas/open';
import { loadRowMap, type RowMap } from '../gas/reportRowMap';
import { reportBook, trackerTablesOf } from '../gas/tableCache';

const PACE = WORKBOOK.pace.headers;
const TICK = PROGRESS_REPORT.tickLog.headers;
const PROGRESS = PROGRESS_REPORT.progress.headers;
/** The Pace sheet's columns, in the order the sync writes them. */
export const PACE_HEADERS = WORKBOOK.pace.columns;
/** Pace columns holding instants (or a word: "done", "never"), shown as `M/d/yyyy H:mm`. */
export const PACE_DATE_HEADERS = [PACE.projectedFinish, PACE.lastSelfReport] as const;
export const PACE_DATE_FORMAT = 'M/d/yyyy H:mm';

export interface PaceRow {
  oid: string;
  name: string;
  tlName: string;
  tlEmail: string;
  /** Data index in the tracker table (row = index + 2). */
  trackerIndex: number;
  inReport: boolean;
  doneCount: number;
  itemCount: number;
  missingItems: string[];
  overdue: string[];
  dueToday: string[];
  /** Measured items over their limit, as text; never for an exempt agent (RULES "Pace"). */
  paceWarnings: string[];
  /**
   * Per item: measured working hours (null while not done OR not measured), the pace limit (null = none)
   * and how the time was judged (`measurement`, null while not done).
   */
  hoursByItem: {
    item: string;
    spentHours: number | null;
    limitHours: number | null;
    measurement: Measurement | null;
  }[];
  /**
   * Working hours from Day 1 start to the latest tick: elapsed time, NOT effort (evening ticks make it
   * whole days). Use `measuredHours` for time spent.
   */
  hoursSpent: number;
  /** Sum of the measured items' hours; null when nothing is measured ("not measured"). */
  measuredHours: number | null;
  /** Schedule items due at or before the sync (done or not). */
  dueByNow: number;
  /** Items done per working hour elapsed since Day 1 start; null before anything is done. */
  itemsPerHour: number | null;
  projectedFinish: Date;
  projectionBasis: ProjectionBasis;
  /** The tracker's Exemption text ('' when none): exempt agents get no pace warnings. */
  exemption: string;
  verdict: Verdict;
  lastSelfReport: Date | null;
  pace: PaceReport;
}

export interface VerdictCounts {
  agents: number;
  complete: number;
  onTrack: number;
  atRisk: number;
  behind: number;
}

/** How many agents have each verdict (digests, the licensing summary and the dashboard share this). */
export function verdictCounts(rows: readonly Pick<PaceRow, 'verdict'>[]): VerdictCounts {
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  return {
    agents: rows.length,
    complete: count('complete'),
    onTrack: count('on-track'),
    atRisk: count('at-risk'),
    behind: count('behind'),
  };
}

export interface SyncResult {
  rows: PaceRow[];
  reportId: string;
  statusUpdates: number;
  /** What agents did to the shared report that the sync refused (forged rows, renamed sheet…). */
  integrity: string[];
}

/**
 * Tick Log rows by agent. With a row map, a tick counts only when it was made in the row the script gave
 * that agent (the log's `Row`), whatever OID the row showed at the time.
 */
export function readTicks(report: Spreadsheet, map: RowMap | null): Map<string, TickEvent[]> {
  const sheet = report.getSheetByName(TICK_LOG_SHEET);
  return sheet ? ticksOf(SheetTable.read(sheet, PROGRESS_REPORT.tickLog, TICK_LOG_HEADERS), map) : new Map();
}

function ticksOf(
  log: SheetTable<HeaderOf<typeof PROGRESS_REPORT.tickLog>>,
  map: RowMap | null,
): Map<string, TickEvent[]> {
  const byOid = new Map<string, TickEvent[]>();
  for (const i of log.rowIndexes()) {
    const at = log.value(i, TICK.at);
    if (!isDate(at)) continue;
    const owner = map ? map.rows.get(Number(log.value(i, TICK.row))) : log.text(i, TICK.oid);
    if (!owner) continue;
    const oid = owner.toLowerCase();
    const list = byOid.get(oid) ?? [];
    list.push({ item: log.text(i, TICK.item), checked: log.value(i, TICK.checked) === true, at });
    byOid.set(oid, list);
  }
  return byOid;
}

/**
 * The Progress sheet is what the agent sees, so its boxes decide what is done; the log only says when.
 * A box whose state the log does not end in (ticked before the trigger existed, or an edit whose trigger
 * failed) gets a synthetic event: a tick at the row's Last Self-Report stamp when that is not older than
 * the log's last word on the item (else now), an untick now.
 */
function reconcile(
  log: TickEvent[],
  items: readonly string[],
  checked: (item: string) => boolean,
  lastSelf: unknown,
  at: Date,
): void {
  for (const item of items) {
    const events = log.filter((t) => headerKey(t.item) === headerKey(item));
    const last = events.reduce<TickEvent | null>((a, b) => (!a || b.at >= a.at ? b : a), null);
    const isChecked = checked(item);
    if (isChecked === (last?.checked ?? false)) continue;
    const stamp = isDate(lastSelf) && (!last || lastSelf >= last.at) ? lastSelf : at;
    // Not the tick's own time: it dates the item but never measures its hours.
    log.push({ item, checked: isChecked, at: isChecked ? stamp : at, synthetic: true });
  }
}

export function syncProgress(ss: Spreadsheet, config: Config): SyncResult {
  const clock = requireClock(config);
  const reportId = config.settings.progressReportId;
  if (!reportId && config.cohort)
    throw new ContractError(
      `"${SHEET.cohorts}" row ${config.cohort.sheetRow}, "${COHORTS.progressReportId}" of "${config.cohort.name}" is blank: run Create progress report for this class first.`,
    );
  if (!reportId)
    throw new ContractError('Settings "Progress Report ID" is blank: run Create progress report first.');
  if (reportId.trim() === (config.trackerId ?? ss.getId()))
    throw new ContractError(
      `Settings "${COHORT_SETTING_KEYS.progressReportId}" (${reportId}) is this tracker's own ID, not the progress report's. Paste the report's ID.`,
    );
  const map = loadRowMap(reportId);
  const integrity: string[] = [];
  const { progress, ticks, url } = readProgressReport(reportId, map, integrity);
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.agentName, TRACKER.oid, TRACKER.tlName]);
  const at = now();
  const items = config.schedule.map((s) => s.item);
  const reportRows = creditedRows(progress, map, integrity);

  const rows: PaceRow[] = [];
  let statusUpdates = 0;
  for (const i of tracker.rowIndexes()) {
    const oid = tracker.text(i, TRACKER.oid);
    if (!oid || !rowInCohort(config, tracker, i)) continue;
    const r = reportRows.get(oid.toLowerCase());
    const lastSelf = r === undefined ? null : progress.value(r, LAST_SELF_REPORT);
    const log = [...(ticks.get(oid.toLowerCase()) ?? [])];
    if (r !== undefined)
      reconcile(
        log,
        items.filter((item) => progress.has(progress.dynamic(item))),
        (item) => progress.value(r, progress.dynamic(item)) === true,
        lastSelf,
        at,
      );
    const exemption = tracker.has(TRACKER.exemption) ? tracker.text(i, TRACKER.exemption) : '';
    const pace = assessPace(config.schedule, clock, log, at, { exempt: exemption.trim() !== '' });
    const missing = pace.items.filter((p) => !p.done).map((p) => p.item);
    rows.push({
      oid,
      name: tracker.text(i, TRACKER.agentName),
      tlName: tracker.text(i, TRACKER.tlName),
      tlEmail: tracker.has(TRACKER.tlEmail) ? tracker.text(i, TRACKER.tlEmail).toLowerCase() : '',
      trackerIndex: i,
      inReport: r !== undefined,
      doneCount: pace.doneCount,
      itemCount: items.length,
      missingItems: missing,
      overdue: pace.overdue,
      dueToday: pace.dueToday,
      paceWarnings: pace.paceWarnings.map(
        (w) => `${w.item}: ${w.spentHours.toFixed(1)} h (limit ${w.limitHours} h)`,
      ),
      hoursByItem: pace.items.map((p) => ({
        item: p.item,
        spentHours: p.spentMinutes === null ? null : p.spentMinutes / 60,
        limitHours: p.paceLimitHours,
        measurement: p.measurement,
      })),
      hoursSpent: pace.hoursSpent,
      measuredHours: pace.measuredHours,
      dueByNow: pace.dueByNow,
      itemsPerHour: pace.itemsPerHour,
      projectedFinish: pace.projectedFinish,
      projectionBasis: pace.projectionBasis,
      exemption,
      verdict: pace.verdict,
      lastSelfReport: isDate(lastSelf) ? lastSelf : null,
      pace,
    });
    // The TL's "Blocked" is a judgement the ticks cannot overrule; otherwise the ticks decide.
    if (tracker.has(TRACKER.ahipAetnaStatus) && tracker.text(i, TRACKER.ahipAetnaStatus) !== 'Blocked') {
      const status =
        pace.verdict === 'complete' ? 'Complete' : pace.doneCount > 0 ? 'In Progress' : 'Not Started';
      if (tracker.text(i, TRACKER.ahipAetnaStatus) !== status) {
        tracker.set(i, TRACKER.ahipAetnaStatus, status);
        statusUpdates++;
      }
    }
  }
  tracker.flush();
  if (integrity.length > 0) alertLicensingTeam(ss, config, url(), integrity);
  writePaceSheet(ss, rows, config.cohort);
  return { rows, reportId, statusUpdates, integrity };
}

/**
 * The report's Progress sheet: by the sheet ID recorded when the report was made (so a rename does not
 * stop the sync for everyone; the rename is reported), else by name.
 */
/**
 * The report's Progress table, its ticks by OID and its URL. In a batched run (RULES R26) from the run's
 * one read of the report (no getSheets, getSheetId, getName, getValues …); else sheet by sheet.
 */
function readProgressReport(
  reportId: string,
  map: RowMap | null,
  integrity: string[],
): { progress: SheetTable<ProgressHeader>; ticks: Map<string, TickEvent[]>; url: () => string } {
  const required = [PROGRESS.oid, PROGRESS.lastSelfReport];
  const book = reportBook(reportId);
  if (!book) {
    const report = openSpreadsheet(reportId);
    const progress = SheetTable.read(
      findProgressSheet(report, map, integrity),
      PROGRESS_REPORT.progress,
      required,
    );
    return { progress, ticks: readTicks(report, map), url: () => report.getUrl() };
  }
  const byId = map ? book.titleOf(map.sheetId) : undefined;
  if (byId !== undefined && byId !== PROGRESS_SHEET) integrity.push(renamed(byId));
  const name = byId ?? (book.has(PROGRESS_SHEET) ? PROGRESS_SHEET : undefined);
  const grid = name === undefined ? undefined : book.cached(name);
  if (!grid) throw new ContractError(noProgressSheet(map));
  const log = book.cached(TICK_LOG_SHEET);
  return {
    progress: SheetTable.fromValues(PROGRESS_REPORT.progress, grid, required),
    ticks: log
      ? ticksOf(SheetTable.fromValues(PROGRESS_REPORT.tickLog, log, TICK_LOG_HEADERS), map)
      : new Map(),
    url: () => book.url,
  };
}

const renamed = (name: string) =>
  `The report's "${PROGRESS_SHEET}" sheet was renamed to "${name}"; it was still read. Rename it back to "${PROGRESS_SHEET}".`;
const noProgressSheet = (map: RowMap | null) =>
  `The progress report has no "${PROGRESS_SHEET}" sheet${map ? ` (and no sheet with ID ${map.sheetId})` : ''}: it was renamed or deleted. Restore it from the report's version history.`;

function findProgressSheet(report: Spreadsheet, map: RowMap | null, integrity: string[]): Sheet {
  if (map) {
    const byId = report.getSheets().find((s) => s.getSheetId() === map.sheetId);
    if (byId) {
      const name = byId.getName();
      if (name !== PROGRESS_SHEET) integrity.push(renamed(name));
      return byId;
    }
  }
  const byName = report.getSheetByName(PROGRESS_SHEET);
  if (byName) return byName;
  throw new ContractError(noProgressSheet(map));
}

/**
 * OID → data index of the row credited to that agent. With a row map, only the rows the script wrote
 * count: any other row holding an OID (typed or appended by an agent, even with another agent's OID) is
 * ignored and reported, as is a script row that no longer shows its agent's OID.
 */
function creditedRows(
  progress: SheetTable<ProgressHeader>,
  map: RowMap | null,
  integrity: string[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of progress.rowIndexes()) {
    const shown = progress.text(i, PROGRESS.oid);
    const row = progress.sheetRow(i);
    if (!map) {
      if (shown && !out.has(shown.toLowerCase())) out.set(shown.toLowerCase(), i);
      continue;
    }
    const owner = map.rows.get(row);
    if (!owner) {
      if (shown)
        integrity.push(
          `Progress row ${row} was not written by the script (OID "${shown}"): ignored, nothing credited from it.`,
        );
      continue;
    }
    // Agents cannot edit OID cells, so a mismatch means rows were moved (sorted, inserted) by an
    // editor of the sheet: crediting either OID could be wrong, so neither is, until it is put back.
    if (shown.toLowerCase() !== owner.toLowerCase()) {
      integrity.push(
        `Progress row ${row} was created for OID ${owner} but now shows "${shown}" (rows moved?): not credited until it is put back.`,
      );
      continue;
    }
    out.set(owner.toLowerCase(), i);
  }
  return out;
}

/** One email a day to the licensing team listing what the sync refused (deduped by the Alert Log). */
function alertLicensingTeam(ss: Spreadsheet, config: Config, reportUrl: string, integrity: string[]): void {
  const to = config.settings.licensingTeamEmails;
  if (to.length === 0) return;
  const mailer = new Mailer(ss, config.settings);
  mailer.queue({
    kind: 'report-integrity',
    to,
    ...composed('report-tampering', { problems: integrity, reportUrl }),
    urgent: false,
    dedupeKey: dedupeKey('report-integrity', config.zone.ymd(now()), integrity.join(' / ').slice(0, 200)),
  });
  mailer.flush();
}

/**
 * `Module 1 Reviewed 2.8/3 h; Quiz 1 Screenshots not measured (ticked outside working hours)` — done
 * items only: measured hours against the limit where set, else why the hours are not known.
 */
function hoursText(hours: PaceRow['hoursByItem']): string {
  return hours
    .filter((h) => h.measurement !== null)
    .map((h) =>
      h.measurement === 'measured' && h.spentHours !== null
        ? `${h.item} ${h.spentHours.toFixed(1)}${h.limitHours === null ? '' : `/${h.limitHours}`} h`
        : `${h.item} not measured${h.measurement && h.measurement !== 'measured' ? ` (${MEASUREMENT_TEXT[h.measurement]})` : ''}`,
    )
    .join('; ');
}

/** What the projected finish is based on, in words a TL reads in the Pace sheet. */
const BASIS_TEXT: Readonly<Record<ProjectionBasis, string>> = {
  rate: 'own rate: items done per working hour since Day 1',
  schedule: 'schedule pace limits (nothing done yet)',
  done: 'all done',
};

/**
 * The tracker's `Pace` sheet (created on first sync, script-owned, rewritten whole each sync in one
 * write): one row per agent with items done and due by now, overdue and due today, measured hours (in
 * total and per item against the pace limits, or why an item is "not measured"), warnings, items per
 * working hour, projected finish and what it is based on, verdict, exemption and the last self-report,
 * for TLs to sort and filter. Anything typed into it is replaced at the next sync.
 */
function writePaceSheet(ss: Spreadsheet, rows: PaceRow[], scope: CohortScope | undefined): void {
  const mine = paceRows(rows, scope);
  const tables = trackerTablesOf(ss);
  const read = tables?.cached(PACE_SHEET);
  if (tables && read) {
    // A batched run (RULES R26): the sheet was read with the others and is written with them (RAW: every
    // string stays text); only rows the sheet did not have yet get the date-time format, in one call.
    const data = otherClassesRows(() => read.grid, read.grid.length, scope, mine);
    const before = read.grid.length;
    tables.replace(PACE_SHEET, [[...PACE_HEADERS], ...data], PACE_HEADERS.length);
    if (data.length + 1 > before) {
      const rect = (header: (typeof PACE_DATE_HEADERS)[number]) => ({
        row: Math.max(2, before + 1),
        col: PACE_HEADERS.indexOf(header) + 1,
        numRows: data.length + 1 - Math.max(1, before),
        numCols: 1,
      });
      tables.formatDates(PACE_SHEET, PACE_DATE_HEADERS.map(rect), PACE_DATE_FORMAT);
    }
    return;
  }
  let sheet = ss.getSheetByName(PACE_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(PACE_SHEET);
    sheet.setFrozenRows(1);
  }
  const last = sheet.getLastRow();
  const data = [
    ...otherClassesRows(
      () => sheet.getRange(1, 1, last, Math.min(PACE_HEADERS.length, sheet.getMaxColumns())).getValues(),
      last,
      scope,
      mine,
    ),
  ];
  const values: (string | number | Date)[][] = [[...PACE_HEADERS], ...data];
  if (last > values.length)
    sheet.getRange(values.length + 1, 1, last - values.length, PACE_HEADERS.length).clearContent();
  const overflow = values.length - sheet.getMaxRows();
  if (overflow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), overflow);
  sheet
    .getRange(1, 1, values.length, PACE_HEADERS.length)
    .setValues(values.map((r) => r.map((v) => cellInput(v))));
  if (data.length > 0) {
    for (const header of PACE_DATE_HEADERS) {
      const col = PACE_HEADERS.indexOf(header) + 1;
      sheet.getRange(2, col, data.length, 1).setNumberFormat(PACE_DATE_FORMAT);
    }
  }
}

/**
 * Instants are written as real Dates shown through a date-time number format (TLs can sort them);
 * every string, e.g. Items Done "1/14", is written as text Sheets keeps (never parsed as a date).
 */
function paceRows(rows: PaceRow[], scope: CohortScope | undefined): (string | number | Date)[][] {
  return rows.map((r) => [
    r.name,
    r.oid,
    r.tlName,
    `${r.doneCount}/${r.itemCount}`,
    r.dueByNow,
    r.overdue.join(', '),
    r.dueToday.join(', '),
    r.measuredHours === null ? 'not measured' : Math.round(r.measuredHours * 10) / 10,
    r.paceWarnings.join('; '),
    hoursText(r.hoursByItem),
    r.itemsPerHour === null ? '' : Math.round(r.itemsPerHour * 100) / 100,
    r.verdict === 'complete' ? 'done' : r.projectedFinish,
    BASIS_TEXT[r.projectionBasis],
    r.verdict,
    r.exemption,
    r.lastSelfReport ?? 'never',
    scope?.name ?? '',
  ]);
}

/**
 * The Pace data rows after this class's sync (classes may overlap): every other class's rows as they
 * are (read in one batch), this class's rows replaced by `mine`, grouped in the `Cohorts` order. Without
 * a class scope (single cohort) or on a sheet written before the Cohort column, `mine` is everything.
 */
function otherClassesRows(
  readGrid: () => unknown[][],
  last: number,
  scope: CohortScope | undefined,
  mine: (string | number | Date)[][],
): (string | number | Date)[][] {
  if (!scope || last < 2) return mine;
  const width = PACE_HEADERS.length;
  const grid = readGrid().map((r) => r.slice(0, width));
  const headers = grid[0].map((h) => String(h).trim());
  if (headers.length !== width || headers.some((h, c) => h !== PACE_HEADERS[c])) return mine;
  const cohortCol = width - 1;
  const key = (name: unknown) => String(name).trim().toLowerCase();
  const groups = new Map<string, (string | number | Date)[][]>();
  for (const row of grid.slice(1)) {
    const k = key(row[cohortCol]);
    // Rows of no class (written before the classes) or of a class no longer listed are dropped.
    if (k === '' || !scope.all.some((c) => key(c.name) === k)) continue;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(row.map((v) => (isDate(v) || typeof v === 'number' ? v : String(v))));
  }
  groups.set(key(scope.name), mine);
  return scope.all.flatMap((c) => groups.get(key(c.name)) ?? []);
}
