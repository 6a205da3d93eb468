/**
 * The TL's screens in headless Chromium, backed by the built bundle: ticking agents writes exactly those
 * checks in one batched write, the MIA threshold shows, HTML in a name renders as text, status filters.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { BUILD_DIR, bundledWorkspace, type EntryBundle, editEvent } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';
import { launch, type Served, serve } from '../../workspace/browserHarness';

const SCREENS = join(__dirname, '..', '..', 'out', 'screens');
const XSS = '<img src=x onerror=alert(1)>';
// Day 1, 10:00 Denver: "D1 Before Break 1" is the current check.
const DAY1_BREAK1 = new Date('2026-12-03T17:00:00Z');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => browser?.close());

interface Setup {
  ws: Workspace;
  bundle: EntryBundle;
  served: Served;
  page: Page;
  dialogs: string[];
}

async function open(file: string, agents = 6): Promise<Setup> {
  const { ws, bundle } = bundledWorkspace({ now: DAY1_BREAK1 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws, { 'Dry Run': false });
  writeRoster(ws, agents);
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  sheet.getRange(4, headers.indexOf(TRACKER.agentName) + 1).setValue(XSS);
  bundle.menuSetupWorkbook();
  const served = await serve(ws, bundle, BUILD_DIR);
  const page = await browser.newPage({ viewport: { width: 300, height: 700 } });
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`${served.url}/${file}`);
  return { ws, bundle, served, page, dialogs };
}

/** Waits until `selector` matches exactly `n` elements (the page renders after its server call). */
function count(page: Page, selector: string, n: number) {
  return page.waitForFunction(`document.querySelectorAll(${JSON.stringify(selector)}).length === ${n}`);
}

function statusMatches(page: Page, pattern: string) {
  return page.waitForFunction(
    `new RegExp(${JSON.stringify(pattern)}).test(document.getElementById('status').textContent)`,
  );
}

function column(ws: Workspace, header: string): unknown[] {
  const sheet = ws.tracker.sheet(SHEET.attendance);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return sheet
    .getRange(2, headers.indexOf(header) + 1, sheet.getLastRow() - 1, 1)
    .getValues()
    .map((r) => r[0]);
}

describe('attendance sidebar in Chromium', () => {
  it('saves exactly the ticked agents in one batched write and shows MIA at the threshold', async () => {
    const s = await open('AttendanceSidebar.html');
    try {
      await s.page.waitForSelector('#agents li');
      expect(await s.page.inputValue('#check')).toBe('D1 Before Break 1');
      await s.page.check('input[value="all"]');
      await count(s.page, '#agents li', 6);
      await s.page.click('#clear-all');
      for (const oid of ['OID1000', 'OID1002', 'OID1004'])
        await s.page.check(`#agents input[value="${oid}"]`);
      s.ws.meter.reset();
      await s.page.click('#save');
      await statusMatches(s.page, 'Saved D1 Before Break 1');
      expect(s.ws.meter.count('Range.setValues')).toBe(1);
      expect(column(s.ws, 'D1 Before Break 1')).toEqual([true, false, true, false, true, false]);
      // Three agents missed it: one more miss makes them MIA.
      await count(s.page, '#agents .one-miss', 3);
      await s.page.screenshot({ path: join(SCREENS, 'attendance-one-miss.png'), fullPage: true });

      // After Break 1: agent 5 is missing again → MIA.
      s.ws.clock.set(new Date('2026-12-03T17:15:00Z'));
      await s.page.selectOption('#check', 'D1 After Break 1');
      await count(s.page, '#agents li', 6);
      await s.page.click('#tick-all');
      await s.page.uncheck('#agents input[value="OID1005"]');
      await s.page.click('#save');
      await statusMatches(s.page, 'Now MIA');
      await count(s.page, '#agents .mia', 1);
      const miaRow = await s.page.textContent('#agents li:has(.mia) label');
      expect(miaRow).toBe('Agent 5');
      expect(s.ws.mail.outbox.map((m) => m.subject)).toEqual([expect.stringMatching(/^MIA: Agent 5/)]);
      await s.page.screenshot({ path: join(SCREENS, 'attendance-mia.png'), fullPage: true });
    } finally {
      await s.page.close();
      await s.served.close();
    }
  });

  it('excuses an agent with a reason (neither present nor missed) and shows an MIA agent as returned', async () => {
    const s = await open('AttendanceSidebar.html');
    try {
      await s.page.check('input[value="all"]');
      await count(s.page, '#agents li', 6);
      // Agent 5 misses D1 Before Break 1 and D1 After Break 1: MIA.
      for (const [iso, check] of [
        ['2026-12-03T17:00:00Z', 'D1 Before Break 1'],
        ['2026-12-03T17:15:00Z', 'D1 After Break 1'],
      ]) {
        s.ws.clock.set(new Date(iso));
        await s.page.selectOption('#check', check);
        await s.page.waitForFunction(`document.getElementById('save').disabled === false`);
        await s.page.click('#tick-all');
        await s.page.uncheck('#agents input[value="OID1005"]');
        await s.page.click('#save');
        await statusMatches(s.page, `Saved ${check}`);
      }
      await count(s.page, '#agents .mia', 1);

      // D1 Before Lunch: Agent 5 is back → returned, the ESP manager told once.
      s.ws.clock.set(new Date('2026-12-03T19:00:00Z'));
      await s.page.selectOption('#check', 'D1 Before Lunch');
      await s.page.waitForFunction(`document.getElementById('save').disabled === false`);
      await s.page.click('#tick-all');
      s.ws.mail.clearOutbox();
      await s.page.click('#save');
      await statusMatches(s.page, 'Returned: Agent 5 \\(ESP manager told\\)');
      expect(s.ws.mail.outbox.map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Returned: Agent 5 \(OID1005\) is no longer MIA/),
      ]);

      // D1 After Lunch: Agent 1 is at the doctor's (HR approved).
      s.ws.clock.set(new Date('2026-12-03T19:30:00Z'));
      await s.page.selectOption('#check', 'D1 After Lunch');
      await s.page.waitForFunction(`document.getElementById('save').disabled === false`);
      await s.page.click('#tick-all');
      const agent1 = '#agents li[data-oid="OID1001"]';
      await s.page.click(`${agent1} .excuse`);
      expect(await s.page.isChecked(`${agent1} input[type="checkbox"]`)).toBe(false);
      expect(await s.page.isDisabled(`${agent1} input[type="checkbox"]`)).toBe(true);
      expect(await s.page.textContent(`${agent1} .excused-badge`)).toBe('excused');
      // No reason: the page asks for one and saves nothing.
      s.ws.meter.reset();
      await s.page.click('#save');
      await s.page.waitForSelector('#error:not([hidden])');
      expect(await s.page.textContent('#error')).toBe('Give the reason each agent is excused: Agent 1.');
      expect(s.ws.meter.count('Range.setValues')).toBe(0);
      await s.page.fill(`${agent1} .reason`, "HR approved: doctor's appointment");
      s.ws.mail.clearOutbox();
      await s.page.click('#save');
      await statusMatches(s.page, 'Saved D1 After Lunch: 5 present, 0 missed, 1 excused\\.');
      // One batched write per sheet: the Attendance column, then the tracker's Attendance Note.
      expect(s.ws.meter.count('Range.setValues')).toBe(2);
      expect(column(s.ws, 'D1 After Lunch')).toEqual([true, false, true, true, true, true]);
      expect(s.ws.mail.outbox).toEqual([]);
      // After the reload: Agent 1 excused with the reason, Agent 5 returned (no MIA badge).
      await s.page.waitForSelector(`${agent1}.excused .reason:not([hidden])`);
      expect(await s.page.inputValue(`${agent1} .reason`)).toBe("HR approved: doctor's appointment");
      await count(s.page, '#agents .mia', 0);
      await count(s.page, '#agents .returned', 1);
      expect(await s.page.textContent('#agents li:has(.returned) label')).toBe('Agent 5');
      expect(await s.page.getAttribute('#agents .returned', 'title')).toBe('Returned at D1 Before Lunch');
      expect(await s.page.inputValue('#check')).toBe('D1 After Lunch');
      await s.page.screenshot({ path: join(SCREENS, 'attendance-excused.png'), fullPage: true });

      // Un-excusing puts the box back: Agent 1 is then simply present.
      await s.page.click(`${agent1} .excuse`);
      expect(await s.page.isDisabled(`${agent1} input[type="checkbox"]`)).toBe(false);
      expect(await s.page.isHidden(`${agent1} .reason`)).toBe(true);
    } finally {
      await s.page.close();
      await s.served.close();
    }
  });

  it('renders a name containing HTML as text', async () => {
    const s = await open('AttendanceSidebar.html');
    try {
      await s.page.check('input[value="all"]');
      await count(s.page, '#agents li', 6);
      const labels = await s.page.$$eval('#agents label', (ls) => ls.map((l) => l.textContent));
      expect(labels).toContain(XSS);
      expect(await s.page.$$('#agents img')).toHaveLength(0);
      expect(s.dialogs).toEqual([]);
    } finally {
      await s.page.close();
      await s.served.close();
    }
  });

  it('shows only my agents by default and a server error in the page', async () => {
    const s = await open('AttendanceSidebar.html');
    try {
      s.ws.session.setActiveUser('tl1@example.com');
      await s.page.reload();
      await count(s.page, '#agents li', 2);
      const labels = await s.page.$$eval('#agents label', (ls) => ls.map((l) => l.textContent));
      expect(labels).toEqual(['Agent 1', 'Agent 4']);
      // A save while another run holds the lock: the page says so instead of failing silently.
      s.ws.locks.holdExternally('document');
      await s.page.click('#save');
      await s.page.waitForSelector('#error:not([hidden])');
      expect(await s.page.textContent('#error')).toMatch(
        /Could not finish: .*(lock|Another ESP Licensing task)/i,
      );
      s.ws.locks.releaseExternally('document');
    } finally {
      await s.page.close();
      await s.served.close();
    }
  });
});

describe('cohort status in Chromium', () => {
  // RULES "Pace": hours shown only where measured; an exempt agent gets no pace warning.
  it('shows measured hours or "hours not measured", pace warnings and the exemption', async () => {
    const s = await open('CohortStatus.html', 3);
    try {
      const denver = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00-07:00`);
      s.bundle.menuCreateProgressReport();
      const settings = s.ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
      const report = s.ws.spreadsheets.fake(String(settings.find((r) => r[0] === 'Progress Report ID')?.[1]));
      const progress = report.sheet('Progress');
      const headers = progress.getRange(1, 1, 1, progress.getLastColumn()).getValues()[0];
      const tick = (row: number, item: string, hhmm: string) => {
        s.ws.clock.set(denver(hhmm));
        const box = progress.getRange(row, headers.indexOf(item) + 1);
        box.setValue(true);
        s.bundle.onReportEdit(editEvent({ range: box, value: 'TRUE' }));
        s.ws.locks.endExecution();
      };
      tick(2, 'Module 1 Reviewed', '13:30'); // agent 0: the day's first tick, not measured
      for (const row of [3, 4]) {
        tick(row, 'Quiz 1 Screenshots', '09:30'); // agents 1 and 2: live, Module 1 takes 3.5 h
        tick(row, 'Module 1 Reviewed', '13:45');
      }
      const tracker = s.ws.tracker.sheet(SHEET.tracker);
      const trackerHeaders = tracker.getRange(1, 1, 1, tracker.getLastColumn()).getValues()[0];
      tracker.getRange(4, trackerHeaders.indexOf(TRACKER.exemption) + 1).setValue('N-Number late');
      s.ws.clock.set(denver('14:00'));
      s.bundle.menuSyncProgress();
      await s.page.reload();
      await count(s.page, '#rows tr', 3);
      const text = (n: number) => s.page.textContent(`#rows tr:nth-child(${n})`);
      expect(await text(1)).toContain('hours not measured');
      expect(await text(1)).not.toContain('Over pace');
      expect(await text(2)).toContain('measured 3.5 h');
      expect(await text(2)).toContain('Over pace: Module 1 Reviewed: 3.5 h (limit 3 h)');
      expect(await text(3)).toContain('measured 3.5 h');
      expect(await text(3)).toContain('Exempt: N-Number late (no pace warnings)');
      expect(await text(3)).not.toContain('Over pace');
      expect(await s.page.$$('#rows img')).toHaveLength(0);
      await s.page.screenshot({ path: join(SCREENS, 'cohort-status-pace.png'), fullPage: true });
    } finally {
      await s.page.close();
      await s.served.close();
    }
  });

  it('lists agents with pace and filters by TL', async () => {
    const s = await open('CohortStatus.html', 6);
    try {
      await count(s.page, '#rows tr', 6);
      expect(await s.page.textContent('#summary')).toMatch(/not synced yet/);
      await s.page.selectOption('#tl', 'TL 2');
      await count(s.page, '#rows tr', 2);
      const names = await s.page.$$eval('#rows td.name', (tds) => tds.map((t) => t.firstChild?.textContent));
      expect(names).toEqual([XSS, 'Agent 5']);
      expect(await s.page.$$('#rows img')).toHaveLength(0);
      await s.page.click('#rows tr:first-child button');
      expect(s.served.calls).toContain('getCohortStatus');
      await s.page.screenshot({ path: join(SCREENS, 'cohort-status.png'), fullPage: true });
    } finally {
      await s.page.close();
      await s.served.close();
    }
  });
});
