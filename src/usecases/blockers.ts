/**
 * Blockers within the hour. Every run that catches up (the hourly capCheck, the nightly sweep) reads what
 * agents typed in the report's Blockers column and the tracker's Payment Issue / Login Issue, and queues
 * what is new (src/domain/blockers.ts decides that) for the agent's TL — one email per TL per run — and
 * new payment issues for the licensing team too (one email per run).
 *
 * Which row is whose: the report's rows are credited by the row map (reportRowMap.ts) — the row the
 * script created for each agent — and only while that row still shows its agent's OID; a row an agent
 * appended or typed (even with another agent's OID) is ignored. The Progress sheet is found by its
 * recorded sheet ID, so a renamed sheet is still read.
 *
 * Exactly once: the memory of what was alerted (`AlertedState`) sits in the tracker's document properties
 * (agents never see the tracker) and is written only after the mailer has the alerts durably (`commit`,
 * the outbox). Each email's dedupe key is built from the ids of the items it lists, so a run that queued
 * them but could not write the memory is followed by a run that builds the same key — and the mailer
 * sends nothing twice. Dry Run previews and remembers nothing (the real alerts still go once it is off).
 *
 * Cost, whatever the number of agents: one read of the tracker, one open and one read of the report (the
 * whole Progress block as displayed), two Properties reads (row map, memory) and one write when the
 * memory changed.
 */
import { dedupeKey } from '../domain/alerts';
import { type BlockerLine } from '../domain/blockerEmails';
import { resourceSettingsOf } from '../domain/resources';
import { toText } from '../domain/values';
import {
  type AgentObservation,
  type AlertedState,
  diffAlerts,
  type NewItem,
  textHash,
} from '../domain/blockers';
import {
  ISSUE_VALUES,
  PROGRESS_FIXED_HEADERS,
  PROGRESS_TRAILING_HEADERS,
  TRACKER,
  type TrackerHeader,
  WORKBOOK,
} from '../domain/contract';
import { rowInCohort } from './cohorts';
import type { Config } from '../gas/config';
import type { Mailer } from '../gas/mailer';
import { composed } from '../gas/mailRecipes';
import { openSpreadsheet } from '../gas/open';
import { loadRowMap } from '../gas/reportRowMap';
import { withRetry } from '../gas/retry';
import { documentProperties, reportBook, trackerTablesOf } from '../gas/tableCache';
import { headerKey, SheetTable, type Spreadsheet } from '../gas/sheetTable';

/** Document property prefix of the memory, per cohort (Day 1 Date); chunked like the row map. */
export const BLOCKER_STATE_PREFIX = 'esp.blockerAlerts.';
const CHUNK = 8000;
/** Lines listed per section of an email; the rest is "and N more" with a link. */
export const MAX_LISTED = 50;

const OPEN = headerKey(ISSUE_VALUES[1]);
const [, OID_HEADER] = PROGRESS_FIXED_HEADERS;
const [BLOCKERS_HEADER] = PROGRESS_TRAILING_HEADERS;

export interface BlockerAlertResult {
  blockers: number;
  payment: number;
  login: number;
  /** Emails queued (TLs and the licensing team). */
  emails: number;
  /** Why part of the check could not run (e.g. the report could not be opened); the rest still ran. */
  notes: string[];
}

interface ReportView {
  /** The report's URL (one call, made only when there is something to alert). */
  url: () => string;
  /** Lowercased OID → { text, row } of the agent's own row. */
  blockers: Map<string, { text: string; row: number }>;
  sheetId: number;
}

function stateKey(config: Config): string {
  return `${BLOCKER_STATE_PREFIX}${config.settings.day1 ?? ''}`;
}

interface StoredState {
  state: AlertedState;
  /** Keys of this store to delete at the next save: other cohorts' memory, chunks no longer used. */
  stale: string[];
}

/** One Properties read. */
function loadState(key: string): StoredState {
  const all = withRetry(() => documentProperties().getProperties());
  const mine = (k: string) => k === key || k.startsWith(`${key}.`);
  const stale = Object.keys(all).filter((k) => k.startsWith(BLOCKER_STATE_PREFIX) && !mine(k));
  const count = Number(all[key] ?? '');
  if (!Number.isInteger(count) || count < 1) return { state: {}, stale };
  let text = '';
  for (let n = 0; n < count; n++) text += all[`${key}.${n}`] ?? '';
  stale.push(
    ...Object.keys(all).filter((k) => k.startsWith(`${key}.`) && Number(k.slice(key.length + 1)) >= count),
  );
  try {
    const parsed = JSON.parse(text) as unknown;
    const ok = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    return { state: ok ? (parsed as AlertedState) : {}, stale };
  } catch {
    return { state: {}, stale };
  }
}

/** One Properties write (plus one delete per stale key: only when a cohort changes or the memory shrinks). */
function saveState(key: string, state: AlertedState, stale: readonly string[]): void {
  const props = documentProperties();
  const text = JSON.stringify(state);
  const values: Record<string, string> = {};
  let n = 0;
  for (let at = 0; at < text.length; at += CHUNK) values[`${key}.${n++}`] = text.slice(at, at + CHUNK);
  values[key] = String(n);
  withRetry(() => props.setProperties(values));
  for (const k of stale) if (!(k in values)) withRetry(() => props.deleteProperty(k));
}

/**
 * The report's sheets by ID, as text. In a batched run (RULES R26) from the run's one read of the report
 * (the OID and Blockers cells are text: their values are what they show); else opened sheet by sheet.
 */
function reportSheets(reportId: string): {
  url(): string;
  sheet(sheetId: number): { name: string; grid: () => string[][] } | null;
} {
  const book = reportBook(reportId);
  if (book) {
    return {
      url: () => book.url,
      sheet: (sheetId) => {
        const name = book.titleOf(sheetId);
        const cached = name === undefined ? undefined : book.cached(name);
        if (name === undefined || !cached) return null;
        return {
          name,
          grid: () => cached.grid.map((r) => r.map((v) => (typeof v === 'string' ? v : toText(v)))),
        };
      },
    };
  }
  const report = openSpreadsheet(reportId);
  return {
    url: () => report.getUrl(),
    sheet: (sheetId) => {
      const sheet = report.getSheets().find((s) => s.getSheetId() === sheetId);
      if (!sheet) return null;
      return { name: sheet.getName(), grid: () => withRetry(() => sheet.getDataRange().getDisplayValues()) };
    },
  };
}

/**
 * The report's Blockers text per agent, by the row map. Null (with a note) when the report is not
 * configured or readable; the issue alerts still run.
 */
function readReport(ss: Spreadsheet, config: Config, notes: string[]): ReportView | null {
  const reportId = (config.settings.progressReportId ?? '').trim();
  if (!reportId || reportId === (config.trackerId ?? ss.getId())) return null;
  let report: { url(): string; sheet(sheetId: number): { name: string; grid: () => string[][] } | null };
  try {
    report = reportSheets(reportId);
  } catch (error) {
    notes.push(
      `not read: Settings "Progress Report ID" (${reportId}) could not be opened (${error instanceof Error ? error.message : String(error)})`,
    );
    return null;
  }
  const map = loadRowMap(reportId);
  if (!map) {
    notes.push('not read: the report has no row map yet; run ESP Licensing › Create progress report');
    return null;
  }
  const sheet = report.sheet(map.sheetId);
  if (!sheet) {
    notes.push(
      `not read: the report has no sheet with ID ${map.sheetId} (its Progress sheet was deleted or replaced)`,
    );
    return null;
  }
  const grid = sheet.grid();
  const header = (grid[0] ?? []).map(headerKey);
  const oidCol = header.indexOf(headerKey(OID_HEADER));
  const blockersCol = header.indexOf(headerKey(BLOCKERS_HEADER));
  if (oidCol < 0 || blockersCol < 0) {
    notes.push(
      `not read: the report's "${sheet.name}" sheet has no "${oidCol < 0 ? OID_HEADER : BLOCKERS_HEADER}" header in row 1`,
    );
    return null;
  }
  const blockers = new Map<string, { text: string; row: number }>();
  for (const [row, owner] of map.rows) {
    const line = grid[row - 1];
    if (!line) continue;
    // A script row that no longer shows its agent's OID was moved: credited to nobody (the sync reports it).
    if (
      String(line[oidCol] ?? '')
        .trim()
        .toLowerCase() !== owner.toLowerCase()
    )
      continue;
    blockers.set(owner.toLowerCase(), { text: String(line[blockersCol] ?? ''), row });
  }
  return { url: () => report.url(), blockers, sheetId: map.sheetId };
}

interface AgentRow {
  oid: string;
  name: string;
  tlName: string;
  tlEmail: string;
  row: number;
}

/**
 * Reads, decides, queues on `mailer` and — once the mailer holds the alerts durably — remembers them.
 * Throws when a sheet cannot be read or the alerts cannot be committed to the outbox (then nothing is
 * remembered: the next run alerts them again, under the same keys).
 */
export function queueBlockerAlerts(ss: Spreadsheet, config: Config, mailer: Mailer): BlockerAlertResult {
  const result: BlockerAlertResult = { blockers: 0, payment: 0, login: 0, emails: 0, notes: [] };
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.agentName, TRACKER.oid]);
  const report = readReport(ss, config, result.notes);
  const agents = new Map<string, AgentRow>();
  const observed: AgentObservation[] = [];
  const issue = (i: number, header: TrackerHeader) =>
    tracker.has(header) && headerKey(tracker.text(i, header)) === OPEN;
  for (const i of tracker.rowIndexes()) {
    const oid = tracker.text(i, TRACKER.oid);
    if (!oid || agents.has(oid.toLowerCase()) || !rowInCohort(config, tracker, i)) continue;
    agents.set(oid.toLowerCase(), {
      oid,
      name: tracker.text(i, TRACKER.agentName),
      tlName: tracker.has(TRACKER.tlName) ? tracker.text(i, TRACKER.tlName) : '',
      tlEmail: tracker.has(TRACKER.tlEmail) ? tracker.text(i, TRACKER.tlEmail).toLowerCase() : '',
      row: tracker.sheetRow(i),
    });
    observed.push({
      oid: oid.toLowerCase(),
      blocker: report?.blockers.get(oid.toLowerCase())?.text ?? '',
      paymentOpen: issue(i, TRACKER.paymentIssue),
      loginOpen: issue(i, TRACKER.loginIssue),
    });
  }
  const key = stateKey(config);
  const stored = loadState(key);
  const diff = diffAlerts(stored.state, observed);
  if (diff.items.length > 0) {
    const tables = trackerTablesOf(ss);
    const trackerUrl = tables ? tables.url : ss.getUrl();
    const reportUrl = report ? report.url() : '';
    const gid = tables?.sheetId(tracker.name) ?? tracker.sheet.getSheetId();
    const lineOf = (item: NewItem): BlockerLine => {
      const agent = agents.get(item.oid);
      const reportRow = report?.blockers.get(item.oid)?.row;
      return {
        name: agent?.name ?? item.oid,
        oid: agent?.oid ?? item.oid,
        tlName: agent?.tlName ?? '',
        trackerLink: agent ? `${trackerUrl}#gid=${gid}&range=A${agent.row}` : '',
        reportLink: report && reportRow ? `${reportUrl}#gid=${report.sheetId}&range=A${reportRow}` : '',
        text: item.text,
      };
    };
    result.emails += queueTlEmails(mailer, config, diff.items, agents, lineOf, trackerUrl, reportUrl);
    result.emails += queuePaymentEmail(mailer, config, diff.items, agents, lineOf, trackerUrl);
    for (const item of diff.items) result[item.kind === 'blocker' ? 'blockers' : item.kind]++;
  }
  if (config.settings.dryRun || !diff.changed) return result;
  if (diff.items.length > 0) mailer.commit(); // durable first: a failure here throws, nothing remembered
  try {
    saveState(key, diff.next, stored.stale);
  } catch (error) {
    // The alerts are in the outbox: the next run finds the same items new, builds the same keys, and the
    // mailer sends nothing twice.
    result.notes.push(
      `what was alerted could not be remembered (${error instanceof Error ? error.message : String(error)}); the next run retries, nothing is sent twice`,
    );
  }
  return result;
}

const itemsKey = (items: readonly NewItem[]): string =>
  textHash(
    items
      .map((i) => i.id)
      .sort()
      .join(','),
  );

function queueTlEmails(
  mailer: Mailer,
  config: Config,
  items: readonly NewItem[],
  agents: ReadonlyMap<string, AgentRow>,
  lineOf: (item: NewItem) => BlockerLine,
  trackerUrl: string,
  reportUrl: string,
): number {
  const { settings } = config;
  const byTl = new Map<string, NewItem[]>();
  for (const item of items) {
    const tl = agents.get(item.oid)?.tlEmail ?? '';
    // Without a TL the licensing team hears of it; a payment issue already goes to them on its own.
    if (!tl && item.kind === 'payment') continue;
    byTl.set(tl, [...(byTl.get(tl) ?? []), item]);
  }
  let queued = 0;
  for (const [tlEmail, mine] of byTl) {
    const of = (kind: NewItem['kind']) => mine.filter((i) => i.kind === kind);
    const [blockers, payment, login] = [of('blocker'), of('payment'), of('login')];
    const tlName = tlEmail
      ? mine.map((i) => agents.get(i.oid)?.tlName ?? '').find(Boolean) || 'team lead'
      : 'licensing team';
    mailer.queue({
      kind: 'tl-blockers',
      to: tlEmail ? [tlEmail] : settings.licensingTeamEmails,
      ...composed('tl-blockers', {
        tlName,
        cohortName: settings.cohortName,
        reportUrl,
        trackerUrl,
        noTlEmail: !tlEmail,
        blockers: blockers.slice(0, MAX_LISTED).map(lineOf),
        payment: payment.slice(0, MAX_LISTED).map(lineOf),
        login: login.slice(0, MAX_LISTED).map(lineOf),
        counts: { blockers: blockers.length, payment: payment.length, login: login.length },
        resources: resourceSettingsOf(settings),
      }),
      urgent: payment.length > 0,
      dedupeKey: dedupeKey('tl-blockers', settings.day1 ?? '', tlEmail || 'no-tl', itemsKey(mine)),
      agents: [...new Set(mine.map((i) => agents.get(i.oid)?.name ?? i.oid))],
    });
    queued++;
  }
  return queued;
}

function queuePaymentEmail(
  mailer: Mailer,
  config: Config,
  items: readonly NewItem[],
  agents: ReadonlyMap<string, AgentRow>,
  lineOf: (item: NewItem) => BlockerLine,
  trackerUrl: string,
): number {
  const payment = items.filter((i) => i.kind === 'payment');
  if (payment.length === 0) return 0;
  const { settings } = config;
  mailer.queue({
    kind: 'payment-issues',
    to: settings.licensingTeamEmails,
    ...composed('payment-issues', {
      cohortName: settings.cohortName,
      trackerUrl,
      agents: payment.slice(0, MAX_LISTED).map(lineOf),
      total: payment.length,
      resources: resourceSettingsOf(settings),
    }),
    urgent: true,
    dedupeKey: dedupeKey('payment-issues', settings.day1 ?? '', itemsKey(payment)),
    agents: payment.map((i) => agents.get(i.oid)?.name ?? i.oid),
  });
  return 1;
}

export function describeBlockerAlerts(r: BlockerAlertResult): string {
  const parts = [
    r.blockers ? `${r.blockers} new blocker(s)` : '',
    r.payment ? `${r.payment} payment issue(s)` : '',
    r.login ? `${r.login} login issue(s)` : '',
  ].filter(Boolean);
  const alerted = parts.length ? `${parts.join(', ')} alerted to TLs (${r.emails} email(s))` : '';
  const notes = r.notes.length ? `blockers: ${r.notes.join('; ')}` : '';
  return [alerted, notes].filter(Boolean).join('; ');
}
