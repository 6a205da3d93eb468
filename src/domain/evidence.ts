/**
 * RULES R22 — completion evidence agrees. Three records say an agent finished AHIP + Aetna: the
 * `13 Checkmarks Proof Emailed` tick in the progress report (the Schedule item of kind `proof`), the
 * Carrier Cert Completion Form submission (the tracker's `AHIP+Aetna Completion` Submitted/Verified, and
 * the `Completion Log` row the submission wrote) and the tracker's `AHIP/Aetna Status` (Complete once
 * every item is ticked). This file decides, from facts the nightly sweep already holds, where they
 * disagree:
 * - `ticked-no-form`: the proof is ticked but `AHIP+Aetna Completion` is not Submitted/Verified;
 * - `form-not-complete`: the form is in but `AHIP/Aetna Status` is not Complete;
 * - `unknown-agent`: a `Completion Log` row names no agent on the roster (no OID, and no email/OID
 *   answer matching a roster OID, cXp email or personal email).
 * Agreement (all three or none of them) lists nothing.
 */
import { COMPLETION_VALUES } from './contract';

/** `AHIP+Aetna Completion` values that mean the form came in. */
const FORM_IN: ReadonlySet<string> = new Set(COMPLETION_VALUES.slice(1).map((v) => v.toLowerCase()));

/** True when the tracker's `AHIP+Aetna Completion` says the completion form came in. */
export function formIsIn(completion: string): boolean {
  return FORM_IN.has(completion.trim().toLowerCase());
}

/** One agent of the class, as the sweep knows them. */
export interface EvidenceAgent {
  name: string;
  oid: string;
  /** 1-based row in `ESP Tracker`. */
  row: number;
  /** The proof item is ticked in the progress report. */
  proofTicked: boolean;
  /** When it was ticked (the Tick Log), null when not ticked or not known. */
  proofTickedAt: Date | null;
  /** `AHIP+Aetna Completion`, as typed. */
  completion: string;
  /** `AHIP/Aetna Status`, as typed. */
  ahipAetnaStatus: string;
}

/** One `Completion Log` row. */
export interface CompletionLogEntry {
  /** 1-based row in `Completion Log`. */
  row: number;
  submittedAt: Date | null;
  /** The OID the submission was matched to (or that the licensing team typed); '' when none. */
  oid: string;
  /** The answers to the email/OID questions, as submitted. */
  answers: string;
}

/** Who is on the roster (every class of the tracker). */
export interface RosterIds {
  oid: string;
  cxpEmail: string;
  personalEmail: string;
}

export type Disagreement =
  | {
      kind: 'ticked-no-form';
      name: string;
      oid: string;
      row: number;
      tickedAt: Date | null;
      completion: string;
    }
  | {
      kind: 'form-not-complete';
      name: string;
      oid: string;
      row: number;
      completion: string;
      status: string;
      proofTicked: boolean;
    }
  | { kind: 'unknown-agent'; logRow: number; submittedAt: Date | null; answers: string; oid: string };

/** Lower-cased words of an answer: the tokens matched against roster OIDs and emails. */
function tokensOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
}

/** Whether a `Completion Log` row names someone on the roster (its OID, or an answer token). */
export function namesRosterAgent(entry: CompletionLogEntry, roster: readonly RosterIds[]): boolean {
  const ids = new Set<string>();
  for (const r of roster)
    for (const id of [r.oid, r.cxpEmail, r.personalEmail]) if (id.trim()) ids.add(id.trim().toLowerCase());
  if (entry.oid.trim()) return ids.has(entry.oid.trim().toLowerCase());
  return tokensOf(entry.answers).some((t) => ids.has(t));
}

/**
 * Where the evidence disagrees: agents in roster order, then unknown submissions in log order. `log` is
 * the part of the `Completion Log` that concerns this class (the caller picks it by date).
 */
export function evidenceDisagreements(
  agents: readonly EvidenceAgent[],
  log: readonly CompletionLogEntry[],
  roster: readonly RosterIds[],
): Disagreement[] {
  const out: Disagreement[] = [];
  for (const a of agents) {
    const form = formIsIn(a.completion);
    const complete = a.ahipAetnaStatus.trim().toLowerCase() === 'complete';
    if (a.proofTicked && !form)
      out.push({
        kind: 'ticked-no-form',
        name: a.name,
        oid: a.oid,
        row: a.row,
        tickedAt: a.proofTickedAt,
        completion: a.completion,
      });
    else if (form && !complete)
      out.push({
        kind: 'form-not-complete',
        name: a.name,
        oid: a.oid,
        row: a.row,
        completion: a.completion,
        status: a.ahipAetnaStatus,
        proofTicked: a.proofTicked,
      });
  }
  for (const entry of log) {
    if (namesRosterAgent(entry, roster)) continue;
    out.push({
      kind: 'unknown-agent',
      logRow: entry.row,
      submittedAt: entry.submittedAt,
      answers: entry.answers,
      oid: entry.oid,
    });
  }
  return out;
}
