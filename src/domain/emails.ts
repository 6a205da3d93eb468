/**
 * Every email the tracker sends, as data rendered by the one layout (emailLayout.ts), which escapes every
 * value. Templates take plain facts and decide wording only; who receives what, and when, is the
 * callers' business (the mailer dedupes and plans quota in alerts.ts).
 */
import {
  type Block,
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
import { guidesSection, type ResourceSettings } from './resources';
import type { DayEndStatus } from './checklist';
import { COHORTS, COMPLETION_LOG, SHEET, TRACKER } from './contract';
import type { Disagreement } from './evidence';
import { type ReadinessSummary, readinessSections } from './readiness';
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
  return facts([['Agent', agent.name], [TRACKER.oid, agent.oid], ['TL', agent.tlName], ...more]);
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
  /** RULES R24 — the guides to link (absent in recipes stored before the links existed). */
  resources?: ResourceSettings;
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
      ...guidesSection(input.resources, ['ahipGuideUrl', 'aetnaGuideUrl', 'techIssuesGuideUrl']),
    ],
  });
}

export interface SelfReportReminder {
  agentName: string;
  ymd: string;
  progressReportUrl: string;
  certCoordinatorEmail: string;
  /** RULES R24 — the guides to link (absent in recipes stored before the links existed). */
  resources?: ResourceSettings;
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
    sections: guidesSection(
      input.resources,
      ['ahipGuideUrl', 'aetnaGuideUrl', 'techIssuesGuideUrl'],
      'Stuck? The guides',
    ),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Links (RULES R13: every TL and manager email links to what it is about)

/**
 * Where the tracker's pages are, captured once per run by the caller (`Spreadsheet.getUrl()` and each
 * sheet's `getSheetId()`: a handful of calls whatever the number of agents). Templates build every link
 * from it; a part that is missing means no link, never a broken one.
 */
export interface TrackerLinks {
  /** `Spreadsheet.getUrl()` of the tracker: `https://docs.google.com/spreadsheets/d/<id>/edit`. */
  trackerUrl: string;
  /** Sheet IDs (`gid`), absent when the sheet does not exist. */
  trackerGid?: number;
  /** The `Pace` sheet: the cohort's status, one row per agent. */
  statusGid?: number;
  alertLogGid?: number;
  coachingLogGid?: number;
  attendanceGid?: number;
  dashboardGid?: number;
  /** `Spreadsheet.getUrl()` of the cohort's progress report. */
  reportUrl?: string;
}

/** `<tracker>#gid=<sheet>` (and `&range=A<row>` for a row), or null when the parts are unknown. */
export function sheetUrl(
  links: TrackerLinks | undefined,
  gid: number | undefined,
  row?: number,
): string | null {
  if (!links || typeof links.trackerUrl !== 'string' || !/^https:\/\//.test(links.trackerUrl)) return null;
  if (typeof gid !== 'number' || !Number.isInteger(gid) || gid < 0) return null;
  const base = links.trackerUrl.split('#')[0];
  const range = row !== undefined && Number.isInteger(row) && row >= 2 ? `&range=A${row}` : '';
  return `${base}#gid=${gid}${range}`;
}

/** The agent's row in the `ESP Tracker` sheet. */
export const trackerRowUrl = (links: TrackerLinks | undefined, row: number | undefined): string | null =>
  row === undefined ? null : sheetUrl(links, links?.trackerGid, row);

/** The name, linked to the agent's tracker row when it is known. */
function agentLink(links: TrackerLinks | undefined, name: string, row: number | undefined): Inline {
  const url = trackerRowUrl(links, row);
  return url ? link(name, url) : strong(name);
}

/** "Open: Tracker · Cohort status · …" — the pages an email is about, those that are known. */
function quickLinkParts(pairs: readonly (readonly [string, string | null | undefined])[]): Inline[] {
  const parts: Inline[] = [];
  for (const [text, href] of pairs) {
    if (!href) continue;
    parts.push(parts.length ? ' · ' : 'Open: ', link(text, href));
  }
  return parts;
}

function quickLinks(pairs: readonly (readonly [string, string | null | undefined])[]): Block[] {
  const parts = quickLinkParts(pairs);
  return parts.length ? [para(...parts)] : [];
}

// ---------------------------------------------------------------------------------------------------------
// Team leads and the licensing team

/** Lists longer than this show their first rows and "and N more" with a link (RULES R13). */
export const MAX_LIST_ROWS = 15;

/** An agent in a digest list; `row` is the agent's 1-based row in `ESP Tracker` (for the link). */
export interface DigestAgent {
  name: string;
  row?: number;
}

export interface SlowItem {
  item: string;
  spentHours: number;
  limitHours: number;
}

export interface DigestInput {
  tlName: string;
  cohortName: string;
  ymd: string;
  zone: Zone;
  links?: TrackerLinks;
  /** How many agents the TL has in this cohort (complete ones included). */
  agentCount?: number;
  /** Behind (something overdue) and at risk (late projected finish or slow items); never complete agents. */
  behind: readonly (DigestAgent & {
    verdict: string;
    overdueCount: number;
    overdue?: readonly string[];
    projectedFinish: Date;
    /** The projected finish is after the window's end. */
    lateFinish?: boolean;
    slow?: readonly SlowItem[];
  })[];
  /** Not complete and no self-report today. (Plain names are accepted from outboxes queued before links.) */
  noSelfReport: readonly (string | DigestAgent)[];
  mia: readonly (DigestAgent & { missed: readonly string[] })[];
  openDay1Issues: readonly (DigestAgent & { issue: string })[];
  /** Rows the TL must write in tonight (the rule is in docs/RULES.md R13), with why. */
  notUpdatedToday: readonly (string | (DigestAgent & { why?: string }))[];
}

const agentOf = (a: string | DigestAgent): DigestAgent => (typeof a === 'string' ? { name: a } : a);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
/** `12/9` from `2026-12-09`: subjects stay short on a phone. */
const shortMdy = (ymd: string): string => formatMdy(ymd).replace(/\/\d{4}$/, '');

interface DigestCounts {
  behind: number;
  atRisk: number;
  mia: number;
  noSelfReport: number;
  issues: number;
  rowsToUpdate: number;
}

function digestCounts(d: DigestInput): DigestCounts {
  const behind = d.behind ?? [];
  return {
    behind: behind.filter((b) => b.verdict === 'behind').length,
    atRisk: behind.filter((b) => b.verdict !== 'behind').length,
    mia: (d.mia ?? []).length,
    noSelfReport: (d.noSelfReport ?? []).length,
    issues: (d.openDay1Issues ?? []).length,
    rowsToUpdate: (d.notUpdatedToday ?? []).length,
  };
}

function countsPhrase(c: DigestCounts): string {
  return [
    c.behind ? `${c.behind} behind` : '',
    c.atRisk ? `${c.atRisk} at risk` : '',
    c.mia ? `${c.mia} MIA` : '',
    c.noSelfReport ? `${c.noSelfReport} no self-report` : '',
    c.issues ? plural(c.issues, 'open Day-1 issue') : '',
    c.rowsToUpdate ? plural(c.rowsToUpdate, 'tracker row') + ' to update' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** True when the digest has anything for the TL to act on tonight; the sweep sends nothing otherwise. */
export function digestNeedsAction(d: DigestInput): boolean {
  return Object.values(digestCounts(d)).some((n) => n > 0);
}

/**
 * A list section, capped: the first `MAX_LIST_ROWS` lines, then "and N more" linking to where the rest
 * are (the Cohort status sheet, else the tracker).
 */
function cappedSection(
  heading: string,
  tone: Tone,
  lines: readonly (readonly Inline[])[],
  more: { text: string; href: string | null },
): Section[] {
  if (lines.length === 0) return [];
  const shown: (readonly Inline[])[] = lines.slice(0, MAX_LIST_ROWS);
  const rest = lines.length - shown.length;
  if (rest > 0)
    shown.push(
      more.href
        ? [strong(`and ${rest} more`), ' - ', link(more.text, more.href)]
        : [strong(`and ${rest} more`), ` - ${more.text}`],
    );
  return [section(`${heading} (${lines.length})`, [list(shown)], tone)];
}

/** The TL digest's sections, in the order a TL acts on them; each line starts with the linked agent. */
function digestSections(d: DigestInput): Section[] {
  const when = (instant: Date): string => formatWhen(d.zone, instant);
  const who = (a: DigestAgent): Inline => agentLink(d.links, a.name, a.row);
  const statusUrl = sheetUrl(d.links, d.links?.statusGid);
  const more = {
    text: 'see them all in Cohort status',
    href: statusUrl ?? sheetUrl(d.links, d.links?.trackerGid),
  };
  const behindRows = d.behind ?? [];
  const slowText = (slow: readonly SlowItem[] | undefined): string =>
    (slow ?? [])
      .map((s) => `${s.item} took ${formatHours(s.spentHours)} (limit ${formatHours(s.limitHours)})`)
      .join('; ');
  const behind = behindRows
    .filter((b) => b.verdict === 'behind')
    .sort((a, b) => b.overdueCount - a.overdueCount)
    .map((b) => [
      who(b),
      ` - overdue: ${b.overdue?.length ? b.overdue.join(', ') : plural(b.overdueCount, 'item')}; projected finish ${when(b.projectedFinish)}`,
    ]);
  const atRisk = behindRows
    .filter((b) => b.verdict !== 'behind')
    .map((b) => {
      const why = [
        b.lateFinish || !b.slow?.length ? `projected finish ${when(b.projectedFinish)}` : '',
        slowText(b.slow),
      ].filter(Boolean);
      return [who(b), ` - ${why.join('; ')}`];
    });
  return [
    ...cappedSection(
      'MIA',
      'alert',
      (d.mia ?? []).map((m) => [who(m), ` - missed ${m.missed.join(', ')}`]),
      more,
    ),
    ...cappedSection('Behind schedule', 'alert', behind, more),
    ...cappedSection('At risk', 'warn', atRisk, more),
    ...cappedSection(
      'No self-report today',
      'warn',
      (d.noSelfReport ?? []).map(agentOf).map((a) => [who(a)]),
      more,
    ),
    ...cappedSection(
      'Day-1 payment/login issues still open',
      'warn',
      (d.openDay1Issues ?? []).map((i) => [who(i), ` - ${i.issue}`]),
      more,
    ),
    ...cappedSection(
      'Tracker rows to update tonight',
      'info',
      (d.notUpdatedToday ?? []).map((x) => {
        const a = typeof x === 'string' ? { name: x } : x;
        return [who(a), a.why ? ` - ${a.why}` : ''];
      }),
      more,
    ),
  ];
}

export function tlDigestEmail(input: DigestInput): EmailContent {
  const counts = digestCounts(input);
  const sections = digestSections(input);
  const phrase = countsPhrase(counts);
  const l = input.links;
  const needing = new Set(
    [
      ...(input.behind ?? []),
      ...(input.mia ?? []),
      ...(input.noSelfReport ?? []).map(agentOf),
      ...(input.openDay1Issues ?? []),
      ...(input.notUpdatedToday ?? []).map(agentOf),
    ].map((a) => a.name),
  ).size;
  const ofAll = typeof input.agentCount === 'number' ? ` of your ${plural(input.agentCount, 'agent')}` : '';
  return renderEmail({
    subject: `ESP nightly digest ${shortMdy(input.ymd)} - ${input.cohortName} - ${input.tlName}: ${phrase || 'nothing to act on'}`,
    title: `${input.tlName}: ${phrase || 'nothing to act on'}`,
    intro: [
      [
        sections.length
          ? `${plural(needing, 'agent')}${ofAll} need${needing === 1 ? 's' : ''} your attention tonight (${formatMdy(input.ymd)}, ${input.cohortName}). Names open the agent's tracker row.`
          : `Nothing needs your attention tonight (${formatMdy(input.ymd)}, ${input.cohortName}).`,
      ],
      quickLinkParts([
        ['Tracker', sheetUrl(l, l?.trackerGid)],
        ['Cohort status', sheetUrl(l, l?.statusGid)],
        ['Progress report', l?.reportUrl],
      ]),
    ].filter((parts) => parts.length > 0),
    sections,
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

function teamPhrase(t: Omit<TeamCounts, 'tlName'>): string {
  return [
    plural(t.agents, 'agent'),
    `${t.behind} behind`,
    `${t.atRisk} at risk`,
    `${t.mia} MIA`,
    `${t.noSelfReport} no self-report`,
    `${t.onTrack} on track`,
    `${t.complete} complete`,
  ].join(', ');
}

/**
 * RULES R22 — the licensing summary's evidence lines: each names the agent (linked to the tracker row) or
 * the `Completion Log` row (linked), and what disagrees.
 */
export interface EvidenceInput {
  disagreements: readonly Disagreement[];
  zone: Zone;
  /** The proof item's name in the Schedule. */
  proofItem: string;
  /** The `Completion Log` sheet's ID (for row links); absent when the sheet does not exist. */
  completionLogGid?: number;
}

function evidenceLines(e: EvidenceInput, links: TrackerLinks | undefined): Inline[][] {
  const when = (at: Date | null) => (at ? formatWhen(e.zone, at) : 'time not recorded');
  const quoted = (v: string) => `"${v || 'blank'}"`;
  return e.disagreements.map((d): Inline[] => {
    if (d.kind === 'unknown-agent') {
      const url = sheetUrl(links, e.completionLogGid, d.logRow);
      const place = `${COMPLETION_LOG.name} row ${d.logRow}`;
      return [
        url ? link(place, url) : strong(place),
        ` - form submitted ${when(d.submittedAt)} for ${quoted(d.oid || d.answers)}: not on the roster (no agent has that OID or email). Type the agent's OID in ${COMPLETION_LOG.headers.oid} of that row.`,
      ];
    }
    const who = [agentLink(links, d.name, d.row), ` (${d.oid}) - ${SHEET.tracker} row ${d.row}: `];
    if (d.kind === 'ticked-no-form')
      return [
        ...who,
        `"${e.proofItem}" ticked ${when(d.tickedAt)}, but ${TRACKER.completion} is ${quoted(d.completion)}: no completion form.`,
      ];
    return [
      ...who,
      `${TRACKER.completion} is ${quoted(d.completion)}, but ${TRACKER.ahipAetnaStatus} is ${quoted(d.status)}${d.proofTicked ? '' : ` and "${e.proofItem}" is not ticked`}.`,
    ];
  });
}

export function licensingSummaryEmail(input: {
  cohortName: string;
  ymd: string;
  teams: readonly TeamCounts[];
  links?: TrackerLinks;
  /** RULES R25 — which TLs finished their end-of-day checklist (absent in older recipes). */
  dayEnd?: DayEndStatus;
  evidence?: EvidenceInput;
}): EmailContent {
  const total = Object.fromEntries(
    COUNT_KEYS.map((k) => [k, input.teams.reduce((sum, t) => sum + t[k], 0)]),
  ) as Record<(typeof COUNT_KEYS)[number], number>;
  const l = input.links;
  // The teams needing most help first, so the cap keeps them.
  const need = (t: TeamCounts) => t.behind * 3 + t.mia * 3 + t.atRisk + t.noSelfReport;
  const teams = [...input.teams].sort((a, b) => need(b) - need(a));
  const lines = teams.map((t): Inline[] => [strong(t.tlName || 'No TL'), ` - ${teamPhrase(t)}`]);
  const dashboard = sheetUrl(l, l?.dashboardGid) ?? sheetUrl(l, l?.statusGid);
  const evidence = input.evidence ? evidenceLines(input.evidence, l) : [];
  const mismatches = evidence.length
    ? `, ${plural(evidence.length, 'evidence mismatch', 'evidence mismatches')}`
    : '';
  return renderEmail({
    subject: `ESP licensing summary ${shortMdy(input.ymd)} - ${input.cohortName}: ${teamPhrase(total)}${mismatches}`,
    title: `${input.cohortName}: progress on ${formatMdy(input.ymd)}`,
    intro: [
      quickLinkParts([
        ['Cohort status', sheetUrl(l, l?.statusGid)],
        [SHEET.dashboard, sheetUrl(l, l?.dashboardGid)],
        [SHEET.alertLog, sheetUrl(l, l?.alertLogGid)],
        ['Progress report', l?.reportUrl],
      ]),
    ].filter((parts) => parts.length > 0),
    sections: [
      section(COHORTS.cohort, [
        facts([
          ['Total agents', String(total.agents)],
          ['Behind', String(total.behind)],
          ['At risk', String(total.atRisk)],
          ['MIA', String(total.mia)],
          ['No self-report', String(total.noSelfReport)],
          ['On track', String(total.onTrack)],
          ['Complete', String(total.complete)],
        ]),
      ]),
      ...cappedSection('Completion evidence disagrees', 'warn', evidence, {
        text: `see the ${TRACKER.completion} column in the tracker`,
        href: sheetUrl(l, l?.trackerGid),
      }),
      ...cappedSection('By team lead', 'info', lines, {
        text: 'see every team on the Dashboard',
        href: dashboard,
      }),
      ...dayEndSections(input.dayEnd, dashboard),
    ],
  });
}

/**
 * RULES R25 — the TLs who have not finished their end-of-day checklist (tickets through the five forms,
 * tracker up to date) first, then those who did, with when and what was still open.
 */
function dayEndSections(dayEnd: DayEndStatus | undefined, more: string | null): Section[] {
  if (!dayEnd) return [];
  const name = (t: { tlName: string; tlEmail: string }) => t.tlName || t.tlEmail || 'No TL';
  const unfinished = dayEnd.unfinished.map((t): Inline[] => [
    strong(name(t)),
    t.tlEmail ? ` (${t.tlEmail}) - no "Done for today" yet` : ' - no TL Email in the tracker',
  ]);
  const finished = dayEnd.finished.map((t): Inline[] => [
    strong(name(t)),
    ` - done at ${t.doneAt}; open items then: ${t.openItems || 'none'}`,
  ]);
  const href = { text: 'see the TL Checklist sheet', href: more };
  return [
    ...cappedSection('End-of-day checklist not done', 'warn', unfinished, href),
    ...cappedSection('End-of-day checklist done', 'ok', finished, href),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Immediate alerts

/** Where an alert's agent is: the tracker links and the agent's 1-based row in `ESP Tracker`. */
export interface AlertPlace {
  links?: TrackerLinks;
  row?: number;
}

function agentRowLinks(place: AlertPlace, more: readonly (readonly [string, string | null | undefined])[]) {
  return quickLinks([["Agent's tracker row", trackerRowUrl(place.links, place.row)], ...more]);
}

export function miaAlertEmail(
  input: {
    agent: AgentRef;
    ymd: string;
    missed: readonly string[];
  } & AlertPlace,
): EmailContent {
  const l = input.links;
  return renderEmail({
    subject: `MIA: ${input.agent.name} (${input.agent.oid}) - ${shortMdy(input.ymd)} - reach the agent and TL ${input.agent.tlName}`,
    title: `${input.agent.name} is MIA`,
    intro: [
      [
        'The agent did not respond to consecutive hands checks and has been marked MIA in the ESP Tracker. Please contact the agent and their TL, and hold the agent accountable under the attendance policy.',
      ],
    ],
    sections: [
      section(
        'MIA details',
        [
          agentFacts(input.agent, ['Missed checks', input.missed.join(', ')]),
          ...agentRowLinks(input, [
            [SHEET.attendance, sheetUrl(l, l?.attendanceGid)],
            [SHEET.alertLog, sheetUrl(l, l?.alertLogGid)],
          ]),
        ],
        'alert',
      ),
    ],
  });
}

export function salesInhibitorEmail(
  input: {
    agent: AgentRef;
    inhibitor: string;
    note: string;
  } & AlertPlace,
): EmailContent {
  const l = input.links;
  return renderEmail({
    subject: `Sales Inhibitor: ${input.agent.name} (${input.agent.oid}) - ${input.inhibitor} - review before appointment`,
    title: `Sales Inhibitor reported for ${input.agent.name}`,
    intro: [['This may prevent the agent from being appointed or selling. Please review it with the TL.']],
    sections: [
      section(
        'Sales Inhibitor details',
        [
          agentFacts(input.agent, ['Inhibitor', input.inhibitor], ['Note', input.note || '-']),
          ...agentRowLinks(input, [[SHEET.alertLog, sheetUrl(l, l?.alertLogGid)]]),
        ],
        'alert',
      ),
    ],
  });
}

export function readyForProductionEmail(
  input: {
    agent: AgentRef;
    statuses: Readonly<Record<string, string>>;
    /** RULES R23: the one-page readiness summary, and the zone its times are shown in. */
    readiness?: ReadinessSummary;
    zone?: Zone;
    /** Why the readiness summary could not be read (the alert still goes out, RULES R1). */
    readinessProblem?: string;
  } & AlertPlace,
): EmailContent {
  const l = input.links;
  const summary =
    input.readiness && input.zone
      ? [
          section('Agent', [
            agentFacts(input.agent),
            ...agentRowLinks(input, [[SHEET.coachingLog, sheetUrl(l, l?.coachingLogGid)]]),
          ]),
          ...readinessSections(input.readiness, input.zone),
        ]
      : null;
  return renderEmail({
    subject: `Ready for production: ${input.agent.name} (${input.agent.oid}) - please transition to production`,
    title: `${input.agent.name} has completed all ESP tasks`,
    intro: [['Please transition the agent to production.']],
    sections: summary ?? [
      section(
        'ESP statuses',
        [agentFacts(input.agent, ...Object.entries(input.statuses)), ...agentRowLinks(input, [])],
        'ok',
      ),
      ...(input.readinessProblem
        ? [section('Readiness summary not available', [para(input.readinessProblem)], 'warn')]
        : []),
    ],
  });
}

export function unmatchedCompletionEmail(input: {
  zone: Zone;
  submittedAt: Date;
  reason: string;
  answers: readonly { question: string; answer: string }[];
  links?: TrackerLinks;
}): EmailContent {
  const l = input.links;
  return renderEmail({
    subject: `Completion form submission not matched to an agent (${formatWhen(input.zone, input.submittedAt)})`,
    title: 'A completion form submission needs a manual match',
    intro: [[input.reason], ['Please update AHIP+Aetna Completion in the ESP Tracker by hand.']],
    sections: [
      section(
        'Submission',
        [
          facts(input.answers.map((a) => [a.question, a.answer] as const)),
          ...quickLinks([[SHEET.tracker, sheetUrl(l, l?.trackerGid)]]),
        ],
        'warn',
      ),
    ],
  });
}
