/**
 * Behaviour 2 — Create progress report. Validates the roster, then creates (or reopens) the cohort's
 * Agent Progress Report, adds agents that are not in it yet (one batched write), protects each new
 * agent's row for that agent, their TL and the licensing team, shares the file with every agent's two
 * emails and each TL, and records the report's ID in Settings. Re-running only adds what is new.
 */
import { SHEET, TRACKER, TRACKER_HEADERS } from '../domain/contract';
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
import type { Config } from './config';
import { writeSetting } from './config';
import { protectedDescriptions, protectFor } from './protection';
import { type ShareResult, shareAsEditors } from './sharing';
import { ContractError, headerKey, SheetTable, type Sheet, type Spreadsheet } from './sheetTable';
import { ensureReportTrigger } from './tickLog';

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
  const progress = ensureProgressSheet(report, progressHeaders(schedule));
  ensureTickLog(report);
  const addedAgents = addAgents(progress, agents, settings.licensingTeamEmails);
  const file = DriveApp.getFileById(report.getId());
  const emails = agents.flatMap((a) => [a.cxpEmail, a.personalEmail, a.tlEmail]);
  const share = shareAsEditors(file, emails);
  if (created) writeSetting(ss, 'Progress Report ID', report.getId());
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

/** The Progress sheet with every header (missing ones appended; a template's own columns kept). */
function ensureProgressSheet(report: Spreadsheet, headers: string[]): Sheet {
  let sheet = report.getSheetByName('Progress');
  if (!sheet) {
    const sheets = report.getSheets();
    const blank = sheets.length === 1 && sheets[0].getLastRow() === 0 ? sheets[0] : null;
    sheet = blank ? blank.setName('Progress') : report.insertSheet('Progress', 0);
  }
  const lastCol = sheet.getLastColumn();
  const row1 = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0].map(headerKey) : [];
  const missing = headers.filter((h) => !row1.includes(headerKey(h)));
  if (missing.length > 0) {
    const needed = lastCol + missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(1, lastCol + 1, 1, missing.length).setValues([missing]);
    sheet.getRange(1, 1, 1, lastCol + missing.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    const width = lastCol + missing.length;
    const owner = report.getOwner()?.getEmail() ?? '';
    const descriptions = protectedDescriptions(sheet);
    if (!descriptions.has('Header row')) protectFor(sheet.getRange(1, 1, 1, width), 'Header row', [owner]);
  }
  return sheet;
}

/** A hidden, owner-only log of every tick and untick, written by onReportEdit. */
function ensureTickLog(report: Spreadsheet): void {
  if (report.getSheetByName(TICK_LOG_SHEET)) return;
  const sheet = report.insertSheet(TICK_LOG_SHEET);
  sheet.getRange(1, 1, 1, TICK_LOG_HEADERS.length).setValues([[...TICK_LOG_HEADERS]]);
  sheet.hideSheet();
  const protection = sheet.protect().setDescription('Tick log (script only)');
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** Appends agents not yet in the report (by OID) in one write, then checkboxes and row protections. */
function addAgents(sheet: Sheet, agents: Agent[], licensingTeam: readonly string[]): string[] {
  const table = SheetTable.read(sheet, ['Agent Name', 'OID', LAST_SELF_REPORT]);
  const known = new Set(table.rowIndexes().map((i) => table.text(i, 'OID').toLowerCase()));
  const fresh = agents.filter((a) => !known.has(a.oid.toLowerCase()));
  if (fresh.length === 0) return [];
  const firstRow = Math.max(sheet.getLastRow(), 1) + 1;
  for (const agent of fresh) table.append({ 'Agent Name': agent.name, OID: agent.oid });
  table.flush();
  const itemCols = table.headers
    .map((h, c) => ({ h, c: c + 1 }))
    .filter(
      ({ h }) =>
        !['agent name', 'oid', headerKey(BLOCKERS), headerKey(LAST_SELF_REPORT)].includes(headerKey(h)),
    )
    .map(({ c }) => c);
  for (const [start, end] of runs(itemCols)) {
    sheet.getRange(firstRow, start, fresh.length, end - start + 1).insertCheckboxes();
  }
  const lastSelfReport = table.col(LAST_SELF_REPORT) + 1;
  const editableWidth = Math.max(...itemCols, table.col(BLOCKERS) + 1);
  const owner = sheet.getParent().getOwner()?.getEmail() ?? '';
  const descriptions = protectedDescriptions(sheet);
  fresh.forEach((agent, k) => {
    const row = firstRow + k;
    const description = `Agent row ${agent.oid}`;
    if (descriptions.has(description)) return;
    // Name and OID stay script-owned: the agent edits only their items and Blockers.
    protectFor(sheet.getRange(row, 3, 1, Math.max(editableWidth - 2, 1)), description, [
      agent.cxpEmail,
      agent.personalEmail,
      agent.tlEmail,
      ...licensingTeam,
    ]);
  });
  if (!descriptions.has('Script-owned columns')) {
    protectFor(sheet.getRange(2, lastSelfReport, sheet.getMaxRows() - 1, 1), 'Script-owned columns', [owner]);
    protectFor(sheet.getRange(2, 1, sheet.getMaxRows() - 1, 2), 'Script-owned columns', [owner]);
  }
  return fresh.map((a) => a.name);
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
