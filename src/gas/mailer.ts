/**
 * The one mailer (RULES R1, R6): an outbox that delivers every alert exactly once, whatever
 * fails. Every email of the project goes through it.
 *
 *  - Outbox. Each message (split to ≤ 50 recipients, parts keyed `key#1`, `key#2` …) is first written
 *    `pending` to the hidden `Mail Outbox` sheet — one batched write for all of a run's messages — and
 *    only then sent. The outbox keeps the message as a recipe (template + compact inputs, composed again
 *    at send time, see mailRecipes.ts) or, for callers that pass bodies only, the bodies split over
 *    cells of at most 40,000 characters: a cell holds 50,000, and a 20-agent digest is ~66,000.
 *  - Sent marker. Right after each successful send its key is added to a script property
 *    (`SENT_MARKER_PROPERTY`, one Properties write per message, ~0.06 s); should that fail, the outbox
 *    row's Status cell is written instead, and should that fail too the run stops sending. A checkpoint
 *    (at the end, or when the marker nears Properties' 9 KB per value) writes the Alert Log rows, then
 *    the outbox, then clears the marker — each step on its own, none can lose what the others hold.
 *  - Retries. Whatever is still `pending`, `deferred` (quota) or `failed` (transient) in the outbox is
 *    sent by the next run that flushes — the hourly CAP check, the nightly sweep, `continueMail` — urgent
 *    first, oldest first. A permanent error (a bad address, a body over the size limit) is logged
 *    `failed` once and given up. Two transient failures in a row (mail is down) stop the run's sending:
 *    the rest waits, untouched, for the next run.
 *  - Dedupe. A message whose key the Alert Log, the outbox or the marker shows as sent is not sent again
 *    (in Dry Run a previewed key is not previewed again). The quota, counted in recipients, is read once
 *    per run; urgent alerts claim it first and the rest is `deferred`.
 *  - Dry Run sends nothing, logs `dry-run` and leaves the outbox alone (previews must not use up real
 *    messages still owed).
 *
 * The one window left is a hard kill between a send and its marker write: that one message could go twice.
 * Long runs stop early on their RunBudget precisely so they are not killed.
 *
 * Bodies come from src/domain/emails.ts, whose templates escape every user-typed value; the mailer adds no
 * text of its own to a message.
 */
import { MAX_RECIPIENTS_PER_MESSAGE, type MailRecipe, type OutgoingMessage } from '../domain/alerts';
import { type AlertStatus, WORKBOOK } from '../domain/contract';
import type { Settings } from '../domain/settings';
import { isDate, neutraliseFormula, splitEmails } from '../domain/values';
import { AlertLog, clip } from './alertLog';
import { now } from './clock';
import type { RunBudget } from './continuation';
import { compose, decodeRecipe, encodeRecipe } from './mailRecipes';
import { isTransient, withRetry } from './retry';
import type { Spreadsheet } from './sheetTable';
import { commitTrackerWrites, trackerTablesOf } from './tableCache';

export type { OutgoingMessage };

const OUTBOX = WORKBOOK.mailOutbox.headers;
const QUEUE = WORKBOOK.mailQueue.headers;
export const OUTBOX_SHEET = WORKBOOK.mailOutbox.name;
/** The layout before the outbox (whole bodies in cells): read once, moved into the outbox, then deleted. */
export const MAIL_QUEUE_SHEET = WORKBOOK.mailQueue.name;
export const SENT_MARKER_PROPERTY = 'ESP_MAIL_SENT_NOT_RECORDED';
/** The outbox columns, in the order the mailer writes them. */
export const OUTBOX_HEADERS = WORKBOOK.mailOutbox.columns;
/** Content per cell: a cell holds 50,000 characters. */
export const CHUNK_CHARS = 40_000;
/** Properties hold ~9 KB per value: checkpoint before the marker grows past this. */
const MARKER_MAX_CHARS = 7_000;
/** Every stored content cell starts with this, so Sheets never parses it as a number, date or formula. */
const CONTENT_PREFIX = '~';
const SENDER_NAME = 'ESP Licensing Tracker';
const QUOTA_EXHAUSTED = /too many times for one day/i;
/** Consecutive transient send failures after which the run stops sending (mail is down). */
const OUTAGE_AFTER = 2;

type OutboxStatus = 'pending' | 'deferred' | 'failed' | 'sent' | 'given-up';

export interface MailSummary {
  /** True when the run's time budget ended the sending: the rest waits in the outbox. */
  outOfTime: boolean;
  sent: number;
  deferred: number;
  failed: number;
  dryRun: number;
  /** Already sent earlier (same dedupe key) or without recipients: nothing done. */
  skipped: number;
  /** Messages still in the outbox after this run (pending, deferred or failed): the next run sends them. */
  waiting: number;
  /** Writes that failed (Alert Log, outbox, marker) — nothing lost, recorded by the next run — and stops. */
  problems: string[];
}

interface Entry {
  dedupeKey: string;
  status: OutboxStatus;
  kind: string;
  to: string[];
  subject: string;
  urgent: boolean;
  agents: string[];
  queuedAt: Date;
  attempts: number;
  lastError: string;
  sentAt: Date | null;
  /** Stored form: `{"r": recipe}` or `{"h": html, "b": text}` as JSON. */
  content: string;
  /** This run's message, when it was queued in this run (bodies in memory). */
  message?: OutgoingMessage;
  /** 1-based outbox row of its first chunk, once written. */
  row?: number;
  /** Its final outcome (sent / given up) is in the Alert Log for good. */
  logged: boolean;
  /** Its final outcome is queued in the Alert Log, not yet written. */
  logQueued: boolean;
}

interface RunState {
  log: AlertLog;
  entries: Entry[];
  byKey: Map<string, Entry>;
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  legacy: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** Keys sent but not yet recorded in the outbox sheet (mirrors the property). */
  marker: string[];
  /** Rows the outbox sheet had at its last read or write (to clear a shorter rewrite's tail). */
  writtenRows: number;
  quota: number | null;
  /** Status of each key this run touched, for `send()`. */
  outcome: Map<string, AlertStatus>;
  props: GoogleAppsScript.Properties.Properties | null;
  /** The outbox sheet differs from what this run holds: rewrite it at the checkpoint. */
  dirty: boolean;
}

function scriptProperties(state: RunState): GoogleAppsScript.Properties.Properties {
  if (!state.props) state.props = PropertiesService.getScriptProperties();
  return state.props;
}

const emptySummary = (): MailSummary => ({
  outOfTime: false,
  sent: 0,
  deferred: 0,
  failed: 0,
  dryRun: 0,
  skipped: 0,
  waiting: 0,
  problems: [],
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Mailer {
  private readonly pending: OutgoingMessage[] = [];
  private state: RunState | null = null;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly settings: Pick<Settings, 'dryRun'>,
    private readonly budget?: RunBudget,
  ) {}

  queue(message: OutgoingMessage): void {
    this.pending.push(message);
  }

  /**
   * Whether the message with this dedupe key is done (sent; in Dry Run, previewed): a caller can skip
   * composing a costly message that would be dropped anyway. Uses the run's one Alert Log read.
   */
  isDone(dedupeKey: string): boolean {
    return this.load().log.isDone(dedupeKey, this.settings.dryRun === true);
  }

  /**
   * Writes everything queued so far to the outbox as `pending`, sending nothing. Throws when the outbox
   * cannot be written: a caller that records an escalation (CAP level) commits first, so the escalation
   * is never recorded without its alert being delivered or queued. No-op in Dry Run.
   */
  commit(): void {
    if (this.settings.dryRun) return;
    const state = this.load();
    if (this.admit(state, this.pending.splice(0), emptySummary())) this.writeOutbox(state);
  }

  /**
   * Sends what is queued and whatever the outbox still owes (urgent first, oldest first) within quota and
   * `budget`, then checkpoints. Never throws for a failed log/outbox write: those are listed in
   * `problems` and recorded by the next run.
   */
  flush(budget: RunBudget | undefined = this.budget): MailSummary {
    const summary = emptySummary();
    const state = this.load();
    if (this.settings.dryRun) {
      this.preview(state, summary);
      return summary;
    }
    try {
      if (this.admit(state, this.pending.splice(0), summary)) this.writeOutbox(state);
    } catch (error) {
      // Could not record them pending: still send them now (each send is marked), rather than lose them.
      summary.problems.push(`Mail Outbox not written (${messageOf(error)}); sending anyway.`);
    }
    try {
      this.deliverAll(state, summary, budget);
    } finally {
      this.checkpoint(state, summary);
      summary.waiting = state.entries.filter((e) => isOwed(e.status)).length;
      this.state = null;
    }
    return summary;
  }

  /** Queues one message, flushes, and returns its status (the worst of its parts). */
  send(message: OutgoingMessage): AlertStatus {
    this.queue(message);
    const keys = split(message).map((p) => p.dedupeKey);
    const state = this.load();
    this.flush();
    const statuses = keys.map((k) => state.outcome.get(k) ?? state.log.status(k) ?? 'sent');
    for (const worst of ['failed', 'deferred'] as const) if (statuses.includes(worst)) return worst;
    return statuses[0] ?? (this.settings.dryRun ? 'dry-run' : 'sent');
  }

  // ---- the run ------------------------------------------------------------------------------------------

  /** First use in a run: one read each of the outbox, the Alert Log and the sent marker. */
  private load(): RunState {
    if (this.state) return this.state;
    // A batched run knows which sheets exist (RULES R26): no call for an absent outbox or legacy queue.
    const tables = trackerTablesOf(this.ss);
    const sheetNamed = (name: string) => (tables ? tables.sheet(name) : this.ss.getSheetByName(name));
    const sheet = sheetNamed(OUTBOX_SHEET);
    const entries = sheet ? readOutbox(sheet) : [];
    const legacy = sheetNamed(MAIL_QUEUE_SHEET);
    const log = AlertLog.open(this.ss);
    const state: RunState = {
      log,
      props: null,
      dirty: legacy !== null,
      entries,
      byKey: new Map(),
      sheet,
      legacy,
      marker: [],
      writtenRows: sheet ? sheet.getLastRow() : 0,
      quota: null,
      outcome: new Map(),
    };
    for (const e of entries) state.byKey.set(e.dedupeKey, e);
    if (legacy && !this.settings.dryRun) {
      for (const e of readLegacyQueue(legacy))
        if (!state.byKey.has(e.dedupeKey) && !log.isDone(e.dedupeKey, false)) {
          state.entries.push(e);
          state.byKey.set(e.dedupeKey, e);
        }
    }
    if (!this.settings.dryRun) this.recover(state);
    this.state = state;
    return state;
  }

  /** Sends an interrupted run made but did not record: count them as sent, and log them if not logged. */
  private recover(state: RunState): void {
    const props = scriptProperties(state);
    let keys: unknown = [];
    try {
      keys = JSON.parse(withRetry(() => props.getProperty(SENT_MARKER_PROPERTY)) ?? '[]');
    } catch {
      keys = [];
    }
    const at = now();
    if (Array.isArray(keys))
      for (const key of keys) {
        if (typeof key !== 'string' || !key) continue;
        state.marker.push(key);
        state.dirty = true;
        const entry = state.byKey.get(key);
        if (entry && entry.status !== 'sent') {
          entry.status = 'sent';
          entry.sentAt = entry.sentAt ?? at;
        } else if (!entry && !state.log.isDone(key, false)) {
          const stub = stubEntry(key, at);
          state.entries.push(stub);
          state.byKey.set(key, stub);
        }
      }
    // A sent message whose Alert Log row is missing (the log write failed): log it now, late.
    for (const e of state.entries) {
      if (e.status !== 'sent') continue;
      state.dirty = true;
      if (state.log.isDone(e.dedupeKey, false)) e.logged = true;
      else {
        state.log.record(e, 'sent', e.sentAt ?? at, 'recorded late: the Alert Log write had failed');
        e.logQueued = true;
      }
    }
  }

  /** Adds this run's messages to the outbox (not yet written); true when anything was added. */
  private admit(state: RunState, messages: OutgoingMessage[], summary: MailSummary): boolean {
    let added = false;
    const at = now();
    for (const part of messages.flatMap(split)) {
      const existing = state.byKey.get(part.dedupeKey);
      if (existing) {
        if (existing.status === 'sent') summary.skipped++;
        else if (!existing.message) existing.message = part; // owed already: send the fresher bodies
        continue;
      }
      if (part.to.length === 0 || state.log.isDone(part.dedupeKey, false)) {
        summary.skipped++;
        continue;
      }
      const entry = entryFor(part, at);
      state.entries.push(entry);
      state.byKey.set(entry.dedupeKey, entry);
      added = true;
      state.dirty = true;
    }
    return added;
  }

  private preview(state: RunState, summary: MailSummary): void {
    const at = now();
    const seen = new Set<string>();
    for (const part of this.pending.splice(0).flatMap(split)) {
      if (part.to.length === 0 || seen.has(part.dedupeKey) || state.log.isDone(part.dedupeKey, true)) {
        summary.skipped++;
        continue;
      }
      seen.add(part.dedupeKey);
      state.log.record(part, 'dry-run', at);
      summary.dryRun++;
    }
    try {
      state.log.flush();
    } catch (error) {
      summary.problems.push(`Alert Log not written (${messageOf(error)}).`);
    }
    this.state = null;
  }

  private deliverAll(state: RunState, summary: MailSummary, budget: RunBudget | undefined): void {
    const owed = state.entries.filter((e) => isOwed(e.status));
    const ordered = [...owed.filter((e) => e.urgent), ...owed.filter((e) => !e.urgent)];
    if (ordered.length > 0) state.dirty = true;
    let transientInARow = 0;
    for (const [k, entry] of ordered.entries()) {
      if (budget?.exceeded()) {
        summary.outOfTime = true;
        for (const rest of ordered.slice(k)) this.defer(state, rest, summary, 'out of time');
        return;
      }
      const result = this.deliver(state, entry, summary);
      if (result === 'stop') {
        summary.problems.push(
          `Could not record a sent email (${entry.dedupeKey}): stopped sending to avoid duplicates.`,
        );
        return;
      }
      transientInARow = result === 'transient' ? transientInARow + 1 : 0;
      if (transientInARow >= OUTAGE_AFTER) {
        summary.problems.push(`Mail is failing (${entry.lastError}): the rest waits for the next run.`);
        return;
      }
    }
  }

  private deliver(state: RunState, e: Entry, summary: MailSummary): 'ok' | 'transient' | 'stop' {
    const at = now();
    if (e.to.length === 0) {
      this.giveUp(state, e, summary, 'no recipients: check the email addresses in Settings');
      return 'ok';
    }
    if (state.quota === null) state.quota = withRetry(() => MailApp.getRemainingDailyQuota());
    if (e.to.length > state.quota) {
      this.defer(state, e, summary, 'daily mail quota');
      return 'ok';
    }
    let content: { subject: string; htmlBody: string; body: string };
    try {
      content = contentOf(e);
    } catch (error) {
      this.giveUp(state, e, summary, messageOf(error));
      return 'ok';
    }
    try {
      withRetry(() =>
        MailApp.sendEmail({
          to: e.to.join(','),
          subject: content.subject,
          htmlBody: content.htmlBody,
          body: content.body,
          name: SENDER_NAME,
        }),
      );
    } catch (error) {
      const reason = messageOf(error);
      if (QUOTA_EXHAUSTED.test(reason)) {
        state.quota = 0; // the quota ran out under us
        this.defer(state, e, summary, 'daily mail quota');
        return 'ok';
      }
      if (!isTransient(error)) {
        this.giveUp(state, e, summary, reason);
        return 'ok';
      }
      e.attempts++;
      if (e.status !== 'failed' || e.lastError !== reason) state.log.record(e, 'failed', at, reason);
      e.status = 'failed';
      e.lastError = reason;
      state.outcome.set(e.dedupeKey, 'failed');
      summary.failed++;
      return 'transient';
    }
    state.quota -= e.to.length;
    e.status = 'sent';
    e.sentAt = at;
    e.attempts++;
    state.outcome.set(e.dedupeKey, 'sent');
    summary.sent++;
    if (!this.markSent(state, e, summary)) return 'stop';
    state.log.record(e, 'sent', at);
    e.logQueued = true;
    return 'ok';
  }

  /** Durably notes that `e` went out: the marker property, else its outbox Status cell. */
  private markSent(state: RunState, e: Entry, summary: MailSummary): boolean {
    if (JSON.stringify([...state.marker, e.dedupeKey]).length > MARKER_MAX_CHARS) {
      this.checkpoint(state, summary);
    }
    if (JSON.stringify([...state.marker, e.dedupeKey]).length <= MARKER_MAX_CHARS) {
      state.marker.push(e.dedupeKey);
      try {
        const value = JSON.stringify(state.marker);
        withRetry(() => scriptProperties(state).setProperty(SENT_MARKER_PROPERTY, value));
        return true;
      } catch (error) {
        state.marker.pop();
        summary.problems.push(`Sent marker not written (${messageOf(error)}).`);
      }
    }
    const sheet = state.sheet;
    if (!sheet || e.row === undefined) return false;
    try {
      const cell = sheet.getRange(e.row, OUTBOX_HEADERS.indexOf(OUTBOX.outboxStatus) + 1);
      withRetry(() => cell.setValue('sent'));
      return true;
    } catch {
      return false;
    }
  }

  private defer(state: RunState, e: Entry, summary: MailSummary, why: string): void {
    if (e.status !== 'deferred') state.log.record(e, 'deferred', now(), why);
    e.status = 'deferred';
    state.outcome.set(e.dedupeKey, 'deferred');
    summary.deferred++;
  }

  private giveUp(state: RunState, e: Entry, summary: MailSummary, reason: string): void {
    state.log.record(e, 'failed', now(), reason);
    e.status = 'given-up';
    e.lastError = reason;
    e.logQueued = true;
    state.outcome.set(e.dedupeKey, 'failed');
    summary.failed++;
  }

  /**
   * Alert Log rows first, then the outbox (without what is finished and logged), then the marker is
   * cleared — only once the outbox records every marked key. Each step is guarded: a failure is listed in
   * `problems` and repaired by the next run from what the other steps kept.
   */
  private checkpoint(state: RunState, summary: MailSummary): void {
    try {
      state.log.flush();
      // In a batched run the log rows are only queued: write them (and the run's other changes) now,
      // before the marker is cleared (RULES R1, R26).
      commitTrackerWrites();
      for (const e of state.entries) if (e.logQueued) e.logged = true;
    } catch (error) {
      summary.problems.push(`Alert Log not written (${messageOf(error)}); recorded by the next run.`);
    }
    let outboxWritten = !state.dirty;
    try {
      if (state.dirty) this.writeOutbox(state);
      outboxWritten = true;
    } catch (error) {
      summary.problems.push(
        `Mail Outbox not written (${messageOf(error)}); the sent marker keeps the sends.`,
      );
    }
    if (outboxWritten && state.marker.length > 0) {
      try {
        withRetry(() => scriptProperties(state).deleteProperty(SENT_MARKER_PROPERTY));
        state.marker = [];
      } catch (error) {
        summary.problems.push(`Sent marker not cleared (${messageOf(error)}).`);
      }
    }
  }

  /** Rewrites the outbox — header row, then one row per 40,000 characters of content — in one write. */
  private writeOutbox(state: RunState): void {
    const keep = state.entries.filter((e) => !((e.status === 'sent' || e.status === 'given-up') && e.logged));
    const rows: (string | number | boolean | Date)[][] = [[...OUTBOX_HEADERS]];
    const positions: [Entry, number][] = [];
    for (const e of keep) {
      const chunks = chunk(e.content);
      positions.push([e, rows.length + 1]);
      chunks.forEach((piece, k) => {
        const tag = `${k + 1}/${chunks.length}`;
        const content = CONTENT_PREFIX + piece;
        if (k > 0) {
          rows.push([e.dedupeKey, '', '', '', '', '', '', '', '', '', '', tag, content]);
          return;
        }
        rows.push([
          e.dedupeKey,
          e.status,
          e.kind,
          e.to.join(','),
          clip(e.subject),
          e.urgent,
          clip(e.agents.join('\n')),
          e.queuedAt,
          e.attempts,
          clip(e.lastError),
          e.sentAt ?? '',
          tag,
          content,
        ]);
      });
    }
    if (!state.sheet && keep.length === 0 && state.marker.length === 0) return;
    const sheet = state.sheet ?? this.createOutbox(state);
    const safe = rows.map((r) => r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
    if (safe.length > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), safe.length - sheet.getMaxRows());
    withRetry(() => sheet.getRange(1, 1, safe.length, OUTBOX_HEADERS.length).setValues(safe));
    // Clear the old tail only after the new rows are in: a failed write leaves the old outbox whole.
    if (state.writtenRows > safe.length) {
      const tail = sheet.getRange(safe.length + 1, 1, state.writtenRows - safe.length, OUTBOX_HEADERS.length);
      withRetry(() => tail.clearContent());
    }
    state.writtenRows = safe.length;
    state.dirty = false;
    state.entries = keep;
    state.byKey = new Map(keep.map((e) => [e.dedupeKey, e]));
    for (const [e, row] of positions) e.row = row;
    if (state.legacy) {
      const legacy = state.legacy;
      state.legacy = null;
      try {
        withRetry(() => this.ss.deleteSheet(legacy));
      } catch {
        // Harmless: its messages are in the outbox now, and a key already there or logged is not re-added.
      }
    }
  }

  /** The hidden outbox is created the first time something is queued. */
  private createOutbox(state: RunState): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.ss.insertSheet(OUTBOX_SHEET);
    sheet.hideSheet();
    state.sheet = sheet;
    state.writtenRows = 0;
    return sheet;
  }
}

function isOwed(status: OutboxStatus): boolean {
  return status === 'pending' || status === 'deferred' || status === 'failed';
}

/**
 * Clean, unique recipients, then one part per 50. An unsplit message keeps its key; parts get `key#1`,
 * `key#2` … so a part sent before the quota ran out is not sent again.
 */
export function split(message: OutgoingMessage): OutgoingMessage[] {
  const to = splitEmails(message.to.join(','));
  if (to.length <= MAX_RECIPIENTS_PER_MESSAGE) return [{ ...message, to }];
  const parts: OutgoingMessage[] = [];
  for (let i = 0; i < to.length; i += MAX_RECIPIENTS_PER_MESSAGE)
    parts.push({
      ...message,
      to: to.slice(i, i + MAX_RECIPIENTS_PER_MESSAGE),
      dedupeKey: `${message.dedupeKey}#${parts.length + 1}`,
    });
  return parts;
}

function entryFor(m: OutgoingMessage, at: Date): Entry {
  return {
    dedupeKey: m.dedupeKey,
    status: 'pending',
    kind: m.kind,
    to: [...m.to],
    subject: m.subject,
    urgent: m.urgent,
    agents: [...(m.agents ?? [])],
    queuedAt: at,
    attempts: 0,
    lastError: '',
    sentAt: null,
    content: storedContent(m.recipe, m.htmlBody, m.body),
    message: m,
    logged: false,
    logQueued: false,
  };
}

/** A key found only in the sent marker: sent by a run that stopped before recording anything else. */
function stubEntry(key: string, at: Date): Entry {
  return {
    ...entryFor(
      {
        kind: key.split('|')[0] ?? '',
        to: [],
        subject: '(sent by a run that stopped before recording it)',
        htmlBody: '',
        body: '',
        urgent: false,
        dedupeKey: key,
      },
      at,
    ),
    status: 'sent',
    sentAt: at,
    content: '{}',
  };
}

function storedContent(recipe: MailRecipe | undefined, htmlBody: string, body: string): string {
  return recipe ? JSON.stringify({ r: encodeRecipe(recipe) }) : JSON.stringify({ h: htmlBody, b: body });
}

/** The email to send: this run's bodies, else the stored recipe composed again, else the stored bodies. */
function contentOf(e: Entry): { subject: string; htmlBody: string; body: string } {
  if (e.message) return { subject: e.message.subject, htmlBody: e.message.htmlBody, body: e.message.body };
  let stored: { r?: string; h?: string; b?: string };
  try {
    stored = JSON.parse(e.content) as typeof stored;
  } catch {
    throw new Error('the stored email in the Mail Outbox is incomplete (a chunk is missing)');
  }
  if (typeof stored.r === 'string') return compose(decodeRecipe(stored.r));
  if (typeof stored.h === 'string' || typeof stored.b === 'string')
    return { subject: e.subject, htmlBody: stored.h ?? '', body: stored.b ?? '' };
  throw new Error('the Mail Outbox row holds no email');
}

function chunk(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) out.push(text.slice(i, i + CHUNK_CHARS));
  return out.length ? out : [''];
}

const OUTBOX_STATUSES: readonly string[] = ['pending', 'deferred', 'failed', 'sent', 'given-up'];

/** One read; chunks of one key are joined in order. Rows it cannot understand are kept as failed. */
function readOutbox(sheet: GoogleAppsScript.Spreadsheet.Sheet): Entry[] {
  const values = withRetry(() => sheet.getDataRange().getValues());
  if (values.length < 2) return [];
  const header = values[0].map((h) => String(h));
  const col = (name: (typeof OUTBOX_HEADERS)[number]) => header.indexOf(name);
  const cell = (row: unknown[], name: (typeof OUTBOX_HEADERS)[number]) => {
    const c = col(name);
    return c < 0 ? '' : row[c];
  };
  const text = (row: unknown[], name: (typeof OUTBOX_HEADERS)[number]) => String(cell(row, name) ?? '');
  const entries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  for (const [r, row] of values.slice(1).entries()) {
    const key = text(row, OUTBOX.outboxKey);
    if (!key) continue;
    const piece = text(row, OUTBOX.content).replace(/^~/, '');
    const [k] = text(row, OUTBOX.chunk).split('/');
    const first = byKey.get(key);
    if (first && k !== '1') {
      first.content += piece;
      continue;
    }
    const status = text(row, OUTBOX.outboxStatus);
    const queuedAt = cell(row, OUTBOX.queuedAt);
    const sentAt = cell(row, OUTBOX.deliveredAt);
    const entry: Entry = {
      dedupeKey: key,
      status: (OUTBOX_STATUSES.includes(status) ? status : 'pending') as OutboxStatus,
      kind: text(row, OUTBOX.alertKind),
      to: text(row, OUTBOX.to).split(',').filter(Boolean),
      subject: text(row, OUTBOX.subjectLine),
      urgent: cell(row, OUTBOX.urgent) === true,
      agents: text(row, OUTBOX.agentNames).split('\n').filter(Boolean),
      queuedAt: isDate(queuedAt) ? queuedAt : now(),
      attempts: Number(cell(row, OUTBOX.attempts)) || 0,
      lastError: text(row, OUTBOX.lastError),
      sentAt: isDate(sentAt) ? sentAt : null,
      content: piece,
      row: r + 2,
      logged: false,
      logQueued: false,
    };
    entries.push(entry);
    byKey.set(key, entry);
  }
  return entries;
}

/** The pre-outbox `Mail Queue` layout (bodies whole in cells): its messages move into the outbox. */
function readLegacyQueue(sheet: GoogleAppsScript.Spreadsheet.Sheet): Entry[] {
  const values = withRetry(() => sheet.getDataRange().getValues());
  if (values.length < 2) return [];
  const header = values[0].map((h) => String(h));
  const at = now();
  return values
    .slice(1)
    .map((row) => {
      const get = (name: (typeof WORKBOOK.mailQueue.columns)[number]) =>
        header.indexOf(name) < 0 ? '' : row[header.indexOf(name)];
      const message: OutgoingMessage = {
        dedupeKey: String(get(QUEUE.dedupeKey)),
        kind: String(get(QUEUE.kind)),
        to: String(get(QUEUE.to)).split(',').filter(Boolean),
        subject: String(get(QUEUE.subject)),
        htmlBody: String(get(QUEUE.htmlBody)),
        body: String(get(QUEUE.body)),
        urgent: get(QUEUE.urgent) === true,
        agents: String(get(QUEUE.agents)).split('\n').filter(Boolean),
      };
      return { ...entryFor(message, at), status: 'deferred' as const, message: undefined };
    })
    .filter((e) => e.dedupeKey !== '');
}
