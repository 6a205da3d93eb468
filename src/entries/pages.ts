/**
 * Entry points the sidebars call through `google.script.run`. Each checks its arguments first (a page
 * may send anything) and returns plain JSON (no Date, no function: Google fails the whole call
 * otherwise).
 */
import { CAP_DOCUMENT_LEVELS } from '../domain/capDocument';
import {
  optionalExcuseList,
  optionalText,
  optionalTextList,
  requireNoArguments,
  requireOneOf,
  requireText,
  requireTextList,
} from '../domain/pageArguments';
import { generateCapDocument } from '../gas/capDocument';
import { loadConfig, readConfig } from '../gas/config';
import { type AttendanceSidebarView, attendanceSidebarView } from '../gas/attendanceView';
import { type AttendanceSaved, saveHandsCheck } from '../gas/handsCheck';
import { withDocumentLock } from '../gas/lock';
import { type CohortStatus, cohortStatus, openAgentRow, type Scope } from '../gas/screens';

function tracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

const SCOPES: readonly Scope[] = ['mine', 'all'];

/** The attendance sidebar's data. `scope` is "mine" or "all"; `header` optionally picks a check. */
export function getAttendanceView(scope: unknown, header?: unknown): AttendanceSidebarView {
  const which = requireOneOf('getAttendanceView', 'scope', scope ?? 'mine', SCOPES);
  const check = optionalText('getAttendanceView', 'header', header);
  // Read-only and without the lock: readConfig never sends the settings email.
  return attendanceSidebarView(
    tracker(),
    readConfig(tracker()),
    which,
    Session.getActiveUser().getEmail(),
    check,
  );
}

/**
 * Saves one hands check (from the attendance sidebar; also usable from the story). `excused` lists
 * `{ oid, reason }` for agents with an HR-approved absence at this check (neither present nor missing).
 * Returns plain JSON: counts, who is now MIA, who is one miss away, who returned.
 */
export function saveAttendance(
  header: unknown,
  presentOids: unknown,
  shownOids?: unknown,
  excused?: unknown,
): AttendanceSaved {
  const check = requireText('saveAttendance', 'header', header);
  const present = requireTextList('saveAttendance', 'presentOids', presentOids);
  const shown = optionalTextList('saveAttendance', 'shownOids', shownOids);
  const excuses = optionalExcuseList('saveAttendance', 'excused', excused);
  const user = Session.getActiveUser().getEmail();
  return withDocumentLock(() => {
    const saved = saveHandsCheck(tracker(), loadConfig(tracker()), check, present, shown, excuses, user);
    return {
      header: saved.header,
      present: saved.present,
      missed: saved.missed,
      excused: saved.excused,
      mia: saved.outcome.mia.map((m) => ({ oid: m.oid, name: m.name })),
      atOneMiss: saved.outcome.atOneMiss.map((m) => ({ oid: m.oid, name: m.name })),
      newlyMia: [...saved.outcome.newlyMia],
      newlyReturned: [...saved.outcome.newlyReturned],
    };
  });
}

/** The cohort status screen's data. */
export function getCohortStatus(...args: unknown[]): CohortStatus {
  requireNoArguments('getCohortStatus', args);
  return cohortStatus(tracker());
}

/** Selects an agent's row in the tracker. */
export function showAgentRow(oid: unknown): number {
  return openAgentRow(tracker(), requireText('showAgentRow', 'oid', oid));
}

/**
 * One agent's CAP document at a level, without a dialog (the story, or a TL's own script). A "Final CAP"
 * document issues the Final CAP (`CAP Level` → "Final CAP issued").
 */
export function createCapDocument(oid: unknown, level?: unknown): string {
  const agent = requireText('createCapDocument', 'oid', oid);
  const capLevel =
    level === undefined || level === null || level === ''
      ? undefined
      : requireOneOf('createCapDocument', 'level', level, CAP_DOCUMENT_LEVELS);
  return withDocumentLock(() => generateCapDocument(tracker(), loadConfig(tracker()), agent, capLevel).url);
}
