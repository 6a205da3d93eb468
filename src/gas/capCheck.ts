/**
 * Behaviour 8 — CAP escalation (hourly `capCheck`). When the 3.5-day window ends, every incomplete agent
 * without an Exemption gets a Final CAP alert (TL, HR, ESP managers) with the facts, a deadline of
 * +`Final CAP Extension Hours` working hours and the proposed OT sessions (calendar events when
 * `Calendar Events` is TRUE); past the deadline, a termination-review alert. Each level is written once to
 * `Coaching Log` and the tracker's `CAP Level` — the CAP Level is what makes re-runs do nothing.
 * Exempt agents are listed separately, once.
 */
import { dedupeKey } from '../domain/alerts';
import { CAP_LEVELS, COACHING_LOG_HEADERS, SHEET, TRACKER, type CapLevel } from '../domain/contract';
import { exemptListEmail, finalCapEmail, terminationReviewEmail, type CapFacts } from '../domain/emails';
import { decideEscalation, isCertComplete, otSessions } from '../domain/escalation';
import { formatMdy } from '../domain/timeZone';
import { isDate } from '../domain/values';
import { type Interval, windowEnd } from '../domain/workingClock';
import { now } from './clock';
import { type Config, requireClock } from './config';
import { Mailer, type MailSummary } from './mailer';
import { type PaceRow, syncProgress } from './progressSync';
import { SheetTable, type Spreadsheet } from './sheetTable';

export const CAP_POLICY =
  'Agent Timeframe Expectations: AHIP and Aetna certification within 3.5 working days';
const DOCUMENTED_BY = 'ESP Licensing Tracker (automatic)';

export type CapResult =
  | { skipped: string }
  | { finalCaps: string[]; terminationReviews: string[]; exempt: string[]; mail: MailSummary };

export function runCapCheck(ss: Spreadsheet, config: Config): CapResult {
  const clock = requireClock(config);
  const at = now();
  const end = windowEnd(clock, config.schedule);
  if (at < end)
    return { skipped: `The certification window is open until ${formatMdy(config.zone.ymd(end))}.` };
  const { settings } = config;
  const sync = syncProgress(ss, config);
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.oid, TRACKER.capLevel, TRACKER.exemption]);
  const log = SheetTable.open(ss, SHEET.coachingLog, COACHING_LOG_HEADERS);
  const finalCapAt = new Map<string, Date>();
  for (const i of log.rowIndexes()) {
    const when = log.value(i, 'Date');
    if (log.text(i, 'Level') === 'Final CAP' && isDate(when))
      finalCapAt.set(log.text(i, 'OID').toLowerCase(), when);
  }
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
        ...finalCapEmail({ ...facts, extensionHours: settings.finalCapExtensionHours, otSessions: sessions }),
        urgent: true,
        dedupeKey: dedupeKey('final-cap', settings.day1 ?? '', row.oid),
        agents: [row.name],
      });
      if (settings.calendarEvents) createOtEvents(row, sessions, to);
      record(
        tracker,
        log,
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
        ...terminationReviewEmail(facts),
        urgent: true,
        dedupeKey: dedupeKey('termination-review', settings.day1 ?? '', row.oid),
        agents: [row.name],
      });
      record(
        tracker,
        log,
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
      ...exemptListEmail({ cohortName: settings.cohortName, agents: exemptAgents }),
      urgent: false,
      dedupeKey: dedupeKey('exempt-list', settings.day1 ?? '', ...exemptAgents.map((a) => a.oid)),
      agents: exemptAgents.map((a) => a.name),
    });
  }
  tracker.flush();
  log.flush();
  return { ...result, mail: mailer.flush() };
}

function record(
  tracker: SheetTable,
  log: SheetTable,
  row: PaceRow,
  level: CapLevel,
  at: Date,
  details: string,
): void {
  tracker.set(row.trackerIndex, TRACKER.capLevel, level);
  log.append({
    Date: at,
    'Agent Name': row.name,
    OID: row.oid,
    'TL Name': row.tlName,
    Level: level,
    Policy: CAP_POLICY,
    Details: details,
    'Documented By': DOCUMENTED_BY,
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
