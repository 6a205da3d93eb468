/**
 * CAP documents: a copy of the team's Docs template (Settings "CAP Document Template ID"; the first run
 * creates a built-in default and records its ID, so the team can edit it), filled with the agent's facts
 * from the tracker, pace and logs, saved to the leadership folder, shared only with the TL, HR and the
 * ESP managers (never by link), and linked from the agent's Coaching Log entry.
 */
import {
  CAP_FIELDS,
  type CapValues,
  DEFAULT_CAP_TEMPLATE,
  placeholder,
  regexLiteral,
} from '../domain/capDocument';
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
    ? DriveApp.getFolderById(settings.leadershipDriveFolderId)
    : DriveApp.getRootFolder();
  const docName = `${level} - ${name} (${values.OID}) - ${values.Date}`;
  const copy = DriveApp.getFileById(templateId(ss, config, folder)).makeCopy(docName, folder);
  const doc = DocumentApp.openById(copy.getId());
  const body = doc.getBody();
  for (const field of CAP_FIELDS) body.replaceText(regexLiteral(placeholder(field)), values[field]);
  doc.saveAndClose();
  const people = [tracker.text(i, TRACKER.tlEmail), ...settings.hrEmails, ...settings.espManagerEmails];
  const share = shareAsEditors(copy, people);
  linkInCoachingLog(ss, values, level, doc.getUrl(), at);
  return { id: doc.getId(), url: doc.getUrl(), name: docName, level, sharedWith: share.added };
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
