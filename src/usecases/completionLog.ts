/**
 * RULES R22 — the `Completion Log`: every Carrier Cert Completion Form submission the tracker recorded,
 * matched or not, one row each (keyed by the form's response id, so a re-check of the same response
 * adds nothing). The nightly evidence cross-check and the readiness summary read it in one batch.
 */
import { COMPLETION_LOG } from '../domain/contract';
import { trackerTablesOf } from '../gas/tableCache';
import type { CompletionLogEntry } from '../domain/evidence';
import { isDate } from '../domain/values';
import { SheetTable, type Sheet, type Spreadsheet } from '../gas/sheetTable';

const H = COMPLETION_LOG.headers;

/** The log sheet, created with its header row on first use (script-owned; nothing else writes it). */
function logSheet(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(COMPLETION_LOG.name);
  if (existing) return existing;
  const sheet = ss.insertSheet(COMPLETION_LOG.name);
  sheet.getRange(1, 1, 1, COMPLETION_LOG.columns.length).setValues([[...COMPLETION_LOG.columns]]);
  sheet.setFrozenRows(1);
  return sheet;
}

export interface LoggedSubmission {
  responseId: string;
  submittedAt: Date;
  /** The matched agent's OID and name; '' when the submission matched nobody (or several). */
  oid: string;
  agentName: string;
  /** The answers to the email/OID questions, joined. */
  answers: string;
  outcome: string;
}

/** Appends the submission unless its response id is logged already (one read, at most one write). */
export function logSubmission(ss: Spreadsheet, s: LoggedSubmission): boolean {
  const table = SheetTable.read(logSheet(ss), COMPLETION_LOG, [
    H.responseId,
    H.submittedAt,
    H.oid,
    H.answers,
  ]);
  if (table.rowIndexes().some((i) => table.text(i, H.responseId) === s.responseId)) return false;
  const record: Record<string, string | Date> = {
    [H.submittedAt]: s.submittedAt,
    [H.responseId]: s.responseId,
    [H.oid]: s.oid,
    [H.answers]: s.answers,
  };
  // Optional columns: a TL may delete them; the log still works.
  if (table.has(H.agentName)) record[H.agentName] = s.agentName;
  if (table.has(H.outcome)) record[H.outcome] = s.outcome;
  table.append(record);
  table.flush();
  return true;
}

export interface CompletionLogRead {
  entries: CompletionLogEntry[];
  /** The sheet's ID (for row links); undefined when there is no log yet. */
  gid?: number;
}

/** The whole log in one read; no sheet yet = no entries (and no extra call). */
export function readCompletionLog(ss: Spreadsheet): CompletionLogRead {
  const table = SheetTable.ifPresent(ss, COMPLETION_LOG, [H.submittedAt, H.oid, H.answers]);
  if (!table) return { entries: [] };
  const entries = table.rowIndexes().map((i) => {
    const at = table.value(i, H.submittedAt);
    return {
      row: table.sheetRow(i),
      submittedAt: isDate(at) ? at : null,
      oid: table.text(i, H.oid),
      answers: table.text(i, H.answers),
    };
  });
  // The run's batched read knows the sheet's ID (RULES R26); else one call.
  const gid = trackerTablesOf(ss)?.sheetId(COMPLETION_LOG.name) ?? table.sheet.getSheetId();
  return { entries, gid };
}
