/**
 * src/gas/sheetsApi.ts (the Sheets advanced-service adapter) against the in-memory workspace's fake
 * `Sheets` global, without the bundle: flat call counts at any cohort size, protections SpreadsheetApp
 * sees and enforces, RAW writes that never parse user text, padded batch reads.
 */
import { protectedDescriptions } from '../../src/gas/protection';
import {
  a1Range,
  applySheetSetup,
  batchUpdate,
  gridRange,
  listProtections,
  padGrid,
  protectAgentRows,
  readLayout,
  readRanges,
  readSheets,
  serialToLocal,
  setupRequests,
  sheetsService,
  writeRanges,
} from '../../src/gas/sheetsApi';
import { sheetsApiFor } from '../../workspace/sheetsApi';
import { Workspace } from '../../workspace/workspace';

const OWNER = 'lead@example.com';
const LICENSING = 'licensing@example.com';
const WIDTH = 8;

function workspace(rows = 1000) {
  const ws = new Workspace({ now: new Date('2026-12-01T19:00:00Z'), user: OWNER });
  Object.assign(globalThis, ws.globals(), { Sheets: sheetsApiFor(ws) });
  const report = ws.spreadsheets.create('Report');
  const sheet = report.getSheets()[0].setName('Progress');
  if (rows + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
  report.addEditors([LICENSING, 'tl@example.com', 'a1@example.com', 'a2@example.com']);
  ws.meter.reset();
  return { ws, report, sheet };
}

const agentRows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    description: `Agent row OID${i}`,
    editors: [`a${i}@example.com`, 'tl@example.com', LICENSING],
  }));

afterEach(() => {
  delete (globalThis as { Sheets?: unknown }).Sheets;
});

describe('protectAgentRows: one batchUpdate for every row, header and checkbox', () => {
  it('protects each agent row for its editors; SpreadsheetApp sees and enforces the protections', () => {
    const { ws, report, sheet } = workspace();
    // As the report does: a sheet protection whose unprotected ranges are the agents' item and Blockers
    // cells (C:F and H), each agent's cells then protected for that agent, their TL and licensing.
    const cols: [number, number][] = [
      [3, 6],
      [8, 8],
    ];
    const unprotected = cols.map(([c0, c1]) => ({ row: 2, col: c0, numRows: 3, numCols: c1 - c0 + 1 }));
    const calls = protectAgentRows(report, sheet, agentRows(3), cols, {
      sheetProtection: { description: 'Progress sheet', editors: [LICENSING], unprotected },
      checkboxes: [{ row: 2, col: 3, numRows: 3, numCols: 4 }],
      plainText: [{ row: 2, col: 8, numRows: 3, numCols: 1 }],
    });
    expect(calls).toBe(1);
    expect(ws.meter.snapshot()).toEqual({
      'Sheet.getSheetId': 1,
      'Sheets.Spreadsheets.batchUpdate': 1,
      'SpreadsheetApp.getId': 1,
    });
    expect([...protectedDescriptions(sheet)].sort()).toEqual([
      'Agent row OID0',
      'Agent row OID1',
      'Agent row OID2',
    ]);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(6);
    const fake = ws.spreadsheets.fake(report.getId()).sheet('Progress');
    expect(fake.canUserEdit('a1@example.com', 3, 4)).toBe(true);
    expect(fake.canUserEdit('a1@example.com', 3, 8)).toBe(true);
    expect(fake.canUserEdit('a1@example.com', 3, 7)).toBe(false); // not an item column
    expect(fake.canUserEdit('a1@example.com', 3, 1)).toBe(false); // name
    expect(fake.canUserEdit('a1@example.com', 2, 4)).toBe(false); // another agent's row
    expect(fake.canUserEdit('a1@example.com', 1, 4)).toBe(false); // header
    expect(fake.canUserEdit('a1@example.com', 5, 4)).toBe(false); // below the agents
    expect(fake.canUserEdit(LICENSING, 4, 3)).toBe(true);
    expect(sheet.getRange('C2').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.getRange('H4').getNumberFormat()).toBe('@');
  });

  it('new agents: one call extends the sheet protection’s unprotected ranges and protects only their rows', () => {
    const { ws, report, sheet } = workspace();
    const cols: [number, number][] = [[3, 6]];
    const id = report.getId();
    const sheetId = sheet.getSheetId();
    protectAgentRows(report, sheet, agentRows(2), cols, {
      sheetProtection: {
        description: 'Progress sheet',
        editors: [],
        unprotected: [{ row: 2, col: 3, numRows: 2, numCols: 4 }],
      },
    });
    const before = listProtections(id, sheetId);
    const whole = before.find((p) => p.rect === null)!;
    expect(whole.unprotected).toEqual([{ row: 2, col: 3, numRows: 2, numCols: 4 }]);
    const known = new Set(before.map((p) => p.description));
    const fresh = agentRows(4).filter((r) => !known.has(r.description));
    ws.meter.reset();
    protectAgentRows(report, sheet, fresh, cols, {
      unprotectedUpdate: {
        protectedRangeId: whole.id,
        unprotected: [{ row: 2, col: 3, numRows: 4, numCols: 4 }],
      },
    });
    expect(ws.meter.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(4);
    const fake = ws.spreadsheets.fake(id).sheet('Progress');
    expect(fake.canUserEdit('a3@example.com', 5, 4)).toBe(true);
    expect(fake.canUserEdit('a2@example.com', 5, 4)).toBe(false);
  });

  it('costs the same calls at 10, 1,000 and 5,000 agents', () => {
    const cost = (n: number) => {
      const { ws, report, sheet } = workspace(n);
      protectAgentRows(report, sheet, agentRows(n), [[1, WIDTH]], {
        checkboxes: [{ row: 2, col: 3, numRows: n, numCols: 4 }],
      });
      const total = ws.meter.total();
      expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(n);
      return total;
    };
    expect([cost(10), cost(1000), cost(5000)]).toEqual([3, 3, 3]);
  });

  it('a re-run lists the protections already there in one call, whatever their number', () => {
    const { ws, report, sheet } = workspace(1000);
    protectAgentRows(report, sheet, agentRows(1000), [[1, WIDTH]]);
    sheet.protect().setDescription('Whole sheet');
    const id = report.getId();
    const sheetId = sheet.getSheetId();
    ws.meter.reset();
    const existing = listProtections(id, sheetId);
    expect(ws.meter.snapshot()).toEqual({ 'Sheets.Spreadsheets.get': 1 });
    expect(existing).toHaveLength(1001);
    expect(existing[0]).toEqual({
      id: existing[0].id,
      description: 'Agent row OID0',
      rect: { row: 2, col: 1, numRows: 1, numCols: WIDTH },
      unprotected: [],
    });
    expect(existing[1000]).toMatchObject({ description: 'Whole sheet', rect: null });
    expect(() => listProtections(id, 999)).toThrow('has no sheet with id 999');
  });

  it('does nothing (no call) when there is nothing to protect', () => {
    const { ws, report, sheet } = workspace();
    expect(protectAgentRows(report, sheet, [], [[1, WIDTH]])).toBe(0);
    expect(ws.meter.total()).toBe(0);
  });

  it('a sheet protection keeps its unprotected ranges editable by file editors', () => {
    const { ws, report, sheet } = workspace();
    applySheetSetup(report.getId(), sheet.getSheetId(), {
      sheetProtection: {
        description: 'Progress sheet',
        editors: [],
        unprotected: [{ row: 2, col: 3, numRows: 10, numCols: 4 }],
      },
    });
    const fake = ws.spreadsheets.fake(report.getId()).sheet('Progress');
    expect(fake.canUserEdit('a1@example.com', 3, 4)).toBe(true);
    expect(fake.canUserEdit('a1@example.com', 3, 1)).toBe(false);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].getDescription()).toBe(
      'Progress sheet',
    );
  });
});

describe('readLayout: every sheet and protection in one Spreadsheets.get', () => {
  it('gives IDs, names, sizes, hidden and protections (with descriptions and unprotected ranges) in ONE call', () => {
    const { ws, report, sheet } = workspace(50);
    const log = report.insertSheet('Tick Log');
    log.hideSheet();
    protectAgentRows(report, sheet, agentRows(3), [[3, 6]], {
      sheetProtection: {
        description: 'Progress',
        editors: [OWNER],
        unprotected: [{ row: 2, col: 3, numRows: 3, numCols: 4 }],
      },
    });
    const ids = [sheet.getSheetId(), log.getSheetId()];
    ws.meter.reset();
    const layout = readLayout(report.getId());
    expect(ws.meter.total()).toBe(2); // getId + Spreadsheets.get
    expect(ws.meter.count('Sheets.Spreadsheets.get')).toBe(1);
    expect(layout.map((s) => [s.sheetId, s.title, s.hidden])).toEqual([
      [ids[0], 'Progress', false],
      [ids[1], 'Tick Log', true],
    ]);
    expect(layout[0].rowCount).toBe(1000);
    const whole = layout[0].protections.find((p) => p.rect === null);
    expect(whole?.description).toBe('Progress');
    expect(whole?.unprotected).toEqual([{ row: 2, col: 3, numRows: 3, numCols: 4 }]);
    expect(layout[0].protections.filter((p) => p.rect !== null).map((p) => [p.description, p.rect])).toEqual(
      [0, 1, 2].map((i) => [`Agent row OID${i}`, { row: i + 2, col: 3, numRows: 1, numCols: 4 }]),
    );
    expect(layout[1].protections).toEqual([]);
  });
});

describe('batchUpdate: payloads above the recommended 2 MB are split', () => {
  it('splits by payload size, each call complete', () => {
    const { ws, report, sheet } = workspace();
    const requests = setupRequests(sheet.getSheetId(), {
      protections: agentRows(40).map((r) => ({
        rect: { row: r.row, col: 1, numRows: 1, numCols: WIDTH },
        description: r.description,
        editors: r.editors,
      })),
    });
    const size = JSON.stringify(requests[0]).length + 1;
    ws.meter.reset();
    const id = report.getId();
    ws.meter.reset();
    // Descriptions and emails differ by at most 2 characters: 10 requests fit, 11 do not.
    expect(batchUpdate(id, requests, size * 10 + 50)).toBe(4);
    expect(ws.meter.count('Sheets.Spreadsheets.batchUpdate')).toBe(4);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(40);
  });
});

describe('readRanges / writeRanges', () => {
  it('writes several ranges in one RAW call: formulas, leading zeros and dates typed by people stay text', () => {
    const { ws, report, sheet } = workspace();
    const names = [['=HYPERLINK("http://x","y")', '00123', '4/14', 'Ana'] as const];
    const cells = writeRanges(report.getId(), [
      { a1: a1Range('Progress', { row: 2, col: 1, numRows: 1, numCols: 4 }), values: names },
      { a1: a1Range('Progress', { row: 3, col: 1, numRows: 1, numCols: 2 }), values: [[7, true]] },
    ]);
    expect(cells).toBe(6);
    expect(ws.meter.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(1);
    expect(sheet.getRange('A2:D2').getValues()).toEqual([[...names[0]]]);
    expect(sheet.getRange('A2').getFormula()).toBe('');
    expect(sheet.getRange('A3:B3').getValues()).toEqual([[7, true]]);
  });

  it('refuses a Date with an error naming the range, row and column', () => {
    const { report } = workspace();
    expect(() =>
      writeRanges(report.getId(), [
        { a1: "'Progress'!A2:B2", values: [['x', new Date() as unknown as string]] },
      ]),
    ).toThrow("Cannot write [object Date] to 'Progress'!A2:B2 (row 1, column 2 of the range)");
  });

  it('reads several ranges (any sheet names) in one call, padded to the requested size, unformatted', () => {
    const { ws, report, sheet } = workspace();
    sheet.getRange('A1:C2').setValues([
      ['Name', 'Done', 'At'],
      ['Ana', true, new Date('2026-12-02T15:30:00Z')],
    ]);
    const log = report.insertSheet("Tick Log's");
    log.getRange('A1').setValue(3);
    const id = report.getId();
    ws.meter.reset();
    const [progress, ticks] = readRanges(id, [
      { a1: a1Range('Progress', { row: 1, col: 1, numRows: 3, numCols: 4 }), numRows: 3, numCols: 4 },
      { a1: a1Range("Tick Log's", { row: 1, col: 1, numRows: 2, numCols: 2 }), numRows: 2, numCols: 2 },
    ]);
    expect(ws.meter.snapshot()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
    expect(progress[0]).toEqual(['Name', 'Done', 'At', '']);
    expect(progress[1].slice(0, 2)).toEqual(['Ana', true]);
    expect(serialToLocal(progress[1][2] as number)).toEqual({
      year: 2026,
      month: 12,
      day: 2,
      hour: 8,
      minute: 30,
      second: 0,
    });
    expect(progress[2]).toEqual(['', '', '', '']);
    expect(ticks).toEqual([
      [3, ''],
      ['', ''],
    ]);
  });

  it('reads whole sheets by name in one call, without asking their size first', () => {
    const { ws, report, sheet } = workspace();
    sheet.getRange('A1:C3').setValues([
      ['Name', 'OID', 'Done'],
      ['Ana', 'OID1', true],
      ['Bo', '', ''],
    ]);
    report.insertSheet('Tick Log');
    const id = report.getId();
    ws.meter.reset();
    const [progress, log] = readSheets(id, ['Progress', 'Tick Log']);
    expect(ws.meter.snapshot()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
    expect(progress).toEqual([
      ['Name', 'OID', 'Done'],
      ['Ana', 'OID1', true],
      ['Bo', '', ''],
    ]);
    expect(log).toEqual([]);
    expect(() => readSheets(id, ['Progress', 'Pace'])).toThrow(
      'One of the sheets "Progress", "Pace" is missing (API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: \'Pace\')',
    );
  });

  it('no ranges, no call', () => {
    const { ws, report } = workspace();
    const id = report.getId();
    ws.meter.reset();
    expect(readRanges(id, [])).toEqual([]);
    expect(writeRanges(id, [])).toBe(0);
    expect(ws.meter.total()).toBe(0);
  });
});

describe('helpers', () => {
  it('gridRange is 0-based, end exclusive; a1Range quotes any sheet name', () => {
    expect(gridRange(7, { row: 2, col: 1, numRows: 1, numCols: 8 })).toEqual({
      sheetId: 7,
      startRowIndex: 1,
      endRowIndex: 2,
      startColumnIndex: 0,
      endColumnIndex: 8,
    });
    expect(a1Range("Bob's", { row: 2, col: 26, numRows: 9, numCols: 2 })).toBe("'Bob''s'!Z2:AA10");
    expect(() => gridRange(0, { row: 0, col: 1, numRows: 1, numCols: 1 })).toThrow(
      'row must be a whole number ≥ 1',
    );
    expect(padGrid([[1], []], 2, 2)).toEqual([
      [1, ''],
      ['', ''],
    ]);
  });

  it('says how to enable the advanced service when Sheets is missing', () => {
    delete (globalThis as { Sheets?: unknown }).Sheets;
    expect(() => sheetsService()).toThrow('The Sheets advanced service is not enabled');
  });
});
