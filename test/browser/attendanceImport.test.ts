/**
 * RULES R19 in headless Chromium against the built bundle: the TL picks a GoTo Training export in the
 * attendance sidebar, sees each agent's proposed day and the attendee not on the roster (names render as
 * text), confirms in one click, and the tracker and the Attendance sheet hold the result; picking the
 * same file again proposes nothing to change. Saves out/screens/attendance-import.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SHEET, TRACKER } from '../../src/domain/contract';
import { launch, serve } from '../../workspace/browserHarness';
import { BUILD_DIR, bundledWorkspace } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

const SCREENS = join(__dirname, '..', '..', 'out', 'screens');
const XSS = '<img src=x onerror=alert(1)>';
const DAY0 = new Date('2026-12-01T19:00:00Z');
/** Day 1, 5 PM Denver. */
const DAY1_EVENING = new Date('2026-12-04T00:00:00Z');

const EXPORT = [
  'Attendance Report',
  'Training Name,ESP Licensing Day 1',
  '',
  'Attendee Name,Email Address,Join Time,Leave Time,Time in Session',
  'Agent 0,agent0@cxp.example.com,12/3/2026 7:57 AM,12/3/2026 4:30 PM,8 hr 33 min',
  'Agent 1,agent1@cxp.example.com,12/3/2026 8:40 AM,12/3/2026 4:30 PM,7 hr 50 min',
  `"${XSS}",intruder@example.org,12/3/2026 9:00 AM,12/3/2026 9:30 AM,30 min`,
  'Agent 2,agent2@cxp.example.com,12/3/2026 8:00 AM,12/3/2026 11:30 AM,3 hr 30 min',
  'Agent 2,agent2@cxp.example.com,12/3/2026 12:30 PM,12/3/2026 4:30 PM,4 hr',
].join('\r\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => browser?.close());

function trackerText(ws: ReturnType<typeof bundledWorkspace>['ws'], agent: number, header: string): string {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return String(sheet.getRange(agent + 2, headers.indexOf(header) + 1).getValue());
}

describe('GoTo Training import in the attendance sidebar (Chromium)', () => {
  it('picks the export, shows the proposal, confirms in one click; the same file again changes nothing', async () => {
    const { ws, bundle } = bundledWorkspace({ now: DAY0, user: 'tl0@example.com' });
    bundle.menuSetupWorkbook();
    cohortSettings(ws, { 'Dry Run': true });
    writeRoster(ws, 3);
    bundle.menuSetupWorkbook();
    ws.clock.set(DAY1_EVENING);
    const served = await serve(ws, bundle, BUILD_DIR);
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    try {
      await page.goto(`${served.url}/AttendanceSidebar.html`);
      await page.waitForSelector('#agents li');
      await page.click('#import summary');
      const file = { name: 'attendance.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + EXPORT) };
      await page.setInputFiles('#import-file', file);
      await page.waitForSelector('#import-agents li');
      expect(await page.textContent('#import-summary')).toBe(
        'Day 1 (12/3/2026), Test Cohort, times read in America/Denver. 22 changes to write.',
      );
      const rows = await page.$$eval('#import-agents li', (lis) => lis.map((li) => li.textContent));
      expect(rows[0]).toMatch(/^Agent 0Full Day/);
      expect(rows[1]).toMatch(/^Agent 1Tardy < 1 hr/);
      expect(rows[2]).toMatch(
        /^Agent 2Full Daymissed D1 Before Lunch; in 8:00 AM to 11:30 AM, 12:30 PM to 4:30 PM/,
      );
      // The stranger's name is shown as text, never as HTML.
      expect(await page.textContent('#import-unmatched')).toContain(
        `Not on the roster: ${XSS} <intruder@example.org>`,
      );
      expect(await page.$$('#import-unmatched img')).toHaveLength(0);
      await page.screenshot({ path: join(SCREENS, 'attendance-import.png'), fullPage: true });

      await page.click('#import-confirm');
      await page.waitForFunction(
        `/^Imported 12\\/3\\/2026/.test(document.getElementById('import-status').textContent)`,
      );
      expect(await page.textContent('#import-status')).toBe(
        'Imported 12/3/2026: 3 codes, 17 hands checks, 2 note lines written.',
      );
      expect(trackerText(ws, 1, TRACKER.attendance)).toBe('Tardy < 1 hr');
      expect(trackerText(ws, 2, TRACKER.attendanceNote)).toBe(
        'TL 0 - 12/3/2026 - G2T: Full Day; in 8:00 AM to 11:30 AM, 12:30 PM to 4:30 PM; missed D1 Before Lunch',
      );
      expect(await page.isDisabled('#import-confirm')).toBe(true);

      // The same file again: the proposal says nothing would change, and confirm stays off.
      await page.setInputFiles('#import-file', []);
      await page.setInputFiles('#import-file', file);
      await page.waitForFunction(
        `/Already imported/.test(document.getElementById('import-summary').textContent)`,
      );
      expect(await page.isDisabled('#import-confirm')).toBe(true);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
      await served.close();
    }
  });
});
