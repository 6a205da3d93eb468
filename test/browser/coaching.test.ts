/**
 * The Coaching & exams sidebar in headless Chromium, backed by the built bundle (RULES R20, R21): a failed
 * attempt recorded from the page writes one ledger row and one Verbal Coaching entry even on a
 * double-click; the suggested next level and pre-filled facts show; HTML in a name renders as text.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { EXAM_ATTEMPTS_SHEET, SHEET, TRACKER } from '../../src/domain/contract';
import { BUILD_DIR, bundledWorkspace } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';
import { launch, serve } from '../../workspace/browserHarness';

const SCREENS = join(__dirname, '..', '..', 'out', 'screens');
const XSS = '<img src=x onerror=alert(1)>';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => browser?.close());

describe('Coaching & exams sidebar in Chromium', () => {
  it('records a failed attempt once on a double-click, then suggests Written CAP with the facts filled in', async () => {
    const { ws, bundle } = bundledWorkspace({ now: new Date('2026-12-07T17:00:00Z') });
    bundle.menuSetupWorkbook();
    cohortSettings(ws, { 'Dry Run': false });
    writeRoster(ws, 4);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(3, headers.indexOf(TRACKER.agentName) + 1).setValue(XSS);
    bundle.menuSetupWorkbook();
    const served = await serve(ws, bundle, BUILD_DIR);
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    try {
      await page.goto(`${served.url}/CoachingSidebar.html`);
      await page.waitForSelector('#agent option[value="OID1001"]', { state: 'attached' });
      expect(await page.textContent('#agent option[value="OID1001"]')).toContain(XSS);
      await page.selectOption('#agent', 'OID1001');
      await page.waitForSelector('#summary:not([hidden])');
      expect(await page.textContent('#suggestion')).toContain('Verbal Coaching');
      await page.fill('#exam-score', '82%');
      await page.dblclick('#save-exam');
      await page.waitForFunction(`/attempt 1, 82%/.test(document.getElementById('status').textContent)`);
      await page.waitForFunction(`/Written CAP/.test(document.getElementById('suggestion').textContent)`);
      expect(await page.inputValue('#level')).toBe('Written CAP');
      expect(await page.inputValue('#facts')).toContain('AHIP final exam: attempt 1 82% Fail');
      expect(await page.textContent('#history')).toContain('Verbal Coaching');
      const ledger = ws.tracker.sheet(EXAM_ATTEMPTS_SHEET.name).getDataRange().getValues();
      expect(ledger).toHaveLength(2);
      const log = ws.tracker.sheet(SHEET.coachingLog).getDataRange().getValues();
      expect(log.filter((r) => r[2] === 'OID1001')).toHaveLength(1);
      expect(dialogs).toEqual([]);
      await page.screenshot({ path: join(SCREENS, 'coaching.png'), fullPage: true });
    } finally {
      await page.close();
      await served.close();
    }
  });
});
