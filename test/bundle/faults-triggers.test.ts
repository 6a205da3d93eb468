/**
 * Fault matrix, trigger rows (closing note of issues 9/10): an evening run holds the document lock for
 * 5 minutes while an edit or a form submission arrives. Each row counts the alerts expected, delivered
 * and duplicated and the data lost, through the built bundle with triggers fired as Apps Script would
 * (each as its creator). Every row must read 0 lost, 0 duplicated.
 * Before: the trigger threw "Another ESP Licensing task is running…" and the event was gone for good.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { cohortSettings, setSettings, writeRoster } from '../helpers/workbook';

const DAY0 = new Date('2026-12-01T19:00:00Z'); // Tue 12/1 noon, Denver
const HOLD_MS = 5 * 60_000;

interface Row {
  expected: number;
  delivered: number;
  duplicated: number;
  lost: number;
  failures: number;
}

function cohort(): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, 4);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  return { ws, bundle };
}

function col(ws: Workspace, header: string): number {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(header) + 1;
}

function value(ws: Workspace, row: number, header: string): unknown {
  return ws.tracker.sheet(SHEET.tracker).getRange(row, col(ws, header)).getValue();
}

/** The runs after the lock is free: the hourly capCheck, then (later) the nightly sweep. */
function laterRuns(ws: Workspace, bundle: EntryBundle): void {
  const byHandler = (h: string) => ws.script.list().find((r) => r.handler === h)!;
  ws.clock.set(new Date(ws.clock.nowMs() + 60 * 60_000));
  ws.runTrigger(bundle, byHandler('capCheck'));
  ws.clock.set(new Date(ws.clock.nowMs() + 3 * 60 * 60_000));
  ws.runTrigger(bundle, byHandler('nightlySweep'));
  ws.clock.set(new Date(ws.clock.nowMs() + 60 * 60_000));
  ws.runTrigger(bundle, byHandler('capCheck'));
}

function pendingKeys(ws: Workspace): string[] {
  return [...ws.properties.document.data.keys()].filter((k) => k.startsWith('esp.pending.'));
}

describe('fault matrix: the lock is held 5 minutes when a trigger fires', () => {
  it('lock held 5 minutes during a sales inhibitor: queued, alerted once by the next run, nothing lost', () => {
    const { ws, bundle } = cohort();
    bundle.installTriggers();
    ws.mail.clearOutbox();
    ws.locks.holdExternally('document', HOLD_MS);
    ws.userEdit(bundle, ws.tracker, SHEET.tracker, 2, col(ws, TRACKER.salesInhibitor), 'Release needed');
    ws.userEdit(bundle, ws.tracker, SHEET.tracker, 3, col(ws, TRACKER.salesInhibitor), 'No health license');
    expect(pendingKeys(ws)).toHaveLength(2); // queued, not dropped
    expect(ws.mail.sentTo('ops@example.com')).toHaveLength(0);
    laterRuns(ws, bundle);

    const ops = ws.mail.sentTo('ops@example.com');
    const agents = ['Agent 0', 'Agent 1'];
    const delivered = agents.filter((a) => ops.some((m) => (m.htmlBody ?? m.body).includes(a))).length;
    const stamped = [2, 3].filter((r) => value(ws, r, TRACKER.lastUpdated) !== '').length;
    const row: Row = {
      expected: 2,
      delivered,
      duplicated: ops.length - delivered,
      lost: 2 - stamped + pendingKeys(ws).length,
      failures: ws.triggerFailures.length,
    };
    expect(row).toEqual({ expected: 2, delivered: 2, duplicated: 0, lost: 0, failures: 0 });
  });

  it('lock held 5 minutes during a form submission: queued, recorded and alerted once, nothing lost', () => {
    const { ws, bundle } = cohort();
    const responses = ws.spreadsheets.create('Carrier Cert Completion Form (Responses)');
    const form = ws.forms.createForm('Carrier Cert Completion Form', ['cXp Email', 'Comments'], {
      destinationId: responses.getId(),
    });
    setSettings(ws, { 'Completion Form URL': ws.forms.openById(form.id).getEditUrl() });
    bundle.installTriggers();
    ws.mail.clearOutbox();
    ws.locks.holdExternally('document', HOLD_MS);
    ws.submitForm(bundle, form.id, { 'cXp Email': 'agent2@cxp.example.com', Comments: '13 checks' });
    ws.submitForm(bundle, form.id, { 'cXp Email': 'nobody@example.org', Comments: 'please match me' });
    expect(pendingKeys(ws)).toHaveLength(2);
    laterRuns(ws, bundle);

    const unmatched = ws.mail.sentTo('licensing@example.com').filter((m) => /not matched/.test(m.subject));
    const row: Row = {
      expected: 1,
      delivered: Math.min(unmatched.length, 1),
      duplicated: Math.max(0, unmatched.length - 1),
      lost: (value(ws, 4, TRACKER.completion) === 'Submitted' ? 0 : 1) + pendingKeys(ws).length,
      failures: ws.triggerFailures.length,
    };
    expect(row).toEqual({ expected: 1, delivered: 1, duplicated: 0, lost: 0, failures: 0 });
    expect(unmatched[0].htmlBody).toContain('please match me');
  });
});
