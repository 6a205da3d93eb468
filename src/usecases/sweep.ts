/**
 * RULES R13, R14 — the nightly sweep (time trigger after Day End, working days only): sync progress, apply
 * the attendance rule, then one digest per TL about their agents only, one summary to the licensing team
 * and one reminder to each agent who did not self-report today. Everything goes through the one mailer;
 * a second sweep the same day sends nothing (dedupe keys carry the date).
 */
import { dedupeKey } from '../domain/alerts';
import { dayEndStatus } from '../domain/checklist';
import { LAST_SWEEP_DAY } from '../domain/cohorts';
import { ESP_STATUS_HEADERS, ISSUE_VALUES } from '../domain/contract';
import { type DigestInput, digestNeedsAction, type TeamCounts, type TrackerLinks } from '../domain/emails';
import { resourceSettingsOf } from '../domain/resources';
import type { Agent } from '../domain/roster';
import { isDate } from '../domain/values';
import { now } from '../gas/clock';
import { composed } from '../gas/mailRecipes';
import { readChecklistStamps } from './checklist';
import { cohortKeyPart } from './cohorts';
import { type Config, requireClock } from '../gas/config';
import { type AttendanceOutcome, applyAttendanceRule } from './attendanceRule';
import { RunBudget, scheduleContinuation } from '../gas/continuation';
import { refreshDashboard } from './dashboard';
import { readLayout } from '../gas/sheetsApi';
import { linksFrom } from '../gas/emailLinks';
import { reportBook, trackerTablesOf } from '../gas/tableCache';
import { readinessFor, readyForProduction } from './immediateAlerts';
import { evidenceOf } from './evidence';
import { type KnownTicks, proofItemOf, readinessLoader } from './readiness';
import { Mailer, type MailSummary } from '../gas/mailer';
import { openSpreadsheet } from '../gas/open';
import { readAgents } from './progressReport';
import { type PaceRow, syncProgress, verdictCounts } from './progressSync';
import type { Spreadsheet } from '../gas/sheetTable';

/** The sweep runs on working days from Day 1 through the day after Day 4 (the Final CAP extension). */
export { LAST_SWEEP_DAY };

export type SweepResult =
  | { skipped: string }
  | {
      day: number;
      agents: number;
      digests: number;
      /** TLs whose agents needed nothing tonight: no digest was sent to them (RULES R13). */
      quietTls?: number;
      reminders: number;
      mia: string[];
      mail: MailSummary;
    };

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
  // A batched run read the report's URL with its sheets (RULES R26).
  const reportUrl = reportBook(sync.reportId)?.url ?? openSpreadsheet(sync.reportId).getUrl();
  const links = sweepLinks(ss, config, reportUrl);
  // RULES R22, R23: the Completion Log is the one extra read (the rest is what the sync just read).
  const evidence = evidenceOf(ss, config, sync.rows, agents);
  const summarize = readinessFor(
    ss,
    config,
    mailer,
    readinessLoader(ss, config, knownTicks(sync.rows, proofItemOf(config.schedule)), evidence.log),
  );
  const certCoordinator =
    config.settings.certCoordinatorEmails[0] ?? config.settings.licensingTeamEmails[0] ?? '';

  const byTl = new Map<string, PaceRow[]>();
  for (const row of sync.rows) byTl.set(row.tlEmail, [...(byTl.get(row.tlEmail) ?? []), row]);
  const teams: TeamCounts[] = [];
  let reminders = 0;
  let digests = 0;
  let quietTls = 0;
  for (const [tlEmail, rows] of byTl) {
    const digest = digestFor(rows, agents, attendance, config, today, day, links);
    teams.push(teamCounts(digest.tlName, rows, digest));
    // Nothing to act on tonight (every section empty): no email (RULES R13).
    if (tlEmail && !digestNeedsAction(digest)) quietTls++;
    else if (tlEmail) {
      digests++;
      mailer.queue({
        kind: 'tl-digest',
        to: [tlEmail],
        ...composed('tl-digest', digest),
        urgent: false,
        dedupeKey: dedupeKey('tl-digest', today, tlEmail, ...cohortKeyPart(config)),
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
        { links, row: agent.row },
        isReady(agent)
          ? summarize(
              {
                oid: agent.oid,
                statuses: agent.espStatuses,
                completion: agent.completion,
                lastUpdated: agent.lastUpdated,
                attendanceCode: agent.attendance,
                attendanceNote: agent.attendanceNote ?? '',
                reportId: config.settings.progressReportId,
              },
              config.settings,
            )
          : {},
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
          resources: resourceSettingsOf(config.settings),
        }),
        urgent: false,
        dedupeKey: dedupeKey('self-report-reminder', today, row.oid),
        agents: [row.name],
      });
      reminders++;
    }
  }
  // RULES R25 — which TLs pressed "Done for today": one read of `TL Checklist`, whatever the agents.
  const tls = [...byTl].map(([tlEmail, rows]) => ({ tlName: rows[0]?.tlName ?? '', tlEmail }));
  const dayEnd = dayEndStatus(tls, readChecklistStamps(ss, config.zone), today);
  mailer.queue({
    kind: 'licensing-summary',
    to: config.settings.licensingTeamEmails,
    ...composed('licensing-summary', {
      cohortName: config.settings.cohortName,
      ymd: today,
      teams,
      links,
      dayEnd,
      evidence: evidence.input,
    }),
    urgent: false,
    dedupeKey: dedupeKey('licensing-summary', today, ...cohortKeyPart(config)),
  });
  refreshDashboard(ss, config, sync.rows);
  const mail = mailer.flush(budget);
  if (mail.outOfTime || mail.deferred > 0) scheduleContinuation();
  return { day, agents: sync.rows.length, digests, quietTls, reminders, mia: attendance.newlyMia, mail };
}

const isReady = (agent: Agent): boolean =>
  ESP_STATUS_HEADERS.every((h) => agent.espStatuses[h] === 'Complete');

/** The tick times the sync already computed: the readiness summary reads no Tick Log for these agents. */
function knownTicks(rows: readonly PaceRow[], proofItem: string): Map<string, KnownTicks> {
  const out = new Map<string, KnownTicks>();
  for (const row of rows) {
    const done = row.pace.items.filter((p) => p.done && p.doneAt);
    const last = done.reduce<Date | null>((a, p) => (p.doneAt && (!a || p.doneAt > a) ? p.doneAt : a), null);
    const proof = row.pace.items.find((p) => p.item === proofItem);
    out.set(row.oid.toLowerCase(), { lastTickAt: last, proofTickedAt: proof?.doneAt ?? null });
  }
  return out;
}

function reportedOn(row: PaceRow, config: Config, ymd: string): boolean {
  return row.lastSelfReport !== null && config.zone.ymd(row.lastSelfReport) === ymd;
}

/**
 * What one TL must act on tonight (RULES R13). Agents already complete (every schedule item ticked) are
 * left out of every list. A tracker row "to update tonight" is one of an agent not complete, flagged
 * tonight (MIA, behind, no self-report or an open Day-1 issue: each calls for a `Name - Date - Note`
 * line or a status in the row) and not edited today (`Last Updated` is not today). On-track agents who
 * reported need no manual update: the sync keeps their `AHIP/Aetna Status` itself.
 */
function digestFor(
  rows: PaceRow[],
  agents: Map<string, Agent>,
  attendance: AttendanceOutcome,
  config: Config,
  today: string,
  day: number,
  links: TrackerLinks,
): DigestInput {
  const agentOf = (r: PaceRow) => agents.get(r.oid.toLowerCase());
  const open = rows.filter((r) => r.verdict !== 'complete');
  const rowOf = (r: PaceRow): number => agentOf(r)?.row ?? r.trackerIndex + 2;
  const byOid = new Map(open.map((r) => [r.oid.toLowerCase(), r]));
  const flags = new Map<string, string[]>();
  const flag = (r: PaceRow, why: string) => flags.set(r.oid, [...(flags.get(r.oid) ?? []), why]);

  const mia: DigestInput['mia'][number][] = [];
  for (const m of attendance.mia) {
    const r = byOid.get(m.oid.toLowerCase());
    if (!r) continue;
    mia.push({ name: r.name, row: rowOf(r), missed: m.missed });
    flag(r, 'MIA');
  }
  const behind = open
    .filter((r) => r.verdict === 'behind' || r.verdict === 'at-risk')
    .map((r) => {
      if (r.verdict === 'behind') flag(r, 'behind');
      return {
        name: r.name,
        row: rowOf(r),
        verdict: r.verdict,
        overdueCount: r.overdue.length,
        overdue: r.overdue,
        projectedFinish: r.projectedFinish,
        lateFinish: r.projectedFinish > r.pace.windowEnd,
        slow: r.pace.paceWarnings.map((w) => ({
          item: w.item,
          spentHours: w.spentHours,
          limitHours: w.limitHours,
        })),
      };
    });
  const noSelfReport = open
    .filter((r) => !reportedOn(r, config, today))
    .map((r) => {
      flag(r, 'no self-report');
      return { name: r.name, row: rowOf(r) };
    });
  const issues: DigestInput['openDay1Issues'][number][] = [];
  for (const r of open) {
    const a = agentOf(r);
    if (a?.paymentIssue === OPEN) {
      issues.push({
        name: r.name,
        row: rowOf(r),
        issue: `Payment issue (open since Day 1${day > 1 ? `, now Day ${day}` : ''})`,
      });
      flag(r, 'payment issue');
    }
    if (a?.loginIssue === OPEN) {
      issues.push({ name: r.name, row: rowOf(r), issue: 'Login issue' });
      flag(r, 'login issue');
    }
  }
  const notUpdatedToday = open
    .filter((r) => {
      if (!flags.has(r.oid)) return false;
      const updated = agentOf(r)?.lastUpdated;
      return !(updated && isDate(updated) && config.zone.ymd(updated) === today);
    })
    .map((r) => ({
      name: r.name,
      row: rowOf(r),
      why: `${[...new Set(flags.get(r.oid))].join(', ')}: not updated today`,
    }));
  return {
    tlName: rows[0]?.tlName || 'team lead',
    cohortName: config.settings.cohortName,
    ymd: today,
    zone: config.zone,
    links,
    agentCount: rows.length,
    behind,
    noSelfReport,
    mia,
    openDay1Issues: issues,
    notUpdatedToday,
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

/**
 * The digest's links (the tracker, its sheets by gid, the report) with the sheet IDs from ONE
 * Spreadsheets.get (RULES R26): getSheetByName + getSheetId per sheet would be twelve calls.
 */
function sweepLinks(ss: Spreadsheet, config: Config, reportUrl: string): TrackerLinks {
  // A batched run has them already: no call.
  const tables = trackerTablesOf(ss);
  const layout = tables ? tables.layout : readLayout(config.trackerId ?? ss.getId());
  // A sheet made during this run (the first sync's Pace) is not in the batched layout: one look-up.
  const gid = (name: string) =>
    layout.find((s) => s.title === name)?.sheetId ??
    (tables ? ss.getSheetByName(name)?.getSheetId() : undefined);
  return linksFrom(tables ? tables.url : ss.getUrl(), gid, reportUrl);
}
