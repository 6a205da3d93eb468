/**
 * RULES R23 — the facts of the readiness summary the PMs' "ready for production" email carries (the
 * composition is src/domain/readiness.ts). Whatever path sends that email (a TL's edit, the hourly or
 * nightly re-check, the sweep after a sync), it asks this loader, which reads each sheet it needs at most
 * once per run, on first use: `Completion Log`, `Attendance`, `Coaching Log`, and the progress report's
 * Tick Log (per report) unless the caller already holds the ticks (the sweep). Callers ask only for an
 * agent whose email is not sent yet, so a run with nobody newly ready reads nothing more.
 */
import {
  ATTENDANCE_FIXED_HEADERS,
  attendanceCheckHeaders,
  type AttendanceHeader,
  COACHING_LOG_HEADERS,
  type CoachingLogHeader,
  SHEET,
  WORKBOOK,
} from '../domain/contract';
import { excusedChecks } from '../domain/attendance';
import type { TickEvent } from '../domain/pace';
import {
  attendanceDays,
  type CoachingEntry,
  miaEpisodes,
  type ReadinessSummary,
  statusDates,
} from '../domain/readiness';
import type { ScheduleItem } from '../domain/schedule';
import { isDate, toBool } from '../domain/values';
import type { Config } from '../gas/config';
import { openSpreadsheet } from '../gas/open';
import { loadRowMap } from '../gas/reportRowMap';
import { SheetTable, type Spreadsheet } from '../gas/sheetTable';
import { type CompletionLogRead, readCompletionLog } from './completionLog';
import { readTicks } from './progressSync';

const [, ATT_OID] = ATTENDANCE_FIXED_HEADERS;
const [C_DATE, , C_OID, , C_LEVEL, C_POLICY, C_DETAILS, C_BY] = COACHING_LOG_HEADERS;

/** What the tracker row says about the agent. */
export interface ReadyAgent {
  oid: string;
  statuses: Readonly<Record<string, string>>;
  completion: string;
  lastUpdated: Date | null;
  attendanceCode: string;
  attendanceNote: string;
  /** The agent's class's progress report (its Tick Log dates the ticks). */
  reportId: string;
}

/** Tick times the caller already knows (the sweep's sync): no Tick Log read for these agents. */
export interface KnownTicks {
  lastTickAt: Date | null;
  proofTickedAt: Date | null;
}

/** The schedule's proof item (`13 Checkmarks Proof Emailed`), or '' when the Schedule has none. */
export function proofItemOf(schedule: readonly ScheduleItem[]): string {
  return schedule.find((s) => s.kind === 'proof')?.item ?? '';
}

/** From one agent's tick events: the latest tick of an item still ticked, and the proof's tick. */
function ticksOf(events: readonly TickEvent[], proofItem: string): KnownTicks {
  const last = new Map<string, TickEvent>();
  for (const e of events) {
    const key = e.item.trim().toLowerCase();
    const prev = last.get(key);
    if (!prev || e.at >= prev.at) last.set(key, e);
  }
  let lastTickAt: Date | null = null;
  for (const e of last.values()) if (e.checked && (!lastTickAt || e.at > lastTickAt)) lastTickAt = e.at;
  const proof = last.get(proofItem.trim().toLowerCase());
  return { lastTickAt, proofTickedAt: proof?.checked ? proof.at : null };
}

export type ReadinessLoader = (agent: ReadyAgent) => ReadinessSummary;

export function readinessLoader(
  ss: Spreadsheet,
  config: Config,
  known?: ReadonlyMap<string, KnownTicks>,
  completionLog?: CompletionLogRead,
): ReadinessLoader {
  const proofItem = proofItemOf(config.schedule);
  const headers = attendanceCheckHeaders();
  let log: CompletionLogRead | null = completionLog ?? null;
  let attendance: {
    table: SheetTable<AttendanceHeader> | null;
    rowOf: Map<string, number>;
    taken: Set<string>;
  } | null = null;
  let coaching: SheetTable<CoachingLogHeader> | null = null;
  const ticks = new Map<string, Map<string, TickEvent[]>>();

  const ticksFor = (agent: ReadyAgent): KnownTicks => {
    const k = known?.get(agent.oid.toLowerCase());
    if (k) return k;
    if (!agent.reportId) return { lastTickAt: null, proofTickedAt: null };
    let byOid = ticks.get(agent.reportId);
    if (!byOid) {
      byOid = readTicks(openSpreadsheet(agent.reportId), loadRowMap(agent.reportId));
      ticks.set(agent.reportId, byOid);
    }
    return ticksOf(byOid.get(agent.oid.toLowerCase()) ?? [], proofItem);
  };

  const attendanceTable = () => {
    if (attendance) return attendance;
    const sheet = ss.getSheetByName(SHEET.attendance);
    const table = sheet ? SheetTable.read(sheet, WORKBOOK.attendance) : null;
    const rowOf = new Map<string, number>();
    const taken = new Set<string>();
    if (table && table.has(ATT_OID)) {
      for (const i of table.rowIndexes()) {
        rowOf.set(table.text(i, ATT_OID).toLowerCase(), i);
        // A check nobody ticked was not taken (RULES R11).
        for (const h of headers) if (table.has(h) && toBool(table.value(i, h))) taken.add(h);
      }
    }
    return (attendance = { table, rowOf, taken });
  };

  const coachingOf = (oid: string): CoachingEntry[] => {
    if (!coaching) {
      const sheet = ss.getSheetByName(SHEET.coachingLog);
      if (!sheet) return [];
      coaching = SheetTable.read(sheet, WORKBOOK.coachingLog);
    }
    const t = coaching;
    if (!t.has(C_OID)) return [];
    const text = (i: number, h: CoachingLogHeader) => (t.has(h) ? t.text(i, h) : '');
    return t
      .rowIndexes()
      .filter((i) => t.text(i, C_OID).toLowerCase() === oid.toLowerCase())
      .map((i) => {
        const date = t.has(C_DATE) ? t.value(i, C_DATE) : '';
        return {
          date: isDate(date) ? date : null,
          dateText: isDate(date) ? '' : String(date ?? ''),
          level: text(i, C_LEVEL),
          policy: text(i, C_POLICY),
          details: text(i, C_DETAILS),
          documentedBy: text(i, C_BY),
        };
      });
  };

  return (agent) => {
    const { lastTickAt, proofTickedAt } = ticksFor(agent);
    log ??= readCompletionLog(ss);
    const submitted = log.entries
      .filter((e) => e.oid.toLowerCase() === agent.oid.toLowerCase())
      .flatMap((e) => (e.submittedAt ? [e.submittedAt] : []))
      .sort((a, b) => a.getTime() - b.getTime());
    const att = attendanceTable();
    const i = att.rowOf.get(agent.oid.toLowerCase());
    const t = att.table;
    const values =
      i === undefined || !t
        ? {}
        : Object.fromEntries(headers.filter((h) => t.has(h)).map((h) => [h, t.value(i, h)]));
    return {
      statuses: statusDates(agent.statuses, lastTickAt, agent.lastUpdated),
      proofItem: proofItem || 'Proof',
      proofTickedAt,
      completion: agent.completion,
      formSubmittedAt: submitted[0] ?? null,
      attendanceCode: agent.attendanceCode,
      attendanceDays: attendanceDays(
        headers,
        att.taken,
        values,
        excusedChecks(agent.attendanceNote, headers),
      ),
      miaCount: miaEpisodes(agent.attendanceNote),
      coaching: coachingOf(agent.oid),
    };
  };
}
