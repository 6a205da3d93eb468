/**
 * `keepAsText` (src/domain/values.ts, also exported as `neutraliseFormula`) against the fake's typed-input
 * rules (see spreadsheetTypedInput.test.ts for the Google sources): every string written through it with
 * setValue / setValues / appendRow reads back exactly as given, and text Sheets would keep anyway is left
 * without an apostrophe.
 */
import { cellInput, keepAsText, neutraliseFormula, wouldSheetsParse } from '../../src/domain/values';
import { FakeClock } from '../../workspace/clock';
import { DriveStore } from '../../workspace/driveStore';
import { Meter } from '../../workspace/meter';
import { FakeSpreadsheetApp } from '../../workspace/spreadsheet';

function sheet() {
  const app = new FakeSpreadsheetApp({
    meter: new Meter(),
    store: new DriveStore('o@example.com'),
    clock: new FakeClock(new Date('2026-12-09T20:00:00Z')),
    timeZone: 'America/Denver',
    ui: { name: 'ui' },
    activeUser: () => 'o@example.com',
  });
  return app.createBound('T').getSheets()[0];
}

const TRICKY = [
  '00123',
  '1,234',
  '12%',
  '$5',
  '.5',
  '-2',
  '+1',
  '1e5',
  '1/14',
  '12/9/2026',
  '12/9/2026 16:15',
  '16:15',
  '4:05 PM',
  '2026-01-08',
  'Jan 14',
  'January 14, 2026',
  '14 Jan 2026',
  'TRUE',
  'false',
  '=SUM(1,1)',
  '@x',
  "'quoted",
  '\tcmd',
  ' 42 ',
];

describe('keepAsText: what is written is what is read', () => {
  it.each(TRICKY)('%p round-trips through setValue, setValues and appendRow', (text) => {
    const s = sheet();
    s.getRange('A1').setValue(keepAsText(text));
    s.getRange(2, 1, 1, 1).setValues([[cellInput(text)]]);
    s.appendRow([keepAsText(text)]);
    expect(
      s
        .getRange('A1:A3')
        .getValues()
        .map((r) => r[0]),
    ).toEqual([text, text, text]);
    expect(
      s
        .getRange('A1:A3')
        .getFormulas()
        .map((r) => r[0]),
    ).toEqual(['', '', '']);
  });

  it('leaves ordinary text alone (no apostrophe where Sheets keeps text anyway)', () => {
    for (const text of ['Jordan Lee - 1/8/2026 - Late', 'Agent 3', 'Module 1 Reviewed', 'behind', '']) {
      expect(wouldSheetsParse(text)).toBe(false);
      expect(keepAsText(text)).toBe(text);
    }
  });

  it("cellInput keeps values as values and leaves a plain-text (@) cell's string as it is", () => {
    const d = new Date('2026-12-09T23:15:00Z');
    expect(cellInput(42)).toBe(42);
    expect(cellInput(true)).toBe(true);
    expect(cellInput(d)).toBe(d);
    expect(cellInput('00123', '@')).toBe('00123');
    const s = sheet();
    s.getRange('A1').setNumberFormat('@').setValue(cellInput('00123', '@'));
    expect(s.getRange('A1').getValue()).toBe('00123');
  });

  it('neutraliseFormula is the same helper (callers in other modules are protected too)', () => {
    expect(neutraliseFormula).toBe(keepAsText);
  });
});
