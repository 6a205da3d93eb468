/**
 * The in-memory workspace's instrument panel: every fake service method calls `meter.call(...)`,
 * which counts the call, adds its modeled Apps Script latency, and throws an injected fault when one
 * is armed for that call. One latency table lives here so benchmarks and tests agree on the model.
 */

/** Modeled seconds per call, from SPEC "Platform facts" (Sheets ~0.1-0.3 s, Properties ~0.06 s). */
export const LATENCY_SECONDS: Record<string, number> = {
  SpreadsheetApp: 0.02,
  'SpreadsheetApp.permission': 0.6, // Spreadsheet.addEditor(s): the same Drive permission change // getters that only hand back a cached object (getActive, getSheetByName)
  'Range.read': 0.15, // getValues / getDisplayValues / getNotes / getBackgrounds …
  'Range.write': 0.2, // setValues / setNotes / setBackgrounds / setDataValidations …
  Sheet: 0.05,
  DriveApp: 0.3,
  'DriveApp.permission': 0.6, // addEditor(s) / removeEditor: Drive serialises permission changes
  MailApp: 0.25,
  ScriptApp: 0.1,
  PropertiesService: 0.06,
  LockService: 0.02,
  CacheService: 0.02,
  Utilities: 0.001,
  Session: 0.001,
  HtmlService: 0.01,
  Ui: 0.01,
  CalendarApp: 0.3,
  DocumentApp: 0.3,
};

/** Which latency bucket a call falls into: the most specific key that exists in the table. */
function latencyKey(service: string, method: string, kind?: string): string {
  if (kind && LATENCY_SECONDS[`${service}.${kind}`] !== undefined) return `${service}.${kind}`;
  if (LATENCY_SECONDS[`${service}.${method}`] !== undefined) return `${service}.${method}`;
  return service;
}

export interface Fault {
  service: string;
  method: string;
  /** Fail on this (1-based) call of service.method counted from when the fault was armed … */
  nth?: number;
  /** … or on every `every`-th call (e.g. 5 = one in five). */
  every?: number;
  /** How many times it may fire; default 1 for `nth`, unlimited for `every`. */
  times?: number;
  message?: string;
}

interface ArmedFault extends Fault {
  seen: number;
  fired: number;
}

export class Meter {
  private readonly counts = new Map<string, number>();
  private modeled = 0;
  private faults: ArmedFault[] = [];

  /** Record one call; throws if an armed fault matches. `kind` picks a latency bucket (read/write). */
  call(service: string, method: string, kind?: string): void {
    const key = `${service}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const bucket = latencyKey(service, method, kind);
    this.modeled += LATENCY_SECONDS[bucket] ?? 0;
    for (const fault of this.faults) {
      if (fault.service !== service || fault.method !== method) continue;
      fault.seen++;
      const limit = fault.times ?? (fault.nth !== undefined ? 1 : Infinity);
      if (fault.fired >= limit) continue;
      const hit =
        (fault.nth !== undefined && fault.seen === fault.nth) ||
        (fault.every !== undefined && fault.seen % fault.every === 0);
      if (hit) {
        fault.fired++;
        throw new Error(fault.message ?? `Service error: ${key} failed (injected fault). Try again later.`);
      }
    }
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, seen: 0, fired: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Calls per `Service.method`, sorted by key. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Total calls, or calls of one service (prefix before the first dot). */
  total(service?: string): number {
    let sum = 0;
    for (const [key, n] of this.counts) if (!service || key.split('.')[0] === service) sum += n;
    return sum;
  }

  /** Calls of one exact `Service.method`. */
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  byService(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.counts) {
      const service = key.split('.')[0];
      out[service] = (out[service] ?? 0) + n;
    }
    return out;
  }

  modeledSeconds(): number {
    return Math.round(this.modeled * 1000) / 1000;
  }

  reset(): void {
    this.counts.clear();
    this.modeled = 0;
  }
}
