/**
 * Fake `LockService`. Each scope (document, script, user) is one mutex. "This execution" holds it
 * through any number of Lock objects (re-entrant, like Apps Script within one run); tests simulate
 * another execution with `holdExternally()`. Waiting is modelled on the FakeClock: a contended
 * `tryLock(ms)` / `waitLock(ms)` advances the clock by the time it would have waited.
 */
import type { FakeClock } from './clock';
import type { Meter } from './meter';

export type LockScope = 'document' | 'script' | 'user';
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

interface Mutex {
  owners: Set<FakeLock>;
  /** Another execution holds it until this instant (Infinity = until releaseExternally). */
  externalUntil: number | null;
  acquisitions: number;
  contentions: number;
}

export class FakeLock implements GoogleAppsScript.Lock.Lock {
  constructor(
    private readonly meter: Meter,
    private readonly service: FakeLockService,
    readonly scope: LockScope,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.meter.call('LockService', 'tryLock');
    return this.service.acquire(this, timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.meter.call('LockService', 'waitLock');
    if (!this.service.acquire(this, timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
  }

  releaseLock(): void {
    this.meter.call('LockService', 'releaseLock');
    this.service.release(this);
  }

  hasLock(): boolean {
    this.meter.call('LockService', 'hasLock');
    return this.service.owns(this);
  }
}

export interface FakeLockServiceOptions {
  meter: Meter;
  clock: FakeClock;
}

export class FakeLockService implements GoogleAppsScript.Lock.LockService {
  private readonly meter: Meter;
  private readonly clock: FakeClock;
  private readonly mutexes: Record<LockScope, Mutex>;

  constructor(options: FakeLockServiceOptions) {
    this.meter = options.meter;
    this.clock = options.clock;
    const mk = (): Mutex => ({ owners: new Set(), externalUntil: null, acquisitions: 0, contentions: 0 });
    this.mutexes = { document: mk(), script: mk(), user: mk() };
  }

  // ---- non-API helpers -----------------------------------------------------------------------------

  /** Another execution takes the lock, for `forMs` of FakeClock time or until releaseExternally(). */
  holdExternally(scope: LockScope = 'document', forMs?: number): void {
    this.mutexes[scope].externalUntil = forMs === undefined ? Infinity : this.clock.nowMs() + forMs;
  }

  releaseExternally(scope: LockScope = 'document'): void {
    this.mutexes[scope].externalUntil = null;
  }

  /** True while this execution or another holds the scope's lock. */
  isHeld(scope: LockScope = 'document'): boolean {
    const m = this.mutexes[scope];
    return m.owners.size > 0 || this.externallyHeld(m);
  }

  /** True while this execution holds the scope's lock (through any Lock object). */
  isHeldBySelf(scope: LockScope = 'document'): boolean {
    return this.mutexes[scope].owners.size > 0;
  }

  /** Successful acquisitions and contended attempts per scope. */
  stats(scope: LockScope = 'document'): { acquisitions: number; contentions: number } {
    const { acquisitions, contentions } = this.mutexes[scope];
    return { acquisitions, contentions };
  }

  /** The execution ended: Apps Script releases every lock it still held. */
  endExecution(): void {
    for (const m of Object.values(this.mutexes)) m.owners.clear();
  }

  // ---- internals used by FakeLock ------------------------------------------------------------------

  private externallyHeld(m: Mutex): boolean {
    if (m.externalUntil === null) return false;
    if (this.clock.nowMs() >= m.externalUntil) {
      m.externalUntil = null;
      return false;
    }
    return true;
  }

  acquire(lock: FakeLock, timeoutMs: number): boolean {
    const m = this.mutexes[lock.scope];
    if (this.externallyHeld(m)) {
      m.contentions++;
      const waitUntil = this.clock.nowMs() + Math.max(0, Number(timeoutMs) || 0);
      if (m.externalUntil !== null && m.externalUntil <= waitUntil) {
        this.clock.set(new Date(m.externalUntil)); // the other run finished while we waited
        m.externalUntil = null;
      } else {
        this.clock.set(new Date(waitUntil));
        return false;
      }
    }
    m.owners.add(lock);
    m.acquisitions++;
    return true;
  }

  release(lock: FakeLock): void {
    this.mutexes[lock.scope].owners.delete(lock);
  }

  owns(lock: FakeLock): boolean {
    return this.mutexes[lock.scope].owners.has(lock);
  }

  // ---- API -----------------------------------------------------------------------------------------

  getDocumentLock(): FakeLock {
    this.meter.call('LockService', 'getDocumentLock');
    return new FakeLock(this.meter, this, 'document');
  }

  getScriptLock(): FakeLock {
    this.meter.call('LockService', 'getScriptLock');
    return new FakeLock(this.meter, this, 'script');
  }

  getUserLock(): FakeLock {
    this.meter.call('LockService', 'getUserLock');
    return new FakeLock(this.meter, this, 'user');
  }
}
