/**
 * `npm start` shows the TL's screens too: when Debian's Chromium is installed (npm test installs it), the
 * sidebars are opened in it against the story's workspace and saved as screenshots in out/screens/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../../src/domain/values';
import { CHROMIUM, launch, serve } from '../browserHarness';
import { page } from '../render';
import { g2tSampleExport } from './scenes/g2t';
import type { Story } from './story';

const SHOTS: {
  file: string;
  page: string;
  title: string;
  prepare?: string;
  /** Pick the story's GoTo Training export in the import section before the shot. */
  upload?: boolean;
  /** What shows the page has rendered (default: a row per agent). */
  ready?: string;
  /** Who has the sidebar open (default: whoever the story is signed in as). */
  user?: (story: Story) => string;
}[] = [
  {
    file: 'attendance.png',
    page: 'AttendanceSidebar.html',
    title: 'Attendance sidebar (hands check), everyone',
    prepare: 'all',
  },
  {
    file: 'cohort-status.png',
    page: 'CohortStatus.html',
    title: 'Cohort status: pace, issues and CAP level per agent',
  },
  {
    file: 'checklist.png',
    page: 'ChecklistSidebar.html',
    title: "A TL's end-of-day checklist: open items, the five forms, Done for today",
    ready: "!document.getElementById('done').disabled",
    user: (story) => story.tls[0].email,
  },
  {
    file: 'attendance-import.png',
    page: 'AttendanceSidebar.html',
    title: 'Attendance sidebar: the Day 1 GoTo Training export picked again (already imported)',
    upload: true,
  },
  {
    file: 'coaching.png',
    page: 'CoachingSidebar.html',
    title: 'Coaching & exams: AHIP attempts, suggested next step, facts pre-filled',
    prepare: 'agent:OID4103',
  },
];

export async function screenshotScreens(story: Story, buildDir: string, outDir: string): Promise<string> {
  if (!existsSync(CHROMIUM)) {
    return `TL screens: ${CHROMIUM} is not installed, so no screenshots (npm test installs it).`;
  }
  const dir = join(outDir, 'screens');
  mkdirSync(dir, { recursive: true });
  // Look at the screens as a TL would on Day 4 after the last break.
  story.atDay(4, '14:50');
  const served = await serve(story.ws, story.bundle, buildDir);
  const browser = await launch();
  try {
    for (const shot of SHOTS) {
      const signedIn = story.ws.session.activeEmail;
      const effective = story.ws.session.effectiveEmail;
      if (shot.user) story.ws.session.actAs(shot.user(story));
      const tab = await browser.newPage({ viewport: { width: 320, height: 900 } });
      await tab.goto(`${served.url}/${shot.page}`);
      if (shot.prepare?.startsWith('agent:')) {
        // The Coaching & exams sidebar: pick the agent, wait for their summary.
        await tab.waitForSelector(`#agent option[value="${shot.prepare.slice(6)}"]`, { state: 'attached' });
        await tab.selectOption('#agent', shot.prepare.slice(6));
        await tab.waitForSelector('#summary:not([hidden])');
        await tab.screenshot({ path: join(dir, shot.file), fullPage: true });
        await tab.close();
        continue;
      }
      if (shot.prepare) {
        await tab.waitForSelector('#agents li');
        await tab.check(`input[value="${shot.prepare}"]`);
      }
      await tab.waitForFunction(
        shot.ready ?? `document.querySelectorAll('#agents li, #rows tr').length >= ${story.agents.length}`,
      );
      if (shot.upload) {
        // RULES R19: the TL picks GoTo Training's export; the page reads it and shows the proposal.
        await tab.click('#import summary');
        const buffer = Buffer.from(g2tSampleExport(story));
        await tab.setInputFiles('#import-file', { name: 'attendance.csv', mimeType: 'text/csv', buffer });
        await tab.waitForSelector('#import-agents li');
      }
      await tab.screenshot({ path: join(dir, shot.file), fullPage: true });
      await tab.close();
      story.ws.session.actAs(signedIn);
      story.ws.session.setEffectiveUser(effective);
    }
  } finally {
    await browser.close();
    await served.close();
  }
  story.pages.set('screens.html', {
    title: "The TL's screens (screenshots from headless Chromium)",
    html: page(
      "The TL's screens",
      SHOTS.map(
        (s) =>
          `<figure><img src="screens/${s.file}" alt="${escapeHtml(s.title)}" width="320"><figcaption>${escapeHtml(s.title)}</figcaption></figure>`,
      ).join('\n'),
    ),
  });
  return `TL screens: ${SHOTS.length} screenshots in ${dir}.`;
}
