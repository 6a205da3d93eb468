/** Entry points for the TL's screens: sidebars, their google.script.run calls, the dashboard, CAP documents. */
import type { CapLevel } from '../domain/contract';
import { generateCapDocument } from '../gas/capDocument';
import { loadConfig } from '../gas/config';
import { refreshDashboard } from '../gas/dashboard';
import { runFromMenu } from '../gas/feedback';
import { withDocumentLock } from '../gas/lock';
import { syncProgress } from '../gas/progressSync';
import {
  type AttendanceView,
  attendanceView,
  type CohortStatus,
  cohortStatus,
  openAgentRow,
  type Scope,
} from '../gas/screens';

function tracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

function showSidebar(file: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title));
}

export function menuAttendanceSidebar(): void {
  showSidebar('AttendanceSidebar', 'Hands check');
}

export function menuCohortStatus(): void {
  showSidebar('CohortStatus', 'Cohort status');
}

/** google.script.run: the attendance sidebar's data. */
export function getAttendanceView(scope: Scope, header?: string): AttendanceView {
  return attendanceView(
    tracker(),
    loadConfig(tracker()),
    scope === 'all' ? 'all' : 'mine',
    Session.getActiveUser().getEmail(),
    header,
  );
}

/** google.script.run: the cohort status screen's data. */
export function getCohortStatus(): CohortStatus {
  return cohortStatus(tracker());
}

/** google.script.run: select an agent's row in the tracker. */
export function showAgentRow(oid: string): number {
  return openAgentRow(tracker(), String(oid));
}

export function menuRefreshDashboard(): string {
  return runFromMenu('Refresh dashboard', () =>
    withDocumentLock(() => {
      const ss = tracker();
      const config = loadConfig(ss);
      const counts = refreshDashboard(ss, config, syncProgress(ss, config).rows);
      return `Dashboard refreshed: ${counts.byItem.length} items, ${counts.byTl.length} TL(s).`;
    }),
  );
}

export function menuGenerateCapDocument(): string {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt('Generate CAP document', 'Agent OID:', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return 'Cancelled.';
  return runFromMenu('Generate CAP document', () =>
    withDocumentLock(() => {
      const doc = generateCapDocument(tracker(), loadConfig(tracker()), answer.getResponseText());
      return `${doc.name}\nShared with ${doc.sharedWith.join(', ') || 'nobody new'} (no link access); linked in Coaching Log.\n${doc.url}`;
    }),
  );
}

/** Also callable for one agent and level without a dialog (the story, or a TL's own script). */
export function createCapDocument(oid: string, level?: CapLevel): string {
  return withDocumentLock(() => generateCapDocument(tracker(), loadConfig(tracker()), oid, level).url);
}
