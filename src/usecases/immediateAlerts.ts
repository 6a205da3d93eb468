/**
 * RULES R1, R13 — immediate alerts from TLs' tracker edits (installable `onTrackerEdit`, which may send
 * mail, unlike the simple onEdit). A Sales Inhibitor entered emails Ops management once; an agent whose
 * five ESP statuses are all Complete emails the PMs once ("ready for production"). Any edit of an agent's
 * row stamps `Last Updated`, which the nightly digest uses for "tracker rows not updated today".
 */
import { dedupeKey, type OutgoingMessage } from '../domain/alerts';
import {
  ESP_STATUS_HEADERS,
  EXAM_ATTEMPTS_SHEET,
  SHEET,
  TRACKER,
  WORKBOOK,
  type TrackerHeader,
} from '../domain/contract';
import { type AgentRef, type AlertPlace, type TrackerLinks } from '../domain/emails';
import type { ReadinessSummary } from '../domain/readiness';
import type { Settings } from '../domain/settings';
import type { Zone } from '../domain/timeZone';
import { isDate } from '../domain/values';
import { now } from '../gas/clock';
import { composed } from '../gas/mailRecipes';
import { classSettingsFor } from './cohorts';
import type { Config } from '../gas/config';
import { lazyTrackerLinks } from '../gas/emailLinks';
import { Mailer, type MailSummary } from '../gas/mailer';
import type { PendingEvent } from '../gas/pendingEvents';
import { SheetTable, type Spreadsheet } from '../gas/sheetTable';
import { type ReadinessLoader, type ReadyAgent, readinessLoader } from './readiness';

export interface EditAlertResult {
  salesInhibitors: string[];
  readyForProduction: string[];
  stamped: number;
  mail: MailSummary | null;
}

const NO_INHIBITOR = new Set(['', 'none', 'n/a', 'no']);

/**
 * The PMs' "ready for production" message when all five ESP statuses are Complete, else null. Also used
 * by the nightly sweep: a status completed by a script write (sync) fires no edit trigger.
 */
export function readyForProduction(
  agent: AgentRef,
  statuses: Readonly<Record<string, string>>,
  settings: Pick<Settings, 'pmEmails' | 'day1'>,
  place: AlertPlace = {},
  summary?: ReadinessPart,
): OutgoingMessage | null {
  const complete =
    ESP_STATUS_HEADERS.every((h) => h in statuses) &&
    ESP_STATUS_HEADERS.every((h) => statuses[h] === 'Complete');
  if (!complete) return null;
  return {
    kind: 'ready-for-production',
    to: settings.pmEmails,
    ...composed('ready-for-production', { agent, statuses, ...place, ...summary }),
    urgent: true,
    dedupeKey: readyKey(settings, agent.oid),
    agents: [agent.name],
  };
}

export const readyKey = (settings: Pick<Settings, 'day1'>, oid: string): string =>
  dedupeKey('ready-for-production', settings.day1 ?? '', oid);

/** RULES R23: the readiness summary of a ready email, or why it could not be put together. */
export interface ReadinessPart {
  readiness?: ReadinessSummary;
  zone?: Zone;
  readinessProblem?: string;
}

/**
 * The readiness summary for an agent whose ready email is not done yet (`{}` when it is: the email would
 * be dropped by its dedupe key, so nothing is read for it). A failure to read the facts never holds the
 * alert back (RULES R1): the email goes out saying what could not be read.
 */
export function readinessFor(
  ss: Spreadsheet,
  config: Config,
  mailer: Mailer,
  load: ReadinessLoader = readinessLoader(ss, config),
): (agent: ReadyAgent, settings: Pick<Settings, 'day1'>) => ReadinessPart {
  return (agent, settings) => {
    if (mailer.isDone(readyKey(settings, agent.oid))) return {};
    try {
      return { readiness: load(agent), zone: config.zone };
    } catch (error) {
      return { readinessProblem: error instanceof Error ? error.message : String(error) };
    }
  };
}

type Summarize = ReturnType<typeof readinessFor>;

/** The tracker row as the readiness loader needs it. */
function readyAgentOf(
  tracker: SheetTable<TrackerHeader>,
  i: number,
  statuses: Readonly<Record<string, string>>,
  settings: Settings,
): ReadyAgent {
  const text = (h: TrackerHeader) => (tracker.has(h) ? tracker.text(i, h) : '');
  const updated = tracker.has(TRACKER.lastUpdated) ? tracker.value(i, TRACKER.lastUpdated) : '';
  return {
    oid: tracker.text(i, TRACKER.oid),
    statuses,
    completion: text(TRACKER.completion),
    lastUpdated: isDate(updated) ? updated : null,
    attendanceCode: text(TRACKER.attendance),
    attendanceNote: text(TRACKER.attendanceNote),
    reportId: settings.progressReportId,
  };
}

/**
 * What an installable edit of the tracker asks for, from the cheapest look (RULES R15): an agent-row
 * edit of `ESP Tracker` (see isRelevantTrackerEdit), an edit below the header of `AHIP Exam Attempts`
 * (RULES R20: a typed attempt is processed like one recorded from the sidebar), else nothing.
 */
export function trackerEditEvent(range: GoogleAppsScript.Spreadsheet.Range, at: Date): PendingEvent | null {
  const name = range.getSheet().getName();
  if (name === EXAM_ATTEMPTS_SHEET.name) {
    return range.getRow() + range.getNumRows() - 1 >= 2 ? { kind: 'exam-edit', at: at.getTime() } : null;
  }
  if (!isRelevantTrackerEdit(range)) return null;
  return {
    kind: 'tracker-edit',
    row: range.getRow(),
    numRows: range.getNumRows(),
    column: range.getColumn(),
    numColumns: range.getNumColumns(),
    at: at.getTime(),
  };
}

/**
 * The cheap first look an edit trigger takes before loading config or waiting for the lock: is this an
 * edit of agent rows of the ESP Tracker sheet, other than the script's own `Last Updated` stamp? It reads
 * at most the header row (one call) and only when a single column was edited.
 */
export function isRelevantTrackerEdit(range: GoogleAppsScript.Spreadsheet.Range): boolean {
  const sheet = range.getSheet();
  if (sheet.getName() !== SHEET.tracker) return false;
  if (range.getRow() + range.getNumRows() - 1 < 2) return false; // the header row only
  if (range.getNumColumns() !== 1) return true;
  const header = String(sheet.getRange(1, range.getColumn()).getValue()).trim();
  return header !== TRACKER.lastUpdated;
}

/**
 * The immediate alerts an agent row calls for now (sales inhibitor, ready for production), each linking
 * to the agent's tracker row (`links` is read on first use only).
 */
function rowAlerts(
  tracker: SheetTable<TrackerHeader>,
  i: number,
  settings: Settings,
  links: () => TrackerLinks,
  summarize?: Summarize,
): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  const oid = tracker.text(i, TRACKER.oid);
  const name = tracker.text(i, TRACKER.agentName);
  if (!oid && !name) return out;
  const agent = { name, oid, tlName: tracker.has(TRACKER.tlName) ? tracker.text(i, TRACKER.tlName) : '' };
  const inhibitor = tracker.has(TRACKER.salesInhibitor) ? tracker.text(i, TRACKER.salesInhibitor) : '';
  const place = (): AlertPlace => ({ links: links(), row: tracker.sheetRow(i) });
  if (!NO_INHIBITOR.has(inhibitor.toLowerCase())) {
    out.push({
      kind: 'sales-inhibitor',
      to: settings.opsManagementEmails,
      ...composed('sales-inhibitor', {
        agent,
        inhibitor,
        note: tracker.has(TRACKER.coachingNote) ? tracker.text(i, TRACKER.coachingNote) : '',
        ...place(),
      }),
      urgent: true,
      // Once per agent and inhibitor: a different inhibitor later is news again.
      dedupeKey: dedupeKey('sales-inhibitor', settings.day1 ?? '', oid, inhibitor),
      agents: [name],
    });
  }
  const statuses = Object.fromEntries(
    ESP_STATUS_HEADERS.filter((h) => tracker.has(h)).map((h) => [h, tracker.text(i, h)]),
  );
  const complete = ESP_STATUS_HEADERS.every((h) => statuses[h] === 'Complete');
  const summary =
    complete && summarize ? summarize(readyAgentOf(tracker, i, statuses, settings), settings) : {};
  const ready = readyForProduction(agent, statuses, settings, complete ? place() : {}, summary);
  if (ready) out.push(ready);
  return out;
}

export function handleTrackerEdit(
  ss: Spreadsheet,
  config: Config,
  edit: { row: number; numRows: number; column: number; numColumns: number },
  at: Date = now(),
): EditAlertResult {
  const result: EditAlertResult = { salesInhibitors: [], readyForProduction: [], stamped: 0, mail: null };
  const first = Math.max(edit.row, 2) - 2;
  const last = edit.row + edit.numRows - 1 - 2;
  if (last < first) return result;
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.agentName, TRACKER.oid]);
  const lastUpdatedCol = tracker.has(TRACKER.lastUpdated) ? tracker.col(TRACKER.lastUpdated) + 1 : 0;
  const editedOnlyStamp = edit.numColumns === 1 && lastUpdatedCol > 0 && edit.column === lastUpdatedCol;
  if (editedOnlyStamp) return result;
  const { settings } = config;
  const mailer = new Mailer(ss, settings);
  const links = lazyTrackerLinks(ss);
  const settingsOf = classSettingsFor(ss, config);
  const summarize = readinessFor(ss, config, mailer);
  let queued = 0;
  for (let i = first; i <= Math.min(last, tracker.rowCount - 1); i++) {
    if (!tracker.text(i, TRACKER.oid) && !tracker.text(i, TRACKER.agentName)) continue;
    if (tracker.has(TRACKER.lastUpdated)) {
      tracker.set(i, TRACKER.lastUpdated, at);
      result.stamped++;
    }
    for (const m of rowAlerts(tracker, i, settingsOf(tracker, i), links, summarize)) {
      mailer.queue(m);
      (m.kind === 'sales-inhibitor' ? result.salesInhibitors : result.readyForProduction).push(
        tracker.text(i, TRACKER.agentName),
      );
      queued++;
    }
  }
  tracker.flush();
  if (queued > 0) result.mail = mailer.flush();
  return result;
}

/**
 * The safety net behind the edit trigger: every agent row's immediate alerts are queued again; the
 * mailer sends only those whose dedupe key the Alert Log does not show as sent, so an alert whose edit
 * trigger never ran (another user's trigger, a script write, a lost event) still goes out — once.
 * One read of the tracker whatever its size.
 */
export function recheckImmediateAlerts(ss: Spreadsheet, config: Config, mailer: Mailer): number {
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.agentName, TRACKER.oid]);
  const links = lazyTrackerLinks(ss);
  const settingsOf = classSettingsFor(ss, config);
  const summarize = readinessFor(ss, config, mailer);
  let n = 0;
  for (const i of tracker.rowIndexes()) {
    for (const m of rowAlerts(tracker, i, settingsOf(tracker, i), links, summarize)) {
      mailer.queue(m);
      n++;
    }
  }
  return n;
}
