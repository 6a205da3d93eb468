/** Entry points for the workbook itself: menu, simple edit trigger, set-up and note validation. */
import { SHEET } from '../domain/contract';
import { runFromMenu } from '../gas/feedback';
import { withDocumentLock } from '../gas/lock';
import { buildMenu } from '../gas/menu';
import { validateAllNotes, validateEditedRange } from '../gas/noteValidation';
import { setupWorkbook } from '../gas/setupWorkbook';
import { requireSheet } from '../gas/sheetTable';

/** Simple trigger: adds the ESP Licensing menu. */
export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

/**
 * Simple trigger: validation feedback only (Name - Date - Note, N-Number). It may not send mail or
 * open other files and has 30 s, so it touches just the edited cells and never takes the lock.
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  validateEditedRange(e.range);
}

export function menuSetupWorkbook(): string {
  return runFromMenu('Set up workbook', () =>
    withDocumentLock(() => {
      const added = setupWorkbook(SpreadsheetApp.getActiveSpreadsheet());
      return added.length === 0
        ? 'The workbook already matches the contract: nothing was added.'
        : `Added:\n• ${added.join('\n• ')}`;
    }),
  );
}

export function menuValidateNotes(): string {
  return runFromMenu('Validate Name - Date - Note entries', () =>
    withDocumentLock(() => {
      const counts = validateAllNotes(requireSheet(SpreadsheetApp.getActiveSpreadsheet(), SHEET.tracker));
      return (
        `Checked ${counts.checked} filled cell(s): ${counts.invalid} note cell(s) flagged, ` +
        `${counts.normalised} normalised, ${counts.warnings} N-Number warning(s).` +
        (counts.invalid > 0 ? '\nFlagged cells are red; hover for the note that says what to fix.' : '')
      );
    }),
  );
}
