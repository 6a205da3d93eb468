/**
 * Behaviour 6 — Progress sync and pace. Reads the progress report (Progress and Tick Log: one read each)
 * and the tracker (one read), computes each agent's pace with the working-day clock, updates the tracker's
 * `AHIP/Aetna Status` (one write) and rewrites the tracker's `Pace` sheet (one write) for TLs to see.
 * Sheets calls do not depend on the number of agents.
 */
import { SHEET, TRACKER } from '../domain/contract';
import { assessPace, type PaceReport, type TickEvent, type Verdict } from '../domain/pace';
import { LAST_SELF_REPORT, TICK_LOG_HEADERS, TICK_LOG_SHEET } from '../domain/progressReport';
import { formatMdy } from '../domain/timeZone';
import { isDate, neutraliseFormula } from '../domain/values';
import { now } from './clock';
import { type Config, requireClock } from './config';
import { ContractError, headerKey, SheetTable, type Spreadsheet } from './sheetTable';

export const PACE_SHEET = 'Pace';
export const PACE_HEADERS = [
  'Agent Name',
  'OID',
  'TL Name',
  'Items Done',
  'Overdue',
  'Due Today',
  'Hours Spent',
  'Pace Warnings',
  'Hours per Item (spent / limit)',
  'Projected Finish',
  'Verdict',
  'Last Self-Report',
] as const;

export interface PaceRow {
  oid: string;
  name: string;
  tlName: string;
  tlEmail: string;
  /** Data index in the tracker table (row = index + 2). */
  trackerIndex: number;
  inReport: boolean;
  doneCount: number;
  itemCount: number;
  missingItems: string[];
  overdue: string[];
  dueToday: string[];
  paceWarnings: string[];
  /** Working hours each item took (null while not done) against its pace limit (null = none). */
  hoursByItem: { item: string; spentHours: number | null; limitHours: number | null }[];
  hoursSpent: number;
  projectedFinish: Date;
  verdict: Verdict;
  lastSelfReport: Date | null;
  pace: PaceReport;
}

export interface VerdictCounts {
  agents: number;
  complete: number;
  onTrack: number;
  atRisk: number;
  behind: number;
}

/** How many agents have each verdict (digests, the licensing summary and the dashboard share this). */
export function verdictCounts(rows: readonly Pick<PaceRow, 'verdict'>[]): VerdictCounts {
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  return {
    agents: rows.length,
    complete: count('complete'),
    onTrack: count('on-track'),
    atRisk: count('at-risk'),
    behind: count('behind'),
  };
}

export interface SyncResult {
  rows: PaceRow[];
  reportId: string;
  statusUpdates: number;
}

function readTicks(report: Spreadsheet): Map<string, TickEvent[]> {
  const byOid = new Map<string, TickEvent[]>();
  const sheet = report.getSheetByName(TICK_LOG_SHEET);
  if (!sheet) return byOid;
  const log = SheetTable.read(sheet, TICK_LOG_HEADERS);
  for (const i of log.rowIndexes()) {
    const at = log.value(i, 'At');
    if (!isDate(at)) continue;
    const oid = log.text(i, 'OID').toLowerCase();
    const list = byOid.get(oid) ?? [];
    list.push({ item: log.text(i, 'Item'), checked: log.value(i, 'Checked') === true, at });
    byOid.set(oid, list);
  }
  return byOid;
}

/**
 * The Progress sheet is what the agent sees, so its boxes decide what is done; the log only says when.
 * A box whose state the log does not end in (ticked before the trigger existed, or an edit whose trigger
 * failed) gets a synthetic event: a tick at the row's Last Self-Report stamp when that is not older than
 * the log's last word on the item (else now), an untick now.
 */
function reconcile(
  log: TickEvent[],
  items: readonly string[],
  checked: (item: string) => boolean,
  lastSelf: unknown,
  at: Date,
): void {
  for (const item of items) {
    const events = log.filter((t) => headerKey(t.item) === headerKey(item));
    const last = events.reduce<TickEvent | null>((a, b) => (!a || b.at >= a.at ? b : a), null);
    const isChecked = checked(item);
    if (isChecked === (last?.checked ?? false)) continue;
    const stamp = isDate(lastSelf) && (!last || lastSelf >= last.at) ? lastSelf : at;
    log.push({ item, checked: isChecked, at: isChecked ? stamp : at });
  }
}

export function syncProgress(ss: Spreadsheet, config: Config): SyncResult {
  const clock = requireClock(config);
  const reportId = config.settings.progressReportId;
  if (!reportId)
    throw new ContractError('Settings "Progress Report ID" is blank: run Create progress report first.');
  const report = SpreadsheetApp.openById(reportId);
  const progress = SheetTable.open(report, 'Progress', ['OID', LAST_SELF_REPORT]);
  const ticks = readTicks(report);
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.agentName, TRACKER.oid, TRACKER.tlName]);
  const at = now();
  const items = config.schedule.map((s) => s.item);
  const reportRows = new Map<string, number>();
  for (const i of progress.rowIndexes()) reportRows.set(progress.text(i, 'OID').toLowerCase(), i);

  const rows: PaceRow[] = [];
  let statusUpdates = 0;
  for (const i of tracker.rowIndexes()) {
    const oid = tracker.text(i, TRACKER.oid);
    if (!oid) continue;
    const r = reportRows.get(oid.toLowerCase());
    const lastSelf = r === undefined ? null : progress.value(r, LAST_SELF_REPORT);
    const log = [...(ticks.get(oid.toLowerCase()) ?? [])];
    if (r !== undefined)
      reconcile(
        log,
        items.filter((item) => progress.has(item)),
        (item) => progress.value(r, item) === true,
        lastSelf,
        at,
      );
    const pace = assessPace(config.schedule, clock, log, at);
    const missing = pace.items.filter((p) => !p.done).map((p) => p.item);
    rows.push({
      oid,
      name: tracker.text(i, TRACKER.agentName),
      tlName: tracker.text(i, TRACKER.tlName),
      tlEmail: tracker.has(TRACKER.tlEmail) ? tracker.text(i, TRACKER.tlEmail).toLowerCase() : '',
      trackerIndex: i,
      inReport: r !== undefined,
      doneCount: pace.doneCount,
      itemCount: items.length,
      missingItems: missing,
      overdue: pace.overdue,
      dueToday: pace.dueToday,
      paceWarnings: pace.paceWarnings.map(
        (w) => `${w.item}: ${w.spentHours.toFixed(1)} h (limit ${w.limitHours} h)`,
      ),
      hoursByItem: pace.items.map((p) => ({
        item: p.item,
        spentHours: p.spentMinutes === null ? null : p.spentMinutes / 60,
        limitHours: p.paceLimitHours,
      })),
      hoursSpent: pace.hoursSpent,
      projectedFinish: pace.projectedFinish,
      verdict: pace.verdict,
      lastSelfReport: isDate(lastSelf) ? lastSelf : null,
      pace,
    });
    // The TL's "Blocked" is a judgement the ticks cannot overrule; otherwise the ticks decide.
    if (tracker.has(TRACKER.ahipAetnaStatus) && tracker.text(i, TRACKER.ahipAetnaStatus) !== 'Blocked') {
      const status =
        pace.verdict === 'complete' ? 'Complete' : pace.doneCount > 0 ? 'In Progress' : 'Not Started';
      if (tracker.text(i, TRACKER.ahipAetnaStatus) !== status) {
        tracker.set(i, TRACKER.ahipAetnaStatus, status);
        statusUpdates++;
      }
    }
  }
  tracker.flush();
  writePaceSheet(ss, rows, config);
  return { rows, reportId, statusUpdates };
}

/** `Module 1 Reviewed 2.8/3 h; Quiz 1 Screenshots 0.4 h` — done items only, limits where set. */
function hoursText(hours: PaceRow['hoursByItem']): string {
  return hours
    .filter((h) => h.spentHours !== null)
    .map(
      (h) =>
        `${h.item} ${(h.spentHours ?? 0).toFixed(1)}${h.limitHours === null ? '' : `/${h.limitHours}`} h`,
    )
    .join('; ');
}

/**
 * The tracker's `Pace` sheet (created on first sync, script-owned, rewritten whole each sync in one
 * write): one row per agent with items done, overdue and due today, hours spent and per item against
 * the pace limits, warnings, projected finish, verdict and the last self-report, for TLs to sort and
 * filter. Anything typed into it is replaced at the next sync.
 */
function writePaceSheet(ss: Spreadsheet, rows: PaceRow[], config: Config): void {
  let sheet = ss.getSheetByName(PACE_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(PACE_SHEET);
    sheet.setFrozenRows(1);
  }
  const fmt = (d: Date) => {
    const t = config.zone.toLocal(d);
    return `${formatMdy(config.zone.ymd(d))} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  };
  const values = [
    [...PACE_HEADERS],
    ...rows.map((r) => [
      r.name,
      r.oid,
      r.tlName,
      `${r.doneCount}/${r.itemCount}`,
      r.overdue.join(', '),
      r.dueToday.join(', '),
      Math.round(r.hoursSpent * 10) / 10,
      r.paceWarnings.join('; '),
      hoursText(r.hoursByItem),
      r.verdict === 'complete' ? 'done' : fmt(r.projectedFinish),
      r.verdict,
      r.lastSelfReport ? fmt(r.lastSelfReport) : 'never',
    ]),
  ];
  const last = sheet.getLastRow();
  if (last > values.length)
    sheet.getRange(values.length + 1, 1, last - values.length, PACE_HEADERS.length).clearContent();
  const overflow = values.length - sheet.getMaxRows();
  if (overflow > 0) sheet.insertRowsAfter(sheet.getMaxRows(), overflow);
  // Names are user text: neutralise anything that would read as a formula.
  sheet
    .getRange(1, 1, values.length, PACE_HEADERS.length)
    .setValues(values.map((r) => r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))));
}
