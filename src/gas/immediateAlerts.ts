/**
 * Behaviour 9 — immediate alerts from TLs' tracker edits (installable `onTrackerEdit`, which may send
 * mail, unlike the simple onEdit). A Sales Inhibitor entered emails Ops management once; an agent whose
 * five ESP statuses are all Complete emails the PMs once ("ready for production"). Any edit of an agent's
 * row stamps `Last Updated`, which the nightly digest uses for "tracker rows not updated today".
 */
import { dedupeKey, type OutgoingMessage } from '../domain/alerts';
import { ESP_STATUS_HEADERS, SHEET, TRACKER } from '../domain/contract';
import { type AgentRef, readyForProductionEmail, salesInhibitorEmail } from '../domain/emails';
import type { Settings } from '../domain/settings';
import { now } from './clock';
import type { Config } from './config';
import { Mailer, type MailSummary } from './mailer';
import { SheetTable, type Spreadsheet } from './sheetTable';

export interface EditAlertResult {
  salesInhibitors: string[];
  readyForProduction: string[];
  stamped: number;
  mail: MailSummary | null;
}

const NO_INHIBITOR = new Set(['', 'none', 'n/a', 'no']);

/**
 * The PMs' "ready for production" message when all five ESP statuses are Complete, else null. Also used
 * by the nightly sweep: a status completed by a script write (sync) fires no edit trigger.
 */
export function readyForProduction(
  agent: AgentRef,
  statuses: Readonly<Record<string, string>>,
  settings: Pick<Settings, 'pmEmails' | 'day1'>,
): OutgoingMessage | null {
  const complete =
    ESP_STATUS_HEADERS.every((h) => h in statuses) &&
    ESP_STATUS_HEADERS.every((h) => statuses[h] === 'Complete');
  if (!complete) return null;
  return {
    kind: 'ready-for-production',
    to: settings.pmEmails,
    ...readyForProductionEmail({ agent, statuses }),
    urgent: true,
    dedupeKey: dedupeKey('ready-for-production', settings.day1 ?? '', agent.oid),
    agents: [agent.name],
  };
}

export function handleTrackerEdit(
  ss: Spreadsheet,
  config: Config,
  range: GoogleAppsScript.Spreadsheet.Range,
): EditAlertResult {
  const result: EditAlertResult = { salesInhibitors: [], readyForProduction: [], stamped: 0, mail: null };
  if (range.getSheet().getName() !== SHEET.tracker) return result;
  const first = Math.max(range.getRow(), 2) - 2;
  const last = range.getRow() + range.getNumRows() - 1 - 2;
  if (last < first) return result;
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.agentName, TRACKER.oid]);
  const lastUpdatedCol = tracker.has(TRACKER.lastUpdated) ? tracker.col(TRACKER.lastUpdated) + 1 : 0;
  const editedOnlyStamp =
    range.getNumColumns() === 1 && lastUpdatedCol > 0 && range.getColumn() === lastUpdatedCol;
  if (editedOnlyStamp) return result;
  const { settings } = config;
  const mailer = new Mailer(ss, settings);
  const at = now();
  let queued = 0;
  for (let i = first; i <= Math.min(last, tracker.rowCount - 1); i++) {
    const oid = tracker.text(i, TRACKER.oid);
    const name = tracker.text(i, TRACKER.agentName);
    if (!oid && !name) continue;
    if (tracker.has(TRACKER.lastUpdated)) {
      tracker.set(i, TRACKER.lastUpdated, at);
      result.stamped++;
    }
    const agent = { name, oid, tlName: tracker.has(TRACKER.tlName) ? tracker.text(i, TRACKER.tlName) : '' };
    const inhibitor = tracker.has(TRACKER.salesInhibitor) ? tracker.text(i, TRACKER.salesInhibitor) : '';
    if (!NO_INHIBITOR.has(inhibitor.toLowerCase())) {
      mailer.queue({
        kind: 'sales-inhibitor',
        to: settings.opsManagementEmails,
        ...salesInhibitorEmail({
          agent,
          inhibitor,
          note: tracker.has(TRACKER.coachingNote) ? tracker.text(i, TRACKER.coachingNote) : '',
        }),
        urgent: true,
        // Once per agent and inhibitor: a different inhibitor later is news again.
        dedupeKey: dedupeKey('sales-inhibitor', settings.day1 ?? '', oid, inhibitor),
        agents: [name],
      });
      result.salesInhibitors.push(name);
      queued++;
    }
    const statuses = Object.fromEntries(
      ESP_STATUS_HEADERS.filter((h) => tracker.has(h)).map((h) => [h, tracker.text(i, h)]),
    );
    const allComplete =
      Object.keys(statuses).length === ESP_STATUS_HEADERS.length &&
      Object.values(statuses).every((s) => s === 'Complete');
    if (allComplete) {
      mailer.queue({
        kind: 'ready-for-production',
        to: settings.pmEmails,
        ...readyForProductionEmail({ agent, statuses }),
        urgent: true,
        dedupeKey: dedupeKey('ready-for-production', settings.day1 ?? '', oid),
        agents: [name],
      });
      result.readyForProduction.push(name);
      queued++;
    }
  }
  tracker.flush();
  if (queued > 0) result.mail = mailer.flush();
  return result;
}
