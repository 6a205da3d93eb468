import * as vm from 'vm';
import {
  escapeHtml,
  isBlank,
  isDate,
  isValidEmail,
  neutraliseFormula,
  parseBool,
  splitEmails,
  toBool,
  toText,
} from '../../src/domain/values';

describe('isDate', () => {
  it('recognises Dates from another realm, where instanceof fails', () => {
    const foreign: unknown = vm.runInNewContext('new Date(0)');
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(isDate('2026-01-08')).toBe(false);
    expect(isDate(0)).toBe(false);
  });
});

describe('toText / isBlank', () => {
  it('turns cell values into trimmed text', () => {
    expect(toText('  Jordan  ')).toBe('Jordan');
    expect(toText(null)).toBe('');
    expect(toText(undefined)).toBe('');
    expect(toText(3)).toBe('3');
    expect(toText(true)).toBe('TRUE');
    expect(toText(new Date('2026-01-08T15:00:00Z'))).toBe('2026-01-08T15:00:00.000Z');
    expect(toText(new Date('garbage'))).toBe('');
  });
  it('treats whitespace as blank but not 0 or FALSE', () => {
    expect(isBlank('   ')).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });
});

describe('toBool / parseBool', () => {
  it.each([true, 'TRUE', 'true', 'yes', 'Y', 'x', 'X', 1, '1', '✓'])('%p is true', (v) => {
    expect(toBool(v)).toBe(true);
  });
  it.each([false, 'FALSE', 'no', '', null, 0, 'maybe'])('%p is false', (v) => {
    expect(toBool(v)).toBe(false);
  });
  it('says when a value means neither', () => {
    expect(parseBool('maybe')).toBeNull();
    expect(parseBool('No')).toBe(false);
  });
});

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '  =1+1', '\tcmd'])('prefixes %p', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Jordan Lee - 1/8/2026 - Late')).toBe('Jordan Lee - 1/8/2026 - Late');
    expect(neutraliseFormula('')).toBe('');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('splitEmails / isValidEmail', () => {
  it('splits on commas, semicolons and whitespace, lowercases and dedupes', () => {
    expect(splitEmails(' A@x.com; b@X.com,\n a@x.com  c@x.com,, ')).toEqual([
      'a@x.com',
      'b@x.com',
      'c@x.com',
    ]);
    expect(splitEmails('')).toEqual([]);
  });
  it.each(['a@x.com', 'first.last+tag@sub.example.co.uk', "o'neil@x.org"])('%p is valid', (e) => {
    expect(isValidEmail(e)).toBe(true);
  });
  it.each(['a@x', 'a x@x.com', 'a@@x.com', 'a@x.com.', '.a@x.com', 'a..b@x.com', '@x.com', 'a@-x.com'])(
    '%p is invalid',
    (e) => {
      expect(isValidEmail(e)).toBe(false);
    },
  );
});
