/**
 * Defects of "Create progress report" and the progress sync, each through the built bundle on the
 * strict fakes (shared drives and groups, domain-restricted sharing, sheet vs range protections).
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace } from '../helpers/bundle';
import { agentRecord, cohortSettings, setSettings, writeRoster } from '../helpers/workbook';

const TUE_NOON = new Date('2026-12-01T19:00:00Z'); // 44 h before Day 1 (Thu 12/3)
const DAY1_5PM = new Date('2026-12-04T00:00:00Z'); // Thu 12/3 5 pm Denver
const LICENSING = 'licensing@example.com';
const GROUP = 'cxp-leadership@example.com';

function reportSetup(agents: number) {
  const { ws, bundle } = bundledWorkspace({ now: TUE_NOON });
  bundle.menuSetupWorkbook();
  const folder = ws.drive.createFolder('cXp Leadership');
  cohortSettings(ws, { 'Leadership Drive Folder ID': folder.getId() });
  writeRoster(ws, agents);
  return { ws, bundle, folder };
}

function setting(ws: Workspace, key: string): string {
  const rows = ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
  return String(rows.find((r) => r[0] === key)?.[1] ?? '');
}

/** Sets one tracker cell by header (row = sheet row). */
function setTracker(ws: Workspace, row: number, header: string, value: string): void {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  sheet.getRange(row, headers.indexOf(header) + 1).setValue(value);
}

function progressOf(ws: Workspace) {
  const report = ws.spreadsheets.fake(setting(ws, 'Progress Report ID'));
  const sheet = report.getSheets()[0]; // Progress is the report's first sheet, whatever its name
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  return { report, sheet, col: (h: string) => headers.indexOf(h) + 1 };
}

const permissionCalls = (ws: Workspace) =>
  ws.meter.count('DriveApp.addEditors') + ws.meter.count('DriveApp.addEditor');

describe('Create progress report in a shared drive (built bundle)', () => {
  it("does not throw in removeEditors when the TL edits only through the drive's member group", () => {
    const { ws, bundle } = reportSetup(6);
    ws.store.groups.set(GROUP, ['lead@example.com', 'tl0@example.com', 'tl1@example.com']);
    const drive = ws.store.addSharedDrive('cXp Leadership (shared drive)', [GROUP]);
    setSettings(ws, { 'Leadership Drive Folder ID': drive.id });
    const message = String(bundle.menuCreateProgressReport());
    expect(message).toMatch(/Created "ESP Agent Progress Report/);
    const { sheet, col } = progressOf(ws);
    expect(ws.drive.getFileById(setting(ws, 'Progress Report ID')).getOwner()).toBeNull();
    const a0 = agentRecord(0);
    const item = col('Module 1 Reviewed');
    expect(sheet.canUserEdit(a0[TRACKER.cxpEmail], 2, item)).toBe(true);
    expect(sheet.canUserEdit(agentRecord(1)[TRACKER.cxpEmail], 2, item)).toBe(false);
    // The group's other members (TLs) edit only their own agents' rows, not every row.
    expect(sheet.canUserEdit('tl1@example.com', 2, item)).toBe(false);
    expect(sheet.canUserEdit('tl0@example.com', 2, item)).toBe(true);
  });
});

describe('Domain-restricted sharing isolates refused addresses with few Drive calls (built bundle)', () => {
  function restricted(agents: number, refused: number) {
    const { ws, bundle } = reportSetup(agents);
    ws.store.allowedDomains = ['example.com', 'cxp.example.com', 'personal.example.net'];
    const outside: string[] = [];
    for (let k = 0; k < refused; k++) {
      const i = Math.floor(((k + 1) * agents) / (refused + 1));
      const email = `agent${i}@gmail.com`;
      setTracker(ws, i + 2, TRACKER.personalEmail, email);
      outside.push(email);
    }
    ws.meter.reset();
    const message = String(bundle.menuCreateProgressReport());
    return { ws, message, outside, calls: permissionCalls(ws), seconds: ws.meter.modeledSeconds() };
  }

  it.each([
    [1, 6],
    [5, 8],
  ])('200 agents with %i refused address(es): at most %i permission calls, all others shared', (n, max) => {
    const { ws, message, outside, calls } = restricted(200, n);
    expect(calls).toBeLessThanOrEqual(max); // the old fallback: 1 + 403 calls, one per address
    expect(message).toMatch(new RegExp(`Drive refused ${n} address`));
    for (const email of outside) expect(message).toContain(email);
    expect(message).toContain('ACL change not allowed.');
    const editors = ws.drive
      .getFileById(setting(ws, 'Progress Report ID'))
      .getEditors()
      .map((u) => u.getEmail());
    expect(editors).toHaveLength(403 - n);
    for (const email of outside) expect(editors).not.toContain(email);
  });
});

describe('A Drive ID setting that is the tracker itself (built bundle)', () => {
  it.each(['Progress Report ID', 'Progress Report Template ID'])(
    '"%s" = the tracker\'s ID: refused by name and value, the tracker is never shared or copied',
    (key) => {
      const { ws, bundle, folder } = reportSetup(4);
      const trackerId = ws.tracker.getId();
      setSettings(ws, { [key]: trackerId });
      const editorsBefore = ws.drive.getFileById(trackerId).getEditors().length;
      const message = String(bundle.menuCreateProgressReport());
      expect(message).toContain(`Settings "${key}" (${trackerId}) is this tracker's own ID`);
      expect(ws.drive.getFileById(trackerId).getEditors()).toHaveLength(editorsBefore);
      expect(ws.store.shareNotifications).toHaveLength(0);
      expect(ws.store.childrenOf(folder.getId())).toHaveLength(0);
    },
  );
});

describe('The shared report defends itself (built bundle)', () => {
  it('agents edit only their own item cells: not another row, names, OIDs, rows below, or the sheet', () => {
    const { ws, bundle } = reportSetup(4);
    bundle.menuCreateProgressReport();
    const { sheet, col } = progressOf(ws);
    const a = sheet.asEditor(agentRecord(0)[TRACKER.personalEmail]);
    a.setValue(2, col('Module 1 Reviewed'), true);
    a.setValue(2, col('Blockers'), 'Login broken');
    expect(() => a.setValue(3, col('Module 1 Reviewed'), true)).toThrow(/protected cell or object/);
    expect(() => a.setValue(2, col('OID'), 'OID1001')).toThrow(/protected cell or object/);
    expect(() => a.setValue(2, col('Last Self-Report'), 'now')).toThrow(/protected cell or object/);
    expect(() => a.appendRow(['Agent 1', 'OID1001', true])).toThrow(/protected cell or object/);
    expect(() => a.renameSheet('Mine')).toThrow(/protected cell or object/);
    expect(() => a.deleteSheet()).toThrow(/protected cell or object/);
    // A TL edits their own agents' rows only (agent 0's TL is tl0; agent 1's is tl1).
    expect(sheet.canUserEdit('tl0@example.com', 2, col('Module 1 Reviewed'))).toBe(true);
    expect(sheet.canUserEdit('tl0@example.com', 3, col('Module 1 Reviewed'))).toBe(false);
    expect(sheet.canUserEdit(LICENSING, 3, col('Module 1 Reviewed'))).toBe(true);
  });

  it("credits ticks by the row the script created: a forged row with another agent's OID earns nothing and is reported", () => {
    const { ws, bundle } = reportSetup(3);
    bundle.menuCreateProgressReport();
    const { sheet, col } = progressOf(ws);
    // A row below the list carrying agent 1's OID with every box ticked (typed while the sheet was
    // unprotected, e.g. under an older version); agent 1's own row has nothing ticked.
    const width = sheet.getLastColumn();
    const forged = Array.from({ length: width }, () => true as unknown);
    forged[col('Agent Name') - 1] = 'Agent 1';
    forged[col('OID') - 1] = 'OID1001';
    forged[col('Blockers') - 1] = '';
    forged[col('Last Self-Report') - 1] = '';
    sheet.getRange(5, 1, 1, width).setValues([forged]);
    ws.clock.set(DAY1_5PM);
    const message = String(bundle.menuSyncProgress());
    expect(message).toMatch(/Synced 3 agent/);
    expect(message).toMatch(/Progress row 5 was not written by the script \(OID "OID1001"\)/);
    const pace = ws.tracker.sheet('Pace').getDataRange().getValues();
    const header = pace[0];
    const row = pace.find((r) => r[1] === 'OID1001') ?? [];
    expect(String(row[header.indexOf('Items Done')])).toMatch(/^0\//);
    const alert = ws.mail.outbox.find((m) => m.recipients.includes(LICENSING) && /tampering/.test(m.subject));
    expect(alert?.htmlBody).toContain('Progress row 5');
  });

  it('a renamed Progress sheet is still read by its ID, and the licensing team is told', () => {
    const { ws, bundle } = reportSetup(3);
    bundle.menuCreateProgressReport();
    const { sheet, col } = progressOf(ws);
    sheet.getRange(2, col('Module 1 Reviewed')).setValue(true);
    sheet.setName('Progress (mine)');
    ws.clock.set(DAY1_5PM);
    const message = String(bundle.menuSyncProgress());
    expect(message).toMatch(/Synced 3 agent/);
    expect(message).toContain('renamed to "Progress (mine)"');
    const pace = ws.tracker.sheet('Pace').getDataRange().getValues();
    const row = pace.find((r) => r[1] === 'OID1000') ?? [];
    expect(String(row[pace[0].indexOf('Items Done')])).toMatch(/^1\//);
    expect(ws.mail.outbox.some((m) => m.recipients.includes(LICENSING) && /tampering/.test(m.subject))).toBe(
      true,
    );
  });
});

describe('Re-running Create progress report on a tampered report (built bundle)', () => {
  it("a typed row with a new agent's OID does not stop the script adding that agent's real, protected row", () => {
    const { ws, bundle } = reportSetup(3);
    bundle.menuCreateProgressReport();
    const { sheet, col } = progressOf(ws);
    sheet.getRange(5, col('Agent Name'), 1, 2).setValues([['Agent 3', 'OID1003']]); // typed, not the script's
    writeRoster(ws, 1, 3);
    expect(String(bundle.menuCreateProgressReport())).toMatch(/Added 1 agent/);
    expect(sheet.getRange(6, col('OID')).getValue()).toBe('OID1003');
    expect(sheet.canUserEdit(agentRecord(3)[TRACKER.cxpEmail], 6, col('Module 1 Reviewed'))).toBe(true);
    expect(sheet.canUserEdit(agentRecord(3)[TRACKER.cxpEmail], 5, col('Module 1 Reviewed'))).toBe(false);
  });

  it('a renamed Progress sheet is reused (no second Progress sheet, no duplicate rows)', () => {
    const { ws, bundle } = reportSetup(3);
    bundle.menuCreateProgressReport();
    const { report, sheet } = progressOf(ws);
    sheet.setName('Renamed');
    writeRoster(ws, 1, 3);
    expect(String(bundle.menuCreateProgressReport())).toMatch(/Added 1 agent/);
    expect(report.getSheets().map((s) => s.getName())).toEqual(['Renamed', 'Tick Log']);
    expect(sheet.getLastRow()).toBe(5);
  });
});

describe('Rows moved by an editor of the sheet (built bundle)', () => {
  it('a script row that no longer shows its OID is credited to nobody and reported', () => {
    const { ws, bundle } = reportSetup(3);
    bundle.menuCreateProgressReport();
    const { sheet, col } = progressOf(ws);
    sheet.getRange(2, col('Module 1 Reviewed')).setValue(true); // agent 0 ticked
    // The licensing team sorts rows 2-3 the other way round: row 2 now shows agent 1.
    const rows = sheet.getRange(2, 1, 2, sheet.getLastColumn()).getValues();
    sheet.getRange(2, 1, 2, sheet.getLastColumn()).setValues([rows[1], rows[0]]);
    ws.clock.set(DAY1_5PM);
    const message = String(bundle.menuSyncProgress());
    expect(message).toContain('Progress row 2 was created for OID OID1000 but now shows "OID1001"');
    const pace = ws.tracker.sheet('Pace').getDataRange().getValues();
    const done = (oid: string) =>
      String((pace.find((r) => r[1] === oid) ?? [])[pace[0].indexOf('Items Done')]);
    expect(done('OID1001')).toMatch(/^0\//); // agent 1 never ticked anything
  });
});

describe('Roster: an agent whose email is a TL email (built bundle)', () => {
  it('is a roster problem named by row: nothing is created or shared', () => {
    const { ws, bundle } = reportSetup(4);
    setTracker(ws, 4, TRACKER.personalEmail, 'tl0@example.com');
    const message = String(bundle.menuCreateProgressReport());
    expect(message).toMatch(/Fix the roster first/);
    expect(message).toMatch(/row 4[^\n]*Personal Email[^\n]*tl0@example.com[^\n]*TL Email/);
    expect(setting(ws, 'Progress Report ID')).toBe('');
    expect(ws.store.shareNotifications).toHaveLength(0);
  });
});
