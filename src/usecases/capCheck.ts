/**
 * RULES R12 — CAP escalation (hourly `capCheck`). When the 3.5-day window ends, every
 * incomplete agent without an Exemption gets a Final CAP alert (TL, HR, ESP managers) with the facts, the
 * deadline (date and time: the window end + `Final CAP Extension Hours` working hours, see
 * `finalCapDeadline`), the `OT Sessions` of `OT Session Hours` proposed outside normal hours, each ending by
 * the deadline (`otSessions`; calendar events when `Calendar Events` is TRUE), and links to the agent's
 * tracker row and CAP document. `CAP Level` becomes "Final CAP alert sent"; the TL's CAP document or
 * `Confirm Final CAP issued…` makes it "Final CAP issued" (src/usecases/capDocumentFacts.ts). An agent on
 * either step who completes is reported once to the TL and HR ("completed within the Final CAP
 * extension") and never gets a termination review; one still incomplete past the deadline gets the
 * termination review (`CAP Level` "Termination"). Exempt agents are listed separately, once. The legacy
 * value "Final CAP" reads as "Final CAP alert sent" (`capLevelOf`); it is left as written.
 *
 * Exactly once, whatever fails (RULES R1). The tracker's `CAP Level` (and, for a completion, its
 * Coaching Log entry) is what makes re-runs do nothing, so it is written last: (1) the alerts are
 * committed to the mail outbox (`pending`, durable) — if that fails nothing is recorded and the next
 * hourly run starts again; (2) the Coaching Log rows are written, skipping an entry the log already holds
 * for the agent (a re-run after a partial failure adds no second row); (3) `CAP Level`; (4) calendar
 * events, for levels recorded in this run only; (5) the mailer sends (a mail outage leaves the alerts
 * pending; every later run — this hourly check included, even while the window is open — sends them).
 * If (2) or (3) fails the alerts still go, the error is rethrown, and the next run finds the level
 * missing, queues the same dedupe key (already sent: not sent again) and completes the record.
 */
import { dedupeKey } from '../domain/alerts';
import {
  COACHING_LOG_HEADERS,
  LEGACY_FINAL_CAP,
  TRACKER,
  type CapLevel,
  capLevelOf,
  WORKBOOK,
  type TrackerHeader,
  type CoachingLogHeader,
} from '../domain/contract';
import { type CapFacts, type CapLinks, type exemptListEmail, otPlanLines } from '../domain/capEmails';
import { formatWhen } from '../domain/emailLayout';
import { decideEscalation, isCertComplete, isFinalCapStep, otSessions } from '../domain/escalation';
import { formatMdy } from '../domain/timeZone';
import { isDate } from '../domain/values';
import { type Interval, windowEnd } from '../domain/workingClock';
import { now } from '../gas/clock';
import { type Config, requireClock } from '../gas/config';
import { Mailer, type MailSummary } from '../gas/mailer';
import { composed } from '../gas/mailRecipes';
import { type PaceRow, syncProgress } from './progressSync';
import { SheetTable, type Spreadsheet } from '../gas/sheetTable';

export const CAP_POLICY =
  'Agent Timeframe Expectations: AHIP and Aetna certification within 3.5 working days';
const DOCUMENTED_BY = 'ESP Licensing Tracker (automatic)';
/** Coaching Log `Details` of the entry that records a completion on the Final CAP rung (told once). */
export const COMPLETED_DETAILS = 'Completed on the Final CAP rung';
const [date, agentName, oid, tlName, level, policy, details, documentedBy, documentLink] =
  COACHING_LOG_HEADERS;
/** Coaching Log headers by role (the contract's names). */
export const LOG = { date, agentName, oid, tlName, level, policy, details, documentedBy, documentLink };

export type CapResult =
  | { skipped: string; mail?: MailSummary }
  | {
      finalCaps: string[];
      terminationReviews: string[];
      exempt: string[];
      completedInExtension: string[];
      mail: MailSummary;
    };

/** What the Coaching Log already says about each agent (by lower-case OID). */
export interface CapHistory {
  /** When the Final CAP alert went out (the earliest Final CAP entry). */
  finalCapAt: Map<string, Date>;
  /** `oid|level` of every entry, levels read through `capLevelOf` (legacy "Final CAP" included). */
  logged: Set<string>;
  /** The latest CAP document link. */
  documentLink: Map<string, string>;
  /** Agents whose completion on the Final CAP rung was already recorded. */
  completionReported: Set<string>;
}

export function readCapHistory(log: SheetTable<CoachingLogHeader>): CapHistory {
  const history: CapHistory = {
    finalCapAt: new Map(),
    logged: new Set(),
    documentLink: new Map(),
    completionReported: new Set(),
  };
  for (const i of log.rowIndexes()) {
    const when = log.value(i, LOG.date);
    const agent = log.text(i, LOG.oid).toLowerCase();
    const step = capLevelOf(log.text(i, LOG.level));
    history.logged.add(`${agent}|${step}`);
    if (log.text(i, LOG.details).startsWith(COMPLETED_DETAILS)) history.completionReported.add(agent);
    const url = log.has(LOG.documentLink) ? log.text(i, LOG.documentLink) : '';
    if (url) history.documentLink.set(agent, url);
    const first = history.finalCapAt.get(agent);
    if (isFinalCapStep(step) && isDate(when) && (!first || when < first)) history.finalCapAt.set(agent, when);
  }
  return history;
}

/** `<tracker url>#gid=<sheetId>&range=A<row>`: opens the tracker at the agent's row. */
export function trackerRowLink(ss: Spreadsheet, table: SheetTable<TrackerHeader>): (i: number) => string {
  const base = `${ss.getUrl()}#gid=${table.sheet.getSheetId()}&range=A`;
  return (i) => `${base}${table.sheetRow(i)}`;
}

export function runCapCheck(ss: Spreadsheet, config: Config): CapResult {
  const clock = requireClock(config);
  const at = now();
  const end = windowEnd(clock, config.schedule);
  if (at < end)
    return {
      skipped: `The certification window is open until ${formatMdy(config.zone.ymd(end))}.`,
      // The hourly check also drains the outbox: mail that failed or was deferred earlier goes now.
      mail: new Mailer(ss, config.settings).flush(),
    };
  const { settings } = config;
  const sync = syncProgress(ss, config);
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid, TRACKER.capLevel, TRACKER.exemption]);
  const log = SheetTable.of(ss, WORKBOOK.coachingLog, COACHING_LOG_HEADERS);
  const history = readCapHistory(log);
  const rowLink = trackerRowLink(ss, tracker);
  const events: (() => void)[] = [];
  const mailer = new Mailer(ss, settings);
  const result = {
    finalCaps: [] as string[],
    terminationReviews: [] as string[],
    exempt: [] as string[],
    completedInExtension: [] as string[],
  };
  const exemptAgents: Parameters<typeof exemptListEmail>[0]['agents'][number][] = [];
  for (const row of sync.rows) {
    const i = row.trackerIndex;
    const key = row.oid.toLowerCase();
    const levelText = tracker.text(i, TRACKER.capLevel);
    const capLevel = capLevelOf(levelText);
    const completion = tracker.has(TRACKER.completion) ? tracker.text(i, TRACKER.completion) : '';
    const decision = decideEscalation(clock, {
      complete: isCertComplete(completion, row.doneCount, row.itemCount),
      exemption: tracker.text(i, TRACKER.exemption),
      capLevel,
      windowEnd: end,
      extensionHours: settings.finalCapExtensionHours,
      finalCapAt: history.finalCapAt.get(key),
      completionReported: history.completionReported.has(key),
      now: at,
    });
    if (decision.action === 'none') continue;
    const agent = { name: row.name, oid: row.oid, tlName: row.tlName };
    if (decision.action === 'exempt') {
      result.exempt.push(row.name);
      exemptAgents.push({
        ...agent,
        exemption: tracker.text(i, TRACKER.exemption),
        itemsMissing: row.missingItems,
      });
      continue;
    }
    // Every other action carries the deadline.
    const deadline = decision.deadline ?? end;
    const links: CapLinks = { trackerRow: rowLink(i), capDocument: history.documentLink.get(key) };
    if (decision.action === 'completed-in-extension') {
      mailer.queue({
        kind: 'final-cap-completed',
        to: [row.tlEmail, ...settings.hrEmails].filter(Boolean),
        ...composed('final-cap-completed', { agent, zone: config.zone, deadline, foundAt: at, links }),
        urgent: true,
        dedupeKey: dedupeKey('final-cap-completed', settings.day1 ?? '', row.oid),
        agents: [row.name],
      });
      const within = at <= deadline ? 'within the Final CAP extension' : 'after the Final CAP deadline';
      appendLog(
        log,
        history.logged,
        `${key}|completed`,
        row,
        capLevel || 'Final CAP alert sent',
        at,
        `${COMPLETED_DETAILS}: completed ${within} (deadline ${formatWhen(config.zone, deadline)}). Termination review cancelled; TL and HR told.`,
      );
      result.completedInExtension.push(row.name);
      continue;
    }
    const facts: CapFacts = {
      agent,
      zone: config.zone,
      itemsMissing: row.missingItems,
      hoursSpent: row.hoursSpent,
      attendance: tracker.has(TRACKER.attendance) ? tracker.text(i, TRACKER.attendance) : '',
      deadline,
      links,
    };
    const to = [row.tlEmail, ...settings.hrEmails, ...settings.espManagerEmails].filter(Boolean);
    if (decision.action === 'final-cap') {
      // RULES R12: OT sessions lie inside the extension, from the later of the window end and now.
      const ot = otSessions(
        clock,
        at > end ? at : end,
        deadline,
        settings.otSessions,
        settings.otSessionHours,
      );
      mailer.queue({
        kind: 'final-cap',
        to,
        ...composed('final-cap', {
          ...facts,
          extensionHours: settings.finalCapExtensionHours,
          windowEnd: end,
          ot,
        }),
        urgent: true,
        dedupeKey: dedupeKey('final-cap', settings.day1 ?? '', row.oid),
        agents: [row.name],
      });
      if (settings.calendarEvents) events.push(() => createOtEvents(row, ot.sessions, to));
      record(
        tracker,
        log,
        history.logged,
        row,
        'Final CAP alert sent',
        at,
        `Final CAP alert sent to the TL, HR and the ESP managers: missed the 3.5-day window. Missing: ${row.missingItems.join(', ')}. ` +
          `Deadline ${formatWhen(config.zone, deadline)} (+${settings.finalCapExtensionHours} working hours). ${otPlanLines(config.zone, ot, deadline).join(' ')}`,
      );
      result.finalCaps.push(row.name);
    } else if (decision.action === 'termination-review') {
      mailer.queue({
        kind: 'termination-review',
        to,
        ...composed('termination-review', {
          ...facts,
          // Unknown for the legacy value (it may have been typed by a TL who issued it).
          finalCapIssued: levelText.trim() === LEGACY_FINAL_CAP ? undefined : capLevel === 'Final CAP issued',
        }),
        urgent: true,
        dedupeKey: dedupeKey('termination-review', settings.day1 ?? '', row.oid),
        agents: [row.name],
      });
      record(
        tracker,
        log,
        history.logged,
        row,
        'Termination',
        at,
        `Termination review: still incomplete after the Final CAP deadline ${formatWhen(config.zone, deadline)}. Missing: ${row.missingItems.join(', ')}.`,
      );
      result.terminationReviews.push(row.name);
    }
  }
  if (exemptAgents.length > 0) {
    mailer.queue({
      kind: 'exempt-list',
      to: [...settings.licensingTeamEmails, ...settings.espManagerEmails],
      ...composed('exempt-list', { cohortName: settings.cohortName, agents: exemptAgents }),
      urgent: false,
      dedupeKey: dedupeKey('exempt-list', settings.day1 ?? '', ...exemptAgents.map((a) => a.oid)),
      agents: exemptAgents.map((a) => a.name),
    });
  }
  mailer.commit(); // (1) throws if the outbox cannot hold the alerts: nothing is recorded
  let failure: unknown = null;
  try {
    log.flush(); // (2)
    tracker.flush(); // (3)
    for (const create of events) create(); // (4)
  } catch (error) {
    failure = error;
  }
  const mail = mailer.flush(); // (5)
  if (failure) throw failure;
  return { ...result, mail };
}

function record(
  tracker: SheetTable<TrackerHeader>,
  log: SheetTable<CoachingLogHeader>,
  logged: Set<string>,
  row: PaceRow,
  level: CapLevel,
  at: Date,
  details: string,
): void {
  tracker.set(row.trackerIndex, TRACKER.capLevel, level);
  appendLog(log, logged, `${row.oid.toLowerCase()}|${level}`, row, level, at, details);
}

/** One Coaching Log entry, unless an earlier run (whose later writes failed) already wrote it. */
function appendLog(
  log: SheetTable<CoachingLogHeader>,
  logged: Set<string>,
  key: string,
  row: Pick<PaceRow, 'oid' | 'name' | 'tlName'>,
  level: CapLevel,
  at: Date,
  details: string,
): void {
  if (logged.has(key)) return;
  logged.add(key);
  log.append({
    [LOG.date]: at,
    [LOG.agentName]: row.name,
    [LOG.oid]: row.oid,
    [LOG.tlName]: row.tlName,
    [LOG.level]: level,
    [LOG.policy]: CAP_POLICY,
    [LOG.details]: details,
    [LOG.documentedBy]: DOCUMENTED_BY,
  });
}

/** One calendar event per proposed OT session, inviting the TL (the agent is told by the TL). */
function createOtEvents(row: PaceRow, sessions: Interval[], guests: string[]): void {
  const calendar = CalendarApp.getDefaultCalendar();
  sessions.forEach((s, k) =>
    calendar.createEvent(
      `OT session ${k + 1}/${sessions.length}: ${row.name} (${row.oid}) — finish certification`,
      s.start,
      s.end,
      {
        description: `Proposed by the ESP Licensing Tracker after the Final CAP for ${row.name}.`,
        guests: guests.slice(0, 1).join(','),
        sendInvites: false,
      },
    ),
  );
}
