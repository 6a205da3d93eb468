import * as vm from 'vm';
import { FakeClock } from '../../workspace/clock';
import { Meter } from '../../workspace/meter';
import { FakeUtilities, zonedToUtc } from '../../workspace/utilities';

function setup() {
  const meter = new Meter();
  const clock = new FakeClock(new Date('2026-01-08T15:00:00Z'));
  return { meter, clock, u: new FakeUtilities({ meter, clock }) };
}

describe('FakeUtilities.formatDate', () => {
  const { u } = setup();
  const winter = new Date('2026-01-08T15:04:05.007Z'); // Thu 08:04:05 MST

  test('numeric fields in America/Denver (MST, UTC-7)', () => {
    expect(u.formatDate(winter, 'America/Denver', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-01-08 08:04:05');
    expect(u.formatDate(winter, 'America/Denver', 'yy/M/d H:m:s.SSS')).toBe('26/1/8 8:4:5.007');
    expect(u.formatDate(winter, 'America/Denver', 'hh:mm a')).toBe('08:04 AM');
    expect(u.formatDate(winter, 'America/Denver', 'h a')).toBe('8 AM');
  });

  test('names, offsets and quoted literals', () => {
    expect(u.formatDate(winter, 'America/Denver', 'EEE, MMM d')).toBe('Thu, Jan 8');
    expect(u.formatDate(winter, 'America/Denver', 'EEEE, MMMM dd, yyyy')).toBe('Thursday, January 08, 2026');
    expect(u.formatDate(winter, 'America/Denver', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2026-01-08T08:04:05-07:00',
    );
    expect(u.formatDate(winter, 'America/Denver', 'Z')).toBe('-0700');
    expect(u.formatDate(winter, 'America/Denver', 'z')).toBe('MST');
    expect(u.formatDate(winter, 'America/Denver', "h 'o''clock'")).toBe("8 o'clock");
    expect(u.formatDate(winter, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-01-08T15:04:05Z');
  });

  test('noon and midnight in 12-hour form', () => {
    expect(u.formatDate(new Date('2026-01-08T19:00:00Z'), 'America/Denver', 'h:mm a')).toBe('12:00 PM');
    expect(u.formatDate(new Date('2026-01-08T07:00:00Z'), 'America/Denver', 'h:mm a, d')).toBe('12:00 AM, 8');
  });

  test('across the spring-forward DST change (2026-03-08)', () => {
    const before = new Date('2026-03-08T08:59:59Z');
    const after = new Date('2026-03-08T09:00:00Z');
    expect(u.formatDate(before, 'America/Denver', 'HH:mm:ss Z z')).toBe('01:59:59 -0700 MST');
    expect(u.formatDate(after, 'America/Denver', 'HH:mm:ss Z z')).toBe('03:00:00 -0600 MDT');
  });

  test('across the fall-back DST change (2026-11-01): 01:30 happens twice', () => {
    expect(u.formatDate(new Date('2026-11-01T07:30:00Z'), 'America/Denver', 'HH:mm XXX')).toBe(
      '01:30 -06:00',
    );
    expect(u.formatDate(new Date('2026-11-01T08:30:00Z'), 'America/Denver', 'HH:mm XXX')).toBe(
      '01:30 -07:00',
    );
  });

  test('other zones, fixed offsets, and the date line', () => {
    const d = new Date('2026-07-01T02:30:00Z');
    expect(u.formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-06-30 22:30');
    expect(u.formatDate(d, 'Asia/Kolkata', 'HH:mm Z')).toBe('08:00 +0530');
    expect(u.formatDate(d, 'GMT-7', 'HH:mm XXX')).toBe('19:30 -07:00');
    expect(u.formatDate(d, 'GMT', 'HH:mm')).toBe('02:30');
  });

  // Apps Script formats through Java: TimeZone.getTimeZone "returns the GMT zone if the given ID cannot be
  // understood", and Java zone ids are case-sensitive (docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html).
  test('a zone id in the wrong case is unknown to Java: GMT, as for any unknown id', () => {
    const d = new Date('2026-07-01T02:30:00Z');
    expect(u.formatDate(d, 'america/denver', 'HH:mm')).toBe('02:30');
    expect(u.formatDate(d, 'America/Denvr', 'HH:mm')).toBe('02:30');
    expect(u.formatDate(d, 'America/Denver', 'HH:mm')).toBe('20:30');
  });

  test("accepts a Date from the bundle's vm realm", () => {
    const vmDate = vm.runInNewContext('new Date(Date.UTC(2026, 0, 8, 15, 4, 5))') as Date;
    expect(u.formatDate(vmDate, 'America/Denver', 'HH:mm')).toBe('08:04');
  });

  test('week year and day of year', () => {
    const dec31 = new Date('2026-12-31T12:00:00Z'); // Thursday; its week holds 2027-01-01
    expect(u.formatDate(dec31, 'UTC', 'yyyy YYYY D')).toBe('2026 2027 365');
  });

  test('rejects non-dates and illegal pattern letters like Apps Script', () => {
    expect(() => u.formatDate('2026-01-08' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => u.formatDate(winter, 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
  });
});

describe('FakeUtilities other methods', () => {
  test('parseDate interprets wall time in the zone (DST-aware)', () => {
    const { u } = setup();
    expect(u.parseDate('2026-01-08 08:00', 'America/Denver', 'yyyy-MM-dd HH:mm').toISOString()).toBe(
      '2026-01-08T15:00:00.000Z',
    );
    expect(u.parseDate('07/04/2026 5:30 PM', 'America/Denver', 'MM/dd/yyyy h:mm a').toISOString()).toBe(
      '2026-07-04T23:30:00.000Z',
    );
    expect(() => u.parseDate('nope', 'UTC', 'yyyy-MM-dd')).toThrow('Unparseable date');
    expect(zonedToUtc('America/Denver', 2026, 3, 8, 3, 0).toISOString()).toBe('2026-03-08T09:00:00.000Z');
  });

  test('sleep advances the FakeClock instead of waiting', () => {
    const { u, clock } = setup();
    const t0 = clock.nowMs();
    u.sleep(1500);
    expect(clock.nowMs() - t0).toBe(1500);
  });

  test('getUuid is deterministic and well-formed', () => {
    const a = setup().u;
    const b = setup().u;
    const ids = [a.getUuid(), a.getUuid()];
    expect(ids).toEqual([b.getUuid(), b.getUuid()]);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('base64 round trip, blobs, formatString, parseCsv', () => {
    const { u } = setup();
    const enc = u.base64Encode('héllo ✓');
    expect(enc).toBe(Buffer.from('héllo ✓').toString('base64'));
    expect(u.newBlob(u.base64Decode(enc)).getDataAsString()).toBe('héllo ✓');
    expect(u.base64Decode('/w==')).toEqual([-1]);
    const blob = u.newBlob('<p>x</p>', 'text/html', 'a.html');
    expect([blob.getDataAsString(), blob.getContentType(), blob.getName()]).toEqual([
      '<p>x</p>',
      'text/html',
      'a.html',
    ]);
    expect(blob.setName('b.html').getName()).toBe('b.html');
    expect(u.formatString('%s has %d items (%.1f%%) %05d', 'Ann', 3.7, 42.345, 42)).toBe(
      'Ann has 3 items (42.3%) 00042',
    );
    expect(u.parseCsv('a,"b,c"\n"d ""q""",e')).toEqual([
      ['a', 'b,c'],
      ['d "q"', 'e'],
    ]);
  });

  test('every call is metered under Utilities', () => {
    const { u, meter } = setup();
    u.formatDate(new Date(0), 'UTC', 'yyyy');
    u.getUuid();
    expect(meter.count('Utilities.formatDate')).toBe(1);
    expect(meter.count('Utilities.getUuid')).toBe(1);
  });
});
