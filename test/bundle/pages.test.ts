import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR, builtSource } from '../helpers/bundle';

describe('the built HtmlService pages', () => {
  builtSource();
  const pages = readdirSync(BUILD_DIR).filter((f) => f.endsWith('.html'));

  it('includes the attendance sidebar and the cohort status screen', () => {
    expect(pages.sort()).toEqual(['AttendanceSidebar.html', 'CohortStatus.html']);
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
});
