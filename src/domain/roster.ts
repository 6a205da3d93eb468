/**
 * The roster: one `Agent` per `ESP Tracker` row, read by header text, and the checks that must pass
 * before a progress report is shared (RULES R4). Sharing with a mistyped address or giving two
 * agents the same OID silently breaks row protection, so those block; an N-Number that looks like an NPN
 * only warns, because the TL may know better.
 */
import { capLevelOf, ESP_STATUS_HEADERS, SHEET, TRACKER, type CapLevel } from './contract';
import { nNumberWarning } from './nNumber';
import { isValidDate, isValidEmail, toText } from './values';

/** One tracker row as the adapter read it: its 1-based sheet row and its cells keyed by header text. */
export interface TrackerRecord {
  row: number;
  values: Readonly<Record<string, unknown>>;
}

export interface Agent {
  /** 1-based sheet row in `ESP Tracker`, so messages and writes point at the right row. */
  row: number;
  name: string;
  oid: string;
  /** Lowercased; '' when blank. */
  cxpEmail: string;
  /** Lowercased; '' when blank. */
  personalEmail: string;
  tlName: string;
  /** Lowercased; '' when blank. */
  tlEmail: string;
  /** The tracker's `Cohort` cell, trimmed ('' = the only Planned/Active class). */
  cohort?: string;
  nNumber: string;
  /** The five ESP statuses keyed by header (`AHIP/Aetna Status` …), as typed. */
  espStatuses: Readonly<Record<string, string>>;
  completion: string;
  paymentIssue: string;
  loginIssue: string;
  salesInhibitor: string;
  attendance: string;
  /** The `Attendance Note` cell, as typed (MIA lines, excuses). */
  attendanceNote?: string;
  /** '' when no CAP has been issued (or the cell holds something outside the ladder). */
  capLevel: CapLevel | '';
  exemption: string;
  lastUpdated: Date | null;
}

/** Reads one tracker record; missing headers read as blank (the adapter enforces required headers). */
export function agentFromRecord(record: TrackerRecord): Agent {
  const text = (header: string): string => toText(record.values[header]);
  const email = (header: string): string => text(header).toLowerCase();
  const espStatuses: Record<string, string> = {};
  for (const header of ESP_STATUS_HEADERS) espStatuses[header] = text(header);
  const cap = text(TRACKER.capLevel);
  const lastUpdated = record.values[TRACKER.lastUpdated];
  return {
    row: record.row,
    name: text(TRACKER.agentName),
    oid: text(TRACKER.oid),
    cxpEmail: email(TRACKER.cxpEmail),
    personalEmail: email(TRACKER.personalEmail),
    tlName: text(TRACKER.tlName),
    tlEmail: email(TRACKER.tlEmail),
    cohort: text(TRACKER.cohort).trim(),
    nNumber: text(TRACKER.nNumber),
    espStatuses,
    completion: text(TRACKER.completion),
    paymentIssue: text(TRACKER.paymentIssue),
    loginIssue: text(TRACKER.loginIssue),
    salesInhibitor: text(TRACKER.salesInhibitor),
    attendance: text(TRACKER.attendance),
    attendanceNote: text(TRACKER.attendanceNote),
    capLevel: capLevelOf(cap),
    exemption: text(TRACKER.exemption),
    lastUpdated: isValidDate(lastUpdated) ? lastUpdated : null,
  };
}

/** Agents from tracker records, skipping rows with neither a name nor an OID (spacer or trailing rows). */
export function agentsFromRecords(records: readonly TrackerRecord[]): Agent[] {
  return records.map(agentFromRecord).filter((a) => a.name !== '' || a.oid !== '');
}

export type Severity = 'error' | 'warning';

export interface RosterProblem {
  row: number;
  header: string;
  value: string;
  /** Names sheet, row, header and value, so a TL can fix it without asking. */
  message: string;
  /** Errors block sharing the progress report; warnings are shown but do not. */
  severity: Severity;
}

function problem(
  agent: Agent,
  header: string,
  value: string,
  what: string,
  severity: Severity = 'error',
): RosterProblem {
  const message = `${SHEET.tracker} row ${agent.row}, "${header}" = "${value}": ${what}`;
  return { row: agent.row, header, value, message, severity };
}

const REQUIRED: readonly { header: string; get: (a: Agent) => string }[] = [
  { header: TRACKER.agentName, get: (a) => a.name },
  { header: TRACKER.oid, get: (a) => a.oid },
  { header: TRACKER.tlName, get: (a) => a.tlName },
  { header: TRACKER.tlEmail, get: (a) => a.tlEmail },
];

const EMAILS: readonly { header: string; get: (a: Agent) => string }[] = [
  { header: TRACKER.cxpEmail, get: (a) => a.cxpEmail },
  { header: TRACKER.personalEmail, get: (a) => a.personalEmail },
  { header: TRACKER.tlEmail, get: (a) => a.tlEmail },
];

function rowProblems(agent: Agent): RosterProblem[] {
  const out: RosterProblem[] = [];
  for (const { header, get } of REQUIRED) {
    if (get(agent) === '') out.push(problem(agent, header, '', 'is required and is blank.'));
  }
  if (agent.cxpEmail === '' && agent.personalEmail === '') {
    out.push(
      problem(
        agent,
        TRACKER.cxpEmail,
        '',
        `the agent needs a cXp or a personal email to be shared the report.`,
      ),
    );
  }
  for (const { header, get } of EMAILS) {
    const value = get(agent);
    if (value !== '' && !isValidEmail(value)) {
      out.push(problem(agent, header, value, 'is not a valid email address (expected name@domain.com).'));
    }
  }
  const nWarning = nNumberWarning(agent.nNumber);
  if (nWarning) out.push(problem(agent, TRACKER.nNumber, agent.nNumber, nWarning, 'warning'));
  return out;
}

/**
 * Flags every value claimed by more than one agent. The first row keeps it; each later row is reported
 * with the row it duplicates. `values` lists (header, value) pairs per agent; blanks are ignored.
 */
function duplicateProblems(
  agents: readonly Agent[],
  values: (a: Agent) => readonly { header: string; value: string }[],
  key: (value: string) => string,
  what: string,
): RosterProblem[] {
  const owner = new Map<string, Agent>();
  const out: RosterProblem[] = [];
  for (const agent of agents) {
    const mine = new Set<string>();
    for (const { header, value } of values(agent)) {
      const k = key(value);
      if (k === '' || mine.has(k)) continue; // the same address in both columns of one row is fine
      mine.add(k);
      const first = owner.get(k);
      if (!first) owner.set(k, agent);
      else
        out.push(
          problem(
            agent,
            header,
            value,
            `duplicates the ${what} on row ${first.row} (${first.name || first.oid}).`,
          ),
        );
    }
  }
  return out;
}

/**
 * Every roster problem, errors and warnings, in row order: blank Agent Name/OID/TL Name/TL Email, invalid
 * cXp/personal/TL emails, duplicate OIDs, an email used by two agents (cXp or personal, in either column;
 * a TL's email is shared by design) and N-Numbers that look like NPNs (warnings).
 */
export function validateRoster(agents: readonly Agent[]): RosterProblem[] {
  const problems = [
    ...agents.flatMap(rowProblems),
    ...duplicateProblems(
      agents,
      (a) => [{ header: TRACKER.oid, value: a.oid }],
      (v) => v.trim().toLowerCase(),
      TRACKER.oid,
    ),
    ...duplicateProblems(
      agents,
      (a) => [
        { header: TRACKER.cxpEmail, value: a.cxpEmail },
        { header: TRACKER.personalEmail, value: a.personalEmail },
      ],
      (v) => v.trim().toLowerCase(),
      'email',
    ),
    ...agentIsTlProblems(agents),
  ];
  return problems.sort((a, b) => a.row - b.row);
}

/**
 * An agent whose cXp or personal email is some TL's email would be both: as "TL" of other agents they
 * could edit those agents' rows in the shared report. A blocking roster problem, named by row.
 */
function agentIsTlProblems(agents: readonly Agent[]): RosterProblem[] {
  const tls = new Map<string, Agent>();
  for (const a of agents)
    if (a.tlEmail && !tls.has(a.tlEmail.toLowerCase())) tls.set(a.tlEmail.toLowerCase(), a);
  const out: RosterProblem[] = [];
  for (const agent of agents) {
    for (const [header, value] of [
      [TRACKER.cxpEmail, agent.cxpEmail],
      [TRACKER.personalEmail, agent.personalEmail],
    ] as const) {
      const tl = value ? tls.get(value.toLowerCase()) : undefined;
      if (!tl) continue;
      out.push(
        problem(
          agent,
          header,
          value,
          `is also a TL Email (row ${tl.row}, TL of ${tl.name || tl.oid}): an agent cannot be a TL, or they could edit other agents' rows in the progress report.`,
        ),
      );
      break;
    }
  }
  return out;
}

/** The problems that block sharing the progress report. */
export function blockingProblems(problems: readonly RosterProblem[]): RosterProblem[] {
  return problems.filter((p) => p.severity === 'error');
}
