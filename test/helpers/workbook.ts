/** Test helpers: a workspace with the contract's sheets and a roster of N agents, in any column order. */
import { TRACKER } from '../../src/domain/contract';
import { setupWorkbook } from '../../src/gas/setupWorkbook';
import { Workspace } from '../../src/local/workspace';

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
}

/** A workspace whose globals are installed, set up once, with `agents` on the roster. */
export function setUpWorkspace(agents = 0, now: Date = DAY1_9AM): Workspace {
  const ws = new Workspace({ now });
  ws.installGlobals();
  setupWorkbook(ws.tracker);
  writeRoster(ws, agents);
  return ws;
}
