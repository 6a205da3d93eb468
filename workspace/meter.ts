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
  // Sheets advanced service (Sheets API v4 over HTTP): one call however many requests/ranges it carries.
  'Sheets.read': 0.3, // Spreadsheets.get / Values.batchGet
  'Sheets.write': 0.5, // Spreadsheets.batchUpdate / Values.batchUpdate
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

/**
 * Google's own texts for transient failures, to inject with `injectFault({ …, message })`. Seen in
 * execution logs and reported publicly, e.g. "ScriptError: Service Documents failed while accessing
 * document with id…" (github.com/alexwforsythe/code-blocks/issues/168), "Service error: Spreadsheets"
 * (a 500 from the Sheets backend), "Service invoked too many times in a short time" and "Too many
 * simultaneous invocations" (developers.google.com/apps-script/guides/services/quotas).
 */
export const GOOGLE_TRANSIENT = {
  serviceFailed: (service: 'Spreadsheets' | 'Documents' | 'Drive', id: string): string =>
    `Service ${service} failed while accessing document with id ${id}.`,
  serviceTimedOut: (service: 'Spreadsheets' | 'Documents' | 'Drive', id: string): string =>
    `Service ${service} timed out while accessing document with id ${id}.`,
  serviceError: (service: string): string => `Service error: ${service}`,
  tooManyInShortTime: (service: string): string =>
    `Service invoked too many times in a short time: ${service}. Try Utilities.sleep(1000) between calls.`,
  simultaneous: (service: string): string => `Too many simultaneous invocations: ${service}`,
  serverError: (): string => "We're sorry, a server error occurred. Please wait a bit and try again.",
} as const;

/** The name Google's error texts give a service ("Service error: Spreadsheets"). */
export function googleServiceName(service: string): string {
  if (/^(SpreadsheetApp|Spreadsheet|Sheet|Range|Sheets)/.test(service)) return 'Spreadsheets';
  if (/^(DriveApp|File|Folder)/.test(service)) return 'Drive';
  if (/^DocumentApp/.test(service)) return 'Documents';
  if (/^FormApp/.test(service)) return 'Forms';
  if (/^CalendarApp/.test(service)) return 'Calendar';
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
  private readonly checks = new Map<string, (() => void)[]>();

  /** Record one call; throws if an armed fault matches. `kind` picks a latency bucket (read/write). */
  call(service: string, method: string, kind?: string): void {
    const key = `${service}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const bucket = latencyKey(service, method, kind);
    this.modeled += LATENCY_SECONDS[bucket] ?? 0;
    for (const check of this.checks.get(key) ?? []) check();
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
        throw new Error(
          fault.message ??
            `${GOOGLE_TRANSIENT.serviceError(googleServiceName(service))} (injected fault on ${key})`,
        );
      }
    }
  }

  /**
   * Non-API: a precondition another fake owns, run on every call of `service.method` (after counting):
   * e.g. the Ui's "Cannot call SpreadsheetApp.getUi() from this context." outside a UI run.
   */
  onCall(service: string, method: string, check: () => void): void {
    const key = `${service}.${method}`;
    this.checks.set(key, [...(this.checks.get(key) ?? []), check]);
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
