import {
  isTimeZoneId,
  timeZoneIdProblem,
  addDays,
  daysBetween,
  formatHhmm,
  formatMdy,
  formatTime12h,
  intlZone,
  parseDateText,
  parseDateValue,
  parseHhmm,
  parseTimeOfDay,
  weekdayOf,
  ymdOf,
  zoneFromFormatter,
} from '../../src/domain/timeZone';

const denver = intlZone('America/Denver');

describe('calendar helpers', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-08', 1)).toBe('2026-01-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-08', '2026-01-12')).toBe(4);
  });
  it('knows weekdays', () => {
    expect(weekdayOf('2026-01-08')).toBe(4); // Thursday
    expect(weekdayOf('2026-01-11')).toBe(0); // Sunday
  });
  it('rejects impossible dates', () => {
    expect(ymdOf(2026, 2, 30)).toBeNull();
    expect(ymdOf(2025, 2, 29)).toBeNull();
    expect(ymdOf(2028, 2, 29)).toBe('2028-02-29');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
  it('parses and formats times of day', () => {
    expect(parseHhmm('08:00')).toBe(480);
    expect(parseHhmm('8:05')).toBe(485);
    expect(parseHhmm('24:00')).toBeNull();
    expect(parseHhmm('8')).toBeNull();
    expect(formatHhmm(990)).toBe('16:30');
    expect(formatTime12h('16:30')).toBe('4:30 PM');
    expect(formatTime12h('00:15')).toBe('12:15 AM');
    expect(formatMdy('2026-01-08')).toBe('1/8/2026');
  });
});

describe('parseDateText', () => {
  it.each([
    ['1/8/2026', '2026-01-08'],
    ['01/08/26', '2026-01-08'],
    ['2026-01-08', '2026-01-08'],
    ['2026/1/8', '2026-01-08'],
    ['1-8-2026', '2026-01-08'],
  ])('%s', (text, ymd) => {
    expect(parseDateText(text)).toEqual({ ok: true, ymd });
  });
  it('tells a bad format from an impossible date', () => {
    expect(parseDateText('Jan 8')).toMatchObject({ ok: false, reason: 'format' });
    expect(parseDateText('2/30/2026')).toMatchObject({ ok: false, reason: 'calendar' });
  });
});

describe('lenient cell readers', () => {
  it('reads time cells given as Dates on 1899-12-30 in the spreadsheet zone', () => {
    const eightAm = denver.fromLocal('1899-12-30', '08:00');
    expect(parseTimeOfDay(eightAm, denver)).toBe('08:00');
  });
  it.each([
    ['8:00', '08:00'],
    ['8:00 AM', '08:00'],
    ['4:30pm', '16:30'],
    ['12:00 PM', '12:00'],
    ['12:15 a.m.', '00:15'],
    ['16:30', '16:30'],
    ['8 am', '08:00'],
    ['noon', '12:00'],
  ])('reads %p', (text, hhmm) => {
    expect(parseTimeOfDay(text)).toBe(hhmm);
  });
  it.each(['25:00', '8', '13:00 PM', 'soon', '8:60'])('rejects %p', (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });
  it('reads day fractions and date cells', () => {
    expect(parseTimeOfDay(0.5)).toBe('12:00');
    expect(parseDateValue(denver.fromLocal('2026-01-08', '00:00'), denver)).toBe('2026-01-08');
    expect(parseDateValue('1/8/2026', denver)).toBe('2026-01-08');
    expect(parseDateValue('soon', denver)).toBeNull();
  });
});

describe('zones', () => {
  it('reads local time and offsets', () => {
    expect(denver.toLocal(new Date('2026-01-08T15:00:00Z'))).toEqual({
      year: 2026,
      month: 1,
      day: 8,
      hour: 8,
      minute: 0,
      weekday: 4,
    });
    expect(denver.ymd(new Date('2026-01-09T06:59:00Z'))).toBe('2026-01-08');
    expect(denver.ymd(new Date('2026-01-09T07:00:00Z'))).toBe('2026-01-09');
  });
  it('converts wall time to instants across the March 8 2026 DST change', () => {
    expect(denver.fromLocal('2026-03-06', '08:00').toISOString()).toBe('2026-03-06T15:00:00.000Z');
    expect(denver.fromLocal('2026-03-09', '08:00').toISOString()).toBe('2026-03-09T14:00:00.000Z');
    // 02:30 never happens on March 8: it maps forward to 03:30 MDT.
    expect(denver.fromLocal('2026-03-08', '02:30').toISOString()).toBe('2026-03-08T09:30:00.000Z');
    // 01:30 happens twice on November 1: the first (MDT) wins.
    expect(denver.fromLocal('2026-11-01', '01:30').toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });
  it('works from an Apps Script style formatter and rejects unreadable output', () => {
    const fixed = zoneFromFormatter('Etc/GMT+7', (d) => {
      const local = new Date(d.getTime() - 7 * 3_600_000).toISOString();
      return `${local.slice(0, 10)} ${local.slice(11, 16)} -0700`;
    });
    expect(fixed.fromLocal('2026-01-08', '08:00').toISOString()).toBe('2026-01-08T15:00:00.000Z');
    const broken = zoneFromFormatter('X', () => 'nonsense');
    expect(() => broken.ymd(new Date())).toThrow(/cannot read "nonsense"/);
  });
  it('rejects bad input', () => {
    expect(() => denver.fromLocal('2026-01-08', '8am')).toThrow(RangeError);
    expect(() => intlZone('Not/AZone')).toThrow(RangeError);
  });
  it('handles zones east of UTC and half-hour offsets', () => {
    const kolkata = intlZone('Asia/Kolkata');
    expect(kolkata.fromLocal('2026-01-08', '08:00').toISOString()).toBe('2026-01-08T02:30:00.000Z');
    const berlin = intlZone('Europe/Berlin');
    expect(berlin.fromLocal('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('timeZoneIdProblem / isTimeZoneId (Settings › Time Zone has no fallback)', () => {
  it('accepts IANA ids in their own spelling and Java GMT offsets', () => {
    for (const id of ['America/Denver', 'America/New_York', 'UTC', 'GMT', 'GMT-7', 'GMT+05:30', 'Etc/GMT+7'])
      expect([id, timeZoneIdProblem(id)]).toEqual([id, null]);
  });
  it('names misspelt ids, words, wrong case and impossible offsets', () => {
    expect(timeZoneIdProblem('America/Denvr')).toMatch(/is not a time zone id/);
    expect(timeZoneIdProblem('Mountain Time')).toMatch(/is not a time zone id/);
    expect(timeZoneIdProblem('AMERICA/DENVER')).toBe(
      'is not spelt as the time zone database spells it: write "America/Denver" (capitals matter)',
    );
    expect(timeZoneIdProblem('GMT+25')).toBe('is not a valid GMT offset');
    expect(isTimeZoneId('America/Denvr')).toBe(false);
    expect(isTimeZoneId('America/Denver')).toBe(true);
  });
});
