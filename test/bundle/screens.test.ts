/** Issue 6 through the built bundle: the dashboard and its chart after a sweep, and CAP documents. */
import { CAP_FIELDS } from '../../src/domain/capDocument';
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

const DAY0 = new Date('2026-12-01T19:00:00Z');

function cohort(agents: number): { ws: Workspace; bundle: EntryBundle; folderId: string } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  const folder = ws.drive.createFolder('cXp Leadership');
  cohortSettings(ws, { 'Leadership Drive Folder ID': folder.getId() });
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  return { ws, bundle, folderId: folder.getId() };
}

function tick(ws: Workspace, oidRow: number, items: string[]): void {
  const id = String(
    ws.tracker
      .sheet(SHEET.settings)
      .getDataRange()
      .getValues()
      .find((r) => r[0] === 'Progress Report ID')?.[1],
  );
  const progress = ws.spreadsheets.fake(id).sheet('Progress');
  const headers = progress.getRange(1, 1, 1, progress.getLastColumn()).getValues()[0];
  for (const item of items) progress.getRange(oidRow, headers.indexOf(item) + 1).setValue(true);
}

describe('dashboard (built bundle)', () => {
  it('exists after a sweep, reflects the counts, and keeps one chart however often it is refreshed', () => {
    const { ws, bundle } = cohort(6);
    tick(ws, 2, ['Module 1 Reviewed', 'Quiz 1 Screenshots']);
    tick(ws, 3, ['Module 1 Reviewed']);
    ws.clock.set(new Date('2026-12-04T00:10:00Z')); // Day 1 17:10
    bundle.nightlySweep();
    const sheet = ws.tracker.sheet(SHEET.dashboard);
    const grid = sheet.getDataRange().getValues();
    const row = (label: string) => grid.find((r) => r[0] === label)!;
    expect(row('Module 1 Reviewed').slice(0, 4)).toEqual(['Module 1 Reviewed', 1, 2, 4]);
    expect(row('Quiz 1 Screenshots').slice(0, 4)).toEqual(['Quiz 1 Screenshots', 1, 1, 5]);
    expect(row('TL 0').slice(0, 2)).toEqual(['TL 0', 2]);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    const chart = sheet.model.charts[0];
    expect(chart.options.title).toBe('Agents done, by Schedule item');
    expect(chart.ranges[0].rect.numRows).toBe(15); // header + 14 items
    bundle.menuRefreshDashboard();
    bundle.menuRefreshDashboard();
    expect(sheet.getCharts()).toHaveLength(1);
  });
});

describe('CAP documents (built bundle)', () => {
  it('fills every field from the data, shares only with TL, HR and managers, and links it in Coaching Log', () => {
    const { ws, bundle, folderId } = cohort(3);
    tick(ws, 3, ['Module 1 Reviewed', 'Quiz 1 Screenshots']);
    ws.clock.set(new Date('2026-12-08T19:05:00Z')); // Day 4 12:05: window over
    bundle.capCheck();
    const url = String(bundle.createCapDocument('OID1001'));
    const docs = ws.store
      .childrenOf(folderId)
      .filter((f) => f.mimeType === 'application/vnd.google-apps.document');
    const doc = docs.find((f) => url.includes(f.id))!;
    expect(doc.name).toMatch(/^Final CAP - Agent 1 \(OID1001\) - 12\/8\/2026$/);
    const text = ws.documents.textOf(doc.id);
    for (const field of CAP_FIELDS) expect(text).not.toContain(`{{${field}}}`);
    expect(text).toContain('Agent: Agent 1 (OID OID1001)');
    expect(text).toContain('Module 2 Reviewed');
    expect(text).toMatch(/Deadline: 12\/9\/2026/);
    expect(text).toMatch(/may result in termination/);
    expect(text).toMatch(/HR: _+/);
    const editors = ws.drive
      .getFileById(doc.id)
      .getEditors()
      .map((u) => u.getEmail())
      .sort();
    expect(editors).toEqual(['esp.manager@example.com', 'hr@example.com', 'tl1@example.com']);
    expect(ws.drive.getFileById(doc.id).getSharingAccess()).toBe('PRIVATE');
    const log = ws.tracker.sheet(SHEET.coachingLog).getDataRange().getValues().slice(1);
    const entry = log.find((r) => r[2] === 'OID1001' && r[4] === 'Final CAP issued')!;
    expect(entry[8]).toBe(url);
    // Two steps logged: the alert (by the CAP check) and the issue (the document).
    expect(log.filter((r) => r[2] === 'OID1001')).toHaveLength(2);
    // The default template was created once and recorded for the team to edit.
    const templateId = ws.tracker
      .sheet(SHEET.settings)
      .getDataRange()
      .getValues()
      .find((r) => r[0] === 'CAP Document Template ID')?.[1];
    expect(String(templateId)).not.toBe('');
    bundle.createCapDocument('OID1002');
    expect(ws.store.childrenOf(folderId).filter((f) => f.name === 'ESP CAP Document Template')).toHaveLength(
      1,
    );
  });

  it('names an unknown OID instead of failing silently', () => {
    const { ws, bundle } = cohort(2);
    ws.ui.queuePromptResponse('OID9999', 'OK');
    expect(String(bundle.menuGenerateCapDocument())).toMatch(/No agent with OID "OID9999"/);
    expect(String(trackerValue(ws))).toBe('');
  });
});

function trackerValue(ws: Workspace): unknown {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet.getRange(2, headers.indexOf(TRACKER.capLevel) + 1).getValue();
}
