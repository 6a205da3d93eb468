/**
 * The fake Sheets parses strings written with setValue / setValues / appendRow like typed input, as
 * Google does, and refuses a cell longer than 50,000 characters with Google's error text.
 *
 * Sources:
 * - Sheets API ValueInputOption (Apps Script's setValue(s) behaves as USER_ENTERED):
 *   https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption — "USER_ENTERED: The
 *   values will be parsed as if the user typed them into the UI. Numbers will stay as numbers, but strings
 *   may be converted to numbers, dates, etc. following the same rules that are applied when entering text
 *   into a cell via the Google Sheets UI."
 * - https://docs.sheetdb.io/value-render-input-option — "USER_ENTERED … so "Mar 1 2016" becomes a date,
 *   and "=1+2" becomes a formula. Formats may also be inferred, so "$100.15" becomes a number with
 *   currency formatting."
 * - https://github.com/vlucas/sheetquery/issues/20 — "with sheet.appendRow() as well as range.setValue()
 *   If we have a value like '01234' we will receive 1234 number"; "Set 'plain text' format on the column
 *   first … we can set a string format for string values '@' … putting string values unchanged."
 * - Leading apostrophe: http://spreadsheets.about.com/od/t/g/090804-text-string-definition.htm — "A text
 *   string can also be created by entering an apostrophe ( ' ) as the first character of data. The
 *   apostrophe is not visible in the cell but forces the program to interpret whatever numbers or symbols
 *   are entered after the apostrophe as text."
 * - 50,000 characters: https://github.com/moevm/github_repo_commitment_calc/issues/67 — Sheets returned
 *   "Your input contains more than the maximum of 50000 characters in a single cell." (HTTP 400).
 * - Percent and thousands separators typed into a cell become numbers with an inferred format
 *   (https://www.coachnest.in/… "Type 8% (or 0.08) to get 8%"; sheetdb above for "$100.15").
 * Also /work/shared/SPEC.md "Platform facts".
 */
import { FakeClock } from '../../workspace/clock';
import { DriveStore } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';
import { FakeSpreadsheetApp } from '../../workspace/spreadsheet';
import { CELL_TOO_LONG } from '../../workspace/spreadsheet/model';
import { zonedFields } from '../../workspace/utilities';

const OWNER = 'owner@example.com';
const TZ = 'America/Denver';

function setup() {
  const meter = new Meter();
  const store = new DriveStore(OWNER);
  const clock = new FakeClock(new Date('2026-12-09T20:00:00Z'));
  const app = new FakeSpreadsheetApp({
    meter,
    store,
    clock,
    timeZone: TZ,
    ui: { name: 'ui' },
    activeUser: () => OWNER,
  });
  const ss = app.createBound('Tracker');
  return { ss, sheet: ss.getSheets()[0], clock };
}

function local(d: unknown) {
  const f = zonedFields((d as Date).getTime(), TZ);
  return `${f.year}-${f.month}-${f.day} ${f.hour}:${String(f.minute).padStart(2, '0')}`;
}

describe('typed input: strings written with setValue/setValues/appendRow are parsed', () => {
  it('numeric text becomes a number: "00123" → 123, "1,234" → 1234, "12%" → 0.12, "$5.50" → 5.5', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 1, 6);
    r.setValues([['00123', '1,234', '12%', '$5.50', ' 7 ', '-2.5']]);
    expect(r.getValues()[0]).toEqual([123, 1234, 0.12, 5.5, 7, -2.5]);
    expect(r.getDisplayValues()[0]).toEqual(['123', '1,234', '12%', '$5.50', '7', '-2.5']);
  });

  it('M/D is a date in the current year of the spreadsheet zone; M/D/YYYY and ISO too', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('1/14');
    sheet.getRange('A2').setValue('12/9/2026');
    sheet.getRange('A3').setValue('2026-01-08');
    sheet.getRange('A4').setValue('Jan 14, 2026');
    const v = sheet
      .getRange('A1:A4')
      .getValues()
      .map((r) => r[0]);
    for (const d of v) expect(Object.prototype.toString.call(d)).toBe('[object Date]');
    expect(v.map(local)).toEqual(['2026-1-14 0:00', '2026-12-9 0:00', '2026-1-8 0:00', '2026-1-14 0:00']);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/14/2026');
  });

  it('date-times and times become dates (a time is 12/30/1899 at that time)', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 3).setValues([['12/9/2026 16:15', '16:15', '4:05 PM']]);
    const [dt, t, pm] = sheet.getRange(1, 1, 1, 3).getValues()[0];
    expect(local(dt)).toBe('2026-12-9 16:15');
    expect(local(t)).toBe('1899-12-30 16:15');
    expect(local(pm)).toBe('1899-12-30 16:05');
    expect(sheet.getRange(1, 1, 1, 2).getDisplayValues()[0]).toEqual(['12/9/2026 16:15:00', '16:15:00']);
  });

  it('TRUE/FALSE in any case become booleans; "=…" becomes a formula; other text stays text', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 5).setValues([['true', 'False', '=SUM(1,1)', 'Jordan Lee', '4/31']]);
    const r = sheet.getRange(1, 1, 1, 5);
    expect(r.getValues()[0].slice(0, 2)).toEqual([true, false]);
    expect(r.getFormulas()[0][2]).toBe('=SUM(1,1)');
    expect(r.getValues()[0].slice(3)).toEqual(['Jordan Lee', '4/31']); // 31 April is no date
  });

  it('appendRow parses the same way', () => {
    const { sheet } = setup();
    sheet.appendRow(['00123', '1/14', 'TRUE', 'text']);
    const row = sheet.getRange(1, 1, 1, 4).getValues()[0];
    expect(row[0]).toBe(123);
    expect(local(row[1])).toBe('2026-1-14 0:00');
    expect(row.slice(2)).toEqual([true, 'text']);
  });

  it('a leading apostrophe stores the rest as text, and getValue/getDisplayValue omit the apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setValues([["'00123", "'1/14", "'=SUM(1,1)", "'TRUE"]]);
    const r = sheet.getRange(1, 1, 1, 4);
    expect(r.getValues()[0]).toEqual(['00123', '1/14', '=SUM(1,1)', 'TRUE']);
    expect(r.getDisplayValues()[0]).toEqual(['00123', '1/14', '=SUM(1,1)', 'TRUE']);
    expect(r.getFormulas()[0]).toEqual(['', '', '', '']);
    sheet.appendRow(["'4/14"]);
    expect(sheet.getRange('A2').getValue()).toBe('4/14');
  });

  it('a cell formatted as plain text (@) keeps the string exactly as typed (a leading apostrophe too)', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 1, 4);
    r.setNumberFormat('@');
    r.setValues([['00123', '1/14', '=SUM(1,1)', "'quoted"]]);
    expect(r.getValues()[0]).toEqual(['00123', '1/14', '=SUM(1,1)', "'quoted"]);
    expect(r.getFormulas()[0]).toEqual(['', '', '', '']);
  });

  it('numbers, booleans and Dates written as values stay those values', () => {
    const { sheet } = setup();
    const d = new Date('2026-12-09T23:15:00Z');
    sheet.getRange(1, 1, 1, 3).setValues([[42, false, d]]);
    const row = sheet.getRange(1, 1, 1, 3).getValues()[0];
    expect(row.slice(0, 2)).toEqual([42, false]);
    expect((row[2] as Date).getTime()).toBe(d.getTime());
  });
});

describe('cell size: at most 50,000 characters', () => {
  it("setValue / setValues / appendRow throw Google's error and write nothing", () => {
    const { sheet } = setup();
    const big = 'x'.repeat(50_001);
    expect(() => sheet.getRange('A1').setValue(big)).toThrow(CELL_TOO_LONG);
    expect(CELL_TOO_LONG).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['ok', big]])).toThrow(CELL_TOO_LONG);
    expect(() => sheet.appendRow(['ok', big])).toThrow(CELL_TOO_LONG);
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1').setValue('y'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue())).toHaveLength(50_000);
  });
});
