/**
 * Every email kind of src/domain/emails.ts rendered in headless Chromium at a phone's width (375 px, an
 * iPhone's CSS width): nothing may stick out sideways (a TL reading the digest on a phone must never
 * scroll horizontally), and every link is a real https:// (or mailto:) URL. Screenshots go to
 * out/screens/email-<kind>.png for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { EmailContent } from '../../src/domain/emailLayout';
import {
  type DigestInput,
  g2tInvitationEmail,
  licensingSummaryEmail,
  miaAlertEmail,
  readyForProductionEmail,
  salesInhibitorEmail,
  selfReportReminderEmail,
  tlDigestEmail,
  type TrackerLinks,
  unmatchedCompletionEmail,
} from '../../src/domain/emails';
import { attendanceCheckHeaders } from '../../src/domain/contract';
import { attendanceDays, statusDates } from '../../src/domain/readiness';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { intlZone } from '../../src/domain/timeZone';
import { DEFAULT_DAY_TIMES } from '../../src/domain/workingClock';
import { launch } from '../../workspace/browserHarness';

const SCREENS = join(__dirname, '..', '..', 'out', 'screens');
const PHONE = 375;
const zone = intlZone('America/Denver');
const when = zone.fromLocal('2026-12-07', '15:00');
const links: TrackerLinks = {
  trackerUrl: 'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefgh/edit',
  trackerGid: 0,
  statusGid: 1843223344,
  alertLogGid: 5,
  attendanceGid: 2,
  dashboardGid: 7,
  reportUrl: 'https://docs.google.com/spreadsheets/d/9ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210zyxwvu/edit',
};
/** Long, unbroken values are what push a phone layout sideways. */
const LONG_NAME = 'Maximiliana Alexandrovna Papadopoulou-Vanderbilt';
const agent = { name: LONG_NAME, oid: 'OID1234567', tlName: 'Jordan Lee' };
const agents = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: i === 0 ? LONG_NAME : `Agent ${i}`, row: i + 2 }));

const digest: DigestInput = {
  tlName: 'Jordan Lee',
  cohortName: 'December 2026 - Class B',
  ymd: '2026-12-07',
  zone,
  links,
  agentCount: 70,
  behind: agents(40).map((a, i) => ({
    ...a,
    verdict: i < 30 ? 'behind' : 'at-risk',
    overdueCount: i < 30 ? 3 : 0,
    overdue: i < 30 ? ['Module 3 Reviewed', 'Quiz 3 Screenshots', 'Module 4 Reviewed'] : [],
    projectedFinish: when,
    lateFinish: i >= 30,
    slow: i >= 30 ? [{ item: 'Module 2 Reviewed', spentHours: 4.4, limitHours: 3 }] : [],
  })),
  noSelfReport: agents(25),
  mia: agents(2).map((a) => ({ ...a, missed: ['D3 Before Lunch', 'D3 After Lunch'] })),
  openDay1Issues: [{ ...agents(1)[0], issue: 'Payment issue (open since Day 1, now Day 3)' }],
  notUpdatedToday: agents(20).map((a) => ({ ...a, why: 'behind, no self-report: not updated today' })),
};

const READY_STATUSES = {
  'AHIP/Aetna Status': 'Complete',
  'TBT Status': 'Complete',
  'Call Cert Status': 'Complete',
  'Equipment Status': 'Complete',
  'RTS/No More Forms Status': 'Complete',
};

const EMAILS: Record<string, EmailContent> = {
  'tl-digest': tlDigestEmail(digest),
  'licensing-summary': licensingSummaryEmail({
    cohortName: 'December 2026 - Class B',
    ymd: '2026-12-07',
    links,
    teams: Array.from({ length: 20 }, (_, i) => ({
      tlName: i === 0 ? 'Jordan Lee-Montgomery-Featherstonehaugh' : `TL ${i}`,
      agents: 70,
      complete: 10,
      onTrack: 20,
      atRisk: 10,
      behind: 25,
      mia: 2,
      noSelfReport: 3,
    })),
  }),
  // RULES R22: the summary's evidence lines (long names and addresses must wrap on a phone).
  'licensing-summary-evidence': licensingSummaryEmail({
    cohortName: 'December 2026 - Class B',
    ymd: '2026-12-07',
    links,
    teams: [
      {
        tlName: 'Jordan Lee',
        agents: 24,
        complete: 3,
        onTrack: 15,
        atRisk: 2,
        behind: 4,
        mia: 1,
        noSelfReport: 2,
      },
    ],
    evidence: {
      zone,
      proofItem: '13 Checkmarks Proof Emailed',
      completionLogGid: 9,
      disagreements: [
        {
          kind: 'ticked-no-form',
          name: LONG_NAME,
          oid: 'OID1234567',
          row: 17,
          tickedAt: when,
          completion: 'Not Submitted',
        },
        {
          kind: 'form-not-complete',
          name: 'Agent 2',
          oid: 'OID2',
          row: 3,
          completion: 'Submitted',
          status: 'In Progress',
          proofTicked: false,
        },
        {
          kind: 'unknown-agent',
          logRow: 4,
          submittedAt: when,
          answers: 'someone.with.a.very.long.address@personal-example-domain.net',
          oid: '',
        },
      ],
    },
  }),
  // RULES R23: the ready-for-production email with its one-page readiness summary.
  'ready-for-production-readiness': readyForProductionEmail({
    agent,
    statuses: READY_STATUSES,
    links: { ...links, coachingLogGid: 3 },
    row: 17,
    zone,
    readiness: {
      statuses: statusDates(READY_STATUSES, when, zone.fromLocal('2026-12-08', '09:30')),
      proofItem: '13 Checkmarks Proof Emailed',
      proofTickedAt: when,
      completion: 'Submitted',
      formSubmittedAt: zone.fromLocal('2026-12-07', '15:20'),
      attendanceCode: 'Unresponsive/Missing During Class',
      attendanceDays: attendanceDays(
        attendanceCheckHeaders(),
        new Set(attendanceCheckHeaders(3)),
        Object.fromEntries(attendanceCheckHeaders(3).map((h, i) => [h, i !== 8 && i !== 9])),
        new Set(['D3 Before Break 1']),
      ),
      miaCount: 1,
      coaching: [
        {
          date: zone.fromLocal('2026-12-04', '10:00'),
          dateText: '',
          level: 'Verbal Coaching',
          policy: 'Attendance',
          details: 'Missed two hands checks in a row on Day 2; agent reached by phone, camera issue resolved',
          documentedBy: 'Jordan Lee',
        },
      ],
    },
  }),
  mia: miaAlertEmail({
    agent,
    ymd: '2026-12-07',
    missed: ['D3 Before Lunch', 'D3 After Lunch'],
    links,
    row: 17,
  }),
  'sales-inhibitor': salesInhibitorEmail({
    agent,
    inhibitor: 'Background check concern',
    note: 'Jordan Lee - 12/7/2026 - carrier background check flagged a 2019 item; HR reviewing',
    links,
    row: 17,
  }),
  'ready-for-production': readyForProductionEmail({
    agent,
    statuses: {
      'AHIP/Aetna Status': 'Complete',
      'TBT Status': 'Complete',
      'Call Cert Status': 'Complete',
      'Equipment Status': 'Complete',
      'RTS/No More Forms Status': 'Complete',
    },
    links,
    row: 17,
  }),
  'self-report-reminder': selfReportReminderEmail({
    agentName: LONG_NAME,
    ymd: '2026-12-07',
    progressReportUrl: links.reportUrl ?? '',
    certCoordinatorEmail: 'certification.coordinator.team@connexionpoint-example.com',
  }),
  'g2t-invitation': g2tInvitationEmail({
    cohortName: 'December 2026 - Class B',
    dayDates: ['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08'],
    g2tLink: 'https://global.gotomeeting.com/join/123456789?password=averylongunbrokenquerystringvalue',
    times: DEFAULT_DAY_TIMES,
    schedule: DEFAULT_SCHEDULE,
    progressReportUrl: links.reportUrl ?? '',
    certCoordinatorEmail: 'certification.coordinator.team@connexionpoint-example.com',
  }),
  'unmatched-completion': unmatchedCompletionEmail({
    zone,
    submittedAt: when,
    reason: 'No agent in the tracker has the OID or email given in the form.',
    answers: [
      { question: 'Email address', answer: 'someone.with.a.very.long.address@personal-example-domain.net' },
      { question: 'OID', answer: 'OID99999999' },
    ],
    links,
  }),
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => browser?.close());

describe(`emails at phone width (${PHONE} px, Chromium)`, () => {
  it.each(Object.keys(EMAILS))('%s: nothing overflows sideways; links are https or mailto', async (kind) => {
    const email = EMAILS[kind];
    const page = await browser.newPage({ viewport: { width: PHONE, height: 740 } });
    try {
      await page.setContent(
        '<!doctype html><html><head><meta charset="utf-8">' +
          '<meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
          `<body style="margin:8px">${email.htmlBody}</body></html>`,
      );
      // A string runs in the page (this project's TypeScript has no DOM types).
      const layout = (await page.evaluate(`(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.body.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .map((el) => el.tagName + ': ' + (el.textContent || '').slice(0, 60));
        const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') || '');
        return { width, scrollWidth: document.documentElement.scrollWidth, wide, links };
      })()`)) as { width: number; scrollWidth: number; wide: string[]; links: string[] };
      await page.screenshot({ path: join(SCREENS, `email-${kind}.png`), fullPage: true });
      expect(layout.width).toBe(PHONE);
      expect(layout.wide).toEqual([]);
      expect(layout.scrollWidth).toBeLessThanOrEqual(PHONE);
      expect(layout.links.length).toBeGreaterThan(0);
      for (const href of layout.links) expect(href).toMatch(/^(https:\/\/|mailto:)/);
    } finally {
      await page.close();
    }
  });
});
