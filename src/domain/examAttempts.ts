/**
 * RULES R20 — the AHIP final-exam attempt ledger, pure. A score is 0-100 (typed `88`, `88%` or `88.5`);
 * 90 passes; an agent has at most 3 attempts. The seed: the five practice quizzes hold about 98 % of the
 * final's questions, so an agent who captured their screenshots is expected to pass the first time.
 *
 * What each failed attempt leads to (the CAP ladder, RULES R12, never skipping a level, never down):
 *   1st fail → the TL is told; a Verbal Coaching entry in `Coaching Log`; `CAP Level` at least Verbal Coaching.
 *   2nd fail → the TL is told the agent is AT RISK (one attempt left): the email, a `Coaching Note` line
 *              in the tracker, the Dashboard's exam table and the Coaching sidebar all show it.
 *   3rd fail → a Written CAP: `Coaching Log` entry, `CAP Level` at least Written CAP, a CAP document.
 *   A 4th attempt is refused (recorded rows are flagged, never deleted).
 */
import { type ExamResult, EXAM_RESULTS } from './contract';
import { isDate } from './values';

export const EXAM_PASS_SCORE = 90;
export const MAX_EXAM_ATTEMPTS = 3;

/** What a score cell or a typed score means: the score, or why it is not one (never guessed). */
export type ScoreReading = { ok: true; score: number } | { ok: false; problem: string };

/**
 * Reads a score: a number 0-100, or text `88`, `88%`, `88.5 %`. A number strictly between 0 and 1 is
 * refused: it is what a cell formatted as a percentage holds for `88%` (0.88), and guessing would turn a
 * 0.88 into an 88 — the TL is asked to type it as `88` or `88%` in the plain-text Score column.
 */
export function readScore(value: unknown): ScoreReading {
  if (isDate(value)) return { ok: false, problem: 'is a date, not a score: type 0-100 or 88%' };
  if (typeof value === 'boolean')
    return { ok: false, problem: 'is a checkbox, not a score: type 0-100 or 88%' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, problem: 'is not a number: type 0-100 or 88%' };
    if (value > 0 && value < 1)
      return {
        ok: false,
        problem: `looks like a percentage cell (${value} = ${Math.round(value * 1000) / 10}%?): type the score as 88 or 88%`,
      };
    return inRange(value);
  }
  const text = String(value ?? '').trim();
  if (!text) return { ok: false, problem: 'is blank: type the score, 0-100 or 88%' };
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(text);
  if (!m) return { ok: false, problem: 'is not a score: type a number 0-100, e.g. 88 or 88%' };
  return inRange(Number(m[1]));
}

function inRange(score: number): ScoreReading {
  if (score < 0 || score > 100) return { ok: false, problem: 'is outside 0-100: type the percentage scored' };
  return { ok: true, score };
}

export function examResult(score: number): ExamResult {
  return score >= EXAM_PASS_SCORE ? EXAM_RESULTS[0] : EXAM_RESULTS[1];
}

/** What a failed attempt leads to (RULES R20). */
export type ExamConsequence = 'none' | 'verbal-coaching' | 'at-risk' | 'written-cap';

export function examConsequence(attempt: number, result: ExamResult): ExamConsequence {
  if (result === 'Pass') return 'none';
  if (attempt === 1) return 'verbal-coaching';
  if (attempt === 2) return 'at-risk';
  return 'written-cap';
}

/** One ledger row as read: its data index, the agent and the parsed date and score (null = invalid). */
export interface LedgerRow {
  index: number;
  oid: string;
  /** `YYYY-MM-DD`, or null when the Date cell is not a date. */
  ymd: string | null;
  score: number | null;
}

/** Where each valid row stands: its attempt number and result, or why it cannot count. */
export type RowPlan =
  | { index: number; oid: string; attempt: number; score: number; result: ExamResult; ymd: string }
  | { index: number; oid: string; refused: string };

/**
 * Numbers each agent's valid attempts in date order (then row order) and refuses what cannot count: a
 * 4th attempt and an attempt after a pass. Rows with a bad date or score are left to the caller's flag
 * and take no number.
 */
export function planLedger(rows: readonly LedgerRow[]): RowPlan[] {
  const byAgent = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    if (r.ymd === null || r.score === null || !r.oid) continue;
    const key = r.oid.toLowerCase();
    byAgent.set(key, [...(byAgent.get(key) ?? []), r]);
  }
  const plans: RowPlan[] = [];
  for (const list of byAgent.values()) {
    const sorted = [...list].sort((a, b) => (a.ymd! < b.ymd! ? -1 : a.ymd! > b.ymd! ? 1 : a.index - b.index));
    let passedAt = 0;
    sorted.forEach((r, k) => {
      const attempt = k + 1;
      if (passedAt)
        plans.push({
          index: r.index,
          oid: r.oid,
          refused: `the agent already passed on attempt ${passedAt}`,
        });
      else if (attempt > MAX_EXAM_ATTEMPTS)
        plans.push({ index: r.index, oid: r.oid, refused: refusalText(MAX_EXAM_ATTEMPTS) });
      else {
        const result = examResult(r.score!);
        if (result === 'Pass') passedAt = attempt;
        plans.push({ index: r.index, oid: r.oid, attempt, score: r.score!, result, ymd: r.ymd! });
      }
    });
  }
  return plans.sort((a, b) => a.index - b.index);
}

function refusalText(attempts: number): string {
  return `attempt ${attempts + 1} refused: at most ${MAX_EXAM_ATTEMPTS} AHIP final-exam attempts are allowed and ${attempts} are recorded (escalate with the CAP ladder instead)`;
}

/** Why a new attempt cannot be recorded for an agent with these attempts, or null when it can. */
export function refuseNewAttempt(
  attempts: readonly { attempt: number; result: ExamResult }[],
): string | null {
  const passed = attempts.find((a) => a.result === 'Pass');
  if (passed) return `the agent already passed the AHIP final exam on attempt ${passed.attempt}`;
  if (attempts.length >= MAX_EXAM_ATTEMPTS) return refusalText(attempts.length);
  return null;
}

/** The first-attempt pass rate of a group of agents: agents with an attempt 1, and how many passed it. */
export interface PassRate {
  tested: number;
  passedFirst: number;
  /** 0-100, rounded; null when nobody has taken the exam yet. */
  rate: number | null;
  /** Agents with two failed attempts and no pass: at risk (one attempt left). */
  atRisk: number;
}

export function passRate(
  attempts: readonly { oid: string; attempt: number; result: ExamResult }[],
): PassRate {
  const first = attempts.filter((a) => a.attempt === 1);
  const passedFirst = first.filter((a) => a.result === 'Pass').length;
  return {
    tested: first.length,
    passedFirst,
    rate: first.length ? Math.round((passedFirst / first.length) * 100) : null,
    atRisk: atRiskOids(attempts).size,
  };
}

/** Agents (lower-cased OIDs) whose latest standing is two failed attempts without a pass. */
export function atRiskOids(
  attempts: readonly { oid: string; attempt: number; result: ExamResult }[],
): Set<string> {
  const byAgent = new Map<string, { fails: number; passed: boolean; last: number }>();
  for (const a of attempts) {
    const key = a.oid.toLowerCase();
    const s = byAgent.get(key) ?? { fails: 0, passed: false, last: 0 };
    if (a.result === 'Pass') s.passed = true;
    else s.fails++;
    s.last = Math.max(s.last, a.attempt);
    byAgent.set(key, s);
  }
  return new Set([...byAgent].filter(([, s]) => !s.passed && s.fails === 2 && s.last === 2).map(([k]) => k));
}

/** The Coaching Log `Details` that mark a failed attempt's entry (so a re-run adds none). */
export function examDetailsPrefix(attempt: number): string {
  return `AHIP final exam attempt ${attempt} of ${MAX_EXAM_ATTEMPTS} failed`;
}

/** The policy an exam coaching entry and CAP document cite. */
export const EXAM_POLICY =
  'Agent Timeframe Expectations: AHIP final exam passed on the first attempt (practice-quiz screenshots)';

/** The Coaching Log `Details` of a failed attempt's entry: the facts and the seed's expectation. */
export function examCoachingDetails(attempt: number, score: number, scores: readonly number[]): string {
  const head = `${examDetailsPrefix(attempt)}: ${score}% (${EXAM_PASS_SCORE}% passes)`;
  if (attempt === 1)
    return `${head}. Screenshots of all correct answers to the five practice quizzes make a first-time pass expected (about 98% of the final's questions are the same); review them before attempt 2.`;
  return `${head}. Scores so far: ${scores.map((s) => `${s}%`).join(', ')}. No attempt left: Written CAP.`;
}

/** The tracker `Coaching Note` line for an agent at risk after a second failed attempt (RULES R8 form). */
export function atRiskNoteText(scores: readonly number[]): string {
  return `${examDetailsPrefix(2)} (${scores.map((s) => `${s}%`).join(', ')}): AT RISK, one attempt left`;
}
