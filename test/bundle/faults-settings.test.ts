/**
 * Fault matrix, Settings rows (SPEC behaviour 13 "Settings are checked, not guessed"; issue 10 item 3),
 * through the built bundle. Each row counts the alerts expected and delivered and the data lost:
 *  - a misspelt Time Zone used to fall back to GMT silently; now runs that need the zone stop, naming it;
 *  - one broken address in an address list used to drop the whole list (the alert went to nobody, no
 *    Alert Log row); now the good addresses still receive and the bad one is named;
 *  - "two" / "-5" in a number key used to be defaulted with nobody told; now it is named;
 *  - a Holidays list with one bad entry used to lose the good dates too; now they are kept;
 *  - `Check settings` shows every problem, Drive IDs included.
 * Problems reach the licensing team in ONE email per day (deduped in the Alert Log).
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle, editEvent } from '../helpers/bundle';
import { cohortSettings, setSettings, writeRoster } from '../helpers/workbook';

const at = (iso: string) => new Date(iso);
const DAY0 = at('2026-12-01T19:00:00Z'); // Tue 12/1 noon Denver
const DAY1_10AM = at('2026-12-03T17:00:00Z');
const DAY1_EVENING = at('2026-12-04T00:10:00Z'); // Thu 12/3 17:10 Denver

interface MatrixRow {
  fault: string;
  alertsExpected: number;
  alertsDelivered: number;
  dataLost: number;
}
const matrix: MatrixRow[] = [];

function cohort(
  extra: Record<string, string | number | boolean> = {},
  agents = 4,
): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  setSettings(ws, extra);
  ws.mail.clearOutbox();
  return { ws, bundle };
}

function trackerCell(ws: Workspace, row: number, header: string) {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet.getRange(row, headers.indexOf(header) + 1);
}

/** Alert Log rows as records by header. */
function alertLog(ws: Workspace): Record<string, string>[] {
  const [headers, ...rows] = ws.tracker.sheet(SHEET.alertLog).getDataRange().getDisplayValues();
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

function settingsEmails(ws: Workspace) {
  return ws.mail.outbox.filter((m) => m.subject.startsWith('ESP settings:'));
}

/** Every non-blank value of the Settings and tracker sheets: what must never be lost or rewritten. */
function userData(ws: Workspace): string[] {
  return [SHEET.settings, SHEET.tracker].flatMap((name) =>
    ws.tracker
      .sheet(name)
      .getDataRange()
      .getDisplayValues()
      .flatMap((row, r) => row.map((v, c) => (v === '' ? '' : `${name}!${r + 1}:${c + 1}=${v}`)))
      .filter(Boolean),
  );
}

function lost(before: string[], after: string[]): number {
  const now = new Set(after);
  return before.filter((v) => !now.has(v)).length;
}

function thrownBy(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '(nothing thrown)';
}

describe('fault matrix: Settings (built bundle)', () => {
  afterAll(() => {
    // Every row: every expected alert delivered, nothing lost.
    for (const row of matrix) {
      expect(row).toEqual({ ...row, alertsDelivered: row.alertsExpected, dataLost: 0 });
    }
  });

  it('a misspelt Time Zone stops the sweep with the key and value named (no silent GMT) and tells the licensing team once', () => {
    const { ws, bundle } = cohort({ 'Time Zone': 'America/Denvr' });
    const before = userData(ws);
    ws.clock.set(DAY1_EVENING);
    const message = thrownBy(() => bundle.nightlySweep());
    expect(message).toMatch(/Settings "Time Zone": "America\/Denvr" is not a time zone id/);
    // Nothing was computed or sent in GMT: the only email is the settings alert.
    expect(ws.mail.outbox.map((m) => m.subject)).toEqual([expect.stringMatching(/^ESP settings: 1 problem/)]);
    const alert = settingsEmails(ws)[0];
    expect(alert.recipients).toEqual(['licensing@example.com']);
    expect(alert.htmlBody).toContain('America/Denvr');
    // The hourly CAP check the same day stops too, and sends no second settings email.
    ws.clock.advanceHours(1);
    expect(thrownBy(() => bundle.capCheck())).toMatch(/"Time Zone": "America\/Denvr"/);
    expect(settingsEmails(ws)).toHaveLength(1);
    expect(alertLog(ws).filter((r) => r.Kind === 'settings-problems')).toHaveLength(1);
    // The next day: one more.
    ws.clock.set(at('2026-12-04T23:10:00Z'));
    thrownBy(() => bundle.nightlySweep());
    expect(settingsEmails(ws)).toHaveLength(2);
    const after = userData(ws);
    expect(after).toContain(before.find((v) => v.endsWith('=America/Denvr')));
    matrix.push({
      fault: 'bad Time Zone',
      alertsExpected: 2,
      alertsDelivered: settingsEmails(ws).length,
      dataLost: lost(before, after),
    });
  });

  it('a correct Time Zone in another case ("america/denver") is named too: Apps Script ids are case-sensitive', () => {
    const { bundle } = cohort({ 'Time Zone': 'america/denver' });
    const text = String(bundle.menuCheckSettings());
    expect(text).toMatch(
      /"Time Zone": "america\/denver" is not spelt as the time zone database spells it: write "America\/Denver"/,
    );
  });

  it('ESP Manager Emails with one broken address: the MIA alert still reaches the good manager; the bad one is named', () => {
    const { ws, bundle } = cohort({ 'ESP Manager Emails': 'esp.manager@example.com, boss@@example' });
    const before = userData(ws);
    ws.clock.set(DAY1_10AM);
    const present = ['OID1000', 'OID1001', 'OID1002'];
    bundle.saveAttendance('D1 Before Break 1', present);
    ws.clock.set(at('2026-12-03T17:15:00Z'));
    bundle.saveAttendance('D1 After Break 1', present);
    const mia = ws.mail.outbox.filter((m) => m.subject.startsWith('MIA'));
    expect(mia).toHaveLength(1);
    expect(mia[0].recipients).toEqual(['esp.manager@example.com']);
    expect(
      alertLog(ws).filter((r) => r.Kind.startsWith('mia') || r.Subject.startsWith('MIA')),
    ).not.toHaveLength(0);
    const alert = settingsEmails(ws);
    expect(alert).toHaveLength(1);
    expect(alert[0].htmlBody).toMatch(/ESP Manager Emails.*boss@@example.*is not a valid email address/);
    matrix.push({
      fault: 'ESP Manager Emails: one bad address',
      alertsExpected: 2, // the MIA alert and the settings alert
      alertsDelivered: mia.length + alert.length,
      dataLost: lost(before, userData(ws)),
    });
  });

  it('Ops Management Emails with one broken address: the Sales Inhibitor alert still reaches Ops', () => {
    const { ws, bundle } = cohort({ 'Ops Management Emails': 'ops@example.com; ops team' });
    const before = userData(ws);
    ws.clock.set(DAY1_10AM);
    const cell = trackerCell(ws, 2, TRACKER.salesInhibitor);
    cell.setValue('Release Needed');
    bundle.onTrackerEdit(editEvent({ range: cell, value: 'Release Needed', source: ws.tracker }));
    const inhibitor = ws.mail.outbox.filter((m) => m.subject.startsWith('Sales Inhibitor'));
    expect(inhibitor.map((m) => m.recipients)).toEqual([['ops@example.com']]);
    const alert = settingsEmails(ws);
    expect(alert).toHaveLength(1);
    expect(alert[0].htmlBody).toMatch(/Ops Management Emails.*&quot;team&quot;.*not a valid email address/);
    expect(alert[0].htmlBody).toMatch(/&quot;ops&quot;/);
    matrix.push({
      fault: 'Ops Management Emails: one bad address',
      alertsExpected: 2,
      alertsDelivered: inhibitor.length + alert.length,
      dataLost: lost(before, userData(ws)),
    });
  });

  it('PM Emails with one broken address: "ready for production" still reaches the good PM', () => {
    const { ws, bundle } = cohort({ 'PM Emails': 'pm@example,pm@example.com' });
    const before = userData(ws);
    for (const header of [
      TRACKER.ahipAetnaStatus,
      TRACKER.tbtStatus,
      TRACKER.callCertStatus,
      TRACKER.equipmentStatus,
      TRACKER.rtsStatus,
    ]) {
      const cell = trackerCell(ws, 2, header);
      cell.setValue('Complete');
      bundle.onTrackerEdit(editEvent({ range: cell, value: 'Complete', source: ws.tracker }));
    }
    const ready = ws.mail.outbox.filter((m) => m.subject.startsWith('Ready for production'));
    expect(ready.map((m) => m.recipients)).toEqual([['pm@example.com']]);
    const alert = settingsEmails(ws);
    expect(alert).toHaveLength(1);
    expect(alert[0].htmlBody).toMatch(/PM Emails.*pm@example&quot; is not a valid email address/);
    matrix.push({
      fault: 'PM Emails: one bad address',
      alertsExpected: 2,
      alertsDelivered: ready.length + alert.length,
      dataLost: lost(before, userData(ws)),
    });
  });

  it('HR Emails with one broken address: the Final CAP alert still reaches HR', () => {
    const { ws, bundle } = cohort({ 'HR Emails': 'hr@example.com, hr@', 'Dry Run': false }, 2);
    const before = userData(ws);
    ws.clock.set(at('2026-12-08T19:00:00Z')); // Day 4 midday: the window ends
    bundle.capCheck();
    const finalCaps = ws.mail.outbox.filter((m) => m.subject.startsWith('Final CAP'));
    expect(finalCaps).toHaveLength(2);
    for (const m of finalCaps) expect(m.recipients).toContain('hr@example.com');
    const alert = settingsEmails(ws);
    expect(alert).toHaveLength(1);
    expect(alert[0].htmlBody).toMatch(/HR Emails.*hr@&quot; is not a valid email address/);
    matrix.push({
      fault: 'HR Emails: one bad address',
      alertsExpected: 3,
      alertsDelivered: finalCaps.length + alert.length,
      dataLost: lost(before, userData(ws)),
    });
  });

  it('Licensing Team Email with one broken address: the settings alert and the summary reach the good address', () => {
    const { ws, bundle } = cohort({ 'Licensing Team Email': 'licensing@example.com, licensing@example' });
    const before = userData(ws);
    ws.clock.set(DAY1_EVENING);
    bundle.nightlySweep();
    const alert = settingsEmails(ws);
    expect(alert.map((m) => m.recipients)).toEqual([['licensing@example.com']]);
    expect(alert[0].htmlBody).toMatch(
      /Licensing Team Email.*licensing@example&quot; is not a valid email address/,
    );
    const toLicensing = ws.mail.outbox.filter((m) => m.recipients.includes('licensing@example.com'));
    expect(toLicensing.length).toBeGreaterThanOrEqual(2); // the settings alert and the sweep summary
    matrix.push({
      fault: 'Licensing Team Email: one bad address',
      alertsExpected: 1,
      alertsDelivered: alert.length,
      dataLost: lost(before, userData(ws)),
    });
  });

  it('with no valid Licensing Team Email at all, the settings alert goes to the account that runs the triggers', () => {
    const { ws, bundle } = cohort({ 'Licensing Team Email': 'licensing team' });
    ws.clock.set(DAY1_EVENING);
    bundle.nightlySweep();
    const alert = settingsEmails(ws);
    expect(alert).toHaveLength(1);
    expect(alert[0].recipients).toEqual([ws.session.getEffectiveUser().getEmail()]);
    expect(alert[0].htmlBody).toMatch(/has no valid address/);
  });

  it('"two" and "-5" in number keys are named by key and value (the default is used, said so), not silently defaulted', () => {
    const { ws, bundle } = cohort({ 'MIA Consecutive Misses': 'two', 'Final CAP Extension Hours': '-5' });
    const before = userData(ws);
    ws.clock.set(DAY1_EVENING);
    bundle.nightlySweep();
    const alert = settingsEmails(ws);
    expect(alert).toHaveLength(1);
    expect(alert[0].subject).toMatch(/^ESP settings: 2 problems/);
    expect(alert[0].htmlBody).toMatch(
      /MIA Consecutive Misses&quot;: &quot;two&quot; is not a whole number from 1 to 24; 2 \(the default\) is used until it is fixed/,
    );
    expect(alert[0].htmlBody).toMatch(
      /Final CAP Extension Hours&quot;: &quot;-5&quot; is not a number from 1 to 40/,
    );
    const check = String(bundle.menuCheckSettings());
    expect(check).toMatch(/"MIA Consecutive Misses": "two"/);
    expect(check).toMatch(/"Final CAP Extension Hours": "-5"/);
    const after = userData(ws);
    expect(after).toEqual(
      expect.arrayContaining([expect.stringMatching(/=two$/), expect.stringMatching(/=-5$/)]),
    );
    matrix.push({
      fault: 'number keys "two" / "-5"',
      alertsExpected: 1,
      alertsDelivered: alert.length,
      dataLost: lost(before, after),
    });
  });

  it('Holidays with one bad entry keeps the good dates: Friday 12/4 stays a holiday and the bad entry is named', () => {
    const { ws, bundle } = cohort({ Holidays: '12/4/2026, 12/32/2026' });
    const before = userData(ws);
    ws.clock.set(at('2026-12-05T00:10:00Z')); // Fri 12/4 17:10 Denver
    expect(String(bundle.nightlySweep())).toMatch(/not a working day/);
    const digests = ws.mail.outbox.filter((m) => !m.subject.startsWith('ESP settings:'));
    expect(digests).toHaveLength(0);
    const alert = settingsEmails(ws);
    expect(alert).toHaveLength(1);
    expect(alert[0].htmlBody).toMatch(/Holidays&quot;: &quot;12\/32\/2026&quot; is not a real calendar date/);
    expect(String(bundle.menuCheckSettings())).toMatch(/"Holidays": "12\/32\/2026"/);
    matrix.push({
      fault: 'Holidays: one bad entry',
      alertsExpected: 1,
      alertsDelivered: alert.length,
      dataLost: lost(before, userData(ws)),
    });
  });

  it('Check settings names every problem by key and value, Schedule by row, and the Drive IDs of the wrong kind', () => {
    const { ws, bundle } = cohort();
    const folderless = ws.spreadsheets.create('Budget 2026');
    const copyOfTracker = ws.drive.getFileById(ws.tracker.getId()).makeCopy('Copy of ESP Tracker');
    setSettings(ws, {
      'Progress Report Template ID': copyOfTracker.getId(),
      'Progress Report ID': ws.tracker.getId(),
      'Leadership Drive Folder ID': folderless.getId(),
      'OT Sessions': 'three',
      'Dry Run': 'yes please',
      'Day Start': '25:00',
    });
    const schedule = ws.tracker.sheet(SHEET.schedule);
    schedule.getRange(3, 2).setValue('Day 9');
    const before = userData(ws);
    const sent = ws.mail.outbox.length;
    const text = String(bundle.menuCheckSettings());
    expect(text).toContain(`"Progress Report ID": "${ws.tracker.getId()}" is this tracker itself`);
    expect(text).toContain(
      `"Progress Report Template ID": "${copyOfTracker.getId()}" ("Copy of ESP Tracker") has no "Progress" sheet`,
    );
    expect(text).toMatch(
      /has the tracker's own sheets \(ESP Tracker, .*Settings\): it looks like a copy of the tracker/,
    );
    expect(text).toContain(
      `"Leadership Drive Folder ID": "${folderless.getId()}" is a file ("Budget 2026"), not a folder`,
    );
    expect(text).toMatch(/"OT Sessions": "three" is not a whole number from 1 to 10/);
    expect(text).toMatch(/"Dry Run": "yes please" is not TRUE or FALSE; TRUE \(the safe default\)/);
    expect(text).toMatch(/"Day Start": "25:00" is not a time of day/);
    expect(text).toMatch(/Schedule row 3, "Due Day": "Day 9" is not a whole number 1-4/);
    // The dialog showed it; the menu itself sends nothing and changes nothing.
    expect(ws.ui.dialogs[ws.ui.dialogs.length - 1]).toMatchObject({ kind: 'alert', title: 'Check settings' });
    expect(ws.mail.outbox).toHaveLength(sent);
    expect(lost(before, userData(ws))).toBe(0);
  });

  it('Check settings on good settings says so and names what is still blank', () => {
    const { bundle } = cohort({ 'Completion Form URL': '' });
    const text = String(bundle.menuCheckSettings());
    expect(text).toMatch(/^Settings and Schedule: every value is usable\./);
    expect(text).toMatch(/Not filled in yet: .*Leadership Drive Folder ID/);
  });

  it('Dry Run previews the settings email; turning Dry Run off the same day sends it, once', () => {
    const { ws, bundle } = cohort({ 'OT Sessions': 'two', 'Dry Run': true });
    ws.clock.set(DAY1_10AM);
    bundle.capCheck();
    expect(settingsEmails(ws)).toHaveLength(0);
    const rows = () => alertLog(ws).filter((r) => r.Kind === 'settings-problems');
    expect(rows().map((r) => r.Status)).toEqual(['dry-run']);
    setSettings(ws, { 'Dry Run': false });
    ws.clock.advanceHours(1);
    bundle.capCheck();
    ws.clock.advanceHours(1);
    bundle.capCheck();
    expect(settingsEmails(ws)).toHaveLength(1);
    expect(rows().map((r) => r.Status)).toEqual(['dry-run', 'sent']);
  });

  it('later runs the same day cost a few calls more, not a Mailer pass each, and no more with more agents', () => {
    const calls = (extra: Record<string, string>, agents: number) => {
      const { ws, bundle } = cohort(extra, agents);
      ws.clock.set(DAY1_10AM);
      bundle.capCheck();
      ws.clock.advanceHours(1);
      bundle.capCheck();
      ws.clock.advanceHours(1);
      ws.meter.reset();
      bundle.capCheck();
      return ws.meter.total();
    };
    const bad = { 'HR Emails': 'hr@example.com, hr@' };
    const good = calls({}, 4);
    const withIssues = calls(bad, 4);
    // Per loadConfig: 2 Properties calls (the day's marker) and at most 1 formatDate (which day); capCheck
    // loads the config twice, and the Mailer keeps an outbox once any email has gone (about 5 calls).
    // A Mailer pass per loadConfig would cost 40+.
    expect(withIssues - good).toBeLessThanOrEqual(12);
    expect(calls(bad, 40)).toBe(withIssues);
  });

  it('good settings send no settings email', () => {
    const { ws, bundle } = cohort();
    ws.clock.set(DAY1_EVENING);
    bundle.nightlySweep();
    expect(settingsEmails(ws)).toHaveLength(0);
  });
});
