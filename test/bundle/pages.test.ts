import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR, builtSource } from '../helpers/bundle';

describe('the built HtmlService pages', () => {
  builtSource();
  const pages = readdirSync(BUILD_DIR).filter((f) => f.endsWith('.html'));

  it('includes the attendance sidebar, the cohort status screen, the end-of-day checklist and coaching', () => {
    expect(pages.sort()).toEqual([
      'AttendanceSidebar.html',
      'ChecklistSidebar.html',
      'CoachingSidebar.html',
      'CohortStatus.html',
    ]);
  });

  it.each(pages)(
    '%s is self-contained, escapes by construction and has the shared styles inlined',
    (file) => {
      const html = readFileSync(join(BUILD_DIR, file), 'utf8');
      expect(html).not.toMatch(/@include/);
      expect(html).toMatch(/outline-offset/);
      // No external scripts, styles or fonts: the sandbox has none and they would leak data.
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
      // Unescaped scriptlets and HTML sinks are never used for data.
      expect(html).not.toMatch(/<\?!=/);
      expect(html).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
    },
  );

  /** The page's inlined scripts (scripts/build.mjs bundles src/ui/<page>.ts into one). */
  function scripts(html: string): string[] {
    return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  }

  it.each(pages)(
    '%s carries its TypeScript bundled and inlined, with no server code in it (types only)',
    (file) => {
      const html = readFileSync(join(BUILD_DIR, file), 'utf8');
      expect(html).not.toMatch(/@bundle/);
      const [script, ...more] = scripts(html);
      expect(more).toEqual([]);
      // esbuild names each module it bundled: only the pages' own code (src/ui/), never src/gas or entries.
      const modules = [...script.matchAll(/^\s*\/\/ (src\/\S+\.ts)$/gm)].map((m) => m[1]);
      expect(modules).toContain('src/ui/serverRun.ts');
      expect(modules.filter((m) => !m.startsWith('src/ui/'))).toEqual([]);
      for (const server of ['SpreadsheetApp', 'Session.', 'LockService', 'withDocumentLock', 'SheetTable'])
        expect(script).not.toContain(server);
      // The server is reached only through run() (src/ui/serverRun.ts): one google.script.run in the page.
      expect(script.match(/google\.script\.run/g)).toHaveLength(1);
    },
  );
});
