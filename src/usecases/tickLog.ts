/**
 * Tick stamping on the shared progress report. An installable edit trigger (`onReportEdit`) records
 * every tick and untick of an item with its time in a hidden, owner-only `Tick Log` sheet, and stamps
 * the row's `Last Self-Report` — both out of the agents' reach, so pace can be measured honestly.
 * Installable triggers run as the installer (the report's owner), so writing to protected cells works.
 *
 * Columns of the Progress sheet are found by header (a template may order them its own way). The Tick
 * Log is script-owned and protected, so its columns are written in `TICK_LOG_HEADERS` order.
 */
import { PROGRESS_FIXED_HEADERS, PROGRESS_SHEET } from '../domain/contract';
import { LAST_SELF_REPORT, TICK_LOG_HEADERS, TICK_LOG_SHEET } from '../domain/progressReport';
import { cellInput, keepAsText } from '../domain/values';
import { now } from '../gas/clock';
import { headerKey, type Cell, type Sheet, type Spreadsheet } from '../gas/sheetTable';
import { restrictTo } from '../gas/protection';
import { loadRowMap } from '../gas/reportRowMap';

export const REPORT_EDIT_HANDLER = 'onReportEdit';

/** The Tick Log's sheet protection (the script's user only). */
export const TICK_LOG_PROTECTION = 'Tick log (script only)';

/**
 * How long an edit waits for the document lock. Agents tick at the same moments (end of day) and the
 * nightly sweep may hold the lock for minutes, while a lost tick is worse than a slow one: after this
 * brief wait the edit is stamped anyway, appending its log rows with `appendRow`, which Sheets applies
 * atomically (no read-then-write race), instead of the one batched write used under the lock.
 */
export const STAMP_LOCK_WAIT_MS = 5_000;

/**
 * Installs the report's edit trigger once (the sweep's `installTriggers` calls this too). Edit triggers
 * left on an earlier cohort's report are deleted: Settings holds one Progress Report ID, and a project
 * may have only 20 triggers.
 */
export function ensureReportTrigger(reportId: string): boolean {
  if (!reportId) return false;
  let exists = false;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() !== REPORT_EDIT_HANDLER) continue;
    if (trigger.getTriggerSourceId() === reportId && !exists) exists = true;
    else ScriptApp.deleteTrigger(trigger);
  }
  if (exists) return false;
  ScriptApp.newTrigger(REPORT_EDIT_HANDLER).forSpreadsheet(reportId).onEdit().create();
  return true;
}

/** A hidden, owner-only log of every tick and untick, written by onReportEdit. */
export function ensureTickLog(report: Spreadsheet): Sheet {
  const existing = report.getSheetByName(TICK_LOG_SHEET);
  if (existing) return existing;
  const sheet = report.insertSheet(TICK_LOG_SHEET);
  sheet.getRange(1, 1, 1, TICK_LOG_HEADERS.length).setValues([[...TICK_LOG_HEADERS]]);
  sheet.hideSheet();
  // A sheet protection (not a range) also covers the rows appended later.
  const protection = sheet.protect().setDescription(TICK_LOG_PROTECTION);
  restrictTo(protection, []); // the script's user first, as Google's sample: safe in a Shared Drive
  return sheet;
}

export interface TickStampResult {
  ticks: number;
  rowsStamped: number;
}

/** The trigger's work: the time is taken before waiting for the lock, so a queued edit keeps its moment. */
export function handleReportEdit(range: GoogleAppsScript.Spreadsheet.Range): TickStampResult {
  const at = now();
  // Null outside a container-bound context (documented); then the atomic, lock-free path is used.
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  const locked = lock ? lock.tryLock(STAMP_LOCK_WAIT_MS) : false;
  try {
    return stampReportEdit(range, at, locked);
  } finally {
    if (locked) lock?.releaseLock();
  }
}

const SCRIPT_OWNED = new Set([...PROGRESS_FIXED_HEADERS, LAST_SELF_REPORT].map(headerKey));

/**
 * Handles one edit event on the Progress sheet (one cell or a pasted block): every checkbox cell in the
 * edited block becomes a log row `{ at, oid, name, item, checked, row }` (an untick is logged too), and
 * every row with an edit outside the script-owned columns (a checkbox, Blockers, a template's own column)
 * gets `Last Self-Report = at`. Sheets calls: 2 reads and 2 writes, whatever the block's size.
 */
export function stampReportEdit(
  range: GoogleAppsScript.Spreadsheet.Range,
  at: Date,
  locked: boolean,
): TickStampResult {
  const result: TickStampResult = { ticks: 0, rowsStamped: 0 };
  const sheet = range.getSheet();
  // The Progress sheet by name, or by the ID recorded at creation when an agent renamed it.
  if (
    sheet.getName() !== PROGRESS_SHEET &&
    loadRowMap(sheet.getParent().getId())?.sheetId !== sheet.getSheetId()
  )
    return result;
  const r0 = Math.max(range.getRow(), 2);
  const r1 = range.getRow() + range.getNumRows() - 1;
  const lastCol = sheet.getLastColumn();
  if (r1 < r0 || lastCol < 1) return result;
  const headers = sheet
    .getRange(1, 1, 1, lastCol)
    .getValues()[0]
    .map((h) => String(h ?? '').trim());
  const col = (header: string) => headers.findIndex((h) => headerKey(h) === headerKey(header));
  const [nameCol, oidCol, selfCol] = [...PROGRESS_FIXED_HEADERS, LAST_SELF_REPORT].map(col);
  if (oidCol < 0) return result;
  const c0 = range.getColumn() - 1;
  const c1 = Math.min(c0 + range.getNumColumns(), lastCol) - 1;
  const block = sheet.getRange(r0, 1, r1 - r0 + 1, lastCol).getValues() as Cell[][];
  const logRows: Cell[][] = [];
  const stamped: number[] = [];
  block.forEach((row, k) => {
    const oid = String(row[oidCol] ?? '').trim();
    if (!oid) return;
    let selfReport = false;
    for (let c = c0; c <= c1; c++) {
      const key = headerKey(headers[c]);
      if (!key || SCRIPT_OWNED.has(key)) continue;
      selfReport = true;
      const value = row[c];
      if (typeof value !== 'boolean') continue; // a checkbox cell always holds a boolean
      const name = nameCol >= 0 ? String(row[nameCol] ?? '') : '';
      logRows.push([at, keepAsText(oid), keepAsText(name), keepAsText(headers[c]), value, r0 + k]);
    }
    if (selfReport) stamped.push(k);
  });
  appendLog(sheet.getParent(), logRows, locked);
  if (stamped.length > 0 && selfCol >= 0) {
    // One write over the stamped rows' span; rows in between keep the value just read.
    const first = stamped[0];
    const last = stamped[stamped.length - 1];
    // Rows in between get back what was read, strings as text (a typed note must not become a date).
    const column = block.slice(first, last + 1).map((row) => [cellInput(row[selfCol] ?? '')]);
    for (const k of stamped) column[k - first][0] = at;
    sheet.getRange(r0 + first, selfCol + 1, column.length, 1).setValues(column);
  }
  return { ticks: logRows.length, rowsStamped: stamped.length };
}

/** Under the lock: one batched write after the last row. Without it: atomic appendRow per tick. */
function appendLog(report: Spreadsheet, rows: Cell[][], locked: boolean): void {
  if (rows.length === 0) return;
  const log = ensureTickLog(report);
  if (!locked) {
    for (const row of rows) log.appendRow(row);
    return;
  }
  const first = log.getLastRow() + 1;
  const overflow = first + rows.length - 1 - log.getMaxRows();
  if (overflow > 0) log.insertRowsAfter(log.getMaxRows(), overflow);
  log.getRange(first, 1, rows.length, TICK_LOG_HEADERS.length).setValues(rows);
}
