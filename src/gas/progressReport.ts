/**
 * Behaviour 2 — Create progress report. Validates the roster, then creates (or reopens) the cohort's
 * Agent Progress Report, adds agents that are not in it yet (one batched write), protects each new
 * agent's row for that agent, their TL and the licensing team, shares the file with every agent's two
 * emails and each TL, and records the report's ID in Settings. Re-running only adds what is new.
 */
import { PROGRESS_FIXED_HEADERS, PROGRESS_SHEET, SHEET, TRACKER, TRACKER_HEADERS } from '../domain/contract';
import { LAST_SELF_REPORT, progressHeaders, reportName } from '../domain/progressReport';
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
import { protectedDescriptions, protectFor } from './protection';
import { type ShareResult, shareAsEditors } from './sharing';
import { ContractError, headerKey, SheetTable, type Sheet, type Spreadsheet } from './sheetTable';
import { ensureReportTrigger, ensureTickLog } from './tickLog';

const HEADER_PROTECTION = 'Header row';
const SCRIPT_OWNED_PROTECTION = 'Script-owned columns';

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
  // Recorded at once: a run stopped later (time limit, Drive error) is finished by the next run
  // instead of creating a second report.
  if (created) writeSetting(ss, 'Progress Report ID', report.getId());
  const progress = ensureProgressSheet(report, progressHeaders(schedule));
  ensureTickLog(report);
  const addedAgents = addAgents(progress, agents, schedule, settings.licensingTeamEmails);
  const file = DriveApp.getFileById(report.getId());
  const emails = agents.flatMap((a) => [a.cxpEmail, a.personalEmail, a.tlEmail]);
  const share = shareAsEditors(file, emails);
  ensureReportTrigger(report.getId());
  return {
    reportId: report.getId(),
    url: report.getUrl(),
    name,
    created,
    addedAgents,
    share,
    warnings: problems.filter((p) => p.severity === 'warning'),
    folderNote,
  };
}

function openOrCreateReport(
  config: Config,
  name: string,
): { report: Spreadsheet; created: boolean; folderNote: string } {
  const { settings } = config;
  if (settings.progressReportId) {
    try {
      return { report: SpreadsheetApp.openById(settings.progressReportId), created: false, folderNote: '' };
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
  return { report: SpreadsheetApp.openById(id), created: true, folderNote };
}

/**
 * The Progress sheet with every header (missing ones appended after a template's own columns, which keep
 * their place). Its protections are ensured by `ensureProtections` on every run, so a template that
 * already has every header is protected too.
 */
function ensureProgressSheet(report: Spreadsheet, headers: string[]): Sheet {
  let sheet = report.getSheetByName(PROGRESS_SHEET);
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
    sheet.getRange(1, lastCol + 1, 1, missing.length).setValues([missing]);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  return sheet;
}

/**
 * Appends agents not yet in the report (by OID) in one write, inserts their checkboxes, then makes sure
 * every protection exists (see `ensureProtections`). Columns are found by header, so a template's own
 * layout works.
 */
function addAgents(
  sheet: Sheet,
  agents: Agent[],
  schedule: readonly ScheduleItem[],
  licensingTeam: readonly string[],
): string[] {
  const table = SheetTable.read(sheet, [...PROGRESS_FIXED_HEADERS, LAST_SELF_REPORT]);
  const known = new Set(table.rowIndexes().map((i) => table.text(i, 'OID').toLowerCase()));
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
  }
  ensureProtections(sheet, table, agents, licensingTeam);
  return fresh.map((a) => a.name);
}

/**
 * Each agent's whole row is protected for that agent, their TL and the licensing team; the header row
 * and the script-owned columns (Agent Name, OID, Last Self-Report, every data row) carry owner-only
 * protections. A cell is editable only when every protection covering it allows the user, so agents
 * tick items and write Blockers in their own row and nowhere else.
 *
 * Protections are found by description, read once per run. Any row without its protection gets one, so
 * a run that stopped between writing rows and protecting them is completed by the next run; rows that
 * are protected already cost nothing but that one read.
 */
function ensureProtections(
  sheet: Sheet,
  table: SheetTable,
  agents: readonly Agent[],
  licensingTeam: readonly string[],
): void {
  const descriptions = protectedDescriptions(sheet);
  const width = table.headers.length;
  if (!descriptions.has(HEADER_PROTECTION)) {
    protectFor(sheet.getRange(1, 1, 1, width), HEADER_PROTECTION, []);
  }
  if (!descriptions.has(SCRIPT_OWNED_PROTECTION)) {
    const cols = [...PROGRESS_FIXED_HEADERS, LAST_SELF_REPORT].map((h) => table.col(h) + 1);
    const rows = Math.max(sheet.getMaxRows() - 1, 1);
    for (const [start, end] of runs(cols)) {
      protectFor(sheet.getRange(2, start, rows, end - start + 1), SCRIPT_OWNED_PROTECTION, []);
    }
  }
  const byOid = new Map(agents.map((a) => [a.oid.toLowerCase(), a]));
  for (const i of table.rowIndexes()) {
    const agent = byOid.get(table.text(i, 'OID').toLowerCase());
    const description = agent ? `Agent row ${agent.oid}` : '';
    if (!agent || descriptions.has(description)) continue;
    protectFor(sheet.getRange(table.sheetRow(i), 1, 1, width), description, [
      agent.cxpEmail,
      agent.personalEmail,
      agent.tlEmail,
      ...licensingTeam,
    ]);
  }
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
