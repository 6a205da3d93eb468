/** What the TL reads after creating the report or syncing progress: counts first, then every problem. */
import type { ReportResult } from './progressReport';
import { type SyncResult, verdictCounts } from './progressSync';

export function describeReport(r: ReportResult): string {
  const lines = [
    `${r.created ? 'Created' : 'Updated'} "${r.name}".`,
    r.addedAgents.length
      ? `Added ${r.addedAgents.length} agent(s) with protected rows.`
      : 'No new agents to add.',
    `Shared with ${r.share.added.length} new address(es); ${r.share.alreadyShared} already had access. Nobody has link access.`,
  ];
  if (r.folderNote) lines.push(r.folderNote);
  if (r.share.rejected.length) {
    lines.push(
      `Drive refused ${r.share.rejected.length} address(es) (found in ${r.share.calls} sharing call(s)) — share with these agents another way:`,
    );
    for (const x of r.share.rejected) lines.push(`  • ${x.email}: ${x.reason}`);
  }
  if (r.warnings.length) {
    lines.push('Warnings (not blocking):');
    for (const w of r.warnings) lines.push(`  • ${w.message}`);
  }
  lines.push(r.url);
  return lines.join('\n');
}

export function describeSync(s: SyncResult): string {
  const c = verdictCounts(s.rows);
  const text =
    `Synced ${c.agents} agent(s): ${c.complete} complete, ${c.onTrack} on track, ` +
    `${c.atRisk} at risk, ${c.behind} behind. ${s.statusUpdates} tracker status(es) updated; see the Pace sheet.`;
  if (s.integrity.length === 0) return text;
  return [
    text,
    `The report was tampered with (${s.integrity.length}); nothing was credited from it and the licensing team was told:`,
    ...s.integrity.map((x) => `  • ${x}`),
  ].join('\n');
}
