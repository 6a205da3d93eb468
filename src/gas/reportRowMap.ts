/**
 * Which row of the shared report belongs to which agent, kept where agents cannot reach it: the
 * tracker's document properties (agents never see the tracker). The nightly sync credits ticks by this
 * map — the row the script created for each agent — never by the OID typed in a row, so a row an agent
 * appends (even with another agent's OID) earns nothing. The sheet is found by its ID, so a renamed
 * `Progress` sheet is still read.
 *
 * A property value holds at most ~9 KB, so the map is stored in chunks (2,000 agents ≈ 3 chunks); it is
 * read and written with one Properties call each.
 */
import { documentProperties } from './tableCache';

export interface RowMap {
  /** `Sheet.getSheetId()` of the report's Progress sheet. */
  sheetId: number;
  /** Sheet row → OID, for rows the script wrote. */
  rows: Map<number, string>;
}

const PREFIX = 'esp.reportRows.';
const CHUNK = 8000;

function key(reportId: string): string {
  return `${PREFIX}${reportId}`;
}

export function loadRowMap(reportId: string): RowMap | null {
  const all = documentProperties().getProperties();
  const count = Number(all[key(reportId)] ?? '');
  if (!Number.isInteger(count) || count < 1) return null;
  let text = '';
  for (let n = 0; n < count; n++) text += all[`${key(reportId)}.${n}`] ?? '';
  try {
    const data = JSON.parse(text) as { s: number; g: [number, string[]][] };
    const rows = new Map<number, string>();
    for (const [start, oids] of data.g) oids.forEach((oid, k) => rows.set(start + k, oid));
    return { sheetId: data.s, rows };
  } catch {
    return null;
  }
}

export function saveRowMap(reportId: string, map: RowMap): void {
  // Runs of consecutive rows: [first row, [oid, oid, …]].
  const runs: [number, string[]][] = [];
  for (const row of [...map.rows.keys()].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1].length === row) last[1].push(map.rows.get(row) ?? '');
    else runs.push([row, [map.rows.get(row) ?? '']]);
  }
  const text = JSON.stringify({ s: map.sheetId, g: runs });
  const values: Record<string, string> = {};
  let n = 0;
  for (let at = 0; at < text.length; at += CHUNK)
    values[`${key(reportId)}.${n++}`] = text.slice(at, at + CHUNK);
  values[key(reportId)] = String(n);
  documentProperties().setProperties(values);
}
