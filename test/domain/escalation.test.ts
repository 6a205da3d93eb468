import type { CapLevel } from '../../src/domain/contract';
import {
  decideEscalation,
  isCertComplete,
  otSessions,
  type EscalationInput,
} from '../../src/domain/escalation';
import { intlZone } from '../../src/domain/timeZone';
import { DEFAULT_DAY_TIMES, WorkingClock } from '../../src/domain/workingClock';

const zone = intlZone('America/Denver');
const clock = new WorkingClock({ zone, day1: '2026-01-08', holidays: [], times: { ...DEFAULT_DAY_TIMES } });
const at = (ymd: string, hhmm: string): Date => zone.fromLocal(ymd, hhmm);
// Window ends Day 4 = Tue 1/13 12:00. +8 working hours: Tue 12:30-14:30, 14:45-16:30 (225 min), then
// Wed 08:00-10:00, 10:15-12:00 (225 → 450), 12:30 + 30 → Wed 1/14 13:00.
const WINDOW_END = at('2026-01-13', '12:00');
const DEADLINE = at('2026-01-14', '13:00');

const input = (over: Partial<EscalationInput>): EscalationInput => ({
  complete: false,
  exemption: '',
  capLevel: '',
  windowEnd: WINDOW_END,
  extensionHours: 8,
  now: at('2026-01-13', '16:45'),
  ...over,
});

describe('decideEscalation', () => {
  it('does nothing before the window ends or for complete agents', () => {
    expect(decideEscalation(clock, input({ now: at('2026-01-13', '11:59') }))).toEqual({ action: 'none' });
    expect(decideEscalation(clock, input({ complete: true }))).toEqual({ action: 'none' });
  });

  it('lists exempt agents instead of escalating, even at Final CAP', () => {
    expect(decideEscalation(clock, input({ exemption: 'N-Number late' })).action).toBe('exempt');
    const late = input({ exemption: 'N-Number late', capLevel: 'Final CAP', now: at('2026-01-15', '09:00') });
    expect(decideEscalation(clock, late).action).toBe('exempt');
  });

  it('issues a Final CAP once with a +8 working-hour deadline, then waits, then asks for termination review once', () => {
    // Simulate the nightly runs, recording each level the way the caller does.
    let capLevel: CapLevel | '' = 'Written CAP';
    const runs = [
      at('2026-01-13', '12:00'),
      at('2026-01-13', '16:45'),
      at('2026-01-14', '12:59'),
      at('2026-01-14', '13:00'),
      at('2026-01-15', '09:00'),
    ];
    const actions = runs.map((now) => {
      const decision = decideEscalation(clock, input({ capLevel, now }));
      if (decision.action === 'final-cap') capLevel = 'Final CAP';
      if (decision.action === 'termination-review') capLevel = 'Termination';
      return [decision.action, decision.deadline?.toISOString()];
    });
    expect(actions).toEqual([
      ['final-cap', DEADLINE.toISOString()],
      ['none', DEADLINE.toISOString()],
      ['none', DEADLINE.toISOString()],
      ['termination-review', DEADLINE.toISOString()],
      ['none', DEADLINE.toISOString()],
    ]);
  });

  it('never skips the Final CAP, even when a run comes after the deadline', () => {
    expect(decideEscalation(clock, input({ now: at('2026-01-16', '09:00') })).action).toBe('final-cap');
  });

  it('measures the deadline from a Final CAP issued late, across the weekend', () => {
    // Issued Fri 1/16 14:45: 105 min Friday + Mon 1/19 08:00 → 375 more: 120 + 105 + 120 + 30 → 15:15.
    const decision = decideEscalation(
      clock,
      input({ capLevel: 'Final CAP', finalCapAt: at('2026-01-16', '14:45'), now: at('2026-01-19', '15:00') }),
    );
    expect(decision).toEqual({ action: 'none', deadline: at('2026-01-19', '15:15') });
  });
});

describe('isCertComplete', () => {
  it('accepts all items ticked or the completion form recorded', () => {
    expect(isCertComplete('', 14, 14)).toBe(true);
    expect(isCertComplete('Verified', 3, 14)).toBe(true);
    expect(isCertComplete(' submitted ', 0, 14)).toBe(true);
    expect(isCertComplete('Not Submitted', 13, 14)).toBe(false);
  });
});

describe('otSessions', () => {
  it('places three 3-hour sessions in working time without straddling a night', () => {
    const sessions = otSessions(clock, WINDOW_END, 3, 3);
    expect(sessions.map((s) => [s.start, s.end])).toEqual([
      [at('2026-01-13', '12:30'), at('2026-01-13', '15:45')], // after lunch, across Break 2
      [at('2026-01-14', '08:00'), at('2026-01-14', '11:15')], // only 45 min left Tue: next morning
      [at('2026-01-14', '11:15'), at('2026-01-14', '15:00')],
    ]);
    for (const s of sessions) expect(clock.workingMinutesBetween(s.start, s.end)).toBe(180);
  });

  it('skips the weekend when the window ends on a Friday afternoon', () => {
    const sessions = otSessions(clock, at('2026-01-09', '15:00'), 1, 3);
    expect(sessions).toEqual([{ start: at('2026-01-12', '08:00'), end: at('2026-01-12', '11:15') }]);
  });
});
