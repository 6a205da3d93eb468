/**
 * The in-memory spreadsheet's data model: plain objects the fake Sheet/Range wrappers read and write.
 * A spreadsheet model is the `content` of a Drive file (MIME.spreadsheet); `cloneSpreadsheetModel`
 * is the cloner Drive uses when the file is copied.
 */
import { zonedFields, zonedToUtc } from '../utilities';
import type { Meter } from '../meter';
import type { DriveStore } from '../driveStore';
import type { FakeClock } from '../clock';

export type CellValue = string | number | boolean | Date;

/** Immutable once built (a builder makes a new one), so cells and copies may share it. */
export interface ValidationModel {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

export interface Cell {
  v?: CellValue;
  f?: string;
  note?: string;
  bg?: string;
  fw?: string;
  fc?: string;
  fs?: number;
  fst?: string;
  nf?: string;
  dv?: ValidationModel;
  wrap?: boolean;
  ha?: string;
  va?: string;
}

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  rect: Rect;
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  /** null = "mirrors the spreadsheet's permissions" (Apps Script's state until editors are changed). */
  editors: string[] | null;
  unprotected: Rect[];
}

export interface ConditionModel {
  criteria: string;
  values: unknown[];
}

export interface FormatModel {
  background?: string | null;
  fontColor?: string | null;
}

export interface StoredRule {
  condition: ConditionModel | null;
  format: FormatModel;
  rects: Rect[];
}

export interface ChartModel {
  id: number;
  type: string;
  /** Ranges as rectangles on named sheets of this spreadsheet. */
  ranges: { sheetId: number; rect: Rect }[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SheetModel {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  /** cells[r][c], 0-based, sparse. */
  cells: (Cell | undefined)[][];
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: Record<number, number>;
  protections: ProtectionModel[];
  rules: StoredRule[];
  charts: ChartModel[];
}

export interface SpreadsheetModel {
  sheets: SheetModel[];
  activeSheetId: number;
  nextSheetId: number;
  nextObjectId: number;
  timeZone: string;
}

/** What every wrapper needs: the shared meter and store, the clock, and who is running the script. */
export interface Ctx {
  meter: Meter;
  store: DriveStore;
  clock: FakeClock;
  activeUser: () => string;
}

/** The spreadsheet a wrapper belongs to, with factories so wrappers never import each other at runtime. */
export interface Book {
  readonly ctx: Ctx;
  readonly fileId: string;
  readonly model: SpreadsheetModel;
  sheetWrapper(sheet: SheetModel): GoogleAppsScript.Spreadsheet.Sheet;
  rangeWrapper(sheet: SheetModel, rect: Rect): GoogleAppsScript.Spreadsheet.Range;
  spreadsheetWrapper(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Everyone who may edit the file: owner first, then the file's editors (lower-case). */
  fileEditors(): string[];
  owner(): string;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_BACKGROUND = '#ffffff';
export const FORMULA_RESULT = '#ERROR!';

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function newSheetModel(
  id: number,
  name: string,
  rows = DEFAULT_ROWS,
  cols = DEFAULT_COLS,
): SheetModel {
  return {
    id,
    name,
    maxRows: rows,
    maxCols: cols,
    cells: [],
    frozenRows: 0,
    frozenCols: 0,
    hidden: false,
    tabColor: null,
    columnWidths: {},
    protections: [],
    rules: [],
    charts: [],
  };
}

export function newSpreadsheetModel(timeZone: string, rows?: number, cols?: number): SpreadsheetModel {
  return {
    sheets: [newSheetModel(0, 'Sheet1', rows, cols)],
    activeSheetId: 0,
    nextSheetId: 1,
    nextObjectId: 1,
    timeZone,
  };
}

function cloneValue<T>(v: T): T {
  return (isDate(v) ? new Date(v.getTime()) : v) as T;
}

function cloneRect(r: Rect): Rect {
  return { ...r };
}

function cloneSheet(s: SheetModel): SheetModel {
  return {
    ...s,
    cells: s.cells.map((row) =>
      row ? row.map((cell) => (cell ? { ...cell, v: cloneValue(cell.v) } : undefined)) : row,
    ),
    columnWidths: { ...s.columnWidths },
    protections: s.protections.map((p) => ({
      ...p,
      rect: cloneRect(p.rect),
      editors: p.editors ? [...p.editors] : null,
      unprotected: p.unprotected.map(cloneRect),
    })),
    rules: s.rules.map((r) => ({
      condition: r.condition
        ? { criteria: r.condition.criteria, values: r.condition.values.map(cloneValue) }
        : null,
      format: { ...r.format },
      rects: r.rects.map(cloneRect),
    })),
    charts: s.charts.map((c) => ({
      ...c,
      ranges: c.ranges.map((r) => ({ sheetId: r.sheetId, rect: cloneRect(r.rect) })),
      position: { ...c.position },
      options: { ...c.options },
    })),
  };
}

/** Drive's cloner for spreadsheets: an independent deep copy. */
export function cloneSpreadsheetModel(content: unknown): SpreadsheetModel {
  const m = content as SpreadsheetModel;
  return { ...m, sheets: m.sheets.map(cloneSheet) };
}

// ---- A1 notation ----

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function rectToA1(r: Rect): string {
  const start = `${columnToLetters(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return start;
  return `${start}:${columnToLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Splits `'My Sheet'!A1:B2` into sheet name (or null) and the cell part. */
export function splitSheetPrefix(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1.trim() };
  let name = a1.slice(0, bang).trim();
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1).trim() };
}

/** Parses A1 notation (A1, A1:B2, A:C, 2:5, A2:C) against a sheet's current size. */
export function parseA1(ref: string, maxRows: number, maxCols: number): Rect {
  const parts = ref.toUpperCase().replace(/\$/g, '').split(':');
  if (parts.length < 1 || parts.length > 2) throw new Error(`Range not found`);
  const parsed = parts.map((p) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p.trim());
    if (!m || (!m[1] && !m[2])) throw new Error(`Range not found`);
    return { col: m[1] ? lettersToColumn(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  });
  const a = parsed[0];
  const b = parsed[1] ?? a;
  const row1 = a.row ?? 1;
  const col1 = a.col ?? 1;
  const row2 = b.row ?? (a.row !== null && parsed.length === 1 ? a.row : maxRows);
  const col2 = b.col ?? (a.col !== null && parsed.length === 1 ? a.col : maxCols);
  const top = Math.min(row1, row2);
  const left = Math.min(col1, col2);
  return { row: top, col: left, numRows: Math.abs(row2 - row1) + 1, numCols: Math.abs(col2 - col1) + 1 };
}

// ---- cell access ----

export function getCell(s: SheetModel, r: number, c: number): Cell | undefined {
  return s.cells[r - 1]?.[c - 1];
}

export function cellFor(s: SheetModel, r: number, c: number): Cell {
  let row = s.cells[r - 1];
  if (!row) {
    row = [];
    s.cells[r - 1] = row;
  }
  let cell = row[c - 1];
  if (!cell) {
    cell = {};
    row[c - 1] = cell;
  }
  return cell;
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.f !== undefined || (cell.v !== undefined && cell.v !== ''));
}

export function lastRowOf(s: SheetModel): number {
  for (let r = s.cells.length - 1; r >= 0; r--) {
    const row = s.cells[r];
    if (row && row.some(hasContent)) return r + 1;
  }
  return 0;
}

export function lastColOf(s: SheetModel): number {
  let last = 0;
  for (const row of s.cells) {
    if (!row) continue;
    for (let c = row.length - 1; c >= last; c--) {
      if (hasContent(row[c])) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

export function checkBounds(s: SheetModel, r: Rect): void {
  if (r.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (r.numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (r.row < 1 || r.col < 1 || r.row + r.numRows - 1 > s.maxRows || r.col + r.numCols - 1 > s.maxCols) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}

/** Adjusts a rectangle for `count` rows/columns inserted (count > 0) or deleted (count < 0) at `at`. */
export function shiftRect(r: Rect, dim: 'row' | 'col', at: number, count: number): Rect | null {
  const startKey = dim;
  const sizeKey = dim === 'row' ? 'numRows' : 'numCols';
  const start = r[startKey];
  const size = r[sizeKey];
  const out = { ...r };
  if (count > 0) {
    if (start >= at) out[startKey] = start + count;
    else if (start + size - 1 >= at) out[sizeKey] = size + count;
    return out;
  }
  const n = -count;
  const delEnd = at + n - 1;
  const end = start + size - 1;
  if (end < at) return out;
  if (start > delEnd) {
    out[startKey] = start - n;
    return out;
  }
  const overlap = Math.min(end, delEnd) - Math.max(start, at) + 1;
  const newSize = size - overlap;
  if (newSize <= 0) return null;
  out[startKey] = Math.min(start, at);
  out[sizeKey] = newSize;
  return out;
}

/** Shifts the sheet's cells and every stored rectangle for a row/column insertion or deletion. */
export function shiftSheet(s: SheetModel, dim: 'row' | 'col', at: number, count: number): void {
  if (dim === 'row') {
    if (count > 0) {
      if (s.cells.length >= at) s.cells.splice(at - 1, 0, ...Array.from({ length: count }, () => []));
    } else s.cells.splice(at - 1, -count);
    s.maxRows += count;
  } else {
    for (const row of s.cells) {
      if (!row || row.length < at) continue;
      if (count > 0) row.splice(at - 1, 0, ...new Array<Cell | undefined>(count).fill(undefined));
      else row.splice(at - 1, -count);
    }
    s.maxCols += count;
    const widths: Record<number, number> = {};
    for (const [k, w] of Object.entries(s.columnWidths)) {
      const c = Number(k);
      if (count > 0) widths[c >= at ? c + count : c] = w;
      else if (c < at) widths[c] = w;
      else if (c >= at - count) widths[c + count] = w;
    }
    s.columnWidths = widths;
  }
  s.protections = s.protections.flatMap((p) => {
    const rect = shiftRect(p.rect, dim, at, count);
    if (!rect) return [];
    p.rect = rect;
    p.unprotected = p.unprotected.map((u) => shiftRect(u, dim, at, count)).filter((u): u is Rect => !!u);
    return [p];
  });
  for (const rule of s.rules) {
    rule.rects = rule.rects.map((u) => shiftRect(u, dim, at, count)).filter((u): u is Rect => !!u);
  }
}

// ---- display ----

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** How Sheets displays a date cell: M/d/yyyy, plus H:mm:ss when the number format has hours. */
export function formatDate(d: Date, timeZone: string, withTime: boolean): string {
  const t = zonedFields(d.getTime(), timeZone);
  const date = `${t.month}/${t.day}/${t.year}`;
  return withTime ? `${date} ${t.hour}:${pad2(t.minute)}:${pad2(t.second)}` : date;
}

/** A date cell shown through its number format: date part (y/d), time part (h), seconds (s). */
function formatDateWith(d: Date, timeZone: string, nf: string): string {
  const hasDate = /[yd]/i.test(nf);
  const hasTime = /h/i.test(nf);
  if (!hasTime) return formatDate(d, timeZone, false);
  const t = zonedFields(d.getTime(), timeZone);
  const time = `${t.hour}:${pad2(t.minute)}${/s/i.test(nf) ? `:${pad2(t.second)}` : ''}`;
  return hasDate ? `${t.month}/${t.day}/${t.year} ${time}` : time;
}

function formatNumberWith(v: number, nf: string): string {
  const decimals = (/\.(0+)/.exec(nf)?.[1] ?? '').length;
  if (nf.includes('%')) return `${(v * 100).toFixed(decimals)}%`;
  if (nf.includes(',')) {
    const text = Math.abs(v).toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    return `${v < 0 ? '-' : ''}${nf.includes('$') ? '$' : ''}${text}`;
  }
  return String(v);
}

export function displayOf(cell: Cell | undefined, timeZone: string): string {
  if (!cell) return '';
  if (cell.f !== undefined) return FORMULA_RESULT;
  const v = cell.v;
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return cell.nf ? formatNumberWith(v, cell.nf) : String(v);
  if (isDate(v)) {
    const nf = cell.nf ?? '';
    if (nf && nf !== TEXT_FORMAT) return formatDateWith(v, timeZone, nf);
    // Unformatted, Sheets picks the format from the value written: a date-time shows its time.
    const t = zonedFields(v.getTime(), timeZone);
    return formatDate(v, timeZone, t.hour + t.minute + t.second > 0);
  }
  return String(v);
}

export function valueOf(cell: Cell | undefined): CellValue {
  if (!cell) return '';
  if (cell.f !== undefined) return FORMULA_RESULT;
  const v = cell.v;
  if (v === undefined || v === null) return '';
  return isDate(v) ? new Date(v.getTime()) : v;
}

/** Stores a value the way Sheets does for this fake: '=…' is a formula, a leading "'" forces text. */
export function writeValue(cell: Cell, value: unknown): void {
  if (value === null || value === undefined || value === '') {
    delete cell.f;
    cell.v = '';
    return;
  }
  if (typeof value === 'string' && value.startsWith('=') && value.length > 1) {
    cell.f = value;
    delete cell.v;
    return;
  }
  delete cell.f;
  if (typeof value === 'string' && value.startsWith("'")) cell.v = value.slice(1);
  else if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    isDate(value)
  ) {
    cell.v = value as CellValue;
  } else cell.v = String(value);
}

// ---- typed input (setValue, setValues, appendRow) ----

/** The number format "Plain text": a string written into such a cell is kept exactly as typed. */
export const TEXT_FORMAT = '@';
/** Google's per-cell limit and its error text (Sheets API / Apps Script, HTTP 400 INVALID_ARGUMENT). */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Throws Google's error when a value written into one cell is longer than 50,000 characters. */
export function checkCellSize(value: unknown): void {
  if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw new Error(CELL_TOO_LONG);
}

/** What the fake needs to parse typed input: the spreadsheet's time zone and "now" (for M/D's year). */
export interface TypedEnv {
  timeZone: string;
  nowMs: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^([+-]?)(\$?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s?%$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?$/i;

function monthIndex(word: string): number {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
}

function fullYear(y: string | undefined, currentYear: number): number {
  if (y === undefined) return currentYear;
  const n = Number(y);
  if (y.length <= 2) return n < 30 ? 2000 + n : 1900 + n;
  return n;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseTime(text: string): { h: number; m: number; s: number } | null {
  const t = TIME.exec(text.trim());
  if (!t) return null;
  let h = Number(t[1]);
  const m = Number(t[2]);
  const s = Number(t[3] ?? 0);
  if (m > 59 || s > 59) return null;
  if (t[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (t[4].toLowerCase() === 'p' ? 12 : 0);
  } else if (h > 23) return null;
  return { h, m, s };
}

/** The calendar part of typed text: M/D[/Y], Y-M-D, "Jan 14[, 2026]", "14 Jan [2026]". */
function parseDatePart(text: string, currentYear: number): { y: number; mo: number; d: number } | null {
  let m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/.exec(text);
  if (m) return { y: fullYear(m[3], currentYear), mo: Number(m[1]), d: Number(m[2]) };
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]) };
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/i.exec(text);
  if (m && monthIndex(m[1])) return { y: fullYear(m[3], currentYear), mo: monthIndex(m[1]), d: Number(m[2]) };
  m = /^(\d{1,2})\s+([a-z]{3,9})\.?(?:,?\s+(\d{4}))?$/i.exec(text);
  if (m && monthIndex(m[2])) return { y: fullYear(m[3], currentYear), mo: monthIndex(m[2]), d: Number(m[1]) };
  return null;
}

/**
 * What Sheets makes of a string typed into an automatic-format cell (en_US locale), or null when it
 * stays text: numbers (also "1,234", "$1,234.50", "12%"), TRUE/FALSE in any case, dates (M/D in the
 * current year, M/D/YYYY, ISO, month names), date-times and times (a time is 12/30/1899 at that time).
 * `nf` is the number format Sheets infers and applies to the cell.
 */
export function parseTypedText(text: string, env: TypedEnv): { v: CellValue; nf?: string } | null {
  const t = text.trim();
  if (!t) return null;
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  if (NUMBER.test(t)) return { v: Number(t) };
  const grouped = GROUPED.exec(t);
  if (grouped && (grouped[2] || grouped[3].includes(','))) {
    const n = Number(`${grouped[1]}${grouped[3].replace(/,/g, '')}${grouped[4] ?? ''}`);
    return { v: n, nf: grouped[2] ? '$#,##0.00' : grouped[4] ? '#,##0.00' : '#,##0' };
  }
  const pct = PERCENT.exec(t);
  if (pct) return { v: Number(pct[1]) / 100, nf: pct[1].includes('.') ? '0.00%' : '0%' };
  const time = parseTime(t);
  if (time) {
    return { v: zonedToUtc(env.timeZone, 1899, 12, 30, time.h, time.m, time.s), nf: 'h:mm:ss am/pm' };
  }
  const currentYear = zonedFields(env.nowMs, env.timeZone).year;
  const split = /^(.*?)(?:\s+|T)(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)$/i.exec(t);
  const datePart = parseDatePart(split ? split[1] : t, currentYear);
  if (!datePart || !validDay(datePart.y, datePart.mo, datePart.d)) return null;
  const at = split ? parseTime(split[2]) : { h: 0, m: 0, s: 0 };
  if (!at) return null;
  return {
    v: zonedToUtc(env.timeZone, datePart.y, datePart.mo, datePart.d, at.h, at.m, at.s),
    nf: split ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy',
  };
}

/**
 * Stores a value as `setValue`/`setValues`/`appendRow` do: strings are parsed like typed input unless
 * the cell's number format is plain text (`@`: stored exactly as typed, apostrophe included) or they
 * start with "'" (stored as text without it);
 * '=…' is a formula. Non-strings are stored as they are. Call `checkCellSize` on every value first.
 */
export function writeTyped(cell: Cell, value: unknown, env: TypedEnv): void {
  if (typeof value !== 'string' || value === '') {
    writeValue(cell, value);
    return;
  }
  if (cell.nf === TEXT_FORMAT) {
    // Plain text is not parsed at all: even a leading apostrophe is kept as typed.
    delete cell.f;
    cell.v = value;
    return;
  }
  if (value.startsWith("'")) {
    delete cell.f;
    cell.v = value.slice(1);
    return;
  }
  if (value.startsWith('=') && value.length > 1) {
    writeValue(cell, value);
    return;
  }
  delete cell.f;
  const parsed = parseTypedText(value, env);
  if (!parsed) {
    cell.v = value;
    return;
  }
  cell.v = parsed.v;
  if (parsed.nf && !cell.nf) cell.nf = parsed.nf;
}
