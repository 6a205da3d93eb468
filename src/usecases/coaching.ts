/**
 * RULES R21 — coaching from the sheet (the "Coaching & exams" sidebar). The view: every agent, and for
 * the one picked the facts pre-filled from the tracker, `Pace`, the Coaching Log and the AHIP exam ledger,
 * the ladder's next step from their history, the policies. Recording: one `Coaching Log` row, `CAP Level`
 * raised (never lowered, never a skipped level) and, for a Written CAP, the CAP document shared only with
 * the TL, HR and the ESP managers. Everything returned is plain JSON (dates as text).
 */
import {
  COACHING_LOG_HEADERS,
  type CapLevel,
  PACE_SHEET,
  SHEET,
  TRACKER,
  capLevelOf,
  type PaceHeader,
  type TrackerHeader,
  WORKBOOK,
} from '../domain/contract';
import {
  COACHING_LEVELS,
  COACHING_POLICIES,
  type CoachingLevel,
  type CoachingPolicy,
  type LadderSuggestion,
  checkLevel,
  highestLevel,
  policyText,
  suggestNextLevel,
} from '../domain/coaching';
import { MAX_EXAM_ATTEMPTS, atRiskOids } from '../domain/examAttempts';
import { formatMdy } from '../domain/timeZone';
import { isDate } from '../domain/values';
import { generateCapDocument } from './capDocument';
import { LOG } from './capCheck';
import { countedAttempts } from './examAttempts';
import { now } from '../gas/clock';
import type { Config } from '../gas/config';
import { ContractError, SheetTable, type Spreadsheet } from '../gas/sheetTable';

const PACE = WORKBOOK.pace.headers;
const { itemsDone: ITEMS_DONE, dueByNow: DUE_BY_NOW, overdue: OVERDUE, verdict: VERDICT } = PACE;

export interface CoachingAgent {
  oid: string;
  name: string;
  tlName: string;
  /** The agent's TL is the person looking (their `TL Email`). */
  mine: boolean;
}

export interface CoachingHistoryEntry {
  date: string;
  level: string;
  policy: string;
  details: string;
  documentLink: string;
}

export interface AgentCoaching {
  oid: string;
  name: string;
  tlName: string;
  capLevel: string;
  suggestion: LadderSuggestion;
  /** The facts, one line each, pre-filled into the form (the TL edits them). */
  facts: string[];
  exam: { attempts: { attempt: number; score: number; result: string; date: string }[]; atRisk: boolean };
  history: CoachingHistoryEntry[];
}

export interface CoachingView {
  agents: CoachingAgent[];
  policies: readonly string[];
  levels: readonly string[];
  maxAttempts: number;
  today: string;
  agent: AgentCoaching | null;
}

export function coachingView(ss: Spreadsheet, config: Config, user: string, oid?: string): CoachingView {
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.oid, TRACKER.agentName]);
  const me = user.trim().toLowerCase();
  const text = (i: number, h: TrackerHeader) => (tracker.has(h) ? tracker.text(i, h) : '');
  const agents = tracker
    .rowIndexes()
    .filter((i) => text(i, TRACKER.oid))
    .map((i) => ({
      oid: text(i, TRACKER.oid),
      name: text(i, TRACKER.agentName),
      tlName: text(i, TRACKER.tlName),
      mine: !!me && text(i, TRACKER.tlEmail).toLowerCase() === me,
    }))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name));
  const base = {
    agents,
    policies: COACHING_POLICIES,
    levels: COACHING_LEVELS,
    maxAttempts: MAX_EXAM_ATTEMPTS,
    today: config.zone.ymd(now()),
  };
  if (!oid) return { ...base, agent: null };
  const i = tracker.rowIndexes().find((k) => text(k, TRACKER.oid).toLowerCase() === oid.trim().toLowerCase());
  if (i === undefined) throw new ContractError(`No agent with OID "${oid}" in the ESP Tracker.`);
  return { ...base, agent: agentCoaching(ss, config, tracker, i) };
}

function agentCoaching(
  ss: Spreadsheet,
  config: Config,
  tracker: SheetTable<TrackerHeader>,
  i: number,
): AgentCoaching {
  const text = (h: TrackerHeader) => (tracker.has(h) ? tracker.text(i, h) : '');
  const oid = text(TRACKER.oid);
  const key = oid.toLowerCase();
  const history = coachingHistory(ss, config, key);
  const capLevel = capLevelOf(text(TRACKER.capLevel));
  const highest = highestLevel([capLevel, ...history.map((h) => capLevelOf(h.level))]);
  const attempts = countedAttempts(ss, config.zone).filter((a) => a.oid.toLowerCase() === key);
  const atRisk = atRiskOids(attempts).has(key);
  const facts: string[] = [];
  const pace = paceFacts(ss, key);
  if (pace) facts.push(pace);
  const attendance = text(TRACKER.attendance);
  if (attendance) facts.push(`Attendance: ${attendance}.`);
  for (const h of [TRACKER.attendanceNote, TRACKER.techIssueNote, TRACKER.coachingNote]) {
    const note = text(h);
    if (note) facts.push(`${h}: ${note.split('\n').join(' | ')}`);
  }
  if (attempts.length)
    facts.push(
      `AHIP final exam: ${attempts.map((a) => `attempt ${a.attempt} ${a.score}% ${a.result}`).join(', ')}` +
        (atRisk ? ' - AT RISK, one attempt left.' : '.'),
    );
  const exemption = text(TRACKER.exemption);
  if (exemption) facts.push(`Exemption: ${exemption}.`);
  return {
    oid,
    name: text(TRACKER.agentName),
    tlName: text(TRACKER.tlName),
    capLevel,
    suggestion: suggestNextLevel(highest),
    facts,
    exam: {
      attempts: attempts.map((a) => ({
        attempt: a.attempt,
        score: a.score,
        result: a.result,
        date: formatMdy(a.ymd),
      })),
      atRisk,
    },
    history,
  };
}

/** Items done / due, overdue items and the verdict from the `Pace` sheet (the last sync); null before one. */
function paceFacts(ss: Spreadsheet, key: string): string | null {
  const sheet = ss.getSheetByName(PACE_SHEET);
  if (!sheet) return null;
  const pace = SheetTable.read(sheet, WORKBOOK.pace);
  if (!pace.has(PACE.oid) || !pace.has(ITEMS_DONE)) return null;
  const k = pace.rowIndexes().find((r) => pace.text(r, PACE.oid).toLowerCase() === key);
  if (k === undefined) return null;
  const get = (h: PaceHeader) => (pace.has(h) ? pace.text(k, h) : '');
  const overdue = get(OVERDUE);
  return `Certification: ${get(ITEMS_DONE)} items done, ${get(DUE_BY_NOW)} due by the last sync; overdue: ${overdue || 'none'}; verdict: ${get(VERDICT) || 'unknown'}.`;
}

function coachingHistory(ss: Spreadsheet, config: Config, key: string): CoachingHistoryEntry[] {
  const log = SheetTable.open(ss, SHEET.coachingLog, COACHING_LOG_HEADERS);
  return log
    .rowIndexes()
    .filter((k) => log.text(k, LOG.oid).toLowerCase() === key)
    .map((k) => {
      const when = log.value(k, LOG.date);
      return {
        date: isDate(when) ? formatMdy(config.zone.ymd(when)) : log.text(k, LOG.date),
        level: log.text(k, LOG.level),
        policy: log.text(k, LOG.policy),
        details: log.text(k, LOG.details),
        documentLink: log.has(LOG.documentLink) ? log.text(k, LOG.documentLink) : '',
      };
    });
}

export interface CoachingRecorded {
  message: string;
  level: string;
  capLevel: string;
  documentUrl: string;
  next: LadderSuggestion;
}

/**
 * Records a coaching step (RULES R21): refuses a skipped level; one Coaching Log row; `CAP Level`
 * raised when the step is above it; a Written CAP gets its CAP document, linked on that row.
 */
export function recordCoaching(
  ss: Spreadsheet,
  config: Config,
  input: { oid: string; level: CoachingLevel; policy: CoachingPolicy; facts: string },
  user: string,
): CoachingRecorded {
  const tracker = SheetTable.open(ss, SHEET.tracker, [TRACKER.oid, TRACKER.agentName, TRACKER.capLevel]);
  const key = input.oid.trim().toLowerCase();
  const i = tracker.rowIndexes().find((k) => tracker.text(k, TRACKER.oid).toLowerCase() === key);
  if (i === undefined) throw new ContractError(`No agent with OID "${input.oid}" in the ESP Tracker.`);
  const oid = tracker.text(i, TRACKER.oid);
  const name = tracker.text(i, TRACKER.agentName);
  const log = SheetTable.open(ss, SHEET.coachingLog, COACHING_LOG_HEADERS);
  const current = capLevelOf(tracker.text(i, TRACKER.capLevel));
  const logged = log
    .rowIndexes()
    .filter((k) => log.text(k, LOG.oid).toLowerCase() === key)
    .map((k) => capLevelOf(log.text(k, LOG.level)));
  const check = checkLevel(highestLevel([current, ...logged]), current, input.level);
  if (!check.ok) throw new ContractError(`${name} (${oid}): ${check.problem} Nothing was recorded.`);
  log.append({
    [LOG.date]: now(),
    [LOG.agentName]: name,
    [LOG.oid]: oid,
    [LOG.tlName]: tracker.has(TRACKER.tlName) ? tracker.text(i, TRACKER.tlName) : '',
    [LOG.level]: input.level,
    [LOG.policy]: policyText(input.policy),
    [LOG.details]: input.facts,
    [LOG.documentedBy]: user,
  });
  log.flush();
  let capLevel: CapLevel | '' = current;
  if (check.raisesTo) {
    tracker.set(i, TRACKER.capLevel, check.raisesTo);
    tracker.flush();
    capLevel = check.raisesTo;
  }
  let documentUrl = '';
  if (input.level === 'Written CAP') {
    // Fills the link on the row just written (its latest Written CAP entry without one).
    documentUrl = generateCapDocument(ss, config, oid, 'Written CAP', {
      policy: policyText(input.policy),
      expectedImprovement: `Meet the ${input.policy} from today on; the TL reviews progress with the agent daily.`,
    }).url;
  }
  const next = suggestNextLevel(highestLevel([capLevel, ...logged, input.level]));
  const doc = documentUrl ? ' CAP document shared with the TL, HR and the ESP managers only.' : '';
  return {
    message: `${name} (${oid}): ${input.level} recorded in the Coaching Log. ${check.note}${doc}`,
    level: input.level,
    capLevel,
    documentUrl,
    next,
  };
}
