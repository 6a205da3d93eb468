import { SHEET, TRACKER, TRACKER_HEADERS } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace } from '../helpers/bundle';
import { agentRecord, cohortSettings, writeRoster } from '../helpers/workbook';

const DAY0_NOON = new Date('2026-12-01T19:00:00Z'); // Tue 12/1 noon Denver: 44 h before Day 1

/** A tracker whose contract columns are in a shuffled order, set up and filled with `agents`. */
function shuffledTracker(agents: number) {
  const { ws, bundle } = bundledWorkspace({ now: DAY0_NOON });
  const shuffled = [...TRACKER_HEADERS].sort(
    (a, b) => ((a.length * 7) % 11) - ((b.length * 7) % 11) || a.localeCompare(b),
  );
  ws.tracker.insertSheet(SHEET.tracker).getRange(1, 1, 1, shuffled.length).setValues([shuffled]);
  bundle.menuSetupWorkbook();
  const folder = ws.drive.createFolder('cXp Leadership');
  cohortSettings(ws, { 'Leadership Drive Folder ID': folder.getId() });
  writeRoster(ws, agents);
  return { ws, bundle, folder };
}

function editorsOf(ws: Workspace, id: string): string[] {
  return ws.drive
    .getFileById(id)
    .getEditors()
    .map((u) => u.getEmail())
    .sort();
}

function reportId(ws: Workspace): string {
  const rows = ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
  return String(rows.find((r) => r[0] === 'Progress Report ID')?.[1] ?? '');
}

describe('Create progress report (built bundle)', () => {
  it('creates one named, protected, privately shared report for a 30-agent shuffled roster', () => {
    const { ws, bundle, folder } = shuffledTracker(30);
    const message = String(bundle.menuCreateProgressReport());
    expect(message).toMatch(/Created "ESP Agent Progress Report - Test Cohort - 12\/3\/2026"/);
    const files = ws.store.childrenOf(folder.getId());
    expect(files.map((f) => f.name)).toEqual(['ESP Agent Progress Report - Test Cohort - 12/3/2026']);
    const id = reportId(ws);
    expect(id).toBe(files[0].id);
    const report = ws.spreadsheets.fake(id);
    const progress = report.sheet('Progress');
    const values = progress.getDataRange().getValues();
    expect(values.slice(1).map((r) => r[1])).toEqual(Array.from({ length: 30 }, (_, i) => `OID${1000 + i}`));
    // Each agent edits their own row and nobody else's; nobody edits the stamped column.
    const itemCol = values[0].indexOf('Module 1 Reviewed') + 1;
    const lastSelf = values[0].indexOf('Last Self-Report') + 1;
    for (const i of [0, 7, 29]) {
      const a = agentRecord(i);
      expect(progress.canUserEdit(a[TRACKER.cxpEmail], i + 2, itemCol)).toBe(true);
      expect(progress.canUserEdit(a[TRACKER.personalEmail], i + 2, itemCol)).toBe(true);
      expect(progress.canUserEdit(a[TRACKER.tlEmail], i + 2, itemCol)).toBe(true);
      expect(progress.canUserEdit(agentRecord(i + 1)[TRACKER.cxpEmail], i + 2, itemCol)).toBe(false);
      expect(progress.canUserEdit(a[TRACKER.cxpEmail], i + 2, lastSelf)).toBe(false);
    }
    // Shared with exactly the roster's emails and the TLs; no link access.
    const expected = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const a = agentRecord(i);
      [a[TRACKER.cxpEmail], a[TRACKER.personalEmail], a[TRACKER.tlEmail]].forEach((e) => expected.add(e));
    }
    expect(editorsOf(ws, id)).toEqual([...expected].sort());
    expect(ws.drive.getFileById(id).getSharingAccess()).toBe('PRIVATE');
    expect(report.sheet('Tick Log').isSheetHidden()).toBe(true);
    // Re-running with no change adds nothing.
    ws.meter.reset();
    expect(String(bundle.menuCreateProgressReport())).toMatch(/No new agents to add/);
    expect(ws.meter.count('DriveApp.addEditors')).toBe(0);
  });

  it('a re-run after adding 2 agents touches only those 2', () => {
    const { ws, bundle } = shuffledTracker(30);
    bundle.menuCreateProgressReport();
    const id = reportId(ws);
    const protections = () =>
      ws.spreadsheets.fake(id).sheet('Progress').getProtections(ws.spreadsheets.ProtectionType.RANGE).length;
    const before = protections();
    writeRoster(ws, 2, 30);
    ws.meter.reset();
    expect(String(bundle.menuCreateProgressReport())).toMatch(
      /Added 2 agent\(s\)[\s\S]*Shared with 4 new address/,
    );
    expect(protections()).toBe(before + 2);
    expect(ws.meter.count('DriveApp.addEditors')).toBe(1);
    expect(ws.store.shareNotifications.slice(-4).map((n) => n.email)).toEqual(
      expect.arrayContaining([agentRecord(30)[TRACKER.cxpEmail], agentRecord(31)[TRACKER.personalEmail]]),
    );
    expect(ws.spreadsheets.fake(id).sheet('Progress').getLastRow()).toBe(33);
  });

  it('lists addresses Drive rejects and still shares with everyone else', () => {
    const { ws, bundle } = shuffledTracker(5);
    ws.store.rejectedEmails.add(agentRecord(2)[TRACKER.personalEmail]);
    const message = String(bundle.menuCreateProgressReport());
    expect(message).toMatch(/Drive refused 1 address/);
    expect(message).toContain(agentRecord(2)[TRACKER.personalEmail]);
    expect(editorsOf(ws, reportId(ws))).toContain(agentRecord(2)[TRACKER.cxpEmail]);
    expect(editorsOf(ws, reportId(ws))).not.toContain(agentRecord(2)[TRACKER.personalEmail]);
  });

  it('reports bad roster rows by row and header and creates nothing', () => {
    const { ws, bundle } = shuffledTracker(4);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(3, headers.indexOf(TRACKER.cxpEmail) + 1).setValue('not-an-email');
    sheet.getRange(4, headers.indexOf(TRACKER.oid) + 1).setValue('OID1000');
    sheet.getRange(5, headers.indexOf(TRACKER.tlEmail) + 1).setValue('');
    const message = String(bundle.menuCreateProgressReport());
    expect(message).toMatch(/Fix the roster first/);
    expect(message).toMatch(/row 3[^\n]*cXp Email[^\n]*not-an-email/);
    expect(message).toMatch(/row 4[^\n]*OID/);
    expect(message).toMatch(/row 5[^\n]*TL Email/);
    expect(reportId(ws)).toBe('');
  });

  it('stamps ticks and unticks in the hidden log and Last Self-Report through onReportEdit', () => {
    const { ws, bundle } = shuffledTracker(3);
    bundle.menuCreateProgressReport();
    const id = reportId(ws);
    expect(ws.script.handlersFor('ON_EDIT', id)).toEqual(['onReportEdit']);
    const progress = ws.spreadsheets.fake(id).sheet('Progress');
    const headers = progress.getRange(1, 1, 1, progress.getLastColumn()).getValues()[0];
    const box = progress.getRange(3, headers.indexOf('Module 1 Reviewed') + 1);
    box.setValue(true);
    bundle.onReportEdit({ range: box, value: 'TRUE' } as GoogleAppsScript.Events.SheetsOnEdit);
    ws.clock.advanceMinutes(5);
    box.setValue(false);
    bundle.onReportEdit({ range: box, value: 'FALSE' } as GoogleAppsScript.Events.SheetsOnEdit);
    const log = ws.spreadsheets.fake(id).sheet('Tick Log').getDataRange().getValues();
    expect(log.slice(1).map((r) => [r[1], r[3], r[4]])).toEqual([
      ['OID1001', 'Module 1 Reviewed', true],
      ['OID1001', 'Module 1 Reviewed', false],
    ]);
    const stamped = progress.getRange(3, headers.indexOf('Last Self-Report') + 1).getValue() as Date;
    expect(stamped.getTime()).toBe(ws.clock.nowMs());
  });
});

describe('G2T invitation (built bundle)', () => {
  it('refuses under 24 hours without confirmation and sends with it', () => {
    const { ws, bundle } = shuffledTracker(4);
    bundle.menuCreateProgressReport();
    ws.clock.set(new Date('2026-12-02T21:00:00Z')); // Wed 2 pm: Day 1 starts in 17 h
    ws.ui.queueAlertResponse('NO');
    expect(String(bundle.menuSendInvitation())).toMatch(/less than the 24 hours/);
    expect(ws.mail.outbox).toHaveLength(0);
    ws.ui.queueAlertResponse('YES');
    expect(String(bundle.menuSendInvitation())).toMatch(/4 sent/);
    expect(ws.mail.outbox).toHaveLength(4);
    const first = ws.mail.outbox[0];
    expect(first.recipients).toEqual([
      agentRecord(0)[TRACKER.cxpEmail],
      agentRecord(0)[TRACKER.personalEmail],
    ]);
    expect(first.htmlBody).toContain('https://global.gotomeeting.com/join/1');
    expect(first.htmlBody).toContain('cert@example.com');
    expect(first.htmlBody).toContain('Module 1 Reviewed');
    // Re-running sends nothing twice.
    ws.ui.queueAlertResponse('YES');
    expect(String(bundle.menuSendInvitation())).toMatch(/0 sent.*4 already sent/);
    expect(ws.mail.outbox).toHaveLength(4);
  });

  it('sends without asking when Day 1 is more than 24 hours away', () => {
    const { ws, bundle } = shuffledTracker(2);
    bundle.menuCreateProgressReport();
    expect(String(bundle.menuSendInvitation())).toMatch(/2 sent/);
    expect(ws.ui.log.some((l) => l.includes('Less than 24 hours'))).toBe(false);
  });
});

describe('Sync progress (built bundle)', () => {
  it('costs the same Sheets calls at 10 and 1,000 agents', () => {
    const calls = (agents: number) => {
      const { ws, bundle } = shuffledTracker(agents);
      bundle.menuCreateProgressReport();
      ws.clock.set(new Date('2026-12-03T23:40:00Z')); // Day 1, 4:40 pm
      bundle.menuSyncProgress(); // the first sync may grow the Pace sheet once; measure the steady state
      ws.meter.reset();
      expect(String(bundle.menuSyncProgress())).toMatch(new RegExp(`Synced ${agents} agent`));
      const snapshot = ws.meter.byService();
      return (snapshot.Range ?? 0) + (snapshot.Sheet ?? 0) + (snapshot.SpreadsheetApp ?? 0);
    };
    expect(calls(1000)).toBe(calls(10));
  });
});
