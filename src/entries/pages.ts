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
  requireNumberOrText,
  requireOneOf,
  requireText,
  requireTextList,
  requireFileText,
} from '../domain/pageArguments';
import { chooseViewClass, configForAgents } from '../usecases/agentCohort';
import { generateCapDocument } from '../usecases/capDocument';
import { loadConfig, readConfig } from '../gas/config';
import { type AttendanceSidebarView, attendanceSidebarView } from '../usecases/attendanceView';
import { type AttendanceSaved, saveHandsCheck } from '../usecases/handsCheck';
import { type ChecklistView, checklistView, type DayDone, markDoneForToday } from '../usecases/checklist';
import { withDocumentLock } from '../gas/lock';
import { documenter } from '../gas/user';
import {
  type AttendanceImport,
  type AttendanceImported,
  applyImport,
  proposeImport,
} from '../usecases/g2tImport';
import { COACHING_LEVELS, COACHING_POLICIES } from '../domain/coaching';
import { type CoachingRecorded, type CoachingView, coachingView, recordCoaching } from '../usecases/coaching';
import { type ExamRecorded, recordExamAttempt } from '../usecases/examAttempts';
import { once } from '../gas/requestOnce';
import { type CohortStatus, cohortStatus, openAgentRow, type Scope } from '../usecases/screens';

function tracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

const SCOPES: readonly Scope[] = ['mine', 'all'];

/**
 * The attendance sidebar's data. `scope` is "mine" or "all"; `header` optionally picks a check; `cohort`
 * optionally picks the class (with several classes the view shows one, on its own clock).
 */
export function getAttendanceView(scope: unknown, header?: unknown, cohort?: unknown): AttendanceSidebarView {
  const which = requireOneOf('getAttendanceView', 'scope', scope ?? 'mine', SCOPES);
  const check = optionalText('getAttendanceView', 'header', header);
  const requested = optionalText('getAttendanceView', 'cohort', cohort) ?? '';
  const user = Session.getActiveUser().getEmail();
  // Read-only and without the lock: readConfig never sends the settings email.
  const choice = chooseViewClass(tracker(), readConfig(tracker()), user, requested);
  return attendanceSidebarView(tracker(), choice.config, which, user, check, choice);
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
    // The agents' class's clock and rule (one class per save: the view shows one class at a time).
    const config = configForAgents(tracker(), loadConfig(tracker()), shown ?? present, 'Save attendance');
    const saved = saveHandsCheck(tracker(), config, check, present, shown, excuses, user);
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
  return withDocumentLock(() => {
    const config = configForAgents(tracker(), loadConfig(tracker()), [agent], 'CAP document');
    return generateCapDocument(tracker(), config, agent, capLevel).url;
  });
}

/** RULES R25 — the signed-in TL's end-of-day checklist (read-only: no lock). */
export function getChecklist(...args: unknown[]): ChecklistView {
  requireNoArguments('getChecklist', args);
  return checklistView(tracker(), readConfig(tracker()), Session.getActiveUser().getEmail());
}

/** RULES R25 — "Done for today": one `TL Checklist` row per TL per day, under the document lock. */
export function markDayDone(...args: unknown[]): DayDone {
  requireNoArguments('markDayDone', args);
  const user = Session.getActiveUser().getEmail();
  return withDocumentLock(() => markDoneForToday(tracker(), loadConfig(tracker()), user));
}

/**
 * What importing a GoTo Training attendance export (the CSV's text, read in the page) would write for the
 * class `cohort` (optional): each agent's code, missed checks, note line; unmatched attendees. Read-only.
 */
export function previewAttendanceImport(csv: unknown, cohort?: unknown): AttendanceImport {
  const text = requireFileText('previewAttendanceImport', 'csv', csv);
  const requested = optionalText('previewAttendanceImport', 'cohort', cohort) ?? '';
  const user = Session.getActiveUser().getEmail();
  const choice = chooseViewClass(tracker(), readConfig(tracker()), user, requested);
  return proposeImport(tracker(), choice.config, text, user);
}

/** Writes the import previewAttendanceImport showed (recomputed under the lock; RULES R19). */
export function importAttendance(csv: unknown, cohort?: unknown): AttendanceImported {
  const text = requireFileText('importAttendance', 'csv', csv);
  const requested = optionalText('importAttendance', 'cohort', cohort) ?? '';
  const user = Session.getActiveUser().getEmail();
  return withDocumentLock(() => {
    const choice = chooseViewClass(tracker(), loadConfig(tracker()), user, requested);
    return applyImport(tracker(), choice.config, text, user);
  });
}

/** The Coaching & exams sidebar's data; `oid` picks the agent whose facts and history are shown. */
export function getCoachingView(oid?: unknown): CoachingView {
  const agent = optionalText('getCoachingView', 'oid', oid);
  // Read-only and without the lock: readConfig never sends the settings email.
  const config = configForAgents(tracker(), readConfig(tracker()), agent ? [agent] : [], 'Coaching');
  return coachingView(tracker(), config, Session.getActiveUser().getEmail(), agent);
}

/**
 * Records one AHIP final-exam attempt (RULES R20). `date` is `YYYY-MM-DD`, `score` 0-100 or "88%";
 * `requestId` makes a double-click record it once (the second call gets the first answer).
 */
export function saveExamAttempt(
  oid: unknown,
  date: unknown,
  score: unknown,
  requestId: unknown,
): ExamRecorded & { repeated: boolean } {
  const fn = 'saveExamAttempt';
  const input = {
    oid: requireText(fn, 'oid', oid),
    date: requireText(fn, 'date', date),
    score: requireNumberOrText(fn, 'score', score),
  };
  const request = requireText(fn, 'requestId', requestId);
  const user = documenter();
  return withDocumentLock(() =>
    once(request, () => {
      const config = configForAgents(tracker(), loadConfig(tracker()), [input.oid], 'AHIP exam attempt');
      return recordExamAttempt(tracker(), config, input, user);
    }),
  );
}

/** Records Verbal Coaching or a Written CAP (RULES R21), once per `requestId`. */
export function saveCoaching(
  oid: unknown,
  level: unknown,
  policy: unknown,
  facts: unknown,
  requestId: unknown,
): CoachingRecorded & { repeated: boolean } {
  const fn = 'saveCoaching';
  const input = {
    oid: requireText(fn, 'oid', oid),
    level: requireOneOf(fn, 'level', level, COACHING_LEVELS),
    policy: requireOneOf(fn, 'policy', policy, COACHING_POLICIES),
    facts: requireText(fn, 'facts', facts),
  };
  const request = requireText(fn, 'requestId', requestId);
  const user = documenter();
  return withDocumentLock(() =>
    once(request, () => {
      const config = configForAgents(tracker(), loadConfig(tracker()), [input.oid], 'Coaching');
      return recordCoaching(tracker(), config, input, user);
    }),
  );
}
