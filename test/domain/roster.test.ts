import { TRACKER } from '../../src/domain/contract';
import {
  type TrackerRecord,
  agentsFromRecords,
  blockingProblems,
  validateRoster,
} from '../../src/domain/roster';

function record(row: number, values: Partial<Record<string, unknown>>): TrackerRecord {
  return {
    row,
    values: {
      [TRACKER.agentName]: `Agent ${row}`,
      [TRACKER.oid]: `OID${row}`,
      [TRACKER.cxpEmail]: `agent${row}@cxp.com`,
      [TRACKER.personalEmail]: `agent${row}@gmail.com`,
      [TRACKER.tlName]: 'Jo Lead',
      [TRACKER.tlEmail]: 'jo.lead@cxp.com',
      [TRACKER.nNumber]: `N10${row}`,
      ...values,
    },
  };
}

describe('agentsFromRecords', () => {
  it('reads cells by header, lowercases emails, skips rows without name and OID', () => {
    const agents = agentsFromRecords([
      record(2, {
        [TRACKER.cxpEmail]: ' Bob@CXP.com ',
        [TRACKER.capLevel]: 'Final CAP',
        [TRACKER.oid]: 1234,
      }),
      record(3, { [TRACKER.agentName]: '', [TRACKER.oid]: '' }),
      record(4, { [TRACKER.capLevel]: 'whatever', [TRACKER.lastUpdated]: new Date('2026-01-08T20:00:00Z') }),
    ]);
    expect(agents.map((a) => a.row)).toEqual([2, 4]);
    expect(agents[0]).toMatchObject({
      cxpEmail: 'bob@cxp.com',
      oid: '1234',
      capLevel: 'Final CAP alert sent', // the legacy "Final CAP" is read as the alert step
      lastUpdated: null,
    });
    expect(agents[1].capLevel).toBe('');
    expect(agents[1].lastUpdated?.toISOString()).toBe('2026-01-08T20:00:00.000Z');
  });
});

describe('validateRoster', () => {
  it('accepts a clean roster', () => {
    expect(validateRoster(agentsFromRecords([record(2, {}), record(3, {})]))).toEqual([]);
  });

  it('reports missing required fields naming sheet, row and header', () => {
    const problems = validateRoster(
      agentsFromRecords([record(5, { [TRACKER.tlName]: '', [TRACKER.tlEmail]: '' })]),
    );
    expect(problems.map((p) => p.header)).toEqual([TRACKER.tlName, TRACKER.tlEmail]);
    expect(problems[0].message).toBe('ESP Tracker row 5, "TL Name" = "": is required and is blank.');
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('reports bad email syntax in cXp, personal and TL email', () => {
    const problems = validateRoster(
      agentsFromRecords([
        record(2, {
          [TRACKER.cxpEmail]: 'bob at cxp.com',
          [TRACKER.personalEmail]: 'bob@gmail',
          [TRACKER.tlEmail]: 'jo@cxp.com.',
        }),
      ]),
    );
    expect(problems.map((p) => [p.header, p.value])).toEqual([
      [TRACKER.cxpEmail, 'bob at cxp.com'],
      [TRACKER.personalEmail, 'bob@gmail'],
      [TRACKER.tlEmail, 'jo@cxp.com.'],
    ]);
    expect(problems[0].message).toContain('ESP Tracker row 2, "cXp Email" = "bob at cxp.com"');
  });

  it('requires at least one agent email', () => {
    const problems = validateRoster(
      agentsFromRecords([record(2, { [TRACKER.cxpEmail]: '', [TRACKER.personalEmail]: '' })]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].header).toBe(TRACKER.cxpEmail);
  });

  it('reports duplicate OIDs and emails shared across agents (either column), not within one row', () => {
    const agents = agentsFromRecords([
      record(2, { [TRACKER.personalEmail]: 'agent2@cxp.com' }), // same as own cXp: fine
      record(3, { [TRACKER.oid]: 'oid2' }), // OID case-insensitive duplicate of row 2
      record(4, { [TRACKER.personalEmail]: 'AGENT2@cxp.com' }), // another agent's cXp
    ]);
    const problems = validateRoster(agents);
    expect(problems.map((p) => [p.row, p.header, p.value])).toEqual([
      [3, TRACKER.oid, 'oid2'],
      [4, TRACKER.personalEmail, 'agent2@cxp.com'],
    ]);
    expect(problems[0].message).toContain('duplicates the OID on row 2 (Agent 2)');
    expect(blockingProblems(problems)).toHaveLength(2);
  });

  it('warns, without blocking, about N-Numbers that look like NPNs or are malformed', () => {
    const problems = validateRoster(
      agentsFromRecords([
        record(2, { [TRACKER.nNumber]: '17654321' }),
        record(3, { [TRACKER.nNumber]: 'X-99' }),
        record(4, { [TRACKER.nNumber]: '' }),
      ]),
    );
    expect(problems.map((p) => [p.row, p.severity])).toEqual([
      [2, 'warning'],
      [3, 'warning'],
    ]);
    expect(problems[0].message).toMatch(/ESP Tracker row 2, "N-Number" = "17654321": .*NPN/);
    expect(blockingProblems(problems)).toEqual([]);
  });
});
