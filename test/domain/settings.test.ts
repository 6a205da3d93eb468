import { SETTINGS_HEADERS } from '../../src/domain/contract';
import {
  SETTING_DEFINITIONS,
  calendarConfigOf,
  defaultSettings,
  parseSettings,
  settingsToRows,
} from '../../src/domain/settings';
import { intlZone } from '../../src/domain/timeZone';
import { WorkingClock } from '../../src/domain/workingClock';

const zone = intlZone('America/Denver');

describe('SETTING_DEFINITIONS', () => {
  it('lists the SPEC keys in order, then the extras, each described', () => {
    expect(SETTING_DEFINITIONS.map((d) => d.key)).toEqual([
      'Cohort Name',
      'Day 1 Date',
      'Day Start',
      'Day End',
      'Break 1 Start',
      'Lunch Start',
      'Break 2 Start',
      'G2T Link',
      'Licensing Team Email',
      'ESP Manager Emails',
      'PM Emails',
      'Ops Management Emails',
      'HR Emails',
      'Cert Coordinator Email',
      'Progress Report Template ID',
      'Leadership Drive Folder ID',
      'Progress Report ID',
      'Completion Form URL',
      'Holidays',
      'Final CAP Extension Hours',
      'OT Sessions',
      'OT Session Hours',
      'MIA Consecutive Misses',
      'Dry Run',
      'Time Zone',
      'Calendar Events',
      'CAP Document Template ID',
    ]);
    for (const d of SETTING_DEFINITIONS) expect(d.description.length).toBeGreaterThan(10);
  });
  it('has working defaults', () => {
    const s = defaultSettings();
    expect(s).toMatchObject({
      day1: null,
      dayStart: '08:00',
      dayEnd: '16:30',
      break1Start: '10:00',
      lunchStart: '12:00',
      break2Start: '14:30',
      finalCapExtensionHours: 8,
      otSessions: 3,
      otSessionHours: 3,
      miaConsecutiveMisses: 2,
      dryRun: true,
      calendarEvents: false,
      holidays: [],
      pmEmails: [],
    });
    const { settings, problems } = parseSettings(settingsToRows(), zone);
    expect(problems).toEqual([]);
    expect(settings).toEqual(s);
    expect(settingsToRows()[0]).toEqual([...SETTINGS_HEADERS]);
  });
});

describe('parseSettings', () => {
  it('reads Date cells in the spreadsheet zone', () => {
    const { settings, problems } = parseSettings(
      [
        ['Key', 'Value'],
        ['Day 1 Date', zone.fromLocal('2026-01-08', '00:00')],
        ['Day Start', zone.fromLocal('1899-12-30', '07:30')],
        ['Holidays', zone.fromLocal('2026-01-19', '00:00')],
      ],
      zone,
    );
    expect(problems).toEqual([]);
    expect(settings.day1).toBe('2026-01-08');
    expect(settings.dayStart).toBe('07:30');
    expect(settings.holidays).toEqual(['2026-01-19']);
  });
  it('reads typed text, matching keys loosely', () => {
    const { settings, problems } = parseSettings(
      [
        ['cohort name', '  Jan 2026 A '],
        ['Day 1 Date', '1/8/2026'],
        ['DAY END', '4:30 PM'],
        ['Break 2 Start', '2:30 pm'],
        ['ESP Manager Emails', 'Boss@X.com; boss2@x.com'],
        ['Holidays', '1/19/2026, 2026-02-16\n2/16/2026'],
        ['Final CAP Extension Hours', '10 hours'],
        ['OT Sessions', 2],
        ['Dry Run', false],
        ['Calendar Events', 'yes'],
        ['G2T Link', 'https://global.gotomeeting.com/join/123'],
        ['Favourite Colour', 'teal'],
      ],
      zone,
    );
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      cohortName: 'Jan 2026 A',
      day1: '2026-01-08',
      dayEnd: '16:30',
      break2Start: '14:30',
      espManagerEmails: ['boss@x.com', 'boss2@x.com'],
      holidays: ['2026-01-19', '2026-02-16'],
      finalCapExtensionHours: 10,
      otSessions: 2,
      dryRun: false,
      calendarEvents: true,
      g2tLink: 'https://global.gotomeeting.com/join/123',
    });
    expect(settings.extra).toEqual({ 'Favourite Colour': 'teal' });
  });
  it('names the key and the bad value, and falls back to the default', () => {
    const { settings, problems } = parseSettings(
      [
        ['Day 1 Date', '2/30/2026'],
        ['Day Start', '25:00'],
        ['HR Emails', 'hr@x.com, not-an-email'],
        ['Holidays', '1/19/2026, someday'],
        ['OT Sessions', '2.5'],
        ['Final CAP Extension Hours', 'eight'],
        ['Dry Run', 'maybe'],
        ['Completion Form URL', 'forms/abc'],
        ['Dry Run', 'FALSE'],
      ],
      zone,
    );
    expect(problems).toEqual([
      'Settings "Day 1 Date": "2/30/2026" is not a real calendar date (use M/D/YYYY, e.g. 1/8/2026); using the default',
      'Settings "Day Start": "25:00" is not a time of day (e.g. 8:00, 8:00 AM or 16:30); using the default',
      'Settings "HR Emails": "not-an-email" is not a valid email address; using the default',
      'Settings "Holidays": "someday" is not a real calendar date (use M/D/YYYY); using the default',
      'Settings "OT Sessions": "2.5" is not a whole number of 1 or more; using the default',
      'Settings "Final CAP Extension Hours": "eight" is not a positive number of hours; using the default',
      'Settings "Dry Run": "maybe" is not TRUE or FALSE; using the default',
      'Settings "Completion Form URL": "forms/abc" is not a web address (https://…); using the default',
      'Settings "Dry Run" appears more than once (row 9); the first one is used',
    ]);
    expect(settings.dryRun).toBe(true);
    expect(settings.dayStart).toBe('08:00');
    expect(settings.hrEmails).toEqual([]);
  });
  it('reports a day whose breaks do not fit', () => {
    const { problems } = parseSettings([['Break 2 Start', '16:20']], zone);
    expect(problems).toEqual(['Settings: Break 2 (16:20-16:35) must lie inside the day (08:00-16:30)']);
  });
  it('builds a working calendar once Day 1 is set', () => {
    expect(calendarConfigOf(defaultSettings(), zone)).toBeNull();
    const { settings } = parseSettings(
      [
        ['Day 1 Date', '1/8/2026'],
        ['Holidays', '1/12/2026'],
      ],
      zone,
    );
    const config = calendarConfigOf(settings, zone);
    expect(config).not.toBeNull();
    expect(new WorkingClock(config!).workingDate(3)).toBe('2026-01-13');
  });
});
