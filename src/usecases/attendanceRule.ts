/**
 * The attendance rule — MIA from the Attendance sheet's hands checks (the pure rule and its decisions are
 * in src/domain/attendance.ts). An agent whose latest run of misses (excused checks skipped) reaches `MIA
 * Consecutive Misses` is marked `MIA` in the tracker's `Attendance` column, gets a script-written `Name -
 * Date - Note` line in `Attendance Note` (existing lines kept), and is reported once per MIA episode to the
 * ESP manager(s). When an MIA agent is present at a later check they have RETURNED: `Attendance` becomes
 * `Unresponsive/Missing During Class` (the policy code for an agent who went missing during class and came
 * back), a `Returned at <check>` line is added, and the ESP manager(s) get one "returned" notice.
 *
 * Excused checks (an HR-approved absence) are stored as the checkbox left unticked plus an `Excused
 * <check>: <reason>` line in the tracker's `Attendance Note` (the record of the approval; a later `Excuse
 * withdrawn <check>` line withdraws it). The Attendance sheet keeps plain checkbox values, nothing is
 * deleted, and a TL may excuse a check by typing the line in the tracker themselves.
 *
 * When is a check "taken"? When its time has passed on the working clock AND the TL recorded it, i.e. at
 * least one agent is ticked or excused for it. A check nobody ticked means the TL did not record it (a busy
 * TL must not turn a whole cohort MIA); an unticked, unexcused box in a recorded check is a miss.
 *
 * Installable triggers do not fire on script edits, so the attendance sidebar calls this after its
 * batched write (passing the excuses it saves), and the nightly sweep calls it again.
 */
import { dedupeKey } from '../domain/alerts';
import {
  ATTENDANCE_CODES,
  ATTENDANCE_FIXED_HEADERS,
  attendanceCheckHeaders,
  TRACKER,
  type AttendanceCheckHeader,
  type AttendanceHeader,
  type TrackerHeader,
  WORKBOOK,
  ATTENDANCE_DAYS,
} from '../domain/contract';
import {
  attendanceRun,
  excusedChecks,
  excuseNoteLine,
  excuseReason,
  excuseWithdrawnLine,
  miaNoteLine,
  returnedNoteLine,
} from '../domain/attendance';
import { toBool } from '../domain/values';
import type { WorkingClock } from '../domain/workingClock';
import { rowInCohort } from './cohorts';
import type { Config } from '../gas/config';
import { requireClock } from '../gas/config';
import { lazyTrackerLinks } from '../gas/emailLinks';
import type { Mailer } from '../gas/mailer';
import { SheetTable, type Spreadsheet } from '../gas/sheetTable';
import { composed } from '../gas/mailRecipes';

type AttendanceCode = (typeof ATTENDANCE_CODES)[number];
/** The tracker's `Attendance` value while an agent is MIA. */
export const MIA_CODE: AttendanceCode = 'MIA';
/** The tracker's `Attendance` value once an MIA agent has returned. */
export const RETURNED_CODE: AttendanceCode = 'Unresponsive/Missing During Class';
const SCRIPT_NAME = 'ESP Licensing';
const [NAME_H, OID_H] = ATTENDANCE_FIXED_HEADERS;

export interface AttendanceOutcome {
  /** Agents newly marked MIA by this run. */
  newlyMia: string[];
  /** Every agent MIA NOW (latest run of misses at the threshold), with that run's missed checks. */
  mia: { oid: string; name: string; missed: string[] }[];
  /** One more miss makes them MIA: the TL should reach out now. */
  atOneMiss: { oid: string; name: string }[];
  /** Agents whose latest MIA episode ended with a presence (not MIA now): where they returned. */
  returned: { oid: string; name: string; returnedAt: string; missed: string[] }[];
  /** Agents whose tracker `Attendance` this run changed from MIA to returned. */
  newlyReturned: string[];
  /** The latest hands check that counts as taken, or '' before the first. */
  lastTaken: string;
}

/** Excuses saved with one hands check (from the sidebar). OIDs in any case. */
export interface ExcuseChanges {
  header: string;
  /** OID → reason: these agents are excused for `header`. */
  excuse: ReadonlyMap<string, string>;
  /** OIDs saved present or absent for `header`: an excuse they had for it is withdrawn. */
  unexcuse: ReadonlySet<string>;
  /** Who documents it: the user's email; the note line uses their TL Name when the tracker has it. */
  by: string;
}

/** The latest check (header) whose time has passed, across the Attendance sheet's days. */
export function lastPassedCheck(clock: WorkingClock, now: Date): string {
  let latest = '';
  for (let day = 1; day <= ATTENDANCE_DAYS; day++) {
    for (const check of clock.handsChecks(day))
      if (check.at.getTime() <= now.getTime()) latest = check.header;
  }
  return latest;
}

/**
 * The checks up to `upTo` that the TL recorded: at least one agent ticked, or excused (`isExcused(row,
 * header)`) — see the rule above.
 */
export function recordedChecks(
  attendance: SheetTable<AttendanceHeader>,
  headers: readonly AttendanceCheckHeader[],
  upTo: string,
  isExcused: (row: number, header: string) => boolean = () => false,
  rows: readonly number[] = attendance.rowIndexes(),
): AttendanceCheckHeader[] {
  return headers
    .slice(0, (headers as readonly string[]).indexOf(upTo) + 1)
    .filter((h) => rows.some((i) => toBool(attendance.value(i, h)) || isExcused(i, h)));
}

/** The name that documents a TL's note line: their `TL Name` in the tracker, else their email. */
export function documenter(tracker: SheetTable<TrackerHeader>, email: string): string {
  const me = email.trim().toLowerCase();
  if (me && tracker.has(TRACKER.tlEmail) && tracker.has(TRACKER.tlName)) {
    for (const i of tracker.rowIndexes())
      if (tracker.text(i, TRACKER.tlEmail).toLowerCase() === me && tracker.text(i, TRACKER.tlName))
        return tracker.text(i, TRACKER.tlName);
  }
  return me || SCRIPT_NAME;
}

function appendLine(tracker: SheetTable<TrackerHeader>, t: number, line: string): void {
  const existing = tracker.text(t, TRACKER.attendanceNote);
  tracker.setText(t, TRACKER.attendanceNote, existing ? `${existing}\n${line}` : line);
}

/** Writes the excuse / withdrawal lines of `changes` into the tracker (queued, flushed by the caller). */
function recordExcuses(
  tracker: SheetTable<TrackerHeader>,
  trackerRow: ReadonlyMap<string, number>,
  changes: ExcuseChanges,
  headers: readonly string[],
  today: string,
): void {
  const by = documenter(tracker, changes.by);
  for (const [oid, reason] of changes.excuse) {
    const t = trackerRow.get(oid.trim().toLowerCase());
    if (t === undefined) continue;
    const current = excusedChecks(tracker.text(t, TRACKER.attendanceNote), headers).get(changes.header);
    if (current !== undefined && current === (excuseReason(reason) || 'excused')) continue;
    appendLine(tracker, t, excuseNoteLine(by, today, changes.header, reason));
  }
  for (const oid of changes.unexcuse) {
    const t = trackerRow.get(oid.trim().toLowerCase());
    if (t === undefined) continue;
    if (!excusedChecks(tracker.text(t, TRACKER.attendanceNote), headers).has(changes.header)) continue;
    appendLine(tracker, t, excuseWithdrawnLine(by, today, changes.header));
  }
}

/** The tracker note holds this rule's MIA line naming the episode's first miss (`… - MIA: missed …`). */
function markedBy(tracker: SheetTable<TrackerHeader>, t: number, episode: readonly string[]): boolean {
  const first = episode[0];
  return (
    first !== undefined &&
    tracker
      .text(t, TRACKER.attendanceNote)
      .split('\n')
      .some((line) => line.includes('MIA: missed ') && line.includes(first))
  );
}

export function applyAttendanceRule(
  ss: Spreadsheet,
  config: Config,
  now: Date,
  mailer?: Mailer,
  changes?: ExcuseChanges,
): AttendanceOutcome {
  const clock = requireClock(config);
  const headers = attendanceCheckHeaders();
  const outcome: AttendanceOutcome = {
    newlyMia: [],
    mia: [],
    atOneMiss: [],
    returned: [],
    newlyReturned: [],
    lastTaken: '',
  };
  const passed = lastPassedCheck(clock, now);
  if (!passed && !changes) return outcome;
  const attendance = SheetTable.of(ss, WORKBOOK.attendance, [OID_H, ...headers]);
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [
    TRACKER.oid,
    TRACKER.agentName,
    TRACKER.attendance,
    TRACKER.attendanceNote,
  ]);
  // One class's run: only its agents' rows, so another class's ticks never mark its checks taken.
  const trackerRow = new Map(
    tracker
      .rowIndexes()
      .filter((i) => rowInCohort(config, tracker, i))
      .map((i) => [tracker.text(i, TRACKER.oid).toLowerCase(), i]),
  );
  const today = config.zone.ymd(now);
  if (changes) recordExcuses(tracker, trackerRow, changes, headers, today);

  const rows = attendance
    .rowIndexes()
    .filter((i) => !config.cohort || trackerRow.has(attendance.text(i, OID_H).toLowerCase()));
  const excusedOf = new Map(
    rows.map((i) => {
      const t = trackerRow.get(attendance.text(i, OID_H).toLowerCase());
      const note = t === undefined ? '' : tracker.text(t, TRACKER.attendanceNote);
      return [i, excusedChecks(note, headers)];
    }),
  );
  const recorded = passed
    ? recordedChecks(attendance, headers, passed, (i, h) => excusedOf.get(i)?.has(h) ?? false, rows)
    : [];
  outcome.lastTaken = recorded[recorded.length - 1] ?? '';
  const day1 = config.settings.day1 ?? '';
  const links = lazyTrackerLinks(ss);

  for (const i of recorded.length ? rows : []) {
    const oid = attendance.text(i, OID_H);
    const values = Object.fromEntries(recorded.map((h) => [h, attendance.value(i, h)]));
    const run = attendanceRun(
      recorded,
      values,
      outcome.lastTaken,
      config.settings.miaConsecutiveMisses,
      excusedOf.get(i),
    );
    const t = trackerRow.get(oid.toLowerCase());
    const name = t === undefined ? attendance.text(i, NAME_H) : tracker.text(t, TRACKER.agentName);
    const agent = {
      name,
      oid,
      tlName: t !== undefined && tracker.has(TRACKER.tlName) ? tracker.text(t, TRACKER.tlName) : '',
    };
    if (run.atOneMiss) outcome.atOneMiss.push({ oid, name });
    if (run.returnedAt) outcome.returned.push({ oid, name, returnedAt: run.returnedAt, missed: run.episode });
    if (run.isMia) outcome.mia.push({ oid, name, missed: run.episode });
    if (t === undefined) continue;
    const code = tracker.text(t, TRACKER.attendance);
    if (run.isMia && code !== MIA_CODE) {
      tracker.set(t, TRACKER.attendance, MIA_CODE);
      appendLine(tracker, t, miaNoteLine(SCRIPT_NAME, today, run.episode));
      outcome.newlyMia.push(name);
      mailer?.queue({
        kind: 'mia',
        to: config.settings.espManagerEmails,
        ...composed('mia', {
          agent,
          ymd: today,
          missed: run.episode,
          links: links(),
          row: tracker.sheetRow(t),
        }),
        urgent: true,
        // Once per MIA episode (named by its first miss), whatever day the sweep or sidebar notices it.
        dedupeKey: dedupeKey('mia', day1, oid, run.episode[0] ?? ''),
        agents: [name],
      });
    } else if (run.returnedAt && code === MIA_CODE && markedBy(tracker, t, run.episode)) {
      // Only an MIA this rule marked (its note line names the episode's first miss) is cleared; an MIA a
      // TL typed by hand stays until they change it.
      tracker.set(t, TRACKER.attendance, RETURNED_CODE);
      appendLine(tracker, t, returnedNoteLine(SCRIPT_NAME, today, run.returnedAt, run.episode));
      outcome.newlyReturned.push(name);
      mailer?.queue({
        kind: 'mia-returned',
        to: config.settings.espManagerEmails,
        ...composed('mia-returned', {
          agent,
          ymd: today,
          returnedAt: run.returnedAt,
          missed: run.episode,
          links: links(),
          row: tracker.sheetRow(t),
        }),
        // Urgent like the MIA alert it answers: the manager may be chasing the agent right now.
        urgent: true,
        // One notice per return (a check ends at most one MIA episode).
        dedupeKey: dedupeKey('mia-returned', day1, oid, run.returnedAt),
        agents: [name],
      });
    }
  }
  tracker.flush();
  return outcome;
}
