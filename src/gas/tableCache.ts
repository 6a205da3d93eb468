/**
 * RULES R26 — a run's tracker tables in one read and one write. `withTrackerTables` reads every sheet the
 * run names with one `Spreadsheets.get` (which sheets exist, their IDs and sizes) and two
 * `Values.batchGet` (values with dates as serial numbers, and the same with dates as text: a cell that is
 * a number in the first and text in the second is a date or time). While it runs, `SheetTable.of` /
 * `open` on those sheets build the table from that read (no getSheetByName, getLastRow, getValues …),
 * and a table's `flush` queues its changed cells; `commitTrackerWrites` (the mailer calls it before the
 * sent marker is cleared) and the end of the run write everything queued in ONE `Values.batchUpdate`
 * with RAW input, so user text is stored as typed, never parsed (RULES R7), plus one USER_ENTERED
 * update for the cells that hold a date (written as `yyyy-MM-dd HH:mm:ss` in the spreadsheet's zone).
 */
import type { Zone } from '../domain/timeZone';
import { openSpreadsheet } from './open';
import {
  a1Range,
  type CellRect,
  gridRange,
  readSheets,
  readSpreadsheet,
  type SheetLayout,
  sheetsService,
} from './sheetsApi';
import { type CachedSheet, type Cell, setTableSource, type Sheet, type Spreadsheet } from './sheetTable';
import { withRetry } from './retry';
import { spreadsheetZone, zoneFor } from './zone';

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;

interface Entry {
  name: string;
  grid: Cell[][];
  /** The last used row (the grid's height), after this run's queued appends. */
  lastRow: number;
  /** The grid's rows (`getMaxRows`). */
  rowCount: number;
  sheet: Sheet | null;
}

const DAY_MS = 86_400_000;
/** 1899-12-30, Sheets' day 0, as a UTC wall-clock reading. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * One spreadsheet's sheets for one run (see the file comment): the tracker's (`ss` given: its SheetTables
 * come from here) or another spreadsheet's, e.g. the class's progress report (opened only if a Sheet is
 * needed).
 */
export class TrackerTables {
  private readonly entries = new Map<string, Entry>();
  private readonly books = new Map<string, TrackerTables>();
  private raw: ValueRange[] = [];
  private typed: ValueRange[] = [];
  private zone: Zone | null = null;
  private opened: Spreadsheet | null;
  /** Every sheet with its ID and size, from the one `Spreadsheets.get`. */
  readonly layout: SheetLayout[];
  /** `Spreadsheet.getUrl()`, from the same call. */
  readonly url: string;

  /** `names`: the sheets to read (those that exist); omitted: every sheet. */
  constructor(
    private readonly ss: Spreadsheet | null,
    readonly id: string,
    names?: readonly string[],
  ) {
    this.opened = ss;
    const info = withRetry(() => readSpreadsheet(id));
    this.layout = info.layout;
    this.url = info.url;
    if (info.timeZone) this.zone = zoneFor(info.timeZone);
    const wanted = names ?? this.layout.map((s) => s.title);
    const present = [...new Set(wanted)].filter((n) => this.layout.some((s) => s.title === n));
    const serial = withRetry(() => readSheets(id, present));
    const shown = withRetry(() => readSheets(id, present, { dates: 'FORMATTED_STRING' }));
    present.forEach((name, k) => {
      const grid = (serial[k] ?? []).map((row, r) =>
        row.map((v, c) => {
          const text = shown[k]?.[r]?.[c];
          return typeof v === 'number' && typeof text === 'string' ? this.dateOf(v) : (v as Cell);
        }),
      );
      const rowCount = this.layout.find((s) => s.title === name)?.rowCount ?? grid.length;
      this.entries.set(name, { name, grid, lastRow: grid.length, rowCount, sheet: null });
    });
  }

  ownedBy(ss: Spreadsheet): boolean {
    return ss === this.ss;
  }

  /** The spreadsheet itself (another spreadsheet's is opened here, once). */
  spreadsheet(): Spreadsheet {
    if (!this.opened) this.opened = openSpreadsheet(this.id);
    return this.opened;
  }

  /** Another spreadsheet read the same way once in this run (every sheet), e.g. the class's report. */
  book(id: string): TrackerTables {
    let book = this.books.get(id);
    if (!book) this.books.set(id, (book = new TrackerTables(null, id)));
    return book;
  }

  /** The title of the sheet with this ID, if any (no call). */
  titleOf(sheetId: number): string | undefined {
    return this.layout.find((s) => s.sheetId === sheetId)?.title;
  }

  /** The sheet's ID (for `#gid=` links), no call; undefined when the tracker has no such sheet. */
  sheetId(name: string): number | undefined {
    return this.layout.find((s) => s.title === name)?.sheetId;
  }

  /** Whether the tracker has a sheet of this name (no call: the layout was read). */
  has(name: string): boolean {
    return this.layout.some((s) => s.title === name);
  }

  /** The sheet of this name, opened once per run; null when the tracker has none (no call then). */
  sheet(name: string): Sheet | null {
    if (!this.has(name)) return null;
    const entry = this.entries.get(name);
    if (entry?.sheet) return entry.sheet;
    const sheet = this.spreadsheet().getSheetByName(name);
    if (entry) entry.sheet = sheet;
    return sheet;
  }

  /** The table source `SheetTable` consults while this run is active. */
  source(ss: Spreadsheet, name: string): CachedSheet | 'absent' | undefined {
    if (ss !== this.ss) return undefined;
    if (!this.has(name)) return 'absent';
    return this.cached(name);
  }

  /** The grid read for this sheet, as a SheetTable takes it (`SheetTable.fromValues`); undefined if not read. */
  cached(name: string): CachedSheet | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    return {
      name,
      grid: entry.grid,
      sheet: () => {
        const sheet = this.sheet(name);
        if (!sheet) throw new Error(`The sheet "${name}" was deleted during this run.`);
        return sheet;
      },
      write: (cells, appended) => this.queue(entry, cells, appended),
    };
  }

  /**
   * Replaces a sheet's used block (read in this run) by `grid` from A1, `width` columns wide, and clears
   * the rows of the old block below it: queued for the run's one write, like a table's changes.
   */
  replace(name: string, grid: Cell[][], width: number): void {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`The sheet "${name}" was not read in this run.`);
    const block = grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
    const cleared = Math.max(0, entry.lastRow - block.length);
    const rows = [...block, ...Array.from({ length: cleared }, () => new Array<Cell>(width).fill(''))];
    if (rows.length === 0) return;
    this.grow(entry, rows.length);
    this.range(name, 1, 1, rows);
    entry.grid.splice(0, entry.grid.length, ...block.map((r) => r.slice()));
    entry.lastRow = block.length;
  }

  /** Gives cells a date-time number format now: one `Spreadsheets.batchUpdate` for every rectangle. */
  formatDates(name: string, rects: readonly CellRect[], pattern: string): void {
    if (rects.length === 0) return;
    const sheetId = this.requireSheetId(name);
    const requests = rects.map((rect) => ({
      repeatCell: {
        range: gridRange(sheetId, rect),
        cell: { userEnteredFormat: { numberFormat: { type: 'DATE_TIME', pattern } } },
        fields: 'userEnteredFormat.numberFormat',
      },
    }));
    withRetry(() => sheetsService().Spreadsheets.batchUpdate({ requests }, this.id));
  }

  /** The sheet's ID from the layout read; throws when the tracker has no such sheet. */
  requireSheetId(name: string): number {
    const id = this.sheetId(name);
    if (id === undefined) throw new Error(`The sheet "${name}" is missing.`);
    return id;
  }

  /** Values.batchUpdate cannot write past the grid: grow it first (once, whatever the rows). */
  private grow(entry: Entry, lastRow: number): void {
    const overflow = lastRow - entry.rowCount;
    if (overflow <= 0) return;
    const sheet = this.sheet(entry.name);
    if (sheet) sheet.insertRowsAfter(entry.rowCount, overflow);
    entry.rowCount += overflow;
  }

  /** Writes everything queued: one RAW `Values.batchUpdate`, one USER_ENTERED more when dates changed. */
  commit(): void {
    for (const book of this.books.values()) book.commit();
    const api = sheetsService().Spreadsheets.Values;
    // Each batch is forgotten only once written: a failed write is tried again by the run's next commit.
    const raw = this.raw;
    if (raw.length > 0) withRetry(() => api.batchUpdate({ valueInputOption: 'RAW', data: raw }, this.id));
    this.raw = [];
    const typed = this.typed;
    if (typed.length > 0)
      withRetry(() => api.batchUpdate({ valueInputOption: 'USER_ENTERED', data: typed }, this.id));
    this.typed = [];
  }

  private queue(
    entry: Entry,
    cells: readonly { row: number; col: number; values: Cell[] }[],
    appended: readonly Cell[][],
  ): void {
    for (const run of cells) {
      this.range(entry.name, run.row, run.col, [run.values]);
      const line = entry.grid[run.row - 1];
      if (line) run.values.forEach((v, k) => (line[run.col - 1 + k] = v));
    }
    if (appended.length === 0) return;
    const first = entry.lastRow + 1;
    this.grow(entry, first + appended.length - 1);
    const width = Math.max(1, ...appended.map((r) => r.length));
    this.range(
      entry.name,
      first,
      1,
      appended.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '')),
    );
    entry.grid.push(...appended.map((r) => r.slice()));
    entry.lastRow += appended.length;
  }

  /** One block: its text, numbers and booleans RAW (dates left out), each date cell USER_ENTERED. */
  private range(name: string, row: number, col: number, block: Cell[][]): void {
    const width = Math.max(1, ...block.map((r) => r.length));
    this.raw.push({
      range: a1Range(name, { row, col, numRows: block.length, numCols: width }),
      values: block.map((r) => r.map((v) => (isDateCell(v) ? null : v))) as ValueRange['values'],
    });
    block.forEach((r, i) =>
      r.forEach((v, c) => {
        if (!isDateCell(v)) return;
        this.typed.push({
          range: a1Range(name, { row: row + i, col: col + c, numRows: 1, numCols: 1 }),
          values: [[this.dateText(v)]],
        });
      }),
    );
  }

  private zoneOf(): Zone {
    if (!this.zone) this.zone = spreadsheetZone(this.spreadsheet());
    return this.zone;
  }

  /** A serial number (days since 1899-12-30, local wall clock) as the instant `getValues` gives. */
  private dateOf(serial: number): Date {
    const wall = Math.round(EPOCH_MS + serial * DAY_MS);
    const day = new Date(Math.floor(wall / DAY_MS) * DAY_MS);
    const inDay = wall - day.getTime();
    const pad = (n: number) => String(n).padStart(2, '0');
    const ymd = `${String(day.getUTCFullYear()).padStart(4, '0')}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const minutes = Math.floor(inDay / 60_000);
    const start = this.zoneOf().fromLocal(ymd, `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);
    return new Date(start.getTime() + (inDay % 60_000));
  }

  /** `yyyy-MM-dd HH:mm:ss` in the spreadsheet's zone: what USER_ENTERED reads back as this instant. */
  private dateText(d: Date): string {
    const l = this.zoneOf().toLocal(d);
    const pad = (n: number) => String(n).padStart(2, '0');
    const seconds = Math.floor((((d.getTime() % 60_000) + 60_000) % 60_000) / 1000);
    return `${String(l.year).padStart(4, '0')}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}:${pad(seconds)}`;
  }
}

function isDateCell(v: Cell): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Document properties as a run reads and writes them (the real `Properties` object fits this). */
export interface DocumentProperties {
  getProperties(): Record<string, string>;
  getProperty(key: string): string | null;
  setProperties(values: Record<string, string>): void;
  setProperty(key: string, value: string): void;
  deleteProperty(key: string): void;
}

let active: TrackerTables | null = null;

let store: GoogleAppsScript.Properties.Properties | null = null;
let snapshot: Record<string, string> | null = null;
let snapshotting = false;

/** `PropertiesService.getDocumentProperties()`: once per `withPropertySnapshot` run, else each time. */
function documentStore(): GoogleAppsScript.Properties.Properties {
  if (!snapshotting) return PropertiesService.getDocumentProperties();
  return (store ??= PropertiesService.getDocumentProperties());
}

/**
 * The document properties. Within `withPropertySnapshot` one `getProperties` serves every reader (the
 * queued events, the report's row map, the blocker memory …) and the run's own writes go through to the
 * store and into that read; outside, the store itself.
 */
export function documentProperties(): DocumentProperties {
  if (!snapshotting) return documentStore();
  const values = () => (snapshot ??= { ...documentStore().getProperties() });
  return {
    getProperties: () => ({ ...values() }),
    getProperty: (key) => values()[key] ?? null,
    setProperties: (update) => {
      documentStore().setProperties(update);
      if (snapshot) Object.assign(snapshot, update);
    },
    setProperty: (key, value) => {
      documentStore().setProperty(key, value);
      if (snapshot) snapshot[key] = value;
    },
    deleteProperty: (key) => {
      documentStore().deleteProperty(key);
      if (snapshot) delete snapshot[key];
    },
  };
}

/**
 * Runs `work` with the document properties read once (RULES R26). Only for a run holding the document
 * lock: what another execution writes meanwhile (an edit queued while the lock is held) is read by the
 * next run, as it would be had this run read it at its start.
 */
export function withPropertySnapshot<T>(work: () => T): T {
  const outer = snapshotting;
  snapshotting = true;
  try {
    return work();
  } finally {
    snapshotting = outer;
    if (!outer) {
      snapshot = null;
      store = null;
    }
  }
}

/**
 * Runs `work` with the tracker's sheets `names` read in one batch (see the file comment) and writes what
 * it changed at the end, also when it throws (the changes made before the error are kept, as a
 * sheet-by-sheet run would have written them).
 */
export function withTrackerTables<T>(
  ss: Spreadsheet,
  trackerId: string,
  names: readonly string[],
  work: (tables: TrackerTables) => T,
): T {
  const tables = new TrackerTables(ss, trackerId, names);
  const outer = active;
  active = tables;
  const previous = setTableSource((s, name) => tables.source(s, name));
  const restore = () => {
    active = outer;
    setTableSource(previous);
  };
  let result: T;
  try {
    result = work(tables);
  } catch (error) {
    restore();
    try {
      tables.commit();
    } catch (writeError) {
      console.error(`Tracker changes not written after a failed run: ${String(writeError)}`);
    }
    throw error;
  }
  restore();
  tables.commit();
  return result;
}

/** The spreadsheet `id` (e.g. the class's progress report) read once in the active batched run; else null. */
export function reportBook(id: string): TrackerTables | null {
  return active ? active.book(id.trim()) : null;
}

/** Writes the active run's queued tracker changes now (no-op outside `withTrackerTables`). */
export function commitTrackerWrites(): void {
  active?.commit();
}

/** The active run's batched tracker read when it is of `ss`, else null. */
export function trackerTablesOf(ss: Spreadsheet): TrackerTables | null {
  return active && active.ownedBy(ss) ? active : null;
}
