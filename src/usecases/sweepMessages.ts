/** One-line reports of the sweep and the CAP check, for the execution log and the menu dialog. */
import type { CapResult } from './capCheck';
import type { MailSummary } from '../gas/mailer';
import type { SweepResult } from './sweep';

export function describeMail(m: MailSummary): string {
  const waiting = m.waiting > 0 ? `, ${m.waiting} waiting in the outbox for the next run` : '';
  const problems = m.problems.length > 0 ? ` Problems: ${m.problems.join(' ')}` : '';
  return `${m.sent} sent, ${m.dryRun} previewed (Dry Run), ${m.deferred} deferred, ${m.failed} failed, ${m.skipped} already sent${waiting}${m.outOfTime ? ' — out of time, continuing in a minute' : ''}${problems}`;
}

export function describeSweep(r: SweepResult): string {
  if ('skipped' in r) return r.skipped;
  return (
    `Day ${r.day} sweep: ${r.agents} agents, ${r.digests} TL digest(s)` +
    `${r.quietTls ? ` (${r.quietTls} TL(s) with nothing to act on: no email)` : ''}, ${r.reminders} self-report reminder(s)` +
    `${r.mia.length ? `, newly MIA: ${r.mia.join(', ')}` : ''}. Mail: ${describeMail(r.mail)}.`
  );
}

export function describeCap(r: CapResult): string {
  if ('skipped' in r) {
    const m = r.mail;
    const owed = m && (m.sent + m.failed + m.deferred + m.waiting > 0 || m.problems.length > 0);
    return owed ? `${r.skipped} Outbox: ${describeMail(m)}.` : r.skipped;
  }
  const list = (label: string, names: string[]) => (names.length ? ` ${label}: ${names.join(', ')}.` : '');
  return (
    `CAP check:${list('Final CAP', r.finalCaps)}${list('Termination review', r.terminationReviews)}${list('Exempt', r.exempt)}` +
    `${list('Completed within the Final CAP extension', r.completedInExtension)}` +
    `${r.finalCaps.length + r.terminationReviews.length + r.completedInExtension.length === 0 ? ' no new escalation.' : ''} Mail: ${describeMail(r.mail)}.`
  );
}
