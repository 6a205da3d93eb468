import { finalCapEmail, otPlanLines } from '../../src/domain/capEmails';
import { intlZone } from '../../src/domain/timeZone';

const zone = intlZone('America/Denver');
const at = (ymd: string, hhmm: string): Date => zone.fromLocal(ymd, hhmm);
const agent = { name: 'Ann <b>', oid: 'OID1', tlName: 'TL' };
const base = { agent, zone, itemsMissing: ['AHIP Final'], hoursSpent: 20, attendance: '', extensionHours: 8 };
const DEADLINE = at('2026-01-14', '13:00');

describe('Final CAP email (RULES R12)', () => {
  it('states the deadline with date and time, "3 OT sessions of 3 hours", each session, and what did not fit', () => {
    const ot = {
      sessions: [{ start: at('2026-01-13', '16:30'), end: at('2026-01-13', '19:30') }],
      wanted: 3,
      hours: 3,
      unscheduled: 2,
    };
    const mail = finalCapEmail({ ...base, deadline: DEADLINE, windowEnd: at('2026-01-13', '12:00'), ot });
    expect(mail.subject).toBe('Final CAP: Ann <b> (OID1) - 1 item missing, deadline Wed 1/14/2026 1:00 PM');
    expect(mail.body).toContain('PROPOSED: 3 OT SESSIONS OF 3 HOURS');
    expect(mail.body).toContain('- Session: 1; Start: Tue 1/13/2026 4:30 PM; End: Tue 1/13/2026 7:30 PM');
    expect(mail.body).toContain('Only 1 of the 3 OT sessions of 3 hours fit');
    expect(mail.htmlBody).toContain('Ann &lt;b&gt;');
    expect(otPlanLines(zone, ot, DEADLINE)[0]).toBe(
      '3 OT sessions of 3 hours, outside normal hours, each ending by the deadline Wed 1/14/2026 1:00 PM:',
    );
  });

  it('still renders an alert queued by the previous version (outbox recipe with `otSessions`, no `ot`)', () => {
    const legacy = {
      ...base,
      deadline: DEADLINE,
      otSessions: [{ start: at('2026-01-13', '12:30'), end: at('2026-01-13', '15:30') }],
    };
    const mail = finalCapEmail(legacy);
    expect(mail.body).toContain('PROPOSED: 1 OT SESSION OF 3 HOURS');
    expect(mail.body).toContain('- Session: 1; Start: Tue 1/13/2026 12:30 PM; End: Tue 1/13/2026 3:30 PM');
    expect(mail.body).toContain('window has ended');
  });
});
