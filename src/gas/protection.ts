/**
 * SpreadsheetApp protections, for the one place a single protection is made outside report creation:
 * `ensureTickLog` re-making a deleted Tick Log. Report creation makes its protections (the `Progress`
 * sheet's, every agent row's, the Tick Log's) in one Sheets API batchUpdate instead: see
 * `ensureProtections` in progressReport.ts and sheetsApi.ts. A cell is editable only when every
 * protection covering it allows the user, so agent A can edit A's items and nothing else.
 */
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

/** Descriptions of the range protections on a sheet as SpreadsheetApp sees them (one call per protection). */
export function protectedDescriptions(sheet: GoogleAppsScript.Spreadsheet.Sheet): Set<string> {
  return new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
}
