/**
 * RULES R25 — the TL's end-of-day checklist: the signed-in TL's own open items for today (their agents
 * only, RULES R4), the five tracking forms and the guides (RULES R24), and "Done for today", which
 * stamps one `TL Checklist` row per TL per day (idempotent: pressing it again updates the same row). The
 * nightly sweep reads the stamps in one batched read (`readChecklistStamps`) for the licensing summary.
 *
 * Everything returned to the page is plain JSON (dates as display text); the page renders it with
 * textContent.
 */
import {
  type ChecklistAgent,
  type ChecklistStamp,
  type OpenItem,
  openItems,
  openItemsSummary,
} from '../domain/checklist';
import {
  ESP_STATUS_HEADERS,
  SHEET,
  STATUS_VALUES,
  TL_CHECKLIST_SHEET,
  TRACKER,
  type TlChecklistHeader,
  type TrackerHeader,
} from '../domain/contract';
import { formLinks, FORM_LABELS, guideLinks, type ResourceLink } from '../domain/resources';
import { formatMdy, parseDateValue, type Zone } from '../domain/timeZone';
import { isValidDate, keepAsText } from '../domain/values';
import { now } from '../gas/clock';
import type { Config } from '../gas/config';
import { SheetTable, type Sheet, type Spreadsheet } from '../gas/sheetTable';

const H = TL_CHECKLIST_SHEET.headers;
const COMPLETE = STATUS_VALUES[2];

export interface ChecklistView {
  user: string;
  /** The TL's name as the tracker spells it ('' when the user leads no agent). */
  tlName: string;
  /** Today, `M/D/YYYY` in the tracker's zone. */
  today: string;
  /** How many agents the user leads. */
  agents: number;
  items: OpenItem[];
  /** The five tracking forms that are set (RULES R24). */
  forms: ResourceLink[];
  /** The forms whose Settings link is blank: the page asks the licensing team to add them. */
  formsNotSet: string[];
  guides: ResourceLink[];
  /** Set once the TL pressed "Done for today" today. */
  done: { doneAt: string; openItems: string } | null;
}

export interface DayDone {
  today: string;
  doneAt: string;
  openItems: string;
  /** False when today's row already existed and was updated (one row per TL per day). */
  created: boolean;
}

/** `M/D/YYYY HH:mm` in `zone`. */
function stampText(zone: Zone, at: Date): string {
  const t = zone.toLocal(at);
  return `${formatMdy(zone.ymd(at))} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

interface Mine {
  tlName: string;
  cohorts: string[];
  agents: ChecklistAgent[];
}

/** The user's own agents (TL Email = the user), in one read of the tracker. */
function myAgents(ss: Spreadsheet, zone: Zone, user: string): Mine {
  const table = SheetTable.open(ss, SHEET.tracker, [
    TRACKER.agentName,
    TRACKER.oid,
    TRACKER.tlEmail,
    TRACKER.lastUpdated,
  ]);
  const text = (i: number, h: TrackerHeader) => (table.has(h) ? table.text(i, h) : '');
  const me = user.trim().toLowerCase();
  const mine: Mine = { tlName: '', cohorts: [], agents: [] };
  if (!me) return mine;
  for (const i of table.rowIndexes()) {
    if (text(i, TRACKER.tlEmail).toLowerCase() !== me) continue;
    const updated = table.value(i, TRACKER.lastUpdated);
    mine.tlName ||= text(i, TRACKER.tlName);
    const cohort = text(i, TRACKER.cohort);
    if (cohort && !mine.cohorts.includes(cohort)) mine.cohorts.push(cohort);
    mine.agents.push({
      row: table.sheetRow(i),
      name: text(i, TRACKER.agentName),
      oid: text(i, TRACKER.oid),
      lastUpdatedYmd: isValidDate(updated) ? zone.ymd(updated) : '',
      paymentIssue: text(i, TRACKER.paymentIssue),
      loginIssue: text(i, TRACKER.loginIssue),
      attendance: text(i, TRACKER.attendance),
      attendanceNote: text(i, TRACKER.attendanceNote),
      // Every ESP status Complete: ready for production, nothing left to keep current.
      complete: ESP_STATUS_HEADERS.every((h) => text(i, h) === COMPLETE),
    });
  }
  return mine;
}

/** The `TL Checklist` rows (none while the sheet does not exist): one batched read. */
function checklistTable(ss: Spreadsheet): SheetTable<TlChecklistHeader> | null {
  return SheetTable.ifPresent(ss, TL_CHECKLIST_SHEET, [H.date, H.tlEmail]);
}

function stampOf(table: SheetTable<TlChecklistHeader>, i: number, zone: Zone): ChecklistStamp {
  return {
    ymd: parseDateValue(table.value(i, H.date), zone) ?? '',
    tlEmail: table.text(i, H.tlEmail).toLowerCase(),
    doneAt: table.has(H.doneAt) ? cellText(table.value(i, H.doneAt), zone) : '',
    openItems: table.has(H.openItems) ? table.text(i, H.openItems) : '',
  };
}

function cellText(v: unknown, zone: Zone): string {
  return isValidDate(v) ? stampText(zone, v) : String(v ?? '').trim();
}

/** Every `TL Checklist` stamp, for the nightly summary: one read of the sheet, whatever the agents. */
export function readChecklistStamps(ss: Spreadsheet, zone: Zone): ChecklistStamp[] {
  const table = checklistTable(ss);
  return table ? table.rowIndexes().map((i) => stampOf(table, i, zone)) : [];
}

/** The signed-in TL's checklist for today (read-only: no lock). */
export function checklistView(ss: Spreadsheet, config: Config, user: string): ChecklistView {
  const zone = config.zone;
  const today = zone.ymd(now());
  const mine = myAgents(ss, zone, user);
  const table = checklistTable(ss);
  const me = user.trim().toLowerCase();
  const stamp = table
    ?.rowIndexes()
    .map((i) => stampOf(table, i, zone))
    .find((s) => s.ymd === today && me !== '' && s.tlEmail === me);
  const forms = formLinks(config.settings);
  return {
    user,
    tlName: mine.tlName,
    today: formatMdy(today),
    agents: mine.agents.length,
    items: openItems(mine.agents, today),
    forms,
    formsNotSet: Object.values(FORM_LABELS).filter((label) => !forms.some((f) => f.label === label)),
    guides: guideLinks(config.settings),
    done: stamp ? { doneAt: stamp.doneAt, openItems: stamp.openItems } : null,
  };
}

/** Creates `TL Checklist` with its header row (one write) the first time a TL finishes a day. */
function ensureChecklistSheet(ss: Spreadsheet): Sheet {
  const existing = ss.getSheetByName(TL_CHECKLIST_SHEET.name);
  if (existing) return existing;
  const sheet = ss.insertSheet(TL_CHECKLIST_SHEET.name);
  const columns = TL_CHECKLIST_SHEET.columns;
  sheet.getRange(1, 1, 1, columns.length).setValues([columns.map(keepAsText)]);
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * "Done for today" (call under the document lock): writes or updates the TL's one row for today with the
 * open items left. Every value is written as text (RULES R7): `12/3/2026` stays the text the TL sees.
 */
export function markDoneForToday(ss: Spreadsheet, config: Config, user: string): DayDone {
  const me = user.trim().toLowerCase();
  if (!me) throw new Error('Done for today: the signed-in account has no email address to record.');
  const zone = config.zone;
  const at = now();
  const today = zone.ymd(at);
  const mine = myAgents(ss, zone, user);
  const summary = openItemsSummary(openItems(mine.agents, today));
  const table = SheetTable.read(ensureChecklistSheet(ss), TL_CHECKLIST_SHEET, TL_CHECKLIST_SHEET.columns);
  const record = {
    [H.date]: formatMdy(today),
    [H.tlName]: mine.tlName,
    [H.tlEmail]: me,
    [H.cohort]: mine.cohorts.join(', ') || config.settings.cohortName,
    [H.doneAt]: stampText(zone, at),
    [H.openItems]: summary,
  };
  const existing = table.rowIndexes().find((i) => {
    const s = stampOf(table, i, zone);
    return s.ymd === today && s.tlEmail === me;
  });
  if (existing === undefined) table.append(record);
  else for (const header of TL_CHECKLIST_SHEET.columns) table.set(existing, header, record[header]);
  table.flush();
  return {
    today: formatMdy(today),
    doneAt: record[H.doneAt],
    openItems: summary,
    created: existing === undefined,
  };
}
