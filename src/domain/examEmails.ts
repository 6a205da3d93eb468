/**
 * The TL's email about a failed AHIP final-exam attempt (RULES R20): what happened, what the tracker
 * recorded and what the TL does next. Same one layout as every email (emailLayout.ts escapes every value);
 * links to the agent's tracker row, the Coaching Log and, after a third failure, the CAP document.
 */
import { EXAM_ATTEMPTS_SHEET, SHEET } from './contract';
import { type EmailContent, link, para, renderEmail, section } from './emailLayout';
import { type AgentRef, type AlertPlace, agentFacts, sheetUrl, trackerRowUrl } from './emails';
import { EXAM_PASS_SCORE, type ExamConsequence, MAX_EXAM_ATTEMPTS } from './examAttempts';
import { formatMdy } from './timeZone';

export interface ExamFailedInput extends AlertPlace {
  agent: AgentRef;
  attempt: number;
  /** Every recorded score so far, in attempt order (this one last). */
  scores: readonly number[];
  /** Local date of the attempt, `YYYY-MM-DD`. */
  ymd: string;
  consequence: Exclude<ExamConsequence, 'none'>;
  /** The Written CAP document (third failure), when generated. */
  capDocument?: string;
}

const WHAT: Record<
  ExamFailedInput['consequence'],
  { subject: string; tone: 'warn' | 'alert'; next: string }
> = {
  'verbal-coaching': {
    subject: 'Verbal Coaching recorded',
    tone: 'warn',
    next: 'Coach the agent today: screenshots of all correct answers to the five practice quizzes make a first-time pass expected (about 98% of the final exam questions are the same). Review the missed modules with them before attempt 2. The Verbal Coaching entry is in the Coaching Log.',
  },
  'at-risk': {
    subject: 'AT RISK - one attempt left',
    tone: 'alert',
    next: 'The agent has one attempt left. Review the practice-quiz screenshots with them before the last attempt; a third failure is a Written CAP.',
  },
  'written-cap': {
    subject: 'Written CAP',
    tone: 'alert',
    next: 'No attempt is left. A Written CAP is recorded in the Coaching Log and the CAP document is shared with you, HR and the ESP managers only: review it with the agent and HR.',
  },
};

export function examFailedEmail(input: ExamFailedInput): EmailContent {
  const what = WHAT[input.consequence];
  const score = input.scores[input.scores.length - 1];
  const row = trackerRowUrl(input.links, input.row);
  const log = sheetUrl(input.links, input.links?.coachingLogGid);
  const opens = [
    ...(row ? [link("Agent's tracker row", row)] : []),
    ...(log ? [' · ', link(SHEET.coachingLog, log)] : []),
    ...(input.capDocument ? [' · ', link('CAP document', input.capDocument)] : []),
  ].filter((p, k) => !(k === 0 && p === ' · '));
  return renderEmail({
    subject: `AHIP exam failed: ${input.agent.name} (${input.agent.oid}) - attempt ${input.attempt} of ${MAX_EXAM_ATTEMPTS}, ${score}% - ${what.subject}`,
    title: `${input.agent.name} failed AHIP final attempt ${input.attempt}`,
    intro: [
      [
        `${input.agent.name} scored ${score}% on attempt ${input.attempt} of ${MAX_EXAM_ATTEMPTS} of the AHIP final exam on ${formatMdy(input.ymd)} (${EXAM_PASS_SCORE}% passes).`,
      ],
    ],
    sections: [
      section(
        'What to do',
        [
          para(what.next),
          agentFacts(
            input.agent,
            [EXAM_ATTEMPTS_SHEET.headers.attempt, `${input.attempt} of ${MAX_EXAM_ATTEMPTS}`],
            ['Scores so far', input.scores.map((s) => `${s}%`).join(', ')],
          ),
          ...(opens.length ? [para('Open: ', ...opens)] : []),
        ],
        what.tone,
      ),
    ],
  });
}
