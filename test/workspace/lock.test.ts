import { FakeClock } from '../../workspace/clock';
import { FakeLockService, LOCK_TIMEOUT } from '../../workspace/lock';
import { Meter } from '../../workspace/meter';

function setup() {
  const meter = new Meter();
  const clock = new FakeClock(new Date('2026-01-08T15:00:00Z'));
  return { meter, clock, locks: new FakeLockService({ meter, clock }) };
}

describe('FakeLockService', () => {
  test('uncontended tryLock/waitLock succeed; hasLock and releaseLock', () => {
    const { locks } = setup();
    const lock = locks.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(locks.isHeld('document')).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(locks.isHeld('document')).toBe(false);
    lock.waitLock(1000);
    expect(lock.hasLock()).toBe(true);
  });

  test('another execution holding the lock: tryLock → false, waitLock throws; clock advances by the wait', () => {
    const { locks, clock } = setup();
    locks.holdExternally('document');
    const t0 = clock.nowMs();
    const lock = locks.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(clock.nowMs() - t0).toBe(5000);
    expect(() => lock.waitLock(30_000)).toThrow(LOCK_TIMEOUT);
    expect(() => lock.waitLock(1)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(locks.stats('document').contentions).toBe(3);
    locks.releaseExternally('document');
    expect(lock.tryLock(0)).toBe(true);
  });

  test('a lock held for a while is acquired once the other run finishes within the timeout', () => {
    const { locks, clock } = setup();
    locks.holdExternally('script', 10_000);
    const t0 = clock.nowMs();
    expect(locks.getScriptLock().tryLock(30_000)).toBe(true);
    expect(clock.nowMs() - t0).toBe(10_000);
  });

  test('scopes are independent', () => {
    const { locks } = setup();
    locks.holdExternally('document');
    expect(locks.getScriptLock().tryLock(0)).toBe(true);
    expect(locks.getUserLock().tryLock(0)).toBe(true);
    expect(locks.getDocumentLock().tryLock(0)).toBe(false);
  });

  test('endExecution releases what this execution held', () => {
    const { locks } = setup();
    locks.getDocumentLock().waitLock(100);
    expect(locks.isHeldBySelf('document')).toBe(true);
    locks.endExecution();
    expect(locks.isHeld('document')).toBe(false);
  });

  test('meters LockService calls', () => {
    const { locks, meter } = setup();
    locks.getDocumentLock().tryLock(10);
    expect(meter.count('LockService.getDocumentLock')).toBe(1);
    expect(meter.count('LockService.tryLock')).toBe(1);
  });
});

/**
 * https://developers.google.com/apps-script/reference/lock/lock — tryLock(timeoutInMillis): "Attempts to
 * acquire the lock, timing out after the provided number of milliseconds… true if the lock was acquired,
 * false otherwise"; waitLock(timeoutInMillis): "Attempts to acquire the lock, timing out with an
 * exception". The exception text, as Apps Script users report it verbatim: "Lock timeout: another
 * process was holding the lock for too long."
 */
describe('a lock held by another execution (Google semantics)', () => {
  test('tryLock returns false and waitLock throws Google’s text while another run holds it 5 minutes', () => {
    const meter = new Meter();
    const clock = new FakeClock(new Date('2026-12-02T02:00:00Z'));
    const locks = new FakeLockService({ meter, clock });
    locks.holdExternally('document', 5 * 60_000);
    expect(locks.getDocumentLock().tryLock(30_000)).toBe(false);
    expect(() => locks.getDocumentLock().waitLock(30_000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    // After the other run ends, the lock is free again.
    expect(locks.getDocumentLock().tryLock(5 * 60_000)).toBe(true);
  });
});
