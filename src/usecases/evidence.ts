/**
 * RULES R22 — the nightly completion-evidence cross-check of one class: the proof tick (from the sync's
 * ticks), the tracker's `AHIP+Aetna Completion` and `AHIP/Aetna Status` (from the tracker the sweep
 * read), and the `Completion Log` (the one extra batched read; no sheet yet = no call beyond the lookup).
 * The rules are src/domain/evidence.ts; the lines go into the licensing summary.
 */
import type { EvidenceInput } from '../domain/emails';
import { evidenceDisagreements, type EvidenceAgent } from '../domain/evidence';
import { TRACKER } from '../domain/contract';
import type { Agent } from '../domain/roster';
import type { Config } from '../gas/config';
import type { Spreadsheet } from '../gas/sheetTable';
import { type CompletionLogRead, readCompletionLog } from './completionLog';
import type { PaceRow } from './progressSync';
import { proofItemOf } from './readiness';

export interface EvidenceRead {
  log: CompletionLogRead;
  input: EvidenceInput;
}

/**
 * `rows` are the class's agents (the sync's), `roster` every agent of the tracker by lower-cased OID (a
 * submission naming an agent of another class is not "unknown"). Unknown submissions are those logged on
 * or after the class's Day 1 (local date), so a past class's strays are not listed again.
 */
export function evidenceOf(
  ss: Spreadsheet,
  config: Config,
  rows: readonly PaceRow[],
  roster: ReadonlyMap<string, Agent>,
): EvidenceRead {
  const log = readCompletionLog(ss);
  const proofItem = proofItemOf(config.schedule);
  const agents: EvidenceAgent[] = [];
  for (const row of rows) {
    const agent = roster.get(row.oid.toLowerCase());
    if (!agent) continue;
    const proof = proofItem ? row.pace.items.find((p) => p.item === proofItem) : undefined;
    agents.push({
      name: row.name,
      oid: row.oid,
      row: agent.row,
      proofTicked: proof?.done ?? false,
      proofTickedAt: proof?.doneAt ?? null,
      completion: agent.completion,
      ahipAetnaStatus: agent.espStatuses[TRACKER.ahipAetnaStatus] ?? '',
    });
  }
  const day1 = config.settings.day1 ?? '';
  const recent = log.entries.filter((e) => !day1 || !e.submittedAt || config.zone.ymd(e.submittedAt) >= day1);
  const disagreements = evidenceDisagreements(agents, recent, [...roster.values()]);
  return {
    log,
    input: { disagreements, zone: config.zone, proofItem: proofItem || 'Proof', completionLogGid: log.gid },
  };
}
