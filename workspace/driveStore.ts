/**
 * The in-memory Drive's backing store, shared by the fake DriveApp, SpreadsheetApp and DocumentApp so
 * that a spreadsheet or document is also a Drive file (copy, move, share) as it is in Google.
 */

export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  document: 'application/vnd.google-apps.document',
  html: 'text/html',
  plain: 'text/plain',
} as const;

export type Access = 'PRIVATE' | 'DOMAIN' | 'DOMAIN_WITH_LINK' | 'ANYONE' | 'ANYONE_WITH_LINK';
export type Permission = 'VIEW' | 'COMMENT' | 'EDIT' | 'OWNER' | 'NONE';

export interface StoredFile {
  id: string;
  name: string;
  mimeType: string;
  parentIds: string[];
  owner: string;
  editors: string[];
  viewers: string[];
  sharingAccess: Access;
  sharingPermission: Permission;
  description: string;
  trashed: boolean;
  created: Date;
  /** The kind-specific model (a spreadsheet's sheets, a document's body, a blob's text). */
  content: unknown;
}

/** Makes an independent deep copy of a file's content when Drive copies the file. */
export type ContentCloner = (content: unknown) => unknown;

export class DriveStore {
  readonly files = new Map<string, StoredFile>();
  /** Addresses Drive refuses to share with (e.g. consumer accounts a domain policy blocks). */
  readonly rejectedEmails = new Set<string>();
  /**
   * Domain-restricted sharing (an admin policy): when set, only addresses in these domains may be added;
   * any other address fails the whole call with Drive's `ACL change not allowed.`, which names no one.
   */
  allowedDomains: string[] | null = null;
  /** Google Groups: group address → member addresses (lower-case). A group grants its members access. */
  readonly groups = new Map<string, string[]>();
  /** Shared drives: the drive's root folder id → its members (people or groups), who edit every item. */
  readonly sharedDrives = new Map<string, string[]>();
  /** Share notifications Drive would have emailed, for the story and tests to inspect. */
  readonly shareNotifications: { fileId: string; email: string; role: 'editor' | 'viewer' }[] = [];
  private readonly cloners = new Map<string, ContentCloner>();
  private seq = 0;
  readonly rootId: string;

  constructor(readonly owner: string) {
    this.rootId = this.add({ name: 'My Drive', mimeType: MIME.folder, parentIds: [], content: null }).id;
  }

  newId(prefix = 'file'): string {
    this.seq++;
    return `${prefix}-${String(this.seq).padStart(4, '0')}`;
  }

  add(init: Pick<StoredFile, 'name' | 'mimeType' | 'content'> & Partial<StoredFile>): StoredFile {
    const file: StoredFile = {
      id: init.id ?? this.newId(init.mimeType === MIME.folder ? 'folder' : 'file'),
      parentIds: init.parentIds ?? (this.rootId ? [this.rootId] : []),
      owner: init.owner ?? this.owner,
      editors: init.editors ?? [],
      viewers: init.viewers ?? [],
      sharingAccess: init.sharingAccess ?? 'PRIVATE',
      sharingPermission: init.sharingPermission ?? 'NONE',
      description: init.description ?? '',
      trashed: init.trashed ?? false,
      created: init.created ?? new Date(0),
      name: init.name,
      mimeType: init.mimeType,
      content: init.content,
    };
    this.files.set(file.id, file);
    return file;
  }

  get(id: string): StoredFile {
    const file = this.files.get(id);
    if (!file || file.trashed) {
      throw new Error(
        `No item with the given ID could be found, or you do not have permission to access it. (${id})`,
      );
    }
    return file;
  }

  /** Non-API: a shared drive (its root folder) whose `members` (people or groups) edit every item in it. */
  addSharedDrive(name: string, members: readonly string[]): StoredFile {
    const folder = this.add({ name, mimeType: MIME.folder, content: null, parentIds: [], owner: '' });
    this.sharedDrives.set(
      folder.id,
      members.map((m) => m.toLowerCase()),
    );
    return folder;
  }

  /**
   * An item placed in a shared drive belongs to the drive, not to a person (`getOwner()` is null), and its
   * members' access is inherited. Called whenever a file gets a new parent.
   */
  adoptIntoSharedDrive(file: StoredFile): void {
    const members = file.parentIds.map((id) => this.sharedDrives.get(id)).find(Boolean);
    if (!members) return;
    file.owner = '';
    for (const m of members) if (!file.editors.includes(m)) file.editors.push(m);
  }

  /** Whether `email` is `entry` or a member of the group `entry` (groups do not nest here). */
  grants(entry: string, email: string): boolean {
    const e = entry.toLowerCase();
    const u = email.toLowerCase();
    return e === u || (this.groups.get(e)?.includes(u) ?? false);
  }

  registerCloner(mimeType: string, cloner: ContentCloner): void {
    this.cloners.set(mimeType, cloner);
  }

  cloneContent(file: StoredFile): unknown {
    const cloner = this.cloners.get(file.mimeType);
    return cloner ? cloner(file.content) : structuredClone(file.content);
  }

  childrenOf(folderId: string): StoredFile[] {
    return [...this.files.values()].filter((f) => !f.trashed && f.parentIds.includes(folderId));
  }
}
