import { parseNoteCell } from '../../src/domain/nameDateNote';

const TODAY = '2026-01-08';
const EXPECTED = 'Expected: Name - Date - Note, e.g. "Jordan Lee - 1/8/2026 - Joined late, camera off"';

/** The error for a one-line cell. */
function errorOf(text: string, today = TODAY): string | undefined {
  const result = parseNoteCell(text, today);
  expect(result.ok).toBe(false);
  return result.lines[0].error;
}

function normalizedOf(text: string, today = TODAY): string {
  const result = parseNoteCell(text, today);
  expect(result.message).toBe('');
  expect(result.ok).toBe(true);
  return result.normalized;
}

describe('valid entries', () => {
  it('parses the canonical form', () => {
    const result = parseNoteCell('Jordan Lee - 1/8/2026 - Joined late, camera off', TODAY);
    expect(result).toEqual({
      ok: true,
      message: '',
      normalized: 'Jordan Lee - 1/8/2026 - Joined late, camera off',
      lines: [
        {
          line: 1,
          raw: 'Jordan Lee - 1/8/2026 - Joined late, camera off',
          ok: true,
          name: 'Jordan Lee',
          date: '2026-01-08',
          note: 'Joined late, camera off',
          normalized: 'Jordan Lee - 1/8/2026 - Joined late, camera off',
        },
      ],
    });
  });
  it('treats an empty cell and blank lines as fine', () => {
    expect(parseNoteCell('', TODAY)).toEqual({ lines: [], ok: true, normalized: '', message: '' });
    expect(normalizedOf('\n  \nJordan - 1/7/2026 - Late\n\n')).toBe('Jordan - 1/7/2026 - Late');
  });
  it.each([
    ['hyphen-minus', '-'],
    ['en dash', '\u2013'],
    ['em dash', '\u2014'],
    ['minus sign', '\u2212'],
    ['figure dash', '\u2012'],
    ['hyphen', '\u2010'],
  ])('accepts the %s as a separator', (_name, dash) => {
    expect(normalizedOf(`Jordan Lee ${dash} 1/8/2026 ${dash} Tardy`)).toBe('Jordan Lee - 1/8/2026 - Tardy');
  });
  it('normalises stray spaces and mixed dashes', () => {
    expect(normalizedOf('   Jordan    Lee-1/8/2026 —   Left   early  ')).toBe(
      'Jordan Lee - 1/8/2026 - Left early',
    );
    expect(normalizedOf('Jordan Lee\u00a0–\u00a01 / 8 / 2026 – Late')).toBe('Jordan Lee - 1/8/2026 - Late');
  });
  it('accepts the other date forms and normalises them to M/D/YYYY', () => {
    expect(normalizedOf('Jordan - 2026-01-07 - Late')).toBe('Jordan - 1/7/2026 - Late');
    expect(normalizedOf('Jordan-2026-01-07-Late')).toBe('Jordan - 1/7/2026 - Late');
    expect(normalizedOf('Jordan - 01/07/26 - Late')).toBe('Jordan - 1/7/2026 - Late');
    expect(normalizedOf('Jordan - 1-7-2026 - Late')).toBe('Jordan - 1/7/2026 - Late');
  });
  it('lets the note contain dashes and the name a hyphen', () => {
    const result = parseNoteCell('Mary-Kate Olsen - 1/8/2026 - Left early - doctor – back tomorrow', TODAY);
    expect(result.lines[0]).toMatchObject({
      ok: true,
      name: 'Mary-Kate Olsen',
      note: 'Left early - doctor – back tomorrow',
    });
  });
  it('knows leap years', () => {
    expect(normalizedOf('Jordan - 2/29/2028 - Late', '2028-03-01')).toBe('Jordan - 2/29/2028 - Late');
    expect(normalizedOf('Jordan - 2/29/2024 - Late')).toBe('Jordan - 2/29/2024 - Late');
  });
});

describe('invalid entries', () => {
  it('rejects impossible dates', () => {
    expect(errorOf('Jordan - 2/30/2026 - Late')).toBe('the date "2/30/2026" is not a real calendar date');
    expect(errorOf('Jordan - 2/29/2025 - Late')).toBe('the date "2/29/2025" is not a real calendar date');
    expect(errorOf('Jordan - 13/1/2026 - Late')).toBe('the date "13/1/2026" is not a real calendar date');
    expect(errorOf('Jordan - 2026-02-30 - Late')).toBe('the date "2026-02-30" is not a real calendar date');
  });
  it('rejects future dates, naming today', () => {
    expect(errorOf('Jordan - 1/9/2026 - Late')).toBe(
      'the date "1/9/2026" is in the future (today is 1/8/2026)',
    );
    expect(normalizedOf('Jordan - 1/8/2026 - Late')).toBe('Jordan - 1/8/2026 - Late');
  });
  it('names the missing part', () => {
    expect(errorOf('- 1/8/2026 - Late')).toBe('the name is missing');
    expect(errorOf('1/8/2026 - Late')).toBe('the name is missing');
    expect(errorOf('Jordan - 1/8/2026')).toBe('the note is missing');
    expect(errorOf('Jordan - 1/8/2026 -   ')).toBe('the note is missing');
    expect(errorOf('Jordan - - Late')).toBe('the date is missing');
    expect(errorOf('Jordan - Joined late')).toBe(
      'the date is missing (found "Joined late" where the date should be)',
    );
    expect(errorOf('1/8/2026')).toBe('the name is missing; the note is missing');
  });
  it('explains bad separators and date forms', () => {
    expect(errorOf('Jordan')).toBe('there are no dashes separating a name, a date and a note');
    expect(errorOf('Jordan Lee 1/8/2026 Late')).toBe('the name, date and note are not separated by dashes');
    expect(errorOf('Jordan - 1/8/2026 Late')).toBe('a dash is missing between the date and the note');
    expect(errorOf('Jordan - Jan 8 2026 - Late')).toBe(
      '"Jan 8 2026" is not a date in a recognised form (M/D/YYYY, e.g. 1/8/2026)',
    );
    expect(errorOf('Mary-Kate - 1/8 - Late')).toBe(
      '"1/8" is not a date in a recognised form (M/D/YYYY, e.g. 1/8/2026)',
    );
  });
  it('checks the name', () => {
    expect(errorOf('12345 - 1/8/2026 - Late')).toBe('the name "12345" has no letters');
    expect(errorOf(`${'A'.repeat(61)} - 1/8/2026 - Late`)).toMatch(/longer than 60 characters/);
  });
  it('treats formula-looking text as plain text', () => {
    expect(errorOf('=HYPERLINK("http://evil","click")')).toBe(
      'there are no dashes separating a name, a date and a note',
    );
    expect(errorOf('+1 - 1/8/2026 - Late')).toBe('the name "+1" has no letters');
    expect(normalizedOf('@Jordan - 1/8/2026 - =SUM(A1)')).toBe('@Jordan - 1/8/2026 - =SUM(A1)');
  });
});

describe('cells with several lines', () => {
  it('keeps bad lines verbatim, normalises good ones, and explains each bad one by line number', () => {
    const text =
      'Jordan Lee – 1/7/2026 – Tardy\n\nSam Ray - 2/30/2026 - Absent\nPat Kim-1/8/2026-Left early\nno dashes here';
    const result = parseNoteCell(text, TODAY);
    expect(result.ok).toBe(false);
    expect(result.lines.map((l) => [l.line, l.ok])).toEqual([
      [1, true],
      [3, false],
      [4, true],
      [5, false],
    ]);
    expect(result.normalized).toBe(
      'Jordan Lee - 1/7/2026 - Tardy\nSam Ray - 2/30/2026 - Absent\nPat Kim - 1/8/2026 - Left early\nno dashes here',
    );
    expect(result.message).toBe(
      `Line 3 ("Sam Ray - 2/30/2026 - Absent"): the date "2/30/2026" is not a real calendar date. ${EXPECTED}\n` +
        `Line 5 ("no dashes here"): there are no dashes separating a name, a date and a note. ${EXPECTED}`,
    );
  });
  it('shortens long lines in the message', () => {
    const long = `Jordan - 1/9/2026 - ${'x'.repeat(100)}`;
    expect(parseNoteCell(long, TODAY).message).toMatch(/^Line 1 \("Jordan - 1\/9\/2026 - x+…"\)/);
  });
  it('rejects a malformed today', () => {
    expect(() => parseNoteCell('x', '1/8/2026')).toThrow(RangeError);
  });
});
