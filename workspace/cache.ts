/**
 * Fake `CacheService`: script, document and user caches whose entries expire by the FakeClock
 * (default 600 s, at most 21,600 s), with Google's key (250 chars) and value (100 KB) limits.
 */
import type { FakeClock } from './clock';
import type { Meter } from './meter';

export const DEFAULT_TTL_SECONDS = 600;
export const MAX_TTL_SECONDS = 21_600;
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;

interface Entry {
  value: string;
  expiresAt: number;
}

export class FakeCache implements GoogleAppsScript.Cache.Cache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly meter: Meter,
    private readonly clock: FakeClock,
  ) {}

  /** Live keys (non-API, unmetered). */
  keys(): string[] {
    return [...this.entries.keys()].filter((k) => this.live(k) !== null);
  }

  private live(key: string): Entry | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (this.clock.nowMs() >= e.expiresAt) {
      this.entries.delete(key);
      return null;
    }
    return e;
  }

  private store(key: string, value: unknown, ttlSeconds: number | undefined): void {
    key = String(key);
    const v = String(value);
    if (key.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    let ttl = ttlSeconds === undefined ? DEFAULT_TTL_SECONDS : Number(ttlSeconds);
    if (!(ttl > 0)) throw new Error('Invalid argument: expirationInSeconds');
    ttl = Math.min(ttl, MAX_TTL_SECONDS);
    this.entries.set(key, { value: v, expiresAt: this.clock.nowMs() + ttl * 1000 });
  }

  get(key: string): string | null {
    this.meter.call('CacheService', 'get');
    return this.live(String(key))?.value ?? null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.meter.call('CacheService', 'getAll');
    const out: { [key: string]: string } = {};
    for (const k of keys) {
      const e = this.live(String(k));
      if (e) out[k] = e.value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.meter.call('CacheService', 'put');
    this.store(key, value, expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    this.meter.call('CacheService', 'putAll');
    for (const [k, v] of Object.entries(values)) this.store(k, v, expirationInSeconds);
  }

  remove(key: string): void {
    this.meter.call('CacheService', 'remove');
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.meter.call('CacheService', 'removeAll');
    for (const k of keys) this.entries.delete(String(k));
  }
}

export interface FakeCacheServiceOptions {
  meter: Meter;
  clock: FakeClock;
}

export class FakeCacheService implements GoogleAppsScript.Cache.CacheService {
  readonly script: FakeCache;
  readonly document: FakeCache;
  readonly user: FakeCache;
  private readonly meter: Meter;

  constructor(options: FakeCacheServiceOptions) {
    this.meter = options.meter;
    this.script = new FakeCache(options.meter, options.clock);
    this.document = new FakeCache(options.meter, options.clock);
    this.user = new FakeCache(options.meter, options.clock);
  }

  getScriptCache(): FakeCache {
    this.meter.call('CacheService', 'getScriptCache');
    return this.script;
  }

  getDocumentCache(): FakeCache {
    this.meter.call('CacheService', 'getDocumentCache');
    return this.document;
  }

  getUserCache(): FakeCache {
    this.meter.call('CacheService', 'getUserCache');
    return this.user;
  }
}
