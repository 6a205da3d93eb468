import { attendanceRun, miaNoteLine } from '../../src/domain/attendance';
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
      atOneMiss: false,
      missedHeaders: [],
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

  it('stays MIA after the agent responds again (maxRun keeps the history)', () => {
    const run = attendanceRun(headers, marks(false, false, true, true), 'D1 After Lunch');
    expect(run).toMatchObject({ consecutiveMisses: 0, maxRun: 2, isMia: true, atOneMiss: false });
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
