/**
 * The browser harness is as strict as google.script.run: a server result holding a Date fails the call
 * in the page (its failure handler runs, the success handler never does), and a page that sends a Date
 * fails before the server runs. developers.google.com/apps-script/guides/html/reference/run: "Requests
 * fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type,
 * including prohibited types inside objects or arrays."
 */
import type { Browser } from 'playwright-core';
import { BUILD_DIR, bundledWorkspace } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';
import { launch, serve } from '../../workspace/browserHarness';
import type { Bundle } from '../../workspace/workspace';

const DAY1_BREAK1 = new Date('2026-12-03T17:00:00Z');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

function cohort() {
  const { ws, bundle } = bundledWorkspace({ now: DAY1_BREAK1 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws, { 'Dry Run': false });
  writeRoster(ws, 4);
  bundle.menuSetupWorkbook();
  return { ws, bundle };
}

describe('strict google.script.run in Chromium', () => {
  it("a Date in getCohortStatus's result fails the call in the page: the error shows, no table renders", async () => {
    const { ws, bundle } = cohort();
    // The real function, with one Date slipped into a nested row: what a careless change would do.
    // What the page server runs: the bundle by name (the harness's `Bundle`), one function replaced.
    const dated: Bundle = {
      ...(bundle as Bundle),
      getCohortStatus: (...args: unknown[]) => {
        const status = bundle.getCohortStatus(...args);
        return {
          ...status,
          rows: status.rows.map((r, k) => (k === 0 ? { ...r, lastSeen: new Date(0) } : r)),
        };
      },
    };
    const served = await serve(ws, dated, BUILD_DIR);
    const page = await browser.newPage();
    try {
      await page.goto(`${served.url}/CohortStatus.html`);
      await page.waitForSelector('#error:not([hidden])');
      expect(await page.textContent('#error')).toMatch(
        /cannot pass a Date \(at result\.rows\[0\]\.lastSeen\)/,
      );
      expect(served.calls).toEqual(['getCohortStatus']);
      expect(await page.locator('tbody tr').count()).toBe(0);
    } finally {
      await page.close();
      await served.close();
    }
  });

  it('the same page works with the real bundle (plain JSON only)', async () => {
    const { ws, bundle } = cohort();
    const served = await serve(ws, bundle, BUILD_DIR);
    const page = await browser.newPage();
    try {
      await page.goto(`${served.url}/CohortStatus.html`);
      await page.waitForFunction(`document.querySelectorAll('tbody tr').length === 4`);
      expect(await page.isHidden('#error')).toBe(true);
    } finally {
      await page.close();
      await served.close();
    }
  });

  it('a Date sent from the page fails before the server runs', async () => {
    const { ws, bundle } = cohort();
    const served = await serve(ws, bundle, BUILD_DIR);
    const page = await browser.newPage();
    try {
      await page.goto(`${served.url}/CohortStatus.html`);
      await page.waitForFunction(`document.querySelectorAll('tbody tr').length === 4`);
      // Page-side code as a string: the test's tsconfig has no DOM types.
      const outcome = await page.evaluate(`new Promise(function (resolve) {
        google.script.run
          .withSuccessHandler(function () { resolve('success'); })
          .withFailureHandler(function (e) { resolve('failure: ' + e.message); })
          .showAgentRow({ oid: 'OID1001', when: new Date() });
      })`);
      expect(outcome).toMatch(/^failure: google\.script\.run cannot pass a Date \(at argument\.0\.when\)/);
      expect(served.calls).toEqual(['getCohortStatus']);
    } finally {
      await page.close();
      await served.close();
    }
  });
});
