/** RULES R20, R21: scores, attempt numbering, refusals, pass rate and the coaching ladder, pure. */
import { checkLevel, suggestNextLevel } from '../../src/domain/coaching';
import {
  atRiskOids,
  examConsequence,
  passRate,
  planLedger,
  readScore,
  refuseNewAttempt,
} from '../../src/domain/examAttempts';

describe('readScore', () => {
  it.each([
    [88, 88],
    ['88%', 88],
    [' 88.5 % ', 88.5],
    ['100', 100],
    [0, 0],
  ])('%p reads as %p', (input, score) => expect(readScore(input)).toEqual({ ok: true, score }));
  it.each([['eighty'], [''], [101], ['-5'], [0.88], [true], [new Date()], ['88%%']])(
    '%p is flagged, never guessed',
    (input) => expect(readScore(input).ok).toBe(false),
  );
});

describe('planLedger', () => {
  const row = (index: number, oid: string, ymd: string | null, score: number | null) => ({
    index,
    oid,
    ymd,
    score,
  });
  it('numbers attempts by date, refuses a 4th and anything after a pass', () => {
    const plans = planLedger([
      row(0, 'A', '2026-12-05', 70),
      row(1, 'A', '2026-12-04', 60),
      row(2, 'A', '2026-12-06', 80),
      row(3, 'A', '2026-12-07', 99),
      row(4, 'B', '2026-12-04', 95),
      row(5, 'B', '2026-12-05', 50),
      row(6, 'C', null, 50),
    ]);
    expect(plans.map((p) => ('refused' in p ? p.refused.slice(0, 17) : `${p.attempt} ${p.result}`))).toEqual([
      '2 Fail',
      '1 Fail',
      '3 Fail',
      'attempt 4 refused',
      '1 Pass',
      'the agent already',
    ]);
  });
  it('90 passes, 89.9 fails', () => {
    const [a, b] = planLedger([row(0, 'A', '2026-12-04', 90), row(1, 'B', '2026-12-04', 89.9)]);
    expect(['result' in a && a.result, 'result' in b && b.result]).toEqual(['Pass', 'Fail']);
  });
});

describe('consequences, refusals and pass rate', () => {
  it('fail 1 → verbal coaching, 2 → at risk, 3 → written CAP; a pass → none', () => {
    expect([1, 2, 3].map((n) => examConsequence(n, 'Fail'))).toEqual([
      'verbal-coaching',
      'at-risk',
      'written-cap',
    ]);
    expect(examConsequence(1, 'Pass')).toBe('none');
  });
  it('refuses a 4th attempt and one after a pass', () => {
    const fails = [1, 2, 3].map((attempt) => ({ attempt, result: 'Fail' as const }));
    expect(refuseNewAttempt(fails.slice(0, 2))).toBeNull();
    expect(refuseNewAttempt(fails)).toMatch(/attempt 4 refused/);
    expect(refuseNewAttempt([{ attempt: 1, result: 'Pass' }])).toMatch(/already passed/);
  });
  it('first-attempt pass rate and at-risk agents', () => {
    const attempts = [
      { oid: 'a', attempt: 1, result: 'Pass' as const },
      { oid: 'b', attempt: 1, result: 'Fail' as const },
      { oid: 'b', attempt: 2, result: 'Fail' as const },
      { oid: 'c', attempt: 1, result: 'Fail' as const },
      { oid: 'c', attempt: 2, result: 'Pass' as const },
    ];
    expect(passRate(attempts)).toEqual({ tested: 3, passedFirst: 1, rate: 33, atRisk: 1 });
    expect([...atRiskOids(attempts)]).toEqual(['b']);
    expect(passRate([]).rate).toBeNull();
  });
});

describe('the coaching ladder (RULES R12, R21)', () => {
  it('suggests the next rung', () => {
    expect(suggestNextLevel('').level).toBe('Verbal Coaching');
    expect(suggestNextLevel('Verbal Coaching')).toMatchObject({ level: 'Written CAP', recordable: true });
    expect(suggestNextLevel('Written CAP')).toMatchObject({
      level: 'Final CAP alert sent',
      recordable: false,
    });
  });
  it('never skips, never lowers CAP Level', () => {
    expect(checkLevel('', '', 'Written CAP')).toMatchObject({ ok: false });
    expect(checkLevel('Verbal Coaching', '', 'Written CAP')).toMatchObject({
      ok: true,
      raisesTo: 'Written CAP',
    });
    expect(checkLevel('Written CAP', 'Written CAP', 'Verbal Coaching')).toMatchObject({
      ok: true,
      raisesTo: null,
    });
  });
});
