/**
 * Every email the tracker sends, as data rendered by the one layout (emailLayout.ts), which escapes every
 * value. Templates take plain facts and decide wording only; who receives what, and when, is the
 * callers' business (the mailer dedupes and plans quota in alerts.ts).
 */
import {
  type EmailContent,
  type Inline,
  type Section,
  type Tone,
  facts,
  formatHours,
  formatWhen,
  link,
  list,
  para,
  renderEmail,
  section,
  strong,
  table,
} from './emailLayout';
import type { ScheduleItem } from './schedule';
import { type Zone, formatMdy, formatTime12h, formatHhmm, parseHhmm } from './timeZone';
import { DAY_END, type DayTimes } from './workingClock';

/** Who an alert is about; shared by every per-agent alert. */
export interface AgentRef {
  name: string;
  oid: string;
  tlName: string;
}

export function agentFacts(
  agent: AgentRef,
  ...more: (readonly [string, Inline])[]
): ReturnType<typeof facts> {
  return facts([['Agent', agent.name], ['OID', agent.oid], ['TL', agent.tlName], ...more]);
}

const mailto = (email: string): Inline => link(email, `mailto:${email}`);

// ---------------------------------------------------------------------------------------------------------
// Agents

export interface G2tInvitation {
  cohortName: string;
  /** Day 1 … Day 4 dates, `YYYY-MM-DD`. */
  dayDates: readonly string[];
  g2tLink: string;
  times: DayTimes;
  schedule: readonly ScheduleItem[];
  progressReportUrl: string;
  certCoordinatorEmail: string;
}

function span(start: string, minutes: number): string {
  const end = formatHhmm((parseHhmm(start) ?? 0) + minutes);
  return `${formatTime12h(start)} - ${formatTime12h(end)}`;
}

/** The seed's expectations table from the Schedule: one row per due time, items and pace limits. */
function expectationsRows(schedule: readonly ScheduleItem[], dayDates: readonly string[]): Inline[][] {
  const groups = new Map<string, ScheduleItem[]>();
  for (const item of schedule) {
    const key = `${item.dueDay}|${item.dueTime}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].map((items) => {
    const { dueDay, dueTime } = items[0];
    const date = dayDates[dueDay - 1] ? ` (${formatMdy(dayDates[dueDay - 1])})` : '';
    const due =
      dueTime === DAY_END
        ? `End of Day ${dueDay}${date}`
        : `Day ${dueDay}${date} by ${formatTime12h(dueTime)}`;
    const pace = items
      .filter((i) => i.paceLimitHours !== null)
      .map((i) => `${i.item}: no more than ${i.paceLimitHours} h`)
      .join('; ');
    return [due, items.map((i) => i.item).join(', '), pace || '-'];
  });
}

export function g2tInvitationEmail(input: G2tInvitation): EmailContent {
  const t = input.times;
  const day1 = input.dayDates[0] ? formatMdy(input.dayDates[0]) : 'Day 1';
  return renderEmail({
    subject: `ESP Licensing training starts ${day1}: Go To Training link and expectations`,
    title: `Welcome to ESP Licensing training - ${input.cohortName}`,
    intro: [
      ['Join the Go To Training session here: ', link(input.g2tLink, input.g2tLink)],
      [
        'You have 3.5 working days to complete AHIP and Aetna certification. Please keep your camera on, stay muted, and raise your hand before each break and lower it after.',
      ],
    ],
    sections: [
      section('Daily schedule', [
        facts([
          ['Start', formatTime12h(t.dayStart)],
          ['Break 1', span(t.break1Start, t.breakMinutes)],
          ['Lunch', span(t.lunchStart, t.lunchMinutes)],
          ['Break 2', span(t.break2Start, t.breakMinutes)],
          ['End', formatTime12h(t.dayEnd)],
        ]),
      ]),
      section('What must be done, and by when', [
        table(['Due', 'Items', 'Pace to remain on track'], expectationsRows(input.schedule, input.dayDates)),
        list([
          'Screenshot every correct answer in the five practice quizzes: nearly all final exam questions come from them.',
          'Pay for AHIP with your N-Number (N followed by digits), not your NPN, to avoid payment problems.',
        ]),
      ]),
      section('Report your progress every evening', [
        para(
          'Tick your items in the ',
          link('Agent Progress Report', input.progressReportUrl),
          ' before logging off each evening. This is mandatory.',
        ),
        para(
          'If you cannot open the sheet, email the Cert Coordinator at ',
          mailto(input.certCoordinatorEmail),
          ' with your progress instead.',
        ),
      ]),
    ],
  });
}

export interface SelfReportReminder {
  agentName: string;
  ymd: string;
  progressReportUrl: string;
  certCoordinatorEmail: string;
}

export function selfReportReminderEmail(input: SelfReportReminder): EmailContent {
  return renderEmail({
    subject: `Reminder: report your ESP progress for ${formatMdy(input.ymd)}`,
    title: `Hi ${input.agentName}, we have no progress report from you today`,
    intro: [
      [
        'Please tick what you completed today in the ',
        link('Agent Progress Report', input.progressReportUrl),
        ' before logging off.',
      ],
      [
        'If you cannot open the sheet, email your progress to the Cert Coordinator at ',
        mailto(input.certCoordinatorEmail),
        '.',
      ],
    ],
    sections: [],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Team leads and the licensing team

export interface DigestInput {
  tlName: string;
  cohortName: string;
  ymd: string;
  zone: Zone;
  behind: readonly { name: string; verdict: string; overdueCount: number; projectedFinish: Date }[];
  overdueItems: readonly { name: string; item: string; dueAt: Date }[];
  noSelfReport: readonly string[];
  mia: readonly { name: string; missed: readonly string[] }[];
  openDay1Issues: readonly { name: string; issue: string }[];
  notUpdatedToday: readonly string[];
  paceWarnings: readonly { name: string; item: string; spentHours: number; limitHours: number }[];
}

/** A section only when it has rows, so the digest shows non-empty sections only. */
function rowsSection(
  heading: string,
  tone: Tone,
  headers: readonly string[],
  rows: readonly (readonly Inline[])[],
): Section[] {
  return rows.length ? [section(heading, [table(headers, rows)], tone)] : [];
}

/** The TL digest's sections, in the order a TL acts on them. */
function digestSections(d: DigestInput): Section[] {
  const when = (instant: Date): string => formatWhen(d.zone, instant);
  const names = (agents: readonly string[]): string[][] => agents.map((name) => [name]);
  return [
    ...rowsSection(
      'Behind schedule',
      'alert',
      ['Agent', 'Status', 'Overdue items', 'Projected finish'],
      d.behind.map((b) => [b.name, b.verdict, String(b.overdueCount), when(b.projectedFinish)]),
    ),
    ...rowsSection(
      'Overdue items',
      'alert',
      ['Agent', 'Item', 'Was due'],
      d.overdueItems.map((o) => [o.name, o.item, when(o.dueAt)]),
    ),
    ...rowsSection(
      'MIA',
      'alert',
      ['Agent', 'Missed hands checks'],
      d.mia.map((m) => [m.name, m.missed.join(', ')]),
    ),
    ...rowsSection('No self-report today', 'warn', ['Agent'], names(d.noSelfReport)),
    ...rowsSection(
      'Day-1 payment/login issues still open',
      'warn',
      ['Agent', 'Issue'],
      d.openDay1Issues.map((i) => [i.name, i.issue]),
    ),
    ...rowsSection('Tracker rows not updated today', 'warn', ['Agent'], names(d.notUpdatedToday)),
    ...rowsSection(
      'Pace warnings',
      'warn',
      ['Agent', 'Item', 'Time spent', 'Pace limit'],
      d.paceWarnings.map((p) => [p.name, p.item, formatHours(p.spentHours), formatHours(p.limitHours)]),
    ),
  ];
}

export function tlDigestEmail(input: DigestInput): EmailContent {
  const sections = digestSections(input);
  return renderEmail({
    subject: `ESP nightly digest ${formatMdy(input.ymd)} - ${input.cohortName} - ${sections.length ? 'action needed' : 'all on track'}`,
    title: `Your agents on ${formatMdy(input.ymd)}`,
    intro: [
      [
        `Hi ${input.tlName}, `,
        sections.length
          ? 'here is what needs your attention tonight.'
          : 'nothing needs your attention tonight.',
      ],
    ],
    sections: sections.length
      ? sections
      : [
          section(
            'All on track',
            [para('Every one of your agents is on track, reported today and present. Thank you!')],
            'ok',
          ),
        ],
  });
}

export interface TeamCounts {
  tlName: string;
  agents: number;
  complete: number;
  onTrack: number;
  atRisk: number;
  behind: number;
  mia: number;
  noSelfReport: number;
}

const COUNT_KEYS = ['agents', 'complete', 'onTrack', 'atRisk', 'behind', 'mia', 'noSelfReport'] as const;

export function licensingSummaryEmail(input: {
  cohortName: string;
  ymd: string;
  teams: readonly TeamCounts[];
}): EmailContent {
  const total = COUNT_KEYS.map((k) => input.teams.reduce((sum, t) => sum + t[k], 0));
  const rows: Inline[][] = input.teams.map((t) => [t.tlName, ...COUNT_KEYS.map((k) => String(t[k]))]);
  rows.push([strong('Total'), ...total.map((n) => strong(String(n)))]);
  return renderEmail({
    subject: `ESP licensing summary ${formatMdy(input.ymd)} - ${input.cohortName}`,
    title: `${input.cohortName}: progress on ${formatMdy(input.ymd)}`,
    sections: [
      section('By team lead', [
        table(['TL', 'Agents', 'Complete', 'On track', 'At risk', 'Behind', 'MIA', 'No self-report'], rows),
      ]),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Immediate alerts

export function miaAlertEmail(input: {
  agent: AgentRef;
  ymd: string;
  missed: readonly string[];
}): EmailContent {
  return renderEmail({
    subject: `MIA: ${input.agent.name} (${input.agent.oid}) - ${formatMdy(input.ymd)}`,
    title: `${input.agent.name} is MIA`,
    intro: [
      ['The agent did not respond to consecutive hands checks and has been marked MIA in the ESP Tracker.'],
    ],
    sections: [
      section('Details', [agentFacts(input.agent, ['Missed checks', input.missed.join(', ')])], 'alert'),
    ],
  });
}

export function salesInhibitorEmail(input: {
  agent: AgentRef;
  inhibitor: string;
  note: string;
}): EmailContent {
  return renderEmail({
    subject: `Sales Inhibitor: ${input.agent.name} (${input.agent.oid}) - ${input.inhibitor}`,
    title: `Sales Inhibitor reported for ${input.agent.name}`,
    intro: [['This may prevent the agent from being appointed or selling. Please review.']],
    sections: [
      section(
        'Details',
        [agentFacts(input.agent, ['Inhibitor', input.inhibitor], ['Note', input.note || '-'])],
        'alert',
      ),
    ],
  });
}

export function readyForProductionEmail(input: {
  agent: AgentRef;
  statuses: Readonly<Record<string, string>>;
}): EmailContent {
  return renderEmail({
    subject: `Ready for production: ${input.agent.name} (${input.agent.oid})`,
    title: `${input.agent.name} has completed all ESP tasks`,
    intro: [['Please transition the agent to production.']],
    sections: [section('ESP statuses', [agentFacts(input.agent, ...Object.entries(input.statuses))], 'ok')],
  });
}

export function unmatchedCompletionEmail(input: {
  zone: Zone;
  submittedAt: Date;
  reason: string;
  answers: readonly { question: string; answer: string }[];
}): EmailContent {
  return renderEmail({
    subject: `Completion form submission not matched to an agent (${formatWhen(input.zone, input.submittedAt)})`,
    title: 'A completion form submission needs a manual match',
    intro: [[input.reason], ['Please update AHIP+Aetna Completion in the ESP Tracker by hand.']],
    sections: [
      section('Submission', [facts(input.answers.map((a) => [a.question, a.answer] as const))], 'warn'),
    ],
  });
}
