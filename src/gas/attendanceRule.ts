/**
 * Behaviour 5's rule — MIA from the Attendance sheet's hands checks. An agent who misses `MIA Consecutive
 * Misses` checks in a row is marked `MIA` in the tracker's `Attendance` column, gets a script-written
 * `Name - Date - Note` line in `Attendance Note` (existing lines kept), and is reported once to the ESP
 * manager(s).
 *
 * When is a check "taken"? When its time has passed on the working clock AND the TL recorded it, i.e. at
 * least one agent is ticked for it. A check nobody ticked means the TL did not record it (a busy TL must
 * not turn a whole cohort MIA); an unticked box in a recorded check is a miss.
 *
 * Installable triggers do not fire on script edits, so the attendance sidebar calls this after its
 * batched write, and the nightly sweep calls it again.
 */
import { dedupeKey } from '../domain/alerts';
import { attendanceCheckHeaders, SHEET, TRACKER } from '../domain/contract';
import { attendanceRun, miaNoteLine } from '../domain/attendance';
import { toBool } from '../domain/values';
import type { WorkingClock } from '../domain/workingClock';
import type { Config } from './config';
import { requireClock } from './config';
import type { Mailer } from './mailer';
import { SheetTable, type Spreadsheet } from './sheetTable';
import { composed } from './mailRecipes';

export interface AttendanceOutcome {
  /** Agents newly marked MIA by this run. */
  newlyMia: string[];
  /** Every agent currently at the MIA threshold. */
  mia: { oid: string; name: string; missed: string[] }[];
  /** One more miss makes them MIA: the TL should reach out now. */
  atOneMiss: { oid: string; name: string }[];
  /** The latest hands check that counts as taken, or '' before the first. */
  lastTaken: string;
}

/** The latest check (header) whose time has passed, across Days 1-4. */
export function lastPassedCheck(clock: WorkingClock, now: Date): string {
  let latest = '';
  for (let day = 1; day <= 4; day++) {
    for (const check of clock.handsChecks(day))
      if (check.at.getTime() <= now.getTime()) latest = check.header;
  }
  return latest;
}

/** The checks up to `upTo` that the TL recorded: at least one agent ticked (see the rule above). */
export function recordedChecks(attendance: SheetTable, headers: readonly string[], upTo: string): string[] {
  const rows = attendance.rowIndexes();
  return headers
    .slice(0, headers.indexOf(upTo) + 1)
    .filter((h) => rows.some((i) => toBool(attendance.value(i, h))));
}

export function applyAttendanceRule(
  ss: Spreadsheet,
  config: Config,
  now: Date,
  mailer?: Mailer,
): AttendanceOutcome {
  const clock = requireClock(config);
  const headers = attendanceCheckHeaders();
  const attendance = SheetTable.open(ss, SHEET.attendance, ['OID', ...headers]);
  const passed = lastPassedCheck(clock, now);
  const outcome: AttendanceOutcome = { newlyMia: [], mia: [], atOneMiss: [], lastTaken: '' };
  if (!passed) return outcome;
  const rows = attendance.rowIndexes();
  const recorded = recordedChecks(attendance, headers, passed);
  if (recorded.length === 0) return outcome;
  outcome.lastTaken = recorded[recorded.length - 1];

  const tracker = SheetTable.open(ss, SHEET.tracker, [
    TRACKER.oid,
    TRACKER.agentName,
    TRACKER.attendance,
    TRACKER.attendanceNote,
  ]);
  const trackerRow = new Map(
    tracker.rowIndexes().map((i) => [tracker.text(i, TRACKER.oid).toLowerCase(), i]),
  );
  const today = config.zone.ymd(now);
  for (const i of rows) {
    const oid = attendance.text(i, 'OID');
    const values = Object.fromEntries(recorded.map((h) => [h, attendance.value(i, h)]));
    const run = attendanceRun(recorded, values, outcome.lastTaken, config.settings.miaConsecutiveMisses);
    const t = trackerRow.get(oid.toLowerCase());
    const name = t === undefined ? attendance.text(i, 'Agent Name') : tracker.text(t, TRACKER.agentName);
    if (run.atOneMiss) outcome.atOneMiss.push({ oid, name });
    if (!run.isMia) continue;
    outcome.mia.push({ oid, name, missed: run.missedHeaders });
    if (t === undefined || tracker.text(t, TRACKER.attendance) === 'MIA') continue;
    tracker.set(t, TRACKER.attendance, 'MIA');
    const line = miaNoteLine('ESP Licensing', today, run.missedHeaders);
    const existing = tracker.text(t, TRACKER.attendanceNote);
    tracker.setText(t, TRACKER.attendanceNote, existing ? `${existing}\n${line}` : line);
    outcome.newlyMia.push(name);
    const tlName = tracker.has(TRACKER.tlName) ? tracker.text(t, TRACKER.tlName) : '';
    mailer?.queue({
      kind: 'mia',
      to: config.settings.espManagerEmails,
      ...composed('mia', { agent: { name, oid, tlName }, ymd: today, missed: run.missedHeaders }),
      urgent: true,
      // Reported once per agent per cohort, whatever day the sweep or sidebar notices it.
      dedupeKey: dedupeKey('mia', config.settings.day1 ?? '', oid),
      agents: [name],
    });
  }
  tracker.flush();
  return outcome;
}
