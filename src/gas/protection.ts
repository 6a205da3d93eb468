/**
 * Protections for the shared progress report. The `Progress` sheet carries one *sheet* protection (so
 * nobody but the script's user and the licensing team can rename or delete it, type outside the agent
 * rows, or append rows below them) whose unprotected ranges are the agents' item cells; each agent's
 * item cells then carry a *range* protection for that agent (both emails), their TL and the licensing
 * team. A cell is editable only when every protection covering it allows the user, so agent A can edit
 * A's items and nothing else. Apps Script has no batch protection call, so creating a report costs a
 * few calls per *new* agent; re-runs touch only new agents.
 */
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Leaves exactly `editors` (plus the owner and the script's user, whom Google never removes) on a
 * protection. The script's user is added by name first, as in Google's own sample: in a shared drive, or
 * whenever that user edits the file through a group, removing the group would otherwise throw.
 */
export function restrictTo(protection: Protection, editors: readonly string[]): Protection {
  const me = Session.getEffectiveUser().getEmail();
  if (me) protection.addEditor(me);
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  const wanted = [...new Set(editors.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length > 0) protection.addEditors(wanted);
  return protection;
}

/** Protects `range` for exactly `editors` (see `restrictTo`). */
export function protectFor(range: Range, description: string, editors: readonly string[]): Protection {
  return restrictTo(range.protect().setDescription(description), editors);
}

/** Descriptions of the range protections already on a sheet, so re-runs do not protect a row twice. */
export function protectedDescriptions(sheet: GoogleAppsScript.Spreadsheet.Sheet): Set<string> {
  return new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
}

/** The sheet's own protection, created for exactly `editors` the first time. */
export function sheetProtection(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  description: string,
  editors: readonly string[],
): Protection {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing) return existing;
  return restrictTo(sheet.protect().setDescription(description), editors);
}
