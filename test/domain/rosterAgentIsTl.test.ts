import { TRACKER } from '../../src/domain/contract';
import {
  type TrackerRecord,
  agentsFromRecords,
  blockingProblems,
  validateRoster,
} from '../../src/domain/roster';

function record(row: number, values: Partial<Record<string, unknown>> = {}): TrackerRecord {
  return {
    row,
    values: {
      [TRACKER.agentName]: `Agent ${row}`,
      [TRACKER.oid]: `OID${row}`,
      [TRACKER.cxpEmail]: `agent${row}@cxp.com`,
      [TRACKER.personalEmail]: `agent${row}@gmail.com`,
      [TRACKER.tlName]: row < 4 ? 'Jo Lead' : 'Sam Lead',
      [TRACKER.tlEmail]: row < 4 ? 'jo.lead@cxp.com' : 'sam.lead@cxp.com',
      ...values,
    },
  };
}

describe('validateRoster: an agent whose email is a TL email', () => {
  it("blocks, naming the agent row, header and value and the TL row (they would edit other agents' rows)", () => {
    const agents = agentsFromRecords([
      record(2),
      record(3),
      record(4),
      record(5, { [TRACKER.personalEmail]: 'Jo.Lead@cxp.com' }),
    ]);
    const problems = blockingProblems(validateRoster(agents));
    expect(problems).toHaveLength(1);
    expect(problems[0].row).toBe(5);
    expect(problems[0].header).toBe(TRACKER.personalEmail);
    expect(problems[0].message).toMatch(
      /row 5, "Personal Email" = "jo\.lead@cxp\.com": is also a TL Email \(row 2/,
    );
  });

  it('an agent sharing a TL with others is fine (a TL email repeats by design)', () => {
    const agents = agentsFromRecords([record(2), record(3), record(4)]);
    expect(blockingProblems(validateRoster(agents))).toEqual([]);
  });
});
