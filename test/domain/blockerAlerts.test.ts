/** The rules of "blockers within the hour" (src/domain/blockers.ts) and their emails (blockerEmails.ts). */
import {
  blockerCounts,
  paymentIssuesEmail,
  tlBlockersEmail,
  type BlockerLine,
} from '../../src/domain/blockerEmails';
import {
  type AgentObservation,
  type AlertedState,
  blockerForEmail,
  diffAlerts,
  isNoBlocker,
  MAX_BLOCKER_CHARS,
  MAX_REMEMBERED_BLOCKERS,
} from '../../src/domain/blockers';

const agent = (blocker = '', paymentOpen = false, loginOpen = false, oid = 'oid1'): AgentObservation => ({
  oid,
  blocker,
  paymentOpen,
  loginOpen,
});

/** Runs the observations one "hour" after another, keeping the memory; returns the new items per hour. */
function hours(...observed: AgentObservation[][]): string[][] {
  let state: AlertedState = {};
  return observed.map((o) => {
    const diff = diffAlerts(state, o);
    state = diff.next;
    return diff.items.map((i) => (i.kind === 'blocker' ? `blocker:${i.text}` : i.id));
  });
}

describe('diffAlerts: what is new since the last run', () => {
  it('a blocker is alerted once per distinct text; spacing and case do not make it new', () => {
    expect(hours([agent('Card declined')], [agent('Card declined')], [agent(' card   DECLINED ')])).toEqual([
      ['blocker:Card declined'],
      [],
      [],
    ]);
  });

  it('a changed text is a new blocker; clearing alerts nothing; an earlier text typed again is not re-alerted', () => {
    expect(hours([agent('A')], [agent('B')], [agent('')], [agent('A')], [agent('C')])).toEqual([
      ['blocker:A'],
      ['blocker:B'],
      [],
      [],
      ['blocker:C'],
    ]);
  });

  it('"none"-like texts are no blocker', () => {
    for (const text of ['', ' ', '-', 'None', 'N/A', 'no blockers', 'Nothing.'])
      expect(isNoBlocker(text)).toBe(true);
    expect(isNoBlocker('no login')).toBe(false);
    expect(hours([agent('None')], [agent('n/a')])).toEqual([[], []]);
  });

  it('an issue is alerted once per opening: cleared and reopened is a new opening with a new id', () => {
    expect(
      hours(
        [agent('', true)],
        [agent('', true)],
        [agent('', false)],
        [agent('', false)],
        [agent('', true)],
        [agent('', true, true)],
      ),
    ).toEqual([['p:oid1:1'], [], [], [], ['p:oid1:2'], ['l:oid1:1']]);
  });

  it('the same observations from the same memory give the same ids (a re-run builds the same dedupe keys)', () => {
    const state: AlertedState = { oid1: { p: [2, 0] } };
    const a = diffAlerts(state, [agent('x', true)]);
    const b = diffAlerts(state, [agent('x', true)]);
    expect(a.items.map((i) => i.id)).toEqual(b.items.map((i) => i.id));
    expect(a.items.map((i) => i.id)).toContain('p:oid1:3');
  });

  it('nothing changed: nothing to write; agents not observed keep their memory', () => {
    const state: AlertedState = { oid1: { p: [1, 1] }, oid2: { b: ['00000000'] } };
    const diff = diffAlerts(state, [agent('', true)]);
    expect(diff.changed).toBe(false);
    expect(diff.next).toEqual(state);
  });

  it('the memory per agent is bounded; long texts are cut for the email', () => {
    let state: AlertedState = {};
    for (let k = 0; k < MAX_REMEMBERED_BLOCKERS + 5; k++) state = diffAlerts(state, [agent(`t${k}`)]).next;
    expect(state.oid1.b).toHaveLength(MAX_REMEMBERED_BLOCKERS);
    expect(blockerForEmail('x'.repeat(60_000))).toHaveLength(MAX_BLOCKER_CHARS);
  });
});

const line = (name: string, text = ''): BlockerLine => ({
  name,
  oid: 'OID1',
  tlName: 'TL <b>',
  trackerLink: 'https://docs.google.com/spreadsheets/d/T/edit#gid=0&range=A5',
  reportLink: 'https://docs.google.com/spreadsheets/d/R/edit#gid=7&range=A5',
  text,
});

describe('blocker emails', () => {
  it('the TL email: counts in the subject, links, everything escaped, "and N more" past the list', () => {
    const email = tlBlockersEmail({
      tlName: 'Pat',
      cohortName: 'Cohort <1>',
      reportUrl: 'https://docs.google.com/spreadsheets/d/R/edit',
      trackerUrl: 'https://docs.google.com/spreadsheets/d/T/edit',
      noTlEmail: false,
      blockers: [line('<script>x</script>', '<img src=x onerror=alert(1)>')],
      payment: [line('Ann')],
      login: [],
      counts: { blockers: 3, payment: 1, login: 0 },
    });
    expect(email.subject).toBe('ESP blockers: 3 new blockers, 1 payment issue - Cohort <1>');
    expect(email.htmlBody).not.toMatch(/<script|<img|<b>/);
    expect(email.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/T/edit#gid=0&amp;range=A5"',
    );
    expect(email.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/R/edit#gid=7&amp;range=A5"',
    );
    expect(email.htmlBody).toContain('and 2 more');
    expect(email.body).toContain('<img src=x onerror=alert(1)>'); // plain text: shown as typed
  });

  it('the licensing team email lists payment issues with their TLs', () => {
    const email = paymentIssuesEmail({
      cohortName: 'C',
      trackerUrl: 'https://docs.google.com/spreadsheets/d/T/edit',
      agents: [line('Ann'), line('Bob')],
      total: 2,
    });
    expect(email.subject).toBe('ESP payment issues: 2 agents opened a payment issue - C');
    expect(email.htmlBody).toContain('TL &lt;b&gt;');
    expect(blockerCounts({ blockers: 1, payment: 0, login: 2 })).toBe('1 new blocker, 2 login issues');
  });
});
