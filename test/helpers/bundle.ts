/** Loads the built bundle (build/Code.js, as clasp would push it) into a fresh in-memory workspace. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Bundle, loadBundle, Workspace, type WorkspaceOptions } from '../../workspace/workspace';

export const BUILD_DIR = process.env.ESP_BUILD_DIR
  ? resolve(join(__dirname, '..', '..'), process.env.ESP_BUILD_DIR)
  : join(__dirname, '..', '..', 'build');
export const BUILT_FILE = join(BUILD_DIR, 'Code.js');

export function builtSource(): string {
  if (!existsSync(BUILT_FILE))
    throw new Error('build/Code.js is missing: run `npm run build` first (npm test does).');
  return readFileSync(BUILT_FILE, 'utf8');
}

/** Names of the top-level `function` declarations in the built file: what Apps Script can call. */
export function topLevelFunctions(): string[] {
  return [...builtSource().matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
}

export function bundledWorkspace(options: WorkspaceOptions = {}): { ws: Workspace; bundle: Bundle } {
  builtSource();
  const ws = new Workspace({ htmlDir: BUILD_DIR, ...options });
  const bundle = loadBundle(ws, BUILD_DIR);
  return { ws, bundle };
}
