/**
 * The one mailer (behaviour 10). Every email is queued here, then `flush()`:
 *  - skips what the Alert Log already shows as sent (in Dry Run, also previewed) — same dedupe key, nothing twice;
 *  - checks the remaining daily quota (counted in recipients), sends urgent alerts first and defers the rest;
 *  - keeps deferred messages, whole, in a hidden `Mail Queue` sheet so the next run sends them as composed;
 *  - in Dry Run, sends nothing and logs `dry-run`;
 *  - logs every message in `Alert Log` (one batched write) even when a send fails half-way.
 * Bodies come from src/domain/emails.ts, which escapes every user-typed value.
 *
 * Crash safety: the log is written in a `finally`, so an exception mid-run still records what went out.
 * Only a hard kill between a send and that write could resend; long runs stop early (continuation)
 * precisely to avoid being killed.
 */
import { planSends, type OutgoingMessage } from '../domain/alerts';
import { ALERT_LOG_HEADERS, type AlertStatus, SHEET } from '../domain/contract';
import type { Settings } from '../domain/settings';
import { neutraliseFormula } from '../domain/values';
import { now } from './clock';
import type { RunBudget } from './continuation';
import { withRetry } from './retry';
import { SheetTable, type Spreadsheet } from './sheetTable';

export type { OutgoingMessage };

export const MAIL_QUEUE_SHEET = 'Mail Queue';
const QUEUE_HEADERS = [
  'Dedupe Key',
  'Kind',
  'To',
  'Subject',
  'Html Body',
  'Body',
  'Urgent',
  'Agents',
  'Queued At',
];
const SENDER_NAME = 'ESP Licensing Tracker';

export interface MailSummary {
  /** True when the run's time budget ended the sending: the rest waits in the Mail Queue. */
  outOfTime: boolean;
  sent: number;
  deferred: number;
  failed: number;
  dryRun: number;
  skipped: number;
}

export class Mailer {
  private readonly pending: OutgoingMessage[] = [];

  constructor(
    private readonly ss: Spreadsheet,
    private readonly settings: Pick<Settings, 'dryRun' | 'licensingTeamEmails'>,
  ) {}

  queue(message: OutgoingMessage): void {
    this.pending.push(message);
  }

  /** Plans, sends and logs everything queued plus what earlier runs deferred. */
  flush(budget?: RunBudget): MailSummary {
    const summary: MailSummary = { outOfTime: false, sent: 0, deferred: 0, failed: 0, dryRun: 0, skipped: 0 };
    const log = SheetTable.open(this.ss, SHEET.alertLog, ALERT_LOG_HEADERS);
    const done = new Set<string>();
    for (const i of log.rowIndexes()) {
      const status = log.text(i, 'Status');
      // A Dry Run preview does not count once Dry Run is off: the real email must still go.
      if (status === 'sent' || (this.settings.dryRun && status === 'dry-run'))
        done.add(log.text(i, 'Dedupe Key'));
    }
    const queueSheet = this.ss.getSheetByName(MAIL_QUEUE_SHEET);
    const waiting = (queueSheet ? readQueue(queueSheet) : []).filter((m) => !done.has(m.dedupeKey));
    const fresh = this.pending.splice(0).filter((m) => !waiting.some((w) => w.dedupeKey === m.dedupeKey));
    // Deferred messages go first among their urgency: they have waited longest.
    const all = [...waiting, ...fresh];
    const quota = this.settings.dryRun ? Number.MAX_SAFE_INTEGER : MailApp.getRemainingDailyQuota();
    const plan = planSends(all, quota, done);
    summary.skipped = plan.skipped.length;
    const at = now();
    const record = (m: OutgoingMessage, status: AlertStatus, note = '') => {
      log.append({
        'Sent At': at,
        Kind: m.kind,
        Recipients: m.to.join(', '),
        Subject: note ? `${m.subject} — ${note}` : m.subject,
        Agents: (m.agents ?? []).join(', '),
        'Dedupe Key': m.dedupeKey,
        Status: status,
      });
    };
    const stillDeferred: OutgoingMessage[] = [...plan.deferred];
    try {
      for (const [k, m] of plan.send.entries()) {
        if (budget?.exceeded()) {
          // Stop well before Apps Script's 6-minute kill: the rest is queued for the continuation.
          stillDeferred.push(...plan.send.slice(k));
          summary.outOfTime = true;
          break;
        }
        if (this.settings.dryRun) {
          record(m, 'dry-run');
          summary.dryRun++;
          continue;
        }
        try {
          withRetry(() =>
            MailApp.sendEmail({
              to: m.to.join(','),
              subject: m.subject,
              htmlBody: m.htmlBody,
              body: m.body,
              name: SENDER_NAME,
            }),
          );
          record(m, 'sent');
          summary.sent++;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          if (/too many times for one day/i.test(reason)) {
            stillDeferred.push(m); // the quota ran out under us: keep it for the next run
          } else {
            record(m, 'failed', reason);
            summary.failed++;
          }
        }
      }
    } finally {
      for (const m of stillDeferred) record(m, 'deferred');
      summary.deferred = stillDeferred.length;
      log.flush();
      if (queueSheet || stillDeferred.length > 0)
        writeQueue(queueSheet ?? this.createQueueSheet(), stillDeferred);
    }
    return summary;
  }

  /** The hidden queue is created the first time something has to wait. */
  private createQueueSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.ss.insertSheet(MAIL_QUEUE_SHEET);
    sheet.getRange(1, 1, 1, QUEUE_HEADERS.length).setValues([QUEUE_HEADERS]);
    sheet.hideSheet();
    return sheet;
  }
}

function readQueue(sheet: GoogleAppsScript.Spreadsheet.Sheet): OutgoingMessage[] {
  const table = SheetTable.read(sheet, QUEUE_HEADERS);
  return table.rowIndexes().map((i) => ({
    dedupeKey: table.text(i, 'Dedupe Key'),
    kind: table.text(i, 'Kind'),
    to: table.text(i, 'To').split(',').filter(Boolean),
    subject: table.text(i, 'Subject'),
    htmlBody: String(table.value(i, 'Html Body')),
    body: String(table.value(i, 'Body')),
    urgent: table.value(i, 'Urgent') === true,
    agents: table.text(i, 'Agents').split('\n').filter(Boolean),
  }));
}

/** Rewrites the queue with what is still waiting (one clear, at most one write). */
function writeQueue(sheet: GoogleAppsScript.Spreadsheet.Sheet, messages: OutgoingMessage[]): void {
  const last = sheet.getLastRow();
  if (last > 1) sheet.getRange(2, 1, last - 1, QUEUE_HEADERS.length).clearContent();
  if (messages.length === 0) return;
  const at = now();
  const rows = messages.map((m) => [
    m.dedupeKey,
    m.kind,
    m.to.join(','),
    m.subject,
    m.htmlBody,
    m.body,
    m.urgent,
    (m.agents ?? []).join('\n'),
    at,
  ]);
  const overflow = rows.length + 1 - sheet.getMaxRows();
  if (overflow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), overflow);
  // Bodies are our own escaped HTML; the apostrophe guard keeps a subject like "=…" from becoming a formula.
  sheet
    .getRange(2, 1, rows.length, QUEUE_HEADERS.length)
    .setValues(rows.map((r) => r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))));
}
