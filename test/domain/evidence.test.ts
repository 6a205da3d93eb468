/**
 * RULES R22 — completion evidence agrees: the proof tick, the completion form (`AHIP+Aetna Completion`,
 * `Completion Log`) and `AHIP/Aetna Status`. Each disagreement is listed; agreement lists nothing.
 */
import { evidenceDisagreements, type EvidenceAgent, formIsIn } from '../../src/domain/evidence';
import { licensingSummaryEmail } from '../../src/domain/emails';
import { intlZone } from '../../src/domain/timeZone';

const TICK = new Date('2026-12-05T23:00:00Z');
const agent = (over: Partial<EvidenceAgent>): EvidenceAgent => ({
  name: 'Ana Diaz',
  oid: 'OID1',
  row: 2,
  proofTicked: true,
  proofTickedAt: TICK,
  completion: 'Submitted',
  ahipAetnaStatus: 'Complete',
  ...over,
});
const roster = [{ oid: 'OID1', cxpEmail: 'ana@cxp.example.com', personalEmail: 'ana@home.example.net' }];

describe('completion evidence (RULES R22)', () => {
  it('agreement lists nothing: all three say done, or none of them does', () => {
    const done = agent({});
    const notYet = agent({
      oid: 'OID2',
      proofTicked: false,
      proofTickedAt: null,
      completion: 'Not Submitted',
      ahipAetnaStatus: 'In Progress',
    });
    const verified = agent({ oid: 'OID3', completion: 'Verified' });
    const log = [{ row: 2, submittedAt: TICK, oid: 'OID1', answers: 'ana@cxp.example.com' }];
    expect(evidenceDisagreements([done, notYet, verified], log, roster)).toEqual([]);
  });

  it('ticked but no form: the proof is ticked and AHIP+Aetna Completion is not Submitted/Verified', () => {
    for (const completion of ['', 'Not Submitted', 'pending']) {
      expect(evidenceDisagreements([agent({ completion })], [], roster)).toEqual([
        { kind: 'ticked-no-form', name: 'Ana Diaz', oid: 'OID1', row: 2, tickedAt: TICK, completion },
      ]);
    }
  });

  it('form but statuses not complete: Submitted while AHIP/Aetna Status is not Complete', () => {
    const d = evidenceDisagreements(
      [agent({ proofTicked: false, proofTickedAt: null, ahipAetnaStatus: 'In Progress' })],
      [],
      roster,
    );
    expect(d).toEqual([
      {
        kind: 'form-not-complete',
        name: 'Ana Diaz',
        oid: 'OID1',
        row: 2,
        completion: 'Submitted',
        status: 'In Progress',
        proofTicked: false,
      },
    ]);
  });

  it('form for an unknown agent: a Completion Log row whose OID/email answers match nobody on the roster', () => {
    const log = [
      { row: 2, submittedAt: TICK, oid: '', answers: 'ANA@home.example.net' }, // a roster email: known
      { row: 3, submittedAt: TICK, oid: '', answers: 'stranger@example.org, 999' },
      { row: 4, submittedAt: null, oid: 'OID9', answers: '' }, // an OID typed that is not on the roster
      { row: 5, submittedAt: TICK, oid: 'oid1', answers: 'stranger@example.org' }, // resolved by the team
    ];
    expect(evidenceDisagreements([], log, roster)).toEqual([
      { kind: 'unknown-agent', logRow: 3, submittedAt: TICK, answers: 'stranger@example.org, 999', oid: '' },
      { kind: 'unknown-agent', logRow: 4, submittedAt: null, answers: '', oid: 'OID9' },
    ]);
  });

  it('Submitted and Verified are the form; anything else is not', () => {
    expect(['Submitted', ' verified ', 'VERIFIED'].map(formIsIn)).toEqual([true, true, true]);
    expect(['', 'Not Submitted', 'yes'].map(formIsIn)).toEqual([false, false, false]);
  });

  it('the licensing summary lists each line with the agent, the sheet/row, what disagrees and a link to the row; user text is escaped', () => {
    const zone = intlZone('America/Denver');
    const links = { trackerUrl: 'https://docs.google.com/spreadsheets/d/T/edit', trackerGid: 0 };
    const disagreements = evidenceDisagreements(
      [agent({ name: '<img src=x onerror=alert(1)>', row: 7, completion: 'Not Submitted' })],
      [{ row: 3, submittedAt: TICK, oid: '', answers: '<b>who@example.org</b>' }],
      roster,
    );
    const email = licensingSummaryEmail({
      cohortName: 'C',
      ymd: '2026-12-05',
      teams: [],
      links,
      evidence: { disagreements, zone, proofItem: '13 Checkmarks Proof Emailed', completionLogGid: 55 },
    });
    expect(email.subject).toMatch(/, 2 evidence mismatches$/);
    expect(email.htmlBody).not.toContain('<img');
    expect(email.htmlBody).not.toContain('<b>who');
    expect(email.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/T/edit#gid=0&amp;range=A7"',
    );
    expect(email.htmlBody).toContain(
      'href="https://docs.google.com/spreadsheets/d/T/edit#gid=55&amp;range=A3"',
    );
    expect(email.body).toContain('COMPLETION EVIDENCE DISAGREES (2)');
    expect(email.body).toContain(
      'ESP Tracker row 7: "13 Checkmarks Proof Emailed" ticked Sat 12/5/2026 4:00 PM, but AHIP+Aetna Completion is "Not Submitted": no completion form.',
    );
    expect(email.body).toContain('Completion Log row 3');
    expect(email.body).toContain('not on the roster');
  });

  it('no disagreement: no section and the subject as before', () => {
    const email = licensingSummaryEmail({
      cohortName: 'C',
      ymd: '2026-12-05',
      teams: [],
      evidence: { disagreements: [], zone: intlZone('America/Denver'), proofItem: 'P' },
    });
    expect(email.subject).not.toContain('mismatch');
    expect(email.body).not.toContain('COMPLETION EVIDENCE');
  });
});
