/**
 * Two overlapping classes in one tracker, through the built bundle: the fixture the cohort bundle tests
 * share. Denver is UTC-7 in December. Class A ("Test Cohort", moved from Settings by set-up): Day 1 Thu
 * 12/3, Day 4 Tue 12/8 (window ends 12:00). Class B ("Dec 7 Class"): Day 1 Mon 12/7 (A's Day 3).
 */
import { COHORTS, SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from './bundle';
import { agentRecord, cohortSettings, writeRoster } from './workbook';

export const at = (iso: string) => new Date(iso);
export const DAY0 = at('2026-12-01T19:00:00Z'); // Tue 12/1 noon

export function sheetRows(ws: Workspace, name: string): unknown[][] {
  return ws.tracker.sheet(name).getDataRange().getValues();
}

export function col(ws: Workspace, name: string, header: string): number {
  return sheetRows(ws, name)[0].indexOf(header) + 1;
}

/** Appends tracker rows for class `cohort` (blank = leave the Cohort cell empty), named `prefix N`. */
export function addAgents(ws: Workspace, cohort: string, prefix: string, from: number, count: number): void {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheetRows(ws, SHEET.tracker)[0].map(String);
  const rows = Array.from({ length: count }, (_, k) => {
    const record: Record<string, string> = {
      ...agentRecord(from + k),
      [TRACKER.agentName]: `${prefix} ${k}`,
      [TRACKER.cohort]: cohort,
    };
    return headers.map((h) => record[h] ?? '');
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, headers.length).setValues(rows);
}

export function addCohort(ws: Workspace, name: string, day1: string): void {
  const sheet = ws.tracker.sheet(SHEET.cohorts);
  const row = sheet.getLastRow() + 1;
  sheet.getRange(row, col(ws, SHEET.cohorts, COHORTS.cohort)).setValue(name);
  sheet.getRange(row, col(ws, SHEET.cohorts, COHORTS.day1Date)).setValue(day1);
}

/** Class A (moved from Settings by set-up, 6 agents) and class B (6 agents, named in their rows), with reports. */
export function twoClasses(): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, 6);
  for (let k = 0; k < 6; k++)
    ws.tracker
      .sheet(SHEET.tracker)
      .getRange(k + 2, col(ws, SHEET.tracker, TRACKER.agentName))
      .setValue(`Ann ${k}`);
  bundle.menuSetupWorkbook(); // moves "Test Cohort" into Cohorts and names it in the 6 rows
  addCohort(ws, 'Dec 7 Class', '12/7/2026');
  addAgents(ws, 'Dec 7 Class', 'Bea', 10, 6);
  bundle.menuSetupWorkbook();
  // Two classes are Planned/Active: each menu action asks which.
  ws.ui.queuePromptResponse('Test Cohort');
  expect(String(bundle.menuCreateProgressReport())).toMatch(/Added 6 agent/);
  ws.ui.queuePromptResponse('dec 7 class');
  expect(String(bundle.menuCreateProgressReport())).toMatch(/Added 6 agent/);
  return { ws, bundle };
}
