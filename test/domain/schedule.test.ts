import { SCHEDULE_HEADERS } from '../../src/domain/contract';
import { DEFAULT_SCHEDULE, inferKind, parseSchedule, scheduleToRows } from '../../src/domain/schedule';
import { intlZone } from '../../src/domain/timeZone';
import { DAY_END } from '../../src/domain/workingClock';

describe('DEFAULT_SCHEDULE', () => {
  it('follows the seed table, with Day 2 screenshots for quizzes 3-4', () => {
    const byDay = (day: number): string[] =>
      DEFAULT_SCHEDULE.filter((i) => i.dueDay === day).map((i) => i.item);
    expect(byDay(1)).toEqual([
      'Module 1 Reviewed',
      'Module 2 Reviewed',
      'Quiz 1 Screenshots',
      'Quiz 2 Screenshots',
    ]);
    expect(byDay(2)).toEqual([
      'Module 3 Reviewed',
      'Module 4 Reviewed',
      'Quiz 3 Screenshots',
      'Quiz 4 Screenshots',
    ]);
    expect(byDay(3)).toEqual([
      'Module 5 Reviewed',
      'Quiz 5 Screenshots',
      'AHIP Final',
      'Aetna Cert Courses',
      '13 Checkmarks Proof Emailed',
    ]);
    expect(DEFAULT_SCHEDULE.find((i) => i.dueDay === 4)).toEqual({
      item: 'Aetna Product Modules',
      dueDay: 4,
      dueTime: '12:00',
      paceLimitHours: 4,
      kind: 'course',
    });
    expect(DEFAULT_SCHEDULE.find((i) => i.item === 'AHIP Final')?.paceLimitHours).toBe(2);
    expect(DEFAULT_SCHEDULE.filter((i) => i.kind === 'module').every((i) => i.paceLimitHours === 3)).toBe(
      true,
    );
  });
  it('round-trips through the sheet', () => {
    const { items, problems } = parseSchedule(scheduleToRows(DEFAULT_SCHEDULE));
    expect(problems).toEqual([]);
    expect(items).toEqual(DEFAULT_SCHEDULE);
  });
});

describe('parseSchedule', () => {
  it('finds columns by header text in any order, with extra columns', () => {
    const rows = [
      ['Pace Limit Hours', 'Notes', ' due day ', 'Item', 'Due Time'],
      [3, 'x', 1, 'Module 1 Reviewed', ''],
      ['', '', '', '', ''],
      ['', '', 'Day 2', 'Quiz 3 Screenshots', 'day end'],
      ['4 h', '', '4', 'Aetna Product Modules', '12:00 PM'],
    ];
    const { items, problems } = parseSchedule(rows);
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { item: 'Module 1 Reviewed', dueDay: 1, dueTime: DAY_END, paceLimitHours: 3, kind: 'module' },
      { item: 'Quiz 3 Screenshots', dueDay: 2, dueTime: DAY_END, paceLimitHours: null, kind: 'quiz' },
      { item: 'Aetna Product Modules', dueDay: 4, dueTime: '12:00', paceLimitHours: 4, kind: 'course' },
    ]);
  });
  it('reads time cells that Sheets returns as Dates', () => {
    const zone = intlZone('America/Denver');
    const rows = [[...SCHEDULE_HEADERS], ['AHIP Final', 3, zone.fromLocal('1899-12-30', '15:00'), 2]];
    expect(parseSchedule(rows, zone).items[0].dueTime).toBe('15:00');
  });
  it('reports bad values by row and header and leaves those rows out', () => {
    const rows = [
      [...SCHEDULE_HEADERS],
      ['Module 1 Reviewed', 1, '', 3],
      ['Module 2 Reviewed', 'x', '', 3],
      ['Quiz 1 Screenshots', 5, 'later', 'lots'],
      ['', 2, '', ''],
      ['module 1 reviewed', 2, '', ''],
      ['AHIP Final', 1.5, '', -2],
    ];
    const { items, problems } = parseSchedule(rows);
    expect(items.map((i) => i.item)).toEqual(['Module 1 Reviewed']);
    expect(problems).toEqual([
      'Schedule row 3, "Due Day": "x" is not a whole number 1-4',
      'Schedule row 4, "Due Day": "5" is not a whole number 1-4',
      'Schedule row 4, "Due Time": "later" is not a time of day (e.g. 12:00) or "Day End"',
      'Schedule row 4, "Pace Limit Hours": "lots" is not a number of hours from more than 0 to 24 (leave blank for no limit)',
      'Schedule row 5, "Item": the item name is blank',
      'Schedule row 6, "Item": "module 1 reviewed" is already listed on row 2',
      'Schedule row 7, "Due Day": "1.5" is not a whole number 1-4',
      'Schedule row 7, "Pace Limit Hours": "-2" is not a number of hours from more than 0 to 24 (leave blank for no limit)',
    ]);
  });
  it('names missing headers', () => {
    expect(parseSchedule([['Item', 'When']]).problems).toEqual([
      'Schedule: the "Due Day" column is missing (headers: Item, Due Day, Due Time, Pace Limit Hours)',
      'Schedule: the "Due Time" column is missing (headers: Item, Due Day, Due Time, Pace Limit Hours)',
      'Schedule: the "Pace Limit Hours" column is missing (headers: Item, Due Day, Due Time, Pace Limit Hours)',
    ]);
    const partial = parseSchedule([
      ['Item', 'Due Day'],
      ['Module 1 Reviewed', 1],
    ]);
    expect(partial.items).toEqual([
      { item: 'Module 1 Reviewed', dueDay: 1, dueTime: DAY_END, paceLimitHours: null, kind: 'module' },
    ]);
    expect(parseSchedule([]).problems).toHaveLength(4);
  });
});

describe('inferKind', () => {
  it.each([
    ['Module 3 Reviewed', 'module'],
    ['Quiz 2 Screenshots', 'quiz'],
    ['AHIP Final', 'final'],
    ['13 Checkmarks Proof Emailed', 'proof'],
    ['Aetna Product Modules', 'course'],
    ['Aetna Cert Courses', 'course'],
  ])('%s → %s', (item, kind) => {
    expect(inferKind(item)).toBe(kind);
  });
});

describe('parseSchedule: sane bounds (SPEC behaviour 13)', () => {
  const header = [...SCHEDULE_HEADERS];
  it('names a pace limit above 24 hours by row and header, and leaves the row out', () => {
    const { items, problems } = parseSchedule([
      header,
      ['Module 1 Reviewed', 1, 'Day End', 30],
      ['Quiz 1', 1, '', 24],
    ]);
    expect(items.map((i) => i.item)).toEqual(['Quiz 1']);
    expect(problems).toEqual([
      'Schedule row 2, "Pace Limit Hours": "30" is not a number of hours from more than 0 to 24 (leave blank for no limit)',
    ]);
  });
  it('names a Schedule with no usable item (nothing would ever be due)', () => {
    expect(parseSchedule([header]).problems).toEqual([
      'Schedule: no usable item rows: nothing is ever due, so nobody is behind (fill in the Schedule sheet)',
    ]);
    expect(parseSchedule([header, ['Module 1 Reviewed', 'x', '', '']]).problems).toHaveLength(2);
  });
});
