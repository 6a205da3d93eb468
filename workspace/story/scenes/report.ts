/**
 * Story scenes for the Agent Progress Report: created and shared on Day 0, the G2T invitation (refused
 * under 24 hours, then confirmed), agents ticking their items at realistic times (which fires
 * onReportEdit), an accidental tick taken back, a progress sync every evening, and at the end the
 * report's snapshot and a Pace page in out/.
 */
import { DEFAULT_SCHEDULE } from '../../../src/domain/schedule';
import { escapeHtml } from '../../../src/domain/values';
import { page, renderSheet } from '../../render';
import type { FakeSpreadsheetT } from '../../spreadsheet';
import { plannedTicks } from '../personaTicks';
import { AGENTS } from '../sampleCohort';
import type { Scene, Story } from '../story';

export function reportOf(story: Story): FakeSpreadsheetT {
  const id = story.state.get('reportId');
  if (typeof id !== 'string') throw new Error('The progress report has not been created yet in this story.');
  return story.ws.spreadsheets.fake(id);
}

function rowOfOid(report: FakeSpreadsheetT, oid: string): number {
  const sheet = report.sheet('Progress');
  const oids = sheet
    .getRange(1, 2, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const row = oids.indexOf(oid) + 1;
  if (row < 2) throw new Error(`${oid} is not in the progress report.`);
  return row;
}

const createAndInvite: Scene = {
  day: 0,
  time: '14:30',
  title: 'Day 0 — the progress report and the G2T invitation',
  run(story) {
    story.run('menuCreateProgressReport');
    const id = String(
      story.tracker
        .sheet('Settings')
        .getDataRange()
        .getValues()
        .find((r) => r[0] === 'Progress Report ID')?.[1],
    );
    story.state.set('reportId', id);
    const report = reportOf(story);
    story.note(
      `"${report.getName()}" is created in the Leadership folder, shared with ${report.getEditors().length} people, each agent's row protected.`,
    );
    story.snapshot('The Agent Progress Report', report);
    story.ws.clock.advanceMinutes(10);
    story.ws.ui.queueAlertResponse('NO');
    story.run('menuSendInvitation');
    story.note('The invitation is refused at first: Day 1 starts in under 24 hours and the TL said No.');
    story.ws.clock.advanceMinutes(2);
    story.ws.ui.queueAlertResponse('YES');
    story.run('menuSendInvitation');
    story.note('The TL confirms: every agent gets the G2T link, times, expectations and the report link.');
  },
};

/** One scene per moment at which some agents tick items, so ticks interleave with the day's other scenes. */
function tickScenes(): Scene[] {
  const byMoment = new Map<
    string,
    { day: number; time: string; ticks: { agent: (typeof AGENTS)[number]; item: number }[] }
  >();
  for (const agent of AGENTS) {
    for (const t of plannedTicks(agent.persona)) {
      const key = `${t.day} ${t.time}`;
      const moment = byMoment.get(key) ?? { day: t.day, time: t.time, ticks: [] };
      moment.ticks.push({ agent, item: t.item });
      byMoment.set(key, moment);
    }
  }
  return [...byMoment.values()].map((m) => ({
    day: m.day,
    time: m.time,
    title: `Day ${m.day} ${m.time} — agents tick items`,
    run(story: Story) {
      const report = reportOf(story);
      for (const { agent, item } of m.ticks) {
        const header = DEFAULT_SCHEDULE[item].item;
        story.userEdit(
          report,
          'Progress',
          rowOfOid(report, agent.oid),
          story.column(report, 'Progress', header),
          true,
          agent.cxpEmail,
        );
      }
      const names = m.ticks.map(
        ({ agent, item }) => `${agent.name.split(' ')[0]}: ${DEFAULT_SCHEDULE[item].item}`,
      );
      story.note(
        `${m.ticks.length} tick(s) — ${names.slice(0, 4).join('; ')}${names.length > 4 ? ` … and ${names.length - 4} more` : ''}`,
      );
    },
  }));
}

/** Jordan ticks Quiz 2 by mistake in the morning and unticks it: the log keeps both, pace counts neither. */
const accidentalTick: Scene = {
  day: 1,
  time: '11:10',
  title: 'Day 1 11:10 — a box ticked by mistake',
  run(story) {
    const report = reportOf(story);
    const agent = AGENTS.find((a) => a.persona === 'steady');
    if (!agent) return;
    const row = rowOfOid(report, agent.oid);
    const col = story.column(report, 'Progress', 'Quiz 2 Screenshots');
    story.userEdit(report, 'Progress', row, col, true, agent.personalEmail);
    story.ws.clock.advanceMinutes(1);
    story.userEdit(report, 'Progress', row, col, false, agent.personalEmail);
    story.note(
      `${agent.name} ticks "Quiz 2 Screenshots" by mistake and unticks it a minute later: the hidden Tick Log keeps both.`,
    );
  },
};

const eveningSyncs: Scene[] = [1, 2, 3, 4, 5].map((day) => ({
  day,
  time: '16:40',
  title: `Day ${day} — evening progress sync`,
  run(story: Story) {
    story.run('menuSyncProgress');
  },
}));

/** After the last sync: the report as agents and TLs see it, and the Pace sheet as its own page. */
const finalPages: Scene = {
  day: 5,
  time: '16:45',
  title: 'Day 5 — the progress report and the Pace sheet',
  run(story) {
    const report = reportOf(story);
    story.snapshot('The Agent Progress Report after the cohort', report);
    const pace = story.tracker.getSheetByName('Pace');
    if (!pace) return;
    story.pages.set('pace.html', {
      title: 'Pace — per-agent progress, hours against pace limits and projected finish',
      html: page(
        'Pace',
        `<h1>Pace</h1><p>${escapeHtml(story.now())}: written by ESP Licensing › Sync progress now and by the nightly sweep, one row per agent.</p>` +
          renderSheet(pace),
      ),
    });
    story.note(
      'out/pace.html shows the Pace sheet; the report snapshot shows every tick and Last Self-Report.',
    );
  },
};

export const reportScenes: Scene[] = [
  createAndInvite,
  accidentalTick,
  ...tickScenes(),
  ...eveningSyncs,
  finalPages,
];
