/**
 * Drive sharing with as few permission calls as Drive allows. Permission changes on one file run one
 * after another, and one rejected address fails a whole `addEditors` call, so: one batched call for
 * everyone new, and only if Drive refuses it, one call per address to find the rejects while the rest
 * still succeed. Sharing is always explicit (people, never "anyone with the link"); each new editor gets
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
  if (toAdd.length > 0) {
    try {
      withRetry(() => file.addEditors(toAdd));
      result.added.push(...toAdd);
    } catch {
      for (const email of toAdd) {
        try {
          withRetry(() => file.addEditor(email));
          result.added.push(email);
        } catch (error) {
          result.rejected.push({ email, reason: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
  if (String(file.getSharingAccess()) !== String(DriveApp.Access.PRIVATE)) {
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  }
  return result;
}
