/**
 * Fake Protection. As in Apps Script, a new protection "mirrors the spreadsheet's permissions" (every
 * file editor may still edit) until the script changes its editors or domain-edit flag; from then on
 * only the listed editors (people, or members of a listed group) and the owner may edit. The current
 * user cannot be removed; but when they edit only through a group, removing that group throws unless
 * they were added by name first (Google's own sample adds `Session.getEffectiveUser()` first).
 *
 * Non-API: `EditorActions` acts as one editor of the file (an agent in the shared report) and is refused
 * exactly where Google refuses: a cell under a protection that does not list them; renaming or deleting
 * a sheet only under a *sheet* protection (range protections never stop that); rows appended below a
 * range protection are not covered by it (a range protection does not grow).
 */
import {
  cellFor,
  lastRowOf,
  rectContains,
  writeValue,
  type Book,
  type ProtectionModel,
  type SheetModel,
} from './model';
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
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

const lower = (e: string): string => e.trim().toLowerCase();

/** Effective editor list of a protection (lower-case emails; a group appears as its own address). */
export function protectionEditors(book: Book, p: ProtectionModel): string[] {
  return (p.editors ? [...p.editors] : book.fileEditors()).filter(Boolean);
}

/** Whether `email` is the owner, or listed on the protection by name or through a group. */
function listedOn(book: Book, p: ProtectionModel, email: string): boolean {
  const user = lower(email);
  if (user && user === lower(book.owner())) return true;
  return protectionEditors(book, p).some((e) => book.ctx.store.grants(e, user));
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
    if (!listedOn(book, p, user)) return false;
  }
  return true;
}

/** Google's refusal when an editor touches a protected cell or object (Sheets shows this text). */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/**
 * Non-API: one editor of the file acting in the Sheets UI (no script, no triggers). Each action either
 * happens or throws `PROTECTED_MESSAGE`, as Google would.
 */
export class EditorActions {
  constructor(
    private readonly book: Book,
    private readonly sheet: SheetModel,
    readonly email: string,
  ) {
    const user = lower(email);
    const editors = book.fileEditors().filter(Boolean);
    if (!editors.some((e) => book.ctx.store.grants(e, user)))
      throw new Error(`${email} cannot edit this spreadsheet (not shared with them).`);
  }
  /** Only a sheet protection guards the sheet object itself (its name, its existence). */
  private guardSheet(): void {
    const p = this.sheet.protections.find((x) => x.type === 'SHEET' && !x.warningOnly);
    if (p && !listedOn(this.book, p, this.email)) throw new Error(PROTECTED_MESSAGE);
  }
  renameSheet(name: string): void {
    this.guardSheet();
    const clash = this.book.model.sheets.some(
      (s) => s !== this.sheet && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.sheet.name = name;
  }
  deleteSheet(): void {
    this.guardSheet();
    const m = this.book.model;
    if (m.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    m.sheets.splice(m.sheets.indexOf(this.sheet), 1);
  }
  setValue(row: number, col: number, value: unknown): void {
    if (!canUserEditCell(this.book, this.sheet, this.email, row, col)) throw new Error(PROTECTED_MESSAGE);
    if (row > this.sheet.maxRows) this.sheet.maxRows = row;
    writeValue(cellFor(this.sheet, row, col), value);
  }
  /** Types `values` into the first empty row below the data (row, col 1…n), refused cell by cell. */
  appendRow(values: readonly unknown[]): number {
    const row = lastRowOf(this.sheet) + 1;
    values.forEach((_, i) => {
      if (!canUserEditCell(this.book, this.sheet, this.email, row, i + 1)) throw new Error(PROTECTED_MESSAGE);
    });
    if (row > this.sheet.maxRows) this.sheet.maxRows = row;
    values.forEach((v, i) => writeValue(cellFor(this.sheet, row, i + 1), v));
    return row;
  }
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
    if (!this.model.editors) this.model.editors = this.book.fileEditors().filter(Boolean);
    return this.model.editors;
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
  /**
   * Neither the owner nor the current user can be removed (they are silently kept). A user who edits
   * only through a group cannot remove that group: Apps Script throws (hence Google's sample adds
   * `Session.getEffectiveUser()` by name before removing the others).
   */
  private removeAll(emails: string[]): void {
    const me = lower(this.book.ctx.activeUser());
    const keep = new Set([lower(this.book.owner()), me].filter(Boolean));
    const drop = new Set(emails.map(lower).filter((e) => !keep.has(e)));
    const list = this.materialize();
    const isOwner = me === lower(this.book.owner());
    if (!isOwner && !list.includes(me)) {
      const lost = [...drop].find((e) => this.book.ctx.store.grants(e, me));
      if (lost)
        throw new Error(
          `You can't remove ${lost}: you (${me}) can edit this range only as a member of it. Add yourself as an editor first.`,
        );
    }
    this.model.editors = list.filter((e) => !drop.has(e));
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
    return listedOn(this.book, this.model, this.book.ctx.activeUser());
  }
  getRange(): GRange {
    this.call('getRange');
    return this.book.rangeWrapper(this.sheet, { ...this.model.rect });
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
