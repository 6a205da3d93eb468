/** Which sheets the workbook contract has, with their headers, in the order set-up creates them. */
import {
  ALERT_LOG_HEADERS,
  ATTENDANCE_HEADERS,
  COACHING_LOG_HEADERS,
  SCHEDULE_HEADERS,
  SETTINGS_HEADERS,
  SHEET,
  TRACKER_HEADERS,
} from '../domain/contract';

export interface SheetSpec {
  name: string;
  headers: readonly string[];
  frozenColumns: number;
  tabColor: string;
}

export const SHEET_SPECS: readonly SheetSpec[] = [
  { name: SHEET.tracker, headers: TRACKER_HEADERS, frozenColumns: 1, tabColor: '#3c78d8' },
  { name: SHEET.attendance, headers: ATTENDANCE_HEADERS, frozenColumns: 1, tabColor: '#6aa84f' },
  { name: SHEET.coachingLog, headers: COACHING_LOG_HEADERS, frozenColumns: 0, tabColor: '#cc0000' },
  { name: SHEET.alertLog, headers: ALERT_LOG_HEADERS, frozenColumns: 0, tabColor: '#999999' },
  { name: SHEET.dashboard, headers: [], frozenColumns: 0, tabColor: '#f1c232' },
  { name: SHEET.schedule, headers: SCHEDULE_HEADERS, frozenColumns: 0, tabColor: '#674ea7' },
  { name: SHEET.settings, headers: SETTINGS_HEADERS, frozenColumns: 0, tabColor: '#674ea7' },
];
