/**
 * Importing a GoTo Training attendance export (RULES R19): the TL picks the exported CSV in the
 * attendance sidebar; `proposeImport` reads it (src/domain/g2tExport.ts), matches attendees to the
 * class's agents and proposes each agent's day (src/domain/g2tAttendance.ts) without writing anything;
 * `applyImport` recomputes the same proposal under the lock and writes it: the Attendance code, the day's
 * hands checks and one `Name - Date - Note` line per agent (RULES R8, appended), one batched write per
 * sheet. Then the MIA rule runs exactly as after a hands check saved by hand (RULES R11), and its alerts
 * go through the mailer.
 *
 * Hands checks: a check the agent was out of the session for is written unticked (missed). A check they
 * were in the session for is ticked, unless the TL already recorded that check by hand (somebody of the
 * class ticked it): then the TL's own record stands (being in the session is not answering a hands check).
 *
 * Re-importing the same file changes nothing: codes and ticks are already what it proposes, and a note
 * line that is already there (whoever documented it) is not added again; with nothing changed, the MIA
 * rule is not run and nothing is sent.
 */
import {
  ATTENDANCE_FIXED_HEADERS,
  type AttendanceCheckHeader,
  type AttendanceHeader,
  SHEET,
  TRACKER,
  type TrackerHeader,
} from '../domain/contract';
import { parseCsv } from '../domain/csv';
import {
  type AttendanceCode,
  dayFacts,
  dayNote,
  dayNoteLine,
  hasDayNote,
  KEPT_CODES,
  matchAttendees,
  proposedCode,
  type RosterAgent,
} from '../domain/g2tAttendance';
import { ExportFormatError, parseAttendanceExport } from '../domain/g2tExport';
import { formatMdy, isTimeZoneId, type Zone } from '../domain/timeZone';
import { toBool } from '../domain/values';
import { applyAttendanceRule, documenter } from './attendanceRule';
import { rowInCohort } from './cohorts';
import { now } from '../gas/clock';
import { type Config, requireClock } from '../gas/config';
import { Mailer } from '../gas/mailer';
import { ContractError, SheetTable, type Spreadsheet } from '../gas/sheetTable';
import { zoneFor } from '../gas/zone';

const OID_H = ATTENDANCE_FIXED_HEADERS[1];

/** One agent of the class in the proposal (plain JSON). */
export interface ImportAgent {
  oid: string;
  name: string;
  /** How the export's attendee was matched: by email, by name, or '' (not in the export). */
  match: 'email' | 'name' | '';
  /** The proposed code ('' when it cannot be known yet). */
  code: AttendanceCode | '';
  /** The tracker's code now. */
  currentCode: string;
  /** The current code is one an import never replaces (MIA, NCNS, HR-approved absence, left). */
  kept: boolean;
  lateMinutes: number;
  earlyMinutes: number;
  missedMinutes: number;
  /** The day's checks (passed) the agent was out of the session for. */
  missedChecks: string[];
  /** Periods in the session, `8:02 AM to 10:01 AM`. */
  periods: string[];
  /** The note line to add ('' when none, or when it is already there). */
  noteLine: string;
  /** Cells this agent's import would change (code, checks, note). */
  changes: number;
}

export interface AttendanceImport {
  cohort: string;
  /** The session's day, `M/D/YYYY`, and its number in the class. */
  date: string;
  day: number;
  /** The zone the export's times were read in. */
  zone: string;
  agents: ImportAgent[];
  unmatched: { name: string; email: string; rows: number }[];
  ambiguous: { name: string; email: string; agents: string[] }[];
  /** Lines of the file that could not be read (named by line, header and value). */
  problems: string[];
  /** Cells the import would change; 0 = importing again changes nothing. */
  changes: number;
}

export interface AttendanceImported extends AttendanceImport {
  written: { codes: number; checks: number; notes: number };
  newlyMia: string[];
  newlyReturned: string[];
}

function zoneOf(id: string): Zone | null {
  return isTimeZoneId(id) ? zoneFor(id) : null;
}

interface Plan {
  view: AttendanceImport;
  tracker: SheetTable<TrackerHeader>;
  attendance: SheetTable<AttendanceHeader>;
  codes: { row: number; code: AttendanceCode }[];
  checks: { row: number; header: AttendanceCheckHeader; present: boolean }[];
  notes: { row: number; line: string }[];
}

function plan(ss: Spreadsheet, config: Config, csv: string, at: Date, user: string): Plan {
  const clock = requireClock(config);
  let parsed;
  try {
    parsed = parseAttendanceExport(parseCsv(csv), config.zone, zoneOf);
  } catch (e) {
    if (e instanceof ExportFormatError) throw new ContractError(e.message);
    throw e;
  }
  if (!parsed.sessions.length) {
    throw new ContractError(
      `The export has no attendee line that could be read.${parsed.problems.length ? ` ${parsed.problems.slice(0, 5).join(' ')}` : ''}`,
    );
  }
  const dates = [...new Set(parsed.sessions.map((s) => config.zone.ymd(s.join)))].sort();
  if (dates.length > 1) {
    throw new ContractError(
      `The export covers ${dates.map(formatMdy).join(', ')} (read in ${parsed.zoneLabel}): export one day's session at a time.`,
    );
  }
  const ymd = dates[0];
  const day = clock.dayNumberOfDate(ymd);
  if (day === null || day < 1 || day > 4) {
    throw new ContractError(
      `The export's session is on ${formatMdy(ymd)}, which is ${day === null ? 'not a working day' : day < 1 ? 'before Day 1' : `Day ${day}`} of the class${config.cohort ? ` "${config.settings.cohortName}"` : ''}: the Attendance sheet has hands checks for Days 1-4 only.`,
    );
  }
  if (clock.dayStartOf(day).getTime() > at.getTime()) {
    throw new ContractError(`The export's session is on ${formatMdy(ymd)}, which has not started yet.`);
  }
  const tracker = SheetTable.open(ss, SHEET.tracker, [
    TRACKER.oid,
    TRACKER.agentName,
    TRACKER.cxpEmail,
    TRACKER.personalEmail,
    TRACKER.attendance,
    TRACKER.attendanceNote,
  ]);
  const dayHeaders = clock.handsChecks(day).map((c) => c.header);
  const attendance = SheetTable.open(ss, SHEET.attendance, [OID_H, ...dayHeaders]);
  const rows = tracker
    .rowIndexes()
    .filter((i) => tracker.text(i, TRACKER.oid) && rowInCohort(config, tracker, i));
  const roster: (RosterAgent & { row: number })[] = rows.map((i) => ({
    row: i,
    oid: tracker.text(i, TRACKER.oid),
    name: tracker.text(i, TRACKER.agentName),
    cxpEmail: tracker.text(i, TRACKER.cxpEmail),
    personalEmail: tracker.text(i, TRACKER.personalEmail),
  }));
  const attendanceRow = new Map(
    attendance.rowIndexes().map((i) => [attendance.text(i, OID_H).toLowerCase(), i]),
  );
  const classRows = roster
    .map((a) => attendanceRow.get(a.oid.toLowerCase()))
    .filter((i): i is number => i !== undefined);
  const recordedByTl = new Set(
    dayHeaders.filter((h) => classRows.some((i) => toBool(attendance.value(i, h)))),
  );
  const matching = matchAttendees(parsed.sessions, roster);
  const by = documenter(tracker, user);
  const result: Plan = {
    view: {} as AttendanceImport,
    tracker,
    attendance,
    codes: [],
    checks: [],
    notes: [],
  };
  const agents: ImportAgent[] = roster.map((agent) => {
    const found = matching.matched.get(agent.oid.toLowerCase());
    const facts = dayFacts(clock, day, found ? found.attendees.flatMap((a) => a.sessions) : [], at);
    const code = proposedCode(facts);
    const currentCode = tracker.text(agent.row, TRACKER.attendance);
    const kept = (KEPT_CODES as readonly string[]).includes(currentCode);
    let changes = 0;
    if (code && !kept && code !== currentCode) {
      result.codes.push({ row: agent.row, code });
      changes++;
    }
    const a = attendanceRow.get(agent.oid.toLowerCase());
    if (a !== undefined) {
      for (const check of facts.checks) {
        const want = check.present ? (recordedByTl.has(check.header) ? null : true) : false;
        if (want === null || toBool(attendance.value(a, check.header)) === want) continue;
        // An unticked cell stays as it is when it is already unticked (blank or FALSE).
        result.checks.push({ row: a, header: check.header, present: want });
        changes++;
      }
    }
    const note = dayNote(code, facts);
    const existing = tracker.text(agent.row, TRACKER.attendanceNote);
    const noteLine = note && !hasDayNote(existing, ymd, note) ? dayNoteLine(by, ymd, note) : '';
    if (noteLine) {
      result.notes.push({ row: agent.row, line: noteLine });
      changes++;
    }
    return {
      oid: agent.oid,
      name: agent.name,
      match: found?.how ?? '',
      code,
      currentCode,
      kept,
      lateMinutes: Math.round(facts.lateMinutes),
      earlyMinutes: Math.round(facts.earlyMinutes),
      missedMinutes: Math.round(facts.missedMinutes),
      missedChecks: facts.checks.filter((c) => !c.present).map((c) => c.header),
      periods: facts.periods.map((p) => `${p.joined} to ${p.left}`),
      noteLine,
      changes,
    };
  });
  result.view = {
    cohort: config.cohort ? config.settings.cohortName : '',
    date: formatMdy(ymd),
    day,
    zone: parsed.zoneLabel,
    agents,
    unmatched: matching.unmatched.map((u) => ({ name: u.name, email: u.email, rows: u.sessions.length })),
    ambiguous: matching.ambiguous.map((m) => ({
      name: m.attendee.name,
      email: m.attendee.email,
      agents: m.agents,
    })),
    problems: parsed.problems,
    changes: agents.reduce((n, a) => n + a.changes, 0),
  };
  return result;
}

/** What importing `csv` would do, without writing anything. */
export function proposeImport(ss: Spreadsheet, config: Config, csv: string, user: string): AttendanceImport {
  return plan(ss, config, csv, now(), user).view;
}

/** Writes the proposal for `csv` (recomputed now, under the caller's lock), then applies the MIA rule. */
export function applyImport(ss: Spreadsheet, config: Config, csv: string, user: string): AttendanceImported {
  const at = now();
  const p = plan(ss, config, csv, at, user);
  for (const c of p.checks) p.attendance.set(c.row, c.header, c.present);
  for (const c of p.codes) p.tracker.set(c.row, TRACKER.attendance, c.code);
  for (const n of p.notes) {
    const existing = p.tracker.text(n.row, TRACKER.attendanceNote);
    p.tracker.setText(n.row, TRACKER.attendanceNote, existing ? `${existing}\n${n.line}` : n.line);
  }
  p.attendance.flush();
  p.tracker.flush();
  const imported: AttendanceImported = {
    ...p.view,
    written: { codes: p.codes.length, checks: p.checks.length, notes: p.notes.length },
    newlyMia: [],
    newlyReturned: [],
  };
  if (p.checks.length === 0) return imported;
  // RULES R11: installable triggers do not fire on script edits, so the rule runs here, as after a save.
  const mailer = new Mailer(ss, config.settings);
  const outcome = applyAttendanceRule(ss, config, at, mailer);
  mailer.flush();
  imported.newlyMia = [...outcome.newlyMia];
  imported.newlyReturned = [...outcome.newlyReturned];
  return imported;
}
