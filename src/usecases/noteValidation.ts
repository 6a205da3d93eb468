/**
 * RULES R8 — Name - Date - Note validation of the tracker's three `… Note` columns, plus the
 * N-Number warning. Used by the simple `onEdit` (just the edited block) and by the menu item that
 * re-validates every row. Per column: one read each of values, formulas, notes and backgrounds, at most
 * one write of notes and backgrounds, and for normalised cells one read of number formats and at most
 * three setValues (only the changed cells, see writeRewrites) — the cost does not grow with agents.
 *
 * Invalid text is never deleted or rewritten: the cell is coloured and gets a note saying what is
 * wrong. Only notes and colours this script set are ever cleared, so a TL's own cell notes survive.
 * A fully valid cell is rewritten in the normalised form (`Name - M/D/YYYY - Note` per line).
 */
import { NOTE_HEADERS, SHEET, TRACKER } from '../domain/contract';
import { parseNoteCell } from '../domain/nameDateNote';
import { nNumberWarning } from '../domain/nNumber';
import { formatMdy, type Zone } from '../domain/timeZone';
import { cellInput, isValidDate, toText } from '../domain/values';
import { COLOR } from '../domain/workbookPlan';
import { now } from '../gas/clock';
import { headerKey, type Sheet } from '../gas/sheetTable';
import { spreadsheetZone } from '../gas/zone';

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

function judge(kind: ColumnKind, value: unknown, formula: string, zone: Zone): Verdict {
  const today = zone.ymd(now());
  if (formula) {
    const why =
      kind === 'note'
        ? `${NOTE_FLAG_PREFIX}\nThis cell holds a formula (${formula.slice(0, 60)}), not a note. Type the entry as text: Name - Date - Note.`
        : `${NNUMBER_FLAG_PREFIX} This cell holds a formula (${formula.slice(0, 60)}); type the N-Number as text.`;
    return { flag: why, rewrite: null };
  }
  if (kind === 'note' && isValidDate(value)) {
    // A bare date typed into the cell ("4/14") is parsed by Sheets into a date value.
    const shown = formatMdy(zone.ymd(value));
    return {
      flag: `${NOTE_FLAG_PREFIX}\nSheets read this cell as the date ${shown}, not a note. Type the entry as Name - Date - Note (e.g. Jordan Lee - ${shown} - Called).`,
      rewrite: null,
    };
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
  zone: Zone,
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
  /** Normalised text per block row; only these cells are written (other cells are never touched). */
  const rewrites = new Map<number, string>();
  values.forEach(([value], r) => {
    if (toText(value) !== '') counts.checked++;
    const verdict = judge(kind, value, formulas[r][0], zone);
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
      rewrites.set(r, verdict.rewrite);
      counts.normalised++;
    }
  });
  if (notesChanged) {
    range.setNotes(notes);
    range.setBackgrounds(backgrounds);
  }
  writeRewrites(range, values, formulas, rewrites);
}

/** At most this many separate writes per column; more runs are written as one block. */
const MAX_RUN_WRITES = 3;

/**
 * Writes only the rewritten cells, as text Sheets keeps as text: one setValues per run of consecutive
 * rewritten rows, so cells in between are never touched (a formula stays a formula, text such as
 * `=SUM(1,1)` typed with an apostrophe stays text, a TL's edit made since the read is kept). When a
 * column has more than MAX_RUN_WRITES runs (a first validation of many entries), one setValues covers
 * first to last rewritten row and each cell in between is written back as read: its formula, its
 * value, its text kept as text. Calls per column are therefore bounded whatever the number of agents.
 */
function writeRewrites(
  range: GoogleAppsScript.Spreadsheet.Range,
  values: unknown[][],
  formulas: string[][],
  rewrites: Map<number, string>,
): void {
  if (rewrites.size === 0) return;
  const rows = [...rewrites.keys()].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  const formats = range.getNumberFormats();
  const input = (r: number): unknown => {
    const text = rewrites.get(r);
    if (text !== undefined) return cellInput(text, formats[r][0]);
    if (formulas[r][0]) return formulas[r][0];
    return cellInput(values[r][0], formats[r][0]);
  };
  const write = (from: number, to: number) => {
    const block: unknown[][] = [];
    for (let r = from; r <= to; r++) block.push([input(r)]);
    range.offset(from, 0, block.length, 1).setValues(block);
  };
  if (runs.length <= MAX_RUN_WRITES) for (const [from, to] of runs) write(from, to);
  else write(rows[0], rows[rows.length - 1]);
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
  const zone = spreadsheetZone(sheet.getParent());
  for (const [col, kind] of watchedColumns(sheet)) {
    if (col >= c0 && col <= c1)
      validateBlock(sheet, col, kind, firstRow, lastRow - firstRow + 1, zone, counts);
  }
  return counts;
}

/** Re-validates every row of the tracker's watched columns (menu). */
export function validateAllNotes(sheet: Sheet): ValidationCounts {
  const counts: ValidationCounts = { checked: 0, invalid: 0, normalised: 0, warnings: 0 };
  const rows = sheet.getLastRow() - 1;
  if (rows < 1) return counts;
  const zone = spreadsheetZone(sheet.getParent());
  for (const [col, kind] of watchedColumns(sheet)) validateBlock(sheet, col, kind, 2, rows, zone, counts);
  return counts;
}
