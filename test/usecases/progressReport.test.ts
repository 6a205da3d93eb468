import { TRACKER } from '../../src/domain/contract';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { loadConfig } from '../../src/gas/config';
import { createProgressReport } from '../../src/usecases/progressReport';
import { ensureReportTrigger, handleReportEdit } from '../../src/usecases/tickLog';
import { agentRecord, setSettings, writeRoster } from '../helpers/workbook';
import { colOf, createReport, reportWorkspace, settingValue } from './progressReportFixture';

const ITEMS = DEFAULT_SCHEDULE.map((s) => s.item);
const permissionCalls = (ws: ReturnType<typeof reportWorkspace>) =>
  ws.meter.count('DriveApp.addEditors') + ws.meter.count('DriveApp.addEditor');

describe('createProgressReport: sharing with few Drive calls', () => {
  it('shares 30 agents and 3 TLs with one permission call', () => {
    const ws = reportWorkspace(30);
    ws.meter.reset();
    createReport(ws);
    expect(permissionCalls(ws)).toBe(1);
    expect(ws.store.shareNotifications).toHaveLength(63);
  });

  it('sets aside each address Drive names as rejected and retries the batch without it', () => {
    const ws = reportWorkspace(30);
    ws.store.rejectedEmails.add(agentRecord(4)[TRACKER.personalEmail]);
    ws.store.rejectedEmails.add(agentRecord(14)[TRACKER.cxpEmail]);
    ws.meter.reset();
    const result = createProgressReport(ws.tracker, loadConfig(ws.tracker));
    expect(permissionCalls(ws)).toBe(3);
    expect(result.share.rejected.map((r) => r.email).sort()).toEqual(
      [agentRecord(14)[TRACKER.cxpEmail], agentRecord(4)[TRACKER.personalEmail]].sort(),
    );
    expect(result.share.added).toHaveLength(61);
  });

  it('splits the batch by domain (not one call per address) when a one-off error names no address', () => {
    const ws = reportWorkspace(3);
    ws.meter.injectFault({
      service: 'DriveApp',
      method: 'addEditors',
      nth: 1,
      message: 'Sharing outside the domain is not allowed.',
    });
    const result = createProgressReport(ws.tracker, loadConfig(ws.tracker));
    expect(result.share.added).toHaveLength(9);
    expect(result.share.rejected).toEqual([]);
    // The failed batch, then one per domain (cXp, personal, TLs): 4 calls, where the old fallback made 1 + 9.
    expect(permissionCalls(ws)).toBe(4);
    expect(ws.meter.count('DriveApp.addEditor')).toBe(0);
  });
});

describe('createProgressReport from a template with its own layout', () => {
  it('finds columns by header, keeps the template columns and protects by header position', () => {
    const ws = reportWorkspace(4);
    const template = ws.spreadsheets.create('ESP Agent Progress Report Template');
    const headers = ['Seat', 'OID', 'Agent Name', ...ITEMS, 'Last Self-Report', 'Blockers'];
    template.getSheets()[0].setName('Progress');
    template.sheet('Progress').getRange(1, 1, 1, headers.length).setValues([headers]);
    const sheetBefore = JSON.stringify(template.model);
    setSettings(ws, { 'Progress Report Template ID': template.getId() });

    const report = createReport(ws);
    expect(JSON.stringify(template.model)).toBe(sheetBefore);
    expect(report.getName()).toBe('ESP Agent Progress Report - Test Cohort - 12/3/2026');
    const progress = report.sheet('Progress');
    const values = progress.getDataRange().getValues();
    expect(values[0]).toEqual(headers);
    expect(values.slice(1).map((r) => [r[1], r[2], r[0]])).toEqual(
      [0, 1, 2, 3].map((i) => [`OID${1000 + i}`, `Agent ${i}`, '']),
    );
    const a = agentRecord(2);
    const r = 4;
    const col = (h: string) => colOf(report, 'Progress', h);
    expect(progress.canUserEdit(a[TRACKER.cxpEmail], r, col('Module 3 Reviewed'))).toBe(true);
    expect(progress.canUserEdit(a[TRACKER.personalEmail], r, col('Blockers'))).toBe(true);
    expect(progress.canUserEdit(a[TRACKER.tlEmail], r, col('Quiz 1 Screenshots'))).toBe(true);
    expect(progress.canUserEdit('licensing@example.com', r, col('AHIP Final'))).toBe(true);
    for (const h of ['OID', 'Agent Name', 'Last Self-Report']) {
      expect(progress.canUserEdit(a[TRACKER.cxpEmail], r, col(h))).toBe(false);
    }
    expect(progress.canUserEdit(a[TRACKER.cxpEmail], 1, col('Module 3 Reviewed'))).toBe(false);
    expect(progress.canUserEdit(agentRecord(1)[TRACKER.cxpEmail], r, col('Module 3 Reviewed'))).toBe(false);
    // Another TL's agent, and the other TL, cannot touch this row.
    expect(progress.canUserEdit(agentRecord(0)[TRACKER.tlEmail], r, col('Blockers'))).toBe(false);
  });
});

describe('re-running createProgressReport', () => {
  it('adds only new agents: rows, protections and shares', () => {
    const ws = reportWorkspace(5);
    const report = createReport(ws);
    const protections = () => report.sheet('Progress').getProtections(ws.spreadsheets.ProtectionType.RANGE);
    const before = protections().length;
    writeRoster(ws, 1, 5);
    ws.meter.reset();
    const result = createProgressReport(ws.tracker, loadConfig(ws.tracker));
    expect(result.created).toBe(false);
    expect(result.addedAgents).toEqual(['Agent 5']);
    expect(result.share.added.sort()).toEqual(
      [agentRecord(5)[TRACKER.cxpEmail], agentRecord(5)[TRACKER.personalEmail]].sort(),
    );
    expect(permissionCalls(ws)).toBe(1);
    expect(protections().length).toBe(before + 1);
    expect(report.sheet('Progress').getLastRow()).toBe(7);
    expect(settingValue(ws, 'Progress Report ID')).toBe(report.getId());
  });
});

describe('a run that stopped half-way', () => {
  it('is completed by the next run: rows written but left unprotected get their protection', () => {
    const ws = reportWorkspace(4);
    // Every protection goes in one Sheets batchUpdate, after the rows are written and shared: stop there.
    ws.meter.injectFault({
      service: 'Sheets',
      method: 'Spreadsheets.batchUpdate',
      nth: 1,
      message: 'Exceeded maximum execution time',
    });
    expect(() => createProgressReport(ws.tracker, loadConfig(ws.tracker))).toThrow(/maximum execution time/);
    ws.meter.clearFaults();
    const report = ws.spreadsheets.fake(settingValue(ws, 'Progress Report ID'));
    expect(report.sheet('Progress').getLastRow()).toBe(5);
    // Shared before protected: everyone was invited although no protection was made.
    expect(
      ws.drive
        .getFileById(report.getId())
        .getEditors()
        .map((u) => u.getEmail()),
    ).toContain(agentRecord(3)[TRACKER.personalEmail]);
    expect(report.sheet('Progress').getProtections(ws.spreadsheets.ProtectionType.RANGE)).toHaveLength(0);
    const result = createProgressReport(ws.tracker, loadConfig(ws.tracker));
    expect(result.created).toBe(false);
    expect(result.addedAgents).toEqual([]);
    expect(ws.store.childrenOf(settingValue(ws, 'Leadership Drive Folder ID'))).toHaveLength(1);
    const progress = report.sheet('Progress');
    const m1 = colOf(report, 'Progress', 'Module 1 Reviewed');
    for (let i = 0; i < 4; i++) {
      expect(progress.canUserEdit(agentRecord(i)[TRACKER.cxpEmail], i + 2, m1)).toBe(true);
      expect(progress.canUserEdit(agentRecord((i + 1) % 4)[TRACKER.cxpEmail], i + 2, m1)).toBe(false);
      expect(
        progress
          .getRange(i + 2, m1)
          .getDataValidation()
          ?.getCriteriaType(),
      ).toBe(ws.spreadsheets.DataValidationCriteria.CHECKBOX);
    }
    // The Tick Log made by the stopped run gets its script-only protection too.
    const tickLog = report.sheet('Tick Log');
    expect(tickLog.getProtections(ws.spreadsheets.ProtectionType.SHEET)).toHaveLength(1);
    expect(tickLog.canUserEdit(agentRecord(0)[TRACKER.cxpEmail], 2, 1)).toBe(false);
  });
});

describe('ensureReportTrigger', () => {
  it('installs one edit trigger and removes one left on an earlier report', () => {
    const ws = reportWorkspace(1);
    ScriptApp.newTrigger('onReportEdit').forSpreadsheet(ws.tracker.getId()).onEdit().create();
    expect(ensureReportTrigger('report-1')).toBe(true);
    expect(ensureReportTrigger('report-1')).toBe(false);
    expect(ensureReportTrigger('')).toBe(false);
    const triggers = ScriptApp.getProjectTriggers().map((t) => [
      t.getHandlerFunction(),
      t.getTriggerSourceId(),
    ]);
    expect(triggers).toEqual([['onReportEdit', 'report-1']]);
  });
});

describe('onReportEdit stamping (handleReportEdit)', () => {
  function setUp() {
    const ws = reportWorkspace(3);
    const report = createReport(ws);
    const progress = report.sheet('Progress');
    const log = () =>
      report
        .sheet('Tick Log')
        .getDataRange()
        .getValues()
        .slice(1)
        .map((r) => [r[1], r[3], r[4], r[5]]);
    const lastSelf = (row: number) =>
      progress.getRange(row, colOf(report, 'Progress', 'Last Self-Report')).getValue();
    return { ws, report, progress, log, lastSelf };
  }

  it('logs every cell of a pasted block (ticks and unticks) and stamps each row once', () => {
    const { ws, report, progress, log, lastSelf } = setUp();
    const m1 = colOf(report, 'Progress', 'Module 1 Reviewed');
    const block = progress.getRange(2, m1, 2, 2);
    block.setValues([
      [true, false],
      [true, true],
    ]);
    expect(handleReportEdit(block)).toEqual({ ticks: 4, rowsStamped: 2 });
    expect(log()).toEqual([
      ['OID1000', 'Module 1 Reviewed', true, 2],
      ['OID1000', 'Module 2 Reviewed', false, 2],
      ['OID1001', 'Module 1 Reviewed', true, 3],
      ['OID1001', 'Module 2 Reviewed', true, 3],
    ]);
    expect((lastSelf(2) as Date).getTime()).toBe(ws.clock.nowMs());
    expect(lastSelf(4)).toBe('');
  });

  it('counts a Blockers edit as a self-report without logging a tick; ignores the header row', () => {
    const { ws, report, progress, log, lastSelf } = setUp();
    const cell = progress.getRange(4, colOf(report, 'Progress', 'Blockers'));
    cell.setValue('Cannot log in to AHIP');
    expect(handleReportEdit(cell)).toEqual({ ticks: 0, rowsStamped: 1 });
    expect((lastSelf(4) as Date).getTime()).toBe(ws.clock.nowMs());
    expect(handleReportEdit(progress.getRange(1, 1, 1, 5))).toEqual({ ticks: 0, rowsStamped: 0 });
    expect(log()).toEqual([]);
  });

  it('still stamps, with atomic appendRow, when another run holds the lock', () => {
    const { ws, report, progress, log } = setUp();
    const editedAt = ws.clock.nowMs();
    ws.locks.holdExternally('document');
    const cell = progress.getRange(3, colOf(report, 'Progress', 'AHIP Final'));
    cell.setValue(true);
    ws.meter.reset();
    expect(handleReportEdit(cell)).toEqual({ ticks: 1, rowsStamped: 1 });
    expect(ws.meter.count('Sheet.appendRow')).toBe(1);
    expect(log()).toEqual([['OID1001', 'AHIP Final', true, 3]]);
    const at = report.sheet('Tick Log').getRange(2, 1).getValue() as Date;
    expect(at.getTime()).toBe(editedAt); // the moment of the edit, not the end of the wait
  });
});
