// Jest globalSetup: builds the bundle once per jest run, before any test file loads, so every jest
// invocation (`npm test`, or a focused `npx jest test/bundle/x`) tests the current src/ — a stale build
// cannot be tested by accident. The build goes to ESP_BUILD_DIR when set, else build/.
//
// It then writes a stamp next to the bundle (BUILD_STAMP_FILE: this run's id and the bundle's sha256)
// and hands the run id to the test workers through ESP_BUILD_RUN. test/helpers/bundle.ts checks both
// before it loads the bundle, and fails loudly if the file is not the one this run built (for example
// another jest run rebuilt the same folder meanwhile).
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDirFromEnv, buildProject } from './build.mjs';

export const BUILD_STAMP_FILE = 'jest-build-stamp.json';

export default async function globalSetup() {
  const started = Date.now();
  const dir = buildDirFromEnv();
  const { names } = await buildProject(dir);
  const runId = randomUUID();
  const sha256 = createHash('sha256')
    .update(readFileSync(join(dir, 'Code.js')))
    .digest('hex');
  writeFileSync(
    join(dir, BUILD_STAMP_FILE),
    `${JSON.stringify({ runId, sha256, builtAt: new Date().toISOString(), entryPoints: names.length }, null, 2)}\n`,
  );
  process.env.ESP_BUILD_RUN = runId;
  console.log(
    `\njest globalSetup: built ${dir} (${names.length} entry points) in ${Date.now() - started} ms.`,
  );
}
