/**
 * Issues 9/10 — triggers, the completion form and the edit path, through the built bundle on a
 * workspace where installable triggers belong to their creator and form submissions fire only the
 * triggers Google would fire. Each test names the defect it proves fixed.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { cohortSettings, setSettings, writeRoster } from '../helpers/workbook';

const DAY0 = new Date('2026-12-01T19:00:00Z'); // Tue 12/1 noon, Denver
const TL1 = 'lead@example.com';
const TL2 = 'tl2@example.com';

function cohort(agents = 3): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500, user: TL1 });
  // The second TL opens the tracker, so it is shared with them (the Sheets API checks Drive access).
  ws.tracker.addEditor(TL2);
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  return { ws, bundle };
}

/** The team's real set-up: the completion form writes to a responses spreadsheet of its own. */
function completionForm(ws: Workspace, questions = ['cXp Email or OID', 'Comments']) {
  const responses = ws.spreadsheets.create('Carrier Cert Completion Form (Responses)');
  return ws.forms.createForm('Carrier Cert Completion Form', questions, { destinationId: responses.getId() });
}

function col(ws: Workspace, header: string): number {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(header) + 1;
}

function cell(ws: Workspace, row: number, header: string) {
  return ws.tracker.sheet(SHEET.tracker).getRange(row, col(ws, header));
}

describe('a second TL and the project’s triggers', () => {
  it('a second TL’s Install creates no duplicates and names who runs them (was: every handler ran twice)', () => {
    const { ws, bundle } = cohort();
    const form = completionForm(ws);
    setSettings(ws, { 'Completion Form URL': ws.forms.openById(form.id).getEditUrl() });
    expect(String(bundle.installTriggers())).toMatch(/Installed/);
    const before = ws.script.list().length;

    ws.session.actAs(TL2);
    const second = String(bundle.installTriggers());
    expect(second).toContain(`already installed by ${TL1}`);
    expect(second).toContain(`run as ${TL1}`);
    expect(ws.script.list()).toHaveLength(before);

    // An edit fires each handler once.
    const fired = ws.userEdit(
      bundle,
      ws.tracker,
      SHEET.tracker,
      2,
      col(ws, TRACKER.salesInhibitor),
      'Release needed',
    );
    expect(fired).toEqual(['onTrackerEdit']);
    expect(ws.mail.sentTo('ops@example.com')).toHaveLength(1);
    expect(ws.triggerFailures).toEqual([]);
  });

  it('a second TL’s Remove says whose triggers it could not remove (was: "Removed 5" while they kept running)', () => {
    const { ws, bundle } = cohort();
    bundle.installTriggers();
    const installed = ws.script.list().length;
    ws.session.actAs(TL2);
    const message = String(bundle.removeTriggers());
    expect(message).toMatch(/You have no triggers of this project: nothing was removed/);
    expect(message).toContain(`installed by ${TL1}`);
    expect(message).toContain('keep running');
    expect(ws.script.list()).toHaveLength(installed);

    ws.session.actAs(TL1);
    expect(String(bundle.removeTriggers())).toMatch(
      new RegExp(`Removed ${installed} trigger\\(s\\) of yours`),
    );
    expect(ws.script.list()).toHaveLength(0);
    // Now the second TL may take over.
    ws.session.actAs(TL2);
    expect(String(bundle.installTriggers())).toMatch(/Installed \(they run as you/);
    expect(new Set(ws.script.list().map((r) => r.installedBy))).toEqual(new Set([TL2]));
  });

  it('a second TL can take over only once the first TL’s hourly trigger has been silent for 3 hours', () => {
    const { ws, bundle } = cohort();
    bundle.installTriggers();
    const cap = ws.script.list().find((r) => r.handler === 'capCheck')!;
    const hour = 3_600_000;
    for (let h = 1; h <= 5; h++) {
      ws.clock.set(new Date(ws.clock.nowMs() + hour));
      ws.runTrigger(bundle, cap); // TL1's trigger keeps beating
    }
    ws.session.actAs(TL2);
    bundle.capCheck(); // a menu run by TL2 is no heartbeat of TL1's and no takeover either
    expect(String(bundle.installTriggers())).toContain(`already installed by ${TL1}`);
    // TL1 leaves: their triggers stop running (Google disables them with the account).
    ws.session.actAs(TL1);
    ws.script.clearTriggers();
    ws.session.actAs(TL2);
    ws.clock.set(new Date(ws.clock.nowMs() + 3 * hour + 1));
    const message = String(bundle.installTriggers());
    expect(message).toContain(`installed by ${TL1}`);
    expect(message).toContain('have not run for over 3 hours, so you now run them');
    expect(new Set(ws.script.list().map((r) => r.installedBy))).toEqual(new Set([TL2]));
  });

  it('an installable trigger runs as its creator: the alert goes out on the installer’s quota', () => {
    const { ws, bundle } = cohort();
    bundle.installTriggers();
    ws.session.actAs(TL2);
    const seen: string[] = [];
    ws.meter.onCall('MailApp', 'sendEmail', () => seen.push(ws.session.getEffectiveUser().getEmail()));
    ws.userEdit(bundle, ws.tracker, SHEET.tracker, 2, col(ws, TRACKER.salesInhibitor), 'No health license');
    expect(seen).toEqual([TL1]);
  });
});

describe('the completion form', () => {
  it('a submission to the team’s form (which writes to its own sheet) reaches the tracker (was: never)', () => {
    const { ws, bundle } = cohort();
    const form = completionForm(ws);
    setSettings(ws, { 'Completion Form URL': ws.forms.openById(form.id).getEditUrl() });
    expect(String(bundle.installTriggers())).toContain(
      'Completion form: on every submission of "Carrier Cert Completion Form"',
    );
    const fired = ws.submitForm(bundle, form.id, {
      'cXp Email or OID': 'agent1@cxp.example.com',
      Comments: '13 checks',
    });
    expect(fired).toEqual(['onCompletionFormSubmit']);
    expect(cell(ws, 3, TRACKER.completion).getValue()).toBe('Submitted');
    expect(ws.triggerFailures).toEqual([]);
  });

  it('a published …/forms/d/e/…/viewform link is refused with a clear message naming the setting', () => {
    const { ws, bundle } = cohort();
    const form = completionForm(ws);
    const published = ws.forms.openById(form.id).getPublishedUrl();
    setSettings(ws, { 'Completion Form URL': published });
    const message = String(bundle.installTriggers());
    expect(message).toContain('Settings › Completion Form URL');
    expect(message).toContain(published);
    expect(message).toContain('does not carry the form');
    expect(ws.script.list().some((r) => r.handler === 'onCompletionFormSubmit')).toBe(false);
  });

  it('matches only on email/OID answers: an agent’s address in a comment matches nobody (was: matched)', () => {
    const { ws, bundle } = cohort();
    const form = completionForm(ws);
    setSettings(ws, { 'Completion Form URL': ws.forms.openById(form.id).getEditUrl() });
    bundle.installTriggers();
    ws.mail.clearOutbox();
    ws.submitForm(bundle, form.id, {
      'cXp Email or OID': 'someone.else@example.org',
      Comments: 'My friend agent1@cxp.example.com told me about this',
    });
    expect(cell(ws, 3, TRACKER.completion).getValue()).not.toBe('Submitted');
    const unmatched = ws.mail.sentTo('licensing@example.com');
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0].subject).toMatch(/not matched/);
  });
});

describe('nothing depends on one trigger firing', () => {
  it('a completion whose form trigger did not run is recorded by the hourly check, and its alert sent once', () => {
    const { ws, bundle } = cohort();
    const form = completionForm(ws);
    setSettings(ws, { 'Completion Form URL': ws.forms.openById(form.id).getEditUrl() });
    bundle.installTriggers();
    const formTrigger = ws.script
      .getProjectTriggers()
      .find((t) => t.getHandlerFunction() === 'onCompletionFormSubmit')!;
    ws.script.deleteTrigger(formTrigger); // e.g. removed by hand in the Apps Script dashboard
    ws.mail.clearOutbox();
    ws.clock.set(new Date(ws.clock.nowMs() + 60_000));
    expect(ws.submitForm(bundle, form.id, { 'cXp Email or OID': 'OID1002' })).toEqual([]);
    ws.submitForm(bundle, form.id, { 'cXp Email or OID': 'OID9999' });
    const cap = ws.script.list().find((r) => r.handler === 'capCheck')!;
    ws.clock.set(new Date(ws.clock.nowMs() + 3_600_000));
    ws.runTrigger(bundle, cap);
    ws.clock.set(new Date(ws.clock.nowMs() + 3_600_000));
    ws.runTrigger(bundle, cap);
    expect(cell(ws, 4, TRACKER.completion).getValue()).toBe('Submitted');
    expect(ws.mail.sentTo('licensing@example.com').filter((m) => /not matched/.test(m.subject))).toHaveLength(
      1,
    );
    expect(ws.triggerFailures).toEqual([]);
  });
});

describe('the edit path', () => {
  it('an edit outside the tracker’s agent rows takes no lock and loads no config (was: waited 30 s for the lock)', () => {
    const { ws, bundle } = cohort();
    bundle.installTriggers();
    ws.locks.holdExternally('document', 5 * 60_000);
    const t0 = ws.clock.nowMs();
    const reads = ws.meter.count('SpreadsheetApp.getSheetByName');
    ws.userEdit(bundle, ws.tracker, SHEET.settings, 3, 2, 'x');
    ws.userEdit(bundle, ws.tracker, SHEET.tracker, 2, col(ws, TRACKER.lastUpdated), 'x');
    expect(ws.locks.stats().contentions).toBe(0);
    expect(ws.clock.nowMs()).toBe(t0);
    expect(ws.meter.count('SpreadsheetApp.getSheetByName')).toBe(reads);
    expect(ws.triggerFailures).toEqual([]);
  });

  it('a sales inhibitor set by a script (no edit trigger) is still alerted once by the hourly check', () => {
    const { ws, bundle } = cohort();
    bundle.installTriggers();
    cell(ws, 4, TRACKER.salesInhibitor).setValue('Background-check concern');
    ws.mail.clearOutbox();
    const cap = ws.script.list().find((r) => r.handler === 'capCheck')!;
    ws.runTrigger(bundle, cap);
    ws.runTrigger(bundle, cap);
    expect(ws.mail.sentTo('ops@example.com')).toHaveLength(1);
    expect(ws.triggerFailures).toEqual([]);
  });
});
