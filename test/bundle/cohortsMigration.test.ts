import { COHORTS, COHORTS_HEADERS, SHEET, TRACKER, TRACKER_HEADERS } from '../../src/domain/contract';
import { bundledWorkspace } from '../helpers/bundle';
import { cohortSettings, DAY1_9AM, setSettings, writeRoster } from '../helpers/workbook';

function rows(ws: ReturnType<typeof bundledWorkspace>['ws'], name: string): unknown[][] {
  const sheet = ws.tracker.sheet(name);
  return sheet
    .getRange(1, 1, Math.max(sheet.getLastRow(), 1), Math.max(sheet.getLastColumn(), 1))
    .getValues();
}

function settingsValue(ws: ReturnType<typeof bundledWorkspace>['ws'], key: string): unknown {
  return rows(ws, SHEET.settings).find((r) => r[0] === key)?.[1];
}

describe('Cohorts: set-up moves the single-cohort Settings into the first Cohorts row', () => {
  it('creates the Cohorts sheet and the tracker Cohort column; an empty Settings moves nothing', () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY1_9AM });
    expect(bundle.menuSetupWorkbook()).toMatch(/Created sheet "Cohorts"/);
    expect(rows(ws, SHEET.cohorts)).toEqual([[...COHORTS_HEADERS]]);
    expect(rows(ws, SHEET.tracker)[0]).toEqual([...TRACKER_HEADERS]);
    expect(rows(ws, SHEET.tracker)[0]).toContain(TRACKER.cohort);
  });

  it('moves Cohort Name, Day 1 Date, G2T Link and Progress Report ID, keeps the Settings values, and runs once', () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY1_9AM });
    bundle.menuSetupWorkbook();
    setSettings(ws, {
      'Cohort Name': 'Dec 3 Class',
      'Day 1 Date': '12/3/2026',
      'G2T Link': 'https://global.gotomeeting.com/join/1',
      'Progress Report ID': 'report-123',
    });
    const day1Cell = settingsValue(ws, 'Day 1 Date');
    expect(bundle.menuSetupWorkbook()).toMatch(/Cohorts: moved the class "Dec 3 Class" from Settings/);
    const cohorts = rows(ws, SHEET.cohorts);
    expect(cohorts).toHaveLength(2);
    const row = Object.fromEntries(cohorts[0].map((h, c) => [String(h), cohorts[1][c]]));
    expect(row[COHORTS.cohort]).toBe('Dec 3 Class');
    expect(row[COHORTS.day1Date]).toEqual(day1Cell);
    expect(row[COHORTS.g2tLink]).toBe('https://global.gotomeeting.com/join/1');
    expect(row[COHORTS.progressReportId]).toBe('report-123');
    // Nothing lost: the Settings keys are still there with their values, and say where the class went.
    expect(settingsValue(ws, 'Cohort Name')).toBe('Dec 3 Class');
    expect(settingsValue(ws, 'Day 1 Date')).toEqual(day1Cell);
    expect(settingsValue(ws, 'G2T Link')).toBe('https://global.gotomeeting.com/join/1');
    expect(settingsValue(ws, 'Progress Report ID')).toBe('report-123');
    const settings = ws.tracker.sheet(SHEET.settings);
    const nameRow = rows(ws, SHEET.settings).findIndex((r) => r[0] === 'Cohort Name') + 1;
    expect(settings.getRange(nameRow, 2).getNote()).toMatch(/Moved to the "Cohorts" sheet/);
    // Idempotent: set-up again adds no second row, even after Settings changed.
    const before = JSON.stringify(ws.tracker.model);
    expect(bundle.menuSetupWorkbook()).toMatch(/nothing was added/);
    expect(JSON.stringify(ws.tracker.model)).toBe(before);
    setSettings(ws, { 'Cohort Name': 'Renamed' });
    bundle.menuSetupWorkbook();
    expect(rows(ws, SHEET.cohorts)).toHaveLength(2);
  });

  it('with one class, Sync progress during its CAP extension acts on it without asking (old: asked "Which class?" and failed)', () => {
    const { ws, bundle } = bundledWorkspace({ now: new Date('2026-12-01T19:00:00Z') });
    bundle.menuSetupWorkbook();
    cohortSettings(ws);
    writeRoster(ws, 3);
    bundle.menuSetupWorkbook();
    expect(String(bundle.menuCreateProgressReport())).toMatch(/Added 3 agent/);
    ws.clock.set(new Date('2026-12-08T23:40:00Z')); // Tue 12/8 16:40 Denver: Day 4, after the window end
    const message = String(bundle.menuSyncProgress());
    expect(message).not.toMatch(/Could not finish/);
    expect(ws.ui.log.join('\n')).not.toMatch(/Which class\?/);
    expect(String(bundle.menuRefreshDashboard())).toMatch(/Dashboard refreshed/);
    expect(ws.tracker.sheet(SHEET.dashboard).getRange(1, 2).getValue()).toMatch(/ — Test Cohort$/);
  });

  it('a text name that Sheets would parse stays text in the Cohorts row', () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY1_9AM });
    bundle.menuSetupWorkbook();
    const settings = ws.tracker.sheet(SHEET.settings);
    const nameRow = rows(ws, SHEET.settings).findIndex((r) => r[0] === 'Cohort Name') + 1;
    settings.getRange(nameRow, 2).setValue("'12/3");
    bundle.menuSetupWorkbook();
    expect(rows(ws, SHEET.cohorts)[1][0]).toBe('12/3');
  });
});
