/**
 * Story scene for RULES R19: after Day 1's session a TL exports GoTo Training's attendance report and
 * imports it from the attendance sidebar. The sample export is realistic: a report preamble, quoted
 * names, a late join, a network drop and rejoin, the MIA agent out over lunch, the silent agent out over
 * Break 2, an early leave, an agent who joined by phone (no email: matched by name only), and the
 * Aetna trainer, who is not on the roster. The preview is shown, then confirmed; a second import of the
 * same file changes nothing.
 */
import { escapeHtml } from '../../../src/domain/values';
import type { AttendanceImport, AttendanceImported } from '../../../src/usecases/g2tImport';
import { page } from '../../render';
import type { Scene, Story } from '../story';
import type { SampleAgent } from '../sampleCohort';

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** `h:mm AM` on Day 1's date, as the export writes it. */
function at(story: Story, hhmm: string): string {
  const [y, m, d] = story.calendar.workingDate(1).split('-').map(Number);
  const [h, min] = hhmm.split(':').map(Number);
  return `${m}/${d}/${y} ${h % 12 || 12}:${String(min).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Day 1's GoTo Training attendance export for the sample class (CRLF, as Windows saves it). */
export function g2tSampleExport(story: Story): string {
  const by = (persona: SampleAgent['persona'], k = 0) => story.agents.filter((a) => a.persona === persona)[k];
  const periods = new Map<SampleAgent, [string, string][]>();
  for (const a of story.agents) periods.set(a, [['07:56', '16:31']]);
  periods.set(by('steady'), [['08:22', '16:30']]); // late by 22 minutes
  periods.set(by('mia'), [
    ['07:58', '11:50'],
    ['12:41', '16:30'],
  ]); // out over lunch (MIA)
  periods.set(by('silent'), [
    ['07:59', '14:35'],
    ['15:05', '16:30'],
  ]); // out over Break 2
  periods.set(by('fast'), [
    ['07:55', '10:40'],
    ['10:44', '16:30'],
  ]); // a network drop
  periods.set(by('steady', 5), [['08:00', '15:40']]); // left early
  const phone = by('slow');
  const rows: string[][] = [];
  for (const [agent, spans] of periods) {
    for (const [from, to] of spans) {
      const email = agent === phone ? '' : agent.cxpEmail;
      const name = agent === phone ? agent.name.toUpperCase() : agent.name;
      rows.push([name, email, at(story, from), at(story, to)]);
    }
  }
  rows.splice(3, 0, [
    'Dana Brooks (Aetna trainer)',
    'dana.brooks@aetna.example.com',
    at(story, '13:00'),
    at(story, '14:00'),
  ]);
  return [
    'Attendance Report',
    `Training Name,${q('ESP Licensing - Day 1')}`,
    `Date,${at(story, '08:00').split(' ')[0]}`,
    '',
    'Attendee Name,Email,Join Time,Leave Time',
    ...rows.map((r) => r.map(q).join(',')),
  ].join('\r\n');
}

export const g2tScenes: Scene[] = [
  {
    day: 1,
    time: '16:32',
    title: 'Day 1 — the GoTo Training attendance export is imported',
    run(story) {
      const csv = g2tSampleExport(story);
      const preview = story.run('previewAttendanceImport', csv) as AttendanceImport;
      const notable = preview.agents.filter(
        (a) => a.code !== 'Full Day' || a.missedChecks.length || a.match === 'name',
      );
      const done = story.run('importAttendance', csv) as AttendanceImported;
      const again = story.run('importAttendance', csv) as AttendanceImported;
      story.note(
        `A TL picks GoTo Training's Day 1 attendance export in the attendance sidebar: ${preview.agents.length} agents, ` +
          `${notable.map((a) => `${a.name}: ${a.kept ? `${a.currentCode} kept` : a.code}${a.match === 'name' ? ' (matched by name)' : ''}${a.missedChecks.length ? `, missed ${a.missedChecks.join(', ')}` : ''}`).join('; ')}; ` +
          `not on the roster: ${preview.unmatched.map((u) => u.name).join(', ')}. Confirmed: ${done.written.codes} codes, ` +
          `${done.written.checks} hands checks, ${done.written.notes} note lines. Imported again: ${again.written.codes + again.written.checks + again.written.notes} changes.`,
      );
      story.pages.set('g2t-import.html', {
        title: 'Day 1 GoTo Training attendance export and what the import proposed',
        html: page(
          'Day 1 GoTo Training attendance import',
          `<h2>The export</h2><pre>${escapeHtml(csv)}</pre><h2>The proposal</h2><pre>${escapeHtml(JSON.stringify(preview, null, 2))}</pre>`,
        ),
      });
    },
  },
];
