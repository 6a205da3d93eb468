/**
 * RULES R21 — coaching recorded from the sheet, pure: the policies a TL coaches against (the team's
 * expectations page), the level a TL may record (Verbal Coaching or a Written CAP; the Final CAP and the
 * termination review come from the CAP check), and the ladder's next step from what the agent already
 * has (RULES R12: never skip a level; `CAP Level` never goes down).
 */
import { type CapLevel, CAP_LEVELS } from './contract';
import { capRank } from './escalation';

/**
 * The policies of the team's expectations page ("hold the agents accountable according to the Agent
 * Timeframe Expectations, Attendance Policy, …"), each with what the agent was expected to do.
 */
export const COACHING_POLICIES = [
  'Agent Timeframe Expectations',
  'Attendance Policy',
  'AHIP Final Exam (first-attempt pass)',
  'G2T Training Expectations',
  'Self-Report Expectations',
] as const;
export type CoachingPolicy = (typeof COACHING_POLICIES)[number];

/** What each policy expects, written into the Coaching Log entry after the policy name. */
export const POLICY_EXPECTATION: Record<CoachingPolicy, string> = {
  'Agent Timeframe Expectations':
    'AHIP and Aetna certification within 3.5 working days, each module within its pace limit',
  'Attendance Policy': 'present and responsive at every hands check; absences approved by HR',
  'AHIP Final Exam (first-attempt pass)':
    'screenshots of all correct practice-quiz answers captured, so the final is passed the first time',
  'G2T Training Expectations': 'muted, camera on, engaged in the GoTo Training session',
  'Self-Report Expectations': 'progress self-reported before logging off every evening',
};

/** The levels a TL records from the Coaching sidebar. */
export const COACHING_LEVELS = ['Verbal Coaching', 'Written CAP'] as const satisfies readonly CapLevel[];
export type CoachingLevel = (typeof COACHING_LEVELS)[number];

/** The highest rung the agent has reached: the tracker's `CAP Level` or any `Coaching Log` entry. */
export function highestLevel(levels: readonly (CapLevel | '')[]): CapLevel | '' {
  let best: CapLevel | '' = '';
  for (const l of levels) if (capRank(l) > capRank(best)) best = l;
  return best;
}

/** The next step of the ladder, and whether the sidebar can record it. */
export interface LadderSuggestion {
  level: CapLevel;
  /** A level the sidebar records (Verbal Coaching / Written CAP). */
  recordable: boolean;
  why: string;
}

export function suggestNextLevel(highest: CapLevel | ''): LadderSuggestion {
  const next = CAP_LEVELS[Math.min(capRank(highest) + 1, CAP_LEVELS.length - 1)];
  const recordable = (COACHING_LEVELS as readonly string[]).includes(next);
  const why = highest
    ? `The agent has reached ${highest}; the next step of the ladder is ${next}.`
    : 'No coaching on record: the ladder starts with Verbal Coaching.';
  const how = recordable
    ? ''
    : ' It comes from the CAP check after the window ends, or Generate CAP document… (Final CAP).';
  return { level: next, recordable, why: why + how };
}

/** Whether `requested` may be recorded on top of `highest`, and what it does to `CAP Level`. */
export type LevelCheck =
  { ok: true; raisesTo: CapLevel | null; note: string } | { ok: false; problem: string };

export function checkLevel(
  highest: CapLevel | '',
  current: CapLevel | '',
  requested: CoachingLevel,
): LevelCheck {
  if (capRank(requested) > capRank(highest) + 1) {
    const missing = CAP_LEVELS[capRank(highest) + 1];
    return {
      ok: false,
      problem: `${requested} would skip ${missing}: the ladder never skips a level (record ${missing} first).`,
    };
  }
  if (capRank(requested) > capRank(current))
    return { ok: true, raisesTo: requested, note: `CAP Level "${current || 'blank'}" → "${requested}".` };
  return {
    ok: true,
    raisesTo: null,
    note: `CAP Level stays "${current}" (the ladder never goes down); the entry is recorded in the Coaching Log.`,
  };
}

/** The Coaching Log `Policy` cell: the policy and what it expects. */
export function policyText(policy: CoachingPolicy): string {
  return `${policy}: ${POLICY_EXPECTATION[policy]}`;
}
