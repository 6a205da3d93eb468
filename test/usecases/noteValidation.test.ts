import { SHEET, TRACKER, type TrackerHeader } from '../../src/domain/contract';
import { COLOR } from '../../src/domain/workbookPlan';
import {
  NNUMBER_FLAG_PREFIX,
  NOTE_FLAG_PREFIX,
  validateAllNotes,
  validateEditedRange,
} from '../../src/usecases/noteValidation';
import { SheetTable } from '../../src/gas/sheetTable';
import type { Workspace } from '../../workspace/workspace';
import { setUpWorkspace } from '../helpers/workbook';

function cell(ws: Workspace, row: number, header: TrackerHeader) {
  const table = SheetTable.open(ws.tracker, SHEET.tracker);
  return ws.tracker.sheet(SHEET.tracker).getRange(row, table.col(header) + 1);
}

/** Types a value as a TL would, then runs the simple-trigger validation on that cell. */
function type(ws: Workspace, row: number, header: TrackerHeader, text: string) {
  const range = cell(ws, row, header);
  range.setValue(text);
  validateEditedRange(range);
  return range;
}

describe('Name - Date - Note validation in the tracker', () => {
  it('normalises a valid entry with en/em dashes and stray spaces', () => {
    const ws = setUpWorkspace(1);
    const range = type(ws, 2, TRACKER.attendanceNote, '  Maria Gonzalez –12/3/2026—  Joined late ');
    expect(range.getValue()).toBe('Maria Gonzalez - 12/3/2026 - Joined late');
    expect(range.getNote()).toBe('');
  });

  it.each([
    ['impossible date', 'Dev Patel - 2/30/2026 - Audio', /not a real calendar date/],
    ['future date', 'Dev Patel - 12/4/2026 - Audio', /in the future/],
    ['missing note', 'Dev Patel - 12/3/2026', /note/i],
    ['missing name', '12/3/2026 - Audio drops', /name/i],
    ['no separators', 'Dev Patel said audio drops', /dash/i],
  ])('flags %s without changing the text', (_, text, message) => {
    const ws = setUpWorkspace(1);
    const range = type(ws, 2, TRACKER.techIssueNote, text);
    expect(range.getValue()).toBe(text);
    expect(range.getNote()).toContain(NOTE_FLAG_PREFIX);
    expect(range.getNote()).toMatch(message);
    expect(range.getNote()).toContain('Expected: Name - Date - Note');
    expect(range.getBackground()).toBe(COLOR.invalidNote);
  });

  it('names the bad line of a multi-line cell and keeps every line', () => {
    const ws = setUpWorkspace(1);
    const text = 'Sam Okafor - 12/1/2026 - Verbal coaching\nSam Okafor - 2/29/2025 - Follow-up';
    const range = type(ws, 2, TRACKER.coachingNote, text);
    expect(range.getValue()).toBe(text);
    expect(range.getNote()).toMatch(/Line 2/);
    expect(range.getNote()).not.toMatch(/Line 1/);
  });

  it('clears its own flag once fixed, but never a note the TL wrote', () => {
    const ws = setUpWorkspace(2);
    const range = type(ws, 2, TRACKER.techIssueNote, 'Dev - 2/30/2026 - x');
    expect(range.getNote()).not.toBe('');
    type(ws, 2, TRACKER.techIssueNote, 'Dev - 12/2/2026 - x');
    expect(range.getNote()).toBe('');
    expect(range.getBackground()).toBe('#ffffff');
    const mine = cell(ws, 3, TRACKER.techIssueNote);
    mine.setNote('TL: call IT tomorrow');
    type(ws, 3, TRACKER.techIssueNote, 'Dev - 12/2/2026 - fine');
    expect(mine.getNote()).toBe('TL: call IT tomorrow');
  });

  it('treats formula-looking text as text and flags a real formula by what it is', () => {
    const ws = setUpWorkspace(2);
    const text = type(ws, 2, TRACKER.coachingNote, '\'=HYPERLINK("http://evil") - 12/3/2026 - x');
    expect(text.getFormula()).toBe('');
    const formula = cell(ws, 3, TRACKER.coachingNote);
    formula.setFormula('=HYPERLINK("http://evil","click")');
    validateEditedRange(formula);
    expect(formula.getNote()).toMatch(/holds a formula/);
    expect(formula.getFormula()).toBe('=HYPERLINK("http://evil","click")');
  });

  it('warns (never blocks) about an N-Number that looks like an NPN', () => {
    const ws = setUpWorkspace(1);
    const range = type(ws, 2, TRACKER.nNumber, '17654321');
    expect(range.getValue()).toBe('17654321');
    expect(range.getNote()).toContain(NNUMBER_FLAG_PREFIX);
    expect(range.getNote()).toMatch(/NPN/);
    expect(range.getBackground()).toBe(COLOR.warning);
  });

  it('ignores edits outside the watched columns and sheets', () => {
    const ws = setUpWorkspace(1);
    const other = type(ws, 2, TRACKER.exemption, 'Dev - 2/30/2026 - x');
    expect(other.getNote()).toBe('');
    const settings = ws.tracker.sheet(SHEET.settings).getRange(2, 2);
    expect(validateEditedRange(settings).checked).toBe(0);
  });

  it('re-validates every row with a constant number of Range calls (10 vs 1,000 agents)', () => {
    const run = (agents: number) => {
      const ws = setUpWorkspace(agents);
      const table = SheetTable.open(ws.tracker, SHEET.tracker);
      for (const i of table.rowIndexes()) {
        table.set(i, TRACKER.attendanceNote, i % 2 ? 'Dev - 2/30/2026 - bad' : 'Dev – 12/1/2026 – good');
      }
      table.flush();
      ws.meter.reset();
      const counts = validateAllNotes(ws.tracker.sheet(SHEET.tracker));
      expect(counts.invalid).toBe(Math.floor(agents / 2));
      expect(counts.normalised).toBe(Math.ceil(agents / 2));
      return ws.meter.total('Range');
    };
    expect(run(1000)).toBe(run(10));
  });
});
