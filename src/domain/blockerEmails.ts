/**
 * The hourly blocker alerts (src/usecases/blockers.ts decides what is new): one email per TL listing their
 * agents' new blockers and newly opened payment/login issues, and one to the licensing team listing new
 * payment issues. Same one layout as every email (emailLayout.ts escapes every value, so what an agent
 * typed arrives as text). Inputs are plain JSON (links precomputed), so the outbox can recompose them.
 */
import { type EmailContent, type Inline, link, para, renderEmail, section, table } from './emailLayout';
import { TRACKER } from './contract';
import { guidesSection, type ResourceSettings } from './resources';

/** One agent line of an alert. Links are '' when unknown (rendered as plain text). */
export interface BlockerLine {
  name: string;
  oid: string;
  tlName: string;
  /** The tracker row: `<tracker url>#gid=<sheet id>&range=A<row>`. */
  trackerLink: string;
  /** The agent's row of the progress report (blockers only). */
  reportLink: string;
  /** The blocker text (blockers only). */
  text: string;
}

export interface TlBlockersInput {
  tlName: string;
  cohortName: string;
  reportUrl: string;
  trackerUrl: string;
  /** True when these agents have no TL Email in the tracker (the email goes to the licensing team). */
  noTlEmail: boolean;
  blockers: readonly BlockerLine[];
  payment: readonly BlockerLine[];
  login: readonly BlockerLine[];
  /** Totals; the lists may be cut short (then "and N more" links to the sheet). */
  counts: { blockers: number; payment: number; login: number };
  /** RULES R24 — the guides to link (absent in recipes stored before the links existed). */
  resources?: ResourceSettings;
}

export interface PaymentIssuesInput {
  cohortName: string;
  trackerUrl: string;
  agents: readonly BlockerLine[];
  total: number;
  /** RULES R24 — the guides to link (absent in recipes stored before the links existed). */
  resources?: ResourceSettings;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const maybeLink = (text: string, href: string): Inline => (href ? link(text, href) : text);

function more(listed: number, total: number, what: string, href: string): Inline[][] {
  const rest = total - listed;
  return rest > 0 ? [[maybeLink(`and ${rest} more: see ${what}`, href), '', '']] : [];
}

/** `2 new blockers, 1 payment issue, 1 login issue` (non-zero parts only). */
export function blockerCounts(counts: TlBlockersInput['counts']): string {
  return [
    counts.blockers ? plural(counts.blockers, 'new blocker') : '',
    counts.payment ? plural(counts.payment, 'payment issue') : '',
    counts.login ? plural(counts.login, 'login issue') : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function tlBlockersEmail(input: TlBlockersInput): EmailContent {
  const issueRows = (lines: readonly BlockerLine[]): Inline[][] =>
    lines.map((l) => [maybeLink(l.name, l.trackerLink), l.oid, l.tlName || '-']);
  const sections = [
    ...(input.payment.length
      ? [
          section(
            'Payment issue opened (the licensing team is told too)',
            [
              table(
                ['Agent (tracker row)', TRACKER.oid, 'TL'],
                [
                  ...issueRows(input.payment),
                  ...more(input.payment.length, input.counts.payment, 'the tracker', input.trackerUrl),
                ],
              ),
            ],
            'alert',
          ),
        ]
      : []),
    ...(input.login.length
      ? [
          section(
            'Login issue opened',
            [
              table(
                ['Agent (tracker row)', TRACKER.oid, 'TL'],
                [
                  ...issueRows(input.login),
                  ...more(input.login.length, input.counts.login, 'the tracker', input.trackerUrl),
                ],
              ),
            ],
            'alert',
          ),
        ]
      : []),
    ...(input.blockers.length
      ? [
          section(
            'Blockers typed in the progress report',
            [
              table(
                ['Agent (tracker row)', 'Blocker', 'Report row'],
                [
                  ...input.blockers.map((l) => [
                    maybeLink(l.name, l.trackerLink),
                    l.text,
                    maybeLink(`row of ${l.oid}`, l.reportLink),
                  ]),
                  ...more(
                    input.blockers.length,
                    input.counts.blockers,
                    'the progress report',
                    input.reportUrl,
                  ),
                ],
              ),
            ],
            'warn',
          ),
        ]
      : []),
  ];
  const intro: Inline[][] = [
    [
      `Hi ${input.tlName}, `,
      input.noTlEmail
        ? 'these agents have no TL Email in the ESP Tracker, so their new blockers come to you. Please add their TL.'
        : 'since the last hourly check your agents reported what is below. Each is sent once.',
    ],
  ];
  if (input.reportUrl) intro.push(['Open the ', link('Agent Progress Report', input.reportUrl), '.']);
  // RULES R24 — the guide that resolves each kind of issue: AHIP payment (N-Number), Tech Issues (login).
  const guides = guidesSection(
    input.resources,
    [
      ...(input.payment.length ? (['ahipGuideUrl'] as const) : []),
      ...(input.login.length ? (['techIssuesGuideUrl'] as const) : []),
    ],
    'Guides to share with these agents',
  );
  sections.push(...guides);
  return renderEmail({
    subject: `ESP blockers: ${blockerCounts(input.counts)} - ${input.cohortName}`,
    title: 'New blockers from your agents',
    intro,
    sections: sections.length ? sections : [section('Nothing new', [para('No new blockers.')], 'ok')],
  });
}

export function paymentIssuesEmail(input: PaymentIssuesInput): EmailContent {
  const rows: Inline[][] = [
    ...input.agents.map((a) => [maybeLink(a.name, a.trackerLink), a.oid, a.tlName || '(no TL)']),
    ...more(input.agents.length, input.total, 'the tracker', input.trackerUrl),
  ];
  return renderEmail({
    subject: `ESP payment issues: ${plural(input.total, 'agent')} opened a payment issue - ${input.cohortName}`,
    title: 'New payment issues',
    intro: [
      [
        'These agents have a Payment Issue set to Open in the ESP Tracker (their TLs are told too). ',
        'A common cause: paying with the NPN instead of the N-Number.',
      ],
    ],
    sections: [
      section('Payment issue opened', [table(['Agent (tracker row)', TRACKER.oid, 'TL'], rows)], 'alert'),
      ...guidesSection(input.resources, ['ahipGuideUrl'], 'Guide to share with these agents'),
    ],
  });
}
