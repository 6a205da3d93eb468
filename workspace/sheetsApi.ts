/**
 * Fake `Sheets` advanced service (Sheets API v4 through Apps Script): `Spreadsheets.batchUpdate`,
 * `Spreadsheets.get`, `Spreadsheets.Values.batchGet` and `Spreadsheets.Values.batchUpdate`, acting on the
 * SAME spreadsheet models the fake SpreadsheetApp uses, so a protection added here is what
 * `Sheet.getProtections()` returns and what `canUserEditCell` enforces.
 *
 * Each method is ONE metered call (`Sheets.Spreadsheets.batchUpdate` …, latency buckets `Sheets.read` /
 * `Sheets.write`), however many requests or ranges it carries. A batchUpdate is validated whole before
 * anything is applied ("If any request is not valid then the entire request will fail and nothing will
 * be applied" — developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate).
 *
 * Errors read as Apps Script reports a failed advanced-service call:
 * `API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0].addProtectedRange: …`.
 *
 * Modeled request kinds: addSheet, updateSheetProperties, addProtectedRange, updateProtectedRange, deleteProtectedRange, setDataValidation
 * (BOOLEAN = checkbox, ONE_OF_LIST), repeatCell (userEnteredFormat.numberFormat / textFormat.bold /
 * backgroundColor …). Any other known kind throws "not modeled by the in-memory workspace"; an unknown name
 * throws Google's JSON error.
 *
 * Install: `Sheets: sheetsApiFor(this)` in `Workspace.globals()`; tests may call `sheetsApiFor(ws)`.
 */
import type { Meter } from './meter';
import { MIME, type DriveStore } from './driveStore';
import { urlOf } from './drive';
import {
  cellFor,
  displayOf,
  getCell,
  isDate,
  lettersToColumn,
  columnToLetters,
  newSheetModel,
  type Book,
  type Cell,
  type CellValue,
  type ProtectionModel,
  type Rect,
  type SheetModel,
  type SpreadsheetModel,
} from './spreadsheet/model';
import { canUserEditCell, protectionEditors } from './spreadsheet/protection';
import { FakeDataValidation } from './spreadsheet/rules';
import { zonedFields, zonedToUtc } from './utilities';

type S = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;
type SRequest = GoogleAppsScript.Sheets.Schema.Request;
type SResponse = GoogleAppsScript.Sheets.Schema.Response;
type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type SpreadsheetsCollection = GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
type ValuesCollection = GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;

/** What the fake needs from the workspace (a `Workspace` satisfies it). */
export interface SheetsApiHost {
  meter: Meter;
  clock: { now(): Date };
  store: DriveStore;
  /** Who runs the script, read without metering (a Workspace's FakeSession). Default: the Drive owner. */
  session?: { effectiveEmail: string };
  spreadsheets: { fake(id: string): Book; defaultTimeZone?: () => string };
}

/** Every request kind of the v4 `Request` message (so an unknown name gets Google's JSON error). */
const KNOWN_KINDS = new Set([
  'updateSpreadsheetProperties', 'updateSheetProperties', 'updateDimensionProperties', 'updateNamedRange',
  'repeatCell', 'addNamedRange', 'deleteNamedRange', 'addSheet', 'deleteSheet', 'autoFill', 'cutPaste',
  'copyPaste', 'mergeCells', 'unmergeCells', 'updateBorders', 'updateCells', 'addFilterView', 'appendCells',
  'clearBasicFilter', 'deleteDimension', 'deleteEmbeddedObject', 'deleteFilterView', 'duplicateFilterView',
  'duplicateSheet', 'findReplace', 'insertDimension', 'insertRange', 'moveDimension',
  'updateEmbeddedObjectPosition', 'pasteData', 'textToColumns', 'updateFilterView', 'deleteRange',
  'appendDimension', 'addConditionalFormatRule', 'updateConditionalFormatRule', 'deleteConditionalFormatRule',
  'sortRange', 'setDataValidation', 'setBasicFilter', 'addProtectedRange', 'updateProtectedRange',
  'deleteProtectedRange', 'autoResizeDimensions', 'addChart', 'updateChartSpec', 'updateBanding', 'addBanding',
  'deleteBanding', 'createDeveloperMetadata', 'updateDeveloperMetadata', 'deleteDeveloperMetadata',
  'randomizeRange', 'addDimensionGroup', 'deleteDimensionGroup', 'updateDimensionGroup', 'trimWhitespace',
  'deleteDuplicates', 'updateEmbeddedObjectBorder', 'addSlicer', 'updateSlicerSpec', 'addDataSource',
  'updateDataSource', 'deleteDataSource', 'refreshDataSource', 'cancelDataSourceRefresh', 'addTable',
  'updateTable', 'deleteTable',
]); // prettier-ignore

const PROTECTED_CELL =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** An error as Apps Script surfaces a failed advanced-service call. */
export class SheetsApiError extends Error {
  constructor(method: string, message: string) {
    super(`API call to sheets.${method} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
  }
}

/** `'Tick Log'!A1:F9` — quoted when the name is not a plain identifier, as the API echoes ranges. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function a1Of(sheet: SheetModel, r: Rect): string {
  const from = `${columnToLetters(r.col)}${r.row}`;
  const to = `${columnToLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
  return `${sheetPrefix(sheet.name)}!${from === to ? from : `${from}:${to}`}`;
}

const lower = (e: string) => String(e).trim().toLowerCase();

/** Days since 1899-12-30 of the wall-clock time of `d` in `timeZone` (the Sheets serial number). */
export function serialNumber(d: Date, timeZone: string): number {
  const f = zonedFields(d.getTime(), timeZone);
  const local = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms);
  return (local - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** "Per minute per user per project: 60" read requests and 60 write requests (Sheets API usage limits). */
export const REQUESTS_PER_MINUTE_PER_USER = 60;

/** Calls per user, kind and clock minute (the fake clock does not advance during a run). */
type Usage = Map<string, number>;

class Ctx {
  constructor(
    readonly host: SheetsApiHost,
    readonly usage: Usage,
    readonly method: string,
  ) {}
  fail(message: string): never {
    throw new SheetsApiError(this.method, message);
  }
  /** The user the call runs as (unmetered: the API call itself is the one metered call). */
  me(): string {
    return lower(this.host.session?.effectiveEmail || this.host.store.owner);
  }
  /** The spreadsheet, checked against the caller's Drive access. */
  book(spreadsheetId: unknown, write: boolean): Book {
    if (typeof spreadsheetId !== 'string' || !spreadsheetId) this.fail('Requested entity was not found.');
    let book: Book;
    try {
      book = this.host.spreadsheets.fake(spreadsheetId);
    } catch {
      return this.fail('Requested entity was not found.');
    }
    const me = this.me();
    const file = this.host.store.get(spreadsheetId);
    const editors = book.fileEditors();
    const viewers = file.viewers.map(lower);
    // Access may come through a group (e.g. a shared drive's member group), as Drive grants it.
    const granted = (list: string[]) => list.some((entry) => !!entry && this.host.store.grants(entry, me));
    const allowed = write ? granted(editors) : granted(editors) || granted(viewers);
    const minute = Math.floor(this.host.clock.now().getTime() / 60_000);
    const key = `${me}|${write ? 'write' : 'read'}|${minute}`;
    const used = (this.usage.get(key) ?? 0) + 1;
    this.usage.set(key, used);
    if (used > REQUESTS_PER_MINUTE_PER_USER) {
      const metric = write ? 'Write requests' : 'Read requests';
      this.fail(
        `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
      );
    }
    if (!allowed) this.fail('The caller does not have permission');
    return book;
  }
}

// ---------------------------------------------------------------------------------------------
// GridRange ⇄ Rect

function checkIndex(ctx: Ctx, where: string, name: string, v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    ctx.fail(`${where}: Invalid value at '${name}' (TYPE_INT32), ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * A GridRange as a 1-based rectangle. "All indexes are zero-based. Indexes are half open … Missing indexes
 * indicate the range is unbounded on that side"; a missing sheetId is the proto default 0.
 */
function gridRect(
  ctx: Ctx,
  book: Book,
  where: string,
  g: GridRange | undefined,
): { sheet: SheetModel; rect: Rect; whole: boolean } {
  if (!g || typeof g !== 'object') ctx.fail(`${where}: range is required.`);
  const sheetId = checkIndex(ctx, where, 'sheetId', g.sheetId) ?? 0;
  const sheet = book.model.sheets.find((s) => s.id === sheetId);
  if (!sheet) ctx.fail(`${where}: No grid with id: ${sheetId}`);
  const sr = checkIndex(ctx, where, 'startRowIndex', g.startRowIndex);
  const er = checkIndex(ctx, where, 'endRowIndex', g.endRowIndex);
  const sc = checkIndex(ctx, where, 'startColumnIndex', g.startColumnIndex);
  const ec = checkIndex(ctx, where, 'endColumnIndex', g.endColumnIndex);
  const r0 = sr ?? 0;
  const r1 = er ?? sheet.maxRows;
  const c0 = sc ?? 0;
  const c1 = ec ?? sheet.maxCols;
  if (r0 > r1) ctx.fail(`${where}: startRowIndex (${r0}) must be less than or equal to endRowIndex (${r1}).`);
  if (c0 > c1)
    ctx.fail(`${where}: startColumnIndex (${c0}) must be less than or equal to endColumnIndex (${c1}).`);
  if (r0 === r1 || c0 === c1) ctx.fail(`${where}: The range is empty.`);
  const rect = { row: r0 + 1, col: c0 + 1, numRows: r1 - r0, numCols: c1 - c0 };
  if (r1 > sheet.maxRows || c1 > sheet.maxCols) {
    ctx.fail(
      `${where}: Range (${a1Of(sheet, rect)}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
    );
  }
  const whole = sr === undefined && er === undefined && sc === undefined && ec === undefined;
  return { sheet, rect, whole };
}

function rectGrid(sheet: SheetModel, r: Rect, whole: boolean): GridRange {
  if (whole) return { sheetId: sheet.id };
  return {
    sheetId: sheet.id,
    startRowIndex: r.row - 1,
    endRowIndex: r.row - 1 + r.numRows,
    startColumnIndex: r.col - 1,
    endColumnIndex: r.col - 1 + r.numCols,
  };
}

// ---------------------------------------------------------------------------------------------
// A1 ranges (Values.*)

/** `Sheet!A1:B2`, `'My Sheet'!A:C`, `Sheet` (whole sheet), `A1:B2` (first sheet) → sheet + rectangle. */
function parseRange(ctx: Ctx, book: Book, a1: unknown, where = ''): { sheet: SheetModel; rect: Rect } {
  if (typeof a1 !== 'string' || !a1.trim()) ctx.fail(`${where}Unable to parse range: ${String(a1)}`);
  const text = a1.trim();
  const bang = text.lastIndexOf('!');
  let sheet: SheetModel | undefined;
  let ref: string;
  if (bang < 0) {
    const unquoted =
      text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text;
    sheet = book.model.sheets.find((s) => s.name === unquoted);
    if (sheet) ref = '';
    else {
      sheet = book.model.sheets[0];
      ref = text;
    }
  } else {
    let name = text.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
      name = name.slice(1, -1).replace(/''/g, "'");
    else if (/[^A-Za-z0-9_]/.test(name)) ctx.fail(`${where}Unable to parse range: ${text}`);
    sheet = book.model.sheets.find((s) => s.name === name);
    ref = text.slice(bang + 1);
  }
  if (!sheet) return ctx.fail(`${where}Unable to parse range: ${text}`);
  if (!ref) return { sheet, rect: { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols } };
  const parts = ref.toUpperCase().replace(/\$/g, '').split(':');
  const cells = parts.map((p) => /^([A-Z]*)(\d*)$/.exec(p));
  if (parts.length > 2 || cells.some((m) => !m || (!m[1] && !m[2]) || m[2] === '0')) {
    ctx.fail(`${where}Unable to parse range: ${text}`);
  }
  const [a, b] = cells.map((m) => ({
    col: m![1] ? lettersToColumn(m![1]) : null,
    row: m![2] ? Number(m![2]) : null,
  }));
  const end = b ?? a;
  const r0 = a.row ?? 1;
  const c0 = a.col ?? 1;
  const r1 = end.row ?? (b ? sheet.maxRows : r0);
  const c1 = end.col ?? (b ? sheet.maxCols : c0);
  const rect = {
    row: Math.min(r0, r1),
    col: Math.min(c0, c1),
    numRows: Math.abs(r1 - r0) + 1,
    numCols: Math.abs(c1 - c0) + 1,
  };
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols) {
    ctx.fail(
      `${where}Range (${a1Of(sheet, rect)}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
    );
  }
  return { sheet, rect };
}

// ---------------------------------------------------------------------------------------------
// Values rendering and input

type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

function rendered(cell: Cell | undefined, render: Render, dates: DateRender, timeZone: string): unknown {
  if (!cell) return '';
  if (render === 'FORMULA' && cell.f !== undefined) return cell.f;
  if (render === 'FORMATTED_VALUE' || cell.f !== undefined) return displayOf(cell, timeZone);
  const v = cell.v;
  if (v === undefined || v === null) return '';
  if (isDate(v)) return dates === 'SERIAL_NUMBER' ? serialNumber(v, timeZone) : displayOf(cell, timeZone);
  return v;
}

/** Trailing empty cells of each row and trailing empty rows are left out, as the API does. */
function trimGrid(rows: unknown[][]): unknown[][] {
  const out = rows.map((r) => {
    let n = r.length;
    while (n > 0 && r[n - 1] === '') n--;
    return r.slice(0, n);
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MDY = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/;
/**
 * `2026-12-03 17:10:05` (ISO date, optional time): the Sheets UI reads it as a date-time in the
 * spreadsheet's time zone, as USER_ENTERED does ("parsed as if the user typed them into the UI" —
 * developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** USER_ENTERED: "parsed as if the user typed them into the UI" (en_US), unless the cell is plain text (@). */
function parseTyped(cell: Cell, value: string, timeZone: string, year: number): void {
  delete cell.f;
  if (value.startsWith('=') && value.length > 1) {
    cell.f = value;
    delete cell.v;
    return;
  }
  if (value.startsWith("'")) {
    cell.v = value.slice(1);
    return;
  }
  if (cell.nf === '@') {
    cell.v = value;
    return;
  }
  const t = value.trim();
  const iso = ISO_DATE_TIME.exec(t);
  if (NUMBER.test(t)) cell.v = Number(t);
  else if (
    iso &&
    Number(iso[2]) >= 1 &&
    Number(iso[2]) <= 12 &&
    Number(iso[3]) >= 1 &&
    Number(iso[3]) <= 31
  ) {
    const [y, mo, d, h, mi, sec] = iso.slice(1).map((x) => Number(x ?? 0));
    cell.v = zonedToUtc(timeZone, y, mo, d, h, mi, sec);
  } else if (/^(true|false)$/i.test(t)) cell.v = t.toLowerCase() === 'true';
  else {
    const m = MDY.exec(t);
    const y = m ? (m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : year) : 0;
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31) {
      cell.v = zonedToUtc(timeZone, y, Number(m[1]), Number(m[2]));
    } else cell.v = value;
  }
}

// ---------------------------------------------------------------------------------------------
// batchUpdate requests: each validates first and returns the change to apply.

type Apply = () => SResponse;

interface Batch {
  ctx: Ctx;
  book: Book;
  /** Protected range ids already in the spreadsheet or added earlier in this batch. */
  ids: Set<number>;
  /** Sheets given a sheet protection earlier in this batch. */
  sheetProtected: Set<number>;
  /** Next candidate for a generated protected range id. */
  nextId: number;
  /** Sheet titles (lower case) taken by addSheet / updateSheetProperties earlier in this batch. */
  titles?: Set<string>;
}

/** Whether `me` is on an editor list by name or through a listed group. */
function listedEditor(book: Book, editors: readonly string[], me: string): boolean {
  return editors.some((e) => !!e && book.ctx.store.grants(e, me));
}

function protectionToApi(book: Book, sheet: SheetModel, p: ProtectionModel, me: string): ProtectedRange {
  const editors = protectionEditors(book, p);
  const canEdit = me === lower(book.owner()) || p.warningOnly || listedEditor(book, editors, me);
  const out: ProtectedRange = {
    protectedRangeId: p.id,
    range: rectGrid(sheet, p.rect, p.type === 'SHEET'),
    requestingUserCanEdit: canEdit,
  };
  if (p.description) out.description = p.description;
  if (p.warningOnly) out.warningOnly = true;
  // "This field is only visible to users with edit access to the protected range and the document."
  else if (canEdit) out.editors = { users: editors, domainUsersCanEdit: p.domainEdit };
  if (p.unprotected.length > 0) out.unprotectedRanges = p.unprotected.map((u) => rectGrid(sheet, u, false));
  return out;
}

function addProtectedRange(b: Batch, where: string, body: unknown): Apply {
  const ctx: Ctx = b.ctx;
  const book = b.book;
  const pr = (body as { protectedRange?: ProtectedRange } | undefined)?.protectedRange;
  if (!pr || typeof pr !== 'object') return ctx.fail(`${where}: protectedRange is required.`);
  if (pr.namedRangeId !== undefined || pr.tableId !== undefined) {
    ctx.fail(`${where}: namedRangeId / tableId protections are not modeled by the in-memory workspace.`);
  }
  const { sheet, rect, whole } = gridRect(ctx, book, where, pr.range);
  if (pr.warningOnly && pr.editors !== undefined) {
    ctx.fail(`${where}: ProtectedRange is warningOnly. Editors cannot be set on it.`);
  }
  if (whole && (sheet.protections.some((p) => p.type === 'SHEET') || b.sheetProtected.has(sheet.id))) {
    ctx.fail(`${where}: Sheet "${sheet.name}" already has sheet protection.`);
  }
  if (!whole && pr.unprotectedRanges && pr.unprotectedRanges.length > 0) {
    ctx.fail(`${where}: Unprotected ranges are only supported on protected sheets.`);
  }
  const unprotected = (pr.unprotectedRanges ?? []).map((u, i) => {
    const g = gridRect(ctx, book, `${where}.unprotectedRanges[${i}]`, u);
    if (g.sheet !== sheet) ctx.fail(`${where}: unprotectedRanges[${i}] is not on the protected sheet.`);
    return g.rect;
  });
  let id = checkIndex(ctx, where, 'protectedRangeId', pr.protectedRangeId);
  if (id !== undefined && b.ids.has(id))
    ctx.fail(`${where}: A protected range with ID ${id} already exists.`);
  const ed = pr.editors ?? {};
  for (const key of Object.keys(ed)) {
    if (!['users', 'groups', 'domainUsersCanEdit'].includes(key)) {
      ctx.fail(
        `Invalid JSON payload received. Unknown name "${key}" at '${where.replace('Invalid ', '')}.protectedRange.editors': Cannot find field.`,
      );
    }
  }
  const listed = [...(ed.users ?? []), ...(ed.groups ?? [])].map((e) => {
    if (typeof e !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(e.trim()))
      ctx.fail(`${where}: Invalid email: ${String(e)}`);
    return lower(e);
  });
  if (id === undefined) {
    while (b.ids.has(b.nextId)) b.nextId++;
    id = b.nextId;
  }
  b.ids.add(id);
  if (whole) b.sheetProtected.add(sheet.id);
  const protectedId = id;
  return () => {
    // The owner and the user making the request always keep edit rights (as with Apps Script's
    // Protection, whose removeEditors cannot remove them).
    const editors = pr.warningOnly ? null : [lower(book.owner()), ctx.me()];
    if (editors) for (const e of listed) if (!editors.includes(e)) editors.push(e);
    const model: ProtectionModel = {
      id: protectedId,
      type: whole ? 'SHEET' : 'RANGE',
      rect: { ...rect },
      description: pr.description ?? '',
      warningOnly: !!pr.warningOnly,
      domainEdit: !!ed.domainUsersCanEdit,
      editors: editors ? [...new Set(editors.filter(Boolean))] : null,
      unprotected,
    };
    sheet.protections.push(model);
    book.model.nextObjectId = Math.max(book.model.nextObjectId, protectedId + 1);
    const me = ctx.me();
    return { addProtectedRange: { protectedRange: protectionToApi(book, sheet, model, me) } };
  };
}

const UPDATE_FIELDS = ['description', 'warningOnly', 'editors', 'range', 'unprotectedRanges'] as const;

/**
 * UpdateProtectedRangeRequest: "Updates an existing protected range with the specified protectedRangeId."
 * `fields` is required: only the listed fields change ("*" = all of them).
 */
function updateProtectedRange(b: Batch, where: string, body: unknown): Apply {
  const ctx: Ctx = b.ctx;
  const book = b.book;
  const req = (body ?? {}) as { protectedRange?: ProtectedRange; fields?: string };
  const pr = req.protectedRange;
  if (!pr || typeof pr !== 'object') return ctx.fail(`${where}: protectedRange is required.`);
  const id = pr.protectedRangeId;
  const sheet = book.model.sheets.find((s) => s.protections.some((p) => p.id === id));
  if (id === undefined || !sheet || !b.ids.has(id))
    return ctx.fail(`${where}: No protected range with id: ${String(id)}`);
  const model = sheet.protections.find((p) => p.id === id)!;
  if (!req.fields) return ctx.fail(`${where}: At least one field must be specified in 'fields'.`);
  const fields = new Set<string>();
  for (const f of req.fields.split(',').map((x) => x.trim())) {
    const top = f.split('.')[0];
    if (f === '*') UPDATE_FIELDS.forEach((k) => fields.add(k));
    else if ((UPDATE_FIELDS as readonly string[]).includes(top)) fields.add(top);
    else ctx.fail(`${where}: field '${f}' is not modeled by the in-memory workspace.`);
  }
  const me = ctx.me();
  const owner = lower(book.owner());
  if (me !== owner && !listedEditor(book, protectionEditors(book, model), me)) ctx.fail(PROTECTED_CELL);
  const warningOnly = fields.has('warningOnly') ? !!pr.warningOnly : model.warningOnly;
  if (warningOnly && fields.has('editors') && pr.editors !== undefined) {
    ctx.fail(`${where}: ProtectedRange is warningOnly. Editors cannot be set on it.`);
  }
  let rect = model.rect;
  if (fields.has('range')) {
    const g = gridRect(ctx, book, where, pr.range);
    if (g.sheet !== sheet || g.whole !== (model.type === 'SHEET')) {
      ctx.fail(
        `${where}: range must stay on the same sheet and of the same kind (sheet or range protection).`,
      );
    }
    rect = g.rect;
  }
  let unprotected = model.unprotected;
  if (fields.has('unprotectedRanges')) {
    const list = pr.unprotectedRanges ?? [];
    if (model.type !== 'SHEET' && list.length > 0) {
      ctx.fail(`${where}: Unprotected ranges are only supported on protected sheets.`);
    }
    unprotected = list.map((u, i) => {
      const g = gridRect(ctx, book, `${where}.unprotectedRanges[${i}]`, u);
      if (g.sheet !== sheet) ctx.fail(`${where}: unprotectedRanges[${i}] is not on the protected sheet.`);
      return g.rect;
    });
  }
  const listed = (
    fields.has('editors') ? [...(pr.editors?.users ?? []), ...(pr.editors?.groups ?? [])] : []
  ).map((e) => {
    if (typeof e !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(e.trim()))
      ctx.fail(`${where}: Invalid email: ${String(e)}`);
    return lower(e);
  });
  return () => {
    if (fields.has('description')) model.description = pr.description ?? '';
    model.warningOnly = warningOnly;
    model.rect = { ...rect };
    model.unprotected = unprotected;
    if (warningOnly) model.editors = null;
    else if (fields.has('editors')) {
      model.editors = [...new Set([owner, me, ...listed].filter(Boolean))];
      model.domainEdit = !!pr.editors?.domainUsersCanEdit;
    }
    return {};
  };
}

function deleteProtectedRange(b: Batch, where: string, body: unknown): Apply {
  const id = (body as { protectedRangeId?: unknown } | undefined)?.protectedRangeId;
  const sheet = b.book.model.sheets.find((s) => s.protections.some((p) => p.id === id));
  if (!sheet || !b.ids.has(Number(id))) b.ctx.fail(`${where}: No protected range with id: ${String(id)}`);
  b.ids.delete(Number(id));
  return () => {
    sheet.protections = sheet.protections.filter((p) => p.id !== id);
    return {};
  };
}

function setDataValidation(b: Batch, where: string, body: unknown): Apply {
  const req = (body ?? {}) as GoogleAppsScript.Sheets.Schema.SetDataValidationRequest & {
    rule?: { strict?: boolean };
  };
  const { sheet, rect } = gridRect(b.ctx, b.book, where, req.range);
  let dv: FakeDataValidation | null = null;
  if (req.rule) {
    const type = req.rule.condition?.type;
    const values = (req.rule.condition?.values ?? []).map((v) => v.userEnteredValue ?? '');
    if (type === 'BOOLEAN') {
      if (values.length > 2) b.ctx.fail(`${where}: BOOLEAN condition takes at most 2 values.`);
      dv = new FakeDataValidation('CHECKBOX', values, false, '');
    } else if (type === 'ONE_OF_LIST') {
      if (values.length === 0) b.ctx.fail(`${where}: ONE_OF_LIST condition requires at least one value.`);
      dv = new FakeDataValidation('VALUE_IN_LIST', values, !req.rule.strict, req.rule.inputMessage ?? '');
    } else if (!type) b.ctx.fail(`${where}: rule.condition.type is required.`);
    else b.ctx.fail(`${where}: condition type ${type} is not modeled by the in-memory workspace.`);
  }
  // "If the rule is not set, any existing rule is cleared" — and, unlike insertCheckboxes, no value is written.
  return () => {
    for (let r = 0; r < rect.numRows; r++) {
      for (let c = 0; c < rect.numCols; c++) {
        if (dv) cellFor(sheet, rect.row + r, rect.col + c).dv = dv;
        else {
          const cell = getCell(sheet, rect.row + r, rect.col + c);
          if (cell) delete cell.dv;
        }
      }
    }
    return {};
  };
}

const FORMAT_FIELDS = [
  'userEnteredFormat.numberFormat',
  'userEnteredFormat.textFormat.bold',
  'userEnteredFormat.backgroundColor',
  'userEnteredFormat.wrapStrategy',
  'userEnteredFormat.horizontalAlignment',
] as const;

function hex(c: GoogleAppsScript.Sheets.Schema.Color | undefined): string | undefined {
  if (!c) return undefined;
  const h = (x: number | undefined) =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.red)}${h(c.green)}${h(c.blue)}`;
}

function repeatCell(b: Batch, where: string, body: unknown): Apply {
  const req = (body ?? {}) as GoogleAppsScript.Sheets.Schema.RepeatCellRequest;
  const { sheet, rect } = gridRect(b.ctx, b.book, where, req.range);
  if (!req.fields) b.ctx.fail(`${where}: At least one field must be specified in 'fields'.`);
  const asked = req.fields.split(',').map((f) => f.trim());
  const fields = new Set<string>();
  for (const f of asked) {
    const matches = FORMAT_FIELDS.filter((k) => k === f || k.startsWith(`${f}.`) || f === '*');
    if (matches.length === 0) b.ctx.fail(`${where}: field '${f}' is not modeled by the in-memory workspace.`);
    for (const m of matches) fields.add(m);
  }
  const fmt = req.cell?.userEnteredFormat ?? {};
  const nf = fmt.numberFormat;
  if (fields.has('userEnteredFormat.numberFormat') && nf && !nf.type) {
    b.ctx.fail(`${where}: numberFormat.type is required.`);
  }
  const pattern = nf ? (nf.type === 'TEXT' ? '@' : (nf.pattern ?? '')) : '';
  return () => {
    for (let r = 0; r < rect.numRows; r++) {
      for (let c = 0; c < rect.numCols; c++) {
        const cell = cellFor(sheet, rect.row + r, rect.col + c);
        const set = (key: 'nf' | 'fw' | 'bg' | 'ha', v: string | undefined) => {
          if (v) cell[key] = v;
          else delete cell[key];
        };
        if (fields.has('userEnteredFormat.numberFormat')) set('nf', pattern);
        if (fields.has('userEnteredFormat.textFormat.bold'))
          set('fw', fmt.textFormat?.bold ? 'bold' : undefined);
        if (fields.has('userEnteredFormat.backgroundColor')) set('bg', hex(fmt.backgroundColor));
        if (fields.has('userEnteredFormat.horizontalAlignment'))
          set('ha', fmt.horizontalAlignment?.toLowerCase());
        if (fields.has('userEnteredFormat.wrapStrategy')) {
          if (fmt.wrapStrategy) cell.wrap = fmt.wrapStrategy === 'WRAP';
          else delete cell.wrap;
        }
      }
    }
    return {};
  };
}

type SheetPropertiesIn = GoogleAppsScript.Sheets.Schema.SheetProperties;

/** Titles in use: the book's sheets' and those given earlier in this batch (Sheets compares them case-blind). */
function titlesOf(b: Batch): Set<string> {
  b.titles ??= new Set(b.book.model.sheets.map((s) => s.name.toLowerCase()));
  return b.titles;
}

const DUPLICATE_TITLE = (title: string) =>
  `A sheet with the name "${title}" already exists. Please enter another name.`;

/**
 * AddSheetRequest: "Adds a new sheet. When a sheet is added at a given index, all subsequent sheets'
 * indexes are incremented." `properties` is optional ("If a sheet ID is set, it must not already be used";
 * without a title Sheets names it SheetN); the reply is AddSheetResponse `{ properties }` with the new
 * sheet's ID. developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#addsheetrequest
 * Modeled properties: sheetId, title, index, hidden, gridProperties (rowCount, columnCount, frozenRowCount,
 * frozenColumnCount). A sheet added here can be referenced by a LATER batch (this fake validates a whole
 * batch against the spreadsheet as it was).
 */
function addSheet(b: Batch, where: string, body: unknown): Apply {
  const p = ((body ?? {}) as { properties?: SheetPropertiesIn }).properties ?? {};
  const m = b.book.model;
  const known = new Set(['sheetId', 'title', 'index', 'hidden', 'gridProperties', 'sheetType']);
  for (const k of Object.keys(p))
    if (!known.has(k)) b.ctx.fail(`${where}: properties.${k} is not modeled by the in-memory workspace.`);
  if (p.sheetType !== undefined && p.sheetType !== 'GRID')
    b.ctx.fail(`${where}: only GRID sheets are modeled by the in-memory workspace.`);
  const id = checkIndex(b.ctx, where, 'properties.sheetId', p.sheetId);
  if (id !== undefined && m.sheets.some((s) => s.id === id))
    b.ctx.fail(`${where}: A sheet with the id ${id} already exists.`);
  const titles = titlesOf(b);
  let title = p.title;
  if (title === undefined || title === '') {
    let n = m.sheets.length + 1;
    while (titles.has(`sheet${n}`)) n++;
    title = `Sheet${n}`;
  }
  if (titles.has(title.toLowerCase())) b.ctx.fail(`${where}: ${DUPLICATE_TITLE(title)}`);
  titles.add(title.toLowerCase());
  const g = p.gridProperties ?? {};
  const rows = checkIndex(b.ctx, where, 'properties.gridProperties.rowCount', g.rowCount);
  const cols = checkIndex(b.ctx, where, 'properties.gridProperties.columnCount', g.columnCount);
  const frozenRows = checkIndex(b.ctx, where, 'properties.gridProperties.frozenRowCount', g.frozenRowCount);
  const frozenCols = checkIndex(
    b.ctx,
    where,
    'properties.gridProperties.frozenColumnCount',
    g.frozenColumnCount,
  );
  const index = checkIndex(b.ctx, where, 'properties.index', p.index);
  const finalTitle = title;
  return () => {
    const sheetId = id ?? m.nextSheetId;
    m.nextSheetId = Math.max(m.nextSheetId, sheetId + 1);
    const sheet = newSheetModel(sheetId, finalTitle);
    if (rows !== undefined) sheet.maxRows = rows;
    if (cols !== undefined) sheet.maxCols = cols;
    sheet.frozenRows = frozenRows ?? 0;
    sheet.frozenCols = frozenCols ?? 0;
    sheet.hidden = p.hidden === true;
    const at = index === undefined ? m.sheets.length : Math.min(index, m.sheets.length);
    m.sheets.splice(at, 0, sheet);
    return {
      addSheet: {
        properties: {
          sheetId,
          title: finalTitle,
          index: at,
          sheetType: 'GRID',
          gridProperties: {
            rowCount: sheet.maxRows,
            columnCount: sheet.maxCols,
            ...(sheet.frozenRows ? { frozenRowCount: sheet.frozenRows } : {}),
            ...(sheet.frozenCols ? { frozenColumnCount: sheet.frozenCols } : {}),
          },
          ...(sheet.hidden ? { hidden: true } : {}),
        },
      },
    };
  };
}

/** The `fields` of UpdateSheetPropertiesRequest this fake applies (the root `properties` is implied). */
const SHEET_PROPERTY_FIELDS = new Set([
  'title',
  'hidden',
  'gridProperties.frozenRowCount',
  'gridProperties.frozenColumnCount',
]);

/**
 * UpdateSheetPropertiesRequest: "Updates properties of the sheet with the specified sheetId." `fields`:
 * "The fields that should be updated. At least one field must be specified. The root `properties` is
 * implied and should not be specified." Fields not in the mask keep their value.
 * developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#updatesheetpropertiesrequest
 * Modeled fields: title, hidden, gridProperties.frozenRowCount / frozenColumnCount.
 */
function updateSheetProperties(b: Batch, where: string, body: unknown): Apply {
  const req = (body ?? {}) as { properties?: SheetPropertiesIn; fields?: unknown };
  const p = req.properties ?? {};
  if (typeof req.fields !== 'string' || req.fields.trim() === '')
    b.ctx.fail(`${where}: At least one field must be specified.`);
  const fields = req.fields.split(',').map((f) => f.trim());
  for (const f of fields) {
    if (f === '*' || !SHEET_PROPERTY_FIELDS.has(f))
      b.ctx.fail(`${where}: field "${f}" is not modeled by the in-memory workspace.`);
  }
  const sheetId = checkIndex(b.ctx, where, 'properties.sheetId', p.sheetId) ?? 0;
  const sheet = b.book.model.sheets.find((s) => s.id === sheetId);
  if (!sheet) return b.ctx.fail(`${where}: No grid with id: ${sheetId}`);
  const has = (f: string) => fields.includes(f);
  if (has('title')) {
    const title = p.title ?? '';
    if (title === '') b.ctx.fail(`${where}: The sheet name cannot be empty.`);
    const titles = titlesOf(b);
    if (title.toLowerCase() !== sheet.name.toLowerCase() && titles.has(title.toLowerCase()))
      b.ctx.fail(`${where}: ${DUPLICATE_TITLE(title)}`);
    titles.delete(sheet.name.toLowerCase());
    titles.add(title.toLowerCase());
  }
  if (has('hidden') && p.hidden === true) {
    const visible = b.book.model.sheets.filter((s) => !s.hidden && s !== sheet);
    if (visible.length === 0) b.ctx.fail(`${where}: You can't hide all the sheets in a document.`);
  }
  const g = p.gridProperties ?? {};
  const frozenRows = checkIndex(b.ctx, where, 'properties.gridProperties.frozenRowCount', g.frozenRowCount);
  const frozenCols = checkIndex(
    b.ctx,
    where,
    'properties.gridProperties.frozenColumnCount',
    g.frozenColumnCount,
  );
  return () => {
    if (has('title')) sheet.name = p.title ?? sheet.name;
    if (has('hidden')) sheet.hidden = p.hidden === true;
    if (has('gridProperties.frozenRowCount')) sheet.frozenRows = frozenRows ?? 0;
    if (has('gridProperties.frozenColumnCount')) sheet.frozenCols = frozenCols ?? 0;
    return {};
  };
}

const HANDLERS: Record<string, (b: Batch, where: string, body: unknown) => Apply> = {
  addSheet,
  updateSheetProperties,
  addProtectedRange,
  updateProtectedRange,
  deleteProtectedRange,
  setDataValidation,
  repeatCell,
};

// ---------------------------------------------------------------------------------------------

export class FakeSheetsValues implements Pick<ValuesCollection, 'batchGet' | 'batchUpdate'> {
  constructor(
    private readonly host: SheetsApiHost,
    private readonly usage: Usage,
  ) {}

  batchGet(
    spreadsheetId: string,
    optionalArgs?: object,
  ): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
    this.host.meter.call('Sheets', 'Spreadsheets.Values.batchGet', 'read');
    const ctx = new Ctx(this.host, this.usage, 'spreadsheets.values.batchGet');
    const book = ctx.book(spreadsheetId, false);
    const args = (optionalArgs ?? {}) as {
      ranges?: string | string[];
      valueRenderOption?: string;
      dateTimeRenderOption?: string;
      majorDimension?: string;
    };
    const render = (args.valueRenderOption ?? 'FORMATTED_VALUE') as Render;
    if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(render)) {
      ctx.fail(
        `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "${render}"`,
      );
    }
    const dates = (args.dateTimeRenderOption ?? 'SERIAL_NUMBER') as DateRender;
    if (!['SERIAL_NUMBER', 'FORMATTED_STRING'].includes(dates)) {
      ctx.fail(
        `Invalid value at 'date_time_render_option' (type.googleapis.com/google.apps.sheets.v4.DateTimeRenderOption), "${dates}"`,
      );
    }
    const major = args.majorDimension ?? 'ROWS';
    if (major !== 'ROWS' && major !== 'COLUMNS') ctx.fail(`Invalid majorDimension: ${major}`);
    const ranges = args.ranges === undefined ? [] : Array.isArray(args.ranges) ? args.ranges : [args.ranges];
    const tz = book.model.timeZone;
    const valueRanges: ValueRange[] = ranges.map((a1) => {
      const { sheet, rect } = parseRange(ctx, book, a1);
      const grid: unknown[][] = [];
      const outer = major === 'ROWS' ? rect.numRows : rect.numCols;
      const inner = major === 'ROWS' ? rect.numCols : rect.numRows;
      for (let i = 0; i < outer; i++) {
        const line: unknown[] = [];
        for (let j = 0; j < inner; j++) {
          const [r, c] = major === 'ROWS' ? [i, j] : [j, i];
          line.push(rendered(getCell(sheet, rect.row + r, rect.col + c), render, dates, tz));
        }
        grid.push(line);
      }
      const values = trimGrid(grid);
      const out: ValueRange = { range: a1Of(sheet, rect), majorDimension: major };
      if (values.length > 0) out.values = values as ValueRange['values'];
      return out;
    });
    return { spreadsheetId, valueRanges };
  }

  batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse {
    this.host.meter.call('Sheets', 'Spreadsheets.Values.batchUpdate', 'write');
    const ctx = new Ctx(this.host, this.usage, 'spreadsheets.values.batchUpdate');
    const book = ctx.book(spreadsheetId, true);
    const option = resource?.valueInputOption;
    if (option === undefined) ctx.fail("'valueInputOption' is required but not specified");
    if (option !== 'RAW' && option !== 'USER_ENTERED') ctx.fail(`Invalid valueInputOption: ${option}`);
    const me = ctx.me();
    const tz = book.model.timeZone;
    const year = zonedFields(book.ctx.clock.now().getTime(), tz).year;
    const writes: { sheet: SheetModel; row: number; col: number; value: string | number | boolean }[] = [];
    const responses: GoogleAppsScript.Sheets.Schema.UpdateValuesResponse[] = [];
    const sheets = new Set<SheetModel>();
    (resource.data ?? []).forEach((vr, d) => {
      const { sheet, rect } = parseRange(ctx, book, vr.range, `Invalid data[${d}]: `);
      const rows = (vr.values ?? []) as unknown[][];
      if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) ctx.fail(`Invalid data[${d}].values`);
      const byColumns = vr.majorDimension === 'COLUMNS';
      let maxR = 0;
      let maxC = 0;
      let cells = 0;
      rows.forEach((line, i) =>
        line.forEach((value, j) => {
          const [r, c] = byColumns ? [j, i] : [i, j];
          if (r >= rect.numRows)
            ctx.fail(
              `Requested writing within range [${vr.range}], but tried writing to row [${rect.row + r}]`,
            );
          if (c >= rect.numCols) {
            ctx.fail(
              `Requested writing within range [${vr.range}], but tried writing to column [${columnToLetters(rect.col + c)}]`,
            );
          }
          // "Null values will be skipped."
          if (value === null || value === undefined) return;
          if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            return ctx.fail(
              `Invalid values[${i}][${j}]: ${isDate(value) ? 'a Date' : typeof value} (supported value types are: bool, string, and double)`,
            );
          }
          // A cell holds at most 50,000 characters (Google Sheets' limit).
          if (typeof value === 'string' && value.length > 50_000) {
            ctx.fail('Your input contains more than the maximum of 50000 characters in a single cell.');
          }
          if (!canUserEditCell(book, sheet, me, rect.row + r, rect.col + c)) ctx.fail(PROTECTED_CELL);
          writes.push({ sheet, row: rect.row + r, col: rect.col + c, value });
          maxR = Math.max(maxR, r + 1);
          maxC = Math.max(maxC, c + 1);
          cells++;
        }),
      );
      if (cells > 0) sheets.add(sheet);
      responses.push({
        spreadsheetId,
        updatedRange: a1Of(sheet, { row: rect.row, col: rect.col, numRows: maxR || 1, numCols: maxC || 1 }),
        updatedRows: maxR,
        updatedColumns: maxC,
        updatedCells: cells,
      });
    });
    for (const w of writes) {
      const cell = cellFor(w.sheet, w.row, w.col);
      if (option === 'USER_ENTERED' && typeof w.value === 'string') parseTyped(cell, w.value, tz, year);
      else {
        // RAW: "The values the user has entered will not be parsed and will be stored as-is."
        delete cell.f;
        cell.v = w.value as CellValue;
      }
    }
    const sum = (k: 'updatedRows' | 'updatedColumns' | 'updatedCells') =>
      responses.reduce((a, r) => a + (r[k] ?? 0), 0);
    return {
      spreadsheetId,
      totalUpdatedRows: sum('updatedRows'),
      totalUpdatedColumns: sum('updatedColumns'),
      totalUpdatedCells: sum('updatedCells'),
      totalUpdatedSheets: sheets.size,
      responses,
    };
  }
}

export class FakeSheetsSpreadsheets implements Pick<
  SpreadsheetsCollection,
  'batchUpdate' | 'create' | 'get'
> {
  readonly Values: FakeSheetsValues;
  constructor(
    private readonly host: SheetsApiHost,
    private readonly usage: Usage,
  ) {
    this.Values = new FakeSheetsValues(host, usage);
  }

  batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    this.host.meter.call('Sheets', 'Spreadsheets.batchUpdate', 'write');
    const ctx = new Ctx(this.host, this.usage, 'spreadsheets.batchUpdate');
    const book = ctx.book(spreadsheetId, true);
    const requests = resource?.requests;
    if (!Array.isArray(requests) || requests.length === 0)
      return ctx.fail('Must specify at least one request.');
    const batch: Batch = {
      ctx,
      book,
      ids: new Set(book.model.sheets.flatMap((s) => s.protections.map((p) => p.id))),
      sheetProtected: new Set(),
      nextId: book.model.nextObjectId,
    };
    const me = ctx.me();
    const owner = lower(book.owner());
    // Validate every request before applying any: the batch is atomic.
    const applies = requests.map((request: SRequest, i) => {
      const kinds = Object.keys(request ?? {});
      for (const k of kinds) {
        if (!KNOWN_KINDS.has(k)) {
          ctx.fail(
            `Invalid JSON payload received. Unknown name "${k}" at 'requests[${i}]': Cannot find field.`,
          );
        }
      }
      if (kinds.length !== 1) {
        ctx.fail(
          `Invalid requests[${i}]: ${kinds.length === 0 ? 'No request set.' : 'Only one kind of request may be set per request.'}`,
        );
      }
      const kind = kinds[0];
      const where = `Invalid requests[${i}].${kind}`;
      const handler = HANDLERS[kind];
      if (!handler) ctx.fail(`${where}: this request kind is not modeled by the in-memory workspace.`);
      const body = (request as Record<string, unknown>)[kind];
      const apply = handler(batch, where, body);
      // Cell edits (validation, formats) inside a protection the caller may not edit are refused.
      if (kind === 'setDataValidation' || kind === 'repeatCell') {
        const { sheet, rect } = gridRect(ctx, book, where, (body as { range?: GridRange }).range);
        if (me !== owner && !everyCellEditable(book, sheet, me, rect)) ctx.fail(PROTECTED_CELL);
      }
      return apply;
    });
    const replies = applies.map((apply) => apply());
    return { spreadsheetId, replies };
  }

  /**
   * spreadsheets.create: "Creates a spreadsheet, returning the newly created spreadsheet." The request
   * body is a Spreadsheet; the response the new Spreadsheet (spreadsheetId, properties, sheets,
   * spreadsheetUrl). developers.google.com/sheets/api/reference/rest/v4/spreadsheets/create
   * The file goes in the caller's My Drive, owned by the caller. Without `sheets` it has one "Sheet1";
   * each sheet's properties follow AddSheetRequest's rules (unique titles, unused IDs, IDs assigned in
   * order when not given). Modeled: properties.title / timeZone, sheets[].properties (sheetId, title,
   * index, hidden, gridProperties rowCount / columnCount / frozenRowCount / frozenColumnCount).
   */
  create(resource: S): S {
    this.host.meter.call('Sheets', 'Spreadsheets.create', 'write');
    const ctx = new Ctx(this.host, this.usage, 'spreadsheets.create');
    const body = (resource ?? {}) as S;
    for (const k of Object.keys(body))
      if (k !== 'properties' && k !== 'sheets')
        ctx.fail(`Invalid value: ${k} is not modeled by the in-memory workspace.`);
    const props = body.properties ?? {};
    for (const k of Object.keys(props))
      if (k !== 'title' && k !== 'timeZone' && k !== 'locale')
        ctx.fail(`Invalid value: properties.${k} is not modeled by the in-memory workspace.`);
    const timeZone = props.timeZone ?? this.host.spreadsheets.defaultTimeZone?.() ?? 'America/New_York';
    // Built and checked before the file exists: a bad request creates nothing.
    const model: SpreadsheetModel = {
      sheets: [],
      activeSheetId: 0,
      nextSheetId: 0,
      nextObjectId: 1,
      timeZone,
    };
    const draft = { model } as unknown as Book; // addSheet reads only `model`
    const batch: Batch = { ctx, book: draft, ids: new Set(), sheetProtected: new Set(), nextId: 1 };
    const wanted = body.sheets?.length ? body.sheets : [{ properties: {} }];
    const added = wanted.map((sheet, i) => {
      for (const k of Object.keys(sheet ?? {}))
        if (k !== 'properties')
          ctx.fail(`Invalid sheets[${i}]: ${k} is not modeled by the in-memory workspace.`);
      return addSheet(batch, `Invalid sheets[${i}]`, { properties: sheet?.properties ?? {} })();
    });
    model.activeSheetId = model.sheets[0]?.id ?? 0;
    const file = this.host.store.add({
      name: props.title || 'Untitled spreadsheet',
      mimeType: MIME.spreadsheet,
      content: model,
      owner: ctx.me(),
      created: this.host.clock.now(),
    });
    return {
      spreadsheetId: file.id,
      properties: { title: file.name, timeZone, locale: props.locale ?? 'en_US' },
      sheets: added.map((r) => ({ properties: r.addSheet?.properties })),
      spreadsheetUrl: urlOf(file),
    };
  }

  get(spreadsheetId: string, optionalArgs?: object): S {
    this.host.meter.call('Sheets', 'Spreadsheets.get', 'read');
    const ctx = new Ctx(this.host, this.usage, 'spreadsheets.get');
    const book = ctx.book(spreadsheetId, false);
    const args = (optionalArgs ?? {}) as { includeGridData?: boolean; ranges?: unknown };
    if (args.includeGridData || args.ranges !== undefined) {
      ctx.fail('includeGridData / ranges are not modeled by the in-memory workspace: use Values.batchGet.');
    }
    const me = ctx.me();
    return {
      spreadsheetId,
      properties: {
        title: this.host.store.get(spreadsheetId).name,
        timeZone: book.model.timeZone,
        locale: 'en_US',
      },
      // Spreadsheet.spreadsheetUrl: "The url of the spreadsheet. This field is read-only."
      // (developers.google.com/sheets/api/reference/rest/v4/spreadsheets#Spreadsheet)
      spreadsheetUrl: urlOf(this.host.store.get(spreadsheetId)),
      sheets: book.model.sheets.map((sheet, index) => {
        const out: GoogleAppsScript.Sheets.Schema.Sheet = {
          properties: {
            sheetId: sheet.id,
            title: sheet.name,
            index,
            sheetType: 'GRID',
            hidden: sheet.hidden || undefined,
            gridProperties: {
              rowCount: sheet.maxRows,
              columnCount: sheet.maxCols,
              frozenRowCount: sheet.frozenRows || undefined,
              frozenColumnCount: sheet.frozenCols || undefined,
            },
          },
        };
        if (sheet.protections.length > 0) {
          out.protectedRanges = sheet.protections.map((p) => protectionToApi(book, sheet, p, me));
        }
        return out;
      }),
    };
  }
}

function everyCellEditable(book: Book, sheet: SheetModel, me: string, rect: Rect): boolean {
  const covering = sheet.protections.filter(
    (p) =>
      !p.warningOnly &&
      p.rect.row < rect.row + rect.numRows &&
      rect.row < p.rect.row + p.rect.numRows &&
      p.rect.col < rect.col + rect.numCols &&
      rect.col < p.rect.col + p.rect.numCols,
  );
  if (covering.every((p) => listedEditor(book, protectionEditors(book, p), me))) return true;
  for (let r = rect.row; r < rect.row + rect.numRows; r++)
    for (let c = rect.col; c < rect.col + rect.numCols; c++)
      if (!canUserEditCell(book, sheet, me, r, c)) return false;
  return true;
}

/** The fake `Sheets` global: `Sheets.Spreadsheets.batchUpdate(...)`, `Sheets.Spreadsheets.Values.batchGet(...)`. */
export class FakeSheetsApi {
  readonly Spreadsheets: FakeSheetsSpreadsheets;
  /** Non-API: calls per user, kind and minute, for the per-minute quota. */
  readonly usage: Usage = new Map();
  constructor(host: SheetsApiHost) {
    this.Spreadsheets = new FakeSheetsSpreadsheets(host, this.usage);
  }
}

const installed = new WeakMap<object, FakeSheetsApi>();

/** The one fake `Sheets` service of a workspace (created on first use; the same object afterwards). */
export function sheetsApiFor(host: SheetsApiHost): FakeSheetsApi {
  let api = installed.get(host);
  if (!api) {
    api = new FakeSheetsApi(host);
    installed.set(host, api);
  }
  return api;
}
