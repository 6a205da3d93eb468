/**
 * Emails people act on (RULES R13), through the built bundle: every TL and manager email links to the
 * agent's tracker row and the sheets it is about, subjects carry the counts, a digest lists only what
 * needs action tonight (nothing about complete agents), long lists are capped with "and N more", every
 * body stays under 100 KB, and a TL with nothing to act on gets no email.
 */
import { type EntryBundle, editEvent } from '../helpers/bundle';
import { SHEET, TRACKER } from '../../src/domain/contract';
import { MAX_LIST_ROWS } from '../../src/domain/emails';
import type { SentMail } from '../../workspace/mail';
import type { Workspace } from '../../workspace/workspace';
import { agentRecord } from '../helpers/workbook';
import { at, cohort, DAY1_EVENING, trackerCell } from './mailFaultKit';

const KB = 1024;
const digestsOf = (ws: Workspace): SentMail[] =>
  ws.mail.outbox.filter((m) => m.subject.startsWith('ESP nightly digest'));
const summaryOf = (ws: Workspace): SentMail[] =>
  ws.mail.outbox.filter((m) => m.subject.startsWith('ESP licensing summary'));
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
const unescapeAttr = (s: string): string => s.replace(/&amp;/g, '&');

/** The tracker's URL and the ESP Tracker sheet's ID, as Google gives them. */
function trackerPlace(ws: Workspace): { url: string; gid: number } {
  return { url: ws.tracker.getUrl(), gid: ws.tracker.sheet(SHEET.tracker).getSheetId() };
}

/** Every agent on one TL (one digest). */
function oneTl(ws: Workspace, agents: number): void {
  for (let row = 2; row <= agents + 1; row++) {
    trackerCell(ws, row, TRACKER.tlEmail).setValue('tl0@example.com');
    trackerCell(ws, row, TRACKER.tlName).setValue('TL 0');
  }
}

/** Agents tick every box of their report row (as the report's edit trigger sees it). */
function tickAll(ws: Workspace, bundle: EntryBundle, agentIndexes: readonly number[]): void {
  const settings = ws.tracker.sheet(SHEET.settings).getDataRange().getValues();
  const id = String(settings.find((r) => r[0] === 'Progress Report ID')?.[1] ?? '');
  const sheet = ws.spreadsheets.fake(id).sheet('Progress');
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const items = headers.filter((h) => !['Agent Name', 'OID', 'Blockers', 'Last Self-Report'].includes(h));
  for (const i of agentIndexes) {
    for (const item of items) {
      const range = sheet.getRange(i + 2, headers.indexOf(item) + 1);
      range.setValue(true);
      bundle.onReportEdit(editEvent({ range, value: 'TRUE' }));
    }
  }
}

describe('emails people act on (built bundle)', () => {
  it(`a 70-agent TL's digests on Day 1 and Day 2 stay under 100 KB and are delivered: each list shows ${MAX_LIST_ROWS} agents and "and N more" with a link (main: 142 KB on Day 1, 236 KB on Day 2 — past Gmail's 200 KB limit, refused, logged failed)`, () => {
    const { ws, bundle } = cohort(70);
    oneTl(ws, 70);
    const { url } = trackerPlace(ws);
    for (const [evening, day] of [
      [DAY1_EVENING, '12/3'],
      [at('2026-12-05T00:10:00Z'), '12/4'],
    ] as const) {
      ws.clock.set(evening);
      ws.mail.clearOutbox();
      bundle.nightlySweep();
      expect(digestsOf(ws)).toHaveLength(1);
      const [digest] = digestsOf(ws);
      const bytes = Buffer.byteLength(digest.htmlBody ?? '', 'utf8') + Buffer.byteLength(digest.body, 'utf8');
      expect(bytes).toBeLessThan(100 * KB);
      // Nobody reports: all 70 are counted in the subject, 15 are listed, the rest are linked.
      expect(digest.subject).toMatch(
        new RegExp(`^ESP nightly digest ${day} - Test Cohort - TL 0: .*70 no self-report`),
      );
      expect(digest.body).toContain('NO SELF-REPORT TODAY (70)');
      expect(digest.body).toContain(`and ${70 - MAX_LIST_ROWS} more - see them all in Cohort status`);
      const statusGid = ws.tracker.sheet('Pace').getSheetId();
      expect(digest.htmlBody).toContain(`href="${url}#gid=${statusGid}"`);
      for (const mail of ws.mail.outbox)
        expect(Buffer.byteLength(mail.htmlBody ?? '', 'utf8')).toBeLessThan(100 * KB);
    }
    const digestLog = ws.tracker
      .sheet(SHEET.alertLog)
      .getDataRange()
      .getDisplayValues()
      .filter((r) => r[1] === 'tl-digest')
      .map((r) => r[6]);
    expect(digestLog).toEqual(['sent', 'sent']);
  });

  it('a TL whose agents are all complete gets no digest; the licensing team still gets its summary (main: "action needed", every complete agent under "tracker rows not updated today")', () => {
    const { ws, bundle } = cohort(9);
    ws.clock.set(at('2026-12-03T23:30:00Z')); // Day 1 16:30 Denver: everybody finishes early
    // TL 1's agents (1, 4, 7) tick every box.
    tickAll(ws, bundle, [1, 4, 7]);
    ws.clock.set(DAY1_EVENING);
    ws.mail.clearOutbox();
    expect(String(bundle.nightlySweep())).toMatch(
      /2 TL digest\(s\) \(1 TL\(s\) with nothing to act on: no email\)/,
    );
    const digests = digestsOf(ws);
    expect(digests.map((m) => m.recipients[0]).sort()).toEqual(['tl0@example.com', 'tl2@example.com']);
    for (const d of digests) {
      for (const i of [1, 4, 7]) expect(d.body).not.toContain(`Agent ${i} `);
    }
    const [summary] = summaryOf(ws);
    expect(summary.recipients).toEqual(['licensing@example.com']);
    expect(summary.subject).toBe(
      // The 3 complete agents ticked the 13-checkmark proof but sent no completion form (RULES R22).
      'ESP licensing summary 12/3 - Test Cohort: 9 agents, 6 behind, 0 at risk, 0 MIA, 6 no self-report, 0 on track, 3 complete, 3 evidence mismatches',
    );
    expect(summary.body).toMatch(/- TL 1 - 3 agents, .* 3 complete/);
  });

  it("every agent's name in a digest links to that agent's tracker row (#gid=<ESP Tracker sheet ID>&range=A<row>); a row edited today is not asked to be updated", () => {
    const { ws, bundle } = cohort(6);
    ws.clock.set(DAY1_EVENING);
    // The TL of Agent 0 has written in the agent's row today (onTrackerEdit stamps Last Updated).
    const note = trackerCell(ws, 2, TRACKER.attendanceNote);
    note.setValue('Jo Lead - 12/3/2026 - called, no answer');
    bundle.onTrackerEdit(editEvent({ range: note, value: 'x', source: ws.tracker }));
    ws.mail.clearOutbox();
    bundle.nightlySweep();
    const { url, gid } = trackerPlace(ws);
    expect(url).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/]+\/edit$/);
    const tl0 = digestsOf(ws).find((m) => m.recipients[0] === agentRecord(0)[TRACKER.tlEmail])!;
    for (const [i, row] of [
      [0, 2],
      [3, 5],
    ]) {
      expect(tl0.htmlBody).toContain(
        `<a href="${url}#gid=${gid}&amp;range=A${row}" style="color:#1a73e8">Agent ${i}</a>`,
      );
    }
    for (const href of hrefs(tl0.htmlBody ?? '')) expect(unescapeAttr(href)).toMatch(/^https:\/\//);
    const toUpdate = tl0.body.split('TRACKER ROWS TO UPDATE TONIGHT')[1] ?? '';
    expect(toUpdate).toContain('Agent 3');
    expect(toUpdate).not.toContain('Agent 0');
  });

  it('sales inhibitor and ready-for-production alerts name the agent and what to do, and link to the row (main: no link, a dead end on a phone)', () => {
    const { ws, bundle } = cohort(3);
    ws.clock.set(at('2026-12-03T17:00:00Z'));
    ws.mail.clearOutbox();
    const inhibitor = trackerCell(ws, 3, TRACKER.salesInhibitor);
    inhibitor.setValue('Release Needed');
    bundle.onTrackerEdit(editEvent({ range: inhibitor, value: 'Release Needed', source: ws.tracker }));
    const { url, gid } = trackerPlace(ws);
    const [alert] = ws.mail.outbox;
    expect(alert.subject).toBe(
      'Sales Inhibitor: Agent 1 (OID1001) - Release Needed - review before appointment',
    );
    expect(alert.htmlBody).toContain(`href="${url}#gid=${gid}&amp;range=A3"`);
    const alertLogGid = ws.tracker.sheet(SHEET.alertLog).getSheetId();
    expect(alert.htmlBody).toContain(`href="${url}#gid=${alertLogGid}"`);
  });

  it('the links cost the same few calls for 6 agents and for 60 (one getUrl, one getSheetId per linked sheet)', () => {
    const calls = (agents: number) => {
      const { ws, bundle } = cohort(agents);
      ws.clock.set(DAY1_EVENING);
      ws.meter.reset();
      bundle.nightlySweep();
      return { sheetIds: ws.meter.count('Sheet.getSheetId'), urls: ws.meter.count('Spreadsheet.getUrl') };
    };
    const small = calls(6);
    expect(calls(60)).toEqual(small);
    expect(small.sheetIds).toBeLessThanOrEqual(10);
  });
});
