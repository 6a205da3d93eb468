/**
 * Drive sharing with as few permission calls as Drive allows. Permission changes on one file run one
 * after another (~0.6 s each), and one refused address fails a whole `addEditors` call, so: one batched
 * call for everyone new; when Drive names the refused address ("Invalid email: x") it is set aside and
 * the rest retried; when the error names nobody (domain-restricted sharing: `ACL change not allowed.`)
 * the batch is split by domain, then in halves, until the refused addresses stand alone — a few calls
 * per refused domain or address instead of one call per address. The rest still succeed.
 *
 * Sharing is always explicit (people, never "anyone with the link"); each new editor gets Google's share
 * notification, which is how agents learn the sheet exists. The tracker itself is never shared.
 */
import { ContractError } from './sheetTable';
import { withRetry } from './retry';

export interface ShareResult {
  added: string[];
  alreadyShared: number;
  rejected: { email: string; reason: string }[];
  /** `addEditors` calls made (each one a serial Drive permission change). */
  calls: number;
}

export function shareAsEditors(
  file: GoogleAppsScript.Drive.File,
  emails: readonly string[],
  trackerId: string,
  /** The file's ID when the caller has it already (saves a Drive call). */
  fileId: string = file.getId(),
): ShareResult {
  if (trackerId && fileId === trackerId) {
    throw new ContractError(
      `Refusing to share the tracker itself (${trackerId}) with agents: a Drive ID setting points at the tracker. Check Settings "Progress Report ID" and "Progress Report Template ID".`,
    );
  }
  const existing = new Set(file.getEditors().map((u) => u.getEmail().toLowerCase()));
  existing.add(file.getOwner()?.getEmail().toLowerCase() ?? '');
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const toAdd = wanted.filter((e) => !existing.has(e));
  const result: ShareResult = {
    added: [],
    alreadyShared: wanted.length - toAdd.length,
    rejected: [],
    calls: 0,
  };
  addAll(file, toAdd, result);
  if (String(file.getSharingAccess()) !== String(DriveApp.Access.PRIVATE)) {
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  }
  return result;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The one address of `emails` that `reason` names, if any. */
function namedIn(reason: string, emails: readonly string[]): string | undefined {
  const words = new Set(
    reason
      .toLowerCase()
      .split(/[\s,;()<>"']+/)
      .map((w) => w.replace(/[.:]+$/, '')),
  );
  return emails.find((e) => words.has(e));
}

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

/** One `addEditors` call; the error's message, or null when Drive took everyone. */
function tryAdd(
  file: GoogleAppsScript.Drive.File,
  batch: readonly string[],
  result: ShareResult,
): string | null {
  result.calls++;
  try {
    withRetry(() => file.addEditors([...batch]));
    result.added.push(...batch);
    return null;
  } catch (error) {
    return reasonOf(error);
  }
}

/**
 * Adds `emails` in one call if Drive takes them all. Otherwise: an address the error names is set
 * aside and the rest retried; an error naming nobody (a sharing policy) is narrowed down by domain
 * (Workspace's domain-restricted sharing allows or refuses whole domains), then by halves within a
 * domain. When both halves of one domain's batch are refused with the same message, the domain is
 * refused as a whole and every address in it is reported, so a policy that refuses every personal
 * Gmail address costs a handful of calls, not one per agent.
 */
function addAll(file: GoogleAppsScript.Drive.File, emails: readonly string[], result: ShareResult): void {
  let rest = [...emails];
  while (rest.length > 0) {
    const reason = tryAdd(file, rest, result);
    if (reason === null) return;
    const named = namedIn(reason, rest);
    if (named) {
      result.rejected.push({ email: named, reason });
      rest = rest.filter((e) => e !== named);
      continue;
    }
    narrow(file, rest, reason, result);
    return;
  }
}

/** `batch` was refused as a whole with `reason` (naming no address): find who Drive refuses. */
function narrow(
  file: GoogleAppsScript.Drive.File,
  batch: readonly string[],
  reason: string,
  result: ShareResult,
): void {
  if (batch.length === 1) {
    result.rejected.push({ email: batch[0], reason });
    return;
  }
  const domains = [...new Set(batch.map(domainOf))];
  if (domains.length > 1) {
    for (const domain of domains)
      addAll(
        file,
        batch.filter((e) => domainOf(e) === domain),
        result,
      );
    return;
  }
  const half = Math.ceil(batch.length / 2);
  const halves = [batch.slice(0, half), batch.slice(half)];
  const reasons = halves.map((h) => tryAdd(file, h, result));
  if (reasons[0] !== null && reasons[0] === reasons[1] && !namedIn(reasons[0], batch)) {
    const why = `${reasons[0]} (Drive refused every address at @${domains[0]} that was tried: the domain's sharing policy)`;
    for (const email of batch) result.rejected.push({ email, reason: why });
    return;
  }
  halves.forEach((h, k) => {
    const r = reasons[k];
    if (r === null) return;
    const named = namedIn(r, h);
    if (named) {
      result.rejected.push({ email: named, reason: r });
      addAll(
        file,
        h.filter((e) => e !== named),
        result,
      );
    } else narrow(file, h, r, result);
  });
}
