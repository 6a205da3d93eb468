/**
 * CAP documents: a copy of the team's Docs template (Settings "CAP Document Template ID"; the first run
 * creates a built-in default and records its ID, so the team can edit it), filled with the agent's facts
 * from the tracker, pace and logs, saved to the leadership folder, shared only with the TL, HR and the
 * ESP managers (never by link), and linked from the agent's Coaching Log entry.
 */
import {
  CAP_DOCUMENT_LEVELS,
  type CapDocumentLevel,
  type CapValues,
  DEFAULT_CAP_TEMPLATE,
  documentLevelFor,
  placeholderEdits,
} from '../domain/capDocument';
import { documenter } from '../gas/user';
import { otPlanLines } from '../domain/capEmails';
import {
  COACHING_LOG_HEADERS,
  type CapLevel,
  NOTE_HEADERS,
  TRACKER,
  capLevelOf,
  WORKBOOK,
  type TrackerHeader,
  type CoachingLogHeader,
} from '../domain/contract';
import { formatMdy } from '../domain/timeZone';
import { CAP_POLICY, LOG, readCapHistory } from './capCheck';
import { deadlineText, finalCapTerms, issueFinalCap } from './capDocumentFacts';
import { now } from '../gas/clock';
import { openDocument } from '../gas/open';
import { withRetry } from '../gas/retry';
import { type Config, requireClock, writeSetting } from '../gas/config';
import { syncProgress } from './progressSync';
import { shareAsEditors } from '../gas/sharing';
import { ContractError, SheetTable, type Spreadsheet } from '../gas/sheetTable';
import { capRank } from '../domain/escalation';

export interface CapDocumentResult {
  id: string;
  url: string;
  name: string;
  /** The kind of document (a level of the CAP ladder, RULES R12). */
  level: CapDocumentLevel;
  /** The agent's `CAP Level` afterwards (a Final CAP document issues the Final CAP). */
  capLevel: CapLevel | '';
  sharedWith: string[];
}

const CONSEQUENCE: Record<CapDocumentLevel, string> = {
  'Verbal Coaching': 'Further missed expectations will lead to a written CAP.',
  'Written CAP': 'Further missed expectations will lead to a Final CAP.',
  'Final CAP': 'Failure to complete within the deadline may result in termination of employment.',
  Termination: 'Employment is under review for termination.',
};

function templateId(ss: Spreadsheet, config: Config, folder: GoogleAppsScript.Drive.Folder): string {
  if (config.settings.capDocumentTemplateId) return config.settings.capDocumentTemplateId;
  const doc = DocumentApp.create('ESP CAP Document Template');
  const body = doc.getBody();
  DEFAULT_CAP_TEMPLATE.forEach((line, k) => {
    const paragraph = body.appendParagraph(line);
    if (k === 0) paragraph.setHeading(DocumentApp.ParagraphHeading.TITLE);
    else if (line.endsWith(':')) paragraph.setHeading(DocumentApp.ParagraphHeading.HEADING2);
  });
  doc.saveAndClose();
  DriveApp.getFileById(doc.getId()).moveTo(folder);
  writeSetting(ss, 'CAP Document Template ID', doc.getId());
  return doc.getId();
}

/** Opens the tracker and finds the agent's row by OID; a clear error names the OID otherwise. */
function agentRow(ss: Spreadsheet, oid: string): { tracker: SheetTable<TrackerHeader>; i: number } {
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [
    TRACKER.oid,
    TRACKER.agentName,
    TRACKER.tlName,
    TRACKER.tlEmail,
    TRACKER.capLevel,
  ]);
  const i = tracker
    .rowIndexes()
    .find((k) => tracker.text(k, TRACKER.oid).toLowerCase() === oid.trim().toLowerCase());
  if (i === undefined) throw new ContractError(`No agent with OID "${oid}" in the ESP Tracker.`);
  return { tracker, i };
}

export function generateCapDocument(
  ss: Spreadsheet,
  config: Config,
  oid: string,
  requested?: CapDocumentLevel,
  /** The policy and expected improvement of a CAP that is not about the window (RULES R20, R21). */
  about: { policy?: string; expectedImprovement?: string } = {},
): CapDocumentResult {
  if (requested !== undefined && !(CAP_DOCUMENT_LEVELS as readonly string[]).includes(requested)) {
    throw new ContractError(
      `Unknown CAP level "${String(requested)}": use one of ${CAP_DOCUMENT_LEVELS.map((l) => `"${l}"`).join(', ')}.`,
    );
  }
  const clock = requireClock(config);
  const { settings, zone } = config;
  const { tracker, i } = agentRow(ss, oid);
  const current = capLevelOf(tracker.text(i, TRACKER.capLevel));
  const level: CapDocumentLevel = requested ?? documentLevelFor(current);
  const pace = settings.progressReportId
    ? syncProgress(ss, config).rows.find((r) => r.oid.toLowerCase() === oid.trim().toLowerCase())
    : undefined;
  const at = now();
  const log = SheetTable.of(ss, WORKBOOK.coachingLog, COACHING_LOG_HEADERS);
  // The same deadline and OT sessions as the Final CAP alert (RULES R12).
  const terms = finalCapTerms(clock, config, readCapHistory(log), oid, at);
  const when = (d: Date) => formatMdy(zone.ymd(d));
  const name = tracker.text(i, TRACKER.agentName);
  const finalCap = level === 'Final CAP';
  const values: CapValues = {
    [LOG.level]: level,
    [LOG.date]: when(at),
    [TRACKER.agentName]: name,
    [TRACKER.oid]: tracker.text(i, TRACKER.oid),
    [TRACKER.tlName]: tracker.text(i, TRACKER.tlName),
    [TRACKER.cohort]: settings.cohortName,
    'Day 1': settings.day1 ? formatMdy(settings.day1) : '',
    'Window End': when(terms.windowEnd),
    'Items Missing': pace ? pace.missingItems.join(', ') || 'none' : 'unknown (no progress report)',
    'Hours Spent': pace ? `${pace.hoursSpent.toFixed(1)} working hours` : 'unknown',
    [TRACKER.attendance]: tracker.has(TRACKER.attendance)
      ? tracker.text(i, TRACKER.attendance) || 'no attendance code recorded'
      : '',
    Notes:
      NOTE_HEADERS.filter((h) => tracker.has(h))
        .map((h) => tracker.text(i, h))
        .filter(Boolean)
        .join(' | ') || 'none',
    [LOG.policy]: about.policy ?? CAP_POLICY,
    'Expected Improvement':
      about.expectedImprovement ??
      `Complete every remaining certification item (${pace?.missingItems.length ?? 'all'} left) and send the 13-checkmark proof.`,
    Deadline: deadlineText(config, terms),
    'OT Sessions': finalCap ? otPlanLines(zone, terms.ot, terms.deadline).join(' ') : 'not applicable',
    Consequence: CONSEQUENCE[level],
    [LOG.documentedBy]: documenter(),
  };
  const folder = settings.leadershipDriveFolderId
    ? withRetry(() => DriveApp.getFolderById(settings.leadershipDriveFolderId))
    : withRetry(() => DriveApp.getRootFolder());
  const docName = `${level} - ${name} (${values[TRACKER.oid]}) - ${values[LOG.date]}`;
  const template = templateId(ss, config, folder);
  // Lookups are retried on transient errors; the copy is not (a retry after a copy that did happen
  // would leave a duplicate CAP document in the leadership folder).
  const copy = withRetry(() => DriveApp.getFileById(template)).makeCopy(docName, folder);
  const doc = openDocument(copy.getId());
  fillTemplate(doc.getBody(), values);
  doc.saveAndClose();
  const people = [tracker.text(i, TRACKER.tlEmail), ...settings.hrEmails, ...settings.espManagerEmails];
  const share = shareAsEditors(copy, people, ss.getId());
  let capLevel: CapLevel | '' = current;
  if (finalCap && capRank(current) <= capRank('Final CAP issued')) {
    // The Final CAP document is the Final CAP being documented: it is now issued.
    capLevel = issueFinalCap(
      tracker,
      log,
      i,
      at,
      values[LOG.documentedBy],
      `Final CAP issued: CAP document generated. Deadline ${values.Deadline}. Missing: ${values['Items Missing']}.`,
      doc.getUrl(),
    ).level;
  } else {
    const logLevel: CapLevel = level === 'Final CAP' ? 'Final CAP issued' : level;
    linkInCoachingLog(log, values, logLevel, doc.getUrl(), at);
  }
  return { id: doc.getId(), url: doc.getUrl(), name: docName, level, capLevel, sharedWith: share.added };
}

/**
 * `Confirm Final CAP issued…`: the TL documented the Final CAP with HR outside the tracker (no CAP
 * document generated here). Moves `CAP Level` to `Final CAP issued` and records the step.
 */
export function confirmFinalCapIssued(ss: Spreadsheet, config: Config, oid: string): string {
  const clock = requireClock(config);
  const { tracker, i } = agentRow(ss, oid);
  const log = SheetTable.of(ss, WORKBOOK.coachingLog, COACHING_LOG_HEADERS);
  const at = now();
  const terms = finalCapTerms(clock, config, readCapHistory(log), oid, at);
  const name = `${tracker.text(i, TRACKER.agentName)} (${tracker.text(i, TRACKER.oid)})`;
  if (capLevelOf(tracker.text(i, TRACKER.capLevel)) === 'Final CAP issued')
    return `${name}: the Final CAP was already recorded as issued. Nothing changed.`;
  const outcome = issueFinalCap(
    tracker,
    log,
    i,
    at,
    documenter(),
    `Final CAP issued: confirmed by the TL (documented outside the tracker). Deadline ${deadlineText(config, terms)}.`,
  );
  return `${name}: CAP Level "${outcome.previous || 'blank'}" → "${outcome.level}"; recorded in the Coaching Log. Deadline ${deadlineText(config, terms)}.`;
}

/**
 * Fills every `{{Field}}` of the copied template in ONE pass over the template's own text: each
 * paragraph (table cells included) is read once, its placeholders located, and each replaced in place
 * (deleteText + insertText, from the last to the first, so formatting around them stays). Values are
 * inserted as literal text and never scanned again: an agent named "{{Deadline}}" keeps that name, and
 * `$`, `\` or regex characters in a value come out as typed (Body.replaceText would read its pattern
 * as a regex and the replacement's `$`/`\` specially).
 */
function fillTemplate(body: GoogleAppsScript.Document.Body, values: CapValues): void {
  for (const paragraph of body.getParagraphs()) {
    const text = paragraph.getText();
    if (!text.includes('{{')) continue;
    const edits = placeholderEdits(text, values);
    if (!edits.length) continue;
    const editable = paragraph.editAsText();
    for (const edit of edits.reverse()) {
      editable.deleteText(edit.start, edit.end - 1);
      if (edit.value) editable.insertText(edit.start, edit.value);
    }
  }
}

/** Fills the link on the agent's latest entry of that level without one, or adds an entry. */
function linkInCoachingLog(
  log: SheetTable<CoachingLogHeader>,
  values: CapValues,
  level: CapLevel,
  url: string,
  at: Date,
): void {
  const match = log
    .rowIndexes()
    .filter(
      (k) =>
        log.text(k, LOG.oid).toLowerCase() === values[TRACKER.oid].toLowerCase() &&
        capLevelOf(log.text(k, LOG.level)) === level &&
        !log.text(k, LOG.documentLink),
    )
    .pop();
  if (match !== undefined) log.set(match, LOG.documentLink, url);
  else {
    log.append({
      [LOG.date]: at,
      [LOG.agentName]: values[TRACKER.agentName],
      [LOG.oid]: values[TRACKER.oid],
      [LOG.tlName]: values[TRACKER.tlName],
      [LOG.level]: level,
      [LOG.policy]: values[LOG.policy],
      [LOG.details]: `CAP document generated. Missing: ${values['Items Missing']}.`,
      [LOG.documentedBy]: values[LOG.documentedBy],
      [LOG.documentLink]: url,
    });
  }
  log.flush();
}
