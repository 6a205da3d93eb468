import { COHORTS, COHORTS_HEADERS } from '../../src/domain/contract';
import {
  cohortOfRow,
  cohortStatusAt,
  cohortTimeline,
  isRunning,
  parseCohorts,
} from '../../src/domain/cohorts';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule';
import { intlZone } from '../../src/domain/timeZone';
import { DEFAULT_DAY_TIMES, WorkingClock } from '../../src/domain/workingClock';

const zone = intlZone('America/Denver');
// Thursday 2026-01-08: Day 1 Thu, Day 2 Fri, Day 3 Mon 12th, Day 4 Tue 13th, Day 5 Wed 14th.
const clock = new WorkingClock({ zone, day1: '2026-01-08', holidays: [], times: { ...DEFAULT_DAY_TIMES } });
const at = (ymd: string, hhmm: string) => zone.fromLocal(ymd, hhmm);

describe('parseCohorts', () => {
  it('reads rows by header text, in any column order', () => {
    const headers = [...COHORTS_HEADERS].reverse();
    const row = (r: Record<string, unknown>) => headers.map((h) => r[h] ?? '');
    const parse = parseCohorts(
      [
        headers,
        row({ [COHORTS.cohort]: ' Jan 8 ', [COHORTS.day1Date]: '1/8/2026', [COHORTS.status]: 'active' }),
        row({}),
        row({
          [COHORTS.cohort]: 'Jan 15',
          [COHORTS.g2tLink]: 'https://g2t/x',
          [COHORTS.progressReportId]: 'R1',
        }),
      ],
      zone,
    );
    expect(parse.problems).toEqual([]);
    expect(parse.cohorts).toEqual([
      {
        name: 'Jan 8',
        day1: '2026-01-08',
        g2tLink: '',
        progressReportId: '',
        shownStatus: 'Active',
        sheetRow: 2,
      },
      {
        name: 'Jan 15',
        day1: null,
        g2tLink: 'https://g2t/x',
        progressReportId: 'R1',
        shownStatus: '',
        sheetRow: 4,
      },
    ]);
  });

  it('names each unusable value by row and header, and keeps the other rows', () => {
    const parse = parseCohorts(
      [
        COHORTS_HEADERS,
        ['', '1/8/2026', '', '', ''],
        ['A', '2/30/2026', 'not a link', '', ''],
        ['a', '1/8/2026', '', '', ''],
        ['B', '1/15/2026', '', '', ''],
      ],
      zone,
    );
    expect(parse.problems).toEqual([
      expect.stringContaining('"Cohorts" row 2, "Cohort" is blank'),
      expect.stringContaining('"Cohorts" row 3, "Day 1 Date": "2/30/2026" is not a real calendar date'),
      expect.stringContaining('"Cohorts" row 3, "G2T Link": "not a link" is not a web address'),
      expect.stringContaining('"Cohorts" row 4, "Cohort": "a" is already row 3'),
    ]);
    expect(parse.cohorts.map((c) => [c.name, c.day1])).toEqual([
      ['A', null],
      ['B', '2026-01-15'],
    ]);
  });

  it('an empty or missing sheet is no cohorts (the single-cohort Settings run as before)', () => {
    expect(parseCohorts([])).toEqual({ cohorts: [], problems: [] });
    expect(parseCohorts([COHORTS_HEADERS])).toEqual({ cohorts: [], problems: [] });
  });

  it('data without the Cohort header is a problem naming the header', () => {
    expect(
      parseCohorts([
        ['Name', 'Day 1 Date'],
        ['A', '1/8/2026'],
      ]).problems,
    ).toEqual([expect.stringContaining('missing the header "Cohort"')]);
  });
});

describe('cohort status from its own clock', () => {
  const timeline = cohortTimeline(clock, DEFAULT_SCHEDULE, 8, 5);

  it('Planned before Day 1 starts, Active through the window, Extension past the deadline, then Closed', () => {
    expect(cohortStatusAt(timeline, at('2026-01-07', '17:00'))).toBe('Planned');
    expect(cohortStatusAt(timeline, at('2026-01-08', '07:59'))).toBe('Planned');
    expect(cohortStatusAt(timeline, at('2026-01-08', '08:00'))).toBe('Active');
    expect(cohortStatusAt(timeline, at('2026-01-13', '11:59'))).toBe('Active');
    expect(cohortStatusAt(timeline, at('2026-01-13', '12:00'))).toBe('Extension');
    // Deadline: Tue 12:00 + 8 working hours (a break and a lunch on the way) = Wed 14th.
    expect(zone.ymd(timeline.finalCapDeadline)).toBe('2026-01-14');
    // The Day-5 sweep runs after Day End: still Extension that evening.
    expect(cohortStatusAt(timeline, at('2026-01-14', '18:00'))).toBe('Extension');
    expect(cohortStatusAt(timeline, at('2026-01-15', '00:00'))).toBe('Closed');
    expect(cohortStatusAt(timeline, at('2026-03-01', '09:00'))).toBe('Closed');
  });

  it('a cohort without a usable Day 1 Date is Planned, and only Active/Extension run', () => {
    expect(cohortStatusAt(null, at('2026-01-08', '09:00'))).toBe('Planned');
    expect(['Planned', 'Active', 'Extension', 'Closed'].filter((s) => isRunning(s as never))).toEqual([
      'Active',
      'Extension',
    ]);
  });

  it('a deadline late in the evening keeps the cohort open until its termination check ran', () => {
    const long = cohortTimeline(clock, DEFAULT_SCHEDULE, 40, 5);
    expect(long.closedAt.getTime()).toBeGreaterThanOrEqual(long.finalCapDeadline.getTime() + 2 * 3_600_000);
    expect(cohortStatusAt(long, new Date(long.finalCapDeadline.getTime() + 3_600_000))).toBe('Extension');
  });
});

describe('cohortOfRow', () => {
  const cohorts = [
    { name: 'Jan 8', status: 'Extension' as const },
    { name: 'Jan 15', status: 'Active' as const },
    { name: 'Dec 1', status: 'Closed' as const },
  ];

  it('a named cohort is that cohort, matched the way a TL types it', () => {
    expect(cohortOfRow(' jan  8', 7, cohorts)).toEqual({ cohort: 'Jan 8' });
    expect(cohortOfRow('Dec 1', 7, cohorts)).toEqual({ cohort: 'Dec 1' });
  });

  it('a blank Cohort with exactly one Planned/Active cohort means that one', () => {
    expect(cohortOfRow('', 9, cohorts)).toEqual({ cohort: 'Jan 15' });
  });

  it('a blank Cohort in a tracker of one class is that class, whatever its status', () => {
    expect(cohortOfRow('', 3, [{ name: 'Only', status: 'Extension' }])).toEqual({ cohort: 'Only' });
    expect(cohortOfRow('', 3, [{ name: 'Only', status: 'Closed' }])).toEqual({ cohort: 'Only' });
    expect(cohortOfRow('', 3, [cohorts[0], cohorts[2]])).toEqual({
      problem: expect.stringContaining('is blank and no class is Planned or Active'),
    });
  });

  it('a blank Cohort with two Planned/Active cohorts is a roster problem named by row', () => {
    const two = [...cohorts, { name: 'Jan 22', status: 'Planned' as const }];
    expect(cohortOfRow('  ', 12, two)).toEqual({
      problem: expect.stringContaining(
        '"ESP Tracker" row 12, "Cohort" is blank and 2 classes are Planned or Active ("Jan 15", "Jan 22")',
      ),
    });
  });

  it('an unknown name is a roster problem naming row, header and value', () => {
    expect(cohortOfRow('Feb 2', 4, cohorts)).toEqual({
      problem: expect.stringContaining(
        '"ESP Tracker" row 4, "Cohort": "Feb 2" is not a class in the "Cohorts" sheet',
      ),
    });
  });
});
