/**
 * RULES R23 — the readiness summary's pure parts: since when each status is complete (the last tick for
 * AHIP/Aetna, the row's Last Updated as "by" for the rest), attendance by day, MIA episodes, rendering.
 */
import { attendanceCheckHeaders } from '../../src/domain/contract';
import { readyForProductionEmail } from '../../src/domain/emails';
import { attendanceDays, miaEpisodes, readinessSections, statusDates } from '../../src/domain/readiness';
import { intlZone } from '../../src/domain/timeZone';

const TICK = new Date('2026-12-07T23:30:00Z');
const UPDATED = new Date('2026-12-08T17:00:00Z');
const ALL = {
  'AHIP/Aetna Status': 'Complete',
  'TBT Status': 'Complete',
  'Call Cert Status': 'Complete',
  'Equipment Status': 'Complete',
  'RTS/No More Forms Status': 'Complete',
};

describe('readiness summary (RULES R23)', () => {
  it('AHIP/Aetna is dated by the last tick; the others by Last Updated; nothing known says so', () => {
    const dates = statusDates(ALL, TICK, UPDATED);
    expect(dates.map((d) => [d.status, d.at, d.basis])).toEqual([
      ['AHIP/Aetna Status', TICK, 'last-tick'],
      ['TBT Status', UPDATED, 'last-updated'],
      ['Call Cert Status', UPDATED, 'last-updated'],
      ['Equipment Status', UPDATED, 'last-updated'],
      ['RTS/No More Forms Status', UPDATED, 'last-updated'],
    ]);
    expect(statusDates(ALL, null, null).every((d) => d.at === null && d.basis === 'unknown')).toBe(true);
  });

  it('attendance by day counts only checks taken; misses and excuses are named', () => {
    const headers = attendanceCheckHeaders(2);
    const taken = new Set(headers.slice(0, 9)); // all of Day 1, three of Day 2
    const values: Record<string, unknown> = Object.fromEntries(headers.map((h) => [h, true]));
    values['D2 Before Break 1'] = false;
    values['D2 After Break 1'] = false;
    const days = attendanceDays(headers, taken, values, new Set(['D2 After Break 1']));
    expect(days).toEqual([
      { day: 1, taken: 6, present: 6, missed: [], excused: 0 },
      { day: 2, taken: 3, present: 1, missed: ['Before Break 1'], excused: 1 },
    ]);
  });

  it('MIA episodes are the MIA lines of the Attendance Note', () => {
    expect(
      miaEpisodes(
        'ESP Licensing - 12/3/2026 - MIA: missed D1 Before Lunch, D1 After Lunch\nJo - 12/4/2026 - late\nESP Licensing - 12/5/2026 - MIA: missed D3 Before Break 2, D3 After Break 2',
      ),
    ).toBe(2);
    expect(miaEpisodes('')).toBe(0);
  });

  it('the PMs email carries the summary: each status with its date, the evidence, attendance, coaching (escaped)', () => {
    const zone = intlZone('America/Denver');
    const headers = attendanceCheckHeaders(1);
    const readiness = {
      statuses: statusDates(ALL, TICK, UPDATED),
      proofItem: '13 Checkmarks Proof Emailed',
      proofTickedAt: new Date('2026-12-07T23:00:00Z'),
      completion: 'Submitted',
      formSubmittedAt: new Date('2026-12-07T23:10:00Z'),
      attendanceCode: 'Full Day',
      attendanceDays: attendanceDays(
        headers,
        new Set(headers),
        Object.fromEntries(headers.map((h) => [h, true])),
        new Set(),
      ),
      miaCount: 1,
      coaching: [
        {
          date: new Date('2026-12-04T19:00:00Z'),
          dateText: '',
          level: 'Verbal Coaching',
          policy: 'Attendance',
          details: '<script>x</script>',
          documentedBy: 'TL 0',
        },
      ],
    };
    expect(readinessSections(readiness, zone).map((s) => s.heading)).toEqual([
      'ESP statuses and since when',
      'Completion evidence',
      'Attendance',
      'Coaching history (1)',
    ]);
    const email = readyForProductionEmail({
      agent: { name: 'Ana', oid: 'OID1', tlName: 'TL 0' },
      statuses: ALL,
      readiness,
      zone,
    });
    expect(email.body).toContain(
      'AHIP/Aetna Status: Complete since Mon 12/7/2026 4:30 PM (the tick that finished the progress report)',
    );
    expect(email.body).toContain(
      'TBT Status: Complete, on or before Tue 12/8/2026 10:00 AM (row last updated)',
    );
    expect(email.body).toContain('13 Checkmarks Proof Emailed: Mon 12/7/2026 4:00 PM');
    expect(email.body).toContain('Completion form: Submitted - Mon 12/7/2026 4:10 PM');
    expect(email.body).toContain('Day 1: Full Day (6/6 checks present)');
    expect(email.body).toContain('MIA episodes: 1');
    expect(email.body).toContain('12/4/2026 - Verbal Coaching - Attendance: <script>x</script> (by TL 0)');
    expect(email.htmlBody).not.toContain('<script>');
    expect(email.htmlBody).toContain('&lt;script&gt;');
  });
});
