/**
 * RULES R20 — the AHIP final-exam attempt ledger (`AHIP Exam Attempts`). A TL records an attempt from the
 * "Coaching & exams" sidebar (or types a row); `processExamLedger` numbers every agent's attempts, fills
 * `Attempt` and `Result`, flags what cannot count (a bad date or score, a 4th attempt, an attempt after a
 * pass: a cell note naming sheet, row, header and value; nothing deleted) and applies each failure's
 * consequence once (src/domain/examAttempts.ts): the TL's email (mail outbox, dedupe key per attempt),
 * a Verbal Coaching entry, the at-risk note line, a Written CAP entry and its CAP document.
 *
 * Exactly once: the Coaching Log entry (found by its Details prefix), the tracker note line (found by its
 * text) and the email's dedupe key make a re-run do nothing. One read per sheet, one write per changed
 * sheet, whatever the number of agents; CAP documents only for new third failures.
 */
import { dedupeKey } from '../domain/alerts';
import {
  COACHING_LOG_HEADERS,
  type CapLevel,
  EXAM_ATTEMPTS_SHEET,
  type ExamResult,
  SHEET,
  TRACKER,
  capLevelOf,
  type ExamAttemptsHeader,
  type TrackerHeader,
} from '../domain/contract';
import { capRank } from '../domain/escalation';
import {
  EXAM_POLICY,
  MAX_EXAM_ATTEMPTS,
  type LedgerRow,
  type RowPlan,
  atRiskNoteText,
  examCoachingDetails,
  examConsequence,
  examDetailsPrefix,
  examResult,
  passRate,
  planLedger,
  readScore,
  refuseNewAttempt,
} from '../domain/examAttempts';
import { formatMdy, parseDateText, parseDateValue, type Zone } from '../domain/timeZone';
import { isDate, toText } from '../domain/values';
import { configForAgents } from './agentCohort';
import { generateCapDocument } from './capDocument';
import { LOG } from './capCheck';
import { ensureExamAttemptsSheet } from './setupWorkbook';
import { now } from '../gas/clock';
import { trackerLinks } from '../gas/emailLinks';
import type { Config } from '../gas/config';
import { Mailer, type MailSummary } from '../gas/mailer';
import { composed } from '../gas/mailRecipes';
import { ContractError, SheetTable, type Spreadsheet } from '../gas/sheetTable';

const X = EXAM_ATTEMPTS_SHEET.headers;
/** Cell notes this script sets on the ledger start with this; only those are ever cleared (RULES R3). */
const FLAG = '⚠ AHIP exam:';
const FLAG_COLOR = '#f4cccc';

/** One counted attempt, as the Dashboard and the Coaching sidebar use it. */
export interface CountedAttempt {
  oid: string;
  attempt: number;
  score: number;
  result: ExamResult;
  ymd: string;
}

interface Ledger {
  table: SheetTable<ExamAttemptsHeader>;
  rows: LedgerRow[];
  plans: RowPlan[];
  /** Problems by data index: [header, message]. */
  problems: Map<number, [ExamAttemptsHeader, string]>;
}

/** Reads the ledger (one read) and judges every row; no writes. Null when the sheet does not exist. */
function readLedger(ss: Spreadsheet, zone: Zone, todayYmd: string): Ledger | null {
  const table = SheetTable.ifPresent(ss, EXAM_ATTEMPTS_SHEET, [X.date, X.oid, X.score]);
  if (!table) return null;
  const problems = new Map<number, [ExamAttemptsHeader, string]>();
  const rows: LedgerRow[] = [];
  const shown = (v: unknown) =>
    isDate(v) && !Number.isNaN(v.getTime()) ? formatMdy(zone.ymd(v)) : toText(v);
  const where = (i: number, header: ExamAttemptsHeader) =>
    `${EXAM_ATTEMPTS_SHEET.name} row ${table.sheetRow(i)}, "${header}": "${shown(table.value(i, header))}"`;
  for (const i of table.rowIndexes()) {
    const oid = table.text(i, X.oid);
    let ymd = parseDateValue(table.value(i, X.date), zone);
    let score: number | null = null;
    const reading = readScore(table.value(i, X.score));
    if (reading.ok) score = reading.score;
    if (!oid) problems.set(i, [X.oid, `${where(i, X.oid)} is blank: type the agent's OID`]);
    else if (ymd === null)
      problems.set(i, [X.date, `${where(i, X.date)} is not a date: type it as M/D/YYYY`]);
    else if (ymd > todayYmd) {
      problems.set(i, [X.date, `${where(i, X.date)} is in the future: type the day the exam was taken`]);
      ymd = null;
    } else if (!reading.ok) problems.set(i, [X.score, `${where(i, X.score)} ${reading.problem}`]);
    rows.push({ index: i, oid, ymd, score });
  }
  const plans = planLedger(rows);
  for (const p of plans)
    if ('refused' in p) problems.set(p.index, [X.attempt, `${where(p.index, X.oid)}: ${p.refused}`]);
  return { table, rows, plans, problems };
}

/** Every counted attempt (read-only): for the Dashboard and the Coaching sidebar. */
export function countedAttempts(ss: Spreadsheet, zone: Zone): CountedAttempt[] {
  const ledger = readLedger(ss, zone, zone.ymd(now()));
  if (!ledger) return [];
  return ledger.plans.flatMap((p) =>
    'refused' in p ? [] : [{ oid: p.oid, attempt: p.attempt, score: p.score, result: p.result, ymd: p.ymd }],
  );
}

export interface LedgerOutcome {
  /** What cannot count, each naming sheet, row, header and value. */
  problems: string[];
  /** Names of agents whose failure was newly recorded in this run, with the attempt. */
  newFailures: { oid: string; name: string; attempt: number }[];
  capDocuments: { oid: string; url: string }[];
  mail: MailSummary;
}

/**
 * Brings the ledger and its consequences up to date (RULES R20). Idempotent: a second run writes nothing
 * and sends nothing. `user` documents the entries (the TL who recorded, else the script).
 */
export function processExamLedger(ss: Spreadsheet, config: Config, user: string): LedgerOutcome {
  const { zone } = config;
  const at = now();
  const ledger = readLedger(ss, zone, zone.ymd(at));
  const mailer = new Mailer(ss, config.settings);
  if (!ledger) return { problems: [], newFailures: [], capDocuments: [], mail: mailer.flush() };
  const { table } = ledger;
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.oid, TRACKER.agentName, TRACKER.capLevel]);
  const rowOf = new Map(tracker.rowIndexes().map((i) => [tracker.text(i, TRACKER.oid).toLowerCase(), i]));
  const log = SheetTable.open(ss, SHEET.coachingLog, COACHING_LOG_HEADERS);
  // `oid|attempt` of every failed attempt the Coaching Log already records (by its Details prefix).
  const logged = new Set<string>();
  for (const k of log.rowIndexes())
    for (let n = 1; n <= MAX_EXAM_ATTEMPTS; n++)
      if (log.text(k, LOG.details).startsWith(examDetailsPrefix(n)))
        logged.add(`${log.text(k, LOG.oid).toLowerCase()}|${n}`);
  for (const p of ledger.plans) {
    if (!('refused' in p) && !rowOf.has(p.oid.toLowerCase()))
      ledger.problems.set(p.index, [
        X.oid,
        `${EXAM_ATTEMPTS_SHEET.name} row ${table.sheetRow(p.index)}, "${X.oid}": "${p.oid}" is not an agent in the ESP Tracker`,
      ]);
  }
  const counted = ledger.plans.filter(
    (p): p is Extract<RowPlan, { attempt: number }> => !('refused' in p) && !ledger.problems.has(p.index),
  );
  // Fill Attempt, Result and the agent's facts the TL did not type.
  for (const p of counted) {
    const t = rowOf.get(p.oid.toLowerCase())!;
    table.set(p.index, X.attempt, p.attempt);
    table.set(p.index, X.result, p.result);
    for (const [mine, theirs] of [
      [X.agentName, TRACKER.agentName],
      [X.tlName, TRACKER.tlName],
      [X.cohort, TRACKER.cohort],
    ] as const)
      if (table.has(mine) && !table.text(p.index, mine) && tracker.has(theirs) && tracker.text(t, theirs))
        table.setText(p.index, mine, tracker.text(t, theirs));
  }
  const outcome: Omit<LedgerOutcome, 'mail'> = { problems: [], newFailures: [], capDocuments: [] };
  const toMail: { p: (typeof counted)[number]; scores: number[]; t: number }[] = [];
  const written: string[] = [];
  const ordered = [...counted].sort((a, b) => a.oid.localeCompare(b.oid) || a.attempt - b.attempt);
  for (const p of ordered) {
    if (p.result === 'Pass') continue;
    const consequence = examConsequence(p.attempt, p.result);
    const t = rowOf.get(p.oid.toLowerCase())!;
    const key = p.oid.toLowerCase();
    const scores = ordered
      .filter((q) => q.oid.toLowerCase() === key && q.attempt <= p.attempt)
      .map((q) => q.score);
    const name = tracker.text(t, TRACKER.agentName);
    const agent = { name, oid: tracker.text(t, TRACKER.oid), tlName: tracker.text(t, TRACKER.tlName) };
    toMail.push({ p, scores, t });
    if (consequence === 'at-risk') {
      if (!tracker.has(TRACKER.coachingNote)) continue;
      const note = tracker.text(t, TRACKER.coachingNote);
      if (note.includes(examDetailsPrefix(2))) continue;
      const line = `${name || agent.oid} - ${formatMdy(p.ymd)} - ${atRiskNoteText(scores)}`;
      tracker.setText(t, TRACKER.coachingNote, note ? `${note}\n${line}` : line);
      outcome.newFailures.push({ oid: agent.oid, name, attempt: p.attempt });
      continue;
    }
    const level: CapLevel = consequence === 'verbal-coaching' ? 'Verbal Coaching' : 'Written CAP';
    const details = examCoachingDetails(p.attempt, p.score, scores);
    if (logged.has(`${key}|${p.attempt}`)) continue;
    logged.add(`${key}|${p.attempt}`);
    log.append({
      [LOG.date]: at,
      [LOG.agentName]: name,
      [LOG.oid]: agent.oid,
      [LOG.tlName]: agent.tlName,
      [LOG.level]: level,
      [LOG.policy]: EXAM_POLICY,
      [LOG.details]: details,
      [LOG.documentedBy]: user,
    });
    // RULES R12: up one rung at most (attempt 1 always recorded Verbal Coaching first), never down.
    const current = capLevelOf(tracker.text(t, TRACKER.capLevel));
    if (capRank(current) < capRank(level)) tracker.set(t, TRACKER.capLevel, level);
    outcome.newFailures.push({ oid: agent.oid, name, attempt: p.attempt });
    if (level === 'Written CAP') written.push(agent.oid);
  }
  table.flush();
  log.flush();
  tracker.flush();
  flagProblems(table, ledger.problems);
  outcome.problems = [...ledger.problems.values()].map(([, message]) => message);
  for (const oid of written) {
    const agentConfig = configForAgents(ss, config, [oid], 'AHIP exam Written CAP');
    const doc = generateCapDocument(ss, agentConfig, oid, 'Written CAP', {
      policy: EXAM_POLICY,
      expectedImprovement:
        'No AHIP final-exam attempt is left. Review the practice-quiz screenshots with the TL; HR and the licensing team decide the next step.',
    });
    outcome.capDocuments.push({ oid, url: doc.url });
  }
  const links = trackerLinks(ss);
  const docs = new Map(outcome.capDocuments.map((d) => [d.oid.toLowerCase(), d.url]));
  for (const { p, scores, t } of toMail) {
    const consequence = examConsequence(p.attempt, p.result);
    if (consequence === 'none') continue;
    const agent = {
      name: tracker.text(t, TRACKER.agentName),
      oid: tracker.text(t, TRACKER.oid),
      tlName: tracker.text(t, TRACKER.tlName),
    };
    mailer.queue({
      kind: 'exam-failed',
      to: [tracker.has(TRACKER.tlEmail) ? tracker.text(t, TRACKER.tlEmail) : ''].filter(Boolean),
      ...composed('exam-failed', {
        agent,
        attempt: p.attempt,
        scores,
        ymd: p.ymd,
        consequence,
        capDocument: docs.get(agent.oid.toLowerCase()),
        links,
        row: tracker.sheetRow(t),
      }),
      urgent: consequence !== 'verbal-coaching',
      dedupeKey: dedupeKey('exam-failed', '', agent.oid, String(p.attempt)),
      agents: [agent.name],
    });
  }
  return { ...outcome, mail: mailer.flush() };
}

/**
 * Notes and colours on the ledger's flagged cells, and only this script's flags cleared where a row is
 * fixed (RULES R3): one read and at most one write each of notes and backgrounds.
 */
function flagProblems(
  table: SheetTable<ExamAttemptsHeader>,
  problems: Map<number, [ExamAttemptsHeader, string]>,
): void {
  const rows = table.rowCount;
  if (rows === 0) return;
  const width = table.headers.length;
  const range = table.sheet.getRange(2, 1, rows, width);
  const notes = range.getNotes();
  const colors = range.getBackgrounds();
  let changed = false;
  for (let i = 0; i < rows; i++) {
    const flagged = problems.get(i);
    const flagCol = flagged ? table.col(flagged[0]) : -1;
    for (let c = 0; c < width; c++) {
      const mine = notes[i][c].startsWith(FLAG);
      if (c === flagCol) {
        const text = `${FLAG} ${flagged![1]}. Nothing was deleted; fix the cell and record again.`;
        if (notes[i][c] !== text || colors[i][c] !== FLAG_COLOR) {
          notes[i][c] = text;
          colors[i][c] = FLAG_COLOR;
          changed = true;
        }
      } else if (mine) {
        notes[i][c] = '';
        colors[i][c] = '#ffffff';
        changed = true;
      }
    }
  }
  if (!changed) return;
  range.setNotes(notes);
  range.setBackgrounds(colors);
}

export interface ExamRecorded {
  message: string;
  oid: string;
  name: string;
  attempt: number;
  score: number;
  result: ExamResult;
  consequence: string;
  problems: string[];
  capDocument: string;
}

/**
 * Records one attempt from the sidebar: refuses a 4th attempt (or one after a pass) with a clear message,
 * appends the row, then processes the ledger (the consequence of this failure, and any typed rows).
 */
export function recordExamAttempt(
  ss: Spreadsheet,
  config: Config,
  input: { oid: string; date: string; score: string },
  user: string,
): ExamRecorded {
  const { zone } = config;
  const reading = readScore(input.score);
  if (!reading.ok) throw new ContractError(`Score "${input.score}" ${reading.problem}.`);
  const date = parseDateText(input.date);
  if (!date.ok) throw new ContractError(`Date "${input.date}" is not a date: pick the day of the exam.`);
  if (date.ymd > zone.ymd(now()))
    throw new ContractError(`Date ${formatMdy(date.ymd)} is in the future: pick the day of the exam.`);
  ensureExamAttemptsSheet(ss);
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.oid, TRACKER.agentName]);
  const t = tracker
    .rowIndexes()
    .find((i) => tracker.text(i, TRACKER.oid).toLowerCase() === input.oid.trim().toLowerCase());
  if (t === undefined) throw new ContractError(`No agent with OID "${input.oid}" in the ESP Tracker.`);
  const oid = tracker.text(t, TRACKER.oid);
  const name = tracker.text(t, TRACKER.agentName);
  const mine = countedAttempts(ss, zone).filter((a) => a.oid.toLowerCase() === oid.toLowerCase());
  const refused = refuseNewAttempt(mine);
  if (refused) throw new ContractError(`${name} (${oid}): ${refused}. Nothing was recorded.`);
  const ledger = SheetTable.of(ss, EXAM_ATTEMPTS_SHEET, [X.date, X.oid, X.score]);
  const attempt = mine.length + 1;
  const result = examResult(reading.score);
  const text = (h: TrackerHeader) => (tracker.has(h) ? tracker.text(t, h) : '');
  ledger.append({
    [X.date]: formatMdy(date.ymd),
    [X.agentName]: name,
    [X.oid]: oid,
    [X.tlName]: text(TRACKER.tlName),
    [X.cohort]: text(TRACKER.cohort) || config.cohort?.name || config.settings.cohortName,
    [X.attempt]: attempt,
    [X.score]: String(reading.score),
    [X.result]: result,
    [X.recordedBy]: user,
  });
  ledger.flush();
  const outcome = processExamLedger(ss, config, user);
  const consequence = examConsequence(attempt, result);
  const doc = outcome.capDocuments.find((d) => d.oid.toLowerCase() === oid.toLowerCase())?.url ?? '';
  const said: Record<typeof consequence, string> = {
    none: 'Passed.',
    'verbal-coaching': 'Failed: Verbal Coaching recorded in the Coaching Log; the TL is emailed.',
    'at-risk': 'Failed twice: the agent is AT RISK (one attempt left); the TL is emailed.',
    'written-cap':
      'Failed three times: Written CAP recorded, CAP document shared with the TL, HR and managers.',
  };
  return {
    message: `${name} (${oid}): attempt ${attempt}, ${reading.score}% — ${said[consequence]}`,
    oid,
    name,
    attempt,
    score: reading.score,
    result,
    consequence,
    problems: outcome.problems,
    capDocument: doc,
  };
}

/** The Dashboard's AHIP exam table headers (RULES R20). */
export const EXAM_DASHBOARD_HEADERS = [
  'AHIP final exam',
  'Agents tested',
  'Passed first time',
  'First-attempt pass rate',
  'At risk (2 fails)',
] as const;

/**
 * The Dashboard's exam rows for one class (its agents: `agents`, with their TL): the class total first,
 * then one row per TL. One read of the ledger.
 */
export function examDashboardRows(
  ss: Spreadsheet,
  zone: Zone,
  className: string,
  agents: readonly { oid: string; tlName: string }[],
): (string | number)[][] {
  const tlOf = new Map(agents.map((a) => [a.oid.toLowerCase(), a.tlName]));
  const attempts = countedAttempts(ss, zone).filter((a) => tlOf.has(a.oid.toLowerCase()));
  const line = (label: string, list: CountedAttempt[]): (string | number)[] => {
    const r = passRate(list);
    return [label, r.tested, r.passedFirst, r.rate === null ? 'no attempts yet' : `${r.rate}%`, r.atRisk];
  };
  const tls = [...new Set(agents.map((a) => a.tlName))].sort();
  return [
    [...EXAM_DASHBOARD_HEADERS],
    line(`${className || 'Class'} (all TLs)`, attempts),
    ...tls.map((tl) =>
      line(
        tl,
        attempts.filter((a) => tlOf.get(a.oid.toLowerCase()) === tl),
      ),
    ),
  ];
}
