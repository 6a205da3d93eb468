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

  it('measures only live ticks: the first tick of a day and a Monday tick after the weekend are not measured', () => {
    expect(spent('Module 1 Reviewed')).toBeNull(); // Thursday's first tick: start unknown
    expect(spent('Quiz 1 Screenshots')).toBe(15); // 10:45 → 11:00
    expect(spent('Module 2 Reviewed')).toBe(255); // 11:00-12:00 + 12:30-14:30 + 14:45-16:00
    expect(spent('Quiz 2 Screenshots')).toBe(20);
    expect(spent('Module 3 Reviewed')).toBeNull(); // Monday's first tick
    expect(spent('Module 4 Reviewed')).toBeNull();
    const measurement = (item: string) => report.items.find((i) => i.item === item)?.measurement;
    expect(measurement('Module 1 Reviewed')).toBe('first-of-day');
    expect(measurement('Module 3 Reviewed')).toBe('first-of-day');
    expect(measurement('Module 4 Reviewed')).toBeNull();
    expect(report.measuredHours).toBe((15 + 255 + 20) / 60);
    expect(report.measuredCount).toBe(3);
    expect(report.hoursSpent).toBe((450 + 450 + 30) / 60); // elapsed to the last tick, not effort
  });

  it('warns only for a measured module over its pace limit', () => {
    expect(report.paceWarnings).toEqual([{ item: 'Module 2 Reviewed', spentHours: 4.25, limitHours: 3 }]);
  });

  it('lists overdue (Day 2) and due-today (Day 3) items, and is behind', () => {
    expect(report.dueByNow).toBe(8); // Day 1 and Day 2 items
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

  it('projects the finish from items per elapsed working hour: 960 min / 5 items × 9 left = 1728 min from Mon 09:00', () => {
    // Elapsed Thu 450 + Fri 450 + Mon 60 = 960. From Mon 09:00: Mon 390 + Tue 450 + Wed 450 = 1290;
    // Thu: 120 + 105 + 120 + 93 → 16:18.
    expect(report.elapsedHours).toBe(16);
    expect(report.itemsPerHour).toBe(5 / 16);
    expect(report.projectionBasis).toBe('rate');
    expect(report.projectedFinish).toEqual(at('2026-01-15', '16:18'));
    expect(report.windowEnd).toEqual(at('2026-01-13', '12:00'));
  });
});

describe('assessPace verdicts', () => {
  it('with nothing done projects from the pace limits (21 h) and is on track at Day 1 start', () => {
    const report = assessPace(DEFAULT_SCHEDULE, clock, [], at(THU, '08:00'));
    expect(report.projectionBasis).toBe('schedule');
    expect(report.itemsPerHour).toBeNull();
    expect(report.measuredHours).toBeNull();
    // Thu 450 + Fri 450 + Mon 360: 120 + 105 + 120 + 15 → 15:00.
    expect(report.projectedFinish).toEqual(at(MON, '15:00'));
    expect(report.verdict).toBe('on-track');
    expect(report.hoursSpent).toBe(0);
  });

  const dayOne: TickEvent[] = [
    tick('Module 1 Reviewed', THU, '10:45'), // the day's first tick: not measured
    tick('Quiz 1 Screenshots', THU, '13:15'), // 75 + 45 = 120
    tick('Module 2 Reviewed', THU, '16:15'), // 75 + 90 = 165
    tick('Quiz 2 Screenshots', THU, '16:30'), // 15
  ];

  it('finishing exactly at the window end is on track (450 / 4 × 10 = 1125 min from Fri 08:00 → Tue 12:00)', () => {
    const report = assessPace(DEFAULT_SCHEDULE, clock, dayOne, at(FRI, '08:00'));
    expect(report.items.slice(0, 4).map((i) => i.spentMinutes)).toEqual([null, 165, 120, 15]);
    expect(report.paceWarnings).toEqual([]);
    expect(report.projectedFinish).toEqual(at('2026-01-13', '12:00'));
    expect(report.verdict).toBe('on-track');
  });

  it('half an hour later the same items per hour end after the window: at risk', () => {
    // 480 elapsed / 4 × 10 = 1200 min from Fri 08:30: Fri 420, Mon 450, Tue 120 + 105 + 105 → 14:15.
    const report = assessPace(DEFAULT_SCHEDULE, clock, dayOne, at(FRI, '08:30'));
    expect(report.projectedFinish).toEqual(at('2026-01-13', '14:15'));
    expect(report.verdict).toBe('at-risk');
  });

  it('a measured pace warning alone makes an agent at risk', () => {
    const log = [tick('Quiz 1 Screenshots', THU, '08:30'), tick('Module 1 Reviewed', THU, '12:00')];
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(THU, '12:00'));
    // 08:30-10:00 + 10:15-12:00 = 195 min > 3 h. Projection: 225 / 2 × 12 = 1350 min → Tue 12:00, in time.
    expect(report.paceWarnings).toEqual([{ item: 'Module 1 Reviewed', spentHours: 3.25, limitHours: 3 }]);
    expect(report.projectedFinish).toEqual(at('2026-01-13', '12:00'));
    expect(report.overdue).toEqual([]);
    expect(report.verdict).toBe('at-risk');
  });

  it('is complete when every item is done, finishing at the last tick', () => {
    const log = DEFAULT_SCHEDULE.map((s, i) => tick(s.item, i < 7 ? THU : FRI, i < 7 ? '16:00' : '16:10'));
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(MON, '09:00'));
    expect(report.verdict).toBe('complete');
    expect(report.projectedFinish).toEqual(at(FRI, '16:10'));
    expect(report.overdue).toEqual([]);
  });
});

/**
 * RULES "Pace": agents tick in the evening, so the time between ticks is not time on a module. Before this
 * rule an evening first tick was charged the whole day (7.5 h), a first tick at 13:30 4.8 h, 13 boxes
 * ticked at once shared the days evenly (1.7 h each), and an exempt agent's Day-3 tick 19.8 h — each a
 * pace warning or a figure a TL would act on. Now those are "not measured" and warn nobody.
 */
describe('pace that is true: hours only from live ticks', () => {
  const hours = (report: ReturnType<typeof assessPace>) =>
    Object.fromEntries(report.items.filter((i) => i.done).map((i) => [i.item, i.spentMinutes]));
  const measurements = (report: ReturnType<typeof assessPace>) =>
    Object.fromEntries(report.items.filter((i) => i.done).map((i) => [i.item, i.measurement]));

  it('evening ticking (every tick 17:00-18:00) is not measured and raises no pace warning', () => {
    const log = [
      tick('Module 1 Reviewed', THU, '17:05'),
      tick('Quiz 1 Screenshots', THU, '17:20'),
      tick('Module 2 Reviewed', THU, '17:40'),
      tick('Quiz 2 Screenshots', THU, '17:55'),
    ];
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(THU, '18:00'));
    expect(hours(report)).toEqual({
      'Module 1 Reviewed': null,
      'Module 2 Reviewed': null,
      'Quiz 1 Screenshots': null,
      'Quiz 2 Screenshots': null,
    });
    expect(new Set(Object.values(measurements(report)))).toEqual(new Set(['outside-hours']));
    expect(report.measuredHours).toBeNull();
    expect(report.paceWarnings).toEqual([]);
    // Facts still decide: Day 1's four items were due and are done; 4 items in 7.5 h → Tue 12:00.
    expect(report.dueByNow).toBe(4);
    expect(report.overdue).toEqual([]);
    expect(report.projectedFinish).toEqual(at('2026-01-13', '12:00'));
    expect(report.verdict).toBe('on-track');
  });

  it('batch ticking (13 boxes within two minutes, during working hours) is not measured', () => {
    const items = DEFAULT_SCHEDULE.slice(0, 13).map((s) => s.item);
    const start = at(MON, '16:00').getTime();
    const log = items.map((item, i) => ({ item, checked: true, at: new Date(start + i * 10_000) }));
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(MON, '16:30'));
    expect(report.doneCount).toBe(13);
    expect(new Set(Object.values(measurements(report)))).toEqual(new Set(['batch']));
    expect(Object.values(hours(report)).every((m) => m === null)).toBe(true);
    expect(report.paceWarnings).toEqual([]);
    expect(report.measuredHours).toBeNull();
    // 13 done in 3 working days: Aetna Product Modules left, 1350 / 13 = 103.8 min from Mon 16:30 → Tue.
    expect(report.verdict).toBe('on-track');
    expect(report.projectedFinish).toEqual(clock.addWorkingMinutes(at(MON, '16:30'), 1350 / 13));
  });

  it('two boxes ticked a minute apart are a batch too; a tick more than 5 minutes later is live', () => {
    const log = [
      tick('Quiz 1 Screenshots', THU, '09:00'),
      tick('Module 1 Reviewed', THU, '11:00'),
      tick('Module 2 Reviewed', THU, '11:01'),
      tick('Quiz 2 Screenshots', THU, '11:07'),
    ];
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(THU, '16:30'));
    expect(measurements(report)).toEqual({
      'Quiz 1 Screenshots': 'first-of-day',
      'Module 1 Reviewed': 'batch',
      'Module 2 Reviewed': 'batch',
      'Quiz 2 Screenshots': 'measured',
    });
    expect(hours(report)['Quiz 2 Screenshots']).toBe(6); // from the batch's last tick, 11:01
  });

  it('live ticking during the day is measured, breaks and lunch excluded', () => {
    const log = [
      tick('Module 1 Reviewed', THU, '09:40'), // first tick of the day: start unknown
      tick('Quiz 1 Screenshots', THU, '10:20'), // 09:40-10:00 + 10:15-10:20 = 25 (break excluded)
      tick('Module 2 Reviewed', THU, '13:10'), // 10:20-12:00 + 12:30-13:10 = 140 (lunch excluded)
      tick('Quiz 2 Screenshots', THU, '15:00'), // 13:10-14:30 + 14:45-15:00 = 95 (break excluded)
    ];
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(THU, '16:30'));
    expect(hours(report)).toEqual({
      'Module 1 Reviewed': null,
      'Module 2 Reviewed': 140,
      'Quiz 1 Screenshots': 25,
      'Quiz 2 Screenshots': 95,
    });
    expect(report.measuredHours).toBe(260 / 60);
    expect(report.paceWarnings).toEqual([]);
  });

  it('a live module over its limit warns: 09:30 → 13:45 is 3.5 working hours', () => {
    const log = [tick('Quiz 1 Screenshots', THU, '09:30'), tick('Module 2 Reviewed', THU, '13:45')];
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(THU, '14:00'));
    // 09:30-10:00 30 + 10:15-12:00 105 + 12:30-13:45 75 = 210 min.
    expect(report.paceWarnings).toEqual([{ item: 'Module 2 Reviewed', spentHours: 3.5, limitHours: 3 }]);
    expect(report.verdict).toBe('at-risk');
  });

  it('a first tick at 13:30 is not charged the morning (was 4.8 h and a pace warning)', () => {
    const report = assessPace(
      DEFAULT_SCHEDULE,
      clock,
      [tick('Module 1 Reviewed', THU, '13:30'), tick('Quiz 1 Screenshots', THU, '14:10')],
      at(THU, '14:10'),
    );
    expect(measurements(report)).toEqual({
      'Module 1 Reviewed': 'first-of-day',
      'Quiz 1 Screenshots': 'measured',
    });
    expect(hours(report)).toEqual({ 'Module 1 Reviewed': null, 'Quiz 1 Screenshots': 40 });
    expect(report.paceWarnings).toEqual([]);
  });

  it('a tick the day after the previous one is the first of its day, not the evening plus the morning', () => {
    const log = [tick('Module 1 Reviewed', THU, '16:00'), tick('Module 2 Reviewed', FRI, '11:30')];
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(FRI, '11:30'));
    expect(measurements(report)['Module 2 Reviewed']).toBe('first-of-day');
    expect(report.paceWarnings).toEqual([]);
  });

  it('a box found ticked with no tick time (dated by the sync) is never measured, nor a start', () => {
    const log: TickEvent[] = [
      { ...tick('Module 1 Reviewed', THU, '10:00'), synthetic: true },
      tick('Module 2 Reviewed', THU, '14:00'),
    ];
    const report = assessPace(DEFAULT_SCHEDULE, clock, log, at(THU, '16:30'));
    expect(measurements(report)).toEqual({
      'Module 1 Reviewed': 'no-tick-time',
      'Module 2 Reviewed': 'first-of-day',
    });
  });

  describe('an exempt agent', () => {
    // Quiz 1 Day 3 08:30 (first of day), Module 1 Day 3 13:30: 90 + 105 + 60 = 255 min, over 3 h.
    const log = [tick('Quiz 1 Screenshots', MON, '08:30'), tick('Module 1 Reviewed', MON, '13:30')];
    const exempt = assessPace(DEFAULT_SCHEDULE, clock, log, at(MON, '16:45'), { exempt: true });
    const regular = assessPace(DEFAULT_SCHEDULE, clock, log, at(MON, '16:45'));

    it('gets no pace warning (a regular agent with the same ticks does)', () => {
      expect(regular.paceWarnings).toEqual([{ item: 'Module 1 Reviewed', spentHours: 4.25, limitHours: 3 }]);
      expect(exempt.paceWarnings).toEqual([]);
      expect(exempt.exempt).toBe(true);
    });

    it('keeps the measured facts and the factual verdict (Day 1-2 items overdue: behind)', () => {
      expect(exempt.measuredHours).toBe(4.25);
      expect(exempt.overdue).toContain('Module 2 Reviewed');
      expect(exempt.verdict).toBe('behind');
    });

    it('a lone first tick on Day 3 at 13:30 is not measured (was 19.8 h: Day 1 08:00 to Day 3 13:30)', () => {
      const late = assessPace(
        DEFAULT_SCHEDULE,
        clock,
        [tick('Module 1 Reviewed', MON, '13:30')],
        at(MON, '16:45'),
        {
          exempt: true,
        },
      );
      expect(hours(late)).toEqual({ 'Module 1 Reviewed': null });
      expect(late.measuredHours).toBeNull();
      expect(late.paceWarnings).toEqual([]);
    });
  });
});
