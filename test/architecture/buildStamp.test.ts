/**
 * Stale builds are impossible: jest's globalSetup (scripts/jest-global-setup.mjs) builds the bundle from
 * the current src/ once per run and stamps it, and test/helpers/bundle.ts refuses any Code.js this run
 * did not build. These tests load the helper against a folder of their own (ESP_BUILD_DIR), never the
 * run's real build.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as entry from '../../src/entry';
import * as realHelper from '../helpers/bundle';

type Helper = typeof realHelper;

const CODE = 'function onOpen() {}\n';
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Sets (or, for undefined, removes) an environment variable; returns a function that restores it. */
function setEnv(name: string, value: string | undefined): () => void {
  const saved = process.env[name];
  const put = (v: string | undefined) =>
    v === undefined ? delete process.env[name] : (process.env[name] = v);
  put(value);
  return () => put(saved);
}

/**
 * The helper loaded with ESP_BUILD_DIR = a temp folder holding `code` and `stamp` (it reads the folder at
 * load time); its builtSource() runs with ESP_BUILD_RUN = `runId` (read at call time).
 */
function helperWith(runId: string | undefined, code: string | null, stamp: object | null): Helper {
  const dir = mkdtempSync(join(tmpdir(), 'esp-stamp-'));
  folders.push(dir);
  if (code !== null) writeFileSync(join(dir, 'Code.js'), code);
  if (stamp !== null) writeFileSync(join(dir, 'jest-build-stamp.json'), JSON.stringify(stamp));
  let helper: Helper | undefined;
  const restoreDir = setEnv('ESP_BUILD_DIR', dir);
  try {
    jest.isolateModules(() => {
      helper = jest.requireActual<Helper>('../helpers/bundle');
    });
  } finally {
    restoreDir();
  }
  const loaded = helper!;
  return {
    ...loaded,
    builtSource: () => {
      const restoreRun = setEnv('ESP_BUILD_RUN', runId);
      try {
        return loaded.builtSource();
      } finally {
        restoreRun();
      }
    },
  };
}

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the bundle helper loads only the bundle this jest run built', () => {
  it('accepts Code.js when the stamp carries this run id and its sha256', () => {
    const helper = helperWith('run-1', CODE, { runId: 'run-1', sha256: sha(CODE), builtAt: 'now' });
    expect(helper.builtSource()).toBe(CODE);
  });

  it('refuses a bundle stamped by another jest run (another run rebuilt the shared folder)', () => {
    const helper = helperWith('run-2', CODE, { runId: 'run-1', sha256: sha(CODE), builtAt: 'earlier' });
    expect(() => helper.builtSource()).toThrow(/built by another jest run .*run-1.*run-2/s);
  });

  it('refuses a Code.js edited or rebuilt after the stamp (sha256 differs)', () => {
    const helper = helperWith('run-3', `${CODE}// edited\n`, {
      runId: 'run-3',
      sha256: sha(CODE),
      builtAt: 'now',
    });
    expect(() => helper.builtSource()).toThrow(/changed after this jest run built it/);
  });

  it('refuses a folder with no stamp (plain `npm run build`, or a build from before this run)', () => {
    const helper = helperWith('run-4', CODE, null);
    expect(() => helper.builtSource()).toThrow(/no bundle stamped by this jest run.*jest-build-stamp\.json/s);
  });

  it('refuses to run at all when jest’s globalSetup did not build (no ESP_BUILD_RUN)', () => {
    const helper = helperWith(undefined, CODE, { runId: 'x', sha256: sha(CODE), builtAt: 'now' });
    expect(() => helper.builtSource()).toThrow(/globalSetup.*jest-global-setup\.mjs/s);
  });
});

describe('this run’s bundle', () => {
  it('was built by this run’s globalSetup from the current src/entry.ts (stamp, hash and export list agree)', () => {
    const stamp = JSON.parse(readFileSync(realHelper.BUILD_STAMP, 'utf8')) as {
      runId: string;
      sha256: string;
    };
    expect(stamp.runId).toBe(process.env.ESP_BUILD_RUN);
    const source = realHelper.builtSource();
    expect(sha(source)).toBe(stamp.sha256);
    expect(realHelper.topLevelFunctions().sort()).toEqual(Object.keys(entry).sort());
  });
});
