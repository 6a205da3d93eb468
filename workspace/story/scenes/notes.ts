/**
 * Day 1 morning: TLs type Name - Date - Note entries. Good ones are normalised, bad ones are flagged
 * with a note saying what is wrong (never deleted), and fixing one clears its flag.
 */
import { TRACKER } from '../../../src/domain/contract';
import type { Scene, Story } from '../story';

function rowOf(story: Story, name: string): number {
  return story.agents.findIndex((a) => a.name === name) + 2;
}

export const notesScenes: Scene[] = [
  {
    day: 1,
    time: '09:20',
    title: 'Day 1 — TLs keep the tracking columns',
    run(story) {
      const ss = story.tracker;
      const col = (h: string) => story.column(ss, 'ESP Tracker', h);
      const edits: [string, string, string, string][] = [
        [
          'Jordan Lee',
          TRACKER.attendanceNote,
          'Maria Gonzalez – 12/3/2026 –  Joined 10 min late, camera fixed',
          'en dashes and stray spaces: accepted and normalised',
        ],
        [
          'Miguel Torres',
          TRACKER.techIssueNote,
          'Dev Patel - 2/30/2026 - Audio drops in G2T',
          'impossible date: flagged',
        ],
        [
          'Priya Raman',
          TRACKER.coachingNote,
          'Sam Okafor - 12/9/2026 - Verbal coaching on pace',
          'future date: flagged',
        ],
        [
          'Hannah Schultz',
          TRACKER.attendanceNote,
          '=HYPERLINK("http://evil.example","click")',
          'a formula: flagged by what it is, never evaluated by the script',
        ],
        [
          'Sofia Rossi',
          TRACKER.coachingNote,
          "'+1 Maria Gonzalez - 12/3/2026 - Great focus",
          'text starting with "+": plain text, judged by the rule',
        ],
        [
          'Lena Fischer',
          TRACKER.techIssueNote,
          'Maria Gonzalez — 2026-12-03 — VPN reset by IT\nMaria Gonzalez - 12/3 - follow up',
          'two lines, the second without a year: flagged with the line number',
        ],
      ];
      for (const [agent, header, text, why] of edits) {
        story.userEdit(ss, 'ESP Tracker', rowOf(story, agent), col(header), text);
        const cell = ss.sheet('ESP Tracker').getRange(rowOf(story, agent), col(header));
        const flagged = cell.getNote()
          ? `flagged: ${cell.getNote().split('\n')[1] ?? cell.getNote()}`
          : `stored as "${cell.getValue()}"`;
        story.note(`A TL types into ${agent}'s ${header} (${why}) → ${flagged}`);
      }
      story.run('menuValidateNotes');
      story.note(
        '"Validate all" also warns about an N-Number that is all digits (an NPN in the wrong column).',
      );
      story.atDay(1, '09:45');
      story.userEdit(
        ss,
        'ESP Tracker',
        rowOf(story, 'Miguel Torres'),
        col(TRACKER.techIssueNote),
        'Dev Patel - 12/3/2026 - Audio drops in G2T',
      );
      story.note('Dev fixes the impossible date: the red flag and its note are cleared.');
      story.snapshot('After the morning notes');
    },
  },
];
