/**
 * How menu actions talk back to the TL: a dialog with the result, or the error's own message (which
 * names the sheet, row, header and value) instead of Apps Script's generic "An error occurred".
 *
 * The same functions also run where there is no open spreadsheet UI — from a time-driven or installable
 * trigger, or from the script editor — and there `SpreadsheetApp.getUi()` throws "Cannot call
 * SpreadsheetApp.getUi() from this context." The result is then logged (execution log) instead.
 */
export function runFromMenu(title: string, work: () => string): string {
  let message: string;
  try {
    message = work();
  } catch (error) {
    message = `Could not finish: ${errorMessage(error)}`;
    console.error(`${title}: ${message}`);
  }
  const ui = activeUi();
  if (ui) ui.alert(title, message, ui.ButtonSet.OK);
  else console.log(`${title}: ${message}`);
  return message;
}

/** The spreadsheet's UI when this run has one (menu, sidebar, dialog), else null. */
export function activeUi(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
