import { SHEET, TRACKER, TRACKER_HEADERS } from '../../src/domain/contract';
import { MENU_TITLE } from '../../src/gas/menu';
import { bundledWorkspace, type EntryBundle, editEvent } from '../helpers/bundle';
import { DAY1_9AM, writeRoster } from '../helpers/workbook';

describe('set-up and validation through the built bundle', () => {
  it('onOpen adds the ESP Licensing menu', () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY1_9AM });
    bundle.onOpen();
    expect(ws.ui.menus.map((m) => m.title)).toEqual([MENU_TITLE]);
    expect(ws.ui.log[0]).toMatch(/Set up workbook/);
  });

  it('running set-up twice changes nothing the second time', () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY1_9AM });
    expect(bundle.menuSetupWorkbook()).toMatch(/Created sheet "ESP Tracker"/);
    writeRoster(ws, 12);
    expect(bundle.menuSetupWorkbook()).toMatch(/Attendance: added 12 agent/);
    const before = JSON.stringify(ws.tracker.model);
    expect(bundle.menuSetupWorkbook()).toMatch(/nothing was added/);
    expect(JSON.stringify(ws.tracker.model)).toBe(before);
  });

  it('keeps working on a tracker with reordered columns and an extra user column, keeping its data', () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY1_9AM });
    // A hand-made tracker: every contract header in reverse order, the team's "Shift" column in B.
    const shuffled = [...TRACKER_HEADERS].reverse();
    shuffled.splice(1, 0, 'Shift');
    const sheet = ws.tracker.insertSheet(SHEET.tracker);
    sheet.getRange(1, 1, 1, shuffled.length).setValues([shuffled]);
    writeRoster(ws, 4);
    sheet.getRange(2, 2).setValue('Early');
    const headers = () => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    expect(bundle.menuSetupWorkbook()).not.toMatch(/"ESP Tracker": added header/);
    expect(headers()).toEqual(shuffled);
    expect(bundle.menuSetupWorkbook()).toMatch(/nothing was added/);
    // A bad note typed in the moved column is still caught by the simple trigger.
    const range = sheet.getRange(3, shuffled.indexOf(TRACKER.coachingNote) + 1);
    range.setValue('Sam - 2/30/2026 - late');
    // The workspace's own event shape (a fake spreadsheet as source), as ws.userEdit passes it.
    (bundle as EntryBundle).onEdit(editEvent({ range, value: 'Sam - 2/30/2026 - late', source: ws.tracker }));
    expect(range.getNote()).toMatch(/not a real calendar date/);
    expect(range.getValue()).toBe('Sam - 2/30/2026 - late');
    expect(sheet.getRange(2, 2).getValue()).toBe('Early');
    expect(sheet.getRange(2, shuffled.indexOf(TRACKER.oid) + 1).getValue()).toBe('OID1000');
    expect(bundle.menuValidateNotes()).toMatch(/1 note cell\(s\) flagged/);
  });

  it('reports a missing required sheet by name instead of failing silently', () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY1_9AM });
    expect(bundle.menuValidateNotes()).toMatch(/The sheet "ESP Tracker" is missing/);
    expect(ws.ui.log.at(-1)).toMatch(/Could not finish/);
  });
});
