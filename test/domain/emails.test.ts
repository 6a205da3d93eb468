import { exemptListEmail, finalCapEmail, terminationReviewEmail } from '../../src/domain/capEmails';
import type { EmailContent } from '../../src/domain/emailLayout';
import { formatWhen, link, para, renderEmail, section } from '../../src/domain/emailLayout';
import {
  g2tInvitationEmail,
  licensingSummaryEmail,
  miaAlertEmail,
  readyForProductionEmail,
  salesInhibitorEmail,
  selfReportReminderEmail,
  tlDigestEmail,
  unmatchedCompletionEmail,
  type DigestInput,
  digestNeedsAction,
  MAX_LIST_ROWS,
  type TrackerLinks,
} from '../../src/domain/emails';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { intlZone } from '../../src/domain/timeZone';
import { DEFAULT_DAY_TIMES } from '../../src/domain/workingClock';

const zone = intlZone('America/Denver');
const EVIL = '<img src=x onerror=alert(1)>';
const agent = { name: EVIL, oid: EVIL, tlName: EVIL };
const when = zone.fromLocal('2026-01-13', '12:00');
const DAYS = ['2026-01-08', '2026-01-09', '2026-01-12', '2026-01-13'];

const emptyDigest: DigestInput = {
  tlName: 'Jo Lead',
  cohortName: 'Jan 2026',
  ymd: '2026-01-08',
  zone,
  behind: [],
  noSelfReport: [],
  mia: [],
  openDay1Issues: [],
  notUpdatedToday: [],
};
/** A tracker URL as Spreadsheet.getUrl() returns it, with a hostile tail to prove attribute escaping. */
const links: TrackerLinks = {
  trackerUrl: 'https://docs.google.com/spreadsheets/d/abc/edit?x="><b>',
  trackerGid: 0,
  statusGid: 7,
  alertLogGid: 3,
  attendanceGid: 2,
  dashboardGid: 9,
  reportUrl: 'https://docs.google.com/spreadsheets/d/report/edit',
};
const evilDigest: DigestInput = {
  ...emptyDigest,
  tlName: EVIL,
  cohortName: EVIL,
  links,
  behind: [
    { name: EVIL, row: 5, verdict: 'behind', overdueCount: 1, overdue: [EVIL], projectedFinish: when },
    {
      name: EVIL,
      row: 6,
      verdict: 'at-risk',
      overdueCount: 0,
      projectedFinish: when,
      slow: [{ item: EVIL, spentHours: 4.25, limitHours: 3 }],
    },
  ],
  noSelfReport: [{ name: EVIL, row: 5 }],
  mia: [{ name: EVIL, row: 5, missed: [EVIL] }],
  openDay1Issues: [{ name: EVIL, row: 5, issue: EVIL }],
  notUpdatedToday: [{ name: EVIL, row: 5, why: EVIL }],
};
const capFacts = { agent, zone, itemsMissing: [EVIL], hoursSpent: 20, attendance: EVIL, deadline: when };

const everyTemplate: Record<string, EmailContent> = {
  g2t: g2tInvitationEmail({
    cohortName: EVIL,
    dayDates: DAYS,
    g2tLink: `https://g2t.example/${EVIL}`,
    times: DEFAULT_DAY_TIMES,
    schedule: [
      ...DEFAULT_SCHEDULE,
      { item: EVIL, dueDay: 4, dueTime: '12:00', paceLimitHours: 1, kind: 'course' },
    ],
    progressReportUrl: `javascript:alert(1)//${EVIL}`,
    certCoordinatorEmail: EVIL,
  }),
  digest: tlDigestEmail(evilDigest),
  summary: licensingSummaryEmail({
    cohortName: EVIL,
    ymd: '2026-01-08',
    teams: [
      { tlName: EVIL, agents: 1, complete: 0, onTrack: 0, atRisk: 0, behind: 1, mia: 1, noSelfReport: 1 },
    ],
    links,
  }),
  reminder: selfReportReminderEmail({
    agentName: EVIL,
    ymd: '2026-01-08',
    progressReportUrl: EVIL,
    certCoordinatorEmail: EVIL,
  }),
  mia: miaAlertEmail({ agent, ymd: '2026-01-08', missed: [EVIL], links, row: 4 }),
  sales: salesInhibitorEmail({ agent, inhibitor: EVIL, note: EVIL, links, row: 4 }),
  ready: readyForProductionEmail({ agent, statuses: { [EVIL]: EVIL }, links, row: 4 }),
  finalCap: finalCapEmail({ ...capFacts, extensionHours: 8, otSessions: [{ start: when, end: when }] }),
  termination: terminationReviewEmail(capFacts),
  exempt: exemptListEmail({
    cohortName: EVIL,
    agents: [{ ...agent, exemption: EVIL, itemsMissing: [EVIL] }],
  }),
  unmatched: unmatchedCompletionEmail({
    zone,
    submittedAt: when,
    reason: EVIL,
    answers: [{ question: EVIL, answer: EVIL }],
  }),
};

describe('every template escapes user values', () => {
  it.each(Object.entries(everyTemplate))('%s', (_name, email) => {
    expect(email.htmlBody).not.toContain('<img');
    expect(email.htmlBody).not.toContain('javascript:');
    expect(email.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.body).toContain(EVIL); // plain text is shown as text, no escaping needed
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});

describe('layout', () => {
  it('renders safe links and drops unsafe ones to text', () => {
    const email = renderEmail({
      subject: 'line\r\nBcc: x@y.com',
      title: 'T',
      sections: [
        section('S', [para(link('ok', 'https://x.com/a?b=1&c=2'), ' ', link('bad', 'javascript:alert(1)'))]),
      ],
    });
    expect(email.subject).toBe('line Bcc: x@y.com');
    expect(email.htmlBody).toContain('<a href="https://x.com/a?b=1&amp;c=2"');
    expect(email.htmlBody).not.toContain('javascript');
    expect(email.body).toContain('ok (https://x.com/a?b=1&c=2)');
  });

  it('formats instants in the cohort zone', () => {
    expect(formatWhen(zone, zone.fromLocal('2026-01-12', '15:24'))).toBe('Mon 1/12/2026 3:24 PM');
  });
});

describe('G2T invitation', () => {
  const email = g2tInvitationEmail({
    cohortName: 'Jan 2026',
    dayDates: DAYS,
    g2tLink: 'https://g2t.example/join',
    times: DEFAULT_DAY_TIMES,
    schedule: DEFAULT_SCHEDULE,
    progressReportUrl: 'https://docs.google.com/spreadsheets/d/abc',
    certCoordinatorEmail: 'cert@cxp.com',
  });
  it('carries link, times, the expectations table and the self-report rule', () => {
    expect(email.subject).toContain('1/8/2026');
    expect(email.htmlBody).toContain('href="https://g2t.example/join"');
    expect(email.body).toContain('Break 1: 10:00 AM - 10:15 AM');
    expect(email.body).toContain('Lunch: 12:00 PM - 12:30 PM');
    expect(email.body).toContain('End: 4:30 PM');
    expect(email.body).toContain(
      'Due: End of Day 2 (1/9/2026); Items: Module 3 Reviewed, Module 4 Reviewed, Quiz 3 Screenshots, Quiz 4 Screenshots',
    );
    expect(email.body).toContain(
      'Due: Day 4 (1/13/2026) by 12:00 PM; Items: Aetna Product Modules; Pace to remain on track: Aetna Product Modules: no more than 4 h',
    );
    expect(email.body).toContain('email the Cert Coordinator at cert@cxp.com');
    expect(email.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/abc"');
  });
});

describe('TL digest', () => {
  const ROW = 'https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A';
  const clean: TrackerLinks = { ...links, trackerUrl: 'https://docs.google.com/spreadsheets/d/abc/edit' };

  it('shows only non-empty sections, counts in the subject, names linked to their tracker rows', () => {
    const email = tlDigestEmail({
      ...emptyDigest,
      links: clean,
      noSelfReport: [{ name: 'Ann Agent', row: 4 }],
      mia: [{ name: 'Bo', row: 7, missed: ['D1 Before Lunch'] }],
    });
    expect(email.subject).toBe('ESP nightly digest 1/8 - Jan 2026 - Jo Lead: 1 MIA, 1 no self-report');
    expect(email.body).toContain(`NO SELF-REPORT TODAY (1)\n- Ann Agent (${ROW}4)`);
    expect(email.htmlBody).toContain(
      `<a href="${ROW.replace('&', '&amp;')}4" style="color:#1a73e8">Ann Agent</a>`,
    );
    expect(email.htmlBody).toContain(`href="${ROW.replace('&', '&amp;')}7"`);
    expect(email.body).toContain('MIA (1)\n- Bo (');
    expect(email.body).not.toContain('BEHIND SCHEDULE');
    expect(email.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/abc/edit#gid=7" style="color:#1a73e8">Cohort status</a>',
    );
    expect(email.htmlBody).toContain('href="https://docs.google.com/spreadsheets/d/report/edit"');
  });

  it('needs no action when every list is empty (the sweep then sends nothing)', () => {
    expect(digestNeedsAction(emptyDigest)).toBe(false);
    expect(digestNeedsAction({ ...emptyDigest, noSelfReport: ['Ann'] })).toBe(true);
    expect(tlDigestEmail(emptyDigest).subject).toContain('nothing to act on');
  });

  it('lists every section with its count when each has something', () => {
    const email = tlDigestEmail(evilDigest);
    for (const heading of [
      'MIA (1)',
      'BEHIND SCHEDULE (1)',
      'AT RISK (1)',
      'NO SELF-REPORT TODAY (1)',
      'DAY-1 PAYMENT/LOGIN ISSUES STILL OPEN (1)',
      'TRACKER ROWS TO UPDATE TONIGHT (1)',
    ]) {
      expect(email.body).toContain(heading);
    }
    expect(email.body).toContain(`took 4.3 h (limit 3.0 h)`);
    expect(email.body).toContain(`overdue: ${EVIL}`);
    expect(email.subject).toContain(
      ': 1 behind, 1 at risk, 1 MIA, 1 no self-report, 1 open Day-1 issue, 1 tracker row to update',
    );
    // The hostile URL tail stays inside the attribute, escaped.
    expect(email.htmlBody).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/abc/edit?x=&quot;&gt;&lt;b&gt;#gid=0&amp;range=A5"',
    );
    expect(email.htmlBody).not.toContain('<b>');
  });

  it(`caps each list at ${MAX_LIST_ROWS} with "and N more" linking to Cohort status`, () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `Agent ${i}`, row: i + 2 }));
    const email = tlDigestEmail({ ...emptyDigest, links: clean, noSelfReport: many });
    expect(email.subject).toContain('40 no self-report');
    expect(email.body).toContain('NO SELF-REPORT TODAY (40)');
    expect(email.body).toContain(`Agent ${MAX_LIST_ROWS - 1} (`);
    expect(email.body).not.toContain(`Agent ${MAX_LIST_ROWS} (`);
    expect(email.body).toContain(
      `and ${40 - MAX_LIST_ROWS} more - see them all in Cohort status (https://docs.google.com/spreadsheets/d/abc/edit#gid=7)`,
    );
  });

  it('composes a digest queued before links existed (plain names, no links) without failing', () => {
    const legacy = {
      ...emptyDigest,
      behind: [{ name: 'Old', verdict: 'behind', overdueCount: 2, projectedFinish: when }],
      noSelfReport: ['Old'],
      notUpdatedToday: ['Old'],
      overdueItems: [{ name: 'Old', item: 'Module 1', dueAt: when }],
      paceWarnings: [],
    } as DigestInput;
    const email = tlDigestEmail(legacy);
    expect(email.body).toContain('Old - overdue: 2 items');
    expect(email.htmlBody).not.toContain('href=');
  });
});

describe('licensing summary', () => {
  const row = { agents: 2, complete: 1, onTrack: 1, atRisk: 0, behind: 0, mia: 0, noSelfReport: 1 };
  it('carries the totals in the subject and one line per TL, neediest first, with links', () => {
    const email = licensingSummaryEmail({
      cohortName: 'Jan',
      ymd: '2026-01-08',
      teams: [
        { tlName: 'A', ...row },
        { tlName: 'B', ...row, behind: 1 },
      ],
      links: { ...links, trackerUrl: 'https://docs.google.com/spreadsheets/d/abc/edit' },
    });
    expect(email.subject).toBe(
      'ESP licensing summary 1/8 - Jan: 4 agents, 1 behind, 0 at risk, 0 MIA, 2 no self-report, 2 on track, 2 complete',
    );
    expect(email.body).toContain(
      'BY TEAM LEAD (2)\n- B - 2 agents, 1 behind, 0 at risk, 0 MIA, 1 no self-report, 1 on track, 1 complete\n- A - ',
    );
    expect(email.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/abc/edit#gid=9" style="color:#1a73e8">Dashboard</a>',
    );
    expect(email.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/abc/edit#gid=3" style="color:#1a73e8">Alert Log</a>',
    );
  });
});

describe('immediate alerts name the agent and what to do, and link to the row', () => {
  const a = { name: 'Ann Agent', oid: 'A1', tlName: 'Jo' };
  const l: TrackerLinks = { ...links, trackerUrl: 'https://docs.google.com/spreadsheets/d/abc/edit' };
  const row = 'https://docs.google.com/spreadsheets/d/abc/edit#gid=0&amp;range=A4';
  it.each([
    [
      'MIA',
      miaAlertEmail({ agent: a, ymd: '2026-01-08', missed: ['D1 Before Lunch'], links: l, row: 4 }),
      /^MIA: Ann Agent \(A1\) - 1\/8 - reach the agent and TL Jo$/,
    ],
    [
      'sales inhibitor',
      salesInhibitorEmail({ agent: a, inhibitor: 'Release Needed', note: '', links: l, row: 4 }),
      /^Sales Inhibitor: Ann Agent \(A1\) - Release Needed - review before appointment$/,
    ],
    [
      'ready',
      readyForProductionEmail({ agent: a, statuses: {}, links: l, row: 4 }),
      /^Ready for production: Ann Agent \(A1\) - please transition to production$/,
    ],
  ])('%s', (_kind, email, subject) => {
    expect(email.subject).toMatch(subject);
    expect(email.htmlBody).toContain(`href="${row}"`);
  });
});

describe('Final CAP', () => {
  it('states the facts, deadline and proposed OT sessions', () => {
    const email = finalCapEmail({
      agent: { name: 'Ann Agent', oid: '123', tlName: 'Jo' },
      zone,
      itemsMissing: ['AHIP Final', 'Aetna Product Modules'],
      hoursSpent: 26.5,
      attendance: 'Tardy < 1 hr',
      deadline: zone.fromLocal('2026-01-14', '13:00'),
      extensionHours: 8,
      otSessions: [
        { start: zone.fromLocal('2026-01-13', '12:30'), end: zone.fromLocal('2026-01-13', '15:45') },
      ],
    });
    expect(email.body).toContain('Items missing: AHIP Final, Aetna Product Modules');
    expect(email.body).toContain('Working hours spent: 26.5 h');
    expect(email.body).toContain('Deadline: Wed 1/14/2026 1:00 PM');
    expect(email.body).toContain('Session: 1; Start: Tue 1/13/2026 12:30 PM; End: Tue 1/13/2026 3:45 PM');
    expect(email.body).toContain('another 8 working hours');
  });
});
