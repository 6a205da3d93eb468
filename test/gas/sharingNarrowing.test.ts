/**
 * shareAsEditors against a Drive file that refuses some addresses with an error naming nobody (as
 * domain-restricted sharing does: `ACL change not allowed.`): how many serial permission calls it takes
 * to find them, and that everyone else is still shared.
 */
import { shareAsEditors } from '../../src/gas/sharing';
import { Workspace } from '../../workspace/workspace';

const POLICY = 'Bad Request. User message: "ACL change not allowed."';

/** A stand-in Drive file: `addEditors` fails whole when the batch holds a refused address. */
function policyFile(refused: (email: string) => boolean) {
  const editors: string[] = [];
  let calls = 0;
  const file = {
    getId: () => 'report-id',
    getEditors: () => editors.map((e) => ({ getEmail: () => e })),
    getOwner: () => ({ getEmail: () => 'lead@example.com' }),
    getSharingAccess: () => 'PRIVATE',
    setSharing: () => file,
    addEditors(batch: string[]) {
      calls++;
      if (batch.some(refused)) throw new Error(POLICY);
      editors.push(...batch);
      return file;
    },
  };
  return { file: file as unknown as GoogleAppsScript.Drive.File, editors, calls: () => calls };
}

const addresses = (n: number, domain: string) => Array.from({ length: n }, (_, i) => `agent${i}@${domain}`);

beforeAll(() => new Workspace().installGlobals());

describe('shareAsEditors narrows a refusal that names nobody', () => {
  it('one refused address among 400 of the same domain: found by halving, ~2·log2(n) calls', () => {
    const all = addresses(400, 'cxp.example.com');
    const { file, editors, calls } = policyFile((e) => e === 'agent123@cxp.example.com');
    const result = shareAsEditors(file, all, 'tracker-id');
    expect(result.rejected.map((r) => r.email)).toEqual(['agent123@cxp.example.com']);
    expect(editors).toHaveLength(399);
    expect(calls()).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(400)));
    expect(result.calls).toBe(calls());
  });

  it('a policy refusing a whole domain (every personal Gmail) costs a handful of calls, not one per agent', () => {
    const all = [...addresses(200, 'cxp.example.com'), ...addresses(200, 'gmail.com')];
    const { file, editors, calls } = policyFile((e) => e.endsWith('@gmail.com'));
    const result = shareAsEditors(file, all, 'tracker-id');
    expect(result.rejected).toHaveLength(200);
    expect(result.rejected[0].reason).toMatch(/ACL change not allowed.*every address at @gmail\.com/);
    expect(editors).toHaveLength(200);
    expect(calls()).toBeLessThanOrEqual(5);
  });

  it('refuses to share the tracker itself', () => {
    const { file, calls } = policyFile(() => false);
    expect(() => shareAsEditors(file, ['a@example.com'], 'report-id')).toThrow(/tracker itself/);
    expect(calls()).toBe(0);
  });
});
