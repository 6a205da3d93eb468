/**
 * CAP documents: a copy of the team's Docs template (Settings "CAP Document Template ID"; the first run
 * creates a built-in default and records its ID, so the team can edit it), filled with the agent's facts
 * from the tracker, pace and logs, saved to the leadership folder, shared only with the TL, HR and the
 * ESP managers (never by link), and linked from the agent's Coaching Log entry.
 */
import { type CapValues, DEFAULT_CAP_TEMPLATE, placeholderEdits } from '../domain/capDocument';
import {
  CAP_LEVELS,
  COACHING_LOG_HEADERS,
  type CapLevel,
  NOTE_HEADERS,
  SHEET,
  TRACKER,
} from '../domain/contract';
import { formatMdy } from '../domain/timeZone';
import { windowEnd } from '../domain/workingClock';
import { finalCapDeadline } from '../domain/escalation';
import { CAP_POLICY } from './capCheck';
import { now } from './clock';
import { openDocument } from './open';
import { withRetry } from './retry';
import { type Config, requireClock, writeSetting } from './config';
import { syncProgress } from './progressSync';
import { shareAsEditors } from './sharing';
import { ContractError, SheetTable, type Spreadsheet } from './sheetTable';

export interface CapDocumentResult {
  id: string;
  url: string;
  name: string;
  level: CapLevel;
  sharedWith: string[];
}

const CONSEQUENCE: Record<CapLevel, string> = {
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

export function generateCapDocument(
  ss: Spreadsheet,
  config: Config,
  oid: string,
  requested?: CapLevel,
): CapDocumentResult {
  if (requested !== undefined && !(CAP_LEVELS as readonly string[]).includes(requested)) {
    throw new ContractError(
      `Unknown CAP level "${String(requested)}": use one of ${CAP_LEVELS.map((l) => `"${l}"`).join(', ')}.`,
    );
  }
  const clock = requireClock(config);
  const { settings } = config;
  const tracker = SheetTable.open(ss, SHEET.tracker, [
    TRACKER.oid,
    TRACKER.agentName,
    TRACKER.tlName,
    TRACKER.tlEmail,
  ]);
  const i = tracker
    .rowIndexes()
    .find((k) => tracker.text(k, TRACKER.oid).toLowerCase() === oid.trim().toLowerCase());
  if (i === undefined) throw new ContractError(`No agent with OID "${oid}" in the ESP Tracker.`);
  const current = tracker.has(TRACKER.capLevel) ? tracker.text(i, TRACKER.capLevel) : '';
  const level: CapLevel =
    requested ?? ((CAP_LEVELS as readonly string[]).includes(current) ? (current as CapLevel) : 'Final CAP');
  const pace = settings.progressReportId
    ? syncProgress(ss, config).rows.find((r) => r.oid.toLowerCase() === oid.trim().toLowerCase())
    : undefined;
  const end = windowEnd(clock, config.schedule);
  const at = now();
  const deadline = finalCapDeadline(clock, {
    complete: false,
    exemption: '',
    capLevel: level,
    windowEnd: end,
    extensionHours: settings.finalCapExtensionHours,
    now: at,
  });
  const when = (d: Date) => formatMdy(config.zone.ymd(d));
  const name = tracker.text(i, TRACKER.agentName);
  const values: CapValues = {
    Level: level,
    Date: when(at),
    'Agent Name': name,
    OID: tracker.text(i, TRACKER.oid),
    'TL Name': tracker.text(i, TRACKER.tlName),
    Cohort: settings.cohortName,
    'Day 1': settings.day1 ? formatMdy(settings.day1) : '',
    'Window End': when(end),
    'Items Missing': pace ? pace.missingItems.join(', ') || 'none' : 'unknown (no progress report)',
    'Hours Spent': pace ? `${pace.hoursSpent.toFixed(1)} working hours` : 'unknown',
    Attendance: tracker.has(TRACKER.attendance)
      ? tracker.text(i, TRACKER.attendance) || 'no attendance code recorded'
      : '',
    Notes:
      NOTE_HEADERS.filter((h) => tracker.has(h))
        .map((h) => tracker.text(i, h))
        .filter(Boolean)
        .join(' | ') || 'none',
    Policy: CAP_POLICY,
    'Expected Improvement': `Complete every remaining certification item (${pace?.missingItems.length ?? 'all'} left) and send the 13-checkmark proof.`,
    Deadline: `${when(deadline)} (${settings.finalCapExtensionHours} working hours after the window)`,
    Consequence: CONSEQUENCE[level],
    'Documented By': Session.getActiveUser().getEmail() || 'ESP Licensing Tracker',
  };
  const folder = settings.leadershipDriveFolderId
    ? withRetry(() => DriveApp.getFolderById(settings.leadershipDriveFolderId))
    : withRetry(() => DriveApp.getRootFolder());
  const docName = `${level} - ${name} (${values.OID}) - ${values.Date}`;
  const template = templateId(ss, config, folder);
  // Lookups are retried on transient errors; the copy is not (a retry after a copy that did happen
  // would leave a duplicate CAP document in the leadership folder).
  const copy = withRetry(() => DriveApp.getFileById(template)).makeCopy(docName, folder);
  const doc = openDocument(copy.getId());
  fillTemplate(doc.getBody(), values);
  doc.saveAndClose();
  const people = [tracker.text(i, TRACKER.tlEmail), ...settings.hrEmails, ...settings.espManagerEmails];
  const share = shareAsEditors(copy, people, ss.getId());
  linkInCoachingLog(ss, values, level, doc.getUrl(), at);
  return { id: doc.getId(), url: doc.getUrl(), name: docName, level, sharedWith: share.added };
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
function linkInCoachingLog(ss: Spreadsheet, values: CapValues, level: CapLevel, url: string, at: Date): void {
  const log = SheetTable.open(ss, SHEET.coachingLog, COACHING_LOG_HEADERS);
  const match = log
    .rowIndexes()
    .filter(
      (k) =>
        log.text(k, 'OID').toLowerCase() === values.OID.toLowerCase() &&
        log.text(k, 'Level') === level &&
        !log.text(k, 'Document Link'),
    )
    .pop();
  if (match !== undefined) log.set(match, 'Document Link', url);
  else {
    log.append({
      Date: at,
      'Agent Name': values['Agent Name'],
      OID: values.OID,
      'TL Name': values['TL Name'],
      Level: level,
      Policy: values.Policy,
      Details: `CAP document generated. Missing: ${values['Items Missing']}.`,
      'Documented By': values['Documented By'],
      'Document Link': url,
    });
  }
  log.flush();
}
