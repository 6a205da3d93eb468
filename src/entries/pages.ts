/**
 * Entry points the sidebars call through `google.script.run`. Each returns plain JSON (no Date, no
 * function: Google fails the whole call otherwise).
 */
import type { CapLevel } from '../domain/contract';
import { generateCapDocument } from '../gas/capDocument';
import { loadConfig } from '../gas/config';
import { type AttendanceSaved, saveHandsCheck } from '../gas/handsCheck';
import { withDocumentLock } from '../gas/lock';
import {
  type AttendanceView,
  attendanceView,
  type CohortStatus,
  cohortStatus,
  openAgentRow,
  type Scope,
} from '../gas/screens';

function tracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The attendance sidebar's data. */
export function getAttendanceView(scope: Scope, header?: string): AttendanceView {
  return attendanceView(
    tracker(),
    loadConfig(tracker()),
    scope === 'all' ? 'all' : 'mine',
    Session.getActiveUser().getEmail(),
    header,
  );
}

/**
 * Saves one hands check (from the attendance sidebar; also usable from the story).
 * Returns plain JSON: counts, who is now MIA and who is one miss away.
 */
export function saveAttendance(header: string, presentOids: string[], shownOids?: string[]): AttendanceSaved {
  return withDocumentLock(() => {
    const saved = saveHandsCheck(tracker(), loadConfig(tracker()), header, presentOids, shownOids);
    return {
      header: saved.header,
      present: saved.present,
      missed: saved.missed,
      mia: saved.outcome.mia.map((m) => ({ oid: m.oid, name: m.name })),
      atOneMiss: saved.outcome.atOneMiss,
      newlyMia: saved.outcome.newlyMia,
    };
  });
}

/** The cohort status screen's data. */
export function getCohortStatus(): CohortStatus {
  return cohortStatus(tracker());
}

/** Selects an agent's row in the tracker. */
export function showAgentRow(oid: string): number {
  return openAgentRow(tracker(), String(oid));
}

/** One agent's CAP document at a level, without a dialog (the story, or a TL's own script). */
export function createCapDocument(oid: string, level?: CapLevel): string {
  return withDocumentLock(() => generateCapDocument(tracker(), loadConfig(tracker()), oid, level).url);
}
