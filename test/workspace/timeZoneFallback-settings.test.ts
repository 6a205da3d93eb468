/**
 * The Google behaviour behind SPEC behaviour 13's "misspelt Time Zone": Utilities.formatDate does not
 * reject a time zone id it does not know, it formats in GMT. Apps Script documents the parameter as
 * "timeZone — the output timezone of the result" (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String))
 * and resolves it like Java's TimeZone.getTimeZone, whose Javadoc says it returns "the specified
 * TimeZone, or the GMT zone if the given ID cannot be understood"
 * (https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html#getTimeZone-java.lang.String-;
 * seen in Apps Script: https://github.com/pixelcog/gmail-to-pdf/issues/13 — "it has problems taking
 * "EDT" as the timezone input, and end up using "GMT" instead").
 * So the product must check the id itself (src/domain/timeZone.ts `timeZoneIdProblem`); these tests pin
 * the fake to the silent fallback so a bundle test of a misspelt zone sees what Google would do.
 */
import { FakeClock } from '../../workspace/clock';
import { Meter } from '../../workspace/meter';
import { FakeUtilities } from '../../workspace/utilities';
import { timeZoneIdProblem } from '../../src/domain/timeZone';

const u = new FakeUtilities({ meter: new Meter(), clock: new FakeClock(new Date('2026-01-08T15:00:00Z')) });
const winter = new Date('2026-01-08T15:04:00Z'); // 08:04 in Denver

describe('Utilities.formatDate with an unknown time zone id (fake = Google)', () => {
  it('formats a misspelt id in GMT, without an error', () => {
    expect(u.formatDate(winter, 'America/Denvr', 'HH:mm Z')).toBe('15:04 +0000');
    expect(u.formatDate(winter, 'Mountain Time', 'HH:mm Z')).toBe('15:04 +0000');
  });
  it('formats a known id in its own zone', () => {
    expect(u.formatDate(winter, 'America/Denver', 'HH:mm Z')).toBe('08:04 -0700');
  });
});

describe('timeZoneIdProblem (what the product checks instead)', () => {
  it.each([
    ['America/Denver', null],
    ['UTC', null],
    ['GMT-7', null],
    ['Etc/GMT+7', null],
  ])('accepts %s', (id, expected) => expect(timeZoneIdProblem(id)).toBe(expected));
  it.each(['America/Denvr', 'Mountain Time', '', 'GMT+99'])('rejects %j', (id) =>
    expect(timeZoneIdProblem(id)).not.toBeNull(),
  );
  it('rejects a wrong case and gives the right spelling (Java ids are case-sensitive)', () => {
    expect(timeZoneIdProblem('america/denver')).toMatch(/write "America\/Denver"/);
  });
});
