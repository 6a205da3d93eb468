/** Shared set-up for the progress-report tests of src/gas (globals installed, no bundle). */
import { SHEET } from '../../src/domain/contract';
import { loadConfig } from '../../src/gas/config';
import { createProgressReport } from '../../src/usecases/progressReport';
import type { FakeSpreadsheetT } from '../../workspace/spreadsheet';
import type { Workspace } from '../../workspace/workspace';
import { cohortSettings, setUpWorkspace } from '../helpers/workbook';

export const TUE_NOON = new Date('2026-12-01T19:00:00Z'); // Tue 12/1 12:00 Denver, 44 h before Day 1

/** A set-up tracker with `agents` on the roster, cohort settings and a Leadership folder. */
export function reportWorkspace(agents: number, now: Date = TUE_NOON): Workspace {
  const ws = setUpWorkspace(agents, now);
  const folder = ws.drive.createFolder('cXp Leadership');
  cohortSettings(ws, { 'Leadership Drive Folder ID': folder.getId() });
  return ws;
}

export function settingValue(ws: Workspace, key: string): string {
  const rows = ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
  return String(rows.find((r) => r[0] === key)?.[1] ?? '');
}

/** Creates the report with the code under test and returns it. */
export function createReport(ws: Workspace): FakeSpreadsheetT {
  createProgressReport(ws.tracker, loadConfig(ws.tracker));
  return ws.spreadsheets.fake(settingValue(ws, 'Progress Report ID'));
}

/** 1-based column of a header in row 1. */
export function colOf(ss: FakeSpreadsheetT, sheet: string, header: string): number {
  const s = ss.sheet(sheet);
  const col = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].indexOf(header) + 1;
  if (col < 1) throw new Error(`No ${header} in ${sheet}`);
  return col;
}
