/**
 * Fake SpreadsheetApp and Spreadsheet. A spreadsheet is a Drive file (MIME.spreadsheet) whose content
 * is a `SpreadsheetModel`; copying the file through DriveApp yields an independent spreadsheet.
 * Sheet, Range, Protection, validations, conditional formats and charts live in `./spreadsheet/`.
 */
import type { FakeClock } from './clock';
import { MIME, type DriveStore } from './driveStore';
import type { Meter } from './meter';
import { grantAccess, revokeAccess, urlOf } from './drive';
import {
  cloneSpreadsheetModel,
  newSheetModel,
  newSpreadsheetModel,
  parseA1,
  checkBounds,
  splitSheetPrefix,
  type Book,
  type Ctx,
  type Rect,
  type SheetModel,
  type SpreadsheetModel,
} from './spreadsheet/model';
import { FakeRange } from './spreadsheet/range';
import { FakeSheet } from './spreadsheet/sheet';
import { FakeProtection } from './spreadsheet/protection';
import {
  BooleanCriteria,
  ChartType,
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  FakeUser,
  ProtectionType,
} from './spreadsheet/rules';

export { FakeRange, FakeSheet, FakeProtection, ChartType, cloneSpreadsheetModel };
export type { SpreadsheetModel, SheetModel };

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

/** What the fakes hand out: the real type (for bundle code) intersected with the fake (for tests). */
export type FakeSheetT = FakeSheet & GSheet;
export type FakeSpreadsheetT = FakeSpreadsheet & GSpreadsheet;

export interface Toast {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number;
  at: Date;
}

export interface FakeSpreadsheetAppOptions {
  meter: Meter;
  store: DriveStore;
  clock: FakeClock;
  timeZone: string;
  ui: unknown;
  activeUser: () => string;
}

type SsKeys =
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getOwner'
  | 'getProtections'
  | 'getRange'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'getViewers'
  | 'insertSheet'
  | 'removeEditor'
  | 'rename'
  | 'setActiveSheet'
  | 'setSpreadsheetTimeZone'
  | 'toast';

/**
 * The user's selection per spreadsheet (the sheet and the last selected rectangle), set by the non-API
 * `selectRange` (a user clicking a cell). Kept beside the model, not in it: it is the UI's state.
 */
const selections = new WeakMap<SpreadsheetModel, { sheetId: number; rect: Rect }>();

export class FakeSpreadsheet implements Book, Pick<GSpreadsheet, SsKeys> {
  constructor(
    readonly ctx: Ctx,
    readonly fileId: string,
    private readonly toasts: Toast[],
  ) {}

  // ---- Book (non-API) ----
  get model(): SpreadsheetModel {
    return this.ctx.store.get(this.fileId).content as SpreadsheetModel;
  }
  sheetWrapper(sheet: SheetModel): FakeSheetT {
    return new FakeSheet(this, sheet) as FakeSheetT;
  }
  rangeWrapper(sheet: SheetModel, rect: Rect): GRange {
    return new FakeRange(this, sheet, rect) as unknown as GRange;
  }
  spreadsheetWrapper(): FakeSpreadsheetT {
    return this as unknown as FakeSpreadsheetT;
  }
  owner(): string {
    return this.ctx.store.get(this.fileId).owner;
  }
  fileEditors(): string[] {
    const f = this.ctx.store.get(this.fileId);
    const list = [f.owner.toLowerCase()];
    for (const e of f.editors) if (!list.includes(e.toLowerCase())) list.push(e.toLowerCase());
    return list;
  }
  /** Non-API: the sheet named `name` (throws if missing), typed with the fake helpers. */
  sheet(name: string): FakeSheetT {
    const s = this.model.sheets.find((m) => m.name === name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return this.sheetWrapper(s);
  }

  private call(method: string, kind?: string): void {
    this.ctx.meter.call('SpreadsheetApp', method, kind);
  }
  private self(): FakeSpreadsheetT {
    return this as unknown as FakeSpreadsheetT;
  }

  getId(): string {
    this.call('getId');
    return this.fileId;
  }
  getName(): string {
    this.call('getName');
    return this.ctx.store.get(this.fileId).name;
  }
  rename(newName: string): void {
    this.call('rename');
    this.ctx.store.get(this.fileId).name = newName;
  }
  getUrl(): string {
    this.call('getUrl');
    return urlOf(this.ctx.store.get(this.fileId));
  }
  getSpreadsheetTimeZone(): string {
    this.call('getSpreadsheetTimeZone');
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.call('setSpreadsheetTimeZone');
    this.model.timeZone = timezone;
  }
  getSheets(): FakeSheetT[] {
    this.call('getSheets');
    return this.model.sheets.map((s) => this.sheetWrapper(s));
  }
  getSheetByName(name: string): FakeSheetT | null {
    this.call('getSheetByName');
    const s = this.model.sheets.find((m) => m.name === name);
    return s ? this.sheetWrapper(s) : null;
  }
  insertSheet(a?: unknown, b?: unknown): FakeSheetT {
    this.call('insertSheet');
    const m = this.model;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = m.sheets.length + 1;
      while (m.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const wanted = name;
    if (m.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = newSheetModel(m.nextSheetId++, name);
    const at = index === undefined ? m.sheets.length : Math.max(0, Math.min(index, m.sheets.length));
    m.sheets.splice(at, 0, sheet);
    m.activeSheetId = sheet.id;
    return this.sheetWrapper(sheet);
  }
  deleteSheet(sheet: GSheet): void {
    this.call('deleteSheet');
    const m = this.model;
    const target = (sheet as unknown as FakeSheet).model;
    const i = m.sheets.indexOf(target);
    if (i < 0) throw new Error('Sheet not found in this spreadsheet.');
    if (m.sheets.length === 1) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    m.sheets.splice(i, 1);
    if (m.activeSheetId === target.id) m.activeSheetId = m.sheets[0].id;
  }
  /**
   * Google: "Returns the selected range in the active sheet, or null if there is no active range. If
   * multiple ranges are selected this method returns only the last selected range." Here: the range the
   * user selected (`selectRange`) when it is on the active sheet, else null.
   */
  getActiveRange(): GRange | null {
    this.call('getActiveRange');
    const m = this.model;
    const selected = selections.get(m);
    const active = m.sheets.find((s) => s.id === m.activeSheetId) ?? m.sheets[0];
    if (!selected || selected.sheetId !== active.id) return null;
    return this.rangeWrapper(active, { ...selected.rect });
  }
  /** Non-API (unmetered): the user selects `a1` on sheet `sheetName`, which becomes the active sheet. */
  selectRange(sheetName: string, a1: string): void {
    const m = this.model;
    const sheet = m.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
    const rect = parseA1(a1, sheet.maxRows, sheet.maxCols);
    checkBounds(sheet, rect);
    m.activeSheetId = sheet.id;
    selections.set(m, { sheetId: sheet.id, rect });
  }
  getActiveSheet(): FakeSheetT {
    this.call('getActiveSheet');
    const m = this.model;
    return this.sheetWrapper(m.sheets.find((s) => s.id === m.activeSheetId) ?? m.sheets[0]);
  }
  setActiveSheet(sheet: GSheet): FakeSheetT {
    this.call('setActiveSheet');
    const target = (sheet as unknown as FakeSheet).model;
    if (!this.model.sheets.includes(target)) throw new Error('Sheet not found in this spreadsheet.');
    target.hidden = false;
    this.model.activeSheetId = target.id;
    return this.sheetWrapper(target);
  }
  getRange(a1Notation: string): GRange {
    this.call('getRange');
    const { sheetName, ref } = splitSheetPrefix(a1Notation);
    const m = this.model;
    const sheet =
      sheetName === null
        ? (m.sheets.find((s) => s.id === m.activeSheetId) ?? m.sheets[0])
        : m.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`Range not found`);
    const rect = parseA1(ref, sheet.maxRows, sheet.maxCols);
    checkBounds(sheet, rect);
    return this.rangeWrapper(sheet, rect);
  }
  getProtections(type: unknown): GoogleAppsScript.Spreadsheet.Protection[] {
    this.call('getProtections');
    return this.model.sheets.flatMap((s) =>
      s.protections
        .filter((p) => p.type === String(type))
        .map((p) => new FakeProtection(this, s, p) as unknown as GoogleAppsScript.Spreadsheet.Protection),
    );
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.call('toast');
    this.toasts.push({
      spreadsheetId: this.fileId,
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this.ctx.clock.now(),
    });
  }

  // ---- sharing: delegates to the Drive file ----
  addEditor(user: unknown): FakeSpreadsheetT {
    this.call('addEditor', 'permission');
    grantAccess(this.ctx.store, this.ctx.store.get(this.fileId), [user], 'editor');
    return this.self();
  }
  addEditors(emailAddresses: string[]): FakeSpreadsheetT {
    this.call('addEditors', 'permission');
    grantAccess(this.ctx.store, this.ctx.store.get(this.fileId), emailAddresses, 'editor');
    return this.self();
  }
  addViewer(user: unknown): FakeSpreadsheetT {
    this.call('addViewer', 'permission');
    grantAccess(this.ctx.store, this.ctx.store.get(this.fileId), [user], 'viewer');
    return this.self();
  }
  addViewers(emailAddresses: string[]): FakeSpreadsheetT {
    this.call('addViewers', 'permission');
    grantAccess(this.ctx.store, this.ctx.store.get(this.fileId), emailAddresses, 'viewer');
    return this.self();
  }
  removeEditor(user: unknown): FakeSpreadsheetT {
    this.call('removeEditor', 'permission');
    revokeAccess(this.ctx.store.get(this.fileId), user, 'editor');
    return this.self();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    this.call('getEditors');
    return this.ctx.store.get(this.fileId).editors.map((e) => new FakeUser(e));
  }
  getViewers(): GoogleAppsScript.Base.User[] {
    this.call('getViewers');
    return this.ctx.store.get(this.fileId).viewers.map((e) => new FakeUser(e));
  }
  getOwner(): GoogleAppsScript.Base.User {
    this.call('getOwner');
    return new FakeUser(this.ctx.store.get(this.fileId).owner);
  }
}

type AppKeys =
  | 'create'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'open'
  | 'openById'
  | 'openByUrl'
  | 'setActiveSheet';

export class FakeSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppKeys> {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  /** Every toast shown, oldest first (non-API). */
  readonly toasts: Toast[] = [];
  private readonly ctx: Ctx;
  private readonly timeZone: string;
  private readonly ui: unknown;
  private activeId: string | null = null;

  constructor(opts: FakeSpreadsheetAppOptions) {
    this.ctx = { meter: opts.meter, store: opts.store, clock: opts.clock, activeUser: opts.activeUser };
    this.timeZone = opts.timeZone;
    this.ui = opts.ui;
    opts.store.registerCloner(MIME.spreadsheet, cloneSpreadsheetModel);
  }

  private call(method: string): void {
    this.ctx.meter.call('SpreadsheetApp', method);
  }
  private wrap(id: string): FakeSpreadsheetT {
    return new FakeSpreadsheet(this.ctx, id, this.toasts) as FakeSpreadsheetT;
  }
  private newFile(name: string, owner: string, rows?: number, cols?: number): string {
    return this.ctx.store.add({
      name,
      mimeType: MIME.spreadsheet,
      content: newSpreadsheetModel(this.timeZone, rows, cols),
      owner,
      created: this.ctx.clock.now(),
    }).id;
  }

  /** Non-API (unmetered): creates the spreadsheet the script is bound to and makes it the active one. */
  createBound(name: string): FakeSpreadsheetT {
    this.activeId = this.newFile(name, this.ctx.store.owner);
    return this.wrap(this.activeId);
  }
  /** Non-API (unmetered): open any spreadsheet by id, typed with the fake helpers. */
  fake(id: string): FakeSpreadsheetT {
    const f = this.ctx.store.get(id);
    if (f.mimeType !== MIME.spreadsheet) throw new Error(`${id} is not a spreadsheet.`);
    return this.wrap(id);
  }

  create(name: string, rows?: number, columns?: number): FakeSpreadsheetT {
    this.call('create');
    return this.wrap(this.newFile(name, this.ctx.activeUser(), rows, columns));
  }
  openById(id: string): FakeSpreadsheetT {
    this.call('openById');
    const f = this.ctx.store.get(id);
    if (f.mimeType !== MIME.spreadsheet) {
      throw new Error(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return this.wrap(id);
  }
  openByUrl(url: string): FakeSpreadsheetT {
    this.call('openByUrl');
    const m = /\/d\/([^/?#]+)/.exec(url);
    if (!m) throw new Error('Invalid argument: url');
    const f = this.ctx.store.get(m[1]);
    if (f.mimeType !== MIME.spreadsheet) throw new Error('Invalid argument: url');
    return this.wrap(m[1]);
  }
  open(file: GoogleAppsScript.Drive.File): FakeSpreadsheetT {
    this.call('open');
    return this.wrap(file.getId());
  }
  flush(): void {
    this.call('flush');
  }
  getActive(): FakeSpreadsheetT {
    this.call('getActive');
    return (this.activeId ? this.wrap(this.activeId) : null) as FakeSpreadsheetT;
  }
  getActiveSpreadsheet(): FakeSpreadsheetT {
    this.call('getActiveSpreadsheet');
    return (this.activeId ? this.wrap(this.activeId) : null) as FakeSpreadsheetT;
  }
  getActiveSheet(): FakeSheetT {
    this.call('getActiveSheet');
    if (!this.activeId) return null as unknown as FakeSheetT;
    return this.wrap(this.activeId).getActiveSheet();
  }
  setActiveSheet(sheet: GSheet): FakeSheetT {
    this.call('setActiveSheet');
    const fake = sheet as unknown as FakeSheet;
    return (fake.getParent() as unknown as FakeSpreadsheet).setActiveSheet(sheet);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    this.call('getUi');
    return this.ui as GoogleAppsScript.Base.Ui;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.call('newDataValidation');
    return new FakeDataValidationBuilder().self();
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.call('newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder().self();
  }
}
