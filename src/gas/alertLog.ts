/**
 * The `Alert Log` sheet (RULES R1, R6): one row per thing the mailer did with a message (sent,
 * dry-run, deferred, failed), and — with the outbox — its memory of what already went out. Rows are
 * appended in memory and written by `flush()` in one `setValues`; a failed flush keeps them for the next
 * try, so a row is never lost, only late.
 *
 * The log alone is not what prevents a second send: the outbox and the sent-marker property are (see
 * mailer.ts). A run whose Alert Log write failed records its sends on the next run.
 */
import { ALERT_LOG_HEADERS, type AlertStatus, WORKBOOK, type AlertLogHeader } from '../domain/contract';
import { SheetTable, type Spreadsheet } from './sheetTable';

const [SENT_AT, KIND, RECIPIENTS, SUBJECT, AGENTS, DEDUPE_KEY, STATUS] = ALERT_LOG_HEADERS;

/** A cell holds at most 50,000 characters; stay well under it. */
export const MAX_CELL_CHARS = 45_000;

/** What one Alert Log row says about one message. */
export interface AlertLogEntry {
  kind: string;
  to: readonly string[];
  subject: string;
  agents?: readonly string[];
  dedupeKey: string;
}

/** `text` cut to `max` characters, saying how much was left out. */
export function clip(text: string, max: number = MAX_CELL_CHARS): string {
  if (text.length <= max) return text;
  const note = ` … (${text.length - max + 40} more characters)`;
  return text.slice(0, max - note.length) + note;
}

export class AlertLog {
  private readonly statusByKey = new Map<string, AlertStatus>();

  private constructor(private readonly table: SheetTable<AlertLogHeader>) {
    for (const i of table.rowIndexes()) this.remember(table.text(i, DEDUPE_KEY), table.text(i, STATUS));
  }

  /** One read of the sheet. */
  static open(ss: Spreadsheet): AlertLog {
    return new AlertLog(SheetTable.of(ss, WORKBOOK.alertLog, ALERT_LOG_HEADERS));
  }

  /** `sent` beats anything; otherwise the latest status logged for the key. */
  status(key: string): AlertStatus | undefined {
    return this.statusByKey.get(key);
  }

  /**
   * Handled already, so not to be sent again: sent, or previewed while Dry Run is still on (a preview
   * does not count once Dry Run is off — the real email must still go).
   */
  isDone(key: string, dryRun: boolean): boolean {
    const status = this.statusByKey.get(key);
    return status === 'sent' || (dryRun && status === 'dry-run');
  }

  /** Queues one row for `flush`. `note` (e.g. a failure reason) is appended to the subject. */
  record(entry: AlertLogEntry, status: AlertStatus, at: Date, note = ''): void {
    this.table.append({
      [SENT_AT]: at,
      [KIND]: entry.kind,
      [RECIPIENTS]: clip(entry.to.join(', ')),
      [SUBJECT]: clip(note ? `${entry.subject} — ${note}` : entry.subject),
      [AGENTS]: clip((entry.agents ?? []).join(', ')),
      [DEDUPE_KEY]: entry.dedupeKey,
      [STATUS]: status,
    });
    this.remember(entry.dedupeKey, status);
  }

  /** Rows waiting to be written. */
  get unwritten(): number {
    return this.table.pendingWrites;
  }

  /** Writes the queued rows in one `setValues` (retried when transient). Throws if it cannot. */
  flush(): void {
    this.table.flush();
  }

  private remember(key: string, status: string): void {
    if (!key || this.statusByKey.get(key) === 'sent') return;
    if (status === 'sent' || status === 'dry-run' || status === 'deferred' || status === 'failed')
      this.statusByKey.set(key, status);
  }
}
