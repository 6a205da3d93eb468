/**
 * Fault matrix for the shared Agent Progress Report (built bundle): one row per fault, each counting
 * what a TL would lose or get wrong — addresses given edit access to the tracker (or a full copy of
 * it), agents whose progress is not synced, ticks credited to the wrong agent. Every count must be 0.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace } from '../helpers/bundle';
import { agentRecord, cohortSettings, setSettings, writeRoster } from '../helpers/workbook';

const TUE_NOON = new Date('2026-12-01T19:00:00Z');
const DAY1_5PM = new Date('2026-12-04T00:00:00Z');
const AGENTS = 6;

function setup() {
  const { ws, bundle } = bundledWorkspace({ now: TUE_NOON });
  bundle.menuSetupWorkbook();
  const folder = ws.drive.createFolder('cXp Leadership');
  cohortSettings(ws, { 'Leadership Drive Folder ID': folder.getId() });
  writeRoster(ws, AGENTS);
  return { ws, bundle, folder };
}

function setting(ws: Workspace, key: string): string {
  const rows = ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
  return String(rows.find((r) => r[0] === key)?.[1] ?? '');
}

/** Roster addresses that can open a file holding the tracker's Coaching Log (the tracker or a copy). */
function exposedAddresses(ws: Workspace): number {
  const roster = new Set<string>();
  for (let i = 0; i < AGENTS; i++) {
    const a = agentRecord(i);
    roster.add(a[TRACKER.cxpEmail]);
    roster.add(a[TRACKER.personalEmail]);
  }
  let exposed = 0;
  for (const file of ws.store.files.values()) {
    const model = file.content as { sheets?: { name: string }[] } | null;
    if (!model?.sheets?.some((s) => s.name === SHEET.coachingLog)) continue;
    exposed += file.editors.filter((e) => roster.has(e)).length;
  }
  return exposed;
}

/** Items Done per OID from the tracker's Pace sheet ('' when the sync did not run). */
function itemsDone(ws: Workspace): Map<string, string> {
  const pace = ws.tracker.getSheetByName('Pace');
  const out = new Map<string, string>();
  if (!pace) return out;
  const values = pace.getDataRange().getValues();
  const col = values[0].indexOf('Items Done');
  for (const r of values.slice(1)) out.set(String(r[1]), String(r[col]).split('/')[0]);
  return out;
}

function record(row: string, counts: Record<string, number>): void {
  // One line per fault row, for the report: `FAULT <row>: lost=… wrong=…`.
  console.log(
    `FAULT ${row}: ${Object.entries(counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}

describe('Fault matrix: Agent Progress Report', () => {
  it.each(['Progress Report ID', 'Progress Report Template ID'])(
    '"%s" pasted as the tracker\'s own ID: no agent can open the tracker or a copy of it',
    (key) => {
      const { ws, bundle } = setup();
      setSettings(ws, { [key]: ws.tracker.getId() });
      let message = '';
      try {
        message = String(bundle.menuCreateProgressReport());
      } catch (e) {
        message = String(e);
      }
      const exposed = exposedAddresses(ws);
      record(`${key} = tracker`, { exposedAddresses: exposed });
      expect(exposed).toBe(0);
      expect(message).toContain(`Settings "${key}"`);
    },
  );

  it('renamed Progress sheet: every agent is still synced (none lost)', () => {
    const { ws, bundle } = setup();
    bundle.menuCreateProgressReport();
    const report = ws.spreadsheets.fake(setting(ws, 'Progress Report ID'));
    const sheet = report.sheet('Progress');
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    for (let i = 0; i < AGENTS; i++)
      sheet.getRange(i + 2, headers.indexOf('Module 1 Reviewed') + 1).setValue(true);
    sheet.setName('My progress');
    ws.clock.set(DAY1_5PM);
    try {
      bundle.menuSyncProgress();
    } catch {
      // an old build throws here: counted below as lost
    }
    const done = itemsDone(ws);
    const lost = Array.from({ length: AGENTS }, (_, i) => `OID${1000 + i}`).filter(
      (o) => done.get(o) !== '1',
    ).length;
    record('renamed Progress', { agentsNotSynced: lost });
    expect(lost).toBe(0);
  });

  it("forged row appended with another agent's OID: no tick credited to the wrong agent", () => {
    const { ws, bundle } = setup();
    bundle.menuCreateProgressReport();
    const report = ws.spreadsheets.fake(setting(ws, 'Progress Report ID'));
    const sheet = report.sheet('Progress');
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const items = headers.filter((h) => !['Agent Name', 'OID', 'Blockers', 'Last Self-Report'].includes(h));
    // The row below the list, as an agent would type it where protections do not stop them.
    const forged = headers.map((h) =>
      h === 'Agent Name' ? 'Agent 2' : h === 'OID' ? 'OID1002' : items.includes(h),
    );
    const forgedRange = sheet.getRange(AGENTS + 2, 1, 1, headers.length);
    forgedRange.setValues([forged.map((v) => (v === false ? '' : v))]);
    ws.clock.set(DAY1_5PM);
    // The report's edit trigger logs those ticks under the OID the row shows (and its row number).
    bundle.onReportEdit({ range: forgedRange, value: 'TRUE' } as GoogleAppsScript.Events.SheetsOnEdit);
    const log = report.sheet('Tick Log').getDataRange().getValues().slice(1);
    expect(log.filter((r) => r[1] === 'OID1002').length).toBe(items.length);
    bundle.menuSyncProgress();
    const done = itemsDone(ws);
    // Agent 2 ticked nothing in their own row: every item credited to them is a wrong credit.
    const wrong = Number(done.get('OID1002') ?? 0);
    record('forged row', { wrongCredits: wrong });
    expect(wrong).toBe(0);
  });
});
