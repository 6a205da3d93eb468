/**
 * Story scenes for the TL's screens: a Final CAP document generated from the template for the agent who
 * missed the window (linked in Coaching Log), and the dashboard refreshed from the menu. The sidebars'
 * screenshots are taken at the end of `npm start` (workspace/story/screenshots.ts).
 */
import { escapeHtml } from '../../../src/domain/values';
import { page } from '../../render';
import type { Scene } from '../story';

export const screensScenes: Scene[] = [
  {
    day: 4,
    time: '13:30',
    title: 'Day 4 — the Final CAP document',
    run(story) {
      const agent = story.agents.find((a) => a.persona === 'cap');
      if (!agent) return;
      const url = String(story.run('createCapDocument', agent.oid));
      const id = /\/d\/([^/]+)/.exec(url)?.[1] ?? '';
      const text = story.ws.documents.textOf(id);
      story.pages.set('cap-document.html', {
        title: `Final CAP document for ${agent.name}`,
        html: page(
          `Final CAP document — ${agent.name}`,
          `<pre style="white-space:pre-wrap">${escapeHtml(text)}</pre>`,
        ),
      });
      story.note(
        `${agent.tl.name} generates ${agent.name}'s Final CAP document: filled from the tracker and the pace data, shared with TL, HR and ESP managers only, linked in Coaching Log.`,
      );
    },
  },
  {
    day: 4,
    time: '16:45',
    title: 'Day 4 — the dashboard',
    run(story) {
      story.run('menuRefreshDashboard');
    },
  },
];
