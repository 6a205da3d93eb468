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
  overdueItems: [],
  noSelfReport: [],
  mia: [],
  openDay1Issues: [],
  notUpdatedToday: [],
  paceWarnings: [],
};
const evilDigest: DigestInput = {
  ...emptyDigest,
  tlName: EVIL,
  cohortName: EVIL,
  behind: [{ name: EVIL, verdict: 'behind', overdueCount: 2, projectedFinish: when }],
  overdueItems: [{ name: EVIL, item: EVIL, dueAt: when }],
  noSelfReport: [EVIL],
  mia: [{ name: EVIL, missed: [EVIL] }],
  openDay1Issues: [{ name: EVIL, issue: EVIL }],
  notUpdatedToday: [EVIL],
  paceWarnings: [{ name: EVIL, item: EVIL, spentHours: 4.25, limitHours: 3 }],
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
  }),
  reminder: selfReportReminderEmail({
    agentName: EVIL,
    ymd: '2026-01-08',
    progressReportUrl: EVIL,
    certCoordinatorEmail: EVIL,
  }),
  mia: miaAlertEmail({ agent, ymd: '2026-01-08', missed: [EVIL] }),
  sales: salesInhibitorEmail({ agent, inhibitor: EVIL, note: EVIL }),
  ready: readyForProductionEmail({ agent, statuses: { [EVIL]: EVIL } }),
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
  it('shows only non-empty sections', () => {
    const email = tlDigestEmail({
      ...emptyDigest,
      noSelfReport: ['Ann Agent'],
      mia: [{ name: 'Bo', missed: ['D1 Before Lunch'] }],
    });
    expect(email.body).toContain('NO SELF-REPORT TODAY\n- Agent: Ann Agent');
    expect(email.body).toContain('MIA');
    expect(email.body).not.toContain('PACE WARNINGS');
    expect(email.body).not.toContain('BEHIND SCHEDULE');
    expect(email.subject).toContain('action needed');
  });

  it('says all on track when nothing needs attention', () => {
    const email = tlDigestEmail(emptyDigest);
    expect(email.subject).toContain('all on track');
    expect(email.body).toContain('ALL ON TRACK');
  });

  it('lists all seven sections when each has something', () => {
    const body = tlDigestEmail(evilDigest).body;
    for (const heading of [
      'BEHIND SCHEDULE',
      'OVERDUE ITEMS',
      'MIA',
      'NO SELF-REPORT TODAY',
      'DAY-1 PAYMENT/LOGIN ISSUES STILL OPEN',
      'TRACKER ROWS NOT UPDATED TODAY',
      'PACE WARNINGS',
    ]) {
      expect(body).toContain(heading);
    }
    expect(body).toContain('Time spent: 4.3 h; Pace limit: 3.0 h');
  });
});

describe('licensing summary', () => {
  it('adds a totals row', () => {
    const row = { agents: 2, complete: 1, onTrack: 1, atRisk: 0, behind: 0, mia: 0, noSelfReport: 1 };
    const email = licensingSummaryEmail({
      cohortName: 'Jan',
      ymd: '2026-01-08',
      teams: [
        { tlName: 'A', ...row },
        { tlName: 'B', ...row, behind: 1 },
      ],
    });
    expect(email.body).toContain(
      'TL: Total; Agents: 4; Complete: 2; On track: 2; At risk: 0; Behind: 1; MIA: 0; No self-report: 2',
    );
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
