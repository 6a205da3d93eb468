import {
  attendanceRun,
  excusedChecks,
  excuseNoteLine,
  excuseWithdrawnLine,
  miaNoteLine,
  returnedNoteLine,
} from '../../src/domain/attendance';
import { attendanceCheckHeaders } from '../../src/domain/contract';
import { parseNoteCell } from '../../src/domain/nameDateNote';

const headers = attendanceCheckHeaders();
const marks = (...values: unknown[]): Record<string, unknown> =>
  Object.fromEntries(values.map((v, i) => [headers[i], v]));

describe('attendanceRun', () => {
  it('counts only checks taken so far: later blanks are not misses', () => {
    const run = attendanceRun(headers, marks(true, true, true), 'D1 Before Lunch');
    expect(run).toEqual({
      consecutiveMisses: 0,
      maxRun: 0,
      isMia: false,
      wasMia: false,
      atOneMiss: false,
      missedHeaders: [],
      excusedHeaders: [],
      episode: [],
      returnedAt: '',
    });
  });

  it('a single trailing miss (blank) is one away from MIA', () => {
    const run = attendanceRun(headers, marks(true, ''), 'D1 After Break 1');
    expect(run).toMatchObject({ consecutiveMisses: 1, maxRun: 1, isMia: false, atOneMiss: true });
    expect(run.missedHeaders).toEqual(['D1 After Break 1']);
  });

  it('two misses in a row is MIA; a miss, a response, a miss is not', () => {
    expect(attendanceRun(headers, marks(true, false, false), 'D1 Before Lunch').isMia).toBe(true);
    const broken = attendanceRun(headers, marks(false, true, false), 'D1 Before Lunch');
    expect(broken).toMatchObject({ consecutiveMisses: 1, maxRun: 1, isMia: false, atOneMiss: true });
  });

  it('miss, miss is MIA; MIA then present is RETURNED, not MIA (defect: MIA never cleared)', () => {
    const mia = attendanceRun(headers, marks(false, false), 'D1 After Break 1');
    expect(mia).toMatchObject({ isMia: true, wasMia: true, episode: headers.slice(0, 2), returnedAt: '' });
    const back = attendanceRun(headers, marks(false, false, true, true), 'D1 After Lunch');
    expect(back).toMatchObject({
      consecutiveMisses: 0,
      maxRun: 2,
      isMia: false,
      wasMia: true,
      atOneMiss: false,
      episode: ['D1 Before Break 1', 'D1 After Break 1'],
      returnedAt: 'D1 Before Lunch',
    });
  });

  it('returned then one miss is "1 miss", not MIA again; a second full run is a new episode', () => {
    const oneMiss = attendanceRun(headers, marks(false, false, true, false), 'D1 After Lunch');
    expect(oneMiss).toMatchObject({ isMia: false, atOneMiss: true, returnedAt: 'D1 Before Lunch' });
    const again = attendanceRun(headers, marks(false, false, true, false, false), 'D1 Before Break 2');
    expect(again).toMatchObject({
      isMia: true,
      episode: ['D1 After Lunch', 'D1 Before Break 2'],
      returnedAt: '',
    });
  });

  it('miss, excused, miss is MIA: an excused check neither breaks nor extends a run', () => {
    const excused = new Set(['D1 After Break 1']);
    const run = attendanceRun(headers, marks(false, false, false), 'D1 Before Lunch', 2, excused);
    expect(run).toMatchObject({
      consecutiveMisses: 2,
      isMia: true,
      missedHeaders: ['D1 Before Break 1', 'D1 Before Lunch'],
      excusedHeaders: ['D1 After Break 1'],
      episode: ['D1 Before Break 1', 'D1 Before Lunch'],
    });
    // …and does not extend one: miss, excused is still one miss away.
    const one = attendanceRun(headers, marks(false, false), 'D1 After Break 1', 2, excused);
    expect(one).toMatchObject({ consecutiveMisses: 1, isMia: false, atOneMiss: true });
  });

  it('excused checks are never MIA, however many', () => {
    const all = new Map(headers.slice(0, 6).map((h) => [h, 'HR approved'] as const));
    const run = attendanceRun(
      headers,
      marks(false, false, false, false, false, false),
      'D1 After Break 2',
      2,
      all,
    );
    expect(run).toMatchObject({ isMia: false, wasMia: false, atOneMiss: false, missedHeaders: [] });
    expect(run.excusedHeaders).toHaveLength(6);
  });

  it('a ticked box wins over an excuse (the agent was there)', () => {
    const excused = new Set(['D1 After Break 1']);
    const run = attendanceRun(headers, marks(false, true, false), 'D1 Before Lunch', 2, excused);
    expect(run).toMatchObject({ isMia: false, excusedHeaders: [], consecutiveMisses: 1 });
  });

  it('counts runs across the night: last check of Day 1 and first of Day 2', () => {
    const values = marks(true, true, true, true, true, false, '');
    const run = attendanceRun(headers, values, 'D2 Before Break 1');
    expect(run.missedHeaders).toEqual(['D1 After Break 2', 'D2 Before Break 1']);
    expect(run.isMia).toBe(true);
  });

  it('honours a configured threshold of 3', () => {
    const values = marks(false, false);
    expect(attendanceRun(headers, values, 'D1 After Break 1', 3)).toMatchObject({
      isMia: false,
      atOneMiss: true,
    });
    expect(attendanceRun(headers, values, 'D1 Before Lunch', 3).isMia).toBe(true);
  });

  it('an unknown current check counts nothing', () => {
    expect(attendanceRun(headers, marks(false, false), 'D9 Nope').isMia).toBe(false);
  });
});

describe('miaNoteLine', () => {
  it('writes a valid Name - Date - Note line', () => {
    const line = miaNoteLine('Jo Lead', '2026-01-08', ['D1 Before Lunch', 'D1 After Lunch']);
    expect(line).toBe('Jo Lead - 1/8/2026 - MIA: missed D1 Before Lunch, D1 After Lunch');
    expect(parseNoteCell(line, '2026-01-08').ok).toBe(true);
  });

  it('keeps the line parseable when the name holds spaced dashes or line breaks', () => {
    const line = miaNoteLine('Jo - Lead\nSmith', '2026-01-12', []);
    expect(line).toBe('Jo Lead Smith - 1/12/2026 - MIA');
    expect(parseNoteCell(line, '2026-01-12').ok).toBe(true);
  });
});

describe('excuse and return note lines', () => {
  const all = headers;

  it('writes valid Name - Date - Note lines for excused, withdrawn and returned', () => {
    for (const line of [
      excuseNoteLine('Jo Lead', '2026-12-03', 'D1 After Lunch', "HR approved:\n doctor's appointment"),
      excuseWithdrawnLine('Jo Lead', '2026-12-03', 'D1 After Lunch'),
      returnedNoteLine('ESP Licensing', '2026-12-03', 'D1 After Lunch', [
        'D1 Before Break 1',
        'D1 After Break 1',
      ]),
    ])
      expect(parseNoteCell(line, '2026-12-03')).toMatchObject({ ok: true, normalized: line });
    expect(excuseNoteLine('Jo Lead', '2026-12-03', 'D1 After Lunch', "HR approved:\n doctor's")).toBe(
      "Jo Lead - 12/3/2026 - Excused D1 After Lunch: HR approved: doctor's",
    );
    expect(returnedNoteLine('ESP Licensing', '2026-12-03', 'D1 Before Lunch', ['D1 Before Break 1'])).toBe(
      'ESP Licensing - 12/3/2026 - Returned at D1 Before Lunch (MIA: missed D1 Before Break 1)',
    );
  });

  it('reads excuses top to bottom: the latest line for a check wins; typed lines and dashes count', () => {
    const note = [
      'Jo Lead - 12/3/2026 - Joined late',
      excuseNoteLine('Jo Lead', '2026-12-03', 'D1 After Lunch', 'HR approved: doctor'),
      'Sam TL – 12/3/2026 – excused d1 before break 2: dentist (typed by hand, en dashes)',
      excuseNoteLine('Jo Lead', '2026-12-03', 'D2 Before Lunch', 'HR approved'),
      excuseWithdrawnLine('Jo Lead', '2026-12-04', 'D2 Before Lunch'),
      'Jo Lead - 12/3/2026 - Excused D9 Nope: not a check',
      'Jo Lead - 12/3/2026 - The agent said they were excused D1 After Break 2 (not an excuse line)',
    ].join('\n');
    expect([...excusedChecks(note, all)]).toEqual([
      ['D1 After Lunch', 'HR approved: doctor'],
      ['D1 Before Break 2', 'dentist (typed by hand, en dashes)'],
    ]);
    expect(excusedChecks('', all).size).toBe(0);
  });
});
