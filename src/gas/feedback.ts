/**
 * How menu actions talk back to the TL: a dialog with the result, or the error's own message (which
 * names the sheet, row, header and value) instead of Apps Script's generic "An error occurred".
 */
export function runFromMenu(title: string, work: () => string): string {
  let message: string;
  try {
    message = work();
  } catch (error) {
    message = `Could not finish: ${error instanceof Error ? error.message : String(error)}`;
    console.error(`${title}: ${message}`);
  }
  SpreadsheetApp.getUi().alert(title, message, SpreadsheetApp.getUi().ButtonSet.OK);
  return message;
}
