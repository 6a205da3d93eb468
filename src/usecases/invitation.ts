/**
 * RULES R13 — G2T invitation. One email per agent (cXp and personal address) with the G2T link, the
 * day's times, the expectations table and the progress-report link, through the one mailer (deduped per
 * agent, so re-running sends only to agents added since). The seed asks for the link 24 hours ahead:
 * later than that, the TL must confirm.
 */
import { ATTENDANCE_DAYS } from '../domain/contract';
import { dedupeKey } from '../domain/alerts';
import { resourceSettingsOf } from '../domain/resources';
import { dayTimesOf } from '../domain/settings';
import { now } from '../gas/clock';
import { type Config, requireClock } from '../gas/config';
import { Mailer, type MailSummary } from '../gas/mailer';
import { composed } from '../gas/mailRecipes';
import { readAgents } from './progressReport';
import { ContractError, type Spreadsheet } from '../gas/sheetTable';
import { openSpreadsheet } from '../gas/open';

export const NOTICE_HOURS = 24;

export type InvitationOutcome = { refused: string } | { summary: MailSummary; agents: number };

/** Hours from now until Day 1 starts (negative once it has started). */
export function hoursUntilDay1(config: Config): number {
  const clock = requireClock(config);
  return (clock.dayStartOf(1).getTime() - now().getTime()) / 3_600_000;
}

export function sendInvitation(
  ss: Spreadsheet,
  config: Config,
  confirmLate: (hours: number) => boolean,
): InvitationOutcome {
  const clock = requireClock(config);
  const { settings } = config;
  if (!settings.g2tLink)
    throw new ContractError('Settings "G2T Link" is blank: add the Go To Training link first.');
  if (!settings.progressReportId) {
    throw new ContractError(
      'Settings "Progress Report ID" is blank: run Create progress report first, so the email can link it.',
    );
  }
  const hours = hoursUntilDay1(config);
  if (hours < NOTICE_HOURS && !confirmLate(hours)) {
    return {
      refused:
        hours <= 0
          ? 'Day 1 has already started. Nothing was sent.'
          : `Day 1 starts in ${hours.toFixed(1)} hours, less than the ${NOTICE_HOURS} hours' notice agents should get. Nothing was sent.`,
    };
  }
  // The outbox stores the recipe (inputs), not the bodies, and composes it again if the send waits.
  const content = composed('g2t-invitation', {
    cohortName: settings.cohortName,
    dayDates: Array.from({ length: ATTENDANCE_DAYS }, (_, k) => clock.workingDate(k + 1)),
    g2tLink: settings.g2tLink,
    times: dayTimesOf(settings),
    schedule: config.schedule,
    progressReportUrl: openSpreadsheet(settings.progressReportId).getUrl(),
    certCoordinatorEmail: settings.certCoordinatorEmails[0] ?? settings.licensingTeamEmails[0] ?? '',
    resources: resourceSettingsOf(settings),
  });
  const mailer = new Mailer(ss, settings);
  const agents = readAgents(ss, config);
  for (const agent of agents) {
    mailer.queue({
      kind: 'g2t-invitation',
      to: [agent.cxpEmail, agent.personalEmail].filter(Boolean),
      ...content,
      urgent: false,
      // A Dry Run preview gets its own key: the Alert Log counts a previewed key as done, and a
      // preview must not stop the real invitation once Dry Run is turned off.
      dedupeKey: dedupeKey(
        'g2t-invitation',
        settings.day1 ?? '',
        agent.oid,
        ...(settings.dryRun ? ['preview'] : []),
      ),
      agents: [agent.name],
    });
  }
  return { summary: mailer.flush(), agents: agents.length };
}
