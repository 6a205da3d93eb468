/**
 * Saving one hands check (the attendance rule, src/usecases/attendanceRule.ts): the TL's ticks for one
 * Attendance column are written in a single batched write, the excuses in the tracker's `Attendance
 * Note` with the rule's own tracker write, then the MIA rule runs at once — installable triggers do not
 * fire on script edits, so the rule must be applied here — and any MIA or "returned" alert goes out
 * through the mailer. An excused agent's box is written unticked (the Attendance sheet holds checkbox
 * values only); the excuse itself is the note line.
 */
import { ATTENDANCE_FIXED_HEADERS, isAttendanceCheckHeader, WORKBOOK } from '../domain/contract';
import { now } from '../gas/clock';
import { type AttendanceOutcome, applyAttendanceRule } from './attendanceRule';
import type { Config } from '../gas/config';
import { Mailer } from '../gas/mailer';
import { ContractError, SheetTable, type Spreadsheet } from '../gas/sheetTable';

const OID_H = ATTENDANCE_FIXED_HEADERS[1];

export interface HandsCheckSaved {
  header: string;
  present: number;
  missed: number;
  excused: number;
  outcome: AttendanceOutcome;
}

/** What the sidebar gets back: plain JSON. */
export interface AttendanceSaved {
  header: string;
  present: number;
  missed: number;
  excused: number;
  mia: { oid: string; name: string }[];
  atOneMiss: { oid: string; name: string }[];
  newlyMia: string[];
  newlyReturned: string[];
}

/** One excused agent: an HR-approved absence and its reason. */
export interface Excuse {
  oid: string;
  reason: string;
}

/**
 * `shownOids` limits the write to the agents the TL was looking at ("my agents"): other TLs' agents keep
 * whatever their own TL recorded. Without it, every agent not in `presentOids` is recorded as missing.
 * `excused` agents (among those shown) are neither present nor missing for this check.
 */
export function saveHandsCheck(
  ss: Spreadsheet,
  config: Config,
  header: string,
  presentOids: readonly string[],
  shownOids?: readonly string[],
  excused: readonly Excuse[] = [],
  user = '',
): HandsCheckSaved {
  if (!isAttendanceCheckHeader(header)) {
    throw new ContractError(`"${header}" is not a hands check (expected e.g. "D1 Before Break 1").`);
  }
  const key = (oid: string) => oid.trim().toLowerCase();
  const present = new Set(presentOids.map(key));
  const excuse = new Map(excused.map((e) => [key(e.oid), e.reason]));
  const both = [...excuse.keys()].filter((oid) => present.has(oid));
  if (both.length) {
    throw new ContractError(
      `Hands check "${header}": ${both.map((o) => `"${o}"`).join(', ')} cannot be both present and excused.`,
    );
  }
  const table = SheetTable.of(ss, WORKBOOK.attendance, [OID_H, header]);
  const shown = shownOids ? new Set(shownOids.map(key)) : null;
  const rows = table.rowIndexes().filter((i) => !shown || shown.has(key(table.text(i, OID_H))));
  let count = 0;
  let excusedCount = 0;
  const unexcuse = new Set<string>();
  for (const i of rows) {
    const oid = key(table.text(i, OID_H));
    const here = present.has(oid);
    if (here) count++;
    if (excuse.has(oid)) excusedCount++;
    else unexcuse.add(oid);
    table.set(i, header, here);
  }
  table.flush();
  const saved = new Set(rows.map((i) => key(table.text(i, OID_H))));
  const mailer = new Mailer(ss, config.settings);
  const outcome = applyAttendanceRule(ss, config, now(), mailer, {
    header,
    // Only agents on this sheet (and shown) are excused: an unknown OID writes nothing.
    excuse: new Map([...excuse].filter(([oid]) => saved.has(oid))),
    unexcuse,
    by: user,
  });
  mailer.flush();
  return {
    header,
    present: count,
    missed: rows.length - count - excusedCount,
    excused: excusedCount,
    outcome,
  };
}
