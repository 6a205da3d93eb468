/**
 * Fake DriveApp backed by the shared DriveStore. Permission changes (addEditor(s), addViewer(s),
 * removeEditor) are metered as `DriveApp.<method>` kind 'permission'; adds record Drive's share
 * notification in `store.shareNotifications`. An address in `store.rejectedEmails` (or one that is
 * not an email at all) makes the whole call throw before anyone is added, as Drive does. Under
 * domain-restricted sharing (`store.allowedDomains`) an outside address fails the whole call with
 * Drive's `ACL change not allowed.`, which names no address. Items in a shared drive
 * (`store.addSharedDrive`) have no owner (`getOwner()` is null) and inherit the drive's members.
 */
import type { Meter } from './meter';
import { MIME, type Access, type DriveStore, type Permission, type StoredFile } from './driveStore';
import { FakeUser, emailOf } from './spreadsheet/rules';

type GFile = GoogleAppsScript.Drive.File;
type GFolder = GoogleAppsScript.Drive.Folder;
type GFileIterator = GoogleAppsScript.Drive.FileIterator;
type GFolderIterator = GoogleAppsScript.Drive.FolderIterator;

export interface DriveCtx {
  meter: Meter;
  store: DriveStore;
  activeUser: () => string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Drive's text when a domain's sharing policy refuses an address (Drive API "invalidSharingRequest":
 * `Bad Request. User message: "ACL change not allowed."`): it says which rule, never which address.
 */
export const ACL_NOT_ALLOWED = 'Bad Request. User message: "ACL change not allowed."';

/** An Apps Script-style exception: `String(e)` reads `Exception: <message>`. */
export function gasException(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

export function urlOf(file: StoredFile): string {
  switch (file.mimeType) {
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${file.id}/edit`;
    case MIME.document:
      return `https://docs.google.com/document/d/${file.id}/edit`;
    case MIME.folder:
      return `https://drive.google.com/drive/folders/${file.id}`;
    default:
      return `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`;
  }
}

/**
 * Shares `file` with every address or none: validates all first (rejected or malformed → throws
 * `Invalid email: <email>`), then grants the role and records one share notification per new grant.
 */
export function grantAccess(
  store: DriveStore,
  file: StoredFile,
  users: unknown[],
  role: 'editor' | 'viewer',
): void {
  const emails = users.map((u) => emailOf(u).trim());
  const rejected = new Set([...store.rejectedEmails].map((e) => e.toLowerCase()));
  for (const email of emails) {
    if (!EMAIL.test(email) || rejected.has(email.toLowerCase()))
      throw gasException(`Invalid email: ${email}`);
  }
  const allowed = store.allowedDomains?.map((d) => d.toLowerCase());
  if (allowed && emails.some((e) => !allowed.includes(e.slice(e.lastIndexOf('@') + 1).toLowerCase())))
    throw gasException(ACL_NOT_ALLOWED);
  const owner = file.owner.toLowerCase();
  for (const raw of emails) {
    const email = raw.toLowerCase();
    if (email === owner) continue;
    const isEditor = file.editors.some((e) => e.toLowerCase() === email);
    if (role === 'editor') {
      if (isEditor) continue;
      file.viewers = file.viewers.filter((v) => v.toLowerCase() !== email);
      file.editors.push(email);
    } else {
      if (isEditor || file.viewers.some((v) => v.toLowerCase() === email)) continue;
      file.viewers.push(email);
    }
    store.shareNotifications.push({ fileId: file.id, email, role });
  }
}

export function revokeAccess(file: StoredFile, user: unknown, role: 'editor' | 'viewer'): void {
  const email = emailOf(user).trim().toLowerCase();
  if (role === 'editor') file.editors = file.editors.filter((e) => e.toLowerCase() !== email);
  else file.viewers = file.viewers.filter((e) => e.toLowerCase() !== email);
}

class FakeBlob {
  constructor(
    private readonly name: string,
    private readonly contentType: string,
    private readonly data: string,
  ) {}
  getDataAsString(): string {
    return this.data;
  }
  getContentType(): string {
    return this.contentType;
  }
  getName(): string {
    return this.name;
  }
}

class FakeIterator<T> {
  private i = 0;
  constructor(private readonly items: T[]) {}
  hasNext(): boolean {
    return this.i < this.items.length;
  }
  next(): T {
    if (this.i >= this.items.length)
      throw new Error('Cannot retrieve the next object: iterator has reached the end.');
    return this.items[this.i++];
  }
}

type FileKeys =
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'getDescription'
  | 'getEditors'
  | 'getId'
  | 'getMimeType'
  | 'getName'
  | 'getOwner'
  | 'getParents'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'getUrl'
  | 'getViewers'
  | 'makeCopy'
  | 'moveTo'
  | 'removeEditor'
  | 'setDescription'
  | 'setName'
  | 'setSharing'
  | 'setTrashed';

abstract class FakeItem {
  constructor(
    protected readonly ctx: DriveCtx,
    readonly id: string,
  ) {}
  protected call(method: string, kind?: string): void {
    this.ctx.meter.call('DriveApp', method, kind);
  }
  /** The stored file (non-API). */
  get stored(): StoredFile {
    return this.ctx.store.get(this.id);
  }
  getId(): string {
    this.call('getId');
    return this.id;
  }
  getName(): string {
    this.call('getName');
    return this.stored.name;
  }
  getUrl(): string {
    this.call('getUrl');
    return urlOf(this.stored);
  }
  getDescription(): string {
    this.call('getDescription');
    return this.stored.description;
  }
  getOwner(): GoogleAppsScript.Drive.User {
    this.call('getOwner');
    // A shared drive's items belong to the drive: Apps Script returns null.
    if (!this.stored.owner) return null as unknown as GoogleAppsScript.Drive.User;
    return new FakeUser(this.stored.owner) as unknown as GoogleAppsScript.Drive.User;
  }
  getEditors(): GoogleAppsScript.Drive.User[] {
    this.call('getEditors');
    return this.stored.editors.map((e) => new FakeUser(e) as unknown as GoogleAppsScript.Drive.User);
  }
  getViewers(): GoogleAppsScript.Drive.User[] {
    this.call('getViewers');
    return this.stored.viewers.map((e) => new FakeUser(e) as unknown as GoogleAppsScript.Drive.User);
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    this.call('getSharingAccess');
    return this.stored.sharingAccess as unknown as GoogleAppsScript.Drive.Access;
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    this.call('getSharingPermission');
    return this.stored.sharingPermission as unknown as GoogleAppsScript.Drive.Permission;
  }
  getParents(): GFolderIterator {
    this.call('getParents');
    return new FakeIterator(
      this.stored.parentIds.map((id) => new FakeFolder(this.ctx, id)),
    ) as unknown as GFolderIterator;
  }
  protected doAdd(method: string, users: unknown[], role: 'editor' | 'viewer'): void {
    this.call(method, 'permission');
    grantAccess(this.ctx.store, this.stored, users, role);
  }
  protected doRemove(method: string, user: unknown, role: 'editor' | 'viewer'): void {
    this.call(method, 'permission');
    revokeAccess(this.stored, user, role);
  }
  protected doSharing(access: unknown, permission: unknown): void {
    this.call('setSharing');
    const f = this.stored;
    f.sharingAccess = String(access) as Access;
    f.sharingPermission = String(permission) as Permission;
  }
  protected doTrash(trashed: boolean): void {
    this.call('setTrashed');
    const f = this.ctx.store.files.get(this.id);
    if (!f) throw new Error(`No item with the given ID could be found (${this.id})`);
    f.trashed = trashed;
  }
}

export class FakeFile extends FakeItem implements Pick<GFile, FileKeys> {
  private self(): GFile {
    return this as unknown as GFile;
  }
  getMimeType(): string {
    this.call('getMimeType');
    return this.stored.mimeType;
  }
  setName(name: string): GFile {
    this.call('setName');
    this.stored.name = name;
    return this.self();
  }
  setDescription(description: string): GFile {
    this.call('setDescription');
    this.stored.description = description;
    return this.self();
  }
  addEditor(user: unknown): GFile {
    this.doAdd('addEditor', [user], 'editor');
    return this.self();
  }
  addEditors(emails: string[]): GFile {
    this.doAdd('addEditors', emails, 'editor');
    return this.self();
  }
  addViewer(user: unknown): GFile {
    this.doAdd('addViewer', [user], 'viewer');
    return this.self();
  }
  addViewers(emails: string[]): GFile {
    this.doAdd('addViewers', emails, 'viewer');
    return this.self();
  }
  removeEditor(user: unknown): GFile {
    this.doRemove('removeEditor', user, 'editor');
    return this.self();
  }
  setSharing(access: unknown, permission: unknown): GFile {
    this.doSharing(access, permission);
    return this.self();
  }
  setTrashed(trashed: boolean): GFile {
    this.doTrash(trashed);
    return this.self();
  }
  makeCopy(name?: unknown, destination?: unknown): GFile {
    this.call('makeCopy');
    const src = this.stored;
    let copyName = `Copy of ${src.name}`;
    let folder = destination;
    if (typeof name === 'string') copyName = name;
    else if (name !== undefined) folder = name;
    const parentIds = folder ? [(folder as FakeFolder).id] : [...src.parentIds];
    for (const id of parentIds) this.ctx.store.get(id);
    const copy = this.ctx.store.add({
      name: copyName,
      mimeType: src.mimeType,
      content: this.ctx.store.cloneContent(src),
      parentIds,
      owner: this.ctx.activeUser(),
      description: src.description,
    });
    this.ctx.store.adoptIntoSharedDrive(copy);
    return new FakeFile(this.ctx, copy.id) as unknown as GFile;
  }
  moveTo(destination: unknown): GFile {
    this.call('moveTo');
    const target = (destination as FakeFolder).id;
    this.ctx.store.get(target);
    this.stored.parentIds = [target];
    this.ctx.store.adoptIntoSharedDrive(this.stored);
    return this.self();
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    this.call('getBlob');
    const f = this.stored;
    const data = typeof f.content === 'string' ? f.content : JSON.stringify(f.content ?? '');
    return new FakeBlob(f.name, f.mimeType, data) as unknown as GoogleAppsScript.Base.Blob;
  }
}

type FolderKeys =
  | 'addEditor'
  | 'addEditors'
  | 'addFile'
  | 'addViewer'
  | 'addViewers'
  | 'createFile'
  | 'createFolder'
  | 'getEditors'
  | 'getFilesByName'
  | 'getFolders'
  | 'getId'
  | 'getName'
  | 'getOwner'
  | 'getParents'
  | 'getUrl'
  | 'removeEditor'
  | 'setName'
  | 'setSharing'
  | 'setTrashed';

function createFileIn(
  ctx: DriveCtx,
  parentId: string,
  a: unknown,
  content?: string,
  mimeType?: string,
): GFile {
  let name: string;
  let data: string;
  let mime: string;
  if (typeof a === 'string') {
    name = a;
    data = content ?? '';
    mime = mimeType ?? MIME.plain;
  } else {
    const blob = a as {
      getName(): string | null;
      getDataAsString(): string;
      getContentType(): string | null;
    };
    name = blob.getName() ?? 'Untitled';
    data = blob.getDataAsString();
    mime = blob.getContentType() ?? MIME.plain;
  }
  if (mime === MIME.folder || mime === MIME.spreadsheet || mime === MIME.document) {
    throw new Error(
      `Invalid argument: mimeType (use the ${mime === MIME.folder ? 'createFolder' : 'service'} method)`,
    );
  }
  const file = ctx.store.add({
    name,
    mimeType: mime,
    content: data,
    parentIds: [parentId],
    owner: ctx.activeUser(),
  });
  return new FakeFile(ctx, file.id) as unknown as GFile;
}

function filesIn(ctx: DriveCtx, parentId: string | null, name?: string): GFileIterator {
  const all = parentId
    ? ctx.store.childrenOf(parentId)
    : [...ctx.store.files.values()].filter((f) => !f.trashed);
  const files = all.filter((f) => f.mimeType !== MIME.folder && (name === undefined || f.name === name));
  return new FakeIterator(files.map((f) => new FakeFile(ctx, f.id))) as unknown as GFileIterator;
}

function foldersIn(ctx: DriveCtx, parentId: string | null, name?: string): GFolderIterator {
  const all = parentId
    ? ctx.store.childrenOf(parentId)
    : [...ctx.store.files.values()].filter((f) => !f.trashed);
  const folders = all.filter(
    (f) => f.mimeType === MIME.folder && f.id !== ctx.store.rootId && (name === undefined || f.name === name),
  );
  return new FakeIterator(folders.map((f) => new FakeFolder(ctx, f.id))) as unknown as GFolderIterator;
}

export class FakeFolder extends FakeItem implements Pick<GFolder, FolderKeys> {
  private self(): GFolder {
    return this as unknown as GFolder;
  }
  setName(name: string): GFolder {
    this.call('setName');
    this.stored.name = name;
    return this.self();
  }
  addEditor(user: unknown): GFolder {
    this.doAdd('addEditor', [user], 'editor');
    return this.self();
  }
  addEditors(emails: string[]): GFolder {
    this.doAdd('addEditors', emails, 'editor');
    return this.self();
  }
  addViewer(user: unknown): GFolder {
    this.doAdd('addViewer', [user], 'viewer');
    return this.self();
  }
  addViewers(emails: string[]): GFolder {
    this.doAdd('addViewers', emails, 'viewer');
    return this.self();
  }
  removeEditor(user: unknown): GFolder {
    this.doRemove('removeEditor', user, 'editor');
    return this.self();
  }
  setSharing(access: unknown, permission: unknown): GFolder {
    this.doSharing(access, permission);
    return this.self();
  }
  setTrashed(trashed: boolean): GFolder {
    this.doTrash(trashed);
    return this.self();
  }
  createFile(a: unknown, content?: string, mimeType?: string): GFile {
    this.call('createFile');
    this.ctx.store.get(this.id);
    return createFileIn(this.ctx, this.id, a, content, mimeType);
  }
  createFolder(name: string): GFolder {
    this.call('createFolder');
    const f = this.ctx.store.add({
      name,
      mimeType: MIME.folder,
      content: null,
      parentIds: [this.id],
      owner: this.ctx.activeUser(),
    });
    return new FakeFolder(this.ctx, f.id) as unknown as GFolder;
  }
  getFilesByName(name: string): GFileIterator {
    this.call('getFilesByName');
    return filesIn(this.ctx, this.id, name);
  }
  getFolders(): GFolderIterator {
    this.call('getFolders');
    return foldersIn(this.ctx, this.id);
  }
  addFile(child: unknown): GFolder {
    this.call('addFile');
    const f = this.ctx.store.get((child as FakeFile).id);
    if (!f.parentIds.includes(this.id)) f.parentIds.push(this.id);
    return this.self();
  }
}

type AppKeys =
  | 'createFile'
  | 'createFolder'
  | 'getFileById'
  | 'getFilesByName'
  | 'getFolderById'
  | 'getFolders'
  | 'getRootFolder';

export class FakeDriveApp implements Pick<GoogleAppsScript.Drive.DriveApp, AppKeys> {
  readonly Access = {
    ANYONE: 'ANYONE',
    ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
    DOMAIN: 'DOMAIN',
    DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK',
    PRIVATE: 'PRIVATE',
  } as const;
  readonly Permission = {
    VIEW: 'VIEW',
    EDIT: 'EDIT',
    COMMENT: 'COMMENT',
    OWNER: 'OWNER',
    ORGANIZER: 'ORGANIZER',
    FILE_ORGANIZER: 'FILE_ORGANIZER',
    NONE: 'NONE',
  } as const;
  private readonly ctx: DriveCtx;

  constructor(opts: DriveCtx) {
    this.ctx = { meter: opts.meter, store: opts.store, activeUser: opts.activeUser };
  }
  private call(method: string): void {
    this.ctx.meter.call('DriveApp', method);
  }
  getFileById(id: string): GFile {
    this.call('getFileById');
    const f = this.ctx.store.get(id);
    if (f.mimeType === MIME.folder) throw new Error(`No item with the given ID could be found (${id})`);
    return new FakeFile(this.ctx, id) as unknown as GFile;
  }
  getFolderById(id: string): GFolder {
    this.call('getFolderById');
    const f = this.ctx.store.get(id);
    if (f.mimeType !== MIME.folder) throw new Error(`No item with the given ID could be found (${id})`);
    return new FakeFolder(this.ctx, id) as unknown as GFolder;
  }
  getRootFolder(): GFolder {
    this.call('getRootFolder');
    return new FakeFolder(this.ctx, this.ctx.store.rootId) as unknown as GFolder;
  }
  createFolder(name: string): GFolder {
    this.call('createFolder');
    const f = this.ctx.store.add({
      name,
      mimeType: MIME.folder,
      content: null,
      owner: this.ctx.activeUser(),
    });
    return new FakeFolder(this.ctx, f.id) as unknown as GFolder;
  }
  createFile(a: unknown, content?: string, mimeType?: string): GFile {
    this.call('createFile');
    return createFileIn(this.ctx, this.ctx.store.rootId, a, content, mimeType);
  }
  getFilesByName(name: string): GFileIterator {
    this.call('getFilesByName');
    return filesIn(this.ctx, null, name);
  }
  getFolders(): GFolderIterator {
    this.call('getFolders');
    return foldersIn(this.ctx, null);
  }
}
