/**
 * Fake Range: a fixed rectangle on a sheet model. Every data read/write is one metered call
 * (`Range.<method>`, kind read/write) and checks the rectangle still lies inside the sheet.
 */
import {
  DEFAULT_BACKGROUND,
  cellFor,
  checkBounds,
  checkCellSize,
  displayOf,
  getCell,
  isDate,
  rectToA1,
  valueOf,
  writeTyped,
  writeValue,
  type Book,
  type Cell,
  type Rect,
  type SheetModel,
  type TypedEnv,
  type ValidationModel,
} from './model';
import { FakeDataValidation, checkboxValues, isCheckbox } from './rules';
import { FakeProtection } from './protection';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type DV = GoogleAppsScript.Spreadsheet.DataValidation;

type Keys =
  | 'activate'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontWeight'
  | 'setFormula'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setValue'
  | 'setValues'
  | 'uncheck';

const FORMAT_KEYS = ['bg', 'fw', 'fc', 'fs', 'fst', 'nf', 'wrap', 'ha', 'va'] as const;

export class FakeRange implements Pick<GRange, Keys> {
  constructor(
    private readonly book: Book,
    /** The sheet model (non-API). */
    readonly sheet: SheetModel,
    /** The rectangle, 1-based (non-API). */
    readonly rect: Rect,
  ) {}

  private self(): GRange {
    return this as unknown as GRange;
  }
  private call(method: string, kind?: 'read' | 'write'): void {
    this.book.ctx.meter.call('Range', method, kind);
    if (kind) checkBounds(this.sheet, this.rect);
  }
  private read<T>(method: string, fn: (cell: Cell | undefined) => T): T[][] {
    this.call(method, 'read');
    const { row, col, numRows, numCols } = this.rect;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numCols; c++) line.push(fn(getCell(this.sheet, row + r, col + c)));
      out.push(line);
    }
    return out;
  }
  private readOne<T>(method: string, fn: (cell: Cell | undefined) => T): T {
    this.call(method, 'read');
    return fn(getCell(this.sheet, this.rect.row, this.rect.col));
  }
  private writeAll(method: string, fn: (cell: Cell) => void): GRange {
    this.call(method, 'write');
    this.forEach(fn);
    return this.self();
  }
  private forEach(fn: (cell: Cell) => void): void {
    const { row, col, numRows, numCols } = this.rect;
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++) fn(cellFor(this.sheet, row + r, col + c));
  }
  private forExisting(fn: (cell: Cell) => void): void {
    const { row, col, numRows, numCols } = this.rect;
    for (let r = 0; r < numRows; r++) {
      const line = this.sheet.cells[row + r - 1];
      if (!line) continue;
      for (let c = 0; c < numCols; c++) {
        const cell = line[col + c - 1];
        if (cell) fn(cell);
      }
    }
  }
  private writeGrid<T>(method: string, data: T[][], fn: (cell: Cell, v: T) => void): GRange {
    this.call(method, 'write');
    const { row, col, numRows, numCols } = this.rect;
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw new Error(
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (data.length !== numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. ` +
          `The data has ${data.length} but the range has ${numRows}.`,
      );
    }
    for (const line of data) {
      if (line.length !== numCols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. ` +
            `The data has ${line.length} but the range has ${numCols}.`,
        );
      }
    }
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++) fn(cellFor(this.sheet, row + r, col + c), data[r][c]);
    return this.self();
  }
  private tz(): string {
    return this.book.model.timeZone;
  }
  private env(): TypedEnv {
    return { timeZone: this.tz(), nowMs: this.book.ctx.clock.nowMs() };
  }

  // ---- coordinates ----
  getRow(): number {
    this.call('getRow');
    return this.rect.row;
  }
  getColumn(): number {
    this.call('getColumn');
    return this.rect.col;
  }
  getNumRows(): number {
    this.call('getNumRows');
    return this.rect.numRows;
  }
  getNumColumns(): number {
    this.call('getNumColumns');
    return this.rect.numCols;
  }
  getLastRow(): number {
    this.call('getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    this.call('getLastColumn');
    return this.rect.col + this.rect.numCols - 1;
  }
  getA1Notation(): string {
    this.call('getA1Notation');
    return rectToA1(this.rect);
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.call('getSheet');
    return this.book.sheetWrapper(this.sheet);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    this.call('offset');
    const rect: Rect = {
      row: this.rect.row + rowOffset,
      col: this.rect.col + columnOffset,
      numRows: numRows ?? this.rect.numRows,
      numCols: numColumns ?? this.rect.numCols,
    };
    checkBounds(this.sheet, rect);
    return this.book.rangeWrapper(this.sheet, rect);
  }
  getCell(row: number, column: number): GRange {
    this.call('getCell');
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols) {
      throw new Error('Cell reference out of range');
    }
    return this.book.rangeWrapper(this.sheet, {
      row: this.rect.row + row - 1,
      col: this.rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }
  activate(): GRange {
    this.call('activate');
    this.book.model.activeSheetId = this.sheet.id;
    return this.self();
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.call('protect');
    const model = {
      id: this.book.model.nextObjectId++,
      type: 'RANGE' as const,
      rect: { ...this.rect },
      description: '',
      warningOnly: false,
      domainEdit: true,
      editors: null,
      unprotected: [],
    };
    this.sheet.protections.push(model);
    return new FakeProtection(
      this.book,
      this.sheet,
      model,
    ) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  // ---- values ----
  getValues(): unknown[][] {
    return this.read('getValues', valueOf);
  }
  getValue(): unknown {
    return this.readOne('getValue', valueOf);
  }
  getDisplayValues(): string[][] {
    const tz = this.tz();
    return this.read('getDisplayValues', (cell) => displayOf(cell, tz));
  }
  getDisplayValue(): string {
    const tz = this.tz();
    return this.readOne('getDisplayValue', (cell) => displayOf(cell, tz));
  }
  /** Strings are parsed like typed input (see `writeTyped`); a cell holds at most 50,000 characters. */
  setValues(values: unknown[][]): GRange {
    if (Array.isArray(values))
      for (const line of values) if (Array.isArray(line)) line.forEach(checkCellSize);
    const env = this.env();
    return this.writeGrid('setValues', values, (cell, v) => writeTyped(cell, v, env));
  }
  setValue(value: unknown): GRange {
    checkCellSize(value);
    const env = this.env();
    return this.writeAll('setValue', (cell) => writeTyped(cell, value, env));
  }
  getFormulas(): string[][] {
    return this.read('getFormulas', (cell) => cell?.f ?? '');
  }
  getFormula(): string {
    return this.readOne('getFormula', (cell) => cell?.f ?? '');
  }
  setFormula(formula: string): GRange {
    checkCellSize(formula);
    return this.writeAll('setFormula', (cell) =>
      writeValue(cell, formula.startsWith('=') ? formula : `=${formula}`),
    );
  }
  isBlank(): boolean {
    this.call('isBlank', 'read');
    let blank = true;
    this.forExisting((cell) => {
      if (cell.f !== undefined || (cell.v !== undefined && cell.v !== '')) blank = false;
    });
    return blank;
  }
  clearContent(): GRange {
    this.call('clearContent', 'write');
    this.forExisting((cell) => writeValue(cell, ''));
    return this.self();
  }
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    this.call('clear', 'write');
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    this.forExisting((cell) => {
      if (!any || o.contentsOnly) writeValue(cell, '');
      if (!any || o.formatOnly) for (const k of FORMAT_KEYS) delete cell[k];
      if (o.validationsOnly) delete cell.dv;
      if (o.commentsOnly) delete cell.note;
    });
    return this.self();
  }

  // ---- notes ----
  getNotes(): string[][] {
    return this.read('getNotes', (cell) => cell?.note ?? '');
  }
  getNote(): string {
    return this.readOne('getNote', (cell) => cell?.note ?? '');
  }
  setNotes(notes: (string | null)[][]): GRange {
    return this.writeGrid('setNotes', notes, setNote);
  }
  setNote(note: string | null): GRange {
    return this.writeAll('setNote', (cell) => setNote(cell, note));
  }
  clearNote(): GRange {
    this.call('clearNote', 'write');
    this.forExisting((cell) => delete cell.note);
    return this.self();
  }

  // ---- formats ----
  getBackgrounds(): string[][] {
    return this.read('getBackgrounds', (cell) => cell?.bg ?? DEFAULT_BACKGROUND);
  }
  getBackground(): string {
    return this.readOne('getBackground', (cell) => cell?.bg ?? DEFAULT_BACKGROUND);
  }
  setBackgrounds(colors: (string | null)[][]): GRange {
    return this.writeGrid('setBackgrounds', colors, (cell, c) =>
      setFormat(cell, 'bg', c ? normColor(c) : null),
    );
  }
  setBackground(color: string | null): GRange {
    return this.writeAll('setBackground', (cell) => setFormat(cell, 'bg', color ? normColor(color) : null));
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.read(
      'getFontWeights',
      (cell) => (cell?.fw ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight,
    );
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.readOne(
      'getFontWeight',
      (cell) => (cell?.fw ?? 'normal') as GoogleAppsScript.Spreadsheet.FontWeight,
    );
  }
  setFontWeight(weight: string | null): GRange {
    return this.writeAll('setFontWeight', (cell) => setFormat(cell, 'fw', weight));
  }
  setFontColor(color: string | null): GRange {
    return this.writeAll('setFontColor', (cell) => setFormat(cell, 'fc', color ? normColor(color) : null));
  }
  getNumberFormats(): string[][] {
    return this.read('getNumberFormats', (cell) => cell?.nf ?? '0.###############');
  }
  getNumberFormat(): string {
    return this.readOne('getNumberFormat', (cell) => cell?.nf ?? '0.###############');
  }
  setNumberFormat(format: string): GRange {
    return this.writeAll('setNumberFormat', (cell) => setFormat(cell, 'nf', format));
  }

  // ---- validation & checkboxes ----
  getDataValidations(): (DV | null)[][] {
    return this.read('getDataValidations', (cell) => (cell?.dv ? (cell.dv as unknown as DV) : null));
  }
  getDataValidation(): DV | null {
    return this.readOne('getDataValidation', (cell) => (cell?.dv ? (cell.dv as unknown as DV) : null));
  }
  setDataValidations(rules: (DV | null)[][]): GRange {
    return this.writeGrid('setDataValidations', rules, (cell, dv) => setValidation(cell, dv));
  }
  setDataValidation(rule: DV | null): GRange {
    return this.writeAll('setDataValidation', (cell) => setValidation(cell, rule));
  }
  clearDataValidations(): GRange {
    this.call('clearDataValidations', 'write');
    this.forExisting((cell) => delete cell.dv);
    return this.self();
  }
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GRange {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    const dv = new FakeDataValidation('CHECKBOX', values, false, '');
    const unchecked = checkboxValues(dv)[1];
    return this.writeAll('insertCheckboxes', (cell) => {
      cell.dv = dv;
      if (cell.f === undefined && (cell.v === undefined || cell.v === '')) cell.v = unchecked as never;
    });
  }
  removeCheckboxes(): GRange {
    this.call('removeCheckboxes', 'write');
    this.forExisting((cell) => {
      if (!isCheckbox(cell.dv)) return;
      const [on, off] = checkboxValues(cell.dv as ValidationModel);
      if (cell.f === undefined && (sameValue(cell.v, on) || sameValue(cell.v, off))) writeValue(cell, '');
      delete cell.dv;
    });
    return this.self();
  }
  check(): GRange {
    return this.setChecked('check', 0);
  }
  uncheck(): GRange {
    return this.setChecked('uncheck', 1);
  }
  private setChecked(method: string, which: 0 | 1): GRange {
    this.call(method, 'write');
    this.forExisting((cell) => {
      if (!isCheckbox(cell.dv)) return;
      const vals = checkboxValues(cell.dv as ValidationModel);
      if (cell.f === undefined && (sameValue(cell.v ?? '', vals[0]) || sameValue(cell.v ?? '', vals[1]))) {
        writeValue(cell, vals[which]);
      }
    });
    return this.self();
  }
  isChecked(): boolean | null {
    this.call('isChecked', 'read');
    const states = new Set<boolean>();
    const { row, col, numRows, numCols } = this.rect;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) {
        const cell = getCell(this.sheet, row + r, col + c);
        if (!cell || !isCheckbox(cell.dv)) return null;
        states.add(sameValue(cell.v, checkboxValues(cell.dv as ValidationModel)[0]));
      }
    }
    return states.size === 1 ? [...states][0] : null;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b;
}

function normColor(c: string): string {
  return c.toLowerCase();
}

function setFormat(
  cell: Cell,
  key: 'bg' | 'fw' | 'fc' | 'fst' | 'nf' | 'ha' | 'va',
  v: string | null | undefined,
): void {
  if (v === null || v === undefined || v === '') delete cell[key];
  else cell[key] = v;
}

function setNote(cell: Cell, note: string | null | undefined): void {
  if (note === null || note === undefined || note === '') delete cell.note;
  else cell.note = String(note);
}

function setValidation(cell: Cell, dv: unknown): void {
  if (dv === null || dv === undefined) {
    delete cell.dv;
    return;
  }
  const m = dv as ValidationModel;
  if (typeof m.criteria !== 'string')
    throw new Error('Expected a DataValidation built by SpreadsheetApp.newDataValidation().');
  cell.dv = m;
}
