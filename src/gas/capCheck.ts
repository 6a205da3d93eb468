/**
 * Behaviour 8 — CAP escalation (hourly `capCheck`). When the 3.5-day window ends, every incomplete agent
 * without an Exemption gets a Final CAP alert (TL, HR, ESP managers) with the facts, a deadline of
 * +`Final CAP Extension Hours` working hours and the proposed OT sessions (calendar events when
 * `Calendar Events` is TRUE); past the deadline, a termination-review alert. Exempt agents are listed
 * separately, once.
 *
 * Exactly once, whatever fails (behaviour 11). The tracker's `CAP Level` is what makes re-runs do nothing,
 * so it is written last: (1) the alerts are committed to the mail outbox (`pending`, durable) — if that
 * fails nothing is recorded and the next hourly run starts again; (2) the Coaching Log rows are written,
 * skipping a level the log already holds for the agent (a re-run after a partial failure adds no second
 * row); (3) `CAP Level`; (4) calendar events, for levels recorded in this run only; (5) the mailer sends
 * (a mail outage leaves the alerts pending; every later run — this hourly check included, even while the
 * window is open — sends them). If (2) or (3) fails the alerts still go, the error is rethrown, and the
 * next run finds the level missing, queues the same dedupe key (already sent: not sent again) and
 * completes the record.
 */
import { dedupeKey } from '../domain/alerts';
import { CAP_LEVELS, COACHING_LOG_HEADERS, SHEET, TRACKER, type CapLevel } from '../domain/contract';
import type { CapFacts, exemptListEmail } from '../domain/capEmails';
import { decideEscalation, isCertComplete, otSessions } from '../domain/escalation';
import { formatMdy } from '../domain/timeZone';
import { isDate } from '../domain/values';
import { type Interval, windowEnd } from '../domain/workingClock';
import { now } from './clock';
import { type Config, requireClock } from './config';
import { Mailer, type MailSummary } from './mailer';
import { composed } from './mailRecipes';
import { type PaceRow, syncProgress } from './progressSync';
import { SheetTable, type Spreadsheet } from './sheetTable';

export const CAP_POLICY =
  'Agent Timeframe Expectations: AHIP and Aetna certification within 3.5 working days';
const DOCUMENTED_BY = 'ESP Licensing Tracker (automatic)';
const [date, agentName, oid, tlName, level, policy, details, documentedBy] = COACHING_LOG_HEADERS;
/** Coaching Log headers by role (the contract's names). */
const LOG = { date, agentName, oid, tlName, level, policy, details, documentedBy };

export type CapResult =
  | { skipped: string; mail?: MailSummary }
  | { finalCaps: string[]; terminationReviews: string[]; exempt: string[]; mail: MailSummary };

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
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.oid, TRACKER.capLevel, TRACKER.exemption]);
  const log = SheetTable.open(ss, SHEET.coachingLog, COACHING_LOG_HEADERS);
  const finalCapAt = new Map<string, Date>();
  const logged = new Set<string>();
  for (const i of log.rowIndexes()) {
    const when = log.value(i, LOG.date);
    const oid = log.text(i, LOG.oid).toLowerCase();
    const level = log.text(i, LOG.level);
    logged.add(`${oid}|${level}`);
    if (level === 'Final CAP' && isDate(when)) finalCapAt.set(oid, when);
  }
  const events: (() => void)[] = [];
  const mailer = new Mailer(ss, settings);
  const result = { finalCaps: [] as string[], terminationReviews: [] as string[], exempt: [] as string[] };
  const exemptAgents: Parameters<typeof exemptListEmail>[0]['agents'][number][] = [];
  for (const row of sync.rows) {
    const i = row.trackerIndex;
    const level = tracker.text(i, TRACKER.capLevel);
    const capLevel = (CAP_LEVELS as readonly string[]).includes(level) ? (level as CapLevel) : '';
    const completion = tracker.has(TRACKER.completion) ? tracker.text(i, TRACKER.completion) : '';
    const decision = decideEscalation(clock, {
      complete: isCertComplete(completion, row.doneCount, row.itemCount),
      exemption: tracker.text(i, TRACKER.exemption),
      capLevel,
      windowEnd: end,
      extensionHours: settings.finalCapExtensionHours,
      finalCapAt: finalCapAt.get(row.oid.toLowerCase()),
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
    // final-cap and termination-review always carry the deadline.
    const deadline = decision.deadline ?? end;
    const facts: CapFacts = {
      agent,
      zone: config.zone,
      itemsMissing: row.missingItems,
      hoursSpent: row.hoursSpent,
      attendance: tracker.has(TRACKER.attendance) ? tracker.text(i, TRACKER.attendance) : '',
      deadline,
    };
    const to = [row.tlEmail, ...settings.hrEmails, ...settings.espManagerEmails].filter(Boolean);
    if (decision.action === 'final-cap') {
      const sessions = otSessions(clock, end, settings.otSessions, settings.otSessionHours);
      mailer.queue({
        kind: 'final-cap',
        to,
        ...composed('final-cap', {
          ...facts,
          extensionHours: settings.finalCapExtensionHours,
          otSessions: sessions,
        }),
        urgent: true,
        dedupeKey: dedupeKey('final-cap', settings.day1 ?? '', row.oid),
        agents: [row.name],
      });
      if (settings.calendarEvents) events.push(() => createOtEvents(row, sessions, to));
      record(
        tracker,
        log,
        logged,
        row,
        'Final CAP',
        at,
        `Missed the 3.5-day window. Missing: ${row.missingItems.join(', ')}. Deadline ${formatMdy(config.zone.ymd(deadline))} (+${settings.finalCapExtensionHours} working hours); ${sessions.length} OT session(s) of ${settings.otSessionHours} h proposed.`,
      );
      result.finalCaps.push(row.name);
    } else if (decision.action === 'termination-review') {
      mailer.queue({
        kind: 'termination-review',
        to,
        ...composed('termination-review', facts),
        urgent: true,
        dedupeKey: dedupeKey('termination-review', settings.day1 ?? '', row.oid),
        agents: [row.name],
      });
      record(
        tracker,
        log,
        logged,
        row,
        'Termination',
        at,
        `Termination review: still incomplete after the Final CAP deadline. Missing: ${row.missingItems.join(', ')}.`,
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
  tracker: SheetTable,
  log: SheetTable,
  logged: Set<string>,
  row: PaceRow,
  level: CapLevel,
  at: Date,
  details: string,
): void {
  tracker.set(row.trackerIndex, TRACKER.capLevel, level);
  const key = `${row.oid.toLowerCase()}|${level}`;
  if (logged.has(key)) return; // written by an earlier run whose CAP Level write failed
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
