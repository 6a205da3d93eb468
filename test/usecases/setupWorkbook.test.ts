import { ATTENDANCE_HEADERS, SHEET, TRACKER, TRACKER_HEADERS } from '../../src/domain/contract';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { SETTING_DEFINITIONS } from '../../src/domain/settings';
import { loadConfig } from '../../src/gas/config';
import { setupWorkbook } from '../../src/usecases/setupWorkbook';
import { Workspace } from '../../workspace/workspace';
import { DAY1_9AM, setUpWorkspace, writeRoster } from '../helpers/workbook';

function fresh(): Workspace {
  const ws = new Workspace({ now: DAY1_9AM });
  ws.installGlobals();
  return ws;
}

function headersOf(ws: Workspace, name: string): string[] {
  const sheet = ws.tracker.sheet(name);
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
}

describe('setupWorkbook', () => {
  it('creates every sheet and header of the contract, defaults, dropdowns, colours and frozen rows', () => {
    const ws = fresh();
    const added = setupWorkbook(ws.tracker);
    expect(added.length).toBeGreaterThan(10);
    for (const name of Object.values(SHEET)) expect(ws.tracker.getSheetByName(name)).not.toBeNull();
    expect(headersOf(ws, SHEET.tracker)).toEqual(TRACKER_HEADERS);
    expect(headersOf(ws, SHEET.attendance)).toEqual(ATTENDANCE_HEADERS);
    const tracker = ws.tracker.sheet(SHEET.tracker);
    expect(tracker.getFrozenRows()).toBe(1);
    const statusCol = TRACKER_HEADERS.indexOf(TRACKER.tbtStatus) + 1;
    expect(tracker.getRange(50, statusCol).getDataValidation()?.getCriteriaValues()[0]).toContain('Complete');
    expect(tracker.getConditionalFormatRules().length).toBeGreaterThan(20);
    const config = loadConfig(ws.tracker);
    expect(config.schedule).toHaveLength(DEFAULT_SCHEDULE.length);
    expect(config.settings.finalCapExtensionHours).toBe(8);
    expect(config.settings.miaConsecutiveMisses).toBe(2);
    const keys = ws.tracker
      .sheet(SHEET.settings)
      .getRange(2, 1, SETTING_DEFINITIONS.length, 1)
      .getValues()
      .flat();
    expect(keys).toEqual(SETTING_DEFINITIONS.map((d) => d.key));
  });

  it('is idempotent: a second run adds nothing and changes nothing', () => {
    const ws = setUpWorkspace(5);
    setupWorkbook(ws.tracker); // picks up the roster into Attendance
    const before = JSON.stringify(ws.tracker.model);
    expect(setupWorkbook(ws.tracker)).toEqual([]);
    expect(JSON.stringify(ws.tracker.model)).toBe(before);
  });

  it('keeps reordered and user-added columns and their data, and adds only missing headers', () => {
    const ws = fresh();
    const tracker = ws.tracker.insertSheet(SHEET.tracker);
    // A hand-made tracker: some headers, in a different order, plus the team's own column.
    tracker
      .getRange(1, 1, 1, 5)
      .setValues([[TRACKER.oid, 'Team Notes', TRACKER.agentName, TRACKER.tlEmail, TRACKER.tlName]]);
    tracker
      .getRange(2, 1, 1, 5)
      .setValues([['OID1', 'likes mornings', 'Ana Ruiz', 'tl@example.com', 'Tess']]);
    const added = setupWorkbook(ws.tracker);
    expect(added.join('\n')).toMatch(/"ESP Tracker": added headers "cXp Email"/);
    const headers = headersOf(ws, SHEET.tracker);
    expect(headers.slice(0, 5)).toEqual([
      TRACKER.oid,
      'Team Notes',
      TRACKER.agentName,
      TRACKER.tlEmail,
      TRACKER.tlName,
    ]);
    expect(new Set(headers)).toEqual(new Set([...TRACKER_HEADERS, 'Team Notes']));
    expect(tracker.getRange(2, 1, 1, 5).getValues()[0]).toEqual([
      'OID1',
      'likes mornings',
      'Ana Ruiz',
      'tl@example.com',
      'Tess',
    ]);
    // The agent is carried into Attendance by OID.
    expect(ws.tracker.sheet(SHEET.attendance).getRange(2, 1, 1, 3).getValues()[0]).toEqual([
      'Ana Ruiz',
      'OID1',
      'Tess',
    ]);
    expect(setupWorkbook(ws.tracker)).toEqual([]);
  });

  it('never replaces a team-edited Schedule or Settings value', () => {
    const ws = setUpWorkspace(0);
    const schedule = ws.tracker.sheet(SHEET.schedule);
    schedule.getRange(2, 4).setValue(2.5);
    const settings = ws.tracker.sheet(SHEET.settings);
    settings.getRange(2, 2).setValue('My Cohort');
    setupWorkbook(ws.tracker);
    expect(schedule.getRange(2, 4).getValue()).toBe(2.5);
    expect(settings.getRange(2, 2).getValue()).toBe('My Cohort');
  });

  it('adds new agents to Attendance on a re-run, with unticked checkboxes', () => {
    const ws = setUpWorkspace(3);
    setupWorkbook(ws.tracker);
    writeRoster(ws, 2, 3);
    expect(setupWorkbook(ws.tracker)).toEqual(['Attendance: added 2 agent row(s) from the ESP Tracker.']);
    const attendance = ws.tracker.sheet(SHEET.attendance);
    expect(attendance.getLastRow()).toBe(6);
    expect(attendance.getRange(6, 4).getValue()).toBe(false);
    expect(attendance.getRange(6, 4).getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
  });

  it('costs the same number of Range calls with 10 and 1,000 agents', () => {
    const rangeCalls = (agents: number) => {
      const ws = setUpWorkspace(agents);
      ws.meter.reset();
      setupWorkbook(ws.tracker); // adds every agent to Attendance
      return ws.meter.total('Range');
    };
    expect(rangeCalls(1000)).toBe(rangeCalls(10));
  });
});
