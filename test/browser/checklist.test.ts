/**
 * RULES R24, R25 — the end-of-day checklist sidebar in headless Chromium, backed by the built bundle: the
 * signed-in TL sees their own open items and the five forms as links, an agent named with HTML renders as
 * text, and "Done for today" stamps one `TL Checklist` row (twice = one row).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SHEET, TL_CHECKLIST_SHEET, TRACKER } from '../../src/domain/contract';
import { BUILD_DIR, bundledWorkspace } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';
import { launch, serve } from '../../workspace/browserHarness';

const SCREENS = join(__dirname, '..', '..', 'out', 'screens');
const XSS = '<img src=x onerror=alert(1)>';
/** Day 1, 16:20 Denver: the TL wraps up before logging off. */
const DAY1_WRAP_UP = new Date('2026-12-03T23:20:00Z');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => browser?.close());

describe('end-of-day checklist sidebar in Chromium', () => {
  it("shows the TL's own open items and the five forms, and Done for today writes one row", async () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY1_WRAP_UP });
    bundle.menuSetupWorkbook();
    cohortSettings(ws, {
      'Carrier Cert Completion Form Link': 'https://forms.gle/carrierCert',
      'TBT Form Link': 'https://forms.gle/tbt',
      'Call Cert Form Link': 'https://forms.gle/callCert',
      'Equipment Form Link': 'https://forms.gle/equipment',
      'RTS/No More Forms Form Link': 'https://forms.gle/rts',
      'Tech Issues Guide Link': 'https://docs.google.com/document/d/tech-guide/edit',
    });
    writeRoster(ws, 6);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const cell = (row: number, header: string) => sheet.getRange(row, headers.indexOf(header) + 1);
    cell(2, TRACKER.agentName).setValue(XSS); // agent 0, TL 0
    cell(5, TRACKER.loginIssue).setValue('Open'); // agent 3, TL 0
    cell(3, TRACKER.paymentIssue).setValue('Open'); // agent 1, TL 1: not shown to TL 0
    bundle.menuSetupWorkbook();
    ws.session.actAs('tl0@example.com');
    const served = await serve(ws, bundle, BUILD_DIR);
    const page = await browser.newPage({ viewport: { width: 300, height: 760 } });
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    try {
      await page.goto(`${served.url}/ChecklistSidebar.html`);
      await page.waitForFunction("!document.getElementById('done').disabled");
      expect(await page.textContent('#who')).toBe('TL 0 — 2 agent(s), 3 open item(s) for 12/3/2026.');
      const items = await page.$$eval('#items li', (lis) => lis.map((li) => li.textContent));
      expect(items).toEqual([
        `${XSS} (row 2)Tracker row not updated today.`,
        'Agent 3 (row 5)Login issue still open: walk the agent through the Tech Issues guide.',
        'Agent 3 (row 5)Tracker row not updated today.',
      ]);
      expect(await page.$$('#items img')).toHaveLength(0);
      const forms = await page.$$eval('#forms a', (as) =>
        as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')]),
      );
      expect(forms.map((f) => f[1])).toEqual([
        'https://forms.gle/carrierCert',
        'https://forms.gle/tbt',
        'https://forms.gle/callCert',
        'https://forms.gle/equipment',
        'https://forms.gle/rts',
      ]);
      expect(forms.every((f) => f[2] === '_blank')).toBe(true);
      expect(await page.$$eval('#guides a', (as) => as.map((a) => a.textContent))).toEqual([
        'Tech Issues - Troubleshooting guide',
      ]);
      await page.click('#done');
      await page.waitForSelector('#done-status:not([hidden])');
      expect(await page.textContent('#done-status')).toBe(
        'Done for today at 12/3/2026 16:20 (open items then: 2 not updated today, 1 login issue open).',
      );
      await page.screenshot({ path: join(SCREENS, 'checklist.png'), fullPage: true });
      await page.click('#done');
      await page.waitForFunction("!document.getElementById('done').disabled");
      expect(served.calls).toEqual(['getChecklist', 'markDayDone', 'markDayDone']);
      const rows = ws.tracker.getSheetByName(TL_CHECKLIST_SHEET.name)!.getDataRange().getDisplayValues();
      expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([['12/3/2026', 'TL 0', 'tl0@example.com']]);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
      await served.close();
    }
  });
});
