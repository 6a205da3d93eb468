/** Entry points of the `ESP Licensing` menu (src/gas/menu.ts lists them): each shows its result to the TL. */
import { SHEET } from '../domain/contract';
import { configForAgents } from '../usecases/agentCohort';
import { confirmFinalCapIssued, generateCapDocument } from '../usecases/capDocument';
import { chooseCohortConfig } from '../usecases/cohorts';
import { type Config, loadConfig } from '../gas/config';
import { refreshDashboard } from '../usecases/dashboard';
import { activeUi, runFromMenu } from '../gas/feedback';
import { sendInvitation } from '../usecases/invitation';
import { withDocumentLock } from '../gas/lock';
import { validateAllNotes } from '../usecases/noteValidation';
import { createProgressReport } from '../usecases/progressReport';
import { syncProgress } from '../usecases/progressSync';
import { describeReport, describeSync } from '../usecases/reportMessages';
import { checkSettings, describeSettingsCheck } from '../usecases/settingsCheck';
import { setupWorkbook } from '../usecases/setupWorkbook';
import { requireSheet } from '../gas/sheetTable';
import {
  describeInstall,
  describeRemove,
  installTriggers as install,
  removeTriggers as remove,
} from '../usecases/triggers';
import { capCheck, nightlySweep } from './triggers';

function tracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The class a menu action acts on (the only Planned/Active one, else asked): see chooseCohortConfig. */
function chosenCohort(ss = tracker()): Config {
  return chooseCohortConfig(ss, loadConfig(ss), () => SpreadsheetApp.getUi());
}

function showSidebar(file: string, title: string): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title));
}

export function menuSetupWorkbook(): string {
  return runFromMenu('Set up workbook', () =>
    withDocumentLock(() => {
      const added = setupWorkbook(tracker());
      return added.length === 0
        ? 'The workbook already matches the contract: nothing was added.'
        : `Added:\n• ${added.join('\n• ')}`;
    }),
  );
}

export function menuValidateNotes(): string {
  return runFromMenu('Validate Name - Date - Note entries', () =>
    withDocumentLock(() => {
      const counts = validateAllNotes(requireSheet(tracker(), SHEET.tracker));
      return (
        `Checked ${counts.checked} filled cell(s): ${counts.invalid} note cell(s) flagged, ` +
        `${counts.normalised} normalised, ${counts.warnings} N-Number warning(s).` +
        (counts.invalid > 0 ? '\nFlagged cells are red; hover for the note that says what to fix.' : '')
      );
    }),
  );
}

export function menuCreateProgressReport(): string {
  return runFromMenu('Create progress report', () =>
    withDocumentLock(() => {
      const ss = tracker();
      return describeReport(createProgressReport(ss, chosenCohort(ss)));
    }),
  );
}

export function menuSendInvitation(): string {
  return runFromMenu('Send G2T invitation', () =>
    withDocumentLock(() => {
      const ui = SpreadsheetApp.getUi();
      const outcome = sendInvitation(tracker(), chosenCohort(), (hours) => {
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
    withDocumentLock(() => describeSync(syncProgress(tracker(), chosenCohort()))),
  );
}

export function menuAttendanceSidebar(): void {
  showSidebar('AttendanceSidebar', 'Hands check');
}

export function menuCohortStatus(): void {
  showSidebar('CohortStatus', 'Cohort status');
}

/** RULES R25 — the TL's end-of-day checklist sidebar. */
export function menuChecklistSidebar(): void {
  showSidebar('ChecklistSidebar', 'End-of-day checklist');
}

/** The Coaching & exams sidebar: AHIP exam attempts and coaching records (RULES R20, R21). */
export function menuCoaching(): void {
  showSidebar('CoachingSidebar', 'Coaching & exams');
}

export function menuRefreshDashboard(): string {
  return runFromMenu('Refresh dashboard', () =>
    withDocumentLock(() => {
      const ss = tracker();
      const config = chosenCohort();
      const counts = refreshDashboard(ss, config, syncProgress(ss, config).rows);
      return `Dashboard refreshed: ${counts.byItem.length} items, ${counts.byTl.length} TL(s).`;
    }),
  );
}

export function menuGenerateCapDocument(): string {
  const ui = activeUi();
  if (!ui) {
    // From a trigger or the script editor there is nobody to ask for an OID: say so in the log.
    return runFromMenu('Generate CAP document', () => {
      throw new Error(
        'it asks for an agent OID, so run it from the ESP Licensing menu (or call createCapDocument(oid, level)).',
      );
    });
  }
  const answer = ui.prompt('Generate CAP document', 'Agent OID:', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return 'Cancelled.';
  return runFromMenu('Generate CAP document', () =>
    withDocumentLock(() => {
      const oid = answer.getResponseText();
      const config = configForAgents(tracker(), loadConfig(tracker()), [oid], 'Generate CAP document');
      const doc = generateCapDocument(tracker(), config, oid);
      const level = doc.capLevel ? `\nCAP Level: ${doc.capLevel}.` : '';
      return `${doc.name}\nShared with ${doc.sharedWith.join(', ') || 'nobody new'} (no link access); linked in Coaching Log.${level}\n${doc.url}`;
    }),
  );
}

export function menuRunNightlySweep(): string {
  return runFromMenu('Nightly sweep', () => nightlySweep());
}

export function menuRunCapCheck(): string {
  return runFromMenu('CAP check', () => capCheck());
}

export function installTriggers(): string {
  return runFromMenu('Install triggers', () =>
    withDocumentLock(() => describeInstall(install(tracker(), loadConfig(tracker())))),
  );
}

export function removeTriggers(): string {
  return runFromMenu('Remove triggers', () => withDocumentLock(() => describeRemove(remove())));
}

/** Checks every setting, the Schedule rows and the Drive IDs; reads only, so it needs no lock. */
export function menuCheckSettings(): string {
  return runFromMenu('Check settings', () => describeSettingsCheck(checkSettings(tracker())));
}

/** The TL documented an agent's Final CAP with HR: `CAP Level` → "Final CAP issued" (RULES R12). */
export function menuConfirmFinalCapIssued(): string {
  const ui = activeUi();
  if (!ui)
    return runFromMenu('Confirm Final CAP issued', () => {
      throw new Error('it asks for an agent OID, so run it from the ESP Licensing menu.');
    });
  const answer = ui.prompt('Confirm Final CAP issued', 'Agent OID:', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return 'Cancelled.';
  return runFromMenu('Confirm Final CAP issued', () =>
    withDocumentLock(() => {
      const oid = answer.getResponseText();
      const config = configForAgents(tracker(), loadConfig(tracker()), [oid], 'Confirm Final CAP issued');
      return confirmFinalCapIssued(tracker(), config, oid);
    }),
  );
}
