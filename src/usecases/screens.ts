/**
 * Server side of the TL's screens (called with google.script.run, so everything returned is plain JSON:
 * strings, numbers, booleans, arrays, objects — dates as display text). The pages render it with
 * textContent, never as HTML.
 */
import {
  ATTENDANCE_DAYS,
  type AttendanceCheckHeader,
  type PaceHeader,
  type TrackerHeader,
  attendanceCheckHeaders,
  ISSUE_VALUES,
  PACE_SHEET,
  TRACKER,
  WORKBOOK,
} from '../domain/contract';

import { formatMdy, type Zone } from '../domain/timeZone';
import { isDate } from '../domain/values';
import { type Config, requireClock } from '../gas/config';
import { ContractError, SheetTable, type Spreadsheet } from '../gas/sheetTable';
import { spreadsheetZone } from '../gas/zone';

const PACE = WORKBOOK.pace.headers;

export type Scope = 'mine' | 'all';

/** The check to pre-select: the latest whose time has passed today, else today's first, else Day 1's first. */
export function defaultCheck(config: Config, at: Date): AttendanceCheckHeader {
  const clock = requireClock(config);
  const passed = clock.currentHandsCheck(at);
  if (passed) return passed.header;
  const day = clock.dayNumberOf(at);
  const first = day && day >= 1 && day <= ATTENDANCE_DAYS ? clock.handsChecks(day)[0] : undefined;
  return first?.header ?? attendanceCheckHeaders()[0];
}

export interface StatusRow {
  oid: string;
  name: string;
  tlName: string;
  itemsDone: string;
  /** Items due by the last sync, done or not (Pace "Due by Now"). */
  dueByNow: string;
  verdict: string;
  projectedFinish: string;
  /** What the projected finish is based on (Pace "Finish Based On"). */
  finishBasis: string;
  /** Measured working hours, or "not measured" (RULES "Pace"). */
  measuredHours: string;
  /** Measured items over their pace limit ('' when none). */
  paceWarnings: string;
  /** The tracker's Exemption text ('' when none): no pace warnings for this agent. */
  exemption: string;
  issues: string[];
  capLevel: string;
  attendance: string;
  /** The agent's class (its Pace row, else its tracker Cohort cell); '' with a single cohort. */
  cohort: string;
}

export interface CohortStatus {
  tls: string[];
  /** The classes of the rows, in first-seen order ([] with a single cohort): the screen filters by them. */
  cohorts: string[];
  rows: StatusRow[];
  /** False until a sync or sweep has written the Pace sheet. */
  synced: boolean;
}

const OPEN = ISSUE_VALUES[1];

/**
 * A Pace cell as the TL reads it in the sheet: a Date (Projected Finish, Last Self-Report) as
 * `M/D/YYYY HH:mm` in the spreadsheet's zone, never JavaScript's `Wed Jan 14 2026 … GMT-0700`.
 */
function cellText(v: unknown, zone: Zone): string {
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) return '';
    const t = zone.toLocal(v);
    return `${formatMdy(zone.ymd(v))} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  }
  return v === null || v === undefined ? '' : String(v).trim();
}

export function cohortStatus(ss: Spreadsheet): CohortStatus {
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid, TRACKER.agentName, TRACKER.tlName]);
  const paceSheet = ss.getSheetByName(PACE_SHEET);
  const pace = paceSheet ? SheetTable.read(paceSheet, WORKBOOK.pace, [PACE.oid]) : null;
  const zone = spreadsheetZone(ss);
  const paceRow = new Map((pace?.rowIndexes() ?? []).map((i) => [pace!.text(i, PACE.oid).toLowerCase(), i]));
  const cell = (i: number, h: TrackerHeader) => (tracker.has(h) ? tracker.text(i, h) : '');
  const rows = tracker.rowIndexes().map((i): StatusRow => {
    const oid = tracker.text(i, TRACKER.oid);
    const p = paceRow.get(oid.toLowerCase());
    const fromPace = (h: PaceHeader) =>
      pace && p !== undefined && pace.has(h) ? cellText(pace.value(p, h), zone) : '';
    const issues: string[] = [];
    if (cell(i, TRACKER.paymentIssue) === OPEN) issues.push('Payment issue');
    if (cell(i, TRACKER.loginIssue) === OPEN) issues.push('Login issue');
    const inhibitor = cell(i, TRACKER.salesInhibitor);
    if (inhibitor && inhibitor !== 'None') issues.push(`Sales inhibitor: ${inhibitor}`);
    return {
      oid,
      name: tracker.text(i, TRACKER.agentName),
      tlName: tracker.text(i, TRACKER.tlName),
      itemsDone: fromPace(PACE.itemsDone) || '–',
      dueByNow: fromPace(PACE.dueByNow) || '–',
      verdict: fromPace(PACE.verdict) || 'not synced',
      projectedFinish: fromPace(PACE.projectedFinish) || '–',
      finishBasis: fromPace(PACE.finishBasedOn),
      measuredHours: fromPace(PACE.measuredHours) || '–',
      paceWarnings: fromPace(PACE.paceWarnings),
      exemption: cell(i, TRACKER.exemption),
      issues,
      capLevel: cell(i, TRACKER.capLevel),
      attendance: cell(i, TRACKER.attendance),
      cohort: fromPace(TRACKER.cohort) || cell(i, TRACKER.cohort),
    };
  });
  return {
    tls: [...new Set(rows.map((r) => r.tlName).filter(Boolean))].sort(),
    cohorts: [...new Set(rows.map((r) => r.cohort).filter(Boolean))],
    rows,
    synced: pace !== null,
  };
}

/** Selects the agent's row in the tracker, so "open" from the status screen lands on it. */
export function openAgentRow(ss: Spreadsheet, oid: string): number {
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid]);
  const i = tracker
    .rowIndexes()
    .find((k) => tracker.text(k, TRACKER.oid).toLowerCase() === oid.trim().toLowerCase());
  if (i === undefined) throw new ContractError(`No agent with OID "${oid}" in the ESP Tracker.`);
  const sheet = tracker.sheet;
  ss.setActiveSheet(sheet);
  sheet.getRange(tracker.sheetRow(i), 1, 1, sheet.getLastColumn()).activate();
  return tracker.sheetRow(i);
}
