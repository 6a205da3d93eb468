/** RULES R25 — the TL's open items for today and who finished the day. */
import { type ChecklistAgent, dayEndStatus, openItems, openItemsSummary } from '../../src/domain/checklist';

const TODAY = '2026-12-03';
const agent = (over: Partial<ChecklistAgent>): ChecklistAgent => ({
  row: 2,
  name: 'Ana',
  oid: 'OID1',
  lastUpdatedYmd: TODAY,
  paymentIssue: 'None',
  loginIssue: '',
  attendance: 'Full Day',
  attendanceNote: '',
  complete: false,
  ...over,
});

describe('openItems', () => {
  it('an agent updated today with nothing open needs nothing', () => {
    expect(openItems([agent({})], TODAY)).toEqual([]);
  });

  it('a row not updated today (or never) is an open item', () => {
    const items = openItems(
      [agent({ lastUpdatedYmd: '2026-12-02' }), agent({ row: 3, lastUpdatedYmd: '' })],
      TODAY,
    );
    expect(items.map((i) => [i.row, i.kind])).toEqual([
      [2, 'not-updated'],
      [3, 'not-updated'],
    ]);
  });

  it('open payment and login issues are open items; resolved ones are not', () => {
    const items = openItems(
      [agent({ paymentIssue: 'Open', loginIssue: 'Open' }), agent({ row: 3, paymentIssue: 'Resolved' })],
      TODAY,
    );
    expect(items.map((i) => i.kind)).toEqual(['payment-issue', 'login-issue']);
  });

  it("an attendance code needs a Name - Date - Note line dated today; yesterday's or an invalid line does not count", () => {
    const items = openItems(
      [
        agent({ row: 2, attendance: 'Tardy < 1 hr', attendanceNote: 'Jo Lead - 12/3/2026 - 20 min late' }),
        agent({ row: 3, attendance: 'Tardy < 1 hr', attendanceNote: 'Jo Lead - 12/2/2026 - late' }),
        agent({ row: 4, attendance: 'NCNS', attendanceNote: 'called, no answer' }),
        agent({ row: 5, attendance: '', attendanceNote: '' }),
      ],
      TODAY,
    );
    expect(items.map((i) => [i.row, i.kind])).toEqual([
      [3, 'attendance-note'],
      [4, 'attendance-note'],
    ]);
    expect(items[0].text).toContain('"Tardy < 1 hr"');
  });

  it('a complete agent (every ESP status Complete) needs nothing, whatever else', () => {
    expect(openItems([agent({ complete: true, lastUpdatedYmd: '', paymentIssue: 'Open' })], TODAY)).toEqual(
      [],
    );
  });

  it('summarises counts by kind', () => {
    const items = openItems(
      [agent({ lastUpdatedYmd: '' }), agent({ row: 3, lastUpdatedYmd: '', loginIssue: 'Open' })],
      TODAY,
    );
    expect(openItemsSummary(items)).toBe('2 not updated today, 1 login issue open');
    expect(openItemsSummary([])).toBe('none');
  });
});

describe('dayEndStatus', () => {
  it("splits the TLs by today's stamp, matching email case-insensitively; other days do not count", () => {
    const status = dayEndStatus(
      [
        { tlName: 'TL 0', tlEmail: 'tl0@example.com' },
        { tlName: 'TL 1', tlEmail: 'tl1@example.com' },
        { tlName: '', tlEmail: '' },
      ],
      [
        { ymd: TODAY, tlEmail: 'TL0@Example.com', doneAt: '12/3/2026 16:40', openItems: 'none' },
        { ymd: '2026-12-02', tlEmail: 'tl1@example.com', doneAt: '12/2/2026 16:40', openItems: 'none' },
      ],
      TODAY,
    );
    expect(status.finished).toEqual([
      { tlName: 'TL 0', tlEmail: 'tl0@example.com', doneAt: '12/3/2026 16:40', openItems: 'none' },
    ]);
    expect(status.unfinished.map((t) => t.tlName)).toEqual(['TL 1', '']);
  });
});
