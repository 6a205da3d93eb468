/**
 * Fault matrix for mail (SPEC behaviour 11, issues 9 and 10), through the built bundle. Each row plays
 * the same days twice — once with nothing failing (the baseline: which alerts must reach people) and once
 * with the fault — and counts, for the faulty run: alerts expected, delivered, duplicated, lost; plus the
 * records (CAP Level, Coaching Log, Alert Log) that must not be lost either. Every row: 0 lost, 0 duplicated.
 */
import type { EntryBundle } from '../helpers/bundle';
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

/** Four agents: 0 complete (proof submitted), 1 exempt, 2 and 3 due a Final CAP at the window end. */
function capCohort(): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = cohort(4);
  trackerCell(ws, 3, TRACKER.exemption).setValue('N-Number late');
  trackerCell(ws, 2, TRACKER.completion).setValue('Submitted');
  ws.clock.set(WINDOW_END);
  ws.mail.clearOutbox();
  return { ws, bundle };
}

const coachingLog = (ws: Workspace) => sheetRows(ws, SHEET.coachingLog).map((r) => `${r[2]} ${r[4]}`);
const sentKeys = (ws: Workspace) => sheetRows(ws, SHEET.alertLog).filter((r) => r[6] === 'sent');

/** What a fault-free CAP check at the window end and one an hour later deliver and record. */
function capBaseline() {
  const { ws, bundle } = capCohort();
  bundle.capCheck();
  ws.clock.advanceHours(1);
  bundle.capCheck();
  return {
    mail: ws.mail.outbox.map(identity),
    levels: capLevels(ws, [2, 3, 4, 5]),
    coaching: coachingLog(ws),
  };
}

describe('mail fault matrix (built bundle): every alert delivered exactly once, nothing lost', () => {
  it('mail outage for the hour of the window end: the Final CAPs go at the next hourly CAP check (main: 0 ever delivered)', () => {
    const baseline = capBaseline();
    expect(baseline.mail.filter((m) => m.startsWith('Final CAP'))).toHaveLength(2);

    const { ws, bundle } = capCohort();
    // Every MailApp.sendEmail call fails for one hour.
    ws.meter.injectFault({ service: 'MailApp', method: 'sendEmail', every: 1 });
    expect(String(bundle.capCheck())).toMatch(/Final CAP: Agent 2, Agent 3/);
    expect(ws.mail.outbox).toHaveLength(0);
    ws.clock.advanceHours(1);
    ws.meter.clearFaults();
    bundle.capCheck(); // the next hourly run: mail is back
    ws.clock.advanceHours(1);
    bundle.capCheck(); // and one more: nothing is sent twice

    const t = tally(ws, baseline.mail);
    expect(t).toEqual({ expected: 3, delivered: 3, duplicated: 0, lost: 0 });
    expect(capLevels(ws, [2, 3, 4, 5])).toEqual(baseline.levels);
    expect(coachingLog(ws).sort()).toEqual([...baseline.coaching].sort());
    expect(new Set(sentKeys(ws).map((r) => r[5])).size).toBe(3);
    expect(sentKeys(ws)).toHaveLength(3);
  });

  it('Alert Log write failing after the sends: the re-run sends nothing twice and logs what went (main: everything sent again)', () => {
    const baseline = cohort(6);
    baseline.ws.clock.set(DAY1_EVENING);
    baseline.ws.mail.clearOutbox();
    baseline.bundle.nightlySweep();
    const expected = baseline.ws.mail.outbox.map(identity);
    expect(expected.length).toBeGreaterThan(6);

    const { ws, bundle } = cohort(6);
    ws.clock.set(DAY1_EVENING);
    ws.mail.clearOutbox();
    const fault = failWritesTo(ws, SHEET.alertLog);
    try {
      bundle.nightlySweep();
    } catch {
      // main aborts here; the outbox reports the problem and carries on
    } finally {
      fault.restore();
    }
    expect(fault.fired).toBeGreaterThan(0);
    ws.clock.set(at('2026-12-04T00:40:00Z')); // the TL runs the sweep again half an hour later
    bundle.nightlySweep();
    bundle.continueMail();

    const t = tally(ws, expected);
    expect(t).toEqual({ expected: expected.length, delivered: expected.length, duplicated: 0, lost: 0 });
    // The Alert Log is complete in the end: one `sent` row per email delivered.
    expect(sentKeys(ws)).toHaveLength(expected.length);
    expect(new Set(sentKeys(ws).map((r) => r[5])).size).toBe(expected.length);
  });

  it('Coaching Log write failing at the window end: the next run completes the escalation, alerts once (main: 0 Final CAPs, no log)', () => {
    const baseline = capBaseline();

    const { ws, bundle } = capCohort();
    const fault = failWritesTo(ws, SHEET.coachingLog);
    try {
      expect(() => bundle.capCheck()).toThrow(/Service Spreadsheets failed/);
    } finally {
      fault.restore();
    }
    expect(fault.fired).toBeGreaterThan(0);
    // The escalation is not recorded without its Coaching Log entry …
    expect(capLevels(ws, [2, 3, 4, 5])).toEqual(['', '', '', '']);
    ws.clock.advanceHours(1);
    bundle.capCheck(); // … and the next hourly run completes it.

    const t = tally(ws, baseline.mail);
    expect(t).toEqual({ expected: 3, delivered: 3, duplicated: 0, lost: 0 });
    expect(capLevels(ws, [2, 3, 4, 5])).toEqual(baseline.levels);
    expect(coachingLog(ws).sort()).toEqual([...baseline.coaching].sort());
    expect(sentKeys(ws)).toHaveLength(3);
  });
});
