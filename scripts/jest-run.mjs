// Runs jest and ends with one plain line CI reads: `tests: N passed, M failed` (from jest's JSON report,
// not its human summary). Extra arguments go to jest. Exit code is jest's. Jest's globalSetup builds the
// bundle first; if that fails, jest writes no report and this counts the run as 1 failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(join(root, 'out'), { recursive: true });
const report = join(root, 'out', 'jest-report.json');
rmSync(report, { force: true }); // never read an earlier run's counts
const jestBin = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = [jestBin, '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
if (process.env.CI) args.push('--ci');
const run = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
} else {
  failed = 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(run.status ?? 1);
