/**
 * The one header-based sheet repository. A table is read with one batched call, edited in memory by
 * header name, and written back with one batched call covering only the cells that changed.
 *
 * Columns are found by header text (trimmed, case- and space-insensitive), never by position: TLs
 * insert and reorder columns, and user-added columns are carried along untouched.
 *
 * A table is typed by its sheet's contract (`SheetTable.of(ss, WORKBOOK.tracker)`): its methods accept
 * only that sheet's headers, so a misspelt header, or another sheet's, does not compile (RULES R2).
 */
import { type AnySheet, type HeaderOf, WORKBOOK } from '../domain/contract';
import { cellInput } from '../domain/values';
import { withRetry } from './retry';

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Cell = string | number | boolean | Date;

/** Thrown when the workbook does not match the contract; the message names sheet and header. */
export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

export function headerKey(header: unknown): string {
  return String(header ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * Column index by header key (first occurrence wins) for a header row; a required header that is missing
 * is a ContractError naming the sheet and every missing header. The one place that rule is written.
 */
export function indexHeaders(
  sheetName: string,
  headers: readonly string[],
  required: readonly string[] = [],
): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((h, c) => {
    const key = headerKey(h);
    if (key && !index.has(key)) index.set(key, c);
  });
  const missing = required.filter((h) => !index.has(headerKey(h)));
  if (missing.length > 0) {
    const list = missing.map((h) => `"${h}"`).join(', ');
    throw new ContractError(
      `The sheet "${sheetName}" is missing the required header${missing.length > 1 ? 's' : ''} ${list} ` +
        `in row 1. Add ${missing.length > 1 ? 'them' : 'it'} (any position) or run ESP Licensing › Set up workbook.`,
    );
  }
  return index;
}

export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) {
    throw new ContractError(
      `The sheet "${name}" is missing. Run ESP Licensing › Set up workbook to create it.`,
    );
  }
  return sheet;
}

type WorkbookSheet = (typeof WORKBOOK)[keyof typeof WORKBOOK];
/** The workbook sheet declared under the name `N`. */
export type SheetNamed<N extends WorkbookSheet['name']> = Extract<WorkbookSheet, { name: N }>;

/**
 * Where a run's tables come from when they were read together (src/gas/tableCache.ts, RULES R26): the
 * grid of a tracker sheet from the run's one batched read, or undefined (read the sheet as usual).
 */
export interface CachedSheet {
  name: string;
  /** The sheet's used block from A1 (row 1 the headers), as `getValues` would return it. */
  grid: Cell[][];
  /** The Sheet itself, opened only when something needs it (one getSheetByName). */
  sheet(): Sheet;
  /** Queues this table's changes (1-based cells; appended rows after the used block) for the run's write. */
  write(cells: readonly { row: number; col: number; values: Cell[] }[], appended: readonly Cell[][]): void;
}
/** A run's batched read: the sheet's grid, `'absent'` (the tracker has no such sheet), or undefined (not read). */
export type TableSource = (ss: Spreadsheet, name: string) => CachedSheet | 'absent' | undefined;
let tableSource: TableSource | null = null;

/** Serves `SheetTable.of` / `open` from a run's batched read while set (tableCache.ts); null: read each. */
export function setTableSource(source: TableSource | null): TableSource | null {
  const previous = tableSource;
  tableSource = source;
  return previous;
}

/**
 * `H`: the headers this table's methods accept — its sheet's contract. There is no untyped table: every
 * read names the sheet's contract, so a misspelt header or another sheet's header does not compile.
 */
export class SheetTable<H extends string = never> {
  private readonly index = new Map<string, number>();
  private readonly dirty = new Map<number, Set<number>>();
  private readonly appended: Cell[][] = [];
  private opened: Sheet | null;
  private readonly cached: CachedSheet | null;

  private constructor(
    sheet: Sheet | CachedSheet,
    readonly headers: string[],
    private readonly values: Cell[][],
  ) {
    this.opened = isCached(sheet) ? null : sheet;
    this.cached = isCached(sheet) ? sheet : null;
    headers.forEach((header, col) => {
      const key = headerKey(header);
      if (key && !this.index.has(key)) this.index.set(key, col);
    });
  }

  /** The sheet (a table from a run's batched read opens it here, on first use). */
  get sheet(): Sheet {
    if (!this.opened) this.opened = (this.cached as CachedSheet).sheet();
    return this.opened;
  }

  /**
   * A table over a grid already read (row 1 the headers), typed by the sheet's contract: what a run's one
   * `Values.batchGet` of many sheets gives (RULES R26). Changes go back through `cached.write` on flush.
   */
  static fromValues<C extends AnySheet>(
    contract: C,
    cached: CachedSheet,
    required: readonly HeaderOf<C>[] = [],
  ): SheetTable<HeaderOf<C>> {
    // The contract types the table; the sheet may carry another name (a renamed Progress sheet), as in `read`.
    void contract;
    return SheetTable.fromCache(cached, required) as SheetTable<HeaderOf<C>>;
  }

  private static fromCache(cached: CachedSheet, required: readonly string[]): SheetTable {
    const headers = (cached.grid[0] ?? []).map((h) => String(h ?? '').trim());
    if (required.length > 0) indexHeaders(cached.name, headers, required);
    return new SheetTable(
      cached,
      headers,
      cached.grid.slice(1).map((r) => r.slice()),
    );
  }

  /**
   * Reads sheet `contract.name` of `ss` in one call, as a table typed by the contract. `required` headers
   * must exist or a ContractError names them (the sheet missing: a ContractError too).
   */
  static of<C extends AnySheet>(
    ss: Spreadsheet,
    contract: C,
    required: readonly HeaderOf<C>[] = [],
  ): SheetTable<HeaderOf<C>> {
    const cached = tableSource?.(ss, contract.name);
    if (cached && cached !== 'absent') return SheetTable.fromValues(contract, cached, required);
    return SheetTable.read(requireSheet(ss, contract.name), contract, required);
  }

  /** `of` for a sheet that may not exist yet: null when it does not (a run's batched read knows, no call). */
  static ifPresent<C extends AnySheet>(
    ss: Spreadsheet,
    contract: C,
    required: readonly HeaderOf<C>[] = [],
  ): SheetTable<HeaderOf<C>> | null {
    const cached = tableSource?.(ss, contract.name);
    if (cached === 'absent') return null;
    if (cached) return SheetTable.fromValues(contract, cached, required);
    const sheet = ss.getSheetByName(contract.name);
    return sheet ? SheetTable.read(sheet, contract, required) : null;
  }

  /**
   * Reads the whole table in one call, typed by the sheet's contract (the sheet itself may carry another
   * name, e.g. a renamed Progress sheet). `required` headers must exist or a ContractError names them.
   */
  static read<C extends AnySheet>(
    sheet: Sheet,
    _contract: C,
    required: readonly HeaderOf<C>[] = [],
  ): SheetTable<HeaderOf<C>> {
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    // Reads are retried on transient service errors (Apps Script's "Service error: Spreadsheets").
    const grid: Cell[][] =
      lastRow > 0 && lastCol > 0
        ? withRetry(() => sheet.getRange(1, 1, lastRow, lastCol).getValues() as Cell[][])
        : [];
    const headers = (grid[0] ?? []).map((h) => String(h ?? '').trim());
    if (required.length > 0) indexHeaders(sheet.getName(), headers, required);
    return new SheetTable(sheet, headers, grid.slice(1));
  }

  /** `SheetTable.of` by the sheet's name (`SHEET.tracker`): typed by the workbook sheet of that name. */
  static open<N extends WorkbookSheet['name']>(
    ss: Spreadsheet,
    name: N,
    required: readonly HeaderOf<SheetNamed<N>>[] = [],
  ): SheetTable<HeaderOf<SheetNamed<N>>> {
    const cached = tableSource?.(ss, name);
    if (cached && cached !== 'absent') {
      return SheetTable.fromCache(cached, required) as SheetTable<HeaderOf<SheetNamed<N>>>;
    }
    const contract = Object.values(WORKBOOK).find((c) => c.name === name) as SheetNamed<N>;
    return SheetTable.read(requireSheet(ss, name), contract, required);
  }

  get name(): string {
    return this.cached ? this.cached.name : this.sheet.getName();
  }

  /**
   * A header the contract cannot name, as this table's header type: a column generated from data (a
   * Progress item column is a Schedule item). The one explicit widening; `col` still checks it exists.
   */
  dynamic(header: string): H {
    return header as H;
  }

  has(header: H): boolean {
    return this.index.has(headerKey(header));
  }

  /** 0-based column index of a header; throws a ContractError naming sheet and header. */
  col(header: H): number {
    const col = this.index.get(headerKey(header));
    if (col === undefined) {
      throw new ContractError(`The sheet "${this.name}" has no column "${header}" in row 1.`);
    }
    return col;
  }

  /** Number of data rows read (row 2 onwards), not counting rows appended in this run. */
  get rowCount(): number {
    return this.values.length;
  }

  /** 1-based sheet row of data row `i`. */
  sheetRow(i: number): number {
    return i + 2;
  }

  value(i: number, header: H): Cell {
    return this.values[i]?.[this.col(header)] ?? '';
  }

  text(i: number, header: H): string {
    const v = this.value(i, header);
    return v === null || v === undefined ? '' : String(v).trim();
  }

  isBlankRow(i: number): boolean {
    return (this.values[i] ?? []).every((v) => v === '' || v === null || v === undefined);
  }

  /** Data rows that hold anything, as row indexes. */
  rowIndexes(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.values.length; i++) if (!this.isBlankRow(i)) out.push(i);
    return out;
  }

  /**
   * Sets a cell to a script-owned value (number, boolean, date, or text we composed). A string is always
   * written as text (Sheets would otherwise parse "1/14" as a date or "00123" as 123), a number, boolean
   * or Date as that value; reads in this run return exactly what was set.
   */
  set(i: number, header: H, value: Cell): void {
    const col = this.col(header);
    const row = this.values[i];
    if (!row) throw new Error(`Row index ${i} is outside the "${this.name}" table.`);
    while (row.length <= col) row.push('');
    if (sameCell(row[col], value)) return;
    row[col] = value;
    let cols = this.dirty.get(i);
    if (!cols) this.dirty.set(i, (cols = new Set()));
    cols.add(col);
  }

  /** Sets a cell to text that came from a person: stored as plain text, never parsed (formula, date …). */
  setText(i: number, header: H, text: string): void {
    this.set(i, header, String(text));
  }

  /** Queues a new row; values keyed by header, unknown headers rejected. Returns its data index. */
  append(record: Partial<Record<H, Cell>>): number {
    const row: Cell[] = this.headers.map(() => '');
    for (const [header, value] of Object.entries<Cell | undefined>(record)) {
      if (value !== undefined) row[this.col(header as H)] = value;
    }
    this.appended.push(row);
    return this.values.length + this.appended.length - 1;
  }

  get pendingWrites(): number {
    let n = this.appended.length;
    for (const cols of this.dirty.values()) n += cols.size;
    return n;
  }

  /**
   * Writes every change in one `setValues` over the rectangle that spans the changed cells, plus
   * one more for appended rows. Untouched cells inside the rectangle are re-read just before the write
   * (values and formulas, two reads) and written back as they are now: a TL's edit made since our read
   * is kept, user formulas are never flattened. Every string is written so Sheets keeps it as text (an
   * apostrophe where Sheets would parse it; as it is in a plain-text `@` cell, read with the formats:
   * one more read per block), numbers, booleans and Dates as values.
   */
  flush(): void {
    if (this.cached) return this.queueWrite(this.cached);
    if (this.dirty.size > 0) {
      const rows = [...this.dirty.keys()];
      const cols = [...this.dirty.values()].flatMap((set) => [...set]);
      const r0 = Math.min(...rows);
      const r1 = Math.max(...rows);
      const c0 = Math.min(...cols);
      const c1 = Math.max(...cols);
      const range = this.sheet.getRange(r0 + 2, c0 + 1, r1 - r0 + 1, c1 - c0 + 1);
      const allDirty = this.countDirty() === (r1 - r0 + 1) * (c1 - c0 + 1);
      const current = allDirty ? null : withRetry(() => range.getValues() as Cell[][]);
      const formulas = allDirty ? null : withRetry(() => range.getFormulas());
      const formats = withRetry(() => range.getNumberFormats());
      const block: Cell[][] = [];
      for (let r = r0; r <= r1; r++) {
        const line: Cell[] = [];
        for (let c = c0; c <= c1; c++) {
          const format = formats[r - r0]?.[c - c0] ?? '';
          if (this.dirty.get(r)?.has(c)) {
            line.push(cellInput(this.values[r]?.[c] ?? '', format));
            continue;
          }
          const formula = formulas?.[r - r0]?.[c - c0];
          const value = current?.[r - r0]?.[c - c0] ?? '';
          if (formula) line.push(formula);
          else line.push(cellInput(value, format));
          if (this.values[r]) this.values[r][c] = value;
        }
        block.push(line);
      }
      withRetry(() => range.setValues(block));
      this.dirty.clear();
    }
    if (this.appended.length > 0) {
      const first = Math.max(this.sheet.getLastRow(), 1) + 1;
      const overflow = first + this.appended.length - 1 - this.sheet.getMaxRows();
      if (overflow > 0) this.sheet.insertRowsAfter(this.sheet.getMaxRows(), overflow);
      const width = Math.max(1, this.headers.length);
      const target = this.sheet.getRange(first, 1, this.appended.length, width);
      const formats = withRetry(() => target.getNumberFormats());
      const rows = this.appended.map((r, k) =>
        r.slice(0, width).map((v, c) => cellInput(v, formats[k]?.[c] ?? '')),
      );
      withRetry(() => target.setValues(rows));
      this.values.push(...this.appended.splice(0));
    }
  }

  /**
   * A table from a run's batched read: only the changed cells (each row's runs of adjacent changed cells)
   * and the appended rows go to the run's one batched write, which stores strings as typed (RULES R7):
   * no re-read, and a TL's edit to any other cell since the read is untouched.
   */
  private queueWrite(cached: CachedSheet): void {
    const cells: { row: number; col: number; values: Cell[] }[] = [];
    for (const [r, set] of [...this.dirty].sort((a, b) => a[0] - b[0])) {
      const cols = [...set].sort((a, b) => a - b);
      let run: { row: number; col: number; values: Cell[] } | null = null;
      for (const c of cols) {
        const value = this.values[r]?.[c] ?? '';
        if (run && run.col + run.values.length === c + 1) run.values.push(value);
        else cells.push((run = { row: r + 2, col: c + 1, values: [value] }));
      }
    }
    const width = Math.max(1, this.headers.length);
    const appended = this.appended.map((r) => r.slice(0, width));
    if (cells.length > 0 || appended.length > 0) cached.write(cells, appended);
    this.dirty.clear();
    this.values.push(...this.appended.splice(0));
  }

  private countDirty(): number {
    let n = 0;
    for (const cols of this.dirty.values()) n += cols.size;
    return n;
  }
}

function isCached(value: Sheet | CachedSheet): value is CachedSheet {
  return typeof (value as Partial<CachedSheet>).write === 'function';
}

function sameCell(a: Cell | undefined, b: Cell): boolean {
  if (a === b) return true;
  const ta = Object.prototype.toString.call(a);
  if (ta === '[object Date]' && ta === Object.prototype.toString.call(b)) {
    return (a as Date).getTime() === (b as Date).getTime();
  }
  return false;
}
