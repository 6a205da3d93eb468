/**
 * RULES R20 (AHIP exam attempts) and R21 (coaching from the sheet), through the built bundle: a failed
 * attempt emails the TL once and records Verbal Coaching; a second makes the agent at risk; a third is a
 * Written CAP with a CAP document shared only with the TL, HR and the managers; a fourth is refused; the
 * Dashboard shows the first-attempt pass rate; a coaching record suggests the next level; re-runs are safe.
 */
import { EXAM_ATTEMPTS_SHEET, SHEET, TRACKER } from '../../src/domain/contract';
import type { Workspace } from '../../workspace/workspace';
import { type EntryBundle, bundledWorkspace, editEvent } from '../helpers/bundle';
import { cohortSettings, writeRoster } from '../helpers/workbook';

// Day 3 (Monday 12/7/2026) 10:00 Denver; Day 1 is Thursday 12/3.
const DAY3 = new Date('2026-12-07T17:00:00Z');
const XSS = '<b>Bo</b> & "Al"';

function cohort(agents = 6): { ws: Workspace; bundle: EntryBundle; folderId: string } {
  const { ws, bundle } = bundledWorkspace({ now: new Date('2026-11-30T19:00:00Z'), mailQuota: 1500 });
  bundle.menuSetupWorkbook();
  const folder = ws.drive.createFolder('cXp Leadership');
  cohortSettings(ws, { 'Leadership Drive Folder ID': folder.getId() });
  writeRoster(ws, agents);
  const sheet = ws.tracker.sheet(SHEET.tracker);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  sheet.getRange(3, headers.indexOf(TRACKER.agentName) + 1).setValue(XSS); // Agent 1 (OID1001)
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  ws.clock.set(DAY3);
  return { ws, bundle, folderId: folder.getId() };
}

const rows = (ws: Workspace, name: string) => ws.tracker.sheet(name).getDataRange().getValues();
const logFor = (ws: Workspace, oid: string) => rows(ws, SHEET.coachingLog).filter((r) => r[2] === oid);
const examMail = (ws: Workspace) => ws.mail.outbox.filter((m) => m.subject.startsWith('AHIP exam failed'));

function trackerValue(ws: Workspace, oid: string, header: string): string {
  const [head, ...body] = rows(ws, SHEET.tracker);
  const row = body.find((r) => r[head.indexOf(TRACKER.oid)] === oid)!;
  return String(row[head.indexOf(header)]);
}

describe('AHIP exam attempts (RULES R20)', () => {
  it('set-up creates the ledger with its headers and a plain-text Score column', () => {
    const { ws } = cohort(2);
    const sheet = ws.tracker.sheet(EXAM_ATTEMPTS_SHEET.name);
    expect(sheet.getRange(1, 1, 1, 9).getValues()[0]).toEqual([...EXAM_ATTEMPTS_SHEET.columns]);
    const scoreCol = EXAM_ATTEMPTS_SHEET.columns.indexOf(EXAM_ATTEMPTS_SHEET.headers.score) + 1;
    expect(sheet.getRange(2, scoreCol).getNumberFormat()).toBe('@');
  });

  it('fail → TL email once + Verbal Coaching; twice → at risk; three times → Written CAP + document; a 4th is refused', () => {
    const { ws, bundle, folderId } = cohort();
    const first = bundle.saveExamAttempt('OID1001', '2026-12-07', '82%', 'req-1');
    expect(first).toMatchObject({ attempt: 1, score: 82, result: 'Fail', consequence: 'verbal-coaching' });
    // The double-click: same request id, nothing written twice.
    const again = bundle.saveExamAttempt('OID1001', '2026-12-07', '82%', 'req-1');
    expect(again.repeated).toBe(true);
    expect(rows(ws, EXAM_ATTEMPTS_SHEET.name)).toHaveLength(2);
    expect(examMail(ws)).toHaveLength(1);
    const mail = examMail(ws)[0];
    expect(mail.recipients).toEqual(['tl1@example.com']);
    expect(mail.subject).toContain('attempt 1 of 3, 82%');
    expect(mail.htmlBody).toContain('&lt;b&gt;Bo&lt;/b&gt; &amp; &quot;Al&quot;');
    expect(mail.htmlBody).not.toContain('<b>Bo</b>');
    const verbal = logFor(ws, 'OID1001');
    expect(verbal).toHaveLength(1);
    expect(verbal[0][4]).toBe('Verbal Coaching');
    expect(String(verbal[0][6])).toMatch(/practice quizzes make a first-time pass expected/);
    expect(trackerValue(ws, 'OID1001', TRACKER.capLevel)).toBe('Verbal Coaching');

    bundle.saveExamAttempt('OID1001', '2026-12-07', 85, 'req-2');
    expect(examMail(ws)).toHaveLength(2);
    expect(examMail(ws)[1].subject).toMatch(/attempt 2 of 3, 85% - AT RISK/);
    expect(trackerValue(ws, 'OID1001', TRACKER.coachingNote)).toMatch(
      / - 12\/7\/2026 - AHIP final exam attempt 2 of 3 failed \(82%, 85%\): AT RISK, one attempt left$/,
    );
    expect(logFor(ws, 'OID1001')).toHaveLength(1);

    const third = bundle.saveExamAttempt('OID1001', '2026-12-07', '88.5', 'req-3');
    expect(third.consequence).toBe('written-cap');
    const log = logFor(ws, 'OID1001');
    expect(log.map((r) => r[4])).toEqual(['Verbal Coaching', 'Written CAP']);
    expect(String(log[1][8])).toBe(third.capDocument);
    expect(trackerValue(ws, 'OID1001', TRACKER.capLevel)).toBe('Written CAP');
    const docs = ws.store
      .childrenOf(folderId)
      .filter((f) => f.mimeType === 'application/vnd.google-apps.document');
    const doc = docs.find((f) => third.capDocument.includes(f.id))!;
    expect(doc.name).toMatch(/^Written CAP - /);
    expect(ws.documents.textOf(doc.id)).toContain('AHIP final exam passed on the first attempt');
    const file = ws.drive.getFileById(doc.id);
    expect(
      file
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual(['esp.manager@example.com', 'hr@example.com', 'tl1@example.com']);
    expect(file.getSharingAccess()).toBe('PRIVATE');
    expect(examMail(ws)[2].htmlBody).toContain(third.capDocument);

    expect(() => bundle.saveExamAttempt('OID1001', '2026-12-07', '95', 'req-4')).toThrow(
      /attempt 4 refused: at most 3 AHIP final-exam attempts are allowed and 3 are recorded.*Nothing was recorded/,
    );
    expect(rows(ws, EXAM_ATTEMPTS_SHEET.name)).toHaveLength(4);

    // Re-running (another agent's attempt processes the whole ledger) sends and writes nothing more.
    const mails = ws.mail.outbox.length;
    const before = rows(ws, SHEET.coachingLog).length;
    bundle.saveExamAttempt('OID1002', '2026-12-07', '93%', 'req-5');
    expect(ws.mail.outbox.length).toBe(mails);
    expect(rows(ws, SHEET.coachingLog)).toHaveLength(before);
    expect(docs.length).toBe(
      ws.store.childrenOf(folderId).filter((f) => f.mimeType === 'application/vnd.google-apps.document')
        .length,
    );
  });

  it('flags a typed bad score, date or 4th attempt with sheet/row/header/value; never guesses or deletes', () => {
    const { ws, bundle } = cohort(3);
    const sheet = ws.tracker.sheet(EXAM_ATTEMPTS_SHEET.name);
    sheet.getRange(2, 1, 3, 9).setValues([
      ['12/4/2026', '', 'OID1000', '', '', '', 'eighty', '', ''],
      ['12/4/2026', '', 'OID1001', '', '', '', 0.88, '', ''],
      ['12/4/2026', '', 'OID1002', '', '', '', '91%', '', ''],
    ]);
    const r = bundle.saveExamAttempt('OID1000', '2026-12-07', '97', 'x-1');
    expect(r.problems.join('\n')).toContain('AHIP Exam Attempts row 2, "Score": "eighty" is not a score');
    expect(r.problems.join('\n')).toContain('row 3, "Score": "0.88" looks like a percentage cell');
    expect(() => bundle.saveExamAttempt('OID1002', '2026-12-07', '97', 'x-2')).toThrow(
      /already passed the AHIP final exam on attempt 1\. Nothing was recorded/,
    );
    expect(String(sheet.getRange(2, 7).getValue())).toBe('eighty');
    expect(sheet.getRange(2, 7).getNote()).toMatch(/^⚠ AHIP exam:/);
    expect(sheet.getRange(3, 7).getNote()).toMatch(/percentage cell/);
    expect(sheet.getRange(4, 8).getValue()).toBe('Pass');
    // A typed future date is flagged on its cell; fixing it clears only this script's flag.
    sheet.getRange(3, 1).setValue('12/25/2026');
    sheet.getRange(3, 7).setValue('88');
    const again = bundle.saveExamAttempt('OID1001', '2026-12-07', '99', 'x-3');
    expect(again.problems.join('\n')).toContain('row 3, "Date": "12/25/2026" is in the future');
    expect(sheet.getRange(3, 7).getNote()).toBe('');
    expect(sheet.getRange(3, 1).getNote()).toMatch(/in the future/);
  });

  it('the Dashboard shows the first-attempt pass rate per class and per TL', () => {
    const { ws, bundle } = cohort(6);
    bundle.saveExamAttempt('OID1000', '2026-12-07', '95', 'a'); // TL 0 pass
    bundle.saveExamAttempt('OID1003', '2026-12-07', '70', 'b'); // TL 0 fail
    bundle.saveExamAttempt('OID1001', '2026-12-07', '90%', 'c'); // TL 1 pass
    bundle.menuRefreshDashboard();
    const grid = rows(ws, SHEET.dashboard).map((r) => r.slice(0, 5).map(String));
    const at = grid.findIndex((r) => r[0] === 'AHIP final exam');
    expect(grid[at]).toEqual([
      'AHIP final exam',
      'Agents tested',
      'Passed first time',
      'First-attempt pass rate',
      'At risk (2 fails)',
    ]);
    expect(grid[at + 1].slice(1)).toEqual(['3', '2', '67%', '0']);
    expect(grid.find((r) => r[0] === 'TL 0' && r[3].endsWith('%'))).toEqual(['TL 0', '2', '1', '50%', '0']);
    expect(grid.find((r) => r[0] === 'TL 1' && r[3].endsWith('%'))).toEqual(['TL 1', '1', '1', '100%', '0']);
    expect(grid.find((r) => r[0] === 'TL 2' && r[3] === 'no attempts yet')).toBeDefined();
  });

  it('one exam save reads and writes the same number of times for 6 agents and for 30 (RULES R14)', () => {
    const calls = (agents: number) => {
      const { ws, bundle } = cohort(agents);
      for (let k = 0; k < agents; k += 2)
        bundle.saveExamAttempt(`OID${1000 + k}`, '2026-12-07', '95', `p${k}`);
      ws.meter.reset();
      bundle.saveExamAttempt('OID1001', '2026-12-07', '50', 'last');
      return [ws.meter.count('Range.getValues'), ws.meter.count('Range.setValues')];
    };
    const [small, large] = [calls(6), calls(30)];
    console.log(
      `one exam save (a failure): getValues/setValues ${small.join('/')} with 6 agents, ${large.join('/')} with 30`,
    );
    expect(large).toEqual(small);
  });
});

describe('Coaching from the sheet (RULES R21)', () => {
  it('suggests the next level, records once per request id, never skips and never lowers CAP Level', () => {
    const { ws, bundle } = cohort(3);
    const view = bundle.getCoachingView('OID1002');
    expect(view.agent!.suggestion.level).toBe('Verbal Coaching');
    expect(view.policies).toContain('Attendance Policy');
    expect(() =>
      bundle.saveCoaching('OID1002', 'Written CAP', 'Attendance Policy', 'Late twice', 'w-0'),
    ).toThrow(/Written CAP would skip Verbal Coaching/);
    const saved = bundle.saveCoaching('OID1002', 'Verbal Coaching', 'Attendance Policy', 'Late twice', 'v-1');
    bundle.saveCoaching('OID1002', 'Verbal Coaching', 'Attendance Policy', 'Late twice', 'v-1');
    expect(saved.next.level).toBe('Written CAP');
    expect(logFor(ws, 'OID1002')).toHaveLength(1);
    expect(logFor(ws, 'OID1002')[0][5]).toMatch(/^Attendance Policy: /);
    expect(trackerValue(ws, 'OID1002', TRACKER.capLevel)).toBe('Verbal Coaching');
    expect(bundle.getCoachingView('OID1002').agent!.suggestion.level).toBe('Written CAP');
    const written = bundle.saveCoaching('OID1002', 'Written CAP', 'Attendance Policy', 'Late again', 'w-1');
    expect(written.documentUrl).toMatch(/^https:\/\/docs\.google\.com\/document\//);
    expect(logFor(ws, 'OID1002').map((r) => [r[4], String(r[8]) !== ''])).toEqual([
      ['Verbal Coaching', false],
      ['Written CAP', true],
    ]);
    const lower = bundle.saveCoaching(
      'OID1002',
      'Verbal Coaching',
      'Self-Report Expectations',
      'No report',
      'v-2',
    );
    expect(lower.message).toMatch(/CAP Level stays "Written CAP"/);
    expect(trackerValue(ws, 'OID1002', TRACKER.capLevel)).toBe('Written CAP');
  });

  it('pre-fills the facts from the tracker, Pace and the exam ledger', () => {
    const { ws, bundle } = cohort(3);
    const sheet = ws.tracker.sheet(SHEET.tracker);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.getRange(2, headers.indexOf(TRACKER.techIssueNote) + 1).setValue('Agent 0 - 12/4/2026 - VPN down');
    bundle.menuSyncProgress();
    bundle.saveExamAttempt('OID1000', '2026-12-07', '80', 'e-1');
    const facts = bundle.getCoachingView('OID1000').agent!.facts.join('\n');
    expect(facts).toMatch(
      /Certification: 0\/14 items done, 8 due by the last sync; overdue: Module 1 Reviewed, /,
    );
    expect(facts).toContain('AHIP final exam: attempt 1 80% Fail');
    expect(facts).toContain('Tech Issue Note: Agent 0 - 12/4/2026 - VPN down');
  });
});

describe('an attempt typed straight into the ledger (RULES R20, R1)', () => {
  /** Appends a row as a TL types it, and fires the installable edit trigger Google would. */
  function typeAttempt(ws: Workspace, bundle: EntryBundle, oid: string, score: string): void {
    const sheet = ws.tracker.sheet(EXAM_ATTEMPTS_SHEET.name);
    const H = EXAM_ATTEMPTS_SHEET.headers;
    const row = sheet.getLastRow() + 1;
    const cols = EXAM_ATTEMPTS_SHEET.columns as readonly string[];
    sheet.getRange(row, cols.indexOf(H.date) + 1).setValue('12/7/2026');
    sheet.getRange(row, cols.indexOf(H.oid) + 1).setValue(oid);
    const cell = sheet.getRange(row, cols.indexOf(H.score) + 1);
    cell.setValue(score);
    bundle.onTrackerEdit(editEvent({ range: cell, value: score, source: ws.tracker }));
  }

  it('is processed by the edit trigger like one recorded from the sidebar: Attempt, Result, TL email, Verbal Coaching', () => {
    const { ws, bundle } = cohort();
    typeAttempt(ws, bundle, 'OID1002', '80');
    const [head, row] = rows(ws, EXAM_ATTEMPTS_SHEET.name);
    const H = EXAM_ATTEMPTS_SHEET.headers;
    expect(row[head.indexOf(H.attempt)]).toBe(1);
    expect(row[head.indexOf(H.result)]).toBe('Fail');
    expect(row[head.indexOf(H.agentName)]).toBe('Agent 2');
    expect(examMail(ws)).toHaveLength(1);
    expect(logFor(ws, 'OID1002').map((r) => r[4])).toEqual(['Verbal Coaching']);
    // The edit trigger fires again (another cell of the row): nothing new.
    typeAttempt(ws, bundle, 'OID1002', '');
    expect(examMail(ws)).toHaveLength(1);
    expect(logFor(ws, 'OID1002')).toHaveLength(1);
  });

  it('typed while the sweep holds the lock: queued, never dropped, and handled once by the next run', () => {
    const { ws, bundle } = cohort();
    ws.locks.holdExternally('document', 5 * 60_000);
    typeAttempt(ws, bundle, 'OID1003', '70%');
    expect(examMail(ws)).toHaveLength(0);
    ws.locks.releaseExternally('document');
    ws.clock.set(new Date(DAY3.getTime() + 60 * 60_000));
    bundle.capCheck();
    expect(examMail(ws)).toHaveLength(1);
    expect(logFor(ws, 'OID1003')).toHaveLength(1);
    bundle.capCheck();
    expect(examMail(ws)).toHaveLength(1);
  });

  it('an edit of the ledger header row or of another sheet does nothing (no config read, no lock)', () => {
    const { ws, bundle } = cohort(2);
    ws.meter.reset();
    const header = ws.tracker.sheet(EXAM_ATTEMPTS_SHEET.name).getRange(1, 1);
    bundle.onTrackerEdit(editEvent({ range: header, value: 'Date', source: ws.tracker }));
    expect(ws.meter.total('LockService')).toBe(0);
  });
});
