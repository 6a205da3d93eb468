/**
 * Every write path runs under the spreadsheet's document lock, so a TL's menu click, an edit trigger
 * and the nightly sweep never interleave their read-modify-write of the same sheets.
 */
export class BusyError extends Error {
  constructor() {
    super('Another ESP Licensing task is running on this tracker right now. Please try again in a minute.');
    this.name = 'BusyError';
  }
}

export function withDocumentLock<T>(work: () => T, waitMs = 30_000): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) throw new BusyError();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
