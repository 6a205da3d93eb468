import { FakeCacheService } from '../../workspace/cache';
import { FakeClock } from '../../workspace/clock';
import { Meter } from '../../workspace/meter';

function setup() {
  const meter = new Meter();
  const clock = new FakeClock(new Date('2026-01-08T15:00:00Z'));
  return { meter, clock, caches: new FakeCacheService({ meter, clock }) };
}

describe('FakeCacheService', () => {
  test('put/get/remove and independent caches', () => {
    const { caches } = setup();
    const c = caches.getScriptCache();
    c.put('a', '1');
    expect(c.get('a')).toBe('1');
    expect(c.get('b')).toBeNull();
    expect(caches.getUserCache().get('a')).toBeNull();
    expect(caches.getDocumentCache().get('a')).toBeNull();
    c.remove('a');
    expect(c.get('a')).toBeNull();
  });

  test('entries expire by the FakeClock (explicit TTL and the 600 s default)', () => {
    const { caches, clock } = setup();
    const c = caches.getScriptCache();
    c.put('short', 'x', 60);
    c.put('default', 'y');
    clock.set(new Date(clock.nowMs() + 59_000));
    expect(c.get('short')).toBe('x');
    clock.set(new Date(clock.nowMs() + 1_000));
    expect(c.get('short')).toBeNull();
    expect(c.get('default')).toBe('y');
    clock.advanceMinutes(9);
    expect(c.get('default')).toBeNull();
  });

  test('TTL is capped at 6 hours', () => {
    const { caches, clock } = setup();
    const c = caches.getScriptCache();
    c.put('k', 'v', 999_999);
    clock.advanceHours(5.9);
    expect(c.get('k')).toBe('v');
    clock.advanceHours(0.2);
    expect(c.get('k')).toBeNull();
  });

  test('getAll/putAll/removeAll', () => {
    const { caches } = setup();
    const c = caches.getDocumentCache();
    c.putAll({ a: '1', b: '2', c: '3' }, 100);
    expect(c.getAll(['a', 'b', 'zz'])).toEqual({ a: '1', b: '2' });
    c.removeAll(['a', 'b']);
    expect(c.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  test('limits: key 250 chars, value 100 KB', () => {
    const { caches } = setup();
    const c = caches.getScriptCache();
    expect(() => c.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => c.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });

  test('meters CacheService calls', () => {
    const { caches, meter } = setup();
    caches.getScriptCache().get('x');
    expect(meter.count('CacheService.get')).toBe(1);
  });
});
