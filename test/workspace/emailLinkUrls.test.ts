/**
 * What the emails' links rely on (RULES R13): `Spreadsheet.getUrl()` returns the spreadsheet's edit URL
 * and a sheet's `getSheetId()` is the `gid` its URL fragment selects, fixed at creation (a rename or a
 * new sheet does not change it), so `<url>#gid=<id>&range=A<row>` opens an agent's row.
 *
 * Google: "A spreadsheet is identified by a unique spreadsheet ID … which appears in URLs as:
 * https://docs.google.com/spreadsheets/d/SPREADSHEET_ID/edit" (https://sheets.wiki/docs/Spreadsheet), and
 * "The sheet id can be found in the url after the gid section:
 * https://docs.google.com/spreadsheets/d/SpreadsheetId/edit#gid=SheetId"
 * (https://docs.unity3d.com/Packages/com.unity.localization%401.5/api/UnityEditor.Localization.Plugins.Google.GoogleSheetsExtension.SheetId.html).
 * Sheets API SheetProperties.sheetId (the same ID as Sheet.getSheetId()): "The ID of the sheet. Must be
 * non-negative. This field cannot be changed once set."
 * (https://pub.dev/documentation/googleapis/latest/sheets_v4/SheetProperties/sheetId.html, generated from
 * Google's Sheets API reference); GridRange: "if "Sheet1" is sheet ID 0" (the first sheet's usual ID).
 */
import { Workspace } from '../../workspace/workspace';

describe('spreadsheet URLs and sheet IDs (the links in emails)', () => {
  it('getUrl is the https edit URL; sheet IDs are unique, 0 for the first sheet, and survive a rename', () => {
    const ws = new Workspace({ now: new Date('2026-12-01T19:00:00Z') });
    const ss = ws.tracker;
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    const first = ss.getSheets()[0];
    expect(first.getSheetId()).toBe(0);
    const a = ss.insertSheet('A');
    const b = ss.insertSheet('B');
    const ids = [first.getSheetId(), a.getSheetId(), b.getSheetId()];
    expect(new Set(ids).size).toBe(3);
    a.setName('Renamed');
    expect(ss.getSheetByName('Renamed')?.getSheetId()).toBe(ids[1]);
    ss.insertSheet('C', 0);
    expect(ss.getSheetByName('B')?.getSheetId()).toBe(ids[2]);
  });
});
