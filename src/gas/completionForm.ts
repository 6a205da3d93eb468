/**
 * Behaviour 9 — the Carrier Cert Completion Form. Its responses land in the tracker spreadsheet (link the
 * form to it), and the installable `onCompletionFormSubmit` matches the submitter to an agent by any
 * answer that is an agent's cXp/personal email or OID, then sets `AHIP+Aetna Completion` to Submitted.
 * An unmatched submission is emailed to the licensing team with every answer — never dropped.
 */
import { dedupeKey } from '../domain/alerts';
import { SHEET, TRACKER } from '../domain/contract';
import { unmatchedCompletionEmail } from '../domain/emails';
import { now } from './clock';
import type { Config } from './config';
import { Mailer } from './mailer';
import { SheetTable, type Spreadsheet } from './sheetTable';

export type CompletionOutcome = { matched: string; oid: string } | { unmatched: string };

export function recordCompletion(
  ss: Spreadsheet,
  config: Config,
  namedValues: Record<string, string[]>,
): CompletionOutcome {
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.oid, TRACKER.completion]);
  const answers = Object.entries(namedValues).map(([question, values]) => ({
    question,
    answer: (values ?? []).join(', ').trim(),
  }));
  const tokens = new Set(answers.flatMap((a) => a.answer.toLowerCase().split(/[\s,;]+/)).filter(Boolean));
  const matches = tracker
    .rowIndexes()
    .filter((i) =>
      [TRACKER.oid, TRACKER.cxpEmail, TRACKER.personalEmail].some(
        (h) => tracker.has(h) && tokens.has(tracker.text(i, h).toLowerCase()),
      ),
    );
  if (matches.length === 1) {
    const i = matches[0];
    if (tracker.text(i, TRACKER.completion) !== 'Verified') tracker.set(i, TRACKER.completion, 'Submitted');
    if (tracker.has(TRACKER.lastUpdated)) tracker.set(i, TRACKER.lastUpdated, now());
    tracker.flush();
    return { matched: tracker.text(i, TRACKER.agentName), oid: tracker.text(i, TRACKER.oid) };
  }
  const reason =
    matches.length === 0
      ? "No answer matches an agent's OID, cXp email or personal email in the ESP Tracker."
      : `The answers match ${matches.length} agents (rows ${matches.map((i) => tracker.sheetRow(i)).join(', ')}); update the right one by hand.`;
  const at = now();
  const mailer = new Mailer(ss, config.settings);
  mailer.queue({
    kind: 'unmatched-completion',
    to: config.settings.licensingTeamEmails,
    ...unmatchedCompletionEmail({ zone: config.zone, submittedAt: at, reason, answers }),
    urgent: true,
    dedupeKey: dedupeKey('unmatched-completion', config.zone.ymd(at), String(at.getTime())),
  });
  mailer.flush();
  return { unmatched: reason };
}
