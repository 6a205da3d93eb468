/**
 * Fake Protection. As in Apps Script, a new protection "mirrors the spreadsheet's permissions" (every
 * file editor may still edit) until the script changes its editors or domain-edit flag; from then on
 * only the listed editors (and always the owner and the user who ran the script) may edit.
 */
import { rectContains, type Book, type ProtectionModel, type SheetModel } from './model';
import { FakeUser, emailOf } from './rules';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GRange = GoogleAppsScript.Spreadsheet.Range;

type Keys =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

const lower = (e: string): string => e.trim().toLowerCase();

/** Effective editor list of a protection (lower-case emails). */
export function protectionEditors(book: Book, p: ProtectionModel): string[] {
  return p.editors ? [...p.editors] : book.fileEditors();
}

/** Whether `email` may edit cell (row, col) of `sheet` given its protections. */
export function canUserEditCell(
  book: Book,
  sheet: SheetModel,
  email: string,
  row: number,
  col: number,
): boolean {
  const user = lower(email);
  if (user === lower(book.owner())) return true;
  for (const p of sheet.protections) {
    if (p.warningOnly) continue;
    if (!rectContains(p.rect, row, col)) continue;
    if (p.unprotected.some((u) => rectContains(u, row, col))) continue;
    if (!protectionEditors(book, p).includes(user)) return false;
  }
  return true;
}

export class FakeProtection implements Pick<GProtection, Keys> {
  constructor(
    private readonly book: Book,
    private readonly sheet: SheetModel,
    /** The stored protection (non-API, for tests). */
    readonly model: ProtectionModel,
  ) {}

  private self(): GProtection {
    return this as unknown as GProtection;
  }
  private call(method: string): void {
    this.book.ctx.meter.call('SpreadsheetApp', `Protection.${method}`);
  }
  /** First change to the editor list: the protection stops mirroring the spreadsheet. */
  private materialize(): string[] {
    if (!this.model.editors) {
      const me = lower(this.book.ctx.activeUser());
      const list = this.book.fileEditors();
      if (!list.includes(me)) list.push(me);
      this.model.editors = list;
    }
    return this.model.editors;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.model.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  setDescription(description: string): GProtection {
    this.call('setDescription');
    this.model.description = description;
    return this.self();
  }
  getDescription(): string {
    this.call('getDescription');
    return this.model.description;
  }
  addEditor(user: unknown): GProtection {
    this.call('addEditor');
    this.addAll([emailOf(user)]);
    return this.self();
  }
  addEditors(emails: string[]): GProtection {
    this.call('addEditors');
    this.addAll(emails.map(emailOf));
    return this.self();
  }
  private addAll(emails: string[]): void {
    const list = this.materialize();
    for (const e of emails.map(lower)) {
      if (!e.includes('@')) throw new Error(`Invalid email: ${e}`);
      if (!list.includes(e)) list.push(e);
    }
  }
  removeEditor(user: unknown): GProtection {
    this.call('removeEditor');
    this.removeAll([emailOf(user)]);
    return this.self();
  }
  removeEditors(users: unknown[]): GProtection {
    this.call('removeEditors');
    this.removeAll(users.map(emailOf));
    return this.self();
  }
  private removeAll(emails: string[]): void {
    const keep = new Set([lower(this.book.owner()), lower(this.book.ctx.activeUser())]);
    const drop = new Set(emails.map(lower).filter((e) => !keep.has(e)));
    this.model.editors = this.materialize().filter((e) => !drop.has(e));
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    this.call('getEditors');
    return protectionEditors(this.book, this.model).map((e) => new FakeUser(e));
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.call('setWarningOnly');
    this.model.warningOnly = warningOnly;
    return this.self();
  }
  isWarningOnly(): boolean {
    this.call('isWarningOnly');
    return this.model.warningOnly;
  }
  setDomainEdit(editable: boolean): GProtection {
    this.call('setDomainEdit');
    this.materialize();
    this.model.domainEdit = editable;
    return this.self();
  }
  canDomainEdit(): boolean {
    this.call('canDomainEdit');
    return this.model.domainEdit;
  }
  canEdit(): boolean {
    this.call('canEdit');
    const me = lower(this.book.ctx.activeUser());
    return me === lower(this.book.owner()) || protectionEditors(this.book, this.model).includes(me);
  }
  getRange(): GRange {
    this.call('getRange');
    return this.book.rangeWrapper(this.sheet, { ...this.model.rect });
  }
  setRange(range: GRange): GProtection {
    this.call('setRange');
    this.model.rect = { ...rectOf(range) };
    return this.self();
  }
  setUnprotectedRanges(ranges: GRange[]): GProtection {
    this.call('setUnprotectedRanges');
    if (this.model.type !== 'SHEET')
      throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.model.unprotected = ranges.map((r) => ({ ...rectOf(r) }));
    return this.self();
  }
  getUnprotectedRanges(): GRange[] {
    this.call('getUnprotectedRanges');
    return this.model.unprotected.map((r) => this.book.rangeWrapper(this.sheet, { ...r }));
  }
  remove(): void {
    this.call('remove');
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.model);
  }
}

/** The rectangle of a fake range (non-API accessor). */
export function rectOf(range: unknown): { row: number; col: number; numRows: number; numCols: number } {
  const rect = (range as { rect?: { row: number; col: number; numRows: number; numCols: number } }).rect;
  if (!rect) throw new Error('Expected a Range from this spreadsheet.');
  return rect;
}
