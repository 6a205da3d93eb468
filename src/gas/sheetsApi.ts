/**
 * The Sheets advanced service (Sheets API v4), used where SpreadsheetApp would cost calls per agent:
 * many protections, checkboxes and formats in ONE `Spreadsheets.batchUpdate`; many ranges read in ONE
 * `Values.batchGet`; many ranges written in ONE `Values.batchUpdate` with `RAW` input, so user text is
 * stored as typed and never parsed into a number, date or formula.
 *
 * Rectangles here are 1-based like `Sheet.getRange(row, column, numRows, numColumns)`; the API's
 * GridRange is 0-based and end-exclusive, and `gridRange` converts. A protection added here is an
 * ordinary protection: `Sheet.getProtections()` sees it, with its description.
 *
 * Needs `appsscript.json` → `dependencies.enabledAdvancedServices`:
 * `{ "userSymbol": "Sheets", "serviceId": "sheets", "version": "v4" }`.
 */
import { ContractError } from './sheetTable';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SheetsService = GoogleAppsScript.Sheets;
export type SheetsRequest = GoogleAppsScript.Sheets.Schema.Request;
export type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

/** Google recommends at most 2 MB per request payload (developers.google.com/sheets/api/limits). */
export const MAX_PAYLOAD_CHARS = 2_000_000;

/** A rectangle of cells, 1-based, as `Sheet.getRange(row, col, numRows, numCols)` takes it. */
export interface CellRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A range only the owner, the user running the script and `editors` may edit. */
export interface RangeProtection {
  rect: CellRect;
  description: string;
  editors: readonly string[];
}

/** Everything one sheet needs, sent as one batch (split only if it exceeds the recommended payload). */
export interface SheetSetup {
  protections?: readonly RangeProtection[];
  /** Protects the whole sheet (so it cannot be renamed or restructured), except `unprotected`. */
  sheetProtection?: { description: string; editors: readonly string[]; unprotected?: readonly CellRect[] };
  /** Replaces the unprotected ranges of an existing sheet protection (see `listProtections`). */
  unprotectedUpdate?: { protectedRangeId: number; unprotected: readonly CellRect[] };
  /** Cells that become checkboxes (TRUE/FALSE). The values are not written: write FALSE yourself. */
  checkboxes?: readonly CellRect[];
  /** Cells formatted as plain text (`@`), so whatever a person types there stays text. */
  plainText?: readonly CellRect[];
  bold?: readonly CellRect[];
}

export interface AgentRowProtection {
  /** Sheet row (1-based). */
  row: number;
  description: string;
  editors: readonly string[];
}

/** The `Sheets` advanced service, or a clear error when the project has not enabled it. */
export function sheetsService(): SheetsService {
  if (typeof Sheets === 'undefined' || !Sheets) {
    throw new ContractError(
      'The Sheets advanced service is not enabled for this script: add { "userSymbol": "Sheets", "serviceId": "sheets", "version": "v4" } to appsscript.json › dependencies.enabledAdvancedServices and push again.',
    );
  }
  return Sheets;
}

function checkRect(rect: CellRect, what: string): void {
  for (const [k, v] of Object.entries(rect)) {
    if (!Number.isInteger(v) || v < 1)
      throw new ContractError(`${what}: ${k} must be a whole number ≥ 1, not ${v}.`);
  }
}

/** A 1-based rectangle as the API's GridRange (0-based, end exclusive), always naming the sheet. */
export function gridRange(sheetId: number, rect: CellRect): GridRange {
  checkRect(rect, 'Range');
  return {
    sheetId,
    startRowIndex: rect.row - 1,
    endRowIndex: rect.row - 1 + rect.numRows,
    startColumnIndex: rect.col - 1,
    endColumnIndex: rect.col - 1 + rect.numCols,
  };
}

/** `'Tick Log'!A2:F10` — the sheet name quoted (and its quotes doubled) so any name is safe. */
export function a1Range(sheetName: string, rect: CellRect): string {
  checkRect(rect, `Range on "${sheetName}"`);
  const letters = (col: number) => {
    let s = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const end = `${letters(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
  return `'${sheetName.replace(/'/g, "''")}'!${letters(rect.col)}${rect.row}:${end}`;
}

const uniqueEmails = (emails: readonly string[]) => [
  ...new Set(emails.map((e) => String(e).trim().toLowerCase()).filter(Boolean)),
];

/** The requests that set a sheet up, in a fixed order: formats, validation, then protections. */
export function setupRequests(sheetId: number, setup: SheetSetup): SheetsRequest[] {
  const out: SheetsRequest[] = [];
  for (const rect of setup.plainText ?? []) {
    out.push({
      repeatCell: {
        range: gridRange(sheetId, rect),
        cell: { userEnteredFormat: { numberFormat: { type: 'TEXT' } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    });
  }
  for (const rect of setup.bold ?? []) {
    out.push({
      repeatCell: {
        range: gridRange(sheetId, rect),
        cell: { userEnteredFormat: { textFormat: { bold: true } } },
        fields: 'userEnteredFormat.textFormat.bold',
      },
    });
  }
  for (const rect of setup.checkboxes ?? []) {
    out.push({
      setDataValidation: {
        range: gridRange(sheetId, rect),
        rule: { condition: { type: 'BOOLEAN' }, strict: true },
      },
    });
  }
  const sp = setup.sheetProtection;
  if (sp) {
    out.push({
      addProtectedRange: {
        protectedRange: {
          range: { sheetId },
          description: sp.description,
          editors: { users: uniqueEmails(sp.editors), domainUsersCanEdit: false },
          unprotectedRanges: (sp.unprotected ?? []).map((r) => gridRange(sheetId, r)),
        },
      },
    });
  }
  const up = setup.unprotectedUpdate;
  if (up) {
    out.push({
      updateProtectedRange: {
        protectedRange: {
          protectedRangeId: up.protectedRangeId,
          unprotectedRanges: up.unprotected.map((r) => gridRange(sheetId, r)),
        },
        fields: 'unprotectedRanges',
      },
    });
  }
  for (const p of setup.protections ?? []) {
    out.push({
      addProtectedRange: {
        protectedRange: {
          range: gridRange(sheetId, p.rect),
          description: p.description,
          editors: { users: uniqueEmails(p.editors), domainUsersCanEdit: false },
        },
      },
    });
  }
  return out;
}

/**
 * Sends `requests` as few `Spreadsheets.batchUpdate` calls as the recommended payload allows (one for
 * any cohort this project meets: ~250 bytes per row protection). Each call is atomic on its own.
 * Returns the number of calls made.
 */
export function batchUpdate(
  spreadsheetId: string,
  requests: readonly SheetsRequest[],
  maxPayloadChars = MAX_PAYLOAD_CHARS,
): number {
  if (requests.length === 0) return 0;
  const api = sheetsService();
  let calls = 0;
  let chunk: SheetsRequest[] = [];
  let size = 0;
  const send = () => {
    api.Spreadsheets.batchUpdate({ requests: chunk }, spreadsheetId);
    calls++;
    chunk = [];
    size = 0;
  };
  for (const request of requests) {
    const n = JSON.stringify(request).length + 1;
    if (chunk.length > 0 && size + n > maxPayloadChars) send();
    chunk.push(request);
    size += n;
  }
  send();
  return calls;
}

/**
 * A new spreadsheet with its sheets laid out, in ONE `Spreadsheets.create` (RULES R26): SpreadsheetApp
 * needs create + getId, then per sheet insertSheet / setName / hideSheet / setFrozenRows, and a
 * Spreadsheets.get for the IDs. The file is in the caller's My Drive. Returns its ID, URL and layout.
 */
export function createSpreadsheet(
  title: string,
  timeZone: string,
  sheets: readonly { title: string; rows: number; columns: number; frozenRows?: number; hidden?: boolean }[],
): { id: string; url: string; layout: SheetLayout[] } {
  const created = sheetsService().Spreadsheets.create({
    properties: { title, timeZone },
    sheets: sheets.map((s, index) => ({
      properties: {
        title: s.title,
        index,
        ...(s.hidden ? { hidden: true } : {}),
        gridProperties: {
          rowCount: s.rows,
          columnCount: s.columns,
          ...(s.frozenRows ? { frozenRowCount: s.frozenRows } : {}),
        },
      },
    })),
  });
  const id = created.spreadsheetId;
  if (!id) throw new ContractError(`Creating the spreadsheet "${title}" gave no ID.`);
  const layout = (created.sheets ?? []).map(sheetLayoutOf);
  return { id, url: created.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${id}/edit`, layout };
}

/** One batch for a whole sheet setup. Returns the number of API calls made (0 when there is nothing to do). */
export function applySheetSetup(spreadsheetId: string, sheetId: number, setup: SheetSetup): number {
  return batchUpdate(spreadsheetId, setupRequests(sheetId, setup));
}

/**
 * The setup that protects each agent's row for its editors — one protection per run of `columns` ([first,
 * last], 1-based, e.g. the item checkboxes and Blockers), all with the row's description — plus anything in
 * `extras` (the sheet protection and its unprotected ranges, checkboxes, formats).
 */
export function agentRowSetup(
  sheetName: () => string,
  rows: readonly AgentRowProtection[],
  columns: readonly (readonly [number, number])[],
  extras: SheetSetup = {},
): SheetSetup {
  if (rows.length > 0 && columns.length === 0) {
    throw new ContractError(`No columns to protect on "${sheetName()}" for ${rows.length} agent rows.`);
  }
  const protections = [
    ...(extras.protections ?? []),
    ...rows.flatMap((r) =>
      columns.map(([c0, c1]) => ({
        rect: { row: r.row, col: c0, numRows: 1, numCols: c1 - c0 + 1 },
        description: r.description,
        editors: r.editors,
      })),
    ),
  ];
  return { ...extras, protections };
}

/**
 * `agentRowSetup` sent in one batchUpdate: 2 SpreadsheetApp calls (the IDs) + 1 API call at any cohort
 * size. Callers that know the IDs already use `agentRowSetup` + `setupRequests` + `batchUpdate`.
 */
export function protectAgentRows(
  report: Spreadsheet,
  sheet: Sheet,
  rows: readonly AgentRowProtection[],
  columns: readonly (readonly [number, number])[],
  extras: SheetSetup = {},
): number {
  const setup = agentRowSetup(() => sheet.getName(), rows, columns, extras);
  if (requestCount(setup) === 0) return 0;
  return applySheetSetup(report.getId(), sheet.getSheetId(), setup);
}

function requestCount(s: SheetSetup): number {
  return (
    (s.protections?.length ?? 0) +
    (s.checkboxes?.length ?? 0) +
    (s.plainText?.length ?? 0) +
    (s.bold?.length ?? 0) +
    (s.sheetProtection ? 1 : 0) +
    (s.unprotectedUpdate ? 1 : 0)
  );
}

export interface ExistingProtection {
  id: number;
  description: string;
  /** 1-based; null for a sheet protection (the whole sheet). */
  rect: CellRect | null;
  /** A sheet protection's unprotected ranges (1-based). */
  unprotected: CellRect[];
}

function rectOfGrid(r: GridRange): CellRect {
  return {
    row: (r.startRowIndex ?? 0) + 1,
    col: (r.startColumnIndex ?? 0) + 1,
    numRows: (r.endRowIndex ?? 0) - (r.startRowIndex ?? 0),
    numCols: (r.endColumnIndex ?? 0) - (r.startColumnIndex ?? 0),
  };
}

/** One sheet of a spreadsheet as `Spreadsheets.get` describes it, with its protections. */
export interface SheetLayout {
  sheetId: number;
  title: string;
  index: number;
  /** The grid's size (`Sheet.getMaxRows()` / `getMaxColumns()`). */
  rowCount: number;
  columnCount: number;
  hidden: boolean;
  protections: ExistingProtection[];
}

/** A sheet of a `Spreadsheets.get` / `create` reply as the layout the product reads (no protections in a new file). */
function sheetLayoutOf(s: GoogleAppsScript.Sheets.Schema.Sheet, k: number): SheetLayout {
  return {
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? '',
    index: s.properties?.index ?? k,
    rowCount: s.properties?.gridProperties?.rowCount ?? 0,
    columnCount: s.properties?.gridProperties?.columnCount ?? 0,
    hidden: s.properties?.hidden === true,
    protections: (s.protectedRanges ?? []).map(existingOf),
  };
}

function existingOf(p: GoogleAppsScript.Sheets.Schema.ProtectedRange): ExistingProtection {
  const r = p.range ?? {};
  const whole =
    r.startRowIndex === undefined &&
    r.endRowIndex === undefined &&
    r.startColumnIndex === undefined &&
    r.endColumnIndex === undefined;
  return {
    id: p.protectedRangeId ?? 0,
    description: p.description ?? '',
    rect: whole ? null : rectOfGrid(r),
    unprotected: (p.unprotectedRanges ?? []).map(rectOfGrid),
  };
}

/**
 * Every sheet (ID, name, position, size, hidden) and every protection of a spreadsheet from ONE
 * `Spreadsheets.get`: SpreadsheetApp would need getSheets + per sheet getSheetId/getName/getMaxRows … and
 * per protection getDescription/getRange.
 */
export function readLayout(spreadsheetId: string): SheetLayout[] {
  return readSpreadsheet(spreadsheetId).layout;
}

/** The spreadsheet's sheets (as `readLayout`), its time zone and its URL, in ONE `Spreadsheets.get`. */
export function readSpreadsheet(spreadsheetId: string): {
  layout: SheetLayout[];
  timeZone: string;
  url: string;
} {
  const got = sheetsService().Spreadsheets.get(spreadsheetId, {
    fields:
      'spreadsheetUrl,properties.timeZone,sheets(properties(sheetId,title,index,hidden,gridProperties(rowCount,columnCount)),protectedRanges(protectedRangeId,description,range,unprotectedRanges))',
  });
  const layout = (got.sheets ?? []).map(sheetLayoutOf);
  return {
    layout,
    timeZone: got.properties?.timeZone ?? '',
    url: got.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`,
  };
}

/**
 * Every protection on one sheet, from ONE `Spreadsheets.get` (SpreadsheetApp would need a
 * `getDescription()` call per protection: thousands on a big report). Lets a re-run skip rows that are
 * protected already.
 */
export function listProtections(spreadsheetId: string, sheetId: number): ExistingProtection[] {
  const sheet = readLayout(spreadsheetId).find((s) => s.sheetId === sheetId);
  if (!sheet) throw new ContractError(`The spreadsheet ${spreadsheetId} has no sheet with id ${sheetId}.`);
  return sheet.protections;
}

export interface ReadOptions {
  /** `UNFORMATTED_VALUE` gives numbers and booleans as such; dates then come as serial numbers. */
  render?: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE';
  /** `SERIAL_NUMBER` (default) or `FORMATTED_STRING`: a date cell as its shown text, a number still a number. */
  dates?: 'SERIAL_NUMBER' | 'FORMATTED_STRING';
}

/**
 * Reads every A1 range (e.g. `a1Range('Progress', …)`) in ONE `Values.batchGet`. Each result has the
 * range's full size: the API leaves out trailing empty cells and rows, which come back here as ''.
 */
export function readRanges(
  spreadsheetId: string,
  ranges: readonly { a1: string; numRows: number; numCols: number }[],
  options: ReadOptions = {},
): unknown[][][] {
  if (ranges.length === 0) return [];
  const response = sheetsService().Spreadsheets.Values.batchGet(spreadsheetId, {
    ranges: ranges.map((r) => r.a1),
    valueRenderOption: options.render ?? 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'SERIAL_NUMBER',
    majorDimension: 'ROWS',
  });
  const got = response.valueRanges ?? [];
  return ranges.map((r, i) => padGrid((got[i]?.values ?? []) as unknown[][], r.numRows, r.numCols));
}

/**
 * Reads whole sheets by name in ONE `Values.batchGet` — no getLastRow/getLastColumn calls: the API leaves
 * out trailing empty rows and cells, so each result is the sheet's used block from A1, made rectangular
 * ('' where the API left cells out). A missing sheet fails the call with an error naming the sheets asked.
 */
export function readSheets(
  spreadsheetId: string,
  sheetNames: readonly string[],
  options: ReadOptions = {},
): unknown[][][] {
  if (sheetNames.length === 0) return [];
  let response: GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse;
  try {
    response = sheetsService().Spreadsheets.Values.batchGet(spreadsheetId, {
      ranges: sheetNames.map((n) => `'${n.replace(/'/g, "''")}'`),
      valueRenderOption: options.render ?? 'UNFORMATTED_VALUE',
      dateTimeRenderOption: options.dates ?? 'SERIAL_NUMBER',
      majorDimension: 'ROWS',
    });
  } catch (e) {
    // No instanceof: the error may come from another realm (the bundle runs in its own V8 context).
    const message = String((e as { message?: unknown } | null)?.message ?? e);
    if (!/Unable to parse range/.test(message)) throw e;
    throw new ContractError(
      `One of the sheets ${sheetNames.map((n) => `"${n}"`).join(', ')} is missing (${message}).`,
    );
  }
  return (response.valueRanges ?? []).map((vr) => {
    const values = (vr.values ?? []) as unknown[][];
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    return padGrid(values, values.length, width);
  });
}

/** A ragged API grid as a full `numRows` × `numCols` grid, '' where the API left cells out. */
export function padGrid(
  values: readonly (readonly unknown[])[],
  numRows: number,
  numCols: number,
): unknown[][] {
  return Array.from({ length: numRows }, (_, r) =>
    Array.from({ length: numCols }, (_, c) => values[r]?.[c] ?? ''),
  );
}

/** A Sheets serial number (days since 1899-12-30, wall clock of the spreadsheet) as local date fields. */
export function serialToLocal(serial: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export type CellInput = string | number | boolean;

/**
 * Writes every range in ONE `Values.batchUpdate` with `RAW` input: "The values the user has entered will
 * not be parsed and will be stored as-is", so a name like `=HYPERLINK(…)`, `00123` or `4/14` stays text.
 * Only strings, numbers and booleans may be written (the API's JSON has no dates); '' clears a cell.
 * Returns the number of cells written.
 */
export function writeRanges(
  spreadsheetId: string,
  data: readonly { a1: string; values: readonly (readonly CellInput[])[] }[],
): number {
  const nonEmpty = data.filter((d) => d.values.length > 0);
  if (nonEmpty.length === 0) return 0;
  for (const d of nonEmpty) {
    d.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
          throw new ContractError(
            `Cannot write ${Object.prototype.toString.call(v)} to ${d.a1} (row ${r + 1}, column ${c + 1} of the range): only text, numbers and TRUE/FALSE can be written through the Sheets API.`,
          );
        }
        if (typeof v === 'number' && !Number.isFinite(v)) {
          throw new ContractError(
            `Cannot write ${v} to ${d.a1} (row ${r + 1}, column ${c + 1} of the range).`,
          );
        }
      }),
    );
  }
  const response = sheetsService().Spreadsheets.Values.batchUpdate(
    {
      valueInputOption: 'RAW',
      data: nonEmpty.map((d) => ({
        range: d.a1,
        majorDimension: 'ROWS',
        values: d.values.map((r) => [...r]),
      })),
    },
    spreadsheetId,
  );
  return response.totalUpdatedCells ?? 0;
}
