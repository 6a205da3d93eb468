/**
 * The class an action on named agents runs in: a hands check, a CAP document or
 * a Final CAP confirmation uses the clock, Day 1, name and report of the agents' class, not the Settings
 * class. In the single-cohort form (no `Cohorts` rows) everything stays on the Settings Config.
 */
import { cohortKey, cohortOfRow } from '../domain/cohorts';
import { TRACKER, WORKBOOK } from '../domain/contract';
import { type CohortRun, type CohortsState, loadCohorts } from './cohorts';
import type { Config } from '../gas/config';
import { ContractError, SheetTable, type Spreadsheet } from '../gas/sheetTable';

/** Each tracker OID's class (lower-cased OID → class run), or the row's problem text (one read). */
function classesByOid(ss: Spreadsheet, state: CohortsState): Map<string, CohortRun | string> {
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid]);
  const all = state.runs.map((r) => ({ name: r.row.name, status: r.status }));
  const byKey = new Map(state.runs.map((r) => [cohortKey(r.row.name), r]));
  const out = new Map<string, CohortRun | string>();
  for (const i of tracker.rowIndexes()) {
    const oid = tracker.text(i, TRACKER.oid).toLowerCase();
    if (!oid || out.has(oid)) continue;
    const text = tracker.has(TRACKER.cohort) ? tracker.text(i, TRACKER.cohort) : '';
    const found = cohortOfRow(text, tracker.sheetRow(i), all);
    out.set(oid, 'cohort' in found ? (byKey.get(cohortKey(found.cohort)) ?? found.cohort) : found.problem);
  }
  return out;
}

/**
 * The Config of the class of the agents `oids` (their tracker `Cohort`): `base` in the single-cohort
 * form or when no OID is in the tracker (the caller names the unknown OID). Agents of two classes, or an
 * agent whose class cannot be told, is a clear error naming the rows — never the Settings class's clock.
 */
export function configForAgents(
  ss: Spreadsheet,
  base: Config,
  oids: readonly string[],
  action: string,
): Config {
  const state = loadCohorts(ss, base);
  if (!state) return base;
  const byOid = classesByOid(ss, state);
  const runs = new Map<string, CohortRun>();
  for (const oid of oids) {
    const found = byOid.get(oid.trim().toLowerCase());
    if (found === undefined) continue;
    if (typeof found === 'string') throw new ContractError(`${action}: ${found}.`);
    runs.set(cohortKey(found.row.name), found);
  }
  if (runs.size > 1)
    throw new ContractError(
      `${action}: the agents are in ${runs.size} classes (${[...runs.values()].map((r) => `"${r.row.name}"`).join(', ')}): act on one class at a time.`,
    );
  const [only] = runs.values();
  return only ? only.config : base;
}

export interface ClassChoice {
  config: Config;
  /** The classes the view can show ([] in the single-cohort form). */
  cohorts: string[];
  /** The class shown ('' in the single-cohort form). */
  cohort: string;
}

/**
 * The class a TL's view shows: `requested` when it is a class; else, among the classes running now
 * (Active/Extension; else any not Closed) that hold the user's agents (else all of them), the first one
 * in training today (Active), else the first. Reads `Cohorts` and the tracker once each.
 */
export function chooseViewClass(ss: Spreadsheet, base: Config, user: string, requested: string): ClassChoice {
  const state = loadCohorts(ss, base);
  if (!state || state.runs.length === 0) return { config: base, cohorts: [], cohort: '' };
  const running = state.runs.filter((r) => r.status === 'Active' || r.status === 'Extension');
  const open = running.length ? running : state.runs.filter((r) => r.status !== 'Closed');
  const pool = open.length ? open : state.runs;
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid, TRACKER.tlEmail]);
  const me = user.trim().toLowerCase();
  const byOid = classesByOid(ss, state);
  const mineKeys = new Set(
    tracker
      .rowIndexes()
      .filter((i) => me !== '' && tracker.text(i, TRACKER.tlEmail).toLowerCase() === me)
      .map((i) => byOid.get(tracker.text(i, TRACKER.oid).toLowerCase()))
      .filter((r): r is CohortRun => r !== undefined && typeof r !== 'string')
      .map((r) => cohortKey(r.row.name)),
  );
  const mine = pool.filter((r) => mineKeys.has(cohortKey(r.row.name)));
  const choices = mine.length ? mine : pool;
  const asked = requested.trim()
    ? state.runs.find((r) => cohortKey(r.row.name) === cohortKey(requested))
    : undefined;
  const chosen = asked ?? choices.find((r) => r.status === 'Active') ?? choices[0];
  const names = choices.map((r) => r.row.name);
  if (asked && !choices.includes(asked)) names.push(asked.row.name);
  return { config: chosen.config, cohorts: names, cohort: chosen.row.name };
}
