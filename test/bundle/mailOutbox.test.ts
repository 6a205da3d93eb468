/**
 * The mail outbox through the built bundle (issues 9 and 10; SPEC behaviours 10-11): deferred mail is kept
 * as inputs or in cell-sized pieces, never as one oversized cell, and is delivered exactly once later.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import {
  at,
  capLevels,
  cohort,
  DAY1_EVENING,
  failWritesTo,
  identity,
  sheetRows,
  tally,
  trackerCell,
  WINDOW_END,
} from './mailFaultKit';

/** Google Sheets: "a cell can contain up to 50,000 characters". */
const CELL_LIMIT = 50_000;
/** One TL with this many agents: their Day-1 digest is over 50,000 characters (20 agents: ~42,000). */
const AGENTS = 40;

function longestCell(ws: Workspace): { sheet: string; chars: number } {
  let longest = { sheet: '', chars: 0 };
  for (const sheet of ws.tracker.getSheets()) {
    for (const row of sheet.getDataRange().getValues())
      for (const v of row) {
        const chars = String(v).length;
        if (chars > longest.chars) longest = { sheet: sheet.getName(), chars };
      }
  }
  return longest;
}

describe('mail outbox (built bundle)', () => {
  it('a deferred one-TL digest of 40 agents (over 50,000 characters) is kept within cell limits and delivered once the next day (main: stored whole in one cell, the write threw in finally and the mail was lost)', () => {
    const { ws, bundle } = cohort(AGENTS);
    for (let row = 2; row <= AGENTS + 1; row++) {
      trackerCell(ws, row, TRACKER.tlEmail).setValue('tl0@example.com');
      trackerCell(ws, row, TRACKER.tlName).setValue('TL 0');
    }
    // Baseline: the same evening with quota to spare — the digest is big.
    const twin = cohort(AGENTS);
    for (let row = 2; row <= AGENTS + 1; row++) {
      trackerCell(twin.ws, row, TRACKER.tlEmail).setValue('tl0@example.com');
      trackerCell(twin.ws, row, TRACKER.tlName).setValue('TL 0');
    }
    twin.ws.clock.set(DAY1_EVENING);
    twin.ws.mail.clearOutbox();
    twin.bundle.nightlySweep();
    const digest = twin.ws.mail.outbox.find((m) => m.subject.startsWith('ESP nightly digest'))!;
    // Digests are capped now (15 rows a list, RULES: emails people act on), so the body is far below a
    // cell; the outbox still stores only the recipe, checked below.
    expect((digest.htmlBody ?? '').length).toBeLessThan(100 * 1024);
    const expected = twin.ws.mail.outbox.map(identity);

    // The real evening: the quota is spent, so everything is deferred.
    ws.clock.set(DAY1_EVENING);
    ws.mail.clearOutbox();
    ws.mail.setQuota(0);
    let failure: unknown = null;
    try {
      bundle.nightlySweep();
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeNull();
    expect(ws.mail.outbox).toHaveLength(0);
    expect(longestCell(ws).chars).toBeLessThanOrEqual(CELL_LIMIT);
    // Next morning the quota is back: the continuation sends it all, the digest whole and as composed.
    ws.mail.setQuota(1500);
    ws.clock.set(at('2026-12-04T15:00:00Z'));
    bundle.continueMail();
    bundle.continueMail();
    expect(tally(ws, expected)).toEqual({
      expected: expected.length,
      delivered: expected.length,
      duplicated: 0,
      lost: 0,
    });
    const late = ws.mail.outbox.find((m) => m.subject.startsWith('ESP nightly digest'))!;
    expect(late.htmlBody).toBe(digest.htmlBody);
    expect(late.body).toBe(digest.body);
  });

  it('a CAP escalation is not recorded while its alert cannot be put in the outbox; the next hourly run records and sends it once (main: CAP Level written before any mail)', () => {
    const { ws, bundle } = cohort(2);
    ws.clock.set(WINDOW_END);
    ws.mail.clearOutbox();
    const fault = failWritesTo(ws, 'Mail Outbox');
    try {
      expect(() => bundle.capCheck()).toThrow(/Service Spreadsheets failed/);
    } finally {
      fault.restore();
    }
    expect(fault.fired).toBeGreaterThan(0);
    expect(capLevels(ws, [2, 3])).toEqual(['', '']);
    expect(sheetRows(ws, SHEET.coachingLog)).toEqual([]);
    expect(ws.mail.outbox).toHaveLength(0);
    ws.clock.advanceHours(1);
    expect(String(bundle.capCheck())).toMatch(/Final CAP: Agent 0, Agent 1/);
    ws.clock.advanceHours(1);
    bundle.capCheck();
    expect(capLevels(ws, [2, 3])).toEqual(['Final CAP alert sent', 'Final CAP alert sent']);
    expect(ws.mail.outbox.filter((m) => m.subject.startsWith('Final CAP'))).toHaveLength(2);
    expect(sheetRows(ws, SHEET.coachingLog)).toHaveLength(2);
  });
});
