/**
 * RULES R24 (resource links) and R25 (the TL's end-of-day checklist), through the built bundle: the
 * guides appear in the invitation, the reminders and the login/payment alerts when set and not when
 * blank; a bad link is a settings problem naming its key; the checklist shows only the TL's own agents;
 * "Done for today" twice is one row; the licensing summary says who finished; calls do not grow with agents.
 */
import { SHEET, TL_CHECKLIST_SHEET, TRACKER } from '../../src/domain/contract';
import type { SentMail } from '../../workspace/mail';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, editEvent, type EntryBundle } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

const at = (iso: string) => new Date(iso);
/** Tue 12/1 noon Denver; Day 1 is Thu 12/3. */
const SETUP = at('2026-12-01T19:00:00Z');
/** Day 1, 16:20 Denver: TLs wrap up before logging off. */
const DAY1_WRAP_UP = at('2026-12-03T23:20:00Z');
/** Day 1, 17:10 Denver: the nightly sweep. */
const DAY1_EVENING = at('2026-12-04T00:10:00Z');

const LINKS = {
  'AHIP Guide Link': 'https://docs.google.com/document/d/ahip-guide/edit',
  'Aetna Guide Link': 'https://docs.google.com/document/d/aetna-guide/edit',
  'Tech Issues Guide Link': 'https://docs.google.com/document/d/tech-guide/edit',
  'Carrier Cert Completion Form Link': 'https://forms.gle/carrierCert',
  'TBT Form Link': 'https://forms.gle/tbt',
  'Call Cert Form Link': 'https://forms.gle/callCert',
  'Equipment Form Link': 'https://forms.gle/equipment',
  'RTS/No More Forms Form Link': 'https://forms.gle/rts',
};

function cohort(
  agents: number,
  links: Record<string, string> = {},
  tls = 3,
): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: SETUP, mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws, links);
  writeRoster(ws, agents);
  if (tls !== 3) {
    for (let i = 0; i < agents; i++) {
      trackerCell(ws, i + 2, TRACKER.tlName).setValue(`TL ${i % tls}`);
      trackerCell(ws, i + 2, TRACKER.tlEmail).setValue(`tl${i % tls}@example.com`);
    }
    for (let t = 3; t < tls; t++) ws.tracker.addEditor(`tl${t}@example.com`);
  }
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  ws.mail.clearOutbox();
  return { ws, bundle };
}

function trackerCell(ws: Workspace, row: number, header: string) {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet.getRange(row, headers.indexOf(header) + 1);
}

const mailsTo = (ws: Workspace, prefix: string): SentMail[] =>
  ws.mail.outbox.filter((m) => m.subject.startsWith(prefix));
const guideHrefs = (mail: SentMail): string[] =>
  [...(mail.htmlBody ?? '').matchAll(/href="([^"]*-guide[^"]*)"/g)].map((m) => m[1]);

function checklistRows(ws: Workspace): string[][] {
  const sheet = ws.tracker.getSheetByName(TL_CHECKLIST_SHEET.name);
  return sheet ? sheet.getDataRange().getDisplayValues() : [];
}

describe('resource links in the emails agents and TLs act on (built bundle)', () => {
  it('the invitation links the AHIP, Aetna (13 checkmarks) and Tech Issues guides when set; none when blank', () => {
    const withLinks = cohort(2, LINKS);
    expect(String(withLinks.bundle.menuSendInvitation())).toMatch(/2 sent/);
    const [invite] = mailsTo(withLinks.ws, 'ESP Licensing training starts');
    expect(guideHrefs(invite)).toEqual([
      LINKS['AHIP Guide Link'],
      LINKS['Aetna Guide Link'],
      LINKS['Tech Issues Guide Link'],
    ]);
    expect(invite.body).toContain('13 green checkmarks');

    const blank = cohort(2);
    expect(String(blank.bundle.menuSendInvitation())).toMatch(/2 sent/);
    const [plain] = mailsTo(blank.ws, 'ESP Licensing training starts');
    expect(guideHrefs(plain)).toEqual([]);
    expect(plain.body).not.toContain('step-by-step guide');
  });

  it('the evening reminder links the guides when set; a blank one is simply not shown', () => {
    const { ws, bundle } = cohort(3, { 'Aetna Guide Link': LINKS['Aetna Guide Link'] });
    ws.clock.set(DAY1_EVENING);
    bundle.nightlySweep();
    const reminders = mailsTo(ws, 'Reminder: report your ESP progress');
    expect(reminders).toHaveLength(3);
    for (const r of reminders) expect(guideHrefs(r)).toEqual([LINKS['Aetna Guide Link']]);
  });

  it('a login issue alert links the Tech Issues guide and a payment issue alert the AHIP guide; not when blank', () => {
    for (const links of [LINKS, {}]) {
      const { ws, bundle } = cohort(3, links);
      ws.clock.set(at('2026-12-03T17:30:00Z'));
      trackerCell(ws, 2, TRACKER.loginIssue).setValue('Open'); // Agent 0, TL 0
      trackerCell(ws, 3, TRACKER.paymentIssue).setValue('Open'); // Agent 1, TL 1
      ws.clock.set(at('2026-12-03T18:00:00Z'));
      bundle.capCheck();
      const tl0 = mailsTo(ws, 'ESP blockers').find((m) => m.recipients[0] === 'tl0@example.com')!;
      const tl1 = mailsTo(ws, 'ESP blockers').find((m) => m.recipients[0] === 'tl1@example.com')!;
      const [licensing] = mailsTo(ws, 'ESP payment issues');
      const set = links === LINKS;
      expect(guideHrefs(tl0)).toEqual(set ? [LINKS['Tech Issues Guide Link']] : []);
      expect(guideHrefs(tl1)).toEqual(set ? [LINKS['AHIP Guide Link']] : []);
      expect(guideHrefs(licensing)).toEqual(set ? [LINKS['AHIP Guide Link']] : []);
    }
  });

  it('a bad link is a settings problem naming the key and value, and is not shown anywhere', () => {
    const { ws, bundle } = cohort(2, {
      'Tech Issues Guide Link': 'http://docs.google.com/document/d/tech-guide',
      'TBT Form Link': 'https://bit.ly/tbt-form',
    });
    const check = String(bundle.menuCheckSettings());
    expect(check).toContain(
      'Settings "Tech Issues Guide Link": "http://docs.google.com/document/d/tech-guide" is not an https:// address',
    );
    expect(check).toMatch(/Settings "TBT Form Link": "https:\/\/bit\.ly\/tbt-form" points at bit\.ly/);
    bundle.menuSendInvitation();
    const [invite] = mailsTo(ws, 'ESP Licensing training starts');
    expect(invite.htmlBody).not.toContain('tech-guide');
    ws.session.actAs('tl0@example.com');
    const view = bundle.getChecklist();
    expect(view.forms).toEqual([]);
    expect(view.formsNotSet).toContain('TBT form');
  });

  it('set-up adds the eight link keys to Settings, blank, each with its description as the cell note', () => {
    const { ws } = cohort(0);
    const sheet = ws.tracker.sheet(SHEET.settings);
    const rows = sheet.getDataRange().getValues();
    for (const key of Object.keys(LINKS)) {
      const row = rows.findIndex((r) => r[0] === key);
      expect(row).toBeGreaterThan(0);
      expect(rows[row][1]).toBe('');
      expect(sheet.getRange(row + 1, 1).getNote()).toMatch(/https link or (Drive|form) ID/);
    }
  });
});

describe('the TL end-of-day checklist (built bundle)', () => {
  it("lists only the signed-in TL's own agents, with their open items and the five forms", () => {
    const { ws, bundle } = cohort(9, LINKS);
    ws.clock.set(DAY1_WRAP_UP);
    // TL 0 leads agents 0, 3, 6 (rows 2, 5, 8). Agent 3's row was updated today; agent 6 has a login issue.
    const note = trackerCell(ws, 5, TRACKER.attendanceNote);
    note.setValue('Jo Lead - 12/3/2026 - on time all day');
    bundle.onTrackerEdit(editEvent({ range: note, value: 'x', source: ws.tracker }));
    trackerCell(ws, 8, TRACKER.loginIssue).setValue('Open');
    trackerCell(ws, 4, TRACKER.loginIssue).setValue('Open'); // agent 2: TL 2's, not shown to TL 0
    ws.session.actAs('tl0@example.com');
    const view = bundle.getChecklist();
    expect(view.tlName).toBe('TL 0');
    expect(view.agents).toBe(3);
    expect(view.items.map((i) => [i.name, i.kind])).toEqual([
      ['Agent 0', 'not-updated'],
      ['Agent 6', 'login-issue'],
      ['Agent 6', 'not-updated'],
    ]);
    expect(view.forms.map((f) => f.url)).toEqual([
      LINKS['Carrier Cert Completion Form Link'],
      LINKS['TBT Form Link'],
      LINKS['Call Cert Form Link'],
      LINKS['Equipment Form Link'],
      LINKS['RTS/No More Forms Form Link'],
    ]);
    expect(view.formsNotSet).toEqual([]);
    expect(view.done).toBeNull();
    for (const i of [1, 2, 4, 5, 7, 8]) expect(JSON.stringify(view)).not.toContain(`Agent ${i}"`);
  });

  it('"Done for today" twice is one row per TL per day, written as text; the view then shows it done', () => {
    const { ws, bundle } = cohort(6);
    ws.clock.set(DAY1_WRAP_UP);
    ws.session.actAs('TL0@example.com');
    const first = bundle.markDayDone();
    expect(first).toMatchObject({ today: '12/3/2026', doneAt: '12/3/2026 16:20', created: true });
    expect(first.openItems).toBe('2 not updated today');
    ws.clock.set(at('2026-12-03T23:25:00Z'));
    const second = bundle.markDayDone();
    expect(second).toMatchObject({ doneAt: '12/3/2026 16:25', created: false });
    ws.session.actAs('tl1@example.com');
    bundle.markDayDone();
    const rows = checklistRows(ws);
    expect(rows[0]).toEqual([...TL_CHECKLIST_SHEET.columns]);
    expect(rows.slice(1)).toEqual([
      ['12/3/2026', 'TL 0', 'tl0@example.com', 'Test Cohort', '12/3/2026 16:25', '2 not updated today'],
      ['12/3/2026', 'TL 1', 'tl1@example.com', 'Test Cohort', '12/3/2026 16:25', '2 not updated today'],
    ]);
    // Text, never parsed into a date by Sheets (RULES R7).
    const dateCell = ws.tracker.getSheetByName(TL_CHECKLIST_SHEET.name)!.getRange(2, 1).getValue();
    expect(typeof dateCell).toBe('string');
    ws.session.actAs('tl0@example.com');
    expect(bundle.getChecklist().done).toEqual({
      doneAt: '12/3/2026 16:25',
      openItems: '2 not updated today',
    });
    // The next day is a new row.
    ws.clock.set(at('2026-12-04T23:20:00Z'));
    expect(bundle.getChecklist().done).toBeNull();
    bundle.markDayDone();
    expect(checklistRows(ws)).toHaveLength(4);
  });

  it('the licensing summary lists which TLs finished their checklist and which did not', () => {
    const { ws, bundle } = cohort(9);
    ws.clock.set(DAY1_WRAP_UP);
    ws.session.actAs('tl1@example.com');
    bundle.markDayDone();
    ws.clock.set(DAY1_EVENING);
    bundle.nightlySweep();
    const [summary] = mailsTo(ws, 'ESP licensing summary');
    const notDone = summary.body
      .split('END-OF-DAY CHECKLIST NOT DONE (2)')[1]
      ?.split('END-OF-DAY CHECKLIST DONE')[0];
    expect(notDone).toContain('TL 0 (tl0@example.com) - no "Done for today" yet');
    expect(notDone).toContain('TL 2 (tl2@example.com)');
    expect(notDone).not.toContain('TL 1');
    expect(summary.body).toContain('END-OF-DAY CHECKLIST DONE (1)');
    expect(summary.body).toContain('TL 1 - done at 12/3/2026 16:20; open items then: 3 not updated today');
  });

  it('calls do not grow with agents: the checklist, Done for today and the sweep cost the same at 9 and 90 agents', () => {
    const measure = (agents: number, tls: number) => {
      const { ws, bundle } = cohort(agents, LINKS, tls);
      ws.clock.set(DAY1_WRAP_UP);
      ws.session.actAs('tl0@example.com');
      ws.meter.reset();
      bundle.getChecklist();
      bundle.markDayDone();
      const page = ws.meter.total();
      for (let t = 1; t < tls; t++) {
        ws.session.actAs(`tl${t}@example.com`);
        bundle.markDayDone();
      }
      ws.clock.set(DAY1_EVENING);
      ws.meter.reset();
      bundle.nightlySweep();
      const sheets = ws.meter.total('Range') + ws.meter.total('Sheet') + ws.meter.total('Spreadsheet');
      return { page, sheets };
    };
    const small = measure(9, 3);
    const large = measure(90, 30);
    console.log(
      `checklist + Done for today: ${small.page} / ${large.page} calls; nightly sweep Sheets calls: ${small.sheets} / ${large.sheets} (9 agents, 3 TLs / 90 agents, 30 TLs)`,
    );
    expect(large.page).toBe(small.page);
    expect(large.sheets).toBe(small.sheets);
  });
});
