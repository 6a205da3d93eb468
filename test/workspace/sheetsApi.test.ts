/**
 * The fake `Sheets` advanced service (workspace/sheetsApi.ts): request shapes and errors as Google's
 * reference describes them, one metered call per method, atomic batches, and the SAME spreadsheet model
 * as SpreadsheetApp (protections added here are seen and enforced there).
 */
import { FakeClock } from '../../workspace/clock';
import { DriveStore } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';
import { FakeSpreadsheetApp } from '../../workspace/spreadsheet';
import { REQUESTS_PER_MINUTE_PER_USER, serialNumber, sheetsApiFor } from '../../workspace/sheetsApi';

const OWNER = 'owner@example.com';
const TL = 'tl@example.com';
const AGENT = 'agent@example.com';
const OTHER = 'other@example.com';

function setup() {
  const meter = new Meter();
  const store = new DriveStore(OWNER);
  const clock = new FakeClock(new Date('2026-12-01T19:00:00Z'));
  let current = OWNER;
  const activeUser = () => current;
  const spreadsheets = new FakeSpreadsheetApp({
    meter,
    store,
    clock,
    timeZone: 'America/Denver',
    ui: {},
    activeUser,
  });
  const ss = spreadsheets.createBound('Report');
  ss.addEditors([TL, AGENT, OTHER]);
  const progress = ss.insertSheet('Progress'); // sheet id 1; Sheet1 keeps id 0
  const session = {
    get effectiveEmail() {
      return current;
    },
  };
  const api = sheetsApiFor({ meter, store, clock, spreadsheets, session });
  const id = ss.getId();
  meter.reset();
  return { meter, store, clock, ss, progress, api, id, as: (u: string) => (current = u) };
}

const row = (sheetId: number, r0: number, c1 = 5) => ({
  sheetId,
  startRowIndex: r0,
  endRowIndex: r0 + 1,
  startColumnIndex: 0,
  endColumnIndex: c1,
});

describe('Sheets.Spreadsheets.batchUpdate — addProtectedRange', () => {
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate — "Applies one or
  // more updates to the spreadsheet." One HTTP call, however many requests it carries.
  it('costs one metered call (Sheets.write latency) for 500 row protections', () => {
    const { api, id, meter, progress } = setup();
    const requests = Array.from({ length: 500 }, (_, i) => ({
      addProtectedRange: { protectedRange: { range: row(1, i + 1), description: `Agent row ${i}` } },
    }));
    progress.insertRowsAfter(1000, 10);
    meter.reset();
    const res = api.Spreadsheets.batchUpdate({ requests }, id);
    expect(meter.snapshot()).toEqual({ 'Sheets.Spreadsheets.batchUpdate': 1 });
    expect(meter.modeledSeconds()).toBe(0.5);
    expect(res.replies).toHaveLength(500);
    expect(res.replies?.[0].addProtectedRange?.protectedRange?.description).toBe('Agent row 0');
  });

  // GridRange: "All indexes are zero-based. Indexes are half open, i.e. the start index is inclusive and the
  // end index is exclusive" (…/spreadsheets/other#GridRange). Editors: "The users and groups with edit access
  // to the protected range" (…/spreadsheets/sheets#ProtectedRange, Editors {users, groups, domainUsersCanEdit}).
  it('adds a protection SpreadsheetApp sees (range, description, editors) and enforces for users', () => {
    const { api, id, progress } = setup();
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: row(1, 1), // sheet row 2, columns A:E
                description: 'Agent row OID1',
                editors: { users: [AGENT, 'TL@Example.com'], domainUsersCanEdit: false },
              },
            },
          },
        ],
      },
      id,
    );
    const [p] = progress.getProtections('RANGE');
    expect(p.getDescription()).toBe('Agent row OID1');
    expect(p.getRange().getA1Notation()).toBe('A2:E2');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER, AGENT, TL]);
    expect(p.canDomainEdit()).toBe(false);
    expect(progress.canUserEdit(AGENT, 2, 3)).toBe(true);
    expect(progress.canUserEdit(TL, 2, 5)).toBe(true);
    expect(progress.canUserEdit(OTHER, 2, 3)).toBe(false);
    expect(progress.canUserEdit(OTHER, 2, 6)).toBe(true); // end index is exclusive: F is free
    expect(progress.canUserEdit(OTHER, 3, 3)).toBe(true);
  });

  // ProtectedRange.range: "The range may be fully unbounded, in which case this is considered a protected
  // sheet." unprotectedRanges: "Unprotected ranges are only supported on protected sheets."
  it('an unbounded range is a sheet protection, with unprotected ranges left editable', () => {
    const { api, id, progress } = setup();
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: 1 },
                description: 'Progress sheet',
                editors: { users: [] },
                unprotectedRanges: [
                  { sheetId: 1, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 4 },
                ],
              },
            },
          },
        ],
      },
      id,
    );
    const [p] = progress.getProtections('SHEET');
    expect(p.getDescription()).toBe('Progress sheet');
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['C2:D3']);
    expect(progress.canUserEdit(AGENT, 2, 3)).toBe(true);
    expect(progress.canUserEdit(AGENT, 1, 3)).toBe(false);
    expect(progress.getProtections('RANGE')).toHaveLength(0);
  });

  // Google's reply when a sheet is protected twice (googleapis/google-api-python-client#1064):
  // "Invalid requests[0].addProtectedRange: Sheet "Domains" already has sheet protection."
  it('refuses a second sheet protection, in the same batch or later, with Google’s text', () => {
    const { api, id } = setup();
    const sheetP = { addProtectedRange: { protectedRange: { range: { sheetId: 1 } } } };
    expect(() => api.Spreadsheets.batchUpdate({ requests: [sheetP, sheetP] }, id)).toThrow(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].addProtectedRange: Sheet "Progress" already has sheet protection.',
    );
    api.Spreadsheets.batchUpdate({ requests: [sheetP] }, id);
    expect(() => api.Spreadsheets.batchUpdate({ requests: [sheetP] }, id)).toThrow(
      'Invalid requests[0].addProtectedRange: Sheet "Progress" already has sheet protection.',
    );
  });

  // ProtectedRange.editors: "Editors are not supported with warning_only protection." Google's reply
  // (burnash/gspread#1437): "ProtectedRange is warningOnly. Editors cannot be set on it."
  it('refuses editors on a warning-only protection', () => {
    const { api, id } = setup();
    expect(() =>
      api.Spreadsheets.batchUpdate(
        {
          requests: [
            {
              addProtectedRange: {
                protectedRange: { range: row(1, 1), warningOnly: true, editors: { users: [AGENT] } },
              },
            },
          ],
        },
        id,
      ),
    ).toThrow(
      'Invalid requests[0].addProtectedRange: ProtectedRange is warningOnly. Editors cannot be set on it.',
    );
  });

  it('a warning-only protection lets everyone edit (it only warns)', () => {
    const { api, id, progress } = setup();
    api.Spreadsheets.batchUpdate(
      { requests: [{ addProtectedRange: { protectedRange: { range: row(1, 1), warningOnly: true } } }] },
      id,
    );
    expect(progress.getProtections('RANGE')[0].isWarningOnly()).toBe(true);
    expect(progress.canUserEdit(OTHER, 2, 1)).toBe(true);
  });

  // AddProtectedRangeRequest: "The protectedRangeId field is optional; if one is not set, an id will be
  // randomly generated. (It is an error to specify the ID of a range that already exists.)"
  it('refuses a protectedRangeId that already exists (in the sheet or earlier in the batch)', () => {
    const { api, id } = setup();
    const withId = (n: number) => ({
      addProtectedRange: { protectedRange: { protectedRangeId: n, range: row(1, n) } },
    });
    expect(() => api.Spreadsheets.batchUpdate({ requests: [withId(7), withId(7)] }, id)).toThrow(
      'Invalid requests[1].addProtectedRange: A protected range with ID 7 already exists.',
    );
    const res = api.Spreadsheets.batchUpdate({ requests: [withId(7)] }, id);
    expect(res.replies?.[0].addProtectedRange?.protectedRange?.protectedRangeId).toBe(7);
    expect(() => api.Spreadsheets.batchUpdate({ requests: [withId(7)] }, id)).toThrow('ID 7 already exists');
    const generated = api.Spreadsheets.batchUpdate(
      { requests: [{ addProtectedRange: { protectedRange: { range: row(1, 3) } } }] },
      id,
    );
    expect(generated.replies?.[0].addProtectedRange?.protectedRange?.protectedRangeId).not.toBe(7);
  });

  // GridRange.sheetId is an int32 whose proto default is 0: a range that names no sheet is on sheet 0, and a
  // sheet id that does not exist is refused ("No grid with id: …" — wording as commonly reported, not found in
  // the searchable index; the adapter always names the sheet).
  it('a GridRange without sheetId means sheet 0; an unknown sheetId is refused', () => {
    const { api, id, ss, progress } = setup();
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          { addProtectedRange: { protectedRange: { range: { startRowIndex: 0, endRowIndex: 1 } } } },
        ],
      },
      id,
    );
    expect(ss.sheet('Sheet1').getProtections('RANGE')).toHaveLength(1);
    expect(progress.getProtections('RANGE')).toHaveLength(0);
    expect(() =>
      api.Spreadsheets.batchUpdate(
        { requests: [{ addProtectedRange: { protectedRange: { range: row(99, 1) } } }] },
        id,
      ),
    ).toThrow('Invalid requests[0].addProtectedRange: No grid with id: 99');
  });

  // Google's text for a range past the sheet's size (cloudfour/lighthouse-parade#151, home-assistant/core#104198):
  // "Range ('Lighthouse Results'!A1001) exceeds grid limits. Max rows: 1000, max columns: 121" — the sheet name
  // quoted only when it needs quotes. Reversed/empty/negative wording is the fake's own (not found published).
  it('refuses ranges outside the grid, reversed, empty or negative', () => {
    const { api, id } = setup();
    const add = (range: object) => () =>
      api.Spreadsheets.batchUpdate({ requests: [{ addProtectedRange: { protectedRange: { range } } }] }, id);
    expect(add({ sheetId: 1, startRowIndex: 999, endRowIndex: 1001 })).toThrow(
      'Range (Progress!A1000:Z1001) exceeds grid limits. Max rows: 1000, max columns: 26',
    );
    expect(add({ sheetId: 1, startRowIndex: 5, endRowIndex: 3 })).toThrow(
      'startRowIndex (5) must be less than or equal to endRowIndex (3)',
    );
    expect(add({ sheetId: 1, startRowIndex: 3, endRowIndex: 3 })).toThrow('The range is empty.');
    expect(add({ sheetId: 1, startRowIndex: -1, endRowIndex: 3 })).toThrow(
      "Invalid value at 'startRowIndex'",
    );
  });

  // batchUpdate: "Each request is validated before being applied. If any request is not valid then the
  // entire request will fail and nothing will be applied."
  it('is atomic: one invalid request and nothing of the batch is applied', () => {
    const { api, id, progress } = setup();
    expect(() =>
      api.Spreadsheets.batchUpdate(
        {
          requests: [
            { addProtectedRange: { protectedRange: { range: row(1, 1), description: 'ok' } } },
            { setDataValidation: { range: row(1, 1), rule: { condition: { type: 'BOOLEAN' } } } },
            { addProtectedRange: { protectedRange: { range: row(42, 1) } } },
          ],
        },
        id,
      ),
    ).toThrow('Invalid requests[2].addProtectedRange: No grid with id: 42');
    expect(progress.getProtections('RANGE')).toHaveLength(0);
    expect(progress.getRange(2, 1).getDataValidation()).toBeNull();
  });

  // Request is a oneof of known kinds; an unknown field name is a JSON payload error.
  it('refuses unknown request kinds with Google’s JSON error, and says when a kind is not modeled', () => {
    const { api, id } = setup();
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ protectRow: {} } as object] }, id)).toThrow(
      `Invalid JSON payload received. Unknown name "protectRow" at 'requests[0]': Cannot find field.`,
    );
    expect(() => api.Spreadsheets.batchUpdate({ requests: [{ mergeCells: {} }] }, id)).toThrow(
      'not modeled by the in-memory workspace',
    );
    expect(() => api.Spreadsheets.batchUpdate({ requests: [] }, id)).toThrow(
      'Must specify at least one request.',
    );
  });

  it('refuses a caller without edit access to the file', () => {
    const { api, id, as } = setup();
    as('stranger@example.com');
    expect(() =>
      api.Spreadsheets.batchUpdate(
        { requests: [{ addProtectedRange: { protectedRange: { range: row(1, 1) } } }] },
        id,
      ),
    ).toThrow('The caller does not have permission');
  });

  // UpdateProtectedRangeRequest: "Updates an existing protected range with the specified protectedRangeId."
  // fields: "The fields that should be updated. At least one field must be specified."
  it('updateProtectedRange changes only the listed fields of an existing protection', () => {
    const { api, id, progress } = setup();
    const res = api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId: 1 },
                description: 'Progress sheet',
                unprotectedRanges: [
                  { sheetId: 1, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 2, endColumnIndex: 4 },
                ],
              },
            },
          },
        ],
      },
      id,
    );
    const pid = res.replies?.[0].addProtectedRange?.protectedRange?.protectedRangeId;
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateProtectedRange: {
              protectedRange: {
                protectedRangeId: pid,
                description: 'ignored: not in fields',
                unprotectedRanges: [
                  { sheetId: 1, startRowIndex: 1, endRowIndex: 4, startColumnIndex: 2, endColumnIndex: 4 },
                ],
              },
              fields: 'unprotectedRanges',
            },
          },
        ],
      },
      id,
    );
    const [p] = progress.getProtections('SHEET');
    expect(p.getDescription()).toBe('Progress sheet');
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['C2:D4']);
    expect(progress.canUserEdit(AGENT, 4, 3)).toBe(true);
    const update = (body: object) => () =>
      api.Spreadsheets.batchUpdate({ requests: [{ updateProtectedRange: body }] }, id);
    expect(update({ protectedRange: { protectedRangeId: pid } })).toThrow(
      "Invalid requests[0].updateProtectedRange: At least one field must be specified in 'fields'.",
    );
    expect(update({ protectedRange: { protectedRangeId: 999 }, fields: 'description' })).toThrow(
      'Invalid requests[0].updateProtectedRange: No protected range with id: 999',
    );
  });

  // Drive access may come through a group (a shared drive's member group): the API call is allowed then.
  it('allows a caller who edits the file only through a group', () => {
    const { api, id, as, store } = setup();
    store.groups.set('team@example.com', ['member@example.com']);
    store.get(id).editors.push('team@example.com');
    as('member@example.com');
    const res = api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: { range: row(1, 1), editors: { groups: ['team@example.com'] } },
            },
          },
        ],
      },
      id,
    );
    expect(res.replies?.[0].addProtectedRange?.protectedRange?.requestingUserCanEdit).toBe(true);
  });

  it('deleteProtectedRange removes a protection by id; an unknown id is refused', () => {
    const { api, id, progress } = setup();
    const res = api.Spreadsheets.batchUpdate(
      { requests: [{ addProtectedRange: { protectedRange: { range: row(1, 1) } } }] },
      id,
    );
    const pid = res.replies?.[0].addProtectedRange?.protectedRange?.protectedRangeId;
    expect(() =>
      api.Spreadsheets.batchUpdate({ requests: [{ deleteProtectedRange: { protectedRangeId: 12345 } }] }, id),
    ).toThrow('Invalid requests[0].deleteProtectedRange: No protected range with id: 12345');
    api.Spreadsheets.batchUpdate({ requests: [{ deleteProtectedRange: { protectedRangeId: pid } }] }, id);
    expect(progress.getProtections('RANGE')).toHaveLength(0);
  });
});

describe('Sheets.Spreadsheets.batchUpdate — checkboxes and formats', () => {
  // SetDataValidationRequest: "Sets a data validation rule to every cell in the range. To clear validation in
  // a range, call this with no rule specified." BOOLEAN condition = checkbox.
  it('setDataValidation BOOLEAN makes checkboxes SpreadsheetApp recognises; no rule clears them', () => {
    const { api, id, progress } = setup();
    const range = { sheetId: 1, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 4 };
    api.Spreadsheets.batchUpdate(
      { requests: [{ setDataValidation: { range, rule: { condition: { type: 'BOOLEAN' } } } }] },
      id,
    );
    progress.getRange('C2:D3').setValues([
      [true, false],
      [false, false],
    ]);
    expect(progress.getRange('C2').isChecked()).toBe(true);
    expect(progress.getRange('D3').isChecked()).toBe(false);
    expect(progress.getRange('C2').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    api.Spreadsheets.batchUpdate({ requests: [{ setDataValidation: { range } }] }, id);
    expect(progress.getRange('C2').getDataValidation()).toBeNull();
  });

  // RepeatCellRequest: "Updates all cells in the range to the values in the given Cell object. Only the
  // fields listed in the fields field are updated; others are unchanged."
  it('repeatCell sets plain-text number format and bold, only for the listed fields', () => {
    const { api, id, progress } = setup();
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            repeatCell: {
              range: row(1, 0, 3),
              cell: { userEnteredFormat: { numberFormat: { type: 'TEXT' }, textFormat: { bold: true } } },
              fields: 'userEnteredFormat.numberFormat',
            },
          },
          {
            repeatCell: {
              range: row(1, 1, 2),
              cell: { userEnteredFormat: { textFormat: { bold: true } } },
              fields: 'userEnteredFormat.textFormat.bold',
            },
          },
        ],
      },
      id,
    );
    expect(progress.getRange('A1:C1').getNumberFormats()).toEqual([['@', '@', '@']]);
    expect(progress.getRange('A1').getFontWeight()).toBe('normal');
    expect(progress.getRange('A2:B2').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(() =>
      api.Spreadsheets.batchUpdate({ requests: [{ repeatCell: { range: row(1, 1), cell: {} } }] }, id),
    ).toThrow("At least one field must be specified in 'fields'.");
  });

  it('a formatting request over cells the caller may not edit is refused', () => {
    const { api, id, as } = setup();
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          { addProtectedRange: { protectedRange: { range: row(1, 1), editors: { users: [AGENT] } } } },
        ],
      },
      id,
    );
    as(OTHER);
    expect(() =>
      api.Spreadsheets.batchUpdate(
        { requests: [{ setDataValidation: { range: row(1, 1), rule: { condition: { type: 'BOOLEAN' } } } }] },
        id,
      ),
    ).toThrow('You are trying to edit a protected cell or object.');
  });
});

describe('Sheets.Spreadsheets.Values.batchGet', () => {
  function filled() {
    const s = setup();
    s.progress.getRange('A1:D3').setValues([
      ['Name', 'Count', 'Done', 'When'],
      ['Ana', 3, true, new Date('2026-12-02T15:30:00Z')],
      ['', '', '', ''],
    ]);
    s.progress.getRange('B5').setValue('late');
    s.ss
      .insertSheet('Tick Log')
      .getRange('A1:B1')
      .setValues([['At', 'OID']]);
    s.meter.reset();
    return s;
  }

  // values/batchGet: "Returns one or more ranges of values from a spreadsheet." valueRenderOption default
  // FORMATTED_VALUE. ValueRange.values: "For output, empty trailing rows and columns will not be included."
  it('reads several ranges across sheets in one call, formatted, trailing empties left out', () => {
    const { api, id, meter } = filled();
    const res = api.Spreadsheets.Values.batchGet(id, {
      ranges: ['Progress!A1:F4', "'Tick Log'!A1:C3", 'Progress!H1:H2'],
    });
    expect(meter.snapshot()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
    expect(meter.modeledSeconds()).toBe(0.3);
    expect(res.valueRanges?.map((v) => v.range)).toEqual([
      'Progress!A1:F4',
      "'Tick Log'!A1:C3",
      'Progress!H1:H2',
    ]);
    expect(res.valueRanges?.[0].values).toEqual([
      ['Name', 'Count', 'Done', 'When'],
      ['Ana', '3', 'TRUE', '12/2/2026 8:30:00'],
    ]);
    expect(res.valueRanges?.[1].values).toEqual([['At', 'OID']]);
    expect(res.valueRanges?.[2].values).toBeUndefined();
  });

  it('keeps empty rows in the middle as [] and trims each row on its own', () => {
    const { api, id } = filled();
    const res = api.Spreadsheets.Values.batchGet(id, { ranges: ['Progress!A2:D5'] });
    expect(res.valueRanges?.[0].values).toEqual([
      ['Ana', '3', 'TRUE', '12/2/2026 8:30:00'],
      [],
      [],
      ['', 'late'],
    ]);
  });

  // dateTimeRenderOption: "This is ignored if value_render_option is FORMATTED_VALUE. The default dateTime
  // render option is SERIAL_NUMBER" — "days since December 30th 1899", fraction = time of day.
  it('UNFORMATTED_VALUE gives numbers and booleans; dates as serial numbers or formatted strings', () => {
    const { api, id } = filled();
    const serial = api.Spreadsheets.Values.batchGet(id, {
      ranges: ['Progress!B2:D2'],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(serial.valueRanges?.[0].values).toEqual([[3, true, 46358 + 8.5 / 24]]);
    expect(serialNumber(new Date('1900-01-01T12:00:00Z'), 'UTC')).toBe(2.5);
    const text = api.Spreadsheets.Values.batchGet(id, {
      ranges: ['Progress!D2'],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(text.valueRanges?.[0].values).toEqual([['12/2/2026 8:30:00']]);
  });

  it('reads a whole sheet by name and whole columns; refuses unknown sheets and ranges off the grid', () => {
    const { api, id } = filled();
    const res = api.Spreadsheets.Values.batchGet(id, { ranges: ["'Tick Log'", 'Progress!B:B'] });
    expect(res.valueRanges?.[0]).toEqual({
      range: "'Tick Log'!A1:Z1000",
      majorDimension: 'ROWS',
      values: [['At', 'OID']],
    });
    expect(res.valueRanges?.[1].values).toEqual([['Count'], ['3'], [], [], ['late']]);
    expect(() => api.Spreadsheets.Values.batchGet(id, { ranges: ['Nope!A1'] })).toThrow(
      'API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Nope!A1',
    );
    expect(() => api.Spreadsheets.Values.batchGet(id, { ranges: ['Progress!A1:AA2'] })).toThrow(
      'exceeds grid limits',
    );
  });
});

describe('Sheets.Spreadsheets.Values.batchUpdate', () => {
  // ValueInputOption RAW: "The values the user has entered will not be parsed and will be stored as-is."
  // USER_ENTERED: "The values will be parsed as if the user typed them into the UI."
  it('RAW stores user text as text; USER_ENTERED parses it; one call for several ranges', () => {
    const { api, id, progress, meter } = setup();
    const typed = ['=1+1', '00123', '4/14', "'quoted", 'TRUE'];
    const res = api.Spreadsheets.Values.batchUpdate(
      {
        valueInputOption: 'RAW',
        data: [
          { range: 'Progress!A1:E1', values: [typed] },
          { range: 'Progress!A3', values: [[42]] },
        ],
      },
      id,
    );
    expect(meter.snapshot()).toEqual({ 'Sheets.Spreadsheets.Values.batchUpdate': 1 });
    expect(res.totalUpdatedCells).toBe(6);
    expect(res.responses?.[0].updatedRange).toBe('Progress!A1:E1');
    expect(progress.getRange('A1:E1').getValues()).toEqual([typed]);
    expect(progress.getRange('A1').getFormula()).toBe('');
    expect(progress.getRange('A3').getValue()).toBe(42);
    api.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'USER_ENTERED', data: [{ range: 'Progress!A2:E2', values: [typed] }] },
      id,
    );
    expect(progress.getRange('A2').getFormula()).toBe('=1+1');
    const [, n, d, q, b] = progress.getRange('A2:E2').getValues()[0];
    expect([n, q, b]).toEqual([123, 'quoted', true]);
    expect(progress.getRange('C2').getDisplayValue()).toBe('4/14/2026');
    expect(d).toEqual(new Date('2026-04-14T06:00:00Z'));
  });

  // USER_ENTERED: "parsed as if the user typed them into the UI … strings may be converted to numbers, dates,
  // etc." (developers.google.com/sheets/api/reference/rest/v4/ValueInputOption): the UI reads an ISO date
  // with a time as that date-time in the spreadsheet's zone; RAW keeps the same text as text.
  it('USER_ENTERED reads "yyyy-MM-dd HH:mm:ss" as a date-time in the spreadsheet zone; RAW keeps it text', () => {
    const { api, id, progress } = setup();
    api.Spreadsheets.Values.batchUpdate(
      {
        valueInputOption: 'USER_ENTERED',
        data: [{ range: 'Progress!A1:C1', values: [['2026-12-03 17:10:05', '2026-12-04', '2026-13-01']] }],
      },
      id,
    );
    api.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Progress!D1', values: [['2026-12-03 17:10:05']] }] },
      id,
    );
    const [at, day, notADate, raw] = progress.getRange('A1:D1').getValues()[0];
    expect(at).toEqual(new Date('2026-12-04T00:10:05Z'));
    expect(day).toEqual(new Date('2026-12-04T07:00:00Z'));
    expect([notADate, raw]).toEqual(['2026-13-01', '2026-12-03 17:10:05']);
  });

  // ValueRange.values: "Null values will be skipped. To set a cell to an empty value, set the string value to
  // an empty string." batchUpdate requires valueInputOption.
  it('skips nulls, clears on empty string, and requires valueInputOption', () => {
    const { api, id, progress } = setup();
    progress.getRange('A1:B1').setValues([['keep', 'clear']]);
    api.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Progress!A1:B1', values: [[null, '']] }] },
      id,
    );
    expect(progress.getRange('A1:B1').getValues()).toEqual([['keep', '']]);
    expect(() =>
      api.Spreadsheets.Values.batchUpdate({ data: [{ range: 'Progress!A1', values: [['x']] }] }, id),
    ).toThrow("'valueInputOption' is required but not specified");
  });

  // Google's text (openshift-eng/ocp-qe-perfscale-ci#766): "Requested writing within range [Sheet1!A1:G1000], but
  // tried writing to row [1001]". ValueRange.values: "For input, supported value types are: bool, string, and double."
  it('refuses values that do not fit the range, and Dates (JSON carries bool, string, double)', () => {
    const { api, id, progress } = setup();
    expect(() =>
      api.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Progress!A1:B1', values: [['a', 'b', 'c']] }] },
        id,
      ),
    ).toThrow('Requested writing within range [Progress!A1:B1], but tried writing to column [C]');
    expect(() =>
      api.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Progress!A1', values: [['a'], ['b']] }] },
        id,
      ),
    ).toThrow('but tried writing to row [2]');
    expect(() =>
      api.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Progress!A1', values: [[new Date()]] }] },
        id,
      ),
    ).toThrow('supported value types are: bool, string, and double');
    // SPEC platform facts: "A cell holds at most 50,000 characters."
    expect(() =>
      api.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Progress!A1', values: [['x'.repeat(50_001)]] }] },
        id,
      ),
    ).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    // burnash/gspread#1601: "Invalid data[0]: Unable to parse range: …" from values.batchUpdate.
    expect(() =>
      api.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Nope!A1', values: [['x']] }] },
        id,
      ),
    ).toThrow('Invalid data[0]: Unable to parse range: Nope!A1');
    expect(progress.getRange('A1').getValue()).toBe('');
  });

  it('refuses (whole batch) a write into a cell the caller may not edit', () => {
    const { api, id, progress, as } = setup();
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          { addProtectedRange: { protectedRange: { range: row(1, 1), editors: { users: [AGENT] } } } },
        ],
      },
      id,
    );
    as(OTHER);
    expect(() =>
      api.Spreadsheets.Values.batchUpdate(
        {
          valueInputOption: 'RAW',
          data: [
            { range: 'Progress!A5', values: [['free cell']] },
            { range: 'Progress!B2', values: [['agent row']] },
          ],
        },
        id,
      ),
    ).toThrow('You are trying to edit a protected cell or object.');
    expect(progress.getRange('A5').getValue()).toBe('');
    as(AGENT);
    api.Spreadsheets.Values.batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Progress!B2', values: [['mine']] }] },
      id,
    );
    expect(progress.getRange('B2').getValue()).toBe('mine');
  });
});

describe('Sheets.Spreadsheets.get and quotas', () => {
  it('lists sheet ids, titles, sizes and protected ranges (API shape)', () => {
    const { api, id } = setup();
    api.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            addProtectedRange: {
              protectedRange: { range: row(1, 1), description: 'Agent row X', editors: { users: [AGENT] } },
            },
          },
        ],
      },
      id,
    );
    const got = api.Spreadsheets.get(id);
    expect(got.sheets?.map((s) => [s.properties?.sheetId, s.properties?.title])).toEqual([
      [0, 'Sheet1'],
      [1, 'Progress'],
    ]);
    const pr = got.sheets?.[1].protectedRanges?.[0];
    expect(pr?.range).toEqual(row(1, 1));
    expect(pr?.description).toBe('Agent row X');
    expect(pr?.requestingUserCanEdit).toBe(true);
    expect(pr?.editors?.users).toEqual([OWNER, AGENT]);
  });

  // developers.google.com/sheets/api/limits: "Per minute per user per project: 60" for read requests and for
  // write requests; beyond that "429: Too many requests".
  it('the 61st write request by one user in a minute fails with the quota error; the next minute works', () => {
    const { api, id, clock } = setup();
    const write = () =>
      api.Spreadsheets.Values.batchUpdate(
        { valueInputOption: 'RAW', data: [{ range: 'Progress!A1', values: [['x']] }] },
        id,
      );
    for (let i = 0; i < REQUESTS_PER_MINUTE_PER_USER; i++) write();
    expect(write).toThrow(
      "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'",
    );
    expect(() => api.Spreadsheets.Values.batchGet(id, { ranges: ['Progress!A1'] })).not.toThrow();
    clock.advanceMinutes(1);
    expect(write).not.toThrow();
  });
});
