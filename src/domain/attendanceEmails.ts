/**
 * Attendance emails beyond the MIA alert (emails.ts): the "returned" notice an ESP manager gets once when
 * an agent they were alerted about as MIA is present at a later hands check. Same one layout as every
 * other email (emailLayout.ts escapes every value); links like every manager email (the agent's row).
 */
import { SHEET } from './contract';
import { type EmailContent, link, para, renderEmail, section } from './emailLayout';
import { type AgentRef, type AlertPlace, agentFacts, sheetUrl, trackerRowUrl } from './emails';
import { formatMdy } from './timeZone';

export interface MiaReturnedInput extends AlertPlace {
  agent: AgentRef;
  /** Local date of the check the agent was present at, `YYYY-MM-DD`. */
  ymd: string;
  /** The hands check the agent was present at, e.g. `D1 After Lunch`. */
  returnedAt: string;
  /** The checks missed in the MIA episode that ended. */
  missed: readonly string[];
}

export function miaReturnedEmail(input: MiaReturnedInput): EmailContent {
  const row = trackerRowUrl(input.links, input.row);
  const attendance = sheetUrl(input.links, input.links?.attendanceGid);
  const opens = [
    ...(row ? [link("Agent's tracker row", row)] : []),
    ...(row && attendance ? [' · '] : []),
    ...(attendance ? [link(SHEET.attendance, attendance)] : []),
  ];
  return renderEmail({
    subject: `Returned: ${input.agent.name} (${input.agent.oid}) is no longer MIA - ${formatMdy(input.ymd)}`,
    title: `${input.agent.name} has returned`,
    intro: [
      [
        `The agent you were alerted about as MIA was present at the ${input.returnedAt} hands check. The ESP Tracker no longer shows them as MIA.`,
      ],
    ],
    sections: [
      section(
        'Agent and hands checks',
        [
          agentFacts(
            input.agent,
            ['Returned at', input.returnedAt],
            ['Missed checks', input.missed.join(', ') || '-'],
          ),
          ...(opens.length ? [para('Open: ', ...opens)] : []),
        ],
        'ok',
      ),
    ],
  });
}
