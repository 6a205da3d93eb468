/** Entry points for the Agent Progress Report: create/update it, invite the cohort, sync pace, stamp ticks. */
import { runFromMenu } from '../gas/feedback';
import { sendInvitation } from '../gas/invitation';
import { withDocumentLock } from '../gas/lock';
import { createProgressReport } from '../gas/progressReport';
import { syncProgress } from '../gas/progressSync';
import { loadConfig } from '../gas/config';
import { describeReport, describeSync } from '../gas/reportMessages';
import { handleReportEdit } from '../gas/tickLog';

export function menuCreateProgressReport(): string {
  return runFromMenu('Create progress report', () =>
    withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      return describeReport(createProgressReport(ss, loadConfig(ss)));
    }),
  );
}

export function menuSendInvitation(): string {
  return runFromMenu('Send G2T invitation', () =>
    withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const ui = SpreadsheetApp.getUi();
      const outcome = sendInvitation(ss, loadConfig(ss), (hours) => {
        const answer = ui.alert(
          'Less than 24 hours before Day 1',
          `Day 1 starts in ${Math.max(hours, 0).toFixed(1)} hours. Agents should get the link 24 hours ahead. Send it anyway?`,
          ui.ButtonSet.YES_NO,
        );
        return answer === ui.Button.YES;
      });
      if ('refused' in outcome) return outcome.refused;
      const s = outcome.summary;
      return `Invitation for ${outcome.agents} agent(s): ${s.sent} sent, ${s.dryRun} previewed (Dry Run), ${s.deferred} deferred (mail quota), ${s.failed} failed, ${s.skipped} already sent.`;
    }),
  );
}

export function menuSyncProgress(): string {
  return runFromMenu('Sync progress', () =>
    withDocumentLock(() => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      return describeSync(syncProgress(ss, loadConfig(ss)));
    }),
  );
}

/**
 * Installable edit trigger on the progress report: stamps ticks and Last Self-Report. It waits only
 * briefly for the document lock and stamps the edit even without it (see tickLog.ts), so no tick is lost.
 */
export function onReportEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  handleReportEdit(e.range);
}
