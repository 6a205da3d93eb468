/**
 * Fake `PropertiesService`: three independent string stores (script, document, user) with Google's
 * limits — 9 KB per value, 500 KB per store (keys + values, UTF-8).
 */
import type { Meter } from './meter';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class FakeProperties implements GoogleAppsScript.Properties.Properties {
  /** The raw store, for the harness to inspect or seed without metering. */
  readonly data = new Map<string, string>();

  constructor(private readonly meter: Meter) {}

  /** Bytes used (keys + values). */
  sizeBytes(): number {
    let n = 0;
    for (const [k, v] of this.data) n += bytes(k) + bytes(v);
    return n;
  }

  private check(entries: [string, string][], replaceAll: boolean): void {
    const next = replaceAll ? new Map<string, string>() : new Map(this.data);
    for (const [k, v] of entries) {
      if (bytes(v) > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > MAX_STORE_BYTES) throw new Error(STORE_FULL);
  }

  getProperty(key: string): string | null {
    this.meter.call('PropertiesService', 'getProperty');
    return this.data.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): FakeProperties {
    this.meter.call('PropertiesService', 'setProperty');
    if (key === null || key === undefined || String(key) === '') throw new Error('Invalid argument: key');
    const entry: [string, string] = [String(key), String(value)];
    this.check([entry], false);
    this.data.set(...entry);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): FakeProperties {
    this.meter.call('PropertiesService', 'setProperties');
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [k, String(v)]);
    this.check(entries, deleteAllOthers);
    if (deleteAllOthers) this.data.clear();
    for (const [k, v] of entries) this.data.set(k, v);
    return this;
  }

  getProperties(): { [key: string]: string } {
    this.meter.call('PropertiesService', 'getProperties');
    return Object.fromEntries(this.data);
  }

  getKeys(): string[] {
    this.meter.call('PropertiesService', 'getKeys');
    return [...this.data.keys()];
  }

  deleteProperty(key: string): FakeProperties {
    this.meter.call('PropertiesService', 'deleteProperty');
    this.data.delete(String(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.meter.call('PropertiesService', 'deleteAllProperties');
    this.data.clear();
    return this;
  }
}

export interface FakePropertiesServiceOptions {
  meter: Meter;
}

export class FakePropertiesService implements GoogleAppsScript.Properties.PropertiesService {
  readonly script: FakeProperties;
  readonly document: FakeProperties;
  readonly user: FakeProperties;
  private readonly meter: Meter;

  constructor(options: FakePropertiesServiceOptions) {
    this.meter = options.meter;
    this.script = new FakeProperties(this.meter);
    this.document = new FakeProperties(this.meter);
    this.user = new FakeProperties(this.meter);
  }

  getScriptProperties(): FakeProperties {
    this.meter.call('PropertiesService', 'getScriptProperties');
    return this.script;
  }

  getDocumentProperties(): FakeProperties {
    this.meter.call('PropertiesService', 'getDocumentProperties');
    return this.document;
  }

  getUserProperties(): FakeProperties {
    this.meter.call('PropertiesService', 'getUserProperties');
    return this.user;
  }
}
