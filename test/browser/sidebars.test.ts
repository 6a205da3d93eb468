/**
 * The TL's screens in headless Chromium, backed by the built bundle: ticking agents writes exactly those
 * checks in one batched write, the MIA threshold shows, HTML in a name renders as text, status filters.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Bundle, Workspace } from '../../workspace/workspace';
import { BUILD_DIR, bundledWorkspace } from '../helpers/bundle';
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
  bundle: Bundle;
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
