/**
 * Fake Sheet (every method is one metered `Sheet.<method>` call) and a minimal embedded chart.
 */
import {
  checkBounds,
  displayOf,
  getCell,
  lastColOf,
  lastRowOf,
  parseA1,
  shiftSheet,
  splitSheetPrefix,
  writeTyped,
  checkCellSize,
  cellFor,
  type Book,
  type ChartModel,
  type ProtectionModel,
  type Rect,
  type SheetModel,
} from './model';
import { FakeConditionalFormatRule } from './rules';
import { EditorActions, FakeProtection, canUserEditCell, rectOf } from './protection';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type CFRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

type Keys =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumns'
  | 'clear'
  | 'deleteColumn'
  | 'deleteRow'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getTabColor'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertRowsAfter'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setConditionalFormatRules'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showSheet'
  | 'updateChart';

export const DEFAULT_COLUMN_WIDTH = 100;

export class FakeSheet implements Pick<GSheet, Keys> {
  constructor(
    private readonly book: Book,
    /** The sheet model (non-API, for tests and the harness). */
    readonly model: SheetModel,
  ) {}

  private self(): GSheet {
    return this as unknown as GSheet;
  }
  private call(method: string): void {
    this.book.ctx.meter.call('Sheet', method);
  }
  private range(rect: Rect): GRange {
    return this.book.rangeWrapper(this.model, rect);
  }

  /** Non-API: may `email` edit cell (row, col)? True if no protection covers it or the user edits them all. */
  canUserEdit(email: string, row: number, col: number): boolean {
    return canUserEditCell(this.book, this.model, email, row, col);
  }

  getName(): string {
    this.call('getName');
    return this.model.name;
  }
  setName(name: string): GSheet {
    this.call('setName');
    const clash = this.book.model.sheets.find(
      (s) => s !== this.model && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.model.name = name;
    return this.self();
  }
  getSheetId(): number {
    this.call('getSheetId');
    return this.model.id;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.call('getParent');
    return this.book.spreadsheetWrapper();
  }
  getIndex(): number {
    this.call('getIndex');
    return this.book.model.sheets.indexOf(this.model) + 1;
  }
  activate(): GSheet {
    this.call('activate');
    this.model.hidden = false;
    this.book.model.activeSheetId = this.model.id;
    return this.self();
  }
  getLastRow(): number {
    this.call('getLastRow');
    return lastRowOf(this.model);
  }
  getLastColumn(): number {
    this.call('getLastColumn');
    return lastColOf(this.model);
  }
  getMaxRows(): number {
    this.call('getMaxRows');
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    this.call('getMaxColumns');
    return this.model.maxCols;
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    this.call('getRange');
    let rect: Rect;
    if (typeof a === 'string') {
      const { sheetName, ref } = splitSheetPrefix(a);
      if (sheetName !== null && sheetName !== this.model.name) throw new Error(`Range not found`);
      rect = parseA1(ref, this.model.maxRows, this.model.maxCols);
    } else {
      if (column === undefined)
        throw new Error(
          "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
        );
      rect = { row: a, col: column, numRows: numRows ?? 1, numCols: numColumns ?? 1 };
      for (const n of [a, column, rect.numRows, rect.numCols]) {
        if (!Number.isInteger(n)) throw new Error(`Invalid argument: ${String(n)} is not an integer.`);
      }
    }
    checkBounds(this.model, rect);
    return this.range(rect);
  }
  getDataRange(): GRange {
    this.call('getDataRange');
    return this.range({
      row: 1,
      col: 1,
      numRows: Math.max(1, lastRowOf(this.model)),
      numCols: Math.max(1, lastColOf(this.model)),
    });
  }
  appendRow(rowContents: unknown[]): GSheet {
    this.call('appendRow');
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new Error(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    // Like setValues: strings are parsed as typed input; at most 50,000 characters per cell.
    rowContents.forEach(checkCellSize);
    const env = { timeZone: this.book.model.timeZone, nowMs: this.book.ctx.clock.nowMs() };
    const row = lastRowOf(this.model) + 1;
    if (row > this.model.maxRows) this.model.maxRows = row;
    if (rowContents.length > this.model.maxCols) this.model.maxCols = rowContents.length;
    rowContents.forEach((v, i) => writeTyped(cellFor(this.model, row, i + 1), v, env));
    return this.self();
  }

  // ---- structure ----
  private insert(method: string, dim: 'row' | 'col', at: number, count: number): GSheet {
    this.call(method);
    const max = dim === 'row' ? this.model.maxRows : this.model.maxCols;
    if (!Number.isInteger(at) || !Number.isInteger(count) || count < 1 || at < 1 || at > max + 1) {
      throw new Error(`Those ${dim === 'row' ? 'rows' : 'columns'} are out of bounds.`);
    }
    shiftSheet(this.model, dim, at, count);
    return this.self();
  }
  private remove(method: string, dim: 'row' | 'col', at: number, count: number): void {
    this.call(method);
    const max = dim === 'row' ? this.model.maxRows : this.model.maxCols;
    if (!Number.isInteger(at) || !Number.isInteger(count) || count < 1 || at < 1 || at + count - 1 > max) {
      throw new Error(`Those ${dim === 'row' ? 'rows' : 'columns'} are out of bounds.`);
    }
    if (count >= max) {
      throw new Error(
        `Sorry, it is not possible to delete all non-frozen ${dim === 'row' ? 'rows' : 'columns'}.`,
      );
    }
    shiftSheet(this.model, dim, at, -count);
  }
  insertColumnAfter(afterPosition: number): GSheet {
    return this.insert('insertColumnAfter', 'col', afterPosition + 1, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    return this.insert('insertColumnsAfter', 'col', afterPosition + 1, howMany);
  }
  insertColumnBefore(beforePosition: number): GSheet {
    return this.insert('insertColumnBefore', 'col', beforePosition, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    return this.insert('insertRowsAfter', 'row', afterPosition + 1, howMany);
  }
  deleteColumn(columnPosition: number): GSheet {
    this.remove('deleteColumn', 'col', columnPosition, 1);
    return this.self();
  }
  deleteRow(rowPosition: number): GSheet {
    this.remove('deleteRow', 'row', rowPosition, 1);
    return this.self();
  }

  setFrozenRows(rows: number): void {
    this.call('setFrozenRows');
    this.model.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.call('getFrozenRows');
    return this.model.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.call('setFrozenColumns');
    this.model.frozenCols = columns;
  }
  getFrozenColumns(): number {
    this.call('getFrozenColumns');
    return this.model.frozenCols;
  }
  hideSheet(): GSheet {
    this.call('hideSheet');
    const visible = this.book.model.sheets.filter((s) => !s.hidden && s !== this.model);
    if (visible.length === 0) throw new Error("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return this.self();
  }
  showSheet(): GSheet {
    this.call('showSheet');
    this.model.hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    this.call('isSheetHidden');
    return this.model.hidden;
  }
  setTabColor(color: string | null): GSheet {
    this.call('setTabColor');
    this.model.tabColor = color;
    return this.self();
  }
  getTabColor(): string | null {
    this.call('getTabColor');
    return this.model.tabColor;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.call('setColumnWidth');
    this.model.columnWidths[columnPosition] = width;
    return this.self();
  }
  getColumnWidth(columnPosition: number): number {
    this.call('getColumnWidth');
    return this.model.columnWidths[columnPosition] ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    this.call('autoResizeColumns');
    this.fitColumns(startColumn, numColumns);
    return this.self();
  }
  private fitColumns(start: number, n: number): void {
    const tz = this.book.model.timeZone;
    const last = lastRowOf(this.model);
    for (let c = start; c < start + n; c++) {
      let longest = 0;
      for (let r = 1; r <= last; r++) {
        for (const line of displayOf(getCell(this.model, r, c), tz).split('\n'))
          longest = Math.max(longest, line.length);
      }
      this.model.columnWidths[c] = Math.max(40, longest * 7 + 10);
    }
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GSheet {
    this.call('clear');
    if (options) this.wholeSheet().clear(options);
    else this.wholeSheet().clear();
    return this.self();
  }
  private wholeSheet(): GRange {
    return this.range({ row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxCols });
  }

  // ---- protection ----
  /** Non-API: act as `email` in the Sheets UI (rename, delete, type, append), refused as Google would. */
  asEditor(email: string): EditorActions {
    return new EditorActions(this.book, this.model, email);
  }
  protect(): GProtection {
    this.call('protect');
    let model = this.model.protections.find((p) => p.type === 'SHEET');
    if (!model) {
      model = {
        id: this.book.model.nextObjectId++,
        type: 'SHEET',
        rect: { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxCols },
        description: '',
        warningOnly: false,
        domainEdit: true,
        editors: null,
        unprotected: [],
      } satisfies ProtectionModel;
      this.model.protections.push(model);
    }
    return new FakeProtection(this.book, this.model, model) as unknown as GProtection;
  }
  getProtections(type: unknown): GProtection[] {
    this.call('getProtections');
    return this.model.protections
      .filter((p) => p.type === String(type))
      .map((p) => new FakeProtection(this.book, this.model, p) as unknown as GProtection);
  }

  // ---- conditional formatting ----
  setConditionalFormatRules(rules: CFRule[]): void {
    this.call('setConditionalFormatRules');
    this.model.rules = rules.map((r) => {
      const rule = r as unknown as FakeConditionalFormatRule;
      return {
        condition: rule.condition
          ? { criteria: rule.condition.criteria, values: [...rule.condition.values] }
          : null,
        format: { ...rule.format },
        rects: rule.ranges.map((range) => ({ ...rectOf(range) })),
      };
    });
  }
  getConditionalFormatRules(): CFRule[] {
    this.call('getConditionalFormatRules');
    return this.model.rules.map(
      (r) =>
        new FakeConditionalFormatRule(
          r.condition ? { criteria: r.condition.criteria, values: [...r.condition.values] } : null,
          { ...r.format },
          r.rects.map((rect) => this.range({ ...rect })),
        ) as unknown as CFRule,
    );
  }

  // ---- charts ----
  newChart(): GChartBuilder {
    this.call('newChart');
    return new FakeEmbeddedChartBuilder(this.book, null).self();
  }
  insertChart(chart: GChart): void {
    this.call('insertChart');
    const model = cloneChart((chart as unknown as FakeEmbeddedChart).model);
    model.id = this.book.model.nextObjectId++;
    this.model.charts.push(model);
  }
  getCharts(): GChart[] {
    this.call('getCharts');
    return this.model.charts.map((c) => new FakeEmbeddedChart(this.book, cloneChart(c)) as unknown as GChart);
  }
  removeChart(chart: GChart): void {
    this.call('removeChart');
    const id = (chart as unknown as FakeEmbeddedChart).model.id;
    this.model.charts = this.model.charts.filter((c) => c.id !== id);
  }
  updateChart(chart: GChart): void {
    this.call('updateChart');
    const model = cloneChart((chart as unknown as FakeEmbeddedChart).model);
    const i = this.model.charts.findIndex((c) => c.id === model.id);
    if (i < 0) throw new Error('The chart is not on this sheet.');
    this.model.charts[i] = model;
  }
}

function cloneChart(c: ChartModel): ChartModel {
  return {
    ...c,
    ranges: c.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
    position: { ...c.position },
    options: { ...c.options },
  };
}

/** A built chart (a snapshot until `Sheet.insertChart` / `updateChart` stores it). */
export class FakeEmbeddedChart implements Pick<
  GChart,
  'getRanges' | 'getOptions' | 'getContainerInfo' | 'modify'
> {
  constructor(
    private readonly book: Book,
    /** What was set on the builder (non-API, for tests). */
    readonly model: ChartModel,
  ) {}
  getRanges(): GRange[] {
    return this.model.ranges.map((r) => {
      const sheet = this.book.model.sheets.find((s) => s.id === r.sheetId);
      if (!sheet) throw new Error('The chart refers to a deleted sheet.');
      return this.book.rangeWrapper(sheet, { ...r.rect });
    });
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this.model.options;
    return { get: (key: string) => options[key] } as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = this.model.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.col,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): GChartBuilder {
    return new FakeEmbeddedChartBuilder(this.book, cloneChart(this.model)).self();
  }
}

type BuilderKeys = 'addRange' | 'clearRanges' | 'getRanges' | 'setChartType' | 'setOption' | 'setPosition';

/** Chart builder: records type, ranges, position and options; `build()` snapshots them. */
export class FakeEmbeddedChartBuilder implements Pick<GChartBuilder, BuilderKeys> {
  private readonly model: ChartModel;
  constructor(
    private readonly book: Book,
    from: ChartModel | null,
  ) {
    this.model = from ?? {
      id: 0,
      type: '',
      ranges: [],
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
  }
  self(): GChartBuilder {
    return this as unknown as GChartBuilder;
  }
  addRange(range: GRange): GChartBuilder {
    const fake = range as unknown as { sheet: SheetModel; rect: Rect };
    this.model.ranges.push({ sheetId: fake.sheet.id, rect: { ...rectOf(range) } });
    return this.self();
  }
  clearRanges(): GChartBuilder {
    this.model.ranges = [];
    return this.self();
  }
  getRanges(): GRange[] {
    return new FakeEmbeddedChart(this.book, this.model).getRanges();
  }
  setChartType(type: unknown): GChartBuilder {
    this.model.type = String(type);
    return this.self();
  }
  setOption(option: string, value: unknown): GChartBuilder {
    this.model.options[option] = value;
    return this.self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GChartBuilder {
    this.model.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  setTitle(title: string): GChartBuilder {
    return this.setOption('title', title);
  }
  build(): GChart {
    if (!this.model.type) throw new Error('You must set a chart type before building the chart.');
    return new FakeEmbeddedChart(this.book, cloneChart(this.model)) as unknown as GChart;
  }
}
