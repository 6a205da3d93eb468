/**
 * Keeps the Attendance sheet's roster in step with the ESP Tracker: every agent (by OID) gets one row
 * of unticked hands-check boxes. Existing rows, ticks and user columns are never touched; re-running
 * adds only agents that are new. Returns how many rows it added.
 */
import {
  ATTENDANCE_FIXED_HEADERS,
  attendanceCheckHeaders,
  SHEET,
  TRACKER,
  WORKBOOK,
} from '../domain/contract';
import { SheetTable, type Spreadsheet } from '../gas/sheetTable';

const [NAME_H, OID_H, TL_H] = ATTENDANCE_FIXED_HEADERS;

export function syncAttendanceRoster(ss: Spreadsheet): number {
  const trackerSheet = ss.getSheetByName(SHEET.tracker);
  const attendanceSheet = ss.getSheetByName(SHEET.attendance);
  if (!trackerSheet || !attendanceSheet) return 0;
  const tracker = SheetTable.read(trackerSheet, WORKBOOK.tracker, [
    TRACKER.agentName,
    TRACKER.oid,
    TRACKER.tlName,
  ]);
  const checks = attendanceCheckHeaders();
  const attendance = SheetTable.read(attendanceSheet, WORKBOOK.attendance, [
    ...ATTENDANCE_FIXED_HEADERS,
    ...checks,
  ]);
  const known = new Set(attendance.rowIndexes().map((i) => attendance.text(i, OID_H).toLowerCase()));
  const firstNewRow = Math.max(attendanceSheet.getLastRow(), 1) + 1;
  let added = 0;
  for (const i of tracker.rowIndexes()) {
    const oid = tracker.text(i, TRACKER.oid);
    if (!oid || known.has(oid.toLowerCase())) continue;
    known.add(oid.toLowerCase());
    const record: Record<string, string | boolean> = {
      [NAME_H]: tracker.text(i, TRACKER.agentName),
      [OID_H]: oid,
      [TL_H]: tracker.text(i, TRACKER.tlName),
    };
    for (const check of checks) record[check] = false;
    attendance.append(record);
    added++;
  }
  if (added === 0) return 0;
  attendance.flush();
  // One checkbox rule per contiguous run of check columns (one run unless a TL reordered them).
  const cols = checks.map((h) => attendance.col(h) + 1).sort((a, b) => a - b);
  let runStart = cols[0];
  for (let k = 1; k <= cols.length; k++) {
    if (k < cols.length && cols[k] === cols[k - 1] + 1) continue;
    attendanceSheet.getRange(firstNewRow, runStart, added, cols[k - 1] - runStart + 1).insertCheckboxes();
    runStart = cols[k];
  }
  return added;
}
