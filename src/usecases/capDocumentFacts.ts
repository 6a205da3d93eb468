/**
 * The Final CAP's terms and its "issued" step, shared by the CAP document and the `Confirm Final CAP
 * issued…` menu item (RULES R12).
 *
 * Terms: the deadline and the OT plan are computed exactly as the hourly CAP check computed them for the
 * alert (`finalCapDeadline` from the window end, or from the alert's Coaching Log date when it went out
 * late; `otSessions` from the later of the window end and the alert), so the alert, the document and the
 * termination check name one deadline and the same sessions.
 *
 * Issued: `CAP Level` moves from `Final CAP alert sent` (or the legacy `Final CAP`, or anything below)
 * to `Final CAP issued`, and the Coaching Log records the step (with the document link when there is
 * one). Never moves an agent down from `Termination`.
 */
import { formatWhen } from '../domain/emailLayout';
import {
  type CapLevel,
  TRACKER,
  capLevelOf,
  type TrackerHeader,
  type CoachingLogHeader,
} from '../domain/contract';
import { ON_TIME_MINUTES, type OtPlan, capRank, finalCapDeadline, otSessions } from '../domain/escalation';
import { type WorkingClock, windowEnd } from '../domain/workingClock';
import { CAP_POLICY, type CapHistory, LOG } from './capCheck';
import type { Config } from '../gas/config';
import { ContractError, type SheetTable } from '../gas/sheetTable';

export interface FinalCapTerms {
  windowEnd: Date;
  /** When the Final CAP alert went out (null: not yet). */
  alertAt: Date | null;
  /** What the deadline counts from: the window end, or the Final CAP alert when it went out late. */
  countedFrom: { what: 'the window end' | 'the Final CAP alert'; at: Date };
  deadline: Date;
  ot: OtPlan;
}

export function finalCapTerms(
  clock: WorkingClock,
  config: Config,
  history: CapHistory,
  oid: string,
  at: Date,
): FinalCapTerms {
  const end = windowEnd(clock, config.schedule);
  const alertAt = history.finalCapAt.get(oid.trim().toLowerCase()) ?? null;
  const issuedAt = alertAt ?? at;
  const deadline = finalCapDeadline(clock, {
    windowEnd: end,
    finalCapAt: issuedAt,
    extensionHours: config.settings.finalCapExtensionHours,
  });
  const from = issuedAt > end ? issuedAt : end;
  const ot = otSessions(clock, from, deadline, config.settings.otSessions, config.settings.otSessionHours);
  const late = issuedAt.getTime() > end.getTime() + ON_TIME_MINUTES * 60_000;
  const countedFrom = late
    ? { what: 'the Final CAP alert' as const, at: issuedAt }
    : { what: 'the window end' as const, at: end };
  return { windowEnd: end, alertAt, countedFrom, deadline, ot };
}

/** `Fri 1/16/2026 1:00 PM (8 working hours after the window end Thu 1/15/2026 12:00 PM)`. */
/**
 * The deadline with its date AND time, the date first (what a signed document is scanned for):
 * `12/9/2026 (Wed) at 1:00 PM - 8 working hours after the window end, Tue 12/8/2026 12:00 PM`.
 */
export function deadlineText(config: Config, terms: FinalCapTerms): string {
  const { zone } = config;
  const { what, at } = terms.countedFrom;
  const [weekday, mdy, ...time] = formatWhen(zone, terms.deadline).split(' ');
  const hours = config.settings.finalCapExtensionHours;
  return `${mdy} (${weekday}) at ${time.join(' ')} - ${hours} working hours after ${what}, ${formatWhen(zone, at)}`;
}

export interface IssueOutcome {
  previous: CapLevel | '';
  level: CapLevel;
  /** False when the agent already read `Final CAP issued` (nothing to change) or is at Termination. */
  changed: boolean;
}

/**
 * Records the Final CAP as issued for tracker row `i`: `CAP Level` → `Final CAP issued` and a Coaching
 * Log entry (or the link filled on an earlier `Final CAP issued` entry without one). Flushes the log
 * first, then the tracker, like the CAP check. Throws for an agent at Termination.
 */
export function issueFinalCap(
  tracker: SheetTable<TrackerHeader>,
  log: SheetTable<CoachingLogHeader>,
  i: number,
  at: Date,
  by: string,
  details: string,
  documentLink = '',
): IssueOutcome {
  const previous = capLevelOf(tracker.text(i, TRACKER.capLevel));
  const oid = tracker.text(i, TRACKER.oid);
  if (capRank(previous) > capRank('Final CAP issued')) {
    throw new ContractError(
      `${tracker.sheet.getName()} row ${tracker.sheetRow(i)}: ${TRACKER.capLevel} is "${previous}" for OID "${oid}": a Final CAP cannot be issued after a termination review (the ladder never goes back).`,
    );
  }
  const level: CapLevel = 'Final CAP issued';
  const mine = log
    .rowIndexes()
    .filter(
      (k) =>
        log.text(k, LOG.oid).toLowerCase() === oid.toLowerCase() &&
        capLevelOf(log.text(k, LOG.level)) === level,
    );
  const unlinked = mine.filter((k) => !log.text(k, LOG.documentLink)).pop();
  if (documentLink && unlinked !== undefined) log.set(unlinked, LOG.documentLink, documentLink);
  else if (mine.length === 0 || documentLink) {
    log.append({
      [LOG.date]: at,
      [LOG.agentName]: tracker.text(i, TRACKER.agentName),
      [LOG.oid]: oid,
      [LOG.tlName]: tracker.text(i, TRACKER.tlName),
      [LOG.level]: level,
      [LOG.policy]: CAP_POLICY,
      [LOG.details]: details,
      [LOG.documentedBy]: by,
      [LOG.documentLink]: documentLink,
    });
  }
  log.flush();
  const changed = previous !== level;
  if (changed) {
    tracker.set(i, TRACKER.capLevel, level);
    tracker.flush();
  }
  return { previous, level, changed };
}
