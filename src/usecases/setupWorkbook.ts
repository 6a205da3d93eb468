/**
 * RULES R2 — Set up workbook. Creates what is missing and nothing else: sheets, headers (appended
 * after the last used column, so user columns keep their place and data), default Settings and
 * Schedule rows, dropdowns, checkboxes, red/amber/green colouring, frozen header rows. Running it
 * again adds nothing. Returns one line per thing it added, for the TL.
 */
import {
  WORKBOOK,
  COHORT_SETTING_KEYS,
  COHORTS,
  COHORTS_HEADERS,
  DASHBOARD_TITLE,
  EXAM_ATTEMPTS_SHEET,
  SETTINGS_HEADERS,
  SHEET,
  TRACKER,
} from '../domain/contract';

import { DEFAULT_SCHEDULE, scheduleToRows } from '../domain/schedule';
import { SETTING_DEFINITIONS } from '../domain/settings';
import { COLOR, COLOR_RULES, COLUMN_RULES, type ColorRule, type ColumnRule } from '../domain/workbookPlan';
import { isBlank, keepAsText, PLAIN_TEXT_FORMAT, toText } from '../domain/values';
import { syncAttendanceRoster } from './attendanceRoster';
import { headerKey, SheetTable, type Sheet, type Spreadsheet } from '../gas/sheetTable';
import { SHEET_SPECS, type SheetSpec } from '../gas/sheetSpecs';

const SETTINGS = WORKBOOK.settings.headers;

/** `Cohorts` (one row per class), created before Schedule and Settings. */
const COHORTS_SPEC: SheetSpec = {
  name: SHEET.cohorts,
  headers: COHORTS_HEADERS,
  frozenColumns: 1,
  tabColor: '#674ea7',
};

/** `AHIP Exam Attempts` (RULES R20): created by set-up and by the first attempt recorded. */
const EXAM_ATTEMPTS_SPEC: SheetSpec = {
  name: EXAM_ATTEMPTS_SHEET.name,
  headers: EXAM_ATTEMPTS_SHEET.columns,
  frozenColumns: 0,
  tabColor: '#e69138',
};
/** Typed scores stay as typed ("88%" would otherwise become the number 0.88): RULES R20. */
const EXAM_TEXT_COLUMNS: readonly string[] = [EXAM_ATTEMPTS_SHEET.headers.score];

function workbookSpecs(): SheetSpec[] {
  const specs = [...SHEET_SPECS];
  if (!specs.some((s) => s.name === EXAM_ATTEMPTS_SPEC.name)) specs.push(EXAM_ATTEMPTS_SPEC);
  if (specs.some((s) => s.name === SHEET.cohorts)) return specs;
  const at = specs.findIndex((s) => s.name === SHEET.schedule);
  specs.splice(at < 0 ? specs.length : at, 0, COHORTS_SPEC);
  return specs;
}

/**
 * The exam ledger with its headers, plain-text Score column, Result dropdown and colours, as set-up makes
 * it (for the first attempt recorded before anyone re-ran set-up). Returns what it added.
 */
export function ensureExamAttemptsSheet(ss: Spreadsheet): string[] {
  const added: string[] = [];
  const { sheet, headers } = ensureSheet(ss, EXAM_ATTEMPTS_SPEC, added);
  finishExamSheet(sheet, headers, added);
  return added;
}

function finishExamSheet(sheet: Sheet, headers: HeaderIndex, added: string[]): void {
  ensurePlainTextColumns(sheet, headers, EXAM_TEXT_COLUMNS, added);
  ensureSheetRules(EXAM_ATTEMPTS_SPEC.name, sheet, headers, added);
}

/** The dropdowns and colour rules the workbook plan gives one sheet (each added once, named in `added`). */
function ensureSheetRules(name: string, sheet: Sheet, headers: HeaderIndex, added: string[]): void {
  ensureColumnRules(
    sheet,
    headers,
    COLUMN_RULES.filter((r) => r.sheet === name),
    added,
  );
  ensureColorRules(
    sheet,
    headers,
    COLOR_RULES.filter((r) => r.sheet === name),
    added,
  );
}

export function setupWorkbook(ss: Spreadsheet): string[] {
  const added: string[] = [];
  const sheets = new Map<string, { sheet: Sheet; headers: HeaderIndex }>();
  for (const spec of workbookSpecs()) sheets.set(spec.name, ensureSheet(ss, spec, added));
  ensureSettingsRows(sheets.get(SHEET.settings)!.sheet, added);
  migrateSingleCohort(
    sheets.get(SHEET.settings)!.sheet,
    sheets.get(SHEET.cohorts)!.sheet,
    sheets.get(SHEET.tracker)!.sheet,
    added,
  );
  ensureScheduleRows(sheets.get(SHEET.schedule)!.sheet, added);
  ensureDashboardTitle(sheets.get(SHEET.dashboard)!.sheet, added);
  for (const [name, { sheet, headers }] of sheets) ensureSheetRules(name, sheet, headers, added);
  const tracker = sheets.get(SHEET.tracker);
  if (tracker) ensurePlainTextColumns(tracker.sheet, tracker.headers, TEXT_COLUMNS, added);
  const exams = sheets.get(EXAM_ATTEMPTS_SPEC.name);
  if (exams) ensurePlainTextColumns(exams.sheet, exams.headers, EXAM_TEXT_COLUMNS, added);
  const newAgents = syncAttendanceRoster(ss);
  if (newAgents > 0) added.push(`Attendance: added ${newAgents} agent row(s) from the ESP Tracker.`);
  return added;
}

/** Header text → 1-based column, for the rules below (read from row 1 only, not the data). */
type HeaderIndex = Map<string, number>;

function ensureSheet(
  ss: Spreadsheet,
  spec: SheetSpec,
  added: string[],
): { sheet: Sheet; headers: HeaderIndex } {
  let sheet = ss.getSheetByName(spec.name);
  if (!sheet) {
    sheet = ss.insertSheet(spec.name);
    sheet.setTabColor(spec.tabColor);
    added.push(`Created sheet "${spec.name}".`);
  }
  if (spec.headers.length === 0) return { sheet, headers: new Map() };
  const lastCol = sheet.getLastColumn();
  const row1 = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0] : [];
  const present = new Set(row1.map(headerKey));
  const missing = spec.headers.filter((h) => !present.has(headerKey(h)));
  const start = lastCol + 1;
  if (missing.length > 0) {
    // After the last used column: a user's unlabelled column keeps its data and its place.
    if (start + missing.length - 1 > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), start + missing.length - 1 - sheet.getMaxColumns());
    }
    sheet.getRange(1, start, 1, missing.length).setValues([missing.map(keepAsText)]);
    added.push(
      `"${spec.name}": added header${missing.length > 1 ? 's' : ''} ${missing.map((h) => `"${h}"`).join(', ')}.`,
    );
  }
  const width = Math.max(lastCol + missing.length, 1);
  if (missing.length > 0 || sheet.getFrozenRows() < 1) {
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(COLOR.header);
  }
  if (sheet.getFrozenRows() < 1) {
    sheet.setFrozenRows(1);
    added.push(`"${spec.name}": froze the header row.`);
  }
  if (spec.frozenColumns > 0 && sheet.getFrozenColumns() < spec.frozenColumns) {
    sheet.setFrozenColumns(spec.frozenColumns);
  }
  const headers: HeaderIndex = new Map();
  [...row1, ...new Array<unknown>(start - 1 - row1.length).fill(''), ...missing].forEach((h, i) => {
    const key = headerKey(h);
    if (key && !headers.has(key)) headers.set(key, i + 1);
  });
  return { sheet, headers };
}

/** Adds every Settings key that is missing, with its default and a note explaining it. */
function ensureSettingsRows(sheet: Sheet, added: string[]): void {
  const table = SheetTable.read(sheet, WORKBOOK.settings, SETTINGS_HEADERS);
  const keyCol = table.col(SETTINGS.key);
  const present = new Set(table.rowIndexes().map((i) => headerKey(table.value(i, SETTINGS.key))));
  const missing = SETTING_DEFINITIONS.filter((d) => !present.has(headerKey(d.key)));
  if (missing.length === 0) return;
  const firstRow = Math.max(sheet.getLastRow(), 1) + 1;
  for (const def of missing) table.append({ [SETTINGS.key]: def.key, [SETTINGS.value]: def.defaultValue });
  table.flush();
  sheet.getRange(firstRow, keyCol + 1, missing.length, 1).setNotes(missing.map((d) => [d.description]));
  added.push(`Settings: added ${missing.length} key(s): ${missing.map((d) => d.key).join(', ')}.`);
}

/**
 * Moves the single-cohort Settings (Cohort Name, Day 1 Date, G2T Link, Progress Report ID) into the first
 * `Cohorts` row — only while `Cohorts` has no class yet and Settings name one (a Cohort Name or a Day 1
 * Date), so re-running adds nothing. The Settings keys and values stay where they are (read-only history,
 * with a note saying where the class lives now): nothing is lost. The Day 1 cell is copied as it is (a
 * date stays a date); the Status is filled in by the next run from the class's clock.
 */
function migrateSingleCohort(
  settingsSheet: Sheet,
  cohortsSheet: Sheet,
  trackerSheet: Sheet,
  added: string[],
): void {
  const cohorts = SheetTable.read(cohortsSheet, WORKBOOK.cohorts, [COHORTS.cohort, COHORTS.day1Date]);
  if (cohorts.rowIndexes().some((i) => !cohorts.isBlankRow(i))) return;
  const settings = SheetTable.read(settingsSheet, WORKBOOK.settings, SETTINGS_HEADERS);
  const rowOf = new Map(settings.rowIndexes().map((i) => [headerKey(settings.value(i, SETTINGS.key)), i]));
  const raw = (key: string) => {
    const i = rowOf.get(headerKey(key));
    return i === undefined ? '' : settings.value(i, SETTINGS.value);
  };
  const name = toText(raw(COHORT_SETTING_KEYS.cohort)).trim();
  const day1 = raw(COHORT_SETTING_KEYS.day1Date);
  if (!name && isBlank(day1)) return;
  const cohortName = name || `Cohort of ${toText(day1)}`;
  cohorts.append({
    [COHORTS.cohort]: cohortName,
    [COHORTS.day1Date]: typeof day1 === 'string' ? day1.trim() : day1,
    [COHORTS.g2tLink]: toText(raw(COHORT_SETTING_KEYS.g2tLink)).trim(),
    [COHORTS.progressReportId]: toText(raw(COHORT_SETTING_KEYS.progressReportId)).trim(),
  });
  cohorts.flush();
  // The agents already on the roster are this class's: said in their row, so a class added later
  // (a blank Cohort then means the new class) never takes them over.
  const tracker = SheetTable.read(trackerSheet, WORKBOOK.tracker, [
    TRACKER.agentName,
    TRACKER.oid,
    TRACKER.cohort,
  ]);
  let stamped = 0;
  for (const i of tracker.rowIndexes()) {
    if (!tracker.text(i, TRACKER.agentName) && !tracker.text(i, TRACKER.oid)) continue;
    if (tracker.text(i, TRACKER.cohort)) continue;
    tracker.setText(i, TRACKER.cohort, cohortName);
    stamped++;
  }
  if (stamped > 0) tracker.flush();
  const valueCol = settings.col(SETTINGS.value) + 1;
  for (const key of Object.values(COHORT_SETTING_KEYS)) {
    const i = rowOf.get(headerKey(key));
    if (i === undefined) continue;
    settingsSheet
      .getRange(settings.sheetRow(i), valueCol)
      .setNote(
        `Moved to the "${SHEET.cohorts}" sheet (class "${cohortName}") by set-up; edit it there. Kept here for the record.`,
      );
  }
  added.push(
    `Cohorts: moved the class "${cohortName}" from Settings (Cohort Name, Day 1 Date, G2T Link, Progress Report ID) into its first row; the Settings values are kept${stamped ? `; ${stamped} agent row(s) now name it in "${TRACKER.cohort}"` : ''}.`,
  );
}

/** Writes the default 3.5-day schedule only into an empty Schedule: a team's edits are never replaced. */
function ensureScheduleRows(sheet: Sheet, added: string[]): void {
  if (sheet.getLastRow() > 1) return;
  const [headers, ...rows] = scheduleToRows(DEFAULT_SCHEDULE);
  const table = SheetTable.read(sheet, WORKBOOK.schedule);
  for (const row of rows)
    table.append(Object.fromEntries(headers.map((h, c) => [table.dynamic(String(h)), row[c]])));
  table.flush();
  added.push(`Schedule: wrote the default ${rows.length}-item certification schedule.`);
}

function ensureDashboardTitle(sheet: Sheet, added: string[]): void {
  const title = sheet.getRange(1, 1);
  if (title.getValue() !== '') return;
  title.setValue(keepAsText(DASHBOARD_TITLE)).setFontWeight('bold');
  added.push('Dashboard: added its title (counts and chart are drawn by Refresh dashboard).');
}

/** The data rows of one column, from row 2 to the bottom of the sheet. */
function columnBody(sheet: Sheet, col: number): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(2, col, Math.max(sheet.getMaxRows() - 1, 1), 1);
}

function buildValidation(rule: ColumnRule['rule']): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  // allowInvalid: a TL's unexpected entry is kept and shown with a warning, never refused or lost.
  if (rule.kind === 'list')
    return builder
      .requireValueInList([...rule.values], true)
      .setAllowInvalid(true)
      .setHelpText(rule.help)
      .build();
  if (rule.kind === 'email')
    return builder.requireTextIsEmail().setAllowInvalid(true).setHelpText(rule.help).build();
  return builder.requireCheckbox().build();
}

function ensureColumnRules(
  sheet: Sheet,
  headers: HeaderIndex,
  rules: readonly ColumnRule[],
  added: string[],
): void {
  for (const rule of rules) {
    const col = headers.get(headerKey(rule.header));
    if (col === undefined) continue;
    const existing = sheet.getRange(2, col).getDataValidation();
    if (existing) continue;
    columnBody(sheet, col).setDataValidation(buildValidation(rule.rule));
    added.push(
      `"${sheet.getName()}": ${rule.rule.kind === 'list' ? 'dropdown' : rule.rule.kind} on "${rule.header}".`,
    );
  }
}

/**
 * Tracker columns a TL types identifiers into: formatted as plain text so Sheets keeps what is typed
 * ("00123" would otherwise become the number 123, "17654321" a number). Existing values are untouched.
 */
const TEXT_COLUMNS: readonly string[] = [TRACKER.nNumber];

function ensurePlainTextColumns(
  sheet: Sheet,
  headers: HeaderIndex,
  names: readonly string[],
  added: string[],
): void {
  for (const name of names) {
    const col = headers.get(headerKey(name));
    if (col === undefined) continue;
    if (sheet.getRange(2, col).getNumberFormat() === PLAIN_TEXT_FORMAT) continue;
    columnBody(sheet, col).setNumberFormat(PLAIN_TEXT_FORMAT);
    added.push(`"${sheet.getName()}": "${name}" formatted as plain text (typed numbers keep leading zeros).`);
  }
}

/** Identifies a colour rule by column, text and colour, so re-running adds only what is missing. */
function signature(column: number, text: string, color: string): string {
  return `${column}|${text}|${color.toLowerCase()}`;
}

function ensureColorRules(
  sheet: Sheet,
  headers: HeaderIndex,
  rules: readonly ColorRule[],
  added: string[],
): void {
  if (rules.length === 0) return;
  const existing = sheet.getConditionalFormatRules();
  const have = new Set<string>();
  for (const rule of existing) {
    const condition = rule.getBooleanCondition();
    if (!condition) continue;
    const text = String(condition.getCriteriaValues()[0] ?? '');
    const color = condition.getBackground() ?? '';
    for (const range of rule.getRanges()) have.add(signature(range.getColumn(), text, color));
  }
  const fresh: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  for (const rule of rules) {
    const col = headers.get(headerKey(rule.header));
    if (col === undefined) continue;
    if (have.has(signature(col, rule.text, rule.color))) continue;
    fresh.push(
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(rule.text)
        .setBackground(rule.color)
        .setRanges([columnBody(sheet, col)])
        .build(),
    );
  }
  if (fresh.length === 0) return;
  sheet.setConditionalFormatRules([...existing, ...fresh]);
  added.push(`"${sheet.getName()}": added ${fresh.length} red/amber/green colour rule(s).`);
}
