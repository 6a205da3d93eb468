/**
 * Behaviour 2 — Create progress report. Refuses a Drive ID setting that is the tracker itself, validates
 * the roster, then creates (or reopens) the cohort's Agent Progress Report, records its ID in Settings,
 * adds agents that are not in it yet (one batched write) and records which row is whose (row map, kept
 * in the tracker), shares the file with every agent's two emails and each TL, and only then protects
 * it: the Progress sheet as a sheet, each agent's item cells for that agent, their TL and the licensing
 * team (see `ensureProtections`). Re-running only adds what is new.
 */
import { PROGRESS_FIXED_HEADERS, PROGRESS_SHEET, SHEET, TRACKER, TRACKER_HEADERS } from '../domain/contract';
import {
  BLOCKERS,
  LAST_SELF_REPORT,
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
import type { Config } from './config';
import { writeSetting } from './config';
import { openSpreadsheet } from './open';
import { protectedDescriptions, protectFor, sheetProtection } from './protection';
import { loadRowMap, type RowMap, saveRowMap } from './reportRowMap';
import { type ShareResult, shareAsEditors } from './sharing';
import { ContractError, headerKey, SheetTable, type Sheet, type Spreadsheet } from './sheetTable';
import { ensureReportTrigger, ensureTickLog } from './tickLog';
import { keepAsText } from '../domain/values';
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

/** Tracker rows as domain agents (every row with a name or an OID). */
export function readAgents(ss: Spreadsheet): Agent[] {
  const table = SheetTable.open(ss, SHEET.tracker, [
    TRACKER.agentName,
    TRACKER.oid,
    TRACKER.tlName,
    TRACKER.tlEmail,
  ]);
  const present = TRACKER_HEADERS.filter((h) => table.has(h));
  return agentsFromRecords(
    table.rowIndexes().map((i) => ({
      row: table.sheetRow(i),
      values: Object.fromEntries(present.map((h) => [h, table.value(i, h)])),
    })),
  );
}

export function createProgressReport(ss: Spreadsheet, config: Config): ReportResult {
  const { settings, schedule } = config;
  refuseTrackerIds(ss, settings);
  // The Drive IDs must be the right kind of file: a template that is a copy of the tracker (its Coaching
  // Log, CAP levels, Settings) must never be copied and shared with agents.
  const drive = checkDriveSettings(ss, settings);
  if (drive.length > 0)
    throw new ContractError(`Nothing was created or shared:\n• ${drive.map((i) => i.message).join('\n• ')}`);
  if (!settings.day1)
    throw new ContractError('Settings "Day 1 Date" is blank: the report is named after it.');
  if (schedule.length === 0)
    throw new ContractError('The "Schedule" sheet has no items: run Set up workbook.');
  const agents = readAgents(ss);
  if (agents.length === 0) throw new ContractError('The "ESP Tracker" sheet has no agents yet.');
  const problems = validateRoster(agents);
  const blocking = blockingProblems(problems);
  if (blocking.length > 0) {
    throw new ContractError(
      `Fix the roster first (${blocking.length} problem${blocking.length > 1 ? 's' : ''}):\n• ${blocking.map((p) => p.message).join('\n• ')}`,
    );
  }

  const name = reportName(settings.cohortName, settings.day1);
  const { report, created, folderNote } = openOrCreateReport(config, name);
  if (report.getId() === ss.getId()) throw trackerIdError('Progress Report ID', report.getId());
  // Recorded at once: a run stopped later (time limit, Drive error) is finished by the next run
  // instead of creating a second report.
  if (created) writeSetting(ss, 'Progress Report ID', report.getId());
  const stored = loadRowMap(report.getId());
  const progress = ensureProgressSheet(report, progressHeaders(schedule), stored);
  ensureScriptOnlyTickLog(report);
  const { added, map } = addAgents(report.getId(), progress, agents, schedule, stored);
  // Shared before the (slow, per-agent) row protections: a run stopped by the time limit has still
  // invited everyone, and the next run finishes the protections.
  const file = DriveApp.getFileById(report.getId());
  const emails = agents.flatMap((a) => [a.cxpEmail, a.personalEmail, a.tlEmail]);
  const share = shareAsEditors(file, emails, ss.getId());
  ensureProtections(progress, schedule, map, agents, settings.licensingTeamEmails);
  ensureReportTrigger(report.getId());
  return {
    reportId: report.getId(),
    url: report.getUrl(),
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
      key === 'Progress Report ID'
        ? "Clear it to create a new report, or paste the progress report's ID."
        : 'Paste the ID of the Agent Progress Report template, or clear it to build one.'
    }`,
  );
}

/** A Drive ID setting that is the tracker itself would share the tracker (or a full copy) with agents. */
export function refuseTrackerIds(ss: Spreadsheet, settings: Config['settings']): void {
  const trackerId = ss.getId();
  if (settings.progressReportId && settings.progressReportId.trim() === trackerId)
    throw trackerIdError('Progress Report ID', settings.progressReportId);
  if (settings.progressReportTemplateId && settings.progressReportTemplateId.trim() === trackerId)
    throw trackerIdError('Progress Report Template ID', settings.progressReportTemplateId);
}

function openOrCreateReport(
  config: Config,
  name: string,
): { report: Spreadsheet; created: boolean; folderNote: string } {
  const { settings } = config;
  if (settings.progressReportId) {
    try {
      return { report: openSpreadsheet(settings.progressReportId), created: false, folderNote: '' };
    } catch {
      throw new ContractError(
        `Settings "Progress Report ID" (${settings.progressReportId}) cannot be opened. Clear it to create a new report.`,
      );
    }
  }
  let folder: GoogleAppsScript.Drive.Folder;
  let folderNote = '';
  if (settings.leadershipDriveFolderId) {
    folder = DriveApp.getFolderById(settings.leadershipDriveFolderId);
  } else {
    folder = DriveApp.getRootFolder();
    folderNote = 'Settings "Leadership Drive Folder ID" is blank, so the report is in your My Drive.';
  }
  let id: string;
  if (settings.progressReportTemplateId) {
    id = DriveApp.getFileById(settings.progressReportTemplateId).makeCopy(name, folder).getId();
  } else {
    id = SpreadsheetApp.create(name).getId();
    DriveApp.getFileById(id).moveTo(folder);
  }
  return { report: openSpreadsheet(id), created: true, folderNote };
}

/**
 * The Progress sheet with every header (missing ones appended after a template's own columns, which keep
 * their place). Its protections are ensured by `ensureProtections` on every run, so a template that
 * already has every header is protected too.
 */
function ensureProgressSheet(report: Spreadsheet, headers: string[], stored: RowMap | null): Sheet {
  // By the recorded sheet ID first: a renamed Progress sheet is reused, never duplicated.
  let sheet =
    (stored && report.getSheets().find((s) => s.getSheetId() === stored.sheetId)) ||
    report.getSheetByName(PROGRESS_SHEET);
  if (!sheet) {
    const sheets = report.getSheets();
    const blank = sheets.length === 1 && sheets[0].getLastRow() === 0 ? sheets[0] : null;
    sheet = blank ? blank.setName(PROGRESS_SHEET) : report.insertSheet(PROGRESS_SHEET, 0);
  }
  const lastCol = sheet.getLastColumn();
  const row1 = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0].map(headerKey) : [];
  const missing = headers.filter((h) => !row1.includes(headerKey(h)));
  const width = lastCol + missing.length;
  if (missing.length > 0) {
    const needed = width - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, lastCol + 1, 1, missing.length).setValues([missing.map(keepAsText)]);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  return sheet;
}

/**
 * Appends agents not yet in the report in one write, inserts their checkboxes and records which row the
 * script gave each agent (the row map, see reportRowMap.ts). An agent counts as present only by that
 * map: a row someone typed with a new agent's OID does not stop the script adding the real row. A
 * report made before the map existed (or whose Progress sheet was replaced) gets one from the first row
 * holding each roster OID.
 */
function addAgents(
  reportId: string,
  sheet: Sheet,
  agents: Agent[],
  schedule: readonly ScheduleItem[],
  stored: RowMap | null,
): { added: Agent[]; map: RowMap } {
  const table = SheetTable.read(sheet, [...PROGRESS_FIXED_HEADERS, LAST_SELF_REPORT]);
  const usable = stored && stored.sheetId === sheet.getSheetId() ? stored : null;
  const map: RowMap = usable ?? { sheetId: sheet.getSheetId(), rows: new Map() };
  let changed = !usable;
  if (!usable) {
    const roster = new Set(agents.map((a) => a.oid.toLowerCase()));
    const seen = new Set<string>();
    for (const i of table.rowIndexes()) {
      const oid = table.text(i, 'OID');
      if (!roster.has(oid.toLowerCase()) || seen.has(oid.toLowerCase())) continue;
      seen.add(oid.toLowerCase());
      map.rows.set(table.sheetRow(i), oid);
    }
  }
  const known = new Set([...map.rows.values()].map((o) => o.toLowerCase()));
  const fresh = agents.filter((a) => !known.has(a.oid.toLowerCase()));
  if (fresh.length > 0) {
    const firstRow = Math.max(sheet.getLastRow(), 1) + 1;
    for (const agent of fresh) {
      const record: Record<string, string | boolean> = { 'Agent Name': agent.name, OID: agent.oid };
      for (const s of schedule) if (table.has(s.item)) record[s.item] = false;
      table.append(record);
    }
    table.flush();
    const itemCols = schedule.filter((s) => table.has(s.item)).map((s) => table.col(s.item) + 1);
    for (const [start, end] of runs(itemCols)) {
      sheet.getRange(firstRow, start, fresh.length, end - start + 1).insertCheckboxes();
    }
    fresh.forEach((a, k) => map.rows.set(firstRow + k, a.oid));
    changed = true;
  }
  if (changed) saveRowMap(reportId, map);
  return { added: fresh, map };
}

/** The columns agents may edit: one checkbox per Schedule item, and Blockers. */
function editableColumns(sheet: Sheet, schedule: readonly ScheduleItem[]): number[] {
  const lastCol = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, lastCol).getValues()[0].map(headerKey);
  const wanted = new Set([...schedule.map((s) => s.item), BLOCKERS].map(headerKey));
  return headers.flatMap((h, c) => (wanted.has(h) ? [c + 1] : []));
}

/**
 * The Progress sheet is protected as a sheet (editors: the script's user and the licensing team), with
 * the agent rows' item and Blockers cells left unprotected; each agent's cells then carry a range
 * protection for that agent (both emails), their TL and the licensing team. So an agent edits their own
 * items and nothing else: not another agent's row, not names, OIDs or stamps, not rows below the list,
 * and cannot rename or delete the sheet. Protections are found by description (one read per run); any
 * agent row without its protection gets one, so an interrupted run is completed by the next.
 */
function ensureProtections(
  sheet: Sheet,
  schedule: readonly ScheduleItem[],
  map: RowMap,
  agents: readonly Agent[],
  licensingTeam: readonly string[],
): void {
  const cols = runs(editableColumns(sheet, schedule));
  const rows = runs([...map.rows.keys()]);
  const whole = sheetProtection(sheet, PROGRESS_PROTECTION, licensingTeam);
  const wanted = rows.flatMap(([r0, r1]) =>
    cols.map(([c0, c1]) => sheet.getRange(r0, c0, r1 - r0 + 1, c1 - c0 + 1)),
  );
  const current = whole.getUnprotectedRanges().map((r) => r.getA1Notation());
  const next = wanted.map((r) => r.getA1Notation());
  if (current.join() !== next.join()) whole.setUnprotectedRanges(wanted);

  const descriptions = protectedDescriptions(sheet);
  const byOid = new Map(agents.map((a) => [a.oid.toLowerCase(), a]));
  for (const [row, oid] of map.rows) {
    const agent = byOid.get(oid.toLowerCase());
    const description = `Agent row ${oid}`;
    if (!agent || descriptions.has(description)) continue;
    for (const [c0, c1] of cols) {
      protectFor(sheet.getRange(row, c0, 1, c1 - c0 + 1), description, [
        agent.cxpEmail,
        agent.personalEmail,
        agent.tlEmail,
        ...licensingTeam,
      ]);
    }
  }
}

/**
 * The hidden Tick Log, protected as a sheet for the script's user only (the effective user is added
 * first, so this works in a shared drive too). `ensureTickLog` then finds it.
 */
function ensureScriptOnlyTickLog(report: Spreadsheet): void {
  if (report.getSheetByName(TICK_LOG_SHEET)) return;
  const sheet = report.insertSheet(TICK_LOG_SHEET);
  sheet.getRange(1, 1, 1, TICK_LOG_HEADERS.length).setValues([[...TICK_LOG_HEADERS]]);
  sheet.hideSheet();
  sheetProtection(sheet, 'Tick log (script only)', []);
  ensureTickLog(report);
}

/** Contiguous runs of sorted column numbers, as [start, end] pairs. */
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
