/**
 * CAP escalation when the 3.5-day window ends (SPEC behaviour 8). The seed: agents not complete after the
 * window get a Final CAP with "another 8 hours" to finish, and three 3-hour OT sessions; failing that,
 * termination may follow — unless delays were beyond their control (an Exemption such as "N-Number late").
 *
 * Exactly-once comes from the tracker, not from memory: the decision depends on the agent's current
 * `CAP Level`, and the caller records each level it acts on (Final CAP after `final-cap`, Termination
 * after `termination-review`), so a re-run or a second trigger decides `none`. The caller records a level
 * only once its alert is delivered or queued in the mail outbox and its Coaching Log entry exists
 * (src/gas/capCheck.ts); until then a re-run decides the same action again and completes it.
 */
import { CAP_LEVELS, COMPLETION_VALUES, type CapLevel } from './contract';
import type { Interval, WorkingClock } from './workingClock';

export type EscalationAction = 'none' | 'final-cap' | 'termination-review' | 'exempt';

export interface EscalationInput {
  complete: boolean;
  /** The tracker's Exemption text; any non-blank text exempts the agent. */
  exemption: string;
  capLevel: CapLevel | '';
  windowEnd: Date;
  /** Working hours granted after the Final CAP (Settings: Final CAP Extension Hours, default 8). */
  extensionHours: number;
  /**
   * When the Final CAP was actually issued, if known (Coaching Log date). The deadline runs from the later
   * of this and the window end, so an agent whose CAP went out late still gets the full extension.
   */
  finalCapAt?: Date;
  now: Date;
}

export interface EscalationDecision {
  action: EscalationAction;
  /** The Final CAP deadline, whenever the agent is incomplete, not exempt and the window has ended. */
  deadline?: Date;
}

const FINAL_CAP: CapLevel = 'Final CAP';

/** Position on the ladder: -1 for none, 0 Verbal Coaching … 3 Termination. */
export function capRank(level: CapLevel | ''): number {
  return level === '' ? -1 : CAP_LEVELS.indexOf(level);
}

/** The completion column says the 13-checkmark proof came in (`Submitted` or `Verified`). */
const COMPLETE_VALUES: ReadonlySet<string> = new Set(COMPLETION_VALUES.slice(1).map((v) => v.toLowerCase()));

/** Complete: every schedule item ticked, or the completion form's proof recorded in the tracker. */
export function isCertComplete(completion: string, doneCount: number, itemCount: number): boolean {
  return (itemCount > 0 && doneCount >= itemCount) || COMPLETE_VALUES.has(completion.trim().toLowerCase());
}

/** The Final CAP deadline: `extensionHours` of working time after the window end (or a later CAP). */
export function finalCapDeadline(clock: WorkingClock, input: EscalationInput): Date {
  const from = input.finalCapAt && input.finalCapAt > input.windowEnd ? input.finalCapAt : input.windowEnd;
  return clock.addWorkingMinutes(from, Math.max(0, input.extensionHours) * 60);
}

/**
 * What to do about one agent now. Before the window ends, and for complete agents, nothing. Exempt
 * agents are listed, never escalated. Below Final CAP: issue it (even when the deadline has passed too —
 * the ladder never skips a documented level). At Final CAP: termination review once the deadline passes.
 * At Termination: nothing more.
 */
export function decideEscalation(clock: WorkingClock, input: EscalationInput): EscalationDecision {
  if (input.complete || input.now < input.windowEnd) return { action: 'none' };
  if (input.exemption.trim() !== '') return { action: 'exempt' };
  const deadline = finalCapDeadline(clock, input);
  const rank = capRank(input.capLevel);
  if (rank < capRank(FINAL_CAP)) return { action: 'final-cap', deadline };
  if (rank === capRank(FINAL_CAP) && input.now >= deadline) return { action: 'termination-review', deadline };
  return { action: 'none', deadline };
}

/**
 * `count` OT sessions of `hours` working hours each, from `from` (normally the window end). Choice:
 * sessions run back to back in working time (breaks and lunch excluded, as everywhere in pace), and a
 * session that would not fit in what is left of a day starts at the next working day's start instead, so
 * no session straddles a night and each maps onto one calendar event. Sessions longer than a whole
 * working day have to straddle and do.
 *
 * Note the seed's numbers: three 3-hour sessions are 9 hours, one more than the 8-hour deadline, so the
 * last session can end after the deadline; the Final CAP email shows both and the TL decides.
 */
export function otSessions(clock: WorkingClock, from: Date, count: number, hours: number): Interval[] {
  const minutes = Math.max(0, hours) * 60;
  const sessions: Interval[] = [];
  let cursor = from;
  for (let i = 0; i < Math.max(0, Math.floor(count)); i++) {
    let start = clock.addWorkingMinutes(cursor, 0);
    const day = clock.dayNumberOf(start) ?? 0;
    if (day >= 1 && clock.workingMinutesBetween(start, clock.dayEndOf(day)) < minutes) {
      const next = clock.dayStartOf(day + 1);
      if (clock.workingMinutesBetween(next, clock.dayEndOf(day + 1)) >= minutes) start = next;
    }
    const end = clock.addWorkingMinutes(start, minutes);
    sessions.push({ start, end });
    cursor = end;
  }
  return sessions;
}
