/**
 * Behaviour 4 — Name - Date - Note validation of the tracker's three `… Note` columns, plus the
 * N-Number warning. Used by the simple `onEdit` (just the edited block) and by the menu item that
 * re-validates every row. Per column: one read each of values, notes and backgrounds, and at most one
 * write each (plus one read of formulas) — so the cost does not grow with the number of agents.
 *
 * Invalid text is never deleted or rewritten: the cell is coloured and gets a note saying what is
 * wrong. Only notes and colours this script set are ever cleared, so a TL's own cell notes survive.
 * A fully valid cell is rewritten in the normalised form (`Name - M/D/YYYY - Note` per line).
 */
import { NOTE_HEADERS, SHEET, TRACKER } from '../domain/contract';
import { parseNoteCell } from '../domain/nameDateNote';
import { nNumberWarning } from '../domain/nNumber';
import { neutraliseFormula, toText } from '../domain/values';
import { COLOR } from '../domain/workbookPlan';
import { now } from './clock';
import { headerKey, type Sheet } from './sheetTable';
import { spreadsheetZone } from './zone';

export const NOTE_FLAG_PREFIX = '⚠ Name - Date - Note:';
export const NNUMBER_FLAG_PREFIX = '⚠ N-Number:';
const DEFAULT_BACKGROUND = '#ffffff';

export interface ValidationCounts {
  checked: number;
  invalid: number;
  normalised: number;
  warnings: number;
}

type ColumnKind = 'note' | 'nNumber';

interface Verdict {
  flag: string | null;
  rewrite: string | null;
}

function judge(kind: ColumnKind, value: unknown, formula: string, today: string): Verdict {
  if (formula) {
    const why =
      kind === 'note'
        ? `${NOTE_FLAG_PREFIX}\nThis cell holds a formula (${formula.slice(0, 60)}), not a note. Type the entry as text: Name - Date - Note.`
        : `${NNUMBER_FLAG_PREFIX} This cell holds a formula (${formula.slice(0, 60)}); type the N-Number as text.`;
    return { flag: why, rewrite: null };
  }
  const text = toText(value);
  if (kind === 'nNumber') {
    const warning = nNumberWarning(text);
    return { flag: warning ? `${NNUMBER_FLAG_PREFIX} ${warning}` : null, rewrite: null };
  }
  if (text === '') return { flag: null, rewrite: null };
  const result = parseNoteCell(String(value), today);
  if (!result.ok) return { flag: `${NOTE_FLAG_PREFIX}\n${result.message}`, rewrite: null };
  return { flag: null, rewrite: result.normalized !== String(value) ? result.normalized : null };
}

/** The tracker columns this validator looks after, as 1-based column → kind, from row 1's headers. */
function watchedColumns(sheet: Sheet): Map<number, ColumnKind> {
  const lastCol = sheet.getLastColumn();
  const headers = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  const noteKeys = new Set(NOTE_HEADERS.map(headerKey));
  const watched = new Map<number, ColumnKind>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (noteKeys.has(key)) watched.set(i + 1, 'note');
    else if (key === headerKey(TRACKER.nNumber)) watched.set(i + 1, 'nNumber');
  });
  return watched;
}

function validateBlock(
  sheet: Sheet,
  col: number,
  kind: ColumnKind,
  row: number,
  rows: number,
  today: string,
  counts: ValidationCounts,
): void {
  const range = sheet.getRange(row, col, rows, 1);
  const values = range.getValues();
  // A formula typed into a note column is judged as what it is, not by its computed value.
  const formulas = range.getFormulas();
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const flagColor = kind === 'note' ? COLOR.invalidNote : COLOR.warning;
  const prefix = kind === 'note' ? NOTE_FLAG_PREFIX : NNUMBER_FLAG_PREFIX;
  let notesChanged = false;
  let valuesChanged = false;
  const newValues = values.map((line) => [line[0]]);
  values.forEach(([value], r) => {
    if (toText(value) !== '') counts.checked++;
    const verdict = judge(kind, value, formulas[r][0], today);
    const ours = notes[r][0].startsWith(prefix);
    if (verdict.flag) {
      if (kind === 'note') counts.invalid++;
      else counts.warnings++;
      if (notes[r][0] !== verdict.flag || backgrounds[r][0] !== flagColor) notesChanged = true;
      notes[r][0] = verdict.flag;
      backgrounds[r][0] = flagColor;
    } else if (ours) {
      notes[r][0] = '';
      if (backgrounds[r][0] === flagColor) backgrounds[r][0] = DEFAULT_BACKGROUND;
      notesChanged = true;
    }
    if (verdict.rewrite !== null) {
      newValues[r][0] = neutraliseFormula(verdict.rewrite);
      valuesChanged = true;
      counts.normalised++;
    }
  });
  if (notesChanged) {
    range.setNotes(notes);
    range.setBackgrounds(backgrounds);
  }
  if (valuesChanged) range.setValues(newValues);
}

/** Validates the watched cells inside an edited block (simple onEdit: one cell or a paste). */
export function validateEditedRange(range: GoogleAppsScript.Spreadsheet.Range): ValidationCounts {
  const counts: ValidationCounts = { checked: 0, invalid: 0, normalised: 0, warnings: 0 };
  const sheet = range.getSheet();
  if (sheet.getName() !== SHEET.tracker) return counts;
  const firstRow = Math.max(range.getRow(), 2);
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return counts;
  const c0 = range.getColumn();
  const c1 = c0 + range.getNumColumns() - 1;
  const today = spreadsheetZone(sheet.getParent()).ymd(now());
  for (const [col, kind] of watchedColumns(sheet)) {
    if (col >= c0 && col <= c1)
      validateBlock(sheet, col, kind, firstRow, lastRow - firstRow + 1, today, counts);
  }
  return counts;
}

/** Re-validates every row of the tracker's watched columns (menu). */
export function validateAllNotes(sheet: Sheet): ValidationCounts {
  const counts: ValidationCounts = { checked: 0, invalid: 0, normalised: 0, warnings: 0 };
  const rows = sheet.getLastRow() - 1;
  if (rows < 1) return counts;
  const today = spreadsheetZone(sheet.getParent()).ymd(now());
  for (const [col, kind] of watchedColumns(sheet)) validateBlock(sheet, col, kind, 2, rows, today, counts);
  return counts;
}
