/**
 * CAP escalation when the 3.5-day window ends (RULES R12). The seed: agents not complete after the
 * window get a Final CAP with "another 8 hours" to finish, and three 3-hour OT sessions; failing that,
 * termination may follow — unless delays were beyond their control (an Exemption such as "N-Number late").
 *
 * Exactly-once comes from the tracker, not from memory: the decision depends on the agent's current
 * `CAP Level`, and the caller records each level it acts on (Final CAP after `final-cap`, Termination
 * after `termination-review`), so a re-run or a second trigger decides `none`. The caller records a level
 * only once its alert is delivered or queued in the mail outbox and its Coaching Log entry exists
 * (src/usecases/capCheck.ts); until then a re-run decides the same action again and completes it.
 *
 * THE RULE (RULES R12, refined): the Final CAP deadline is the window end + `Final CAP Extension Hours`
 * working hours (breaks, lunch, nights, weekends and holidays excluded; from the alert instead when it went
 * out more than an hour late). The `OT Sessions` of `OT Session Hours` are overtime, proposed outside
 * normal hours inside the extension: on each working day the hours right after Day End or right before
 * Day Start, earliest first, every one ending by the deadline. When fewer fit, the alert and the CAP
 * document say how many are left for the TL to arrange with HR; none is proposed after the deadline.
 */
import { CAP_LEVELS, COMPLETION_VALUES, type CapLevel } from './contract';
import type { Interval, WorkingClock } from './workingClock';

export type EscalationAction =
  | 'none'
  | 'final-cap'
  | 'termination-review'
  | 'exempt'
  /** Complete while on the Final CAP rung, not yet reported: tell TL and HR, no termination review. */
  | 'completed-in-extension';

export interface EscalationInput {
  complete: boolean;
  /** The tracker's Exemption text; any non-blank text exempts the agent. */
  exemption: string;
  capLevel: CapLevel | '';
  windowEnd: Date;
  /** Working hours granted after the Final CAP (Settings: Final CAP Extension Hours, default 8). */
  extensionHours: number;
  /**
   * When the Final CAP alert went out, if known (its Coaching Log date). See `finalCapDeadline`.
   */
  finalCapAt?: Date;
  /** A completion on the Final CAP rung was already reported (Coaching Log), so nothing more to say. */
  completionReported?: boolean;
  now: Date;
}

export interface EscalationDecision {
  action: EscalationAction;
  /** The Final CAP deadline, whenever the agent is on (or due for) the Final CAP rung. */
  deadline?: Date;
}

/** Position on the ladder: -1 for none, 0 Verbal Coaching … 4 Termination. */
export function capRank(level: CapLevel | ''): number {
  return level === '' ? -1 : CAP_LEVELS.indexOf(level);
}

/** On the Final CAP rung: the alert was sent, or the CAP was issued. */
export function isFinalCapStep(level: CapLevel | ''): boolean {
  return level === 'Final CAP alert sent' || level === 'Final CAP issued';
}

/** The completion column says the 13-checkmark proof came in (`Submitted` or `Verified`). */
const COMPLETE_VALUES: ReadonlySet<string> = new Set(COMPLETION_VALUES.slice(1).map((v) => v.toLowerCase()));

/** Complete: every schedule item ticked, or the completion form's proof recorded in the tracker. */
export function isCertComplete(completion: string, doneCount: number, itemCount: number): boolean {
  return (itemCount > 0 && doneCount >= itemCount) || COMPLETE_VALUES.has(completion.trim().toLowerCase());
}

/**
 * The hourly CAP check may send the Final CAP alert up to this long after the window end and still be on
 * time: an hourly trigger fires at a random minute within its hour (a platform fact).
 */
export const ON_TIME_MINUTES = 120;

/**
 * The Final CAP deadline (RULES R12): `extensionHours` of working time after the window end. When the
 * alert went out late — more than `ON_TIME_MINUTES` after the window end (a missed hourly check, an
 * outage) — it runs from the alert instead, so the agent still gets the full extension. The alert, the
 * CAP document and the termination check all call this with the same inputs, so they name one deadline.
 */
export function finalCapDeadline(
  clock: WorkingClock,
  input: Pick<EscalationInput, 'windowEnd' | 'finalCapAt' | 'extensionHours'>,
): Date {
  const late = input.windowEnd.getTime() + ON_TIME_MINUTES * 60_000;
  const from = input.finalCapAt && input.finalCapAt.getTime() > late ? input.finalCapAt : input.windowEnd;
  return clock.addWorkingMinutes(from, Math.max(0, input.extensionHours) * 60);
}

/**
 * What to do about one agent now. Before the window ends, nothing. Complete agents: nothing, except an
 * agent on the Final CAP rung whose completion was not yet reported (told once; the termination review
 * is never sent for them). Exempt agents are listed, never escalated. Below Final CAP: send the Final CAP
 * alert (even when the deadline has passed too — the ladder never skips a documented level). On the
 * Final CAP rung (alert sent or issued): termination review once the deadline passes. At Termination:
 * nothing more.
 */
export function decideEscalation(clock: WorkingClock, input: EscalationInput): EscalationDecision {
  if (input.now < input.windowEnd) return { action: 'none' };
  if (input.complete) {
    if (isFinalCapStep(input.capLevel) && !input.completionReported)
      return { action: 'completed-in-extension', deadline: finalCapDeadline(clock, input) };
    return { action: 'none' };
  }
  if (input.exemption.trim() !== '') return { action: 'exempt' };
  const rank = capRank(input.capLevel);
  if (rank < capRank('Final CAP alert sent')) {
    // This run sends the alert: its deadline is the one every later run computes from the log date.
    const deadline = finalCapDeadline(clock, { ...input, finalCapAt: input.finalCapAt ?? input.now });
    return { action: 'final-cap', deadline };
  }
  const deadline = finalCapDeadline(clock, input);
  if (isFinalCapStep(input.capLevel) && input.now >= deadline)
    return { action: 'termination-review', deadline };
  return { action: 'none', deadline };
}

/** The proposed OT sessions, and how many of the `wanted` could not be placed before the deadline. */
export interface OtPlan {
  sessions: Interval[];
  wanted: number;
  hours: number;
  unscheduled: number;
}

/**
 * The OT sessions of a Final CAP (RULES R12). OT is overtime: every session lies OUTSIDE normal hours and
 * inside the extension — it starts at or after `from` (the window end, or the late alert) and ends by the
 * deadline. Candidate slots, earliest first: on each working day, the `hours` right after Day End and
 * the `hours` right before Day Start; weekends and holidays are never proposed (they only lengthen the
 * extension). The first `count` slots that fit are proposed; when fewer fit, `unscheduled` says how many
 * the TL must arrange with HR — no session is ever proposed after the deadline.
 */
export function otSessions(
  clock: WorkingClock,
  from: Date,
  deadline: Date,
  count: number,
  hours: number,
): OtPlan {
  const wanted = Math.max(0, Math.floor(count));
  const minutes = Math.max(0, hours) * 60;
  const sessions: Interval[] = [];
  if (minutes > 0 && wanted > 0) {
    const first = clock.dayNumberOf(from);
    // The working day on or before `from` (its evening may still lie ahead), up to the deadline's day.
    let day = first === null ? dayBefore(clock, from) : Math.max(1, first);
    const shift = (d: Date, m: number): Date => new Date(d.getTime() + m * 60_000);
    for (; sessions.length < wanted && clock.dayStartOf(day) <= shift(deadline, minutes); day++) {
      const slots: Interval[] = [
        { start: shift(clock.dayStartOf(day), -minutes), end: clock.dayStartOf(day) },
        { start: clock.dayEndOf(day), end: shift(clock.dayEndOf(day), minutes) },
      ];
      for (const slot of slots) {
        if (sessions.length < wanted && slot.start >= from && slot.end <= deadline) sessions.push(slot);
      }
    }
  }
  return { sessions, wanted, hours: Math.max(0, hours), unscheduled: wanted - sessions.length };
}

/** The last working day before a non-working instant (Day 1 when there is none). */
function dayBefore(clock: WorkingClock, instant: Date): number {
  const next = clock.dayNumberOf(clock.addWorkingMinutes(instant, 0)) ?? 1;
  return Math.max(1, next - 1);
}
