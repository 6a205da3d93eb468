/**
 * Behaviour 7 — the nightly sweep (time trigger after Day End, working days only): sync progress, apply
 * the attendance rule, then one digest per TL about their agents only, one summary to the licensing team
 * and one reminder to each agent who did not self-report today. Everything goes through the one mailer;
 * a second sweep the same day sends nothing (dedupe keys carry the date).
 */
import { dedupeKey } from '../domain/alerts';
import { ISSUE_VALUES } from '../domain/contract';
import { type DigestInput, type TeamCounts } from '../domain/emails';
import type { Agent } from '../domain/roster';
import { isDate } from '../domain/values';
import { now } from './clock';
import { composed } from './mailRecipes';
import { type Config, requireClock } from './config';
import { type AttendanceOutcome, applyAttendanceRule } from './attendanceRule';
import { RunBudget, scheduleContinuation } from './continuation';
import { refreshDashboard } from './dashboard';
import { readyForProduction } from './immediateAlerts';
import { Mailer, type MailSummary } from './mailer';
import { openSpreadsheet } from './open';
import { readAgents } from './progressReport';
import { type PaceRow, syncProgress, verdictCounts } from './progressSync';
import type { Spreadsheet } from './sheetTable';

/** The sweep runs on working days from Day 1 through the day after Day 4 (the Final CAP extension). */
export const LAST_SWEEP_DAY = 5;

export type SweepResult =
  | { skipped: string }
  | { day: number; agents: number; digests: number; reminders: number; mia: string[]; mail: MailSummary };

const OPEN = ISSUE_VALUES[1];

export function runNightlySweep(ss: Spreadsheet, config: Config, budget = new RunBudget()): SweepResult {
  const clock = requireClock(config);
  const at = now();
  const day = clock.dayNumberOf(at);
  if (day === null) return { skipped: 'Today is not a working day: nothing is sent.' };
  if (day < 1 || day > LAST_SWEEP_DAY)
    return { skipped: `Today is outside the cohort's days (Day ${day}): nothing is sent.` };
  const today = config.zone.ymd(at);
  const mailer = new Mailer(ss, config.settings);
  const sync = syncProgress(ss, config);
  const attendance = applyAttendanceRule(ss, config, at, mailer);
  const agents = new Map(readAgents(ss).map((a) => [a.oid.toLowerCase(), a]));
  const reportUrl = openSpreadsheet(sync.reportId).getUrl();
  const certCoordinator =
    config.settings.certCoordinatorEmails[0] ?? config.settings.licensingTeamEmails[0] ?? '';

  const byTl = new Map<string, PaceRow[]>();
  for (const row of sync.rows) byTl.set(row.tlEmail, [...(byTl.get(row.tlEmail) ?? []), row]);
  const teams: TeamCounts[] = [];
  let reminders = 0;
  for (const [tlEmail, rows] of byTl) {
    const digest = digestFor(rows, agents, attendance, config, today, day);
    teams.push(teamCounts(digest.tlName, rows, digest));
    if (tlEmail) {
      mailer.queue({
        kind: 'tl-digest',
        to: [tlEmail],
        ...composed('tl-digest', digest),
        urgent: false,
        dedupeKey: dedupeKey('tl-digest', today, tlEmail),
        agents: rows.map((r) => r.name),
      });
    }
    for (const row of rows) {
      const agent = agents.get(row.oid.toLowerCase());
      if (!agent) continue;
      const ready = readyForProduction(
        { name: row.name, oid: row.oid, tlName: row.tlName },
        agent.espStatuses,
        config.settings,
      );
      if (ready) mailer.queue(ready);
      if (row.verdict === 'complete' || reportedOn(row, config, today)) continue;
      mailer.queue({
        kind: 'self-report-reminder',
        to: [agent.cxpEmail, agent.personalEmail].filter(Boolean),
        ...composed('self-report-reminder', {
          agentName: row.name,
          ymd: today,
          progressReportUrl: reportUrl,
          certCoordinatorEmail: certCoordinator,
        }),
        urgent: false,
        dedupeKey: dedupeKey('self-report-reminder', today, row.oid),
        agents: [row.name],
      });
      reminders++;
    }
  }
  mailer.queue({
    kind: 'licensing-summary',
    to: config.settings.licensingTeamEmails,
    ...composed('licensing-summary', { cohortName: config.settings.cohortName, ymd: today, teams }),
    urgent: false,
    dedupeKey: dedupeKey('licensing-summary', today),
  });
  refreshDashboard(ss, config, sync.rows);
  const mail = mailer.flush(budget);
  if (mail.outOfTime || mail.deferred > 0) scheduleContinuation();
  return { day, agents: sync.rows.length, digests: teams.length, reminders, mia: attendance.newlyMia, mail };
}

function reportedOn(row: PaceRow, config: Config, ymd: string): boolean {
  return row.lastSelfReport !== null && config.zone.ymd(row.lastSelfReport) === ymd;
}

function digestFor(
  rows: PaceRow[],
  agents: Map<string, Agent>,
  attendance: AttendanceOutcome,
  config: Config,
  today: string,
  day: number,
): DigestInput {
  const agentOf = (r: PaceRow) => agents.get(r.oid.toLowerCase());
  const mine = new Set(rows.map((r) => r.oid.toLowerCase()));
  const open: { name: string; issue: string }[] = [];
  for (const r of rows) {
    const a = agentOf(r);
    if (a?.paymentIssue === OPEN)
      open.push({
        name: r.name,
        issue: `Payment issue (open since Day 1${day > 1 ? `, now Day ${day}` : ''})`,
      });
    if (a?.loginIssue === OPEN) open.push({ name: r.name, issue: 'Login issue' });
  }
  return {
    tlName: rows[0]?.tlName || 'team lead',
    cohortName: config.settings.cohortName,
    ymd: today,
    zone: config.zone,
    behind: rows
      .filter((r) => r.verdict === 'behind' || r.verdict === 'at-risk')
      .map((r) => ({
        name: r.name,
        verdict: r.verdict,
        overdueCount: r.overdue.length,
        projectedFinish: r.projectedFinish,
      })),
    overdueItems: rows.flatMap((r) =>
      r.pace.items.filter((i) => i.overdue).map((i) => ({ name: r.name, item: i.item, dueAt: i.dueAt })),
    ),
    noSelfReport: rows
      .filter((r) => r.verdict !== 'complete' && !reportedOn(r, config, today))
      .map((r) => r.name),
    mia: attendance.mia
      .filter((m) => mine.has(m.oid.toLowerCase()))
      .map((m) => ({ name: m.name, missed: m.missed })),
    openDay1Issues: open,
    notUpdatedToday: rows
      .filter((r) => {
        const updated = agentOf(r)?.lastUpdated;
        return !(updated && isDate(updated) && config.zone.ymd(updated) === today);
      })
      .map((r) => r.name),
    paceWarnings: rows.flatMap((r) =>
      r.pace.paceWarnings.map((w) => ({
        name: r.name,
        item: w.item,
        spentHours: w.spentHours,
        limitHours: w.limitHours,
      })),
    ),
  };
}

function teamCounts(tlName: string, rows: PaceRow[], digest: DigestInput): TeamCounts {
  return {
    tlName,
    ...verdictCounts(rows),
    mia: digest.mia.length,
    noSelfReport: digest.noSelfReport.length,
  };
}
