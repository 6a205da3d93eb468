import { assessPace, type TickEvent } from '../../src/domain/pace';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { intlZone } from '../../src/domain/timeZone';
import { DEFAULT_DAY_TIMES, WorkingClock } from '../../src/domain/workingClock';

// Day 1 Thu 1/8, Day 2 Fri 1/9, Day 3 Mon 1/12, Day 4 Tue 1/13 (window ends 12:00). 450 working min/day:
// 08:00-10:00, 10:15-12:00, 12:30-14:30, 14:45-16:30.
const zone = intlZone('America/Denver');
const clock = new WorkingClock({ zone, day1: '2026-01-08', holidays: [], times: { ...DEFAULT_DAY_TIMES } });
const at = (ymd: string, hhmm: string): Date => zone.fromLocal(ymd, hhmm);
const tick = (item: string, ymd: string, hhmm: string, checked = true): TickEvent => ({
  item,
  checked,
  at: at(ymd, hhmm),
});
const THU = '2026-01-08';
const FRI = '2026-01-09';
const MON = '2026-01-12';

describe('assessPace across a weekend', () => {
  // Given shuffled, with Module 3 ticked Friday, unticked, and reticked Monday.
  const log: TickEvent[] = [
    tick('Module 3 Reviewed', MON, '08:30'),
    tick('Quiz 1 Screenshots', THU, '11:00'),
    tick('Module 3 Reviewed', FRI, '09:05', false),
    tick('Module 1 Reviewed', THU, '10:45'),
    tick('Quiz 2 Screenshots', THU, '16:20'),
    tick('Module 3 Reviewed', FRI, '09:00'),
    tick('module 2 reviewed', THU, '16:00'),
    tick('Not On The Schedule', THU, '09:00'),
  ];
  const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(MON, '09:00'));
  const spent = (item: string): number | null =>
    report.items.find((i) => i.item === item)?.spentMinutes ?? null;

  it('done at = the last tick that left the box checked', () => {
    const m3 = report.items.find((i) => i.item === 'Module 3 Reviewed');
    expect(m3?.doneAt).toEqual(at(MON, '08:30'));
    expect(report.doneCount).toBe(5);
  });

  it('measures working minutes between consecutive completions, breaks and the weekend excluded', () => {
    expect(spent('Module 1 Reviewed')).toBe(150); // 08:00-10:00 + 10:15-10:45
    expect(spent('Quiz 1 Screenshots')).toBe(15);
    expect(spent('Module 2 Reviewed')).toBe(255); // 11:00-12:00 + 12:30-14:30 + 14:45-16:00
    expect(spent('Quiz 2 Screenshots')).toBe(20);
    expect(spent('Module 3 Reviewed')).toBe(10 + 450 + 30); // Thu 16:20-16:30, all Friday, Mon 08:00-08:30
    expect(spent('Module 4 Reviewed')).toBeNull();
    expect(report.hoursSpent).toBe((450 + 450 + 30) / 60);
  });

  it('warns when a module took longer than its pace limit', () => {
    expect(report.paceWarnings).toEqual([
      { item: 'Module 2 Reviewed', spentHours: 4.25, limitHours: 3 },
      { item: 'Module 3 Reviewed', spentHours: 490 / 60, limitHours: 3 },
    ]);
  });

  it('lists overdue (Day 2) and due-today (Day 3) items, and is behind', () => {
    expect(report.overdue).toEqual(['Module 4 Reviewed', 'Quiz 3 Screenshots', 'Quiz 4 Screenshots']);
    expect(report.dueToday).toEqual([
      'Module 5 Reviewed',
      'Quiz 5 Screenshots',
      'AHIP Final',
      'Aetna Cert Courses',
      '13 Checkmarks Proof Emailed',
    ]);
    expect(report.verdict).toBe('behind');
  });

  it('projects the finish at the agent own pace: 930 min / 5 items × 9 left = 1674 min from Mon 09:00', () => {
    // Mon 390 + Tue 450 + Wed 450 = 1290; Thu: 120 + 105 + 120 + 39 → 15:24.
    expect(report.projectedFinish).toEqual(at('2026-01-15', '15:24'));
    expect(report.windowEnd).toEqual(at('2026-01-13', '12:00'));
  });
});

describe('assessPace verdicts', () => {
  it('with nothing done projects from the pace limits (21 h) and is on track at Day 1 start', () => {
    const report = assessPace(DEFAULT_SCHEDULE, clock, [], at(THU, '08:00'));
    // Thu 450 + Fri 450 + Mon 360: 120 + 105 + 120 + 15 → 15:00.
    expect(report.projectedFinish).toEqual(at(MON, '15:00'));
    expect(report.verdict).toBe('on-track');
    expect(report.hoursSpent).toBe(0);
  });

  const dayOne: TickEvent[] = [
    tick('Module 1 Reviewed', THU, '10:45'), // 150
    tick('Quiz 1 Screenshots', THU, '13:15'), // 75 + 45 = 120
    tick('Module 2 Reviewed', THU, '16:15'), // 75 + 90 = 165
    tick('Quiz 2 Screenshots', THU, '16:30'), // 15
  ];

  it('finishing exactly at the window end is on track (450 / 4 × 10 = 1125 min from Fri 08:00 → Tue 12:00)', () => {
    const report = assessPace(DEFAULT_SCHEDULE, clock, dayOne, at(FRI, '08:00'));
    expect(report.paceWarnings).toEqual([]);
    expect(report.projectedFinish).toEqual(at('2026-01-13', '12:00'));
    expect(report.verdict).toBe('on-track');
  });

  it('half an hour later the same pace ends after the window: at risk', () => {
    const report = assessPace(DEFAULT_SCHEDULE, clock, dayOne, at(FRI, '08:30'));
    expect(report.projectedFinish).toEqual(at('2026-01-13', '13:00')); // 30 min more, after lunch
    expect(report.verdict).toBe('at-risk');
  });

  it('a pace warning alone makes an agent at risk', () => {
    const report = assessPace(
      DEFAULT_SCHEDULE,
      clock,
      [tick('Module 1 Reviewed', THU, '12:00')],
      at(THU, '12:00'),
    );
    expect(report.paceWarnings.map((w) => w.item)).toEqual(['Module 1 Reviewed']);
    expect(report.overdue).toEqual([]);
    expect(report.verdict).toBe('at-risk');
  });

  it('shares an evening batch of ticks evenly instead of charging the first box', () => {
    const batch = ['Module 1 Reviewed', 'Module 2 Reviewed', 'Quiz 1 Screenshots', 'Quiz 2 Screenshots'].map(
      (item, i) => tick(item, THU, i < 2 ? '16:20' : '16:21'),
    );
    const report = assessPace(DEFAULT_SCHEDULE, clock, batch, at(THU, '16:30'));
    expect(report.items.slice(0, 4).map((i) => i.spentMinutes)).toEqual([110.25, 110.25, 110.25, 110.25]);
    expect(report.paceWarnings).toEqual([]);
  });

  it('is complete when every item is done, finishing at the last tick', () => {
    const log = DEFAULT_SCHEDULE.map((s, i) => tick(s.item, i < 7 ? THU : FRI, i < 7 ? '16:00' : '16:10'));
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(MON, '09:00'));
    expect(report.verdict).toBe('complete');
    expect(report.projectedFinish).toEqual(at(FRI, '16:10'));
    expect(report.overdue).toEqual([]);
  });
});
