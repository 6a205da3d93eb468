/**
 * Range protections for the shared progress report: each agent's row editable only by that agent, their
 * TL and the licensing team; header and script-owned cells by nobody but the owner. Apps Script has no
 * batch protection call, so creating a report costs a few calls per *new* agent; re-runs touch only new
 * agents.
 */
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Replaces a new protection's editors (which start as every file editor) with exactly `editors`. */
export function protectFor(range: Range, description: string, editors: readonly string[]): void {
  const protection = range.protect().setDescription(description);
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  if (editors.length > 0) protection.addEditors([...new Set(editors.filter(Boolean))]);
}

/** Descriptions of the protections already on a sheet, so re-runs do not protect a row twice. */
export function protectedDescriptions(sheet: GoogleAppsScript.Spreadsheet.Sheet): Set<string> {
  return new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
}
