/**
 * The fake `Sheets` advanced service's structural requests (workspace/sheetsApi.ts): `spreadsheets.create`
 * with its sheets laid out, and batchUpdate's addSheet / updateSheetProperties — the shapes and errors of
 * Google's reference, one metered call each, atomic batches, the same model SpreadsheetApp reads.
 */
import { FakeClock } from '../../workspace/clock';
import { DriveStore } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';
import { FakeSpreadsheetApp } from '../../workspace/spreadsheet';
import { sheetsApiFor } from '../../workspace/sheetsApi';

const OWNER = 'owner@example.com';
const SCRIPT_USER = 'tl@example.com';

function setup() {
  const meter = new Meter();
  const store = new DriveStore(OWNER);
  const clock = new FakeClock(new Date('2026-12-01T19:00:00Z'));
  const spreadsheets = new FakeSpreadsheetApp({
    meter,
    store,
    clock,
    timeZone: 'America/Denver',
    ui: {},
    activeUser: () => SCRIPT_USER,
  });
  const ss = spreadsheets.createBound('Tracker');
  ss.addEditor(SCRIPT_USER);
  const id = ss.getId();
  const api = sheetsApiFor({ meter, store, clock, spreadsheets, session: { effectiveEmail: SCRIPT_USER } });
  meter.reset();
  return { meter, store, spreadsheets, ss, api, id };
}

describe('Sheets.Spreadsheets.create', () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/create — "Creates a
  // spreadsheet, returning the newly created spreadsheet." Request and response bodies are Spreadsheets.
  it('creates the file with its sheets in one call and returns IDs, sizes and the URL', () => {
    const { api, meter, spreadsheets, store } = setup();
    const made = api.Spreadsheets.create({
      properties: { title: 'Report', timeZone: 'America/Denver' },
      sheets: [
        {
          properties: {
            title: 'Progress',
            gridProperties: { rowCount: 1200, columnCount: 30, frozenRowCount: 1 },
          },
        },
        { properties: { title: 'Tick Log', hidden: true } },
      ],
    });
    expect(meter.snapshot()).toEqual({ 'Sheets.Spreadsheets.create': 1 });
    const id = made.spreadsheetId!;
    expect(made.spreadsheetUrl).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(
      made.sheets!.map((s) => [s.properties!.sheetId, s.properties!.title, s.properties!.hidden ?? false]),
    ).toEqual([
      [0, 'Progress', false],
      [1, 'Tick Log', true],
    ]);
    expect(store.get(id).owner).toBe(SCRIPT_USER); // in the caller's My Drive
    const book = spreadsheets.fake(id);
    const progress = book.sheet('Progress');
    expect([progress.getMaxRows(), progress.getMaxColumns(), progress.getFrozenRows()]).toEqual([
      1200, 30, 1,
    ]);
    expect(book.sheet('Tick Log').isSheetHidden()).toBe(true);
    expect(book.getSpreadsheetTimeZone()).toBe('America/Denver');
  });

  it('without sheets makes one "Sheet1"; a duplicate title fails with Google\'s text and creates nothing', () => {
    const { api, store } = setup();
    const plain = api.Spreadsheets.create({ properties: { title: 'Plain' } });
    expect(plain.sheets!.map((s) => s.properties!.title)).toEqual(['Sheet1']);
    const files = store.childrenOf(store.rootId).length;
    expect(() =>
      api.Spreadsheets.create({
        properties: { title: 'Bad' },
        sheets: [{ properties: { title: 'Progress' } }, { properties: { title: 'progress' } }],
      }),
    ).toThrow(
      'API call to sheets.spreadsheets.create failed with error: Invalid sheets[1]: A sheet with the name "progress" already exists. Please enter another name.',
    );
    expect(store.childrenOf(store.rootId).length).toBe(files);
  });
});

describe('Sheets.Spreadsheets.batchUpdate — addSheet and updateSheetProperties', () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#addsheetrequest —
  // "Adds a new sheet." The reply (AddSheetResponse) carries the new sheet's properties and ID.
  it('addSheet adds a hidden sheet and replies with its ID', () => {
    const { api, id, ss } = setup();
    const res = api.Spreadsheets.batchUpdate(
      { requests: [{ addSheet: { properties: { title: 'Tick Log', hidden: true } } }] },
      id,
    );
    const sheetId = res.replies![0].addSheet!.properties!.sheetId;
    const sheet = ss.getSheetByName('Tick Log')!;
    expect(sheet.getSheetId()).toBe(sheetId);
    expect(sheet.isSheetHidden()).toBe(true);
  });

  it("addSheet with a title in use fails the whole batch with Google's text", () => {
    const { api, id, ss } = setup();
    expect(() =>
      api.Spreadsheets.batchUpdate(
        {
          requests: [
            { addSheet: { properties: { title: 'New' } } },
            { addSheet: { properties: { title: 'sheet1' } } },
          ],
        },
        id,
      ),
    ).toThrow(
      'Invalid requests[1].addSheet: A sheet with the name "sheet1" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('New')).toBeNull(); // atomic
  });

  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#updatesheetpropertiesrequest
  // — "fields: The fields that should be updated. At least one field must be specified. The root
  // `properties` is implied and should not be specified."
  it('updateSheetProperties renames and freezes only the fields in the mask', () => {
    const { api, id, ss } = setup();
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateSheetProperties: {
              properties: {
                sheetId: 0,
                title: 'Progress',
                hidden: true,
                gridProperties: { frozenRowCount: 1 },
              },
              fields: 'title,gridProperties.frozenRowCount',
            },
          },
        ],
      },
      id,
    );
    const sheet = ss.getSheetByName('Progress')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.isSheetHidden()).toBe(false); // hidden was not in the mask
  });

  it("updateSheetProperties without fields, or for a missing sheet, fails with Google's text", () => {
    const { api, id } = setup();
    const update = (body: object) =>
      api.Spreadsheets.batchUpdate({ requests: [{ updateSheetProperties: body }] }, id);
    expect(() => update({ properties: { sheetId: 0, title: 'X' } })).toThrow(
      'Invalid requests[0].updateSheetProperties: At least one field must be specified.',
    );
    expect(() => update({ properties: { sheetId: 7, title: 'X' }, fields: 'title' })).toThrow(
      'Invalid requests[0].updateSheetProperties: No grid with id: 7',
    );
  });
});
