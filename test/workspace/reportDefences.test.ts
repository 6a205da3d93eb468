/**
 * Rules of the fake that the shared Agent Progress Report depends on, each as Google documents it.
 */
import { FakeClock } from '../../workspace/clock';
import { ACL_NOT_ALLOWED, FakeDriveApp } from '../../workspace/drive';
import { DriveStore } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';
import { FakeSpreadsheetApp } from '../../workspace/spreadsheet';
import { PROTECTED_MESSAGE } from '../../workspace/spreadsheet/protection';

const LEAD = 'lead@example.com';
const GROUP = 'cxp-leadership@example.com';

function setup(user = LEAD) {
  const meter = new Meter();
  const store = new DriveStore(LEAD);
  let me = user;
  const activeUser = () => me;
  const drive = new FakeDriveApp({ meter, store, activeUser });
  const sheets = new FakeSpreadsheetApp({
    meter,
    store,
    clock: new FakeClock(),
    timeZone: 'America/Denver',
    ui: null,
    activeUser,
  });
  return { meter, store, drive, sheets, setUser: (e: string) => (me = e) };
}

/** A spreadsheet moved into a shared drive whose only member is a group the lead belongs to. */
function inSharedDrive() {
  const env = setup();
  env.store.groups.set(GROUP, [LEAD, 'tl0@example.com']);
  const drive = env.store.addSharedDrive('cXp Leadership', [GROUP]);
  const ss = env.sheets.create('Report');
  env.drive.getFileById(ss.getId()).moveTo(env.drive.getFolderById(drive.id));
  return { ...env, ss };
}

describe('Protection.removeEditors when the script user edits through a group', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/protection — Google's sample:
  // "Ensure the current user is an editor before removing others. Otherwise, if the user's edit
  // permission comes from a group, the script throws an exception upon removing the group.
  // const me = Session.getEffectiveUser(); protection.addEditor(me);
  // protection.removeEditors(protection.getEditors()); if (protection.canDomainEdit()) {
  // protection.setDomainEdit(false); }"
  it('throws when the group is removed before the user is added by name (the old order)', () => {
    const { ss, drive } = inSharedDrive();
    // A shared drive's items have no owner; access comes from the drive's members.
    expect(drive.getFileById(ss.getId()).getOwner()).toBeNull();
    const protection = ss.getSheets()[0].getRange('A1:B2').protect();
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([GROUP]);
    expect(() => protection.removeEditors(protection.getEditors())).toThrow(
      /Add yourself as an editor first/,
    );
  });

  it("succeeds in Google's order: effective user first, then remove the others, then domain edit off", () => {
    const { ss } = inSharedDrive();
    const protection = ss.getSheets()[0].getRange('A1:B2').protect();
    protection.addEditor(LEAD);
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([LEAD]);
    expect(protection.canEdit()).toBe(true);
    // The group's other member lost the range.
    const sheet = ss.getSheets()[0] as unknown as { canUserEdit(e: string, r: number, c: number): boolean };
    expect(sheet.canUserEdit('tl0@example.com', 1, 1)).toBe(false);
    expect(sheet.canUserEdit('tl0@example.com', 5, 5)).toBe(true);
  });

  it('in My Drive the owner is never removed, so the old order works there (why tests never saw it)', () => {
    const { sheets } = setup();
    const ss = sheets.create('Mine');
    const protection = ss.getSheets()[0].getRange('A1').protect();
    protection.removeEditors(protection.getEditors());
    expect(protection.canEdit()).toBe(true);
  });
});

describe('What range and sheet protections stop, acting as an editor', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/protection: "A protected range can
  // protect either a static range of cells or a named range. A protected sheet may include unprotected
  // regions." A range protection is its static rectangle: rows appended below it are not in it, and it
  // protects cells, not the sheet object; only a sheet protection guards the sheet (rename, delete).
  // Refusal text as Sheets shows it: "You are trying to edit a protected cell or object. Please contact
  // the spreadsheet owner to remove protection if you need to edit."
  function sharedReport() {
    const env = setup();
    const ss = env.sheets.create('Report');
    env.drive.getFileById(ss.getId()).addEditors(['a@example.com', 'b@example.com']);
    const sheet = env.sheets.fake(ss.getId()).getSheets()[0];
    sheet.getRange(1, 1, 3, 3).setValues([
      ['Agent Name', 'OID', 'Item'],
      ['A', 'OID1', false],
      ['B', 'OID2', false],
    ]);
    return { ...env, ss, sheet };
  }

  it('range protections only: an agent can rename the sheet and append rows below', () => {
    const { sheet } = sharedReport();
    const p = sheet.getRange(2, 1, 1, 3).protect();
    p.removeEditors(p.getEditors());
    p.addEditors(['a@example.com']);
    const b = sheet.asEditor('b@example.com');
    expect(() => b.setValue(2, 3, true)).toThrow(PROTECTED_MESSAGE);
    expect(b.appendRow(['Forged', 'OID1', true])).toBe(4); // the protection did not grow
    b.renameSheet('Mine now');
    expect(sheet.getName()).toBe('Mine now');
    expect(p.getRange().getA1Notation()).toBe('A2:C2');
  });

  it('a sheet protection with unprotected ranges and per-row range protections: each agent edits only their own cells', () => {
    const { sheet } = sharedReport();
    const whole = sheet.protect();
    whole.removeEditors(whole.getEditors());
    whole.setUnprotectedRanges([sheet.getRange(2, 3, 2, 1)]);
    for (const [row, who] of [
      [2, 'a@example.com'],
      [3, 'b@example.com'],
    ] as const) {
      const p = sheet.getRange(row, 3).protect();
      p.removeEditors(p.getEditors());
      p.addEditors([who]);
    }
    const a = sheet.asEditor('a@example.com');
    a.setValue(2, 3, true);
    expect(sheet.getRange(2, 3).getValue()).toBe(true);
    expect(() => a.setValue(3, 3, true)).toThrow(PROTECTED_MESSAGE); // B's cell
    expect(() => a.setValue(2, 2, 'OID2')).toThrow(PROTECTED_MESSAGE); // the OID column
    expect(() => a.appendRow(['Forged', 'OID2', true])).toThrow(PROTECTED_MESSAGE);
    expect(() => a.renameSheet('Mine')).toThrow(PROTECTED_MESSAGE);
    expect(() => a.deleteSheet()).toThrow(PROTECTED_MESSAGE);
  });

  it('someone the file is not shared with cannot act at all', () => {
    const { sheet } = sharedReport();
    expect(() => sheet.asEditor('stranger@example.org')).toThrow(/not shared/);
  });
});

describe('Drive sharing rules', () => {
  // https://developers.google.com/workspace/drive/api/guides/handle-errors — invalidSharingRequest:
  // "Bad Request. User message: \"ACL change not allowed.\"" ... "The settings might prohibit sharing
  // outside of the domain". The message names no address.
  it('domain-restricted sharing fails the whole call with a message that names no address', () => {
    const { store, drive, sheets } = setup();
    store.allowedDomains = ['example.com'];
    const file = drive.getFileById(sheets.create('Report').getId());
    let message = '';
    try {
      file.addEditors(['a@example.com', 'someone@gmail.com']);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(ACL_NOT_ALLOWED);
    expect(message).not.toMatch(/@/);
    expect(file.getEditors()).toEqual([]); // nobody was added
    file.addEditors(['a@example.com']);
    expect(file.getEditors().map((u) => u.getEmail())).toEqual(['a@example.com']);
  });

  // https://developers.google.com/apps-script/reference/drive/file#addEditors(String) adds editors and
  // Drive emails each new one its share notification; permission changes on one file are serialised
  // (one Drive permission change at a time), so each is metered with the permission latency and the
  // latencies add up.
  it('addEditors records one share notification per new editor; permission calls add their latency', () => {
    const { store, drive, sheets, meter } = setup();
    const file = drive.getFileById(sheets.create('Report').getId());
    const before = meter.modeledSeconds();
    file.addEditors(['a@example.com', 'b@example.com']);
    file.addEditors(['a@example.com', 'c@example.com']);
    expect(store.shareNotifications.map((n) => n.email)).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
    expect(meter.count('DriveApp.addEditors')).toBe(2);
    expect(meter.modeledSeconds() - before).toBeCloseTo(1.2, 5);
  });
});
