/**
 * RULES R4 — Create progress report. Refuses a Drive ID setting that is the tracker itself, validates
 * the roster, then creates (or reopens) the cohort's Agent Progress Report, records its ID in Settings,
 * adds agents that are not in it yet (one batched write) and records which row is whose (row map, kept
 * in the tracker), shares the file with every agent's two emails and each TL, and only then protects
 * it: the Progress sheet as a sheet, each agent's item cells for that agent, their TL and the licensing
 * team (see `ensureProtections`). Re-running only adds what is new.
 *
 * Flat cost (RULES R3, R26): the tracker is read with one Sheets API batchGet (its config with another),
 * a new report is created with its sheets in one Spreadsheets.create, its rows written with one RAW
 * Values.batchUpdate, and every protection, checkbox and format sent in ONE Spreadsheets.batchUpdate —
 * the same ~34 calls at 10 or 5,000 agents (SpreadsheetApp needed ~13 calls per agent row). SpreadsheetApp
 * is kept for a template's or an existing report's structural repairs (insert, rename, freeze).
 */
import {
  COHORT_SETTING_KEYS,
  COHORTS,
  PROGRESS_FIXED_HEADERS,
  PROGRESS_SHEET,
  SETTINGS_HEADERS,
  SHEET,
  TRACKER,
  TRACKER_COLUMNS,
  TRACKER_HEADERS,
  WORKBOOK,
} from '../domain/contract';
import {
  BLOCKERS,
  progressHeaders,
  reportName,
  TICK_LOG_HEADERS,
  TICK_LOG_SHEET,
} from '../domain/progressReport';
import {
  agentsFromRecords,
  blockingProblems,
  type Agent,
  type RosterProblem,
  validateRoster,
} from '../domain/roster';
import type { ScheduleItem } from '../domain/schedule';
import type { Config } from '../gas/config';
import { agentInCohort, recordCohortReportId } from './cohorts';
import { writeSetting } from '../gas/config';
import { openSpreadsheet } from '../gas/open';
import { loadRowMap, type RowMap, saveRowMap } from '../gas/reportRowMap';
import { type ShareResult, shareAsEditors } from '../gas/sharing';
import {
  ContractError,
  headerKey,
  indexHeaders,
  SheetTable,
  type Sheet,
  type Spreadsheet,
} from '../gas/sheetTable';
import {
  a1Range,
  agentRowSetup,
  batchUpdate,
  createSpreadsheet,
  type AgentRowProtection,
  type CellInput,
  type CellRect,
  type ExistingProtection,
  readLayout,
  readSheets,
  setupRequests,
  type SheetLayout,
  type SheetSetup,
  writeRanges,
} from '../gas/sheetsApi';
import { ensureReportTrigger, TICK_LOG_PROTECTION } from './tickLog';
import { checkDriveSettings } from './settingsCheck';

export const PROGRESS_PROTECTION = 'Progress (agents edit only their own items)';

export interface ReportResult {
  reportId: string;
  url: string;
  name: string;
  created: boolean;
  addedAgents: string[];
  share: ShareResult;
  warnings: RosterProblem[];
  folderNote: string;
}

/** Tracker rows as domain agents (every row with a name or an OID); with a class's Config, its rows only. */
export function readAgents(ss: Spreadsheet, config?: Config): Agent[] {
  const table = SheetTable.of(ss, WORKBOOK.tracker, [
    TRACKER.agentName,
    TRACKER.oid,
    TRACKER.tlName,
    TRACKER.tlEmail,
  ]);
  const present = TRACKER_COLUMNS.filter((h) => table.has(h));
  return agentsFromRecords(
    table.rowIndexes().map((i) => ({
      row: table.sheetRow(i),
      values: Object.fromEntries(present.map((h) => [h, table.value(i, h)])),
    })),
  ).filter((a) => !config || agentInCohort(config, a));
}

/**
 * What report creation reads of the tracker, the roster and the Settings rows, in ONE `Values.batchGet`
 * (`readAgents` would cost 5 SpreadsheetApp calls, `writeSetting` 8 more). Dates come as serial numbers;
 * report creation reads none.
 */
function readTracker(trackerId: string): { agents: Agent[]; settingsGrid: unknown[][] } {
  const [grid, settingsGrid] = readSheets(trackerId, [SHEET.tracker, SHEET.settings]);
  const headers = (grid[0] ?? []).map((h) => String(h ?? '').trim());
  const col = indexHeaders(SHEET.tracker, headers, [
    TRACKER.agentName,
    TRACKER.oid,
    TRACKER.tlName,
    TRACKER.tlEmail,
  ]);
  const present = TRACKER_HEADERS.filter((h) => col.has(headerKey(h)));
  const agents = agentsFromRecords(
    grid.slice(1).map((row, k) => ({
      row: k + 2,
      values: Object.fromEntries(present.map((h) => [h, row[col.get(headerKey(h)) ?? -1]])),
    })),
  );
  return { agents, settingsGrid };
}

/**
 * Writes the new report's ID into Settings: one RAW write into the row read with the roster (an ID is
 * stored as typed), or `writeSetting` when Settings has no such row yet.
 */
function recordReportId(
  ss: Spreadsheet,
  trackerId: string,
  config: Config,
  settingsGrid: unknown[][],
  reportId: string,
): void {
  const cell = (sheet: string, row: number, col: number) => ({
    a1: a1Range(sheet, { row, col, numRows: 1, numCols: 1 }),
    values: [[reportId]],
  });
  const writes: { a1: string; values: CellInput[][] }[] = [];
  const { cohort, cohortsGrid } = config;
  if (cohort) {
    // The class's row of Cohorts, read with Settings in the run's one batchGet (RULES R26).
    const headers = (cohortsGrid?.[0] ?? []).map((h) => headerKey(String(h ?? '')));
    const col = headers.indexOf(headerKey(COHORTS.progressReportId));
    if (col < 0) {
      recordCohortReportId(ss, cohort, reportId);
      return;
    }
    writes.push(cell(SHEET.cohorts, cohort.sheetRow, col + 1));
  }
  // Settings' single-cohort form of this class stays readable and true.
  if (!cohort || cohort.mirrorsSettings) {
    const KEY = COHORT_SETTING_KEYS.progressReportId;
    const [keyHeader, valueHeader] = SETTINGS_HEADERS;
    const headers = (settingsGrid[0] ?? []).map((h) => headerKey(String(h ?? '')));
    const keyCol = headers.indexOf(headerKey(keyHeader));
    const valueCol = headers.indexOf(headerKey(valueHeader));
    const row = settingsGrid.findIndex(
      (r, k) => k > 0 && headerKey(String(r[keyCol] ?? '')) === headerKey(KEY),
    );
    if (keyCol < 0 || valueCol < 0 || row < 1) writeSetting(ss, KEY, reportId);
    else writes.push(cell(SHEET.settings, row + 1, valueCol + 1));
  }
  writeRanges(trackerId, writes);
}

export function createProgressReport(ss: Spreadsheet, config: Config): ReportResult {
  const { settings, schedule } = config;
  const trackerId = config.trackerId ?? ss.getId();
  refuseIds(trackerId, settings);
  // The Drive IDs must be the right kind of file: a template that is a copy of the tracker (its Coaching
  // Log, CAP levels, Settings) must never be copied and shared with agents.
  const drive = checkDriveSettings(ss, settings);
  if (drive.length > 0)
    throw new ContractError(`Nothing was created or shared:\n• ${drive.map((i) => i.message).join('\n• ')}`);
  if (!settings.day1)
    throw new ContractError('Settings "Day 1 Date" is blank: the report is named after it.');
  if (schedule.length === 0)
    throw new ContractError('The "Schedule" sheet has no items: run Set up workbook.');
  const { agents: everyAgent, settingsGrid } = readTracker(trackerId);
  // One class's report: its agents only.
  const agents = everyAgent.filter((a) => agentInCohort(config, a));
  if (agents.length === 0) throw new ContractError('The "ESP Tracker" sheet has no agents yet.');
  const problems = validateRoster(agents);
  const blocking = blockingProblems(problems);
  if (blocking.length > 0) {
    throw new ContractError(
      `Fix the roster first (${blocking.length} problem${blocking.length > 1 ? 's' : ''}):\n• ${blocking.map((p) => p.message).join('\n• ')}`,
    );
  }

  const name = reportName(settings.cohortName, settings.day1);
  const headers = progressHeaders(schedule);
  const opened = openOrCreateReport(config, name, agents.length + 1, headers.length);
  const { reportId, created, folderNote } = opened;
  if (reportId === trackerId) throw trackerIdError(COHORT_SETTING_KEYS.progressReportId, reportId);
  // Recorded at once: a run stopped later (time limit, Drive error) is finished by the next run
  // instead of creating a second report.
  if (created) recordReportId(ss, trackerId, config, settingsGrid, reportId);
  const stored = created ? null : loadRowMap(reportId);
  // A new file was created with its sheets laid out (RULES R26): nothing to read in it.
  const fresh = opened.layout !== null;
  const layout = opened.layout ?? readLayout(reportId);
  const progress = ensureProgressSheet(opened.report, reportId, layout, headers, stored, opened.blank, fresh);
  const tickLog = ensureTickLogSheet(opened.report, layout, fresh);
  const { added, map } = addAgents(reportId, progress, agents, schedule, stored, tickLog);
  // Shared before the rows are protected: a run stopped after sharing has still invited everyone, and
  // the next run finishes the protections.
  const file = opened.file ?? DriveApp.getFileById(reportId);
  const emails = agents.flatMap((a) => [a.cxpEmail, a.personalEmail, a.tlEmail]);
  const share = shareAsEditors(file, emails, trackerId, reportId);
  ensureProtections(reportId, progress, tickLog, schedule, map, agents, settings.licensingTeamEmails);
  ensureReportTrigger(reportId);
  return {
    reportId,
    url: opened.url ?? opened.report().getUrl(),
    name,
    created,
    addedAgents: added.map((a) => a.name),
    share,
    warnings: problems.filter((p) => p.severity === 'warning'),
    folderNote,
  };
}

function trackerIdError(key: string, value: string): ContractError {
  return new ContractError(
    `Settings "${key}" (${value}) is this tracker's own ID. Sharing it would make every agent an editor of the tracker (Coaching Log, CAP levels, Settings): nothing was shared. ${
      key === COHORT_SETTING_KEYS.progressReportId
        ? "Clear it to create a new report, or paste the progress report's ID."
        : 'Paste the ID of the Agent Progress Report template, or clear it to build one.'
    }`,
  );
}

/** A Drive ID setting that is the tracker itself would share the tracker (or a full copy) with agents. */
export function refuseTrackerIds(ss: Spreadsheet, settings: Config['settings']): void {
  refuseIds(ss.getId(), settings);
}

function refuseIds(trackerId: string, settings: Config['settings']): void {
  if (settings.progressReportId && settings.progressReportId.trim() === trackerId)
    throw trackerIdError(COHORT_SETTING_KEYS.progressReportId, settings.progressReportId);
  if (settings.progressReportTemplateId && settings.progressReportTemplateId.trim() === trackerId)
    throw trackerIdError('Progress Report Template ID', settings.progressReportTemplateId);
}

interface OpenedReport {
  /** The SpreadsheetApp handle, opened on first use (only a structural change or the URL needs it). */
  report: () => Spreadsheet;
  reportId: string;
  created: boolean;
  folderNote: string;
  /** The Drive file when this run already holds it (a copy or a created file). */
  file: GoogleAppsScript.Drive.File | null;
  /** Created from nothing here: one empty sheet, so there is nothing to read. */
  blank: boolean;
  /** A file created here with its Progress and hidden Tick Log sheets: their layout (else null). */
  layout: SheetLayout[] | null;
  /** Its URL when the create call gave it. */
  url: string | null;
}

function lazyReport(reportId: string, handle: Spreadsheet | null = null): () => Spreadsheet {
  return () => (handle ??= openSpreadsheet(reportId));
}

/**
 * Opens the report of Settings, or makes one: a copy of the template, or a new spreadsheet created in ONE
 * `Spreadsheets.create` at its final size (`rows` × `columns`, so no rows or columns are inserted later)
 * with the Progress sheet (header row frozen) and the hidden Tick Log. A new file stays in My Drive when
 * no folder is set (where a created file goes), so it is not moved there.
 */
function openOrCreateReport(config: Config, name: string, rows: number, columns: number): OpenedReport {
  const { settings } = config;
  const none = { layout: null, url: null };
  if (settings.progressReportId) {
    const reportId = settings.progressReportId.trim();
    try {
      const report = openSpreadsheet(reportId);
      return {
        ...none,
        report: lazyReport(reportId, report),
        reportId,
        created: false,
        folderNote: '',
        file: null,
        blank: false,
      };
    } catch {
      throw new ContractError(
        `Settings "Progress Report ID" (${settings.progressReportId}) cannot be opened. Clear it to create a new report.`,
      );
    }
  }
  const folder = settings.leadershipDriveFolderId
    ? DriveApp.getFolderById(settings.leadershipDriveFolderId)
    : null;
  const folderNote = folder
    ? ''
    : 'Settings "Leadership Drive Folder ID" is blank, so the report is in your My Drive.';
  if (settings.progressReportTemplateId) {
    const file = DriveApp.getFileById(settings.progressReportTemplateId).makeCopy(
      name,
      folder ?? DriveApp.getRootFolder(),
    );
    const reportId = file.getId();
    return {
      ...none,
      report: lazyReport(reportId, openSpreadsheet(reportId)),
      reportId,
      created: true,
      folderNote,
      file,
      blank: false,
    };
  }
  const made = createSpreadsheet(name, config.spreadsheetZone.id, [
    { title: PROGRESS_SHEET, rows: Math.max(rows, 1000), columns: Math.max(columns, 26), frozenRows: 1 },
    { title: TICK_LOG_SHEET, rows: 1000, columns: 26, hidden: true },
  ]);
  const reportId = made.id;
  const file = DriveApp.getFileById(reportId);
  if (folder) file.moveTo(folder);
  return {
    report: lazyReport(reportId),
    reportId,
    created: true,
    folderNote,
    file,
    blank: true,
    layout: made.layout,
    url: made.url,
  };
}

/** The Progress sheet as this run knows it: read once, written once. */
interface ProgressSheet {
  sheetId: number;
  title: string;
  /** Header row after this run's additions (trimmed text). */
  headers: string[];
  /** Rows below the header as read (the used block: trailing empty rows are not there). */
  rows: unknown[][];
  maxRows: number;
  protections: ExistingProtection[];
  /** Missing headers this run appends: [first column, values]. */
  newHeaders: { col: number; values: string[] } | null;
  /** The SpreadsheetApp sheet, fetched only when a structural change needs it. */
  sheet: () => Sheet;
}

/**
 * The Progress sheet with every header (missing ones appended after a template's own columns, which keep
 * their place; written with the new rows). Found by the recorded sheet ID first, so a renamed Progress
 * sheet is reused, never duplicated. Its protections are ensured by `ensureProtections` on every run.
 */
function ensureProgressSheet(
  report: () => Spreadsheet,
  reportId: string,
  layout: readonly SheetLayout[],
  wantedHeaders: readonly string[],
  stored: RowMap | null,
  blank: boolean,
  /** A new file whose first sheet was just renamed Progress and frozen: nothing to read or freeze. */
  fresh = false,
): ProgressSheet {
  let info =
    (stored && layout.find((s) => s.sheetId === stored.sheetId)) ||
    layout.find((s) => s.title === PROGRESS_SHEET);
  let grid: unknown[][] = [];
  let rename = false;
  if (fresh) {
    // Renamed in this run's structural batch: empty.
  } else if (info) {
    grid = readSheets(reportId, [info.title], { render: 'FORMATTED_VALUE' })[0] ?? [];
  } else {
    // A new spreadsheet's first sheet, or a template's only sheet when empty, becomes Progress.
    const others = layout.filter((s) => s.title !== TICK_LOG_SHEET);
    if (blank) {
      info = others[0];
      rename = info !== undefined;
    } else if (others.length === 1 && layout.length === 1) {
      grid = readSheets(reportId, [others[0].title], { render: 'FORMATTED_VALUE' })[0] ?? [];
      if (grid.length === 0) {
        info = others[0];
        rename = true;
      }
    }
  }
  let cached: Sheet | null = null;
  const sheetOf = (title: string) => () => {
    cached ??= report().getSheetByName(title);
    if (!cached) throw new ContractError(`The progress report has no sheet "${title}".`);
    return cached;
  };
  let progress: ProgressSheet;
  if (info) {
    progress = {
      sheetId: info.sheetId,
      title: info.title,
      headers: (grid[0] ?? []).map((h) => String(h ?? '').trim()),
      rows: grid.slice(1),
      maxRows: info.rowCount,
      protections: info.protections,
      newHeaders: null,
      sheet: sheetOf(info.title),
    };
    if (rename) {
      progress.sheet().setName(PROGRESS_SHEET);
      progress.title = PROGRESS_SHEET;
    }
  } else {
    const sheet = report().insertSheet(PROGRESS_SHEET, 0);
    cached = sheet;
    progress = {
      sheetId: sheet.getSheetId(),
      title: PROGRESS_SHEET,
      headers: [],
      rows: [],
      maxRows: sheet.getMaxRows(),
      protections: [],
      newHeaders: null,
      sheet: () => sheet,
    };
  }
  const have = new Set(progress.headers.map(headerKey));
  const missing = wantedHeaders.filter((h) => !have.has(headerKey(h)));
  if (missing.length > 0) {
    const lastCol = progress.headers.length;
    const columns = info?.columnCount ?? progress.sheet().getMaxColumns();
    const needed = lastCol + missing.length - columns;
    if (needed > 0) progress.sheet().insertColumnsAfter(columns, needed);
    progress.newHeaders = { col: lastCol + 1, values: missing };
    progress.headers = [...progress.headers, ...missing];
    if (!fresh) progress.sheet().setFrozenRows(1);
  }
  return progress;
}

/** The hidden Tick Log: its sheet ID, whether this run made it, and whether it still needs its protection. */
interface TickLogSheet {
  sheetId: number;
  created: boolean;
  /** No sheet protection yet: just made, or made by a run that stopped before protecting it. */
  unprotected: boolean;
}

/** Inserts the hidden Tick Log sheet (its headers and protection come later, batched). */
function makeTickLog(report: Spreadsheet): Sheet {
  const sheet = report.insertSheet(TICK_LOG_SHEET);
  sheet.hideSheet();
  return sheet;
}

/**
 * The hidden Tick Log, made here when missing (its headers are written with the Progress rows and its
 * script-only protection is sent with the row protections). `ensureTickLog` finds it afterwards.
 */
function ensureTickLogSheet(
  report: () => Spreadsheet,
  layout: readonly SheetLayout[],
  madeNow: boolean,
): TickLogSheet {
  const existing = layout.find((s) => s.title === TICK_LOG_SHEET);
  if (existing) {
    const unprotected = !existing.protections.some((p) => p.rect === null);
    return { sheetId: existing.sheetId, created: madeNow, unprotected };
  }
  return { sheetId: makeTickLog(report()).getSheetId(), created: true, unprotected: true };
}

/**
 * Appends agents not yet in the report and records which row the script gave each agent (the row map,
 * see reportRowMap.ts): the new rows, any missing headers and a new Tick Log's headers in ONE
 * `Values.batchUpdate` (RAW: names are stored as typed, never parsed). An agent counts as present only by
 * that map: a row someone typed with a new agent's OID does not stop the script adding the real row. A
 * report made before the map existed (or whose Progress sheet was replaced) gets one from the first row
 * holding each roster OID. The new rows' checkboxes come with their protections (`ensureProtections`).
 */
function addAgents(
  reportId: string,
  progress: ProgressSheet,
  agents: Agent[],
  schedule: readonly ScheduleItem[],
  stored: RowMap | null,
  tickLog: TickLogSheet,
): { added: Agent[]; map: RowMap } {
  const [NAME, OID] = PROGRESS_FIXED_HEADERS;
  const col = (h: string) => progress.headers.findIndex((x) => headerKey(x) === headerKey(h));
  const missingFixed = PROGRESS_FIXED_HEADERS.filter((h) => col(h) < 0);
  if (missingFixed.length > 0) {
    throw new ContractError(
      `Sheet "${progress.title}" of the progress report has no ${missingFixed.map((h) => `"${h}"`).join(', ')} header.`,
    );
  }
  const usable = stored && stored.sheetId === progress.sheetId ? stored : null;
  const map: RowMap = usable ?? { sheetId: progress.sheetId, rows: new Map() };
  let changed = !usable;
  if (!usable) {
    const roster = new Set(agents.map((a) => a.oid.toLowerCase()));
    const seen = new Set<string>();
    progress.rows.forEach((row, k) => {
      const oid = String(row[col(OID)] ?? '').trim();
      if (!roster.has(oid.toLowerCase()) || seen.has(oid.toLowerCase())) return;
      seen.add(oid.toLowerCase());
      map.rows.set(k + 2, oid);
    });
  }
  const known = new Set([...map.rows.values()].map((o) => o.toLowerCase()));
  const fresh = agents.filter((a) => !known.has(a.oid.toLowerCase()));
  const writes: { a1: string; values: CellInput[][] }[] = [];
  if (progress.newHeaders) {
    const { col: c, values } = progress.newHeaders;
    writes.push({
      a1: a1Range(progress.title, { row: 1, col: c, numRows: 1, numCols: values.length }),
      values: [values],
    });
  }
  if (tickLog.created) {
    const rect = { row: 1, col: 1, numRows: 1, numCols: TICK_LOG_HEADERS.length };
    writes.push({ a1: a1Range(TICK_LOG_SHEET, rect), values: [[...TICK_LOG_HEADERS]] });
  }
  if (fresh.length > 0) {
    const firstRow = progress.rows.length + 2;
    const lastRow = firstRow + fresh.length - 1;
    if (lastRow > progress.maxRows) {
      progress.sheet().insertRowsAfter(progress.maxRows, lastRow - progress.maxRows);
      progress.maxRows = lastRow;
    }
    const items = new Set(schedule.map((s) => headerKey(s.item)));
    const width = progress.headers.length;
    const values = fresh.map((agent) =>
      progress.headers.map((h): CellInput => {
        const key = headerKey(h);
        if (key === headerKey(NAME)) return agent.name;
        if (key === headerKey(OID)) return agent.oid;
        return items.has(key) ? false : '';
      }),
    );
    writes.push({
      a1: a1Range(progress.title, { row: firstRow, col: 1, numRows: fresh.length, numCols: width }),
      values,
    });
    fresh.forEach((a, k) => map.rows.set(firstRow + k, a.oid));
    changed = true;
  }
  writeRanges(reportId, writes);
  if (changed) saveRowMap(reportId, map);
  return { added: fresh, map };
}

/** 1-based columns of `headers` that are in `wanted`. */
function columnsOf(headers: readonly string[], wanted: readonly string[]): number[] {
  const keys = new Set(wanted.map(headerKey));
  return headers.flatMap((h, c) => (keys.has(headerKey(h)) ? [c + 1] : []));
}

/**
 * The Progress sheet is protected as a sheet (editors: the script's user and the licensing team), with
 * the agent rows' item and Blockers cells left unprotected; each agent's cells then carry a range
 * protection for that agent (both emails), their TL and the licensing team. So an agent edits their own
 * items and nothing else: not another agent's row, not names, OIDs or stamps, not rows below the list,
 * and cannot rename or delete the sheet. Every protection, the new rows' checkboxes, the header's bold
 * and a new Tick Log's script-only protection go in ONE `Spreadsheets.batchUpdate` (atomic: a row gets
 * its checkboxes and its protection together). The script's user is named first on every protection,
 * as in Google's sample, so the script never locks itself out (in a shared drive too). Protections are
 * found by description in the layout read at the start; any agent row without its protection gets one,
 * so an interrupted run is completed by the next.
 */
function ensureProtections(
  reportId: string,
  progress: ProgressSheet,
  tickLog: TickLogSheet,
  schedule: readonly ScheduleItem[],
  map: RowMap,
  agents: readonly Agent[],
  licensingTeam: readonly string[],
): void {
  const cols = runs(columnsOf(progress.headers, [...schedule.map((s) => s.item), BLOCKERS]));
  const boxCols = runs(
    columnsOf(
      progress.headers,
      schedule.map((s) => s.item),
    ),
  );
  const rows = runs([...map.rows.keys()]);
  const wanted: CellRect[] = rows.flatMap(([r0, r1]) =>
    cols.map(([c0, c1]) => ({ row: r0, col: c0, numRows: r1 - r0 + 1, numCols: c1 - c0 + 1 })),
  );
  const whole = progress.protections.find((p) => p.rect === null);
  const described = new Set(progress.protections.map((p) => p.description));
  const byOid = new Map(agents.map((a) => [a.oid.toLowerCase(), a]));
  const pending = [...map.rows].filter(([, oid]) => {
    const agent = byOid.get(oid.toLowerCase());
    return agent !== undefined && !described.has(`Agent row ${oid}`);
  });
  const unprotectedChanged = !whole || JSON.stringify(whole.unprotected) !== JSON.stringify(wanted);
  if (pending.length === 0 && !unprotectedChanged && !progress.newHeaders && !tickLog.unprotected) return;

  const me = Session.getEffectiveUser().getEmail();
  const extras: SheetSetup = {};
  if (!whole) {
    extras.sheetProtection = {
      description: PROGRESS_PROTECTION,
      editors: [me, ...licensingTeam],
      unprotected: wanted,
    };
  } else if (unprotectedChanged) {
    extras.unprotectedUpdate = { protectedRangeId: whole.id, unprotected: wanted };
  }
  if (progress.newHeaders) {
    extras.bold = [{ row: 1, col: 1, numRows: 1, numCols: progress.headers.length }];
  }
  const pendingRows = runs(pending.map(([row]) => row));
  extras.checkboxes = pendingRows.flatMap(([r0, r1]) =>
    boxCols.map(([c0, c1]) => ({ row: r0, col: c0, numRows: r1 - r0 + 1, numCols: c1 - c0 + 1 })),
  );
  const rowProtections: AgentRowProtection[] = pending.map(([row, oid]) => {
    const agent = byOid.get(oid.toLowerCase());
    return {
      row,
      description: `Agent row ${oid}`,
      editors: [
        me,
        agent?.cxpEmail ?? '',
        agent?.personalEmail ?? '',
        agent?.tlEmail ?? '',
        ...licensingTeam,
      ],
    };
  });
  const requests = setupRequests(
    progress.sheetId,
    agentRowSetup(() => progress.title, rowProtections, cols, extras),
  );
  if (tickLog.unprotected) {
    requests.push(
      ...setupRequests(tickLog.sheetId, {
        sheetProtection: { description: TICK_LOG_PROTECTION, editors: [me] },
      }),
    );
  }
  batchUpdate(reportId, requests);
}

/** Contiguous runs of sorted numbers, as [start, end] pairs. */
function runs(cols: number[]): [number, number][] {
  const sorted = [...cols].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}
