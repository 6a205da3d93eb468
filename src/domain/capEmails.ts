/**
 * The CAP escalation emails: the Final CAP alert, the completion within the extension, the termination
 * review and the exempt list. Same one layout as every other email (emailLayout.ts escapes every value).
 * The deadline is always stated with its date AND time, and the OT plan as "N OT sessions of H hours",
 * each with its start and end (RULES R12); the CAP document uses the same wording (`otPlanLines`).
 */
import {
  type Block,
  type EmailContent,
  type Inline,
  formatHours,
  formatWhen,
  link,
  para,
  renderEmail,
  section,
  table,
} from './emailLayout';
import { TRACKER } from './contract';
import { type AgentRef, agentFacts } from './emails';
import type { OtPlan } from './escalation';
import type { Zone } from './timeZone';
import type { Interval } from './workingClock';

export interface CapLinks {
  /** The agent's tracker row: `<tracker url>#gid=<sheetId>&range=A<row>`. */
  trackerRow?: string;
  /** The agent's latest CAP document, when one was generated. */
  capDocument?: string;
}

export interface CapFacts {
  agent: AgentRef;
  zone: Zone;
  itemsMissing: readonly string[];
  hoursSpent: number;
  /** Attendance code and missed hands checks, as a TL would summarise them. */
  attendance: string;
  deadline: Date;
  links?: CapLinks;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "3 OT sessions of 3 hours" (Settings OT Sessions / OT Session Hours). */
export function otHeadline(plan: Pick<OtPlan, 'wanted' | 'hours'>): string {
  return `${plural(plan.wanted, 'OT session')} of ${plural(plan.hours, 'hour')}`;
}

/** The OT plan as sentences: the headline, each session start–end, and what could not be placed. */
export function otPlanLines(zone: Zone, plan: OtPlan, deadline: Date): string[] {
  const lines = [
    `${otHeadline(plan)}, outside normal hours, each ending by the deadline ${formatWhen(zone, deadline)}:`,
    ...plan.sessions.map(
      (s, k) => `Session ${k + 1}: ${formatWhen(zone, s.start)} - ${formatWhen(zone, s.end)}`,
    ),
  ];
  if (plan.unscheduled > 0) lines.push(unscheduledText(zone, plan, deadline));
  return lines;
}

function unscheduledText(zone: Zone, plan: OtPlan, deadline: Date): string {
  return (
    `Only ${plan.sessions.length} of the ${otHeadline(plan)} fit outside normal hours before the deadline: ` +
    `arrange the other ${plan.unscheduled} with HR before ${formatWhen(zone, deadline)} ` +
    '(no session is ever proposed after the deadline).'
  );
}

function capFacts(f: CapFacts, deadlineLabel: string): Block {
  return agentFacts(
    f.agent,
    ['Items missing', f.itemsMissing.join(', ') || '-'],
    ['Working hours spent', formatHours(f.hoursSpent)],
    [TRACKER.attendance, f.attendance || '-'],
    [deadlineLabel, formatWhen(f.zone, f.deadline)],
  );
}

function linkBlocks(links: CapLinks | undefined): Block[] {
  const parts: Inline[] = [];
  if (links?.trackerRow) parts.push(link("Open the agent's tracker row", links.trackerRow));
  if (links?.capDocument) {
    if (parts.length) parts.push(' · ');
    parts.push(link('Open the CAP document', links.capDocument));
  }
  return parts.length ? [para(...parts)] : [];
}

/**
 * `otSessions` / no `windowEnd`: the input shape of alerts queued by the previous version and still
 * pending in the outbox (recomposed at send time): they still render.
 */
type LegacyFinalCapInput = { otSessions?: readonly Interval[] };

export function finalCapEmail(
  input: CapFacts & { extensionHours: number; windowEnd?: Date; ot?: OtPlan } & LegacyFinalCapInput,
): EmailContent {
  const { zone } = input;
  const legacy = input.otSessions ?? [];
  const ot: OtPlan = input.ot ?? {
    sessions: [...legacy],
    wanted: legacy.length,
    hours: legacy.length ? (legacy[0].end.getTime() - legacy[0].start.getTime()) / 3_600_000 : 0,
    unscheduled: 0,
  };
  const deadline = formatWhen(zone, input.deadline);
  const ended = input.windowEnd ? ` ended ${formatWhen(zone, input.windowEnd)}` : ' has ended';
  return renderEmail({
    subject: `Final CAP: ${input.agent.name} (${input.agent.oid}) - ${plural(input.itemsMissing.length, 'item')} missing, deadline ${deadline}`,
    title: `Final CAP for ${input.agent.name}`,
    intro: [
      [
        `The 3.5-day certification window${ended} and the agent is not complete. ` +
          `Please issue a Final CAP with HR: failure to complete within another ${plural(input.extensionHours, 'working hour')} - by ${deadline} - may result in termination of employment.`,
      ],
      [
        'When the CAP is documented, generate the CAP document (ESP Licensing > Generate CAP document...) or use ESP Licensing > Confirm Final CAP issued...: the CAP Level then reads "Final CAP issued".',
      ],
    ],
    sections: [
      section('Facts', [capFacts(input, 'Deadline'), ...linkBlocks(input.links)], 'alert'),
      section(`Proposed: ${otHeadline(ot)}`, [
        para(
          `Overtime outside normal hours (after Day End or before Day Start on working days), each session ending by the deadline ${deadline}.`,
        ),
        table(
          ['Session', 'Start', 'End'],
          ot.sessions.map((s, i) => [String(i + 1), formatWhen(zone, s.start), formatWhen(zone, s.end)]),
        ),
        ...(ot.unscheduled > 0 ? [para(unscheduledText(zone, ot, input.deadline))] : []),
      ]),
    ],
  });
}

/** An agent on the Final CAP rung who completed: once, to the TL and HR; no termination review follows. */
export function finalCapCompletedEmail(input: {
  agent: AgentRef;
  zone: Zone;
  deadline: Date;
  /** When the hourly check found the agent complete. */
  foundAt: Date;
  links?: CapLinks;
}): EmailContent {
  const within = input.foundAt.getTime() <= input.deadline.getTime();
  const deadline = formatWhen(input.zone, input.deadline);
  return renderEmail({
    subject: within
      ? `Final CAP met: ${input.agent.name} (${input.agent.oid}) completed within the Final CAP extension`
      : `Final CAP: ${input.agent.name} (${input.agent.oid}) completed after the deadline, before a termination review`,
    title: `${input.agent.name} completed certification`,
    intro: [
      [
        within
          ? `${input.agent.name} completed within the Final CAP extension (deadline ${deadline}). The termination review is cancelled: none will be sent.`
          : `${input.agent.name} was found complete ${formatWhen(input.zone, input.foundAt)}, after the Final CAP deadline ${deadline} but before any termination review was sent. No termination review will be sent: decide with HR whether any follow-up is needed.`,
      ],
    ],
    sections: [
      section(
        'Facts',
        [
          agentFacts(
            input.agent,
            ['Final CAP deadline', deadline],
            ['Found complete', formatWhen(input.zone, input.foundAt)],
          ),
          ...linkBlocks(input.links),
        ],
        'ok',
      ),
    ],
  });
}

export function terminationReviewEmail(input: CapFacts & { finalCapIssued?: boolean }): EmailContent {
  return renderEmail({
    subject: `Termination review: ${input.agent.name} (${input.agent.oid}) missed the Final CAP deadline - ${plural(input.itemsMissing.length, 'item')} missing`,
    title: `Termination review for ${input.agent.name}`,
    intro: [
      [
        `The Final CAP deadline ${formatWhen(input.zone, input.deadline)} has passed and the agent is still not complete. Please review with HR.`,
      ],
      ...(input.finalCapIssued === false
        ? [
            [
              'The Final CAP was alerted but never confirmed as issued (CAP Level "Final CAP alert sent"): document it with HR before any decision.',
            ],
          ]
        : []),
    ],
    sections: [
      section('Facts', [capFacts(input, 'Final CAP deadline'), ...linkBlocks(input.links)], 'alert'),
    ],
  });
}

export function exemptListEmail(input: {
  cohortName: string;
  agents: readonly (AgentRef & { exemption: string; itemsMissing: readonly string[] })[];
}): EmailContent {
  return renderEmail({
    subject: `ESP exempt agents - ${input.cohortName} (${input.agents.length})`,
    title: 'Incomplete agents exempt from Final CAP',
    intro: [
      ['These agents did not finish in the window for reasons beyond their control, so no CAP was issued.'],
    ],
    sections: [
      section('Exempt agents', [
        table(
          ['Agent', TRACKER.oid, 'TL', TRACKER.exemption, 'Items missing'],
          input.agents.map((a) => [a.name, a.oid, a.tlName, a.exemption, a.itemsMissing.join(', ') || '-']),
        ),
      ]),
    ],
  });
}
