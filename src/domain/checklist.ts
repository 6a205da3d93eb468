/**
 * RULES R25 — the TL's end-of-day checklist. Before logging off, each TL submits every ticket through the
 * five tracking forms and brings the ESP Tracker up to date (AHIP/Aetna, TBT, Call Cert, Equipment,
 * RTS/No More Forms). These are the pure rules: which of a TL's own agents still need something today, and
 * which TLs finished their day (a `TL Checklist` row for today) and which did not.
 */
import { ISSUE_VALUES } from './contract';
import { parseNoteCell } from './nameDateNote';

/** One of the TL's agents, as the checklist reads the tracker row. */
export interface ChecklistAgent {
  /** 1-based `ESP Tracker` row. */
  row: number;
  name: string;
  oid: string;
  /** `YYYY-MM-DD` of `Last Updated` in the tracker's zone, '' when never. */
  lastUpdatedYmd: string;
  paymentIssue: string;
  loginIssue: string;
  /** The `Attendance` code ('' when blank). */
  attendance: string;
  /** The `Attendance Note` cell's text. */
  attendanceNote: string;
  /** True once every item of the agent's progress report is ticked (nothing left to track). */
  complete: boolean;
}

export type OpenItemKind = 'not-updated' | 'payment-issue' | 'login-issue' | 'attendance-note';

export interface OpenItem {
  kind: OpenItemKind;
  row: number;
  name: string;
  oid: string;
  /** What the TL must do, in one sentence. */
  text: string;
}

/** Attendance codes that need no `Name - Date - Note` line: a full day, or nothing recorded yet. */
const NO_NOTE_NEEDED = new Set(['', 'full day']);

const OPEN = ISSUE_VALUES[1];

/** Whether the note cell has a valid `Name - Date - Note` line dated `today`. */
export function hasNoteFor(note: string, today: string): boolean {
  return parseNoteCell(note, today).lines.some((l) => l.ok && l.date === today);
}

/**
 * The TL's open items for `today`, agent by agent in row order: open Day-1 issues (payment, login), an
 * attendance code without today's note, and a row not updated today. A complete agent needs nothing.
 */
export function openItems(agents: readonly ChecklistAgent[], today: string): OpenItem[] {
  const items: OpenItem[] = [];
  const sorted = [...agents].sort((a, b) => a.row - b.row);
  for (const a of sorted) {
    if (a.complete) continue;
    const add = (kind: OpenItemKind, text: string) =>
      items.push({ kind, row: a.row, name: a.name, oid: a.oid, text });
    if (a.paymentIssue === OPEN)
      add('payment-issue', 'Payment issue still open: resolve it (N-Number, not NPN) or note why.');
    if (a.loginIssue === OPEN)
      add('login-issue', 'Login issue still open: walk the agent through the Tech Issues guide.');
    if (!NO_NOTE_NEEDED.has(a.attendance.trim().toLowerCase()) && !hasNoteFor(a.attendanceNote, today))
      add(
        'attendance-note',
        `Attendance is "${a.attendance.trim()}" but the Attendance Note has no line for today (Name - Date - Note).`,
      );
    if (a.lastUpdatedYmd !== today) add('not-updated', 'Tracker row not updated today.');
  }
  return items;
}

/** One line of a TL's "Done for today" stamp: how many items were open, by kind, e.g. `2 not updated`. */
export function openItemsSummary(items: readonly OpenItem[]): string {
  if (items.length === 0) return 'none';
  const label: Record<OpenItemKind, string> = {
    'not-updated': 'not updated today',
    'payment-issue': 'payment issue open',
    'login-issue': 'login issue open',
    'attendance-note': 'attendance note missing',
  };
  const counts = new Map<OpenItemKind, number>();
  for (const i of items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${label[kind]}`).join(', ');
}

/** A TL as the nightly summary names them. */
export interface TlRef {
  tlName: string;
  tlEmail: string;
}

export interface DayEndStatus {
  finished: { tlName: string; tlEmail: string; doneAt: string; openItems: string }[];
  unfinished: TlRef[];
}

/** A `TL Checklist` row as the sweep read it. */
export interface ChecklistStamp {
  ymd: string;
  tlEmail: string;
  doneAt: string;
  openItems: string;
}

/**
 * Which of `tls` stamped "Done for today" on `today` (matched by TL Email, case-insensitive) and which did
 * not, in the order given; a TL without an email cannot stamp and counts as not finished.
 */
export function dayEndStatus(
  tls: readonly TlRef[],
  stamps: readonly ChecklistStamp[],
  today: string,
): DayEndStatus {
  const done = new Map<string, ChecklistStamp>();
  for (const s of stamps) if (s.ymd === today) done.set(s.tlEmail.trim().toLowerCase(), s);
  const status: DayEndStatus = { finished: [], unfinished: [] };
  for (const tl of tls) {
    const stamp = tl.tlEmail ? done.get(tl.tlEmail.toLowerCase()) : undefined;
    if (stamp) status.finished.push({ ...tl, doneAt: stamp.doneAt, openItems: stamp.openItems });
    else status.unfinished.push(tl);
  }
  return status;
}
