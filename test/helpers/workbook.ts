/** Test helpers: a workspace with the contract's sheets and a roster of N agents, in any column order. */
import { TRACKER } from '../../src/domain/contract';
import { setupWorkbook } from '../../src/usecases/setupWorkbook';
import { Workspace } from '../../workspace/workspace';

export const DAY1 = '2026-12-03'; // a Thursday

/** 9 am Denver on Day 1 (Thursday 3 Dec 2026). */
export const DAY1_9AM = new Date('2026-12-03T16:00:00Z');

export function agentRecord(i: number): Record<string, string> {
  return {
    [TRACKER.agentName]: `Agent ${i}`,
    [TRACKER.oid]: `OID${1000 + i}`,
    [TRACKER.cxpEmail]: `agent${i}@cxp.example.com`,
    [TRACKER.personalEmail]: `agent${i}@personal.example.net`,
    [TRACKER.tlName]: `TL ${i % 3}`,
    [TRACKER.tlEmail]: `tl${i % 3}@example.com`,
    [TRACKER.nNumber]: `N${7000000 + i}`,
  };
}

/** Writes `count` agents under whatever headers row 1 of the tracker has now (one batched write). */
export function writeRoster(ws: Workspace, count: number, from = 0): void {
  const sheet = ws.tracker.sheet('ESP Tracker');
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const rows = Array.from({ length: count }, (_, k) => {
    const record = agentRecord(from + k);
    return headers.map((h) => record[h] ?? '');
  });
  const needed = sheet.getLastRow() + rows.length - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  if (rows.length) sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, headers.length).setValues(rows);
  // TLs work in the tracker: the licensing team shared it with each of them before the script ran (so
  // in Drive's model directly: no script call metered, no share notification of the script's).
  const tlCol = headers.indexOf('TL Email');
  const file = ws.store.get(ws.tracker.getId());
  const editors = new Set(file.editors.map((e) => e.toLowerCase()));
  for (const row of rows) {
    const tl = String(row[tlCol] ?? '');
    if (tl && !editors.has(tl.toLowerCase())) {
      file.editors.push(tl);
      editors.add(tl.toLowerCase());
    }
  }
}

/** A workspace whose globals are installed, set up once, with `agents` on the roster. */
export function setUpWorkspace(agents = 0, now: Date = DAY1_9AM): Workspace {
  const ws = new Workspace({ now });
  ws.installGlobals();
  setupWorkbook(ws.tracker);
  writeRoster(ws, agents);
  return ws;
}

/** Types Settings values by key, as a TL would (keys must exist: run set-up first). */
export function setSettings(ws: Workspace, values: Record<string, string | number | boolean>): void {
  const sheet = ws.tracker.sheet('Settings');
  const keys = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  for (const [key, value] of Object.entries(values)) {
    const row = keys.indexOf(key) + 1;
    if (row < 1) throw new Error(`Settings has no key "${key}"`);
    sheet.getRange(row, 2).setValue(value);
  }
}

/** The usual cohort settings for tests: Day 1 Thursday 12/3/2026, live mail (not Dry Run). */
export function cohortSettings(ws: Workspace, extra: Record<string, string | number | boolean> = {}): void {
  setSettings(ws, {
    'Cohort Name': 'Test Cohort',
    'Day 1 Date': '12/3/2026',
    'G2T Link': 'https://global.gotomeeting.com/join/1',
    'Licensing Team Email': 'licensing@example.com',
    'ESP Manager Emails': 'esp.manager@example.com',
    'PM Emails': 'pm@example.com',
    'Ops Management Emails': 'ops@example.com',
    'HR Emails': 'hr@example.com',
    'Cert Coordinator Email': 'cert@example.com',
    'Dry Run': false,
    ...extra,
  });
}
