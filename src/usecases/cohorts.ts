/**
 * Many cohorts in one tracker (classes may overlap): reads the `Cohorts` sheet (one batched read),
 * keeps each class's Status from its own clock (one batched write when one changed) and runs a job once
 * per class that needs it. While `Cohorts` is missing or empty, the job runs once, as before, on the
 * single-cohort Settings.
 */
import {
  type CohortRow,
  type CohortScope,
  cohortKey,
  cohortOfRow,
  cohortStatusAt,
  cohortTimeline,
  inScope,
  isRunning,
  LAST_SWEEP_DAY,
  parseCohorts,
} from '../domain/cohorts';
import {
  COHORT_SETTING_KEYS,
  COHORTS,
  type CohortStatus,
  SHEET,
  TRACKER,
  WORKBOOK,
  type TrackerHeader,
  type CohortsHeader,
} from '../domain/contract';
import { now } from '../gas/clock';
import { type Config, cohortConfig, writeSetting } from '../gas/config';
import type { Settings } from '../domain/settings';
import { ContractError, headerKey, SheetTable, type Spreadsheet } from '../gas/sheetTable';

/** Roster problems listed in a run's message; the rest are counted. */
const MAX_LISTED = 20;

export interface CohortRun {
  row: CohortRow;
  status: CohortStatus;
  config: Config;
}

export interface CohortsState {
  runs: CohortRun[];
  /** Unusable `Cohorts` values, named by row and header. */
  problems: string[];
  /** The sheet as a SheetTable, opened on first use (only a Status write needs it). */
  readonly table: SheetTable<CohortsHeader>;
}

/** The Cohorts sheet's values, header row first; null when it is missing or has no class yet (two calls). */
function readCohortsSheet(ss: Spreadsheet): unknown[][] | null {
  const sheet = ss.getSheetByName(SHEET.cohorts);
  if (!sheet || sheet.getLastRow() < 2) return null;
  const table = SheetTable.read(sheet, WORKBOOK.cohorts);
  // Every column as it stands, a TL's own columns too.
  return [
    table.headers,
    ...table.rowIndexes().map((i) => table.headers.map((h) => table.value(i, table.dynamic(h)))),
  ];
}

/** The classes of `Cohorts` with their Status now, or null in the single-cohort form (missing or empty). */
export function loadCohorts(ss: Spreadsheet, base: Config, at: Date = now()): CohortsState | null {
  // Read with Settings in the run's one batchGet (RULES R26): no call here.
  const values = base.cohortsGrid ?? readCohortsSheet(ss);
  if (!values || values.length < 2) return null;
  const parsed = parseCohorts(values, base.spreadsheetZone);
  // The class set-up moved from Settings: a blank field there still reads the Settings value (kept).
  const settingsName = cohortKey(base.settings.cohortName);
  for (const c of parsed.cohorts) {
    if (!settingsName || cohortKey(c.name) !== settingsName) continue;
    c.day1 = c.day1 ?? base.settings.day1;
    c.g2tLink = c.g2tLink || base.settings.g2tLink;
    c.progressReportId = c.progressReportId || base.settings.progressReportId;
  }
  const mirrors = (c: CohortRow) => settingsName !== '' && cohortKey(c.name) === settingsName;
  if (parsed.cohorts.length === 0 && parsed.problems.length === 0) return null;
  const statuses = parsed.cohorts.map((row) => {
    const draft = cohortConfig(base, row, {
      name: row.name,
      sheetRow: row.sheetRow,
      status: 'Planned',
      all: [],
    });
    const timeline = draft.clock
      ? cohortTimeline(draft.clock, base.schedule, base.settings.finalCapExtensionHours, LAST_SWEEP_DAY)
      : null;
    return cohortStatusAt(timeline, at);
  });
  const all = parsed.cohorts.map((c, k) => ({ name: c.name, status: statuses[k] }));
  const runs = parsed.cohorts.map((row, k) => ({
    row,
    status: statuses[k],
    config: cohortConfig(base, row, {
      name: row.name,
      sheetRow: row.sheetRow,
      status: statuses[k],
      all,
      mirrorsSettings: mirrors(row),
    }),
  }));
  let table: SheetTable<CohortsHeader> | null = null;
  return {
    runs,
    problems: parsed.problems,
    get table() {
      table ??= SheetTable.open(ss, SHEET.cohorts, [COHORTS.cohort]);
      return table;
    },
  };
}

/** Writes each class's Status where the sheet shows another one: one batched write, none when all agree. */
export function keepStatuses(state: CohortsState): number {
  if (state.runs.every((run) => run.row.shownStatus === run.status)) return 0;
  if (!state.table.has(COHORTS.status)) return 0;
  let changed = 0;
  for (const run of state.runs) {
    if (run.row.shownStatus === run.status) continue;
    state.table.set(run.row.sheetRow - 2, COHORTS.status, run.status);
    changed++;
  }
  if (changed > 0) state.table.flush();
  return changed;
}

/**
 * Runs `job` once per Active/Extension class (Planned and Closed cost nothing), each on its own Config,
 * after keeping the Status column; in the single-cohort form, once on `base`. Returns one line per run
 * (prefixed with the class) and the `Cohorts` problems.
 */
export function forEachRunningCohort(
  ss: Spreadsheet,
  base: Config,
  job: (config: Config) => string,
  idle?: () => string,
): string[] {
  const state = loadCohorts(ss, base);
  if (!state) return [job(base)];
  // No class's clock can be read in an unusable zone: stop with the key and value named (no silent GMT).
  if (base.timeZoneProblem) throw new ContractError(base.timeZoneProblem);
  keepStatuses(state);
  const running = state.runs.filter((r) => isRunning(r.status));
  if (running.length === 0)
    return [
      `No class in "${SHEET.cohorts}" is Active or in its Extension: nothing to do.`,
      ...(idle ? [idle()] : []),
      ...state.problems,
    ].filter(Boolean);
  // One class's failure (no report yet, a transient error) never stops the others; it is re-thrown after.
  const failures: string[] = [];
  const lines = running.map((r) => {
    try {
      return `${r.row.name} (${r.status}): ${job(r.config)}`;
    } catch (error) {
      const message = `${r.row.name} (${r.status}): ${error instanceof Error ? error.message : String(error)}`;
      failures.push(message);
      return message;
    }
  });
  const roster = rosterCohortProblems(ss, state);
  const shown = roster.slice(0, MAX_LISTED);
  if (roster.length > shown.length)
    shown.push(`… and ${roster.length - shown.length} more tracker row(s) without a class`);
  const all = [...lines, ...state.problems, ...shown];
  if (failures.length > 0) throw new ContractError(all.join('\n'));
  return all;
}

/** The Configs of the classes running now (Active/Extension); `[base]` in the single-cohort form. */
export function runningCohortConfigs(ss: Spreadsheet, base: Config): Config[] {
  const state = loadCohorts(ss, base);
  if (!state) return [base];
  return state.runs.filter((r) => isRunning(r.status)).map((r) => r.config);
}

/**
 * The Settings a tracker row's alerts use: its class's (name, Day 1 — dedupe keys carry the Day 1, so the
 * edit trigger and the class's sweep name one alert alike), or the tracker's in the single-cohort form
 * and for a row whose class cannot be told. Reads `Cohorts` once.
 */
export function classSettingsFor(
  ss: Spreadsheet,
  base: Config,
): (table: SheetTable<TrackerHeader>, i: number) => Settings {
  const state = loadCohorts(ss, base);
  if (!state) return () => base.settings;
  const all = state.runs.map((r) => ({ name: r.row.name, status: r.status }));
  const byKey = new Map(state.runs.map((r) => [cohortKey(r.row.name), r.config.settings]));
  return (table, i) => {
    const text = table.has(TRACKER.cohort) ? table.text(i, TRACKER.cohort) : '';
    const found = cohortOfRow(text, table.sheetRow(i), all);
    return ('cohort' in found && byKey.get(cohortKey(found.cohort))) || base.settings;
  };
}

/** Whether tracker row `i` of `table` is one of the class the Config runs (always, single-cohort). */
export function rowInCohort(config: Config, table: SheetTable<TrackerHeader>, i: number): boolean {
  if (!config.cohort) return true;
  return inScope(
    config.cohort,
    table.has(TRACKER.cohort) ? table.text(i, TRACKER.cohort) : '',
    table.sheetRow(i),
  );
}

/** Whether an agent read from the tracker is one of the class the Config runs. */
export function agentInCohort(config: Config, agent: { cohort?: string; row: number }): boolean {
  return inScope(config.cohort, agent.cohort ?? '', agent.row);
}

/** The scope's class, e.g. for dedupe keys: '' in the single-cohort form (keys stay as they were). */
export function cohortKeyPart(config: Config): string[] {
  return config.cohort ? [config.cohort.name] : [];
}

/** Writes a class's new Progress Report ID into its `Cohorts` row (one read, one write). */
export function recordCohortReportId(ss: Spreadsheet, scope: CohortScope, reportId: string): void {
  const table = SheetTable.of(ss, WORKBOOK.cohorts, [COHORTS.cohort, COHORTS.progressReportId]);
  table.set(scope.sheetRow - 2, COHORTS.progressReportId, reportId);
  table.flush();
  // Settings' single-cohort form of this class stays readable and true.
  if (scope.mirrorsSettings) writeSetting(ss, COHORT_SETTING_KEYS.progressReportId, reportId);
}

/**
 * Tracker rows whose class cannot be told (a blank `Cohort` while two classes are Planned/Active, a name
 * that is not in `Cohorts`), each named by row: such a row is in no class's run until it is fixed.
 */
export function rosterCohortProblems(ss: Spreadsheet, state: CohortsState): string[] {
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.agentName, TRACKER.oid]);
  const all = state.runs.map((r) => ({ name: r.row.name, status: r.status }));
  const problems: string[] = [];
  for (const i of tracker.rowIndexes()) {
    if (!tracker.text(i, TRACKER.oid) && !tracker.text(i, TRACKER.agentName)) continue;
    const text = tracker.has(TRACKER.cohort) ? tracker.text(i, TRACKER.cohort) : '';
    const found = cohortOfRow(text, tracker.sheetRow(i), all);
    if ('problem' in found) problems.push(found.problem);
  }
  return problems;
}

/**
 * The class of the tracker row the user has selected (`Spreadsheet.getActiveRange`, on the `ESP Tracker`
 * sheet, below the headers): two small reads (the header row, the row's Cohort cell). Undefined when the
 * selection is elsewhere or the row's class cannot be told (the other rules then apply).
 */
function selectedRowRun(ss: Spreadsheet, state: CohortsState): CohortRun | undefined {
  const range = ss.getActiveRange();
  if (!range) return undefined;
  const sheet = range.getSheet();
  const row = range.getRow();
  if (sheet.getName() !== SHEET.tracker || row < 2 || row > sheet.getLastRow()) return undefined;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(headerKey);
  const col = headers.indexOf(headerKey(TRACKER.cohort));
  if (col < 0) return undefined;
  const text = String(sheet.getRange(row, col + 1).getValue() ?? '');
  const all = state.runs.map((r) => ({ name: r.row.name, status: r.status }));
  const found = cohortOfRow(text, row, all);
  return 'cohort' in found
    ? state.runs.find((r) => cohortKey(r.row.name) === cohortKey(found.cohort))
    : undefined;
}

/**
 * The class a menu action acts on: in the single-cohort form, the Settings cohort; the class of the
 * selected tracker row; the only class; else the only Planned/Active class; else the TL is asked (a
 * prompt listing the classes) — never a guess.
 */
export function chooseCohortConfig(
  ss: Spreadsheet,
  base: Config,
  getUi: () => GoogleAppsScript.Base.Ui,
): Config {
  const state = loadCohorts(ss, base);
  if (!state) return base;
  if (state.runs.length === 0)
    throw new ContractError(`No class in "${SHEET.cohorts}" can be used:\n• ${state.problems.join('\n• ')}`);
  // The TL has an agent's row selected: that agent's class.
  const selected = selectedRowRun(ss, state);
  if (selected) return selected.config;
  // One class in the tracker: that one, whatever its Status (e.g. a sync during its CAP extension).
  if (state.runs.length === 1) return state.runs[0].config;
  const open = state.runs.filter((r) => r.status === 'Planned' || r.status === 'Active');
  if (open.length === 1) return open[0].config;
  const list = state.runs.map((r) => `${r.row.name} (${r.status})`).join(', ');
  const ui = getUi();
  const answer = ui.prompt(
    'Which class?',
    `Type the class's name as in "${SHEET.cohorts}": ${list}`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK)
    throw new ContractError('No class was chosen: nothing was done.');
  const typed = answer.getResponseText().trim();
  const match = state.runs.find((r) => cohortKey(r.row.name) === cohortKey(typed));
  if (!match)
    throw new ContractError(`"${typed}" is not a class in "${SHEET.cohorts}" (${list}): nothing was done.`);
  return match.config;
}
