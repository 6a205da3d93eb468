import { FakeClock } from '../../workspace/clock';
import { FakeDriveApp } from '../../workspace/drive';
import { DriveStore, MIME } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';
import { FakeSpreadsheetApp } from '../../workspace/spreadsheet';

const OWNER = 'lead@example.com';

function setup() {
  const meter = new Meter();
  const store = new DriveStore(OWNER);
  const activeUser = () => OWNER;
  const drive = new FakeDriveApp({ meter, store, activeUser });
  const sheets = new FakeSpreadsheetApp({
    meter,
    store,
    clock: new FakeClock(),
    timeZone: 'America/Chicago',
    ui: null,
    activeUser,
  });
  return { meter, store, drive, sheets };
}

describe('FakeDriveApp', () => {
  test('folders and files: create, list, find by name, move, add', () => {
    const { drive } = setup();
    const root = drive.getRootFolder();
    const folder = drive.createFolder('Leadership');
    const sub = folder.createFolder('2026');
    const file = folder.createFile('notes.txt', 'hello', MIME.plain);
    drive.createFile('notes.txt', 'other', MIME.plain);
    expect(drive.getFolderById(folder.getId()).getName()).toBe('Leadership');
    expect(file.getMimeType()).toBe(MIME.plain);
    expect(file.getBlob().getDataAsString()).toBe('hello');
    expect(file.getUrl()).toContain(file.getId());
    expect(folder.getUrl()).toBe(`https://drive.google.com/drive/folders/${folder.getId()}`);

    const named = drive.getFilesByName('notes.txt');
    const ids: string[] = [];
    while (named.hasNext()) ids.push(named.next().getId());
    expect(ids).toHaveLength(2);
    expect(folder.getFilesByName('notes.txt').next().getId()).toBe(file.getId());
    expect(folder.getFolders().next().getId()).toBe(sub.getId());
    expect(() => folder.getFolders().next() && folder.getFilesByName('nope').next()).toThrow();

    file.moveTo(sub);
    expect(file.getParents().next().getId()).toBe(sub.getId());
    expect(folder.getFilesByName('notes.txt').hasNext()).toBe(false);
    root.addFile(file);
    expect(root.getFilesByName('notes.txt').hasNext()).toBe(true);

    file.setName('renamed.txt').setDescription('d');
    expect(drive.getFileById(file.getId()).getName()).toBe('renamed.txt');
    expect(file.getDescription()).toBe('d');
    file.setTrashed(true);
    expect(() => drive.getFileById(file.getId())).toThrow('No item with the given ID');
    expect(() => drive.getFolderById(file.getId())).toThrow();
  });

  test('sharing: editors, viewers, notifications, case-insensitive emails, sharing access', () => {
    const { drive, store, meter } = setup();
    const file = drive.createFile('report', 'x', MIME.plain);
    meter.reset();
    file.addEditor('Agent@Example.com');
    file.addEditors(['agent@example.com', 'tl@example.com']);
    file.addViewer('viewer@example.com');
    file.addViewers(['tl@example.com']); // already an editor: no effect
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['agent@example.com', 'tl@example.com']);
    expect(file.getViewers().map((u) => u.getEmail())).toEqual(['viewer@example.com']);
    expect(store.shareNotifications).toEqual([
      { fileId: file.getId(), email: 'agent@example.com', role: 'editor' },
      { fileId: file.getId(), email: 'tl@example.com', role: 'editor' },
      { fileId: file.getId(), email: 'viewer@example.com', role: 'viewer' },
    ]);
    file.removeEditor('TL@example.com');
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['agent@example.com']);
    expect(file.getOwner().getEmail()).toBe(OWNER);

    expect(meter.count('DriveApp.addEditor')).toBe(1);
    expect(meter.count('DriveApp.addEditors')).toBe(1);
    expect(meter.count('DriveApp.removeEditor')).toBe(1);
    meter.reset();
    file.addEditor('x@example.com');
    expect(meter.modeledSeconds()).toBeCloseTo(0.6, 5); // the DriveApp.permission bucket

    expect(file.getSharingAccess()).toBe('PRIVATE');
    file.setSharing(drive.Access.DOMAIN_WITH_LINK as never, drive.Permission.VIEW as never);
    expect(file.getSharingAccess()).toBe(drive.Access.DOMAIN_WITH_LINK);
    expect(file.getSharingPermission()).toBe('VIEW');
  });

  test('rejected or malformed emails fail the whole call, before anyone is added', () => {
    const { drive, store } = setup();
    store.rejectedEmails.add('Blocked@gmail.com');
    const file = drive.createFile('report', 'x', MIME.plain);
    let caught: unknown;
    try {
      file.addEditors(['ok@example.com', 'blocked@GMAIL.com']);
    } catch (e) {
      caught = e;
    }
    expect(String(caught)).toBe('Exception: Invalid email: blocked@GMAIL.com');
    expect(file.getEditors()).toEqual([]);
    expect(store.shareNotifications).toEqual([]);
    expect(() => file.addEditor('not-an-email')).toThrow('Invalid email: not-an-email');
    file.addEditor('ok@example.com');
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['ok@example.com']);
  });

  test('makeCopy of a plain file and of a spreadsheet', () => {
    const { drive, sheets } = setup();
    const file = drive.createFile('template.html', '<p>hi</p>', MIME.html);
    file.addEditor('someone@example.com');
    const copy = file.makeCopy('copy.html');
    expect(copy.getBlob().getDataAsString()).toBe('<p>hi</p>');
    expect(copy.getEditors()).toEqual([]);
    expect(copy.getParents().next().getId()).toBe(drive.getRootFolder().getId());

    const ss = sheets.create('Template');
    ss.getSheets()[0].getRange('A1').setValue('v1');
    const ssCopy = sheets.openById(drive.getFileById(ss.getId()).makeCopy('Report').getId());
    ssCopy.getSheets()[0].getRange('A1').setValue('v2');
    expect(ss.getSheets()[0].getRange('A1').getValue()).toBe('v1');
    expect(ssCopy.getSheets()[0].getRange('A1').getValue()).toBe('v2');
    expect(drive.getFileById(ssCopy.getId()).getMimeType()).toBe(MIME.spreadsheet);
    expect(() => sheets.openById(file.getId())).toThrow();
  });

  test('injected Drive faults fire', () => {
    const { drive, meter } = setup();
    const file = drive.createFile('f', 'x', MIME.plain);
    meter.injectFault({ service: 'DriveApp', method: 'addEditor', nth: 1 });
    expect(() => file.addEditor('a@example.com')).toThrow('injected fault');
    file.addEditor('a@example.com');
    expect(file.getEditors()).toHaveLength(1);
  });
});
