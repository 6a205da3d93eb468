/**
 * Shared by the mail fault tests: a cohort through the built bundle, a write fault aimed at one sheet,
 * and the tally every row of the fault matrix reports (alerts expected / delivered / duplicated / lost).
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import { FakeRange } from '../../workspace/spreadsheet/range';
import { FakeSheetsValues } from '../../workspace/sheetsApi';
import type { SentMail } from '../../workspace/mail';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

export const at = (iso: string) => new Date(iso);
/** Tue 12/1 noon Denver; Day 1 is Thu 12/3. */
export const SETUP_TIME = at('2026-12-01T19:00:00Z');
/** Day 1 evening, 17:10 Denver. */
export const DAY1_EVENING = at('2026-12-04T00:10:00Z');
/** Tue 12/8 12:00 Denver: Day 4 midday, the end of the 3.5-day window. */
export const WINDOW_END = at('2026-12-08T19:00:00Z');

export function cohort(agents: number, quota = 1500): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: SETUP_TIME, mailQuota: quota });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  return { ws, bundle };
}

export function trackerCell(ws: Workspace, row: number, header: string) {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet.getRange(row, headers.indexOf(header) + 1);
}

export function capLevels(ws: Workspace, rows: number[]): string[] {
  return rows.map((r) => String(trackerCell(ws, r, TRACKER.capLevel).getValue()));
}

export function sheetRows(ws: Workspace, name: string): string[][] {
  return ws.tracker.sheet(name).getDataRange().getDisplayValues().slice(1);
}

/**
 * Makes every `setValues` on the named sheet fail while `on` is true: each such call first arms the
 * workspace's own fault (`meter.injectFault`, Google's transient "Service error" text) for that very call,
 * so retries fail too. A `Sheets.Spreadsheets.Values.batchUpdate` with a range on that sheet fails the
 * same way (the whole batch: the API applies all of it or nothing). Writes to other sheets are untouched.
 */
export function failWritesTo(
  ws: Workspace,
  sheetName: string,
): { on: boolean; fired: number; restore(): void } {
  const original = Object.getOwnPropertyDescriptor(FakeRange.prototype, 'setValues')!.value as (
    this: FakeRange,
    values: unknown[][],
  ) => unknown;
  const control = {
    on: true,
    fired: 0,
    restore: () => {
      Object.defineProperty(FakeRange.prototype, 'setValues', { value: original });
      Object.defineProperty(FakeSheetsValues.prototype, 'batchUpdate', { value: batchUpdate });
    },
  };
  const batchUpdate = Object.getOwnPropertyDescriptor(FakeSheetsValues.prototype, 'batchUpdate')!
    .value as FakeSheetsValues['batchUpdate'];
  const quoted = `'${sheetName.replace(/'/g, "''")}'!`;
  Object.defineProperty(FakeSheetsValues.prototype, 'batchUpdate', {
    configurable: true,
    writable: true,
    value: function (this: FakeSheetsValues, ...args: Parameters<FakeSheetsValues['batchUpdate']>) {
      const hits = (args[0]?.data ?? []).some(
        (d) => String(d.range).startsWith(quoted) || String(d.range).startsWith(`${sheetName}!`),
      );
      if (control.on && hits) {
        control.fired++;
        ws.meter.injectFault({
          service: 'Sheets',
          method: 'Spreadsheets.Values.batchUpdate',
          nth: 1,
          message: 'Service Spreadsheets failed while accessing document with id tracker.',
        });
      }
      return batchUpdate.apply(this, args);
    },
  });
  Object.defineProperty(FakeRange.prototype, 'setValues', {
    configurable: true,
    writable: true,
    value: function (this: FakeRange, values: unknown[][]) {
      if (control.on && this.sheet.name === sheetName) {
        control.fired++;
        ws.meter.injectFault({
          service: 'Range',
          method: 'setValues',
          nth: 1,
          message: 'Service Spreadsheets failed while accessing document with id tracker.',
        });
      }
      return original.call(this, values);
    },
  });
  return control;
}

export interface Tally {
  expected: number;
  delivered: number;
  duplicated: number;
  lost: number;
}

/** One email's identity: its subject and recipients. */
export const identity = (m: SentMail): string => `${m.subject} → ${m.recipients.join(',')}`;

/** Counts against the outbox: `expected` identities, each must be delivered exactly once. */
export function tally(ws: Workspace, expected: readonly string[]): Tally {
  const delivered = ws.mail.outbox.map(identity);
  const unique = new Set(delivered);
  return {
    expected: expected.length,
    delivered: delivered.filter((d) => expected.includes(d)).length,
    duplicated: delivered.length - unique.size,
    lost: expected.filter((e) => !unique.has(e)).length,
  };
}
