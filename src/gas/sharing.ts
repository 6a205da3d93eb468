/**
 * Drive sharing with as few permission calls as Drive allows. Permission changes on one file run one
 * after another, and one rejected address fails a whole `addEditors` call, so: one batched call for
 * everyone new; when Drive refuses it naming an address ("Invalid email: x"), that address is set aside
 * and the batch retried without it; only when the error names none of ours, one call per address to
 * find the rejects. Either way the rest still succeed. Sharing is always explicit (people, never "anyone with the link"); each new editor gets
 * Google's share notification, which is how agents learn the sheet exists.
 */
import { withRetry } from './retry';

export interface ShareResult {
  added: string[];
  alreadyShared: number;
  rejected: { email: string; reason: string }[];
}

export function shareAsEditors(file: GoogleAppsScript.Drive.File, emails: readonly string[]): ShareResult {
  const existing = new Set(file.getEditors().map((u) => u.getEmail().toLowerCase()));
  existing.add(file.getOwner()?.getEmail().toLowerCase() ?? '');
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const toAdd = wanted.filter((e) => !existing.has(e));
  const result: ShareResult = { added: [], alreadyShared: wanted.length - toAdd.length, rejected: [] };
  addInBatches(file, toAdd, result);
  if (String(file.getSharingAccess()) !== String(DriveApp.Access.PRIVATE)) {
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  }
  return result;
}

/** One `addEditors` for everyone, minus each address Drive names as rejected; one-by-one as a last resort. */
function addInBatches(
  file: GoogleAppsScript.Drive.File,
  emails: readonly string[],
  result: ShareResult,
): void {
  let rest = [...emails];
  while (rest.length > 0) {
    try {
      const batch = rest;
      withRetry(() => file.addEditors(batch));
      result.added.push(...batch);
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const words = new Set(
        reason
          .toLowerCase()
          .split(/[\s,;()<>"']+/)
          .map((w) => w.replace(/[.:]+$/, '')),
      );
      const named = rest.find((e) => words.has(e));
      if (!named) break;
      result.rejected.push({ email: named, reason });
      rest = rest.filter((e) => e !== named);
    }
  }
  for (const email of rest) {
    try {
      withRetry(() => file.addEditor(email));
      result.added.push(email);
    } catch (error) {
      result.rejected.push({ email, reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
