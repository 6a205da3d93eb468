/**
 * `ESP Licensing › Check settings` (RULES R10): every check of `loadConfig` (Settings and Schedule,
 * cheap, run at the start of every run) plus the Drive checks, which open files and so cost calls: they
 * run here and when the progress report is created (`checkDriveSettings`), not on every trigger run.
 *
 * Drive checks:
 *  - Progress Report Template ID: a Google Sheet, not the tracker, with a `Progress` sheet and none of
 *    the tracker's own sheets (a copy of the tracker is not a template);
 *  - Progress Report ID: a Google Sheet, not the tracker, not the template, with a `Progress` sheet;
 *  - Leadership Drive Folder ID: a folder (not a file), that this account can open;
 *  - CAP Document Template ID: a Google Doc.
 */
import { COHORT_SETTING_KEYS, PROGRESS_SHEET, SHEET, TRACKER } from '../domain/contract';
import type { SettingIssue, Settings } from '../domain/settings';
import { loadCohorts, rosterCohortProblems } from './cohorts';
import { type Config, readConfig } from '../gas/config';
import { withRetry } from '../gas/retry';
import type { Spreadsheet } from '../gas/sheetTable';
import { openSpreadsheet } from '../gas/open';
import { loadRowMap } from '../gas/reportRowMap';

const GOOGLE_SHEETS = 'application/vnd.google-apps.spreadsheet';
const GOOGLE_DOCS = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';
const DRIVE_ID = /^[A-Za-z0-9_-]+$/;

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens a Drive item: the file, or why it cannot be opened. */
function openFile(id: string): { file: GoogleAppsScript.Drive.File } | { error: string } {
  try {
    return { file: withRetry(() => DriveApp.getFileById(id)) };
  } catch (error) {
    return { error: reason(error) };
  }
}

/** The names of a spreadsheet's sheets, or why it cannot be opened. */
function sheetNames(id: string): string[] | { error: string } {
  try {
    return openSpreadsheet(id)
      .getSheets()
      .map((s) => s.getName());
  } catch (error) {
    return { error: reason(error) };
  }
}

/**
 * Opens each Drive ID in Settings and checks it is the kind of item its key needs. Each problem names the
 * key and the value. Costs 2-3 Drive/Sheets calls per ID that is set.
 */
export function checkDriveSettings(ss: Spreadsheet, settings: Settings): SettingIssue[] {
  const issues: SettingIssue[] = [];
  const trackerId = ss.getId();
  const trackerSheets: string[] = Object.values(SHEET);
  const add = (key: string, value: string, why: string) =>
    issues.push({ key, value, message: `Settings "${key}": "${value}" ${why}` });
  // Form problems (not an ID, the tracker itself) are loadConfig's: only well-formed IDs are opened here.
  const usable = (id: string) => id !== '' && DRIVE_ID.test(id) && id !== trackerId;

  const spreadsheetCheck = (key: string, id: string, template: boolean) => {
    if (!usable(id)) return;
    const opened = openFile(id);
    if ('error' in opened) return add(key, id, `cannot be opened (${opened.error})`);
    const mime = opened.file.getMimeType();
    if (mime !== GOOGLE_SHEETS) {
      return add(key, id, `is ${mime === FOLDER ? 'a folder' : `a ${mime} file`}, not a Google Sheet`);
    }
    const names = sheetNames(id);
    if (!Array.isArray(names)) return add(key, id, `cannot be opened as a spreadsheet (${names.error})`);
    // A report whose Progress sheet an agent renamed is still found by the sheet ID recorded at creation.
    if (!names.includes(PROGRESS_SHEET) && (template || !loadRowMap(id))) {
      add(
        key,
        id,
        `("${opened.file.getName()}") has no "${PROGRESS_SHEET}" sheet (sheets: ${names.join(', ')})`,
      );
    }
    const copied = names.filter((n) => trackerSheets.includes(n));
    if (copied.length) {
      add(
        key,
        id,
        `("${opened.file.getName()}") has the tracker's own sheets (${copied.join(', ')}): it looks like a copy of the tracker, not ${template ? 'the progress report template' : 'a progress report'}`,
      );
    }
  };
  spreadsheetCheck('Progress Report Template ID', settings.progressReportTemplateId, true);
  spreadsheetCheck(COHORT_SETTING_KEYS.progressReportId, settings.progressReportId, false);

  const folderId = settings.leadershipDriveFolderId;
  if (usable(folderId)) {
    try {
      withRetry(() => DriveApp.getFolderById(folderId));
    } catch (error) {
      const asFile = openFile(folderId);
      add(
        'Leadership Drive Folder ID',
        folderId,
        'file' in asFile
          ? `is a file ("${asFile.file.getName()}"), not a folder`
          : `cannot be opened as a folder (${reason(error)})`,
      );
    }
  }

  const docId = settings.capDocumentTemplateId;
  if (usable(docId)) {
    const opened = openFile(docId);
    if ('error' in opened) add('CAP Document Template ID', docId, `cannot be opened (${opened.error})`);
    else if (opened.file.getMimeType() !== GOOGLE_DOCS) {
      add('CAP Document Template ID', docId, `("${opened.file.getName()}") is not a Google Doc`);
    }
  }
  return issues;
}

/** Keys a cohort needs before it can run, that are still blank (a note, not a problem). */
const NEEDED: readonly [keyof Settings, string][] = [
  ['cohortName', COHORT_SETTING_KEYS.cohort],
  ['day1', COHORT_SETTING_KEYS.day1Date],
  ['g2tLink', COHORT_SETTING_KEYS.g2tLink],
  ['licensingTeamEmails', 'Licensing Team Email'],
  ['espManagerEmails', 'ESP Manager Emails'],
  ['pmEmails', 'PM Emails'],
  ['opsManagementEmails', 'Ops Management Emails'],
  ['hrEmails', 'HR Emails'],
  ['certCoordinatorEmails', 'Cert Coordinator Email'],
  ['leadershipDriveFolderId', 'Leadership Drive Folder ID'],
  ['completionFormUrl', 'Completion Form URL'],
];

export interface SettingsCheck {
  config: Config;
  issues: SettingIssue[];
  /** Keys still blank that a running cohort needs. */
  blank: string[];
  /**
   * `Cohorts` sheet problems (by row, header and value) and tracker rows whose class cannot be told (a
   * blank `Cohort` with two open classes, a name not in `Cohorts`), by row, header and value.
   */
  cohortProblems: string[];
}

/** Class problems listed in the dialog; the rest are counted. */
const MAX_COHORT_LINES = 30;

function cohortProblemsOf(ss: Spreadsheet, config: Config): string[] {
  try {
    const state = loadCohorts(ss, config);
    return state ? [...state.problems, ...rosterCohortProblems(ss, state)] : [];
  } catch (error) {
    return [reason(error)];
  }
}

/** Every check, Drive included. Sends nothing: the menu shows the result. */
export function checkSettings(ss: Spreadsheet): SettingsCheck {
  const config = readConfig(ss);
  const issues = [...config.issues, ...checkDriveSettings(ss, config.settings)];
  const blank = NEEDED.filter(([field]) => {
    const v = config.settings[field];
    return v === null || v === '' || (Array.isArray(v) && v.length === 0);
  }).map(([, key]) => key);
  return { config, issues, blank, cohortProblems: cohortProblemsOf(ss, config) };
}

/** The Check settings dialog text. */
export function describeSettingsCheck(check: SettingsCheck): string {
  const { issues, blank, config } = check;
  const lines: string[] = [];
  if (issues.length === 0) lines.push('Settings and Schedule: every value is usable.');
  else {
    lines.push(`${issues.length} problem${issues.length === 1 ? '' : 's'} to fix:`);
    for (const i of issues) lines.push(`• ${i.message}`);
  }
  const classes = check.cohortProblems ?? [];
  if (classes.length) {
    lines.push(
      '',
      `${classes.length} class problem${classes.length === 1 ? '' : 's'} ("${SHEET.cohorts}" and the tracker's "${TRACKER.cohort}" column):`,
    );
    for (const p of classes.slice(0, MAX_COHORT_LINES)) lines.push(`• ${p}`);
    if (classes.length > MAX_COHORT_LINES) lines.push(`… and ${classes.length - MAX_COHORT_LINES} more`);
  }
  if (blank.length) lines.push('', `Not filled in yet: ${blank.join(', ')}.`);
  lines.push(
    '',
    `Checked: ${config.schedule.length} Schedule item(s); time zone ${config.timeZoneProblem ? 'UNUSABLE' : config.zone.id}; ` +
      `Dry Run ${config.settings.dryRun ? 'on (emails are previewed, not sent)' : 'off (emails are sent)'}.`,
  );
  return lines.join('\n');
}
