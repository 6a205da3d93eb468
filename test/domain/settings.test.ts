import { SETTINGS_HEADERS } from '../../src/domain/contract';
import {
  SETTING_DEFINITIONS,
  calendarConfigOf,
  defaultSettings,
  parseSettings,
  settingsProblemsEmail,
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
      'AHIP Guide Link',
      'Aetna Guide Link',
      'Tech Issues Guide Link',
      'Carrier Cert Completion Form Link',
      'TBT Form Link',
      'Call Cert Form Link',
      'Equipment Form Link',
      'RTS/No More Forms Form Link',
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
      'Settings "Day 1 Date": "2/30/2026" is not a real calendar date (use M/D/YYYY, e.g. 1/8/2026); the cohort calendar stops until it is fixed',
      'Settings "Day Start": "25:00" is not a time of day (e.g. 8:00, 8:00 AM or 16:30); 08:00 is used until it is fixed',
      'Settings "HR Emails": "not-an-email" is not a valid email address and gets nothing until it is fixed; the other addresses (hr@x.com) still get their emails',
      'Settings "Holidays": "someday" is not a real calendar date (use M/D/YYYY); it is not treated as a holiday until it is fixed (the other dates are)',
      'Settings "OT Sessions": "2.5" is not a whole number from 1 to 10; 3 (the default) is used until it is fixed',
      'Settings "Final CAP Extension Hours": "eight" is not a number from 1 to 40; 8 (the default) is used until it is fixed',
      'Settings "Dry Run": "maybe" is not TRUE or FALSE; TRUE (the safe default) is used until it is fixed',
      'Settings "Completion Form URL": "forms/abc" is not a web address (https://…); it is not used until it is fixed',
      'Settings "Dry Run" appears more than once (row 9, "FALSE"); the first one is used',
    ]);
    expect(settings.dryRun).toBe(true);
    expect(settings.dayStart).toBe('08:00');
    expect(settings.hrEmails).toEqual(['hr@x.com']);
    expect(settings.holidays).toEqual(['2026-01-19']);
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

describe('parseSettings: checked, not guessed (SPEC behaviour 13)', () => {
  const issuesOf = (rows: unknown[][], trackerId?: string) => parseSettings(rows, zone, { trackerId });

  it.each([
    ['Licensing Team Email', 'licensingTeamEmails'],
    ['ESP Manager Emails', 'espManagerEmails'],
    ['PM Emails', 'pmEmails'],
    ['Ops Management Emails', 'opsManagementEmails'],
    ['HR Emails', 'hrEmails'],
    ['Cert Coordinator Email', 'certCoordinatorEmails'],
  ] as const)('%s: each address on its own — the good ones are used, each bad one named', (key, field) => {
    const { settings, issues } = issuesOf([[key, 'a@x.com, bad@@x.com; b@x.com\nnot an email']]);
    expect(settings[field]).toEqual(['a@x.com', 'b@x.com']);
    expect(issues.map((i) => [i.key, i.value])).toEqual([
      [key, 'bad@@x.com'],
      [key, 'not'],
      [key, 'an'],
      [key, 'email'],
    ]);
    expect(issues[0].message).toBe(
      `Settings "${key}": "bad@@x.com" is not a valid email address and gets nothing until it is fixed; the other addresses (a@x.com, b@x.com) still get their emails`,
    );
  });

  it('says so when no address of a list is valid', () => {
    const { settings, issues } = issuesOf([['HR Emails', 'hr team']]);
    expect(settings.hrEmails).toEqual([]);
    expect(issues[0].message).toMatch(/nobody on this list gets emails until it is fixed/);
  });

  it('Holidays: each entry on its own — good dates kept, each bad one named', () => {
    const { settings, issues } = issuesOf([['Holidays', '12/24/2026, 12/32/2026; 12/25/2026\nXmas']]);
    expect(settings.holidays).toEqual(['2026-12-24', '2026-12-25']);
    expect(issues.map((i) => i.value)).toEqual(['12/32/2026', 'Xmas']);
  });

  it.each([
    ['Final CAP Extension Hours', 'two', 'a number from 1 to 40', 8],
    ['Final CAP Extension Hours', '-5', 'a number from 1 to 40', 8],
    ['Final CAP Extension Hours', '0', 'a number from 1 to 40', 8],
    ['Final CAP Extension Hours', 41, 'a number from 1 to 40', 8],
    ['OT Sessions', '2.5', 'a whole number from 1 to 10', 3],
    ['OT Sessions', 11, 'a whole number from 1 to 10', 3],
    ['OT Session Hours', '0.25', 'a number from 0.5 to 8', 3],
    ['OT Session Hours', '9 hours', 'a number from 0.5 to 8', 3],
    ['MIA Consecutive Misses', 'two', 'a whole number from 1 to 24', 2],
    ['MIA Consecutive Misses', '-5', 'a whole number from 1 to 24', 2],
    ['MIA Consecutive Misses', 25, 'a whole number from 1 to 24', 2],
  ])('%s = %j is named (bounds: %s) and the default %s is used, said so', (key, value, bounds, fallback) => {
    const { issues } = issuesOf([[key, value]]);
    expect(issues.map((i) => i.message)).toEqual([
      `Settings "${key}": "${value}" is not ${bounds}; ${fallback} (the default) is used until it is fixed`,
    ]);
  });

  it.each([
    ['Final CAP Extension Hours', '1', 'finalCapExtensionHours', 1],
    ['Final CAP Extension Hours', '40 hours', 'finalCapExtensionHours', 40],
    ['Final CAP Extension Hours', 7.5, 'finalCapExtensionHours', 7.5],
    ['OT Sessions', 10, 'otSessions', 10],
    ['OT Session Hours', '0.5 h', 'otSessionHours', 0.5],
    ['MIA Consecutive Misses', '24', 'miaConsecutiveMisses', 24],
  ] as const)('%s = %j is inside the bounds', (key, value, field, expected) => {
    const { settings, issues } = issuesOf([[key, value]]);
    expect(issues).toEqual([]);
    expect(settings[field]).toBe(expected);
  });

  it('Time Zone: no fallback — an unknown id is named and reported as unusable; blank means the spreadsheet zone', () => {
    const bad = issuesOf([['Time Zone', 'America/Denvr']]);
    expect(bad.badTimeZone).toBe('America/Denvr');
    expect(bad.issues[0].message).toMatch(
      /^Settings "Time Zone": "America\/Denvr" is not a time zone id .*runs that need the time zone stop until it is fixed$/,
    );
    expect(issuesOf([['Time Zone', 'America/New_York']])).toMatchObject({ badTimeZone: null, issues: [] });
    expect(issuesOf([['Time Zone', '']])).toMatchObject({ badTimeZone: null, issues: [] });
    expect(issuesOf([['Time Zone', 'america/new_york']]).badTimeZone).toBe('america/new_york');
  });

  it('Drive IDs: a pasted web address, a name, the tracker itself and report = template are named (value kept)', () => {
    const { settings, issues } = issuesOf(
      [
        ['Progress Report Template ID', 'https://docs.google.com/spreadsheets/d/abc123/edit'],
        ['Leadership Drive Folder ID', 'cXp Leadership Drive'],
        ['CAP Document Template ID', 'tracker-id'],
      ],
      'tracker-id',
    );
    expect(issues.map((i) => i.message)).toEqual([
      'Settings "Progress Report Template ID": "https://docs.google.com/spreadsheets/d/abc123/edit" is a web address, not a Drive ID: paste only the ID (the part between /d/ or /folders/ and the next /)',
      'Settings "Leadership Drive Folder ID": "cXp Leadership Drive" is not a Drive ID (letters, digits, - and _ only)',
      'Settings "CAP Document Template ID": "tracker-id" is this tracker itself, not the file this key is for',
    ]);
    // Never blanked: a blank Progress Report ID would make the next run create a second report.
    expect(settings.leadershipDriveFolderId).toBe('cXp Leadership Drive');
    const same = issuesOf([
      ['Progress Report Template ID', 'abc'],
      ['Progress Report ID', 'abc'],
    ]);
    expect(same.issues.map((i) => i.key)).toEqual(['Progress Report ID']);
  });

  it('Day 1 Date on a weekend or a holiday is named with the day actually used', () => {
    expect(issuesOf([['Day 1 Date', '12/5/2026']]).problems).toEqual([
      'Settings "Day 1 Date": "12/5/2026" is a weekend day; Day 1 is taken to be 12/7/2026, the next working day',
    ]);
    expect(
      issuesOf([
        ['Day 1 Date', '12/24/2026'],
        ['Holidays', '12/24/2026, 12/25/2026'],
      ]).problems,
    ).toEqual([
      'Settings "Day 1 Date": "12/24/2026" is a holiday; Day 1 is taken to be 12/28/2026, the next working day',
    ]);
    expect(issuesOf([['Day 1 Date', '12/3/2026']]).problems).toEqual([]);
  });

  it('Dry Run and Calendar Events take only TRUE/FALSE; a bad Dry Run stays on (nothing is sent)', () => {
    const { settings, problems } = issuesOf([
      ['Dry Run', 'live'],
      ['Calendar Events', 'sometimes'],
    ]);
    expect(settings.dryRun).toBe(true);
    expect(settings.calendarEvents).toBe(false);
    expect(problems).toEqual([
      'Settings "Dry Run": "live" is not TRUE or FALSE; TRUE (the safe default) is used until it is fixed',
      'Settings "Calendar Events": "sometimes" is not TRUE or FALSE; FALSE (the safe default) is used until it is fixed',
    ]);
  });

  it('every issue carries its key and value', () => {
    const { issues } = issuesOf([
      ['Day End', 'late'],
      ['G2T Link', 'gotomeeting'],
    ]);
    expect(issues.map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'Day End', value: 'late' },
      { key: 'G2T Link', value: 'gotomeeting' },
    ]);
  });
});

describe('settingsProblemsEmail', () => {
  it('lists Settings and Schedule problems separately and escapes every value', () => {
    const mail = settingsProblemsEmail({
      issues: [
        {
          key: 'HR Emails',
          value: '<b>x',
          message: 'Settings "HR Emails": "<b>x" is not a valid email address',
        },
        { key: 'Schedule', value: '', message: 'Schedule row 3, "Due Day": "9" is not a whole number 1-4' },
      ],
      trackerName: 'ESP <Tracker>',
      trackerUrl: 'https://docs.google.com/spreadsheets/d/t',
      noLicensingAddress: false,
    });
    expect(mail.subject).toBe('ESP settings: 2 problems to fix in ESP <Tracker>');
    expect(mail.htmlBody).not.toContain('<b>x');
    expect(mail.htmlBody).toContain('&lt;b&gt;x');
    expect(mail.htmlBody).toMatch(/Settings sheet[\s\S]*HR Emails[\s\S]*Schedule sheet[\s\S]*row 3/);
    expect(mail.body).toContain('Schedule row 3');
  });
});
