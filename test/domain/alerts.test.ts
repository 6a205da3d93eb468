import { type OutgoingMessage, dedupeKey, planSends, splitByRecipients } from '../../src/domain/alerts';

const message = (key: string, to: string[], urgent = false): OutgoingMessage => ({
  kind: 'test',
  to,
  subject: key,
  htmlBody: '<p>x</p>',
  body: 'x',
  urgent,
  dedupeKey: key,
});
const emails = (n: number, prefix = 'a'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}@x.com`);

describe('dedupeKey', () => {
  it('is stable across case and spacing and cannot be spoofed with the separator', () => {
    expect(dedupeKey('tl-digest', '2026-01-08', ' Jo@CXP.com ')).toBe('tl-digest|2026-01-08|jo@cxp.com');
    expect(dedupeKey('k', 'd', 'a|b')).not.toBe(dedupeKey('k', 'd', 'a', 'b'));
  });
});

describe('splitByRecipients', () => {
  it('splits 60 recipients into 50 + 10 with part keys', () => {
    const parts = splitByRecipients(message('invite', emails(60)));
    expect(parts.map((p) => p.to.length)).toEqual([50, 10]);
    expect(parts.map((p) => p.dedupeKey)).toEqual(['invite#1', 'invite#2']);
    expect(new Set(parts.flatMap((p) => p.to)).size).toBe(60);
  });

  it('dedupes and lowercases recipients before counting', () => {
    const [only] = splitByRecipients(message('m', ['A@x.com', 'a@x.com ', '', 'b@x.com']));
    expect(only.to).toEqual(['a@x.com', 'b@x.com']);
    expect(only.dedupeKey).toBe('m');
  });
});

describe('planSends', () => {
  it('with quota 3 sends urgent alerts first, counted in recipients, and defers the rest', () => {
    const plan = planSends(
      [
        message('digest-1', ['tl1@x.com', 'tl2@x.com']),
        message('reminder', ['agent@x.com']),
        message('mia', ['mgr@x.com'], true),
        message('sales', ['ops1@x.com', 'ops2@x.com'], true),
      ],
      3,
    );
    expect(plan.send.map((m) => m.dedupeKey)).toEqual(['mia', 'sales']);
    expect(plan.deferred.map((m) => m.dedupeKey)).toEqual(['digest-1', 'reminder']);
  });

  it('fills leftover quota with smaller messages that still fit', () => {
    const plan = planSends([message('big', emails(3)), message('small', ['z@x.com'])], 2);
    expect(plan.send.map((m) => m.dedupeKey)).toEqual(['small']);
    expect(plan.deferred.map((m) => m.dedupeKey)).toEqual(['big']);
  });

  it('sends part of a 60-recipient message when quota allows, and only the rest on retry', () => {
    const first = planSends([message('invite', emails(60))], 55);
    expect(first.send.map((m) => [m.dedupeKey, m.to.length])).toEqual([['invite#1', 50]]);
    expect(first.deferred.map((m) => [m.dedupeKey, m.to.length])).toEqual([['invite#2', 10]]);
    const retry = planSends([message('invite', emails(60))], 100, new Set(['invite#1']));
    expect(retry.send.map((m) => m.dedupeKey)).toEqual(['invite#2']);
    expect(retry.skipped.map((m) => m.dedupeKey)).toEqual(['invite#1']);
  });

  it('skips messages already sent today and messages without recipients', () => {
    const plan = planSends([message('sent', ['a@x.com']), message('nobody', [' '])], 10, new Set(['sent']));
    expect(plan.send).toEqual([]);
    expect(plan.skipped.map((m) => m.dedupeKey)).toEqual(['sent', 'nobody']);
  });

  it('treats a negative or fractional quota as what it allows', () => {
    expect(planSends([message('m', ['a@x.com'])], -4).deferred).toHaveLength(1);
    expect(planSends([message('m', ['a@x.com', 'b@x.com'])], 2.9).send).toHaveLength(1);
  });
});
