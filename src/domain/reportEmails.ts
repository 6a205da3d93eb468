/**
 * The licensing team's alert when the nightly sync finds changes agents should not be able to make in the
 * shared progress report (rows appended, OIDs changed, the sheet renamed). Same one layout as every email
 * (emailLayout.ts escapes every value: what an agent typed arrives as text). Plain JSON input, so the
 * outbox stores it as a recipe and recomposes it at send time.
 */
import { type EmailContent, link, list, para, renderEmail, section } from './emailLayout';

/** At most this many problems are listed; the rest are counted ("and N more"). */
export const MAX_TAMPERING_LINES = 50;

export function reportTamperingEmail(input: {
  problems: readonly string[];
  reportUrl: string;
}): EmailContent {
  const shown = input.problems.slice(0, MAX_TAMPERING_LINES);
  const more = input.problems.length - shown.length;
  return renderEmail({
    subject: `Progress report tampering: ${input.problems.length} problem(s) need a look`,
    title: 'Changes agents should not be able to make',
    intro: [
      [
        'The nightly sync found changes agents should not be able to make in the shared progress report. ' +
          'Nothing was credited from them.',
      ],
    ],
    sections: [
      section(
        'What was found',
        [
          list([...shown, ...(more > 0 ? [`and ${more} more`] : [])]),
          para(link('Open the progress report', input.reportUrl)),
        ],
        'warn',
      ),
    ],
  });
}
