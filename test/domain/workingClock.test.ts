import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { intlZone } from '../../src/domain/timeZone';
import {
  type CalendarConfig,
  DAY_END,
  DEFAULT_DAY_TIMES,
  WorkingClock,
  dueAt,
  validateDay,
  windowEnd,
} from '../../src/domain/workingClock';

const zone = intlZone('America/Denver');
const FULL_DAY = 510 - 60; // 08:00-16:30 minus two 15-minute breaks and a 30-minute lunch

function clock(overrides: Partial<CalendarConfig> = {}): WorkingClock {
  return new WorkingClock({
    zone,
    day1: '2026-01-08',
    holidays: [],
    times: { ...DEFAULT_DAY_TIMES },
    ...overrides,
  });
}
/** A Denver wall-clock instant. */
const at = (ymd: string, hhmm: string): Date => zone.fromLocal(ymd, hhmm);

describe('working days', () => {
  it('skips the weekend: Thursday, Friday, Monday, Tuesday', () => {
    const c = clock();
    expect([1, 2, 3, 4].map((n) => c.workingDate(n))).toEqual([
      '2026-01-08',
      '2026-01-09',
      '2026-01-12',
      '2026-01-13',
    ]);
    expect(c.dayNumberOf(at('2026-01-12', '09:00'))).toBe(3);
    expect(c.dayNumberOf(at('2026-01-10', '09:00'))).toBeNull(); // Saturday
    expect(c.dayNumberOf(at('2026-01-07', '09:00'))).toBe(0); // before Day 1
    expect(c.dayNumberOf(new Date('2026-01-09T06:30:00Z'))).toBe(1); // 11:30 PM on Day 1 in Denver
  });
  it('skips a holiday in the window', () => {
    const c = clock({ holidays: ['2026-01-12'] });
    expect(c.workingDate(3)).toBe('2026-01-13');
    expect(c.workingDate(4)).toBe('2026-01-14');
    expect(c.isWorkingDate('2026-01-12')).toBe(false);
    expect(c.dayNumberOf(at('2026-01-12', '10:00'))).toBeNull();
  });
  it('starts on the next working day when Day 1 Date is not one', () => {
    const c = clock({ day1: '2026-01-10' }); // a Saturday
    expect(c.workingDate(1)).toBe('2026-01-12');
    expect(c.dayNumberOf(at('2026-01-11', '09:00'))).toBe(0);
  });
  it('rejects day 0 and bad configuration', () => {
    expect(() => clock().workingDate(0)).toThrow(RangeError);
    expect(() => clock({ day1: '1/8/2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => clock({ times: { ...DEFAULT_DAY_TIMES, lunchStart: '10:05' } })).toThrow(/overlaps/);
  });
});

describe('day shape', () => {
  it('places day start/end, pauses and hands checks in local time', () => {
    const c = clock();
    expect(c.dayStartOf(1).toISOString()).toBe('2026-01-08T15:00:00.000Z');
    expect(c.dayEndOf(1).toISOString()).toBe('2026-01-08T23:30:00.000Z');
    expect(c.at(2, DAY_END)).toEqual(c.dayEndOf(2));
    expect(c.pauses(1).map((p) => [p.label, p.start.toISOString(), p.end.toISOString()])).toEqual([
      ['Break 1', '2026-01-08T17:00:00.000Z', '2026-01-08T17:15:00.000Z'],
      ['Lunch', '2026-01-08T19:00:00.000Z', '2026-01-08T19:30:00.000Z'],
      ['Break 2', '2026-01-08T21:30:00.000Z', '2026-01-08T21:45:00.000Z'],
    ]);
    const checks = c.handsChecks(3);
    expect(checks.map((h) => h.header)).toEqual([
      'D3 Before Break 1',
      'D3 After Break 1',
      'D3 Before Lunch',
      'D3 After Lunch',
      'D3 Before Break 2',
      'D3 After Break 2',
    ]);
    expect(checks[1].at).toEqual(at('2026-01-12', '10:15'));
    expect(checks[3].at).toEqual(at('2026-01-12', '12:30'));
  });
  it('finds the current hands check', () => {
    const c = clock();
    expect(c.currentHandsCheck(at('2026-01-08', '09:59'))).toBeNull();
    expect(c.currentHandsCheck(at('2026-01-08', '10:00'))?.header).toBe('D1 Before Break 1');
    expect(c.currentHandsCheck(at('2026-01-09', '12:10'))?.header).toBe('D2 Before Lunch');
    expect(c.currentHandsCheck(at('2026-01-13', '18:00'))?.header).toBe('D4 After Break 2');
    expect(c.currentHandsCheck(at('2026-01-10', '12:10'))).toBeNull(); // Saturday
    expect(c.currentHandsCheck(at('2026-01-14', '12:10'))).toBeNull(); // Day 5
  });
});

describe('workingMinutesBetween', () => {
  const c = clock();
  it('counts a full day without breaks and lunch', () => {
    expect(c.workingMinutesBetween(c.dayStartOf(1), c.dayEndOf(1))).toBe(FULL_DAY);
    expect(c.workingMinutesBetween(at('2026-01-08', '09:50'), at('2026-01-08', '10:20'))).toBe(15);
    expect(c.workingMinutesBetween(at('2026-01-08', '12:05'), at('2026-01-08', '12:25'))).toBe(0); // in lunch
  });
  it('ignores time after hours, over the weekend and before Day 1', () => {
    expect(c.workingMinutesBetween(at('2026-01-09', '16:00'), at('2026-01-12', '08:30'))).toBe(60);
    expect(c.workingMinutesBetween(at('2026-01-08', '18:00'), at('2026-01-08', '23:00'))).toBe(0);
    expect(c.workingMinutesBetween(at('2026-01-01', '12:00'), at('2026-01-08', '09:00'))).toBe(60);
  });
  it('is 0 when b is not after a, and keeps seconds', () => {
    expect(c.workingMinutesBetween(at('2026-01-08', '11:00'), at('2026-01-08', '09:00'))).toBe(0);
    const a = at('2026-01-08', '09:00');
    expect(c.workingMinutesBetween(a, new Date(a.getTime() + 90_000))).toBe(1.5);
  });
  it('counts four days of the window', () => {
    expect(c.workingMinutesBetween(c.dayStartOf(1), c.dayEndOf(4))).toBe(4 * FULL_DAY);
  });
  it('is DST-correct across the March 8 2026 change in America/Denver', () => {
    const dst = clock({ day1: '2026-03-06' }); // Friday MST; Day 2 is Monday MDT
    expect(dst.dayStartOf(2).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(dst.workingMinutesBetween(dst.dayStartOf(1), dst.dayStartOf(2))).toBe(FULL_DAY);
    expect(dst.workingMinutesBetween(at('2026-03-06', '16:00'), at('2026-03-09', '08:30'))).toBe(60);
    expect(dst.addWorkingMinutes(at('2026-03-06', '16:00'), 60)).toEqual(at('2026-03-09', '08:30'));
  });
});

describe('addWorkingMinutes', () => {
  const c = clock({ holidays: ['2026-01-12'] });
  it('skips pauses, nights, weekends and holidays', () => {
    expect(c.addWorkingMinutes(at('2026-01-08', '09:50'), 15)).toEqual(at('2026-01-08', '10:20'));
    expect(c.addWorkingMinutes(at('2026-01-09', '16:00'), 60)).toEqual(at('2026-01-13', '08:30'));
    // Final CAP: 8 working hours from Day 4 midday.
    expect(c.addWorkingMinutes(at('2026-01-14', '12:00'), 480)).toEqual(at('2026-01-15', '13:00'));
  });
  it('starts counting at the next working moment', () => {
    expect(c.addWorkingMinutes(at('2026-01-10', '11:00'), 0)).toEqual(at('2026-01-13', '08:00'));
    expect(c.addWorkingMinutes(at('2026-01-08', '12:10'), 0)).toEqual(at('2026-01-08', '12:30'));
    expect(c.addWorkingMinutes(at('2026-01-01', '12:00'), 30)).toEqual(at('2026-01-08', '08:30'));
  });
  it('ends at a boundary rather than the next resumption', () => {
    expect(c.addWorkingMinutes(c.dayStartOf(1), FULL_DAY)).toEqual(c.dayEndOf(1));
    expect(c.addWorkingMinutes(at('2026-01-08', '08:00'), 120)).toEqual(at('2026-01-08', '10:00'));
  });
  it('is the inverse of workingMinutesBetween', () => {
    const starts = ['07:00', '08:00', '09:59', '10:05', '12:29', '16:29', '20:00'].map((t) =>
      at('2026-01-08', t),
    );
    for (const from of starts) {
      for (const minutes of [0, 1, 14.5, 100, 450, 451, 1000, 2345]) {
        expect(c.workingMinutesBetween(from, c.addWorkingMinutes(from, minutes))).toBeCloseTo(minutes, 9);
      }
    }
  });
  it('rejects negative minutes', () => {
    expect(() => c.addWorkingMinutes(at('2026-01-08', '09:00'), -1)).toThrow(RangeError);
  });
});

describe('validateDay', () => {
  it('accepts the default day', () => {
    expect(validateDay(DEFAULT_DAY_TIMES)).toEqual([]);
  });
  it('names each problem', () => {
    expect(validateDay({ ...DEFAULT_DAY_TIMES, break2Start: '16:20' })).toEqual([
      'Break 2 (16:20-16:35) must lie inside the day (08:00-16:30)',
    ]);
    expect(validateDay({ ...DEFAULT_DAY_TIMES, lunchStart: '14:20' })).toEqual([
      'Lunch (14:20-14:50) overlaps Break 2 (starts 14:30)',
    ]);
    expect(validateDay({ ...DEFAULT_DAY_TIMES, break1Start: '13:00' })).toEqual([
      'Break 1 must come before Lunch',
    ]);
    expect(validateDay({ ...DEFAULT_DAY_TIMES, dayEnd: '07:00' })).toEqual([
      'Day End (07:00) must be after Day Start (08:00)',
    ]);
    expect(validateDay({ ...DEFAULT_DAY_TIMES, breakMinutes: 20, lunchMinutes: 60 })).toHaveLength(2);
    expect(validateDay({ ...DEFAULT_DAY_TIMES, dayStart: '8am' })[0]).toMatch(/Day Start "8am"/);
  });
});

describe('windowEnd', () => {
  it('is Day 4 midday for the default schedule', () => {
    const c = clock();
    expect(windowEnd(c, DEFAULT_SCHEDULE)).toEqual(at('2026-01-13', '12:00'));
    expect(windowEnd(c, [])).toEqual(at('2026-01-13', '12:00'));
    expect(dueAt(c, DEFAULT_SCHEDULE[0])).toEqual(c.dayEndOf(1));
  });
});
