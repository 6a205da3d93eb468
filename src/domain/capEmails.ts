/**
 * The CAP escalation emails: the Final CAP alert, the termination review and the exempt list. Same one
 * layout as every other email (emailLayout.ts escapes every value).
 */
import {
  type EmailContent,
  facts,
  formatHours,
  formatWhen,
  renderEmail,
  section,
  table,
} from './emailLayout';
import { type AgentRef, agentFacts } from './emails';
import type { Zone } from './timeZone';
import type { Interval } from './workingClock';

export interface CapFacts {
  agent: AgentRef;
  zone: Zone;
  itemsMissing: readonly string[];
  hoursSpent: number;
  /** Attendance code and missed hands checks, as a TL would summarise them. */
  attendance: string;
  deadline: Date;
}

function capFacts(f: CapFacts, deadlineLabel: string): ReturnType<typeof facts> {
  return agentFacts(
    f.agent,
    ['Items missing', f.itemsMissing.join(', ') || '-'],
    ['Working hours spent', formatHours(f.hoursSpent)],
    ['Attendance', f.attendance || '-'],
    [deadlineLabel, formatWhen(f.zone, f.deadline)],
  );
}

export function finalCapEmail(
  input: CapFacts & { extensionHours: number; otSessions: readonly Interval[] },
): EmailContent {
  return renderEmail({
    subject: `Final CAP: ${input.agent.name} (${input.agent.oid}) did not complete certification`,
    title: `Final CAP for ${input.agent.name}`,
    intro: [
      [
        `The 3.5-day certification window has ended and the agent is not complete. Please issue a Final CAP with HR: failure to complete within another ${input.extensionHours} working hours may result in termination of employment.`,
      ],
    ],
    sections: [
      section('Facts', [capFacts(input, 'Deadline')], 'alert'),
      section('Proposed OT sessions', [
        table(
          ['Session', 'Start', 'End'],
          input.otSessions.map((s, i) => [
            String(i + 1),
            formatWhen(input.zone, s.start),
            formatWhen(input.zone, s.end),
          ]),
        ),
      ]),
    ],
  });
}

export function terminationReviewEmail(input: CapFacts): EmailContent {
  return renderEmail({
    subject: `Termination review: ${input.agent.name} (${input.agent.oid}) missed the Final CAP deadline`,
    title: `Termination review for ${input.agent.name}`,
    intro: [
      ['The Final CAP deadline has passed and the agent is still not complete. Please review with HR.'],
    ],
    sections: [section('Facts', [capFacts(input, 'Final CAP deadline')], 'alert')],
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
          ['Agent', 'OID', 'TL', 'Exemption', 'Items missing'],
          input.agents.map((a) => [a.name, a.oid, a.tlName, a.exemption, a.itemsMissing.join(', ') || '-']),
        ),
      ]),
    ],
  });
}
