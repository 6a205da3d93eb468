/**
 * Saving one hands check (behaviour 5): the TL's ticks for one Attendance column are written in a single
 * batched write, then the MIA rule runs at once — installable triggers do not fire on script edits, so the
 * rule must be applied here — and any MIA alert goes out through the mailer.
 */
import { attendanceCheckHeaders, SHEET } from '../domain/contract';
import { now } from './clock';
import { type AttendanceOutcome, applyAttendanceRule } from './attendanceRule';
import type { Config } from './config';
import { Mailer } from './mailer';
import { ContractError, SheetTable, type Spreadsheet } from './sheetTable';

export interface HandsCheckSaved {
  header: string;
  present: number;
  missed: number;
  outcome: AttendanceOutcome;
}

/** What the sidebar gets back: plain JSON. */
export interface AttendanceSaved {
  header: string;
  present: number;
  missed: number;
  mia: { oid: string; name: string }[];
  atOneMiss: { oid: string; name: string }[];
  newlyMia: string[];
}

/**
 * `shownOids` limits the write to the agents the TL was looking at ("my agents"): other TLs' agents keep
 * whatever their own TL recorded. Without it, every agent not in `presentOids` is recorded as missing.
 */
export function saveHandsCheck(
  ss: Spreadsheet,
  config: Config,
  header: string,
  presentOids: readonly string[],
  shownOids?: readonly string[],
): HandsCheckSaved {
  if (!attendanceCheckHeaders().includes(header)) {
    throw new ContractError(`"${header}" is not a hands check (expected e.g. "D1 Before Break 1").`);
  }
  const table = SheetTable.open(ss, SHEET.attendance, ['OID', header]);
  const present = new Set(presentOids.map((o) => o.trim().toLowerCase()));
  const shown = shownOids ? new Set(shownOids.map((o) => o.trim().toLowerCase())) : null;
  let count = 0;
  const rows = table.rowIndexes().filter((i) => !shown || shown.has(table.text(i, 'OID').toLowerCase()));
  for (const i of rows) {
    const here = present.has(table.text(i, 'OID').toLowerCase());
    if (here) count++;
    table.set(i, header, here);
  }
  table.flush();
  const mailer = new Mailer(ss, config.settings);
  const outcome = applyAttendanceRule(ss, config, now(), mailer);
  mailer.flush();
  return { header, present: count, missed: rows.length - count, outcome };
}
