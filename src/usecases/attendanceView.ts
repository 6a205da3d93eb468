/**
 * The attendance sidebar's data (plain JSON for google.script.run): per agent, this check's state
 * (present | absent | excused, with the excuse's reason) and the MIA rule's view of them — MIA now, one
 * miss away, or returned (present again after an MIA episode, with the check they returned at). Excuses
 * are read from the tracker's `Attendance Note` exactly as the rule reads them (src/usecases/attendanceRule.ts).
 */
import { attendanceRun, excusedChecks } from '../domain/attendance';
import {
  ATTENDANCE_FIXED_HEADERS,
  attendanceCheckHeaders,
  isAttendanceCheckHeader,
  TRACKER,
  WORKBOOK,
} from '../domain/contract';
import { toBool } from '../domain/values';
import { recordedChecks } from './attendanceRule';
import { now } from '../gas/clock';
import { rowInCohort } from './cohorts';
import type { Config } from '../gas/config';
import { defaultCheck, type Scope } from './screens';
import { SheetTable, type Spreadsheet } from '../gas/sheetTable';

const [NAME_H, OID_H, TL_H] = ATTENDANCE_FIXED_HEADERS;

export type CheckState = 'present' | 'absent' | 'excused';

export interface AttendanceSidebarAgent {
  oid: string;
  name: string;
  tlName: string;
  /** This check's state: a ticked box is present (it wins over an excuse). */
  state: CheckState;
  /** `state === 'present'`, for older pages. */
  present: boolean;
  /** The excuse's reason when `state === 'excused'`, else ''. */
  excuseReason: string;
  consecutiveMisses: number;
  atOneMiss: boolean;
  /** MIA now (the latest run of misses is at the threshold). */
  mia: boolean;
  /** The check the agent returned at after their latest MIA episode; '' when not returned. */
  returnedAt: string;
}

export interface AttendanceSidebarView {
  checks: string[];
  current: string;
  scope: Scope;
  user: string;
  /** True when the user leads no agent, so "mine" fell back to everyone. */
  showingAll: boolean;
  threshold: number;
  agents: AttendanceSidebarAgent[];
  /** The classes the TL can switch between ([] with a single cohort): the view shows one class at a time. */
  cohorts: string[];
  /** The class shown, whose clock picked `current` ('' with a single cohort). */
  cohort: string;
}

export function attendanceSidebarView(
  ss: Spreadsheet,
  config: Config,
  scope: Scope,
  user: string,
  header?: string,
  classes: { cohorts: string[]; cohort: string } = { cohorts: [], cohort: '' },
): AttendanceSidebarView {
  const checks = attendanceCheckHeaders();
  const current = header && isAttendanceCheckHeader(header) ? header : defaultCheck(config, now());
  const attendance = SheetTable.of(ss, WORKBOOK.attendance, [OID_H, NAME_H, ...checks]);
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid, TRACKER.tlEmail]);
  const trackerRow = new Map(
    tracker.rowIndexes().map((i) => [tracker.text(i, TRACKER.oid).toLowerCase(), i]),
  );
  const hasNotes = tracker.has(TRACKER.attendanceNote);
  const rows = attendance.rowIndexes();
  const excusedOf = new Map(
    rows.map((i) => {
      const t = trackerRow.get(attendance.text(i, OID_H).toLowerCase());
      const note = t === undefined || !hasNotes ? '' : tracker.text(t, TRACKER.attendanceNote);
      return [i, excusedChecks(note, checks)];
    }),
  );
  const recorded = recordedChecks(attendance, checks, current, (i, h) => excusedOf.get(i)?.has(h) ?? false);
  const threshold = config.settings.miaConsecutiveMisses;
  // With several classes, only the shown class's agents (their checks are on its own clock).
  const inClass = rows.filter((i) => {
    if (!config.cohort) return true;
    const t = trackerRow.get(attendance.text(i, OID_H).toLowerCase());
    return t !== undefined && rowInCohort(config, tracker, t);
  });
  const everyone = inClass.map((i): AttendanceSidebarAgent & { tlEmail: string } => {
    const oid = attendance.text(i, OID_H);
    const excused = excusedOf.get(i) ?? new Map<string, string>();
    const values = Object.fromEntries(recorded.map((h) => [h, attendance.value(i, h)]));
    const run = recorded.length
      ? attendanceRun(recorded, values, recorded[recorded.length - 1], threshold, excused)
      : null;
    const present = toBool(attendance.value(i, current));
    const reason = present ? undefined : excused.get(current);
    const t = trackerRow.get(oid.toLowerCase());
    return {
      oid,
      name: attendance.text(i, NAME_H),
      tlName: attendance.has(TL_H) ? attendance.text(i, TL_H) : '',
      tlEmail: t === undefined ? '' : tracker.text(t, TRACKER.tlEmail).toLowerCase(),
      state: present ? 'present' : reason !== undefined ? 'excused' : 'absent',
      present,
      excuseReason: reason ?? '',
      consecutiveMisses: run?.consecutiveMisses ?? 0,
      atOneMiss: run?.atOneMiss ?? false,
      mia: run?.isMia ?? false,
      returnedAt: run && !run.isMia ? run.returnedAt : '',
    };
  });
  const me = user.toLowerCase();
  const mine = everyone.filter((a) => me && a.tlEmail === me);
  const showingAll = scope === 'all' || mine.length === 0;
  return {
    checks,
    current,
    scope,
    user,
    showingAll,
    threshold,
    agents: (showingAll ? everyone : mine).map(({ tlEmail: _tlEmail, ...agent }) => agent),
    cohorts: classes.cohorts,
    cohort: classes.cohort,
  };
}
