/**
 * RULES R19 through the built bundle: a GoTo Training attendance export (rejoins, a late join, an early
 * leave, an attendee not on the roster, one matched by name only, an absent agent) is previewed without a
 * write, then imported in one batched write per sheet: Attendance codes, the day's hands checks, `Name -
 * Date - Note` lines appended, and the MIA rule applied as after a save by hand (one alert). Importing it
 * again changes nothing and sends nothing; the same session exported in another zone, with a BOM and CRLF
 * line ends, reads the same; calls do not grow with the number of agents.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import type { AttendanceImport, AttendanceImported } from '../../src/usecases/g2tImport';
import type { Workspace } from '../../workspace/workspace';
import { bundledWorkspace, type EntryBundle } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

const DAY0 = new Date('2026-12-01T19:00:00Z');
/** Day 1 (Thu 12/3/2026) 5 PM Denver: the day is over. */
const DAY1_EVENING = new Date('2026-12-04T00:00:00Z');

function cohort(agents: number): { ws: Workspace; bundle: EntryBundle } {
  const { ws, bundle } = bundledWorkspace({ now: DAY0, mailQuota: 1500, user: 'tl0@example.com' });
  bundle.menuSetupWorkbook();
  cohortSettings(ws, { 'MIA Consecutive Misses': 2 });
  writeRoster(ws, agents);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  ws.mail.clearOutbox();
  ws.clock.set(DAY1_EVENING);
  return { ws, bundle };
}

type Row = [name: string, email: string, join: string, leave: string, inSession: string];

/** Day 1 in Denver wall time (the cohort's zone). */
const DAY1_ROWS: Row[] = [
  ['Agent 0', 'agent0@cxp.example.com', '12/3/2026 7:56 AM', '12/3/2026 4:31 PM', '8 hr 35 min'],
  // Late by 25 minutes, out from 9:30 to 12:45 (rejoined), personal email.
  ['Agent 1', 'agent1@personal.example.net', '12/3/2026 8:25 AM', '12/3/2026 9:30 AM', '1 hr 5 min'],
  ['Agent 1', 'agent1@personal.example.net', '12/3/2026 12:45 PM', '12/3/2026 4:30 PM', '3 hr 45 min'],
  // Joined by phone: no email, matched by name only ("agent  2" normalised).
  ['agent  2', '', '12/3/2026 8:00 AM', '12/3/2026 2:35 PM', '6 hr 35 min'],
  // A guest speaker: not on the roster.
  ['Pat Guest, PhD', 'pat@vendor.example.org', '12/3/2026 9:00 AM', '12/3/2026 10:00 AM', '1 hr'],
  // Dropped for the break early and came back (still a full day).
  ['Agent 4', 'agent4@cxp.example.com', '12/3/2026 8:01 AM', '12/3/2026 9:58 AM', '1 hr 57 min'],
  ['Agent 4', 'agent4@cxp.example.com', '12/3/2026 10:16 AM', '12/3/2026 4:30 PM', '6 hr 14 min'],
  // Agent 3 never joined.
];

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function exportCsv(
  rows: Row[],
  options: { eol?: string; bom?: boolean; zoneLine?: string; shiftHours?: number } = {},
): string {
  const eol = options.eol ?? '\n';
  const shift = (text: string) => {
    if (!options.shiftHours) return text;
    const m = /^(\d+)\/(\d+)\/(\d+) (\d+):(\d+) (AM|PM)$/.exec(text)!;
    const h = ((Number(m[4]) % 12) + (m[6] === 'PM' ? 12 : 0) + options.shiftHours) % 24;
    return `${m[1]}/${m[2]}/${m[3]} ${h % 12 || 12}:${m[5]} ${h < 12 ? 'AM' : 'PM'}`;
  };
  const lines = [
    'Attendance Report',
    'Training Name,ESP Licensing - Day 1',
    ...(options.zoneLine ? [options.zoneLine] : []),
    '',
    'Attendee Name,Email Address,Join Time,Leave Time,Time in Session',
    ...rows.map((r) => [r[0], r[1], shift(r[2]), shift(r[3]), r[4]].map(q).join(',')),
  ];
  return (options.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}

function trackerText(ws: Workspace, agent: number, header: string): string {
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return String(sheet.getRange(agent + 2, headers.indexOf(header) + 1).getValue());
}

function checks(ws: Workspace, agent: number): Record<string, unknown> {
  const sheet = ws.tracker.sheet(SHEET.attendance);
  const values = sheet.getDataRange().getValues();
  const headers = values[0].map(String);
  return Object.fromEntries(
    headers.filter((h) => h.startsWith('D1 ')).map((h) => [h, values[agent + 1][headers.indexOf(h)]]),
  );
}

const byOid = (p: AttendanceImport) => Object.fromEntries(p.agents.map((a) => [a.oid, a]));

describe('G2T attendance import (built bundle)', () => {
  it('previews without writing: codes, missed checks, periods, unmatched attendees, name-only match', () => {
    const { ws, bundle } = cohort(5);
    ws.meter.reset();
    const preview = bundle.previewAttendanceImport(exportCsv(DAY1_ROWS)) as AttendanceImport;
    expect(ws.meter.count('Range.setValues')).toBe(0);
    expect(JSON.parse(JSON.stringify(preview))).toEqual(preview); // plain JSON
    expect(preview).toMatchObject({ date: '12/3/2026', day: 1, zone: 'America/Denver', problems: [] });
    const a = byOid(preview);
    expect(a.OID1000).toMatchObject({ match: 'email', code: 'Full Day', missedChecks: [], noteLine: '' });
    expect(a.OID1001).toMatchObject({
      match: 'email',
      code: 'Tardy < 1 hr',
      lateMinutes: 25,
      missedChecks: ['D1 Before Break 1', 'D1 After Break 1', 'D1 Before Lunch', 'D1 After Lunch'],
      periods: ['8:25 AM to 9:30 AM', '12:45 PM to 4:30 PM'],
    });
    expect(a.OID1002).toMatchObject({
      match: 'name',
      code: 'Leave Early',
      missedChecks: ['D1 After Break 2'],
    });
    expect(a.OID1003).toMatchObject({ match: '', code: 'Absent - Unapproved', missedMinutes: 450 });
    expect(a.OID1004).toMatchObject({ code: 'Full Day', missedChecks: [] });
    expect(preview.unmatched).toEqual([{ name: 'Pat Guest, PhD', email: 'pat@vendor.example.org', rows: 1 }]);
    expect(preview.ambiguous).toEqual([]);
    expect(trackerText(ws, 1, TRACKER.attendance)).toBe('');
  });

  it('imports in one write per sheet, appends R8 note lines, applies the MIA rule; re-importing changes nothing', () => {
    const { ws, bundle } = cohort(5);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const noteCol =
      sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(TRACKER.attendanceNote) + 1;
    sheet.getRange(3, noteCol).setValue('Kim TL - 12/2/2026 - Called about login');
    ws.meter.reset();
    const done = bundle.importAttendance(exportCsv(DAY1_ROWS)) as AttendanceImported;
    // Attendance checks (1), tracker codes + notes (1), the MIA rule's own tracker write (1), and the
    // mailer's outbox (pending, sent) and Alert Log (3) for the one MIA alert.
    expect(ws.meter.count('Range.setValues')).toBe(6);
    // Ticks changed: 6 + 2 + 5 + 6 present; the misses were unticked already.
    expect(done.written).toEqual({ codes: 5, checks: 19, notes: 3 });
    expect(done.newlyMia).toEqual(['Agent 3']);

    expect(trackerText(ws, 0, TRACKER.attendance)).toBe('Full Day');
    expect(trackerText(ws, 1, TRACKER.attendance)).toBe('Tardy < 1 hr');
    expect(trackerText(ws, 2, TRACKER.attendance)).toBe('Leave Early');
    expect(trackerText(ws, 3, TRACKER.attendance)).toBe('MIA'); // the MIA rule, as after a save by hand
    expect(trackerText(ws, 1, TRACKER.attendanceNote).split('\n')).toEqual([
      'Kim TL - 12/2/2026 - Called about login',
      'TL 0 - 12/3/2026 - G2T: Tardy < 1 hr; in 8:25 AM to 9:30 AM, 12:45 PM to 4:30 PM; missed D1 Before Break 1, D1 After Break 1, D1 Before Lunch, D1 After Lunch',
    ]);
    expect(trackerText(ws, 3, TRACKER.attendanceNote).split('\n')).toEqual([
      'TL 0 - 12/3/2026 - G2T: Absent: Unapproved; not in the session; missed D1 Before Break 1, D1 After Break 1, D1 Before Lunch, D1 After Lunch, D1 Before Break 2, D1 After Break 2',
      'ESP Licensing - 12/3/2026 - MIA: missed D1 Before Break 1, D1 After Break 1, D1 Before Lunch, D1 After Lunch, D1 Before Break 2, D1 After Break 2',
    ]);
    expect(checks(ws, 1)).toEqual({
      'D1 Before Break 1': false,
      'D1 After Break 1': false,
      'D1 Before Lunch': false,
      'D1 After Lunch': false,
      'D1 Before Break 2': true,
      'D1 After Break 2': true,
    });
    expect(Object.values(checks(ws, 4)).every((v) => v === true)).toBe(true);
    const mia = ws.mail.outbox.filter((m) => /^MIA: /.test(m.subject));
    expect(mia.map((m) => m.subject)).toEqual([expect.stringMatching(/^MIA: Agent 3/)]);

    const notesBefore = [0, 1, 2, 3, 4].map((i) => trackerText(ws, i, TRACKER.attendanceNote));
    const sent = ws.mail.outbox.length;
    ws.meter.reset();
    const again = bundle.importAttendance(exportCsv(DAY1_ROWS)) as AttendanceImported;
    expect(again.changes).toBe(0);
    expect(again.written).toEqual({ codes: 0, checks: 0, notes: 0 });
    expect(ws.meter.count('Range.setValues')).toBe(0);
    expect(ws.mail.outbox.length).toBe(sent);
    expect([0, 1, 2, 3, 4].map((i) => trackerText(ws, i, TRACKER.attendanceNote))).toEqual(notesBefore);
    expect((bundle.previewAttendanceImport(exportCsv(DAY1_ROWS)) as AttendanceImport).changes).toBe(0);
  });

  it('the same session exported in Eastern time, with a BOM and CRLF line ends, reads the same', () => {
    const { bundle } = cohort(5);
    const denver = bundle.previewAttendanceImport(exportCsv(DAY1_ROWS)) as AttendanceImport;
    const eastern = bundle.previewAttendanceImport(
      exportCsv(DAY1_ROWS, {
        eol: '\r\n',
        bom: true,
        shiftHours: 2,
        zoneLine: 'Time Zone,(GMT-05:00) Eastern Time (US & Canada)',
      }),
    ) as AttendanceImport;
    expect(eastern.zone).toBe('America/New_York');
    expect(eastern.agents).toEqual(denver.agents);
    expect(eastern.unmatched).toEqual(denver.unmatched);
  });

  it('a check the TL recorded by hand keeps their record for agents in the session; out of session is a miss', () => {
    const { ws, bundle } = cohort(5);
    ws.clock.set(new Date('2026-12-03T17:01:00Z')); // 10:01, D1 Before Break 1
    bundle.saveAttendance('D1 Before Break 1', ['OID1002', 'OID1004']);
    ws.clock.set(DAY1_EVENING);
    bundle.importAttendance(exportCsv(DAY1_ROWS));
    // Agent 0 was in the session but unticked by the TL: stays unticked; Agent 3 (not in session) unticked.
    expect(checks(ws, 0)['D1 Before Break 1']).toBe(false);
    expect(checks(ws, 0)['D1 After Break 1']).toBe(true);
    expect(checks(ws, 3)['D1 Before Break 1']).toBe(false);
  });

  it('never replaces a code HR or the MIA rule set; the note line still records the day', () => {
    const { ws, bundle } = cohort(5);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const codeCol =
      sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(TRACKER.attendance) + 1;
    sheet.getRange(3, codeCol).setValue('Absent - HR Approved'); // Agent 1
    sheet.getRange(5, codeCol).setValue('Unresponsive/Missing During Class'); // Agent 3
    const preview = bundle.previewAttendanceImport(exportCsv(DAY1_ROWS)) as AttendanceImport;
    expect(byOid(preview).OID1001).toMatchObject({
      code: 'Tardy < 1 hr',
      kept: true,
      currentCode: 'Absent - HR Approved',
    });
    const done = bundle.importAttendance(exportCsv(DAY1_ROWS)) as AttendanceImported;
    expect(done.written.codes).toBe(3);
    expect(trackerText(ws, 1, TRACKER.attendance)).toBe('Absent - HR Approved');
    expect(trackerText(ws, 1, TRACKER.attendanceNote)).toMatch(/^TL 0 - 12\/3\/2026 - G2T: Tardy < 1 hr; /);
  });

  it('calls do not grow with the number of agents', () => {
    const calls = (agents: number) => {
      const { ws, bundle } = cohort(agents);
      const rows: Row[] = Array.from({ length: agents }, (_, i): Row => [
        `Agent ${i}`,
        `agent${i}@cxp.example.com`,
        i % 2 ? '12/3/2026 8:40 AM' : '12/3/2026 7:59 AM',
        '12/3/2026 4:30 PM',
        '',
      ]);
      ws.meter.reset();
      bundle.importAttendance(exportCsv(rows));
      return ws.meter.total('Range') + ws.meter.total('Sheet') + ws.meter.total('Spreadsheet');
    };
    expect(calls(30)).toBe(calls(4));
  });

  it('refuses what is not an export, a multi-day file and bad arguments, saying what to do', () => {
    const { bundle } = cohort(2);
    expect(() => bundle.importAttendance(42)).toThrow(
      /importAttendance: csv must be the file's text, got number 42/,
    );
    expect(() => bundle.previewAttendanceImport('OID,Score\n1,2')).toThrow(
      /not a GoTo Training attendance export/,
    );
    expect(() =>
      bundle.previewAttendanceImport(
        'Name,Join Time,Leave Time\nA,12/3/2026 8:00 AM,12/3/2026 9:00 AM\nB,12/4/2026 8:00 AM,12/4/2026 9:00 AM',
      ),
    ).toThrow(/covers 12\/3\/2026, 12\/4\/2026 .* export one day's session at a time/);
  });
});
