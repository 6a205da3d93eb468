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
    const late = input({
      exemption: 'N-Number late',
      capLevel: 'Final CAP alert sent',
      now: at('2026-01-15', '09:00'),
    });
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
      if (decision.action === 'final-cap') capLevel = 'Final CAP alert sent';
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

  it('measures the deadline from a Final CAP alert sent late, across the weekend', () => {
    // Sent Fri 1/16 14:45: 105 min Friday + Mon 1/19 08:00 → 375 more: 120 + 105 + 120 + 30 → 15:15.
    const decision = decideEscalation(
      clock,
      input({
        capLevel: 'Final CAP alert sent',
        finalCapAt: at('2026-01-16', '14:45'),
        now: at('2026-01-19', '15:00'),
      }),
    );
    expect(decision).toEqual({ action: 'none', deadline: at('2026-01-19', '15:15') });
  });

  it('names one deadline for an alert sent by the hourly check within two hours of the window end', () => {
    // The alert run at 12:37 and every later run (finalCapAt = the Coaching Log date) agree: Wed 13:00.
    const sending = decideEscalation(clock, input({ now: at('2026-01-13', '12:37') }));
    const later = decideEscalation(
      clock,
      input({
        capLevel: 'Final CAP alert sent',
        finalCapAt: at('2026-01-13', '12:37'),
        now: at('2026-01-14', '09:00'),
      }),
    );
    expect(sending).toEqual({ action: 'final-cap', deadline: DEADLINE });
    expect(later).toEqual({ action: 'none', deadline: DEADLINE });
  });

  it('asks for the termination review from either Final CAP step, including the legacy value read as alert sent', () => {
    for (const capLevel of ['Final CAP alert sent', 'Final CAP issued'] as const) {
      expect(decideEscalation(clock, input({ capLevel, now: DEADLINE })).action).toBe('termination-review');
    }
  });

  it('reports a completion on the Final CAP rung once and never asks for the termination review', () => {
    const runs = [at('2026-01-14', '10:00'), at('2026-01-14', '11:00'), at('2026-01-14', '14:00')];
    let completionReported = false;
    const actions = runs.map((now) => {
      const d = decideEscalation(
        clock,
        input({ complete: true, capLevel: 'Final CAP issued', completionReported, now }),
      );
      if (d.action === 'completed-in-extension') completionReported = true;
      return d.action;
    });
    expect(actions).toEqual(['completed-in-extension', 'none', 'none']);
    // Complete agents who never reached the Final CAP rung: nothing to say.
    expect(decideEscalation(clock, input({ complete: true, capLevel: 'Written CAP' })).action).toBe('none');
    expect(decideEscalation(clock, input({ complete: true, capLevel: 'Termination' })).action).toBe('none');
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

describe('otSessions (RULES R12: overtime outside normal hours, every session ending by the deadline)', () => {
  const fmt = (plan: ReturnType<typeof otSessions>) => plan.sessions.map((x) => [x.start, x.end]);

  it('Thursday cohort: proposes the Tuesday evening and the Wednesday early morning, and says the third does not fit', () => {
    const plan = otSessions(clock, WINDOW_END, DEADLINE, 3, 3);
    expect(fmt(plan)).toEqual([
      [at('2026-01-13', '16:30'), at('2026-01-13', '19:30')],
      [at('2026-01-14', '05:00'), at('2026-01-14', '08:00')],
    ]);
    expect(plan).toMatchObject({ wanted: 3, hours: 3, unscheduled: 1 });
    for (const x of plan.sessions) {
      expect(x.end.getTime()).toBeLessThanOrEqual(DEADLINE.getTime());
      expect(clock.workingMinutesBetween(x.start, x.end)).toBe(0); // overtime, never normal hours
    }
  });

  it('Friday window end: skips the weekend, never proposes anything after the Monday deadline', () => {
    const friday = new WorkingClock({
      zone,
      day1: '2026-01-13',
      holidays: [],
      times: { ...DEFAULT_DAY_TIMES },
    });
    const end = friday.at(4, '12:00'); // Fri 1/16
    const deadline = friday.addWorkingMinutes(end, 480); // Mon 1/19 13:00
    expect(deadline).toEqual(at('2026-01-19', '13:00'));
    const plan = otSessions(friday, end, deadline, 3, 3);
    expect(fmt(plan)).toEqual([
      [at('2026-01-16', '16:30'), at('2026-01-16', '19:30')],
      [at('2026-01-19', '05:00'), at('2026-01-19', '08:00')],
    ]);
    expect(plan.unscheduled).toBe(1);
  });

  it('a holiday in the extension lengthens it; sessions still end by the deadline', () => {
    const holiday = new WorkingClock({
      zone,
      day1: '2026-01-08',
      holidays: ['2026-01-14'],
      times: { ...DEFAULT_DAY_TIMES },
    });
    const end = holiday.at(4, '12:00'); // Tue 1/13
    const deadline = holiday.addWorkingMinutes(end, 480); // Thu 1/15 13:00 (Wed is a holiday)
    expect(deadline).toEqual(at('2026-01-15', '13:00'));
    const plan = otSessions(holiday, end, deadline, 3, 3);
    expect(fmt(plan)).toEqual([
      [at('2026-01-13', '16:30'), at('2026-01-13', '19:30')],
      [at('2026-01-15', '05:00'), at('2026-01-15', '08:00')],
    ]);
  });

  it('a longer extension fits all three, earliest first', () => {
    const deadline = clock.addWorkingMinutes(WINDOW_END, 16 * 60); // Thu 1/15 10:15
    const plan = otSessions(clock, WINDOW_END, deadline, 3, 3);
    expect(fmt(plan)).toEqual([
      [at('2026-01-13', '16:30'), at('2026-01-13', '19:30')],
      [at('2026-01-14', '05:00'), at('2026-01-14', '08:00')],
      [at('2026-01-14', '16:30'), at('2026-01-14', '19:30')],
    ]);
    expect(plan.unscheduled).toBe(0);
  });

  it('starts from a late alert: no session before it', () => {
    const plan = otSessions(clock, at('2026-01-13', '18:00'), DEADLINE, 3, 3);
    expect(fmt(plan)).toEqual([[at('2026-01-14', '05:00'), at('2026-01-14', '08:00')]]);
  });
});
