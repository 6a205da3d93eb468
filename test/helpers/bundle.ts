/**
 * Loads the built bundle (Code.js, as clasp would push it) into a fresh in-memory workspace.
 *
 * Jest's globalSetup (scripts/jest-global-setup.mjs) builds the bundle from the current src/ at the start
 * of every jest run, into ESP_BUILD_DIR when set, else build/, and stamps it (run id + sha256 of Code.js).
 * Everything here first checks that the file on disk is the one THIS run built, so a test can never pass
 * or fail against a stale or foreign build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Bundle, loadBundle, Workspace, type WorkspaceOptions } from '../../workspace/workspace';

export const BUILD_DIR = process.env.ESP_BUILD_DIR
  ? resolve(join(__dirname, '..', '..'), process.env.ESP_BUILD_DIR)
  : join(__dirname, '..', '..', 'build');
export const BUILT_FILE = join(BUILD_DIR, 'Code.js');
/** Written by scripts/jest-global-setup.mjs (its BUILD_STAMP_FILE) next to Code.js. */
export const BUILD_STAMP = join(BUILD_DIR, 'jest-build-stamp.json');

interface BuildStamp {
  runId: string;
  sha256: string;
  builtAt: string;
}

/**
 * The source of Code.js after checking it is the bundle this jest run built. Throws, naming the folder and
 * what to do, when the setup did not run, the stamp is missing, or another build replaced the file.
 */
export function builtSource(): string {
  const runId = process.env.ESP_BUILD_RUN;
  if (!runId)
    throw new Error(
      `No bundle was built for this run (ESP_BUILD_RUN is not set): jest's globalSetup ` +
        `(scripts/jest-global-setup.mjs, in jest.config.js) builds ${BUILD_DIR} before the tests. ` +
        'Run the tests with jest (npx jest …, npm test) using this project’s jest.config.js.',
    );
  if (!existsSync(BUILD_STAMP) || !existsSync(BUILT_FILE))
    throw new Error(
      `${BUILD_DIR} has no bundle stamped by this jest run (missing ${existsSync(BUILT_FILE) ? BUILD_STAMP : BUILT_FILE}): ` +
        'something rebuilt or removed the folder while the tests ran (another jest run or `npm run build` ' +
        'into the same folder?). Give parallel work its own ESP_BUILD_DIR.',
    );
  const stamp = JSON.parse(readFileSync(BUILD_STAMP, 'utf8')) as BuildStamp;
  if (stamp.runId !== runId)
    throw new Error(
      `${BUILT_FILE} was built by another jest run (stamp ${stamp.runId} at ${stamp.builtAt}; this run is ` +
        `${runId}): it may not be the current src/. Give parallel work its own ESP_BUILD_DIR.`,
    );
  const source = readFileSync(BUILT_FILE, 'utf8');
  const sha256 = createHash('sha256').update(source, 'utf8').digest('hex');
  if (sha256 !== stamp.sha256)
    throw new Error(
      `${BUILT_FILE} changed after this jest run built it (sha256 ${sha256.slice(0, 12)}…, stamped ` +
        `${stamp.sha256.slice(0, 12)}…): something rebuilt or edited it. Give parallel work its own ESP_BUILD_DIR.`,
    );
  return source;
}

/** Names of the top-level `function` declarations in the built file: what Apps Script can call. */
export function topLevelFunctions(): string[] {
  return [...builtSource().matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
}

type Entry = typeof import('../../src/entry');

/** The built bundle's global functions, typed from src/entry.ts's exports (functions only). */
export type EntryPoints = {
  [K in keyof Entry as Entry[K] extends (...args: never[]) => unknown ? K : never]: Entry[K];
};

/**
 * What bundledWorkspace() returns: the entry points as typed above (a property's type is exactly the
 * export's), and still a `Bundle` for the workspace's helpers that run triggers by name.
 */
export type EntryBundle = EntryPoints & Bundle;

/**
 * The fields of an edit event that the edit handlers read (`range`, `value`, `source`): what a test fires
 * at `onTrackerEdit` / `onReportEdit` directly. Google's event carries more (authMode, triggerUid, user,
 * oldValue), which no handler reads; `ws.userEdit` builds the whole event when a test needs it.
 */
export function editEvent(fields: {
  range: GoogleAppsScript.Spreadsheet.Range;
  value: string;
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet;
}): GoogleAppsScript.Events.SheetsOnEdit {
  return fields as GoogleAppsScript.Events.SheetsOnEdit;
}

/** A Sheets form-submit event with only `namedValues`, the field `onCompletionFormSubmit` reads. */
export function formSubmitEvent(
  namedValues: Record<string, string[]>,
): GoogleAppsScript.Events.SheetsOnFormSubmit {
  return { namedValues } as GoogleAppsScript.Events.SheetsOnFormSubmit;
}

export function bundledWorkspace(options: WorkspaceOptions = {}): { ws: Workspace; bundle: EntryBundle } {
  builtSource();
  const ws = new Workspace({ htmlDir: BUILD_DIR, ...options });
  const bundle = loadBundle(ws, BUILD_DIR);
  return { ws, bundle: bundle as EntryBundle };
}
