/**
 * RULES R19: the CSV reader, the GoTo Training export reader (header variants, zones, date formats), the
 * matcher (email first, then exact normalised name; unmatched and ambiguous listed) and the day's code.
 */
import { parseCsv } from '../../src/domain/csv';
import {
  dayFacts,
  dayNote,
  dayNoteLine,
  hasDayNote,
  matchAttendees,
  normalName,
  proposedCode,
  type RosterAgent,
} from '../../src/domain/g2tAttendance';
import {
  ExportFormatError,
  parseAttendanceExport,
  readDateTimeText,
  readDuration,
} from '../../src/domain/g2tExport';
import { intlZone } from '../../src/domain/timeZone';
import { DEFAULT_DAY_TIMES, WorkingClock } from '../../src/domain/workingClock';

const denver = intlZone('America/Denver');
const zoneOf = (id: string) => {
  try {
    return intlZone(id);
  } catch {
    return null;
  }
};
const clock = new WorkingClock({ zone: denver, day1: '2026-12-03', holidays: [], times: DEFAULT_DAY_TIMES });
/** Denver wall time on Day 1 (UTC-7 in December). */
const d1 = (hhmm: string) => denver.fromLocal('2026-12-03', hhmm);
const read = (text: string) => parseAttendanceExport(parseCsv(text), denver, zoneOf);

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, commas and line breaks in quotes, BOM and CRLF', () => {
    const text = '\uFEFFName,Email\r\n"Lee, Jordan","j@x.com"\r\n"Say ""hi""\nthere",b@x.com\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      ['Name', 'Email'],
      ['Lee, Jordan', 'j@x.com'],
      ['Say "hi"\nthere', 'b@x.com'],
    ]);
  });

  it('takes tabs or semicolons when the first line has more of them than commas', () => {
    expect(parseCsv('Name\tJoin Time\nA, B\t8:00')).toEqual([
      ['Name', 'Join Time'],
      ['A, B', '8:00'],
    ]);
    expect(parseCsv('Name;Join Time\r"A; B";8:00')).toEqual([
      ['Name', 'Join Time'],
      ['A; B', '8:00'],
    ]);
  });
});

describe('reading times', () => {
  it.each([
    ['12/3/2026 8:05 AM', '2026-12-03', 8 * 3600 + 300, ''],
    ['12/03/2026 08:05:13 PM', '2026-12-03', 20 * 3600 + 313, ''],
    ['2026-12-03 14:30:00', '2026-12-03', 14.5 * 3600, ''],
    ['2026-12-03T15:05:13Z', '2026-12-03', 15 * 3600 + 313, 'Z'],
    ['2026-12-03T08:05:13-07:00', '2026-12-03', 8 * 3600 + 313, '-07:00'],
    ['Dec 3, 2026 8:05 AM EST', '2026-12-03', 8 * 3600 + 300, 'EST'],
    ['Thursday, December 3, 2026 8:05 AM', '2026-12-03', 8 * 3600 + 300, ''],
    ['8:05 AM', null, 8 * 3600 + 300, ''],
  ])('%s', (text, ymd, seconds, zone) => {
    expect(readDateTimeText(text)).toEqual({ ymd, seconds, zone });
  });

  it.each(['2/30/2026 8:00 AM', 'yesterday', '13:99', '12/3/2026'])('refuses %s', (text) => {
    expect(readDateTimeText(text)).toBeNull();
  });

  it.each([
    ['1:23:30', 83.5],
    ['1 hr 23 min', 83],
    ['83 minutes', 83],
    ['45', 45],
    ['', null],
  ])('duration %s', (text, minutes) => expect(readDuration(text)).toBe(minutes));
});

describe('parseAttendanceExport', () => {
  it('finds the table below a report preamble by header text, any case and spacing', () => {
    const parsed = read(
      [
        'Attendance Report',
        'Training Name,ESP Licensing Day 1',
        '',
        'ATTENDEE  NAME,E-mail Address,join time,Leave-Time,Time in Session',
        'Jordan Lee,JLee@cxp.example.com,12/3/2026 7:58 AM,12/3/2026 4:31 PM,8 hr 33 min',
      ].join('\n'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.sessions).toEqual([
      {
        line: 5,
        name: 'Jordan Lee',
        email: 'jlee@cxp.example.com',
        join: d1('07:58'),
        leave: d1('16:31'),
      },
    ]);
    expect(parsed.zoneLabel).toBe('America/Denver');
  });

  it('joins First Name and Last Name, and reads leave from Time in Session when Leave Time is blank', () => {
    const parsed = read(
      'First Name,Last Name,Email,Join Time,Leave Time,Time in Session\nAna,Ruiz,,12/3/2026 8:00 AM,,1:30:00',
    );
    expect(parsed.sessions[0]).toMatchObject({
      name: 'Ana Ruiz',
      email: '',
      join: d1('08:00'),
      leave: d1('09:30'),
    });
  });

  it('reads times in the zone the export names: in the cell, the header, a Time Zone line', () => {
    const inCell = read('Name,Join Time\nA,12/3/2026 10:00 AM EST');
    expect(inCell.sessions[0].join).toEqual(d1('08:00'));
    const inHeader = read(
      'Name,Join Time (GMT-05:00),Leave Time (GMT-05:00)\nA,12/3/2026 10:00 AM,12/3/2026 11:00 AM',
    );
    expect(inHeader.sessions[0].join).toEqual(d1('08:00'));
    expect(inHeader.zoneLabel).toBe('GMT-05:00');
    // A Windows-style label shows the standard offset; the region's own rules apply (America/New_York).
    const line = read(
      'Time Zone,(GMT-05:00) Eastern Time (US & Canada)\nName,Join Time\nA,12/3/2026 10:00 AM',
    );
    expect(line.sessions[0].join).toEqual(d1('08:00'));
    expect(line.zoneLabel).toBe('America/New_York');
    const iso = read('Name,Join Time\nA,2026-12-03T15:00:00Z');
    expect(iso.sessions[0].join).toEqual(d1('08:00'));
  });

  it('takes the date from a Date column when the times carry none', () => {
    const parsed = read('Name,Date,Join Time,Leave Time\nA,12/3/2026,8:00 AM,9:15 AM');
    expect(parsed.sessions[0]).toMatchObject({ join: d1('08:00'), leave: d1('09:15') });
  });

  it('names every line it cannot read and keeps the others', () => {
    const parsed = read(
      'Name,Email,Join Time,Leave Time\nA,,someday,\nB,,12/3/2026 9:00 AM,12/3/2026 8:00 AM\nC,,12/3/2026 9:00 AM,',
    );
    expect(parsed.sessions.map((s) => s.name)).toEqual(['C']);
    expect(parsed.problems).toEqual([
      'Line 2, "Join Time": "someday" is not a date and time I can read (expected e.g. 12/3/2026 8:05 AM); the line is left out.',
      'Line 3: B left before joining; the line is left out.',
    ]);
  });

  it('refuses a file that is not an attendance export, saying what it looked for', () => {
    expect(() => read('OID,Score\n1,2')).toThrow(ExportFormatError);
    expect(() => read('OID,Score\n1,2')).toThrow(/"Join Time"/);
  });
});

describe('matchAttendees', () => {
  const agents: RosterAgent[] = [
    { oid: 'O1', name: 'José Núñez', cxpEmail: 'jnunez@cxp.com', personalEmail: 'jose@home.net' },
    { oid: 'O2', name: 'Kim Park', cxpEmail: 'kpark@cxp.com', personalEmail: 'kim@home.net' },
    { oid: 'O3', name: 'Sam Lee', cxpEmail: 's1@cxp.com', personalEmail: '' },
    { oid: 'O4', name: 'Sam  Lee', cxpEmail: 's2@cxp.com', personalEmail: '' },
  ];
  const s = (name: string, email: string) => ({
    line: 2,
    name,
    email,
    join: d1('08:00'),
    leave: d1('09:00'),
  });

  it('matches by cXp email, then personal email, then exact normalised name; lists the rest', () => {
    const m = matchAttendees(
      [
        s('Whoever', 'jnunez@cxp.com'),
        s('Kim', 'kim@home.net'),
        s('JOSE nunez', ''),
        s('Sam Lee', ''),
        s('Kim Parker', 'other@x.com'),
      ],
      agents,
    );
    expect(m.matched.get('o1')?.how).toBe('name');
    expect(m.matched.get('o1')?.attendees).toHaveLength(2);
    expect(m.matched.get('o2')).toMatchObject({ how: 'email' });
    expect(m.ambiguous).toEqual([
      { attendee: expect.objectContaining({ name: 'Sam Lee' }), agents: ['Sam Lee (O3)', 'Sam  Lee (O4)'] },
    ]);
    expect(m.unmatched.map((u) => u.name)).toEqual(['Kim Parker']);
  });

  it('normalises case, accents, spaces and punctuation only', () => {
    expect(normalName("  José O'Neil-Smith ")).toBe('jose o neil smith');
    expect(normalName('Jon Smith')).not.toBe(normalName('John Smith'));
  });
});

describe('the day from the sessions', () => {
  const session = (from: string, to: string) => ({
    line: 2,
    name: 'A',
    email: '',
    join: d1(from),
    leave: d1(to),
  });
  const after = d1('17:00');

  it('a full day with breaks taken is Full Day; checks in session with 5 minutes of grace', () => {
    const facts = dayFacts(clock, 1, [session('07:58', '09:58'), session('10:17', '16:30')], after);
    expect(facts.missedMinutes).toBe(4); // 9:58-10:00 and 10:15-10:17: the break itself is not owed
    expect(facts.checks.every((c) => c.present)).toBe(true);
    expect(proposedCode(facts)).toBe('Full Day');
    expect(dayNote('Full Day', facts)).toBe('');
  });

  it('late by 25 minutes, then a gap over a break and lunch: Tardy < 1 hr and the checks missed', () => {
    const facts = dayFacts(clock, 1, [session('08:25', '09:30'), session('12:45', '16:30')], after);
    expect(facts.lateMinutes).toBe(25);
    expect(proposedCode(facts)).toBe('Tardy < 1 hr');
    expect(facts.checks.filter((c) => !c.present).map((c) => c.header)).toEqual([
      'D1 Before Break 1',
      'D1 After Break 1',
      'D1 Before Lunch',
      'D1 After Lunch',
    ]);
    expect(dayNote('Tardy < 1 hr', facts)).toBe(
      'G2T: Tardy < 1 hr; in 8:25 AM to 9:30 AM, 12:45 PM to 4:30 PM; missed D1 Before Break 1, D1 After Break 1, D1 Before Lunch, D1 After Lunch',
    );
  });

  it('an hour late is Tardy > 1 hr; leaving at 3 PM is Leave Early; over 4 hours out is Absent', () => {
    expect(proposedCode(dayFacts(clock, 1, [session('09:00', '16:30')], after))).toBe('Tardy > 1 hr');
    expect(proposedCode(dayFacts(clock, 1, [session('08:00', '15:00')], after))).toBe('Leave Early');
    const absent = dayFacts(clock, 1, [session('08:00', '11:00')], after);
    expect(absent.missedMinutes).toBe(285); // 11:00-16:30 less lunch and Break 2
    expect(proposedCode(absent)).toBe('Absent - Unapproved');
    const never = dayFacts(clock, 1, [], after);
    expect(proposedCode(never)).toBe('Absent - Unapproved');
    // R8: the code's spaced dash would split the line, so it is written with a colon.
    expect(dayNote('Absent - Unapproved', never)).toBe(
      'G2T: Absent: Unapproved; not in the session; missed D1 Before Break 1, D1 After Break 1, D1 Before Lunch, D1 After Lunch, D1 Before Break 2, D1 After Break 2',
    );
  });

  it('before Day End nothing but a tardy or an absence is proposed, and only passed checks count', () => {
    const facts = dayFacts(
      clock,
      1,
      [{ line: 2, name: 'A', email: '', join: d1('08:01'), leave: null }],
      d1('11:00'),
    );
    expect(proposedCode(facts)).toBe('');
    expect(facts.checks.map((c) => c.header)).toEqual(['D1 Before Break 1', 'D1 After Break 1']);
  });

  it('the note line is R8 form, and a line already there (by anyone) is recognised', () => {
    const line = dayNoteLine('Jo Lead', '2026-12-03', 'G2T: Leave Early; in 8:00 AM to 3:00 PM');
    expect(line).toBe('Jo Lead - 12/3/2026 - G2T: Leave Early; in 8:00 AM to 3:00 PM');
    expect(
      hasDayNote(
        `x - 12/1/2026 - y\nKim TL - 12/3/2026 - G2T: Leave Early; in 8:00 AM to 3:00 PM`,
        '2026-12-03',
        'G2T: Leave Early; in 8:00 AM to 3:00 PM',
      ),
    ).toBe(true);
    expect(hasDayNote(line, '2026-12-04', 'G2T: Leave Early; in 8:00 AM to 3:00 PM')).toBe(false);
  });
});
