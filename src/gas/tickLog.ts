/**
 * Tick stamping on the shared progress report. An installable edit trigger (`onReportEdit`) records
 * every tick and untick of an item with its time in a hidden, owner-only `Tick Log` sheet, and stamps
 * the row's `Last Self-Report` — both out of the agents' reach, so pace can be measured honestly.
 * Installable triggers run as the installer, so writing to protected cells works.
 */
import { BLOCKERS, LAST_SELF_REPORT, TICK_LOG_HEADERS, TICK_LOG_SHEET } from '../domain/progressReport';
import { now } from './clock';
import { headerKey, SheetTable } from './sheetTable';

export const REPORT_EDIT_HANDLER = 'onReportEdit';

/** Installs the report's edit trigger once; returns true when it had to create it. */
export function ensureReportTrigger(reportId: string): boolean {
  const exists = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === REPORT_EDIT_HANDLER && t.getTriggerSourceId() === reportId,
  );
  if (exists) return false;
  ScriptApp.newTrigger(REPORT_EDIT_HANDLER).forSpreadsheet(reportId).onEdit().create();
  return true;
}

export interface TickStampResult {
  ticks: number;
  rowsStamped: number;
}

/** Handles one edit event on the progress report (one cell or a pasted block). */
export function stampReportEdit(range: GoogleAppsScript.Spreadsheet.Range): TickStampResult {
  const sheet = range.getSheet();
  const result: TickStampResult = { ticks: 0, rowsStamped: 0 };
  if (sheet.getName() !== 'Progress') return result;
  const r0 = Math.max(range.getRow(), 2);
  const r1 = range.getRow() + range.getNumRows() - 1;
  if (r1 < r0) return result;
  const headers = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((h) => String(h).trim());
  const c0 = range.getColumn();
  const keyOf = (c: number) => headerKey(headers[c - 1]);
  const lastSelfCol = headers.findIndex((h) => headerKey(h) === headerKey(LAST_SELF_REPORT)) + 1;
  const fixed = new Set(['agent name', 'oid', headerKey(LAST_SELF_REPORT)]);
  const block = sheet.getRange(r0, 1, r1 - r0 + 1, headers.length).getValues();
  const at = now();
  const log = SheetTable.open(sheet.getParent(), TICK_LOG_SHEET, TICK_LOG_HEADERS);
  const stamped = new Set<number>();
  for (let r = r0; r <= r1; r++) {
    const row = block[r - r0];
    const oid = String(row[1] ?? '').trim();
    if (!oid) continue;
    for (let c = c0; c < c0 + range.getNumColumns(); c++) {
      const key = keyOf(c);
      if (!key || fixed.has(key)) continue;
      stamped.add(r);
      if (key === headerKey(BLOCKERS)) continue;
      log.append({
        At: at,
        OID: oid,
        'Agent Name': String(row[0] ?? ''),
        Item: headers[c - 1],
        Checked: row[c - 1] === true,
        Row: r,
      });
      result.ticks++;
    }
  }
  log.flush();
  if (stamped.size > 0 && lastSelfCol > 0) {
    const rows = [...stamped].sort((a, b) => a - b);
    const first = rows[0];
    const span = rows[rows.length - 1] - first + 1;
    const current = sheet.getRange(first, lastSelfCol, span, 1).getValues();
    for (const r of rows) current[r - first][0] = at;
    sheet.getRange(first, lastSelfCol, span, 1).setValues(current);
  }
  result.rowsStamped = stamped.size;
  return result;
}
