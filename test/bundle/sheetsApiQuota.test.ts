/**
 * Google's Sheets API allows 60 read requests a minute per user (developers.google.com/sheets/api/limits,
 * modelled in workspace/sheetsApi.ts). Installable triggers run as their owner, so every TL's edit in a
 * busy minute reads the config as ONE user. Past the quota the config is read with SpreadsheetApp
 * (src/gas/config.ts, RULES R26): no edit fails and no alert is lost. Fails on a main whose event paths
 * read the config only through `Values.batchGet` (the 61st edit of the minute threw the quota error).
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import { REQUESTS_PER_MINUTE_PER_USER } from '../../workspace/sheetsApi';
import { bundledWorkspace, editEvent } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

const DAY1_NOON = new Date('2026-12-03T19:00:00Z');

it('more edits in one minute than the Sheets API quota allows: every one handled, each alert once', () => {
  const { ws, bundle } = bundledWorkspace({ now: new Date('2026-12-01T19:00:00Z'), mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  cohortSettings(ws);
  const agents = REQUESTS_PER_MINUTE_PER_USER + 10;
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  ws.clock.set(DAY1_NOON);
  ws.mail.clearOutbox();
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const col = headers.indexOf(TRACKER.salesInhibitor) + 1;
  // Every agent's Sales Inhibitor set within the same minute (the clock does not move).
  for (let row = 2; row < agents + 2; row++) {
    const cell = sheet.getRange(row, col);
    cell.setValue('Release Needed');
    expect(() =>
      bundle.onTrackerEdit(editEvent({ range: cell, value: 'Release Needed', source: ws.tracker })),
    ).not.toThrow();
  }
  const alerts = ws.mail.outbox.filter((m) => /sales inhibitor/i.test(m.subject));
  const named = new Set(alerts.flatMap((m) => (m.htmlBody ?? '').match(/OID\d+/g) ?? []));
  expect(named.size).toBe(agents);
  // And the quota really was passed: the API refused some reads this minute.
  expect(ws.meter.total('Sheets')).toBeGreaterThanOrEqual(REQUESTS_PER_MINUTE_PER_USER);
});
