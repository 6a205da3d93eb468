/** Day 0: the licensing team sets up the tracker, fills in Settings and pastes the cohort's roster. */
import { TRACKER } from '../../../src/domain/contract';
import type { Scene, Story } from '../story';

/** Writes one Settings value by key, as a TL typing into the Settings sheet would. */
export function setSetting(story: Story, key: string, value: string | number | boolean): void {
  const sheet = story.tracker.sheet('Settings');
  const keys = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const row = keys.indexOf(key) + 1;
  if (row < 1) throw new Error(`Settings has no key ${key}`);
  sheet.getRange(row, 2).setValue(value);
}

function fillSettings(story: Story): void {
  const c = story.cohort;
  const values: [string, string | boolean][] = [
    ['Cohort Name', c.name],
    ['Day 1 Date', '12/3/2026'],
    ['G2T Link', c.g2tLink],
    ['Licensing Team Email', c.licensingTeam],
    ['ESP Manager Emails', c.espManagers],
    ['PM Emails', c.pms],
    ['Ops Management Emails', c.ops],
    ['HR Emails', c.hr],
    ['Cert Coordinator Email', c.certCoordinator],
    ['Completion Form URL', c.completionForm],
    ['Dry Run', false],
  ];
  for (const [key, value] of values) setSetting(story, key, value);
}

/** The roster as the team pastes it, plus a "Desk" column of their own between OID and cXp Email. */
function pasteRoster(story: Story): void {
  const sheet = story.tracker.sheet('ESP Tracker');
  sheet.insertColumnAfter(story.column(story.tracker, 'ESP Tracker', TRACKER.oid));
  const deskCol = story.column(story.tracker, 'ESP Tracker', TRACKER.oid) + 1;
  sheet.getRange(1, deskCol).setValue('Desk');
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const rows = story.agents.map((a, i) => {
    const record: Record<string, string> = {
      [TRACKER.agentName]: a.name,
      [TRACKER.oid]: a.oid,
      Desk: `B-${String(i + 1).padStart(2, '0')}`,
      [TRACKER.cxpEmail]: a.cxpEmail,
      [TRACKER.personalEmail]: a.personalEmail,
      [TRACKER.tlName]: a.tl.name,
      [TRACKER.tlEmail]: a.tl.email,
      [TRACKER.nNumber]: a.nNumber,
    };
    return headers.map((h) => record[h] ?? '');
  });
  sheet.getRange(2, 1, rows.length, headers.length).setValues(rows);
  // The TLs work in the tracker all week: the licensing team shares it with each of them (editors).
  for (const tl of story.tls) story.tracker.addEditor(tl.email);
}

export const setupScenes: Scene[] = [
  {
    day: 0,
    time: '14:00',
    title: 'Day 0 — set up the tracker',
    run(story) {
      story.run('onOpen');
      story.note('The licensing team opens the ESP Tracker: the ESP Licensing menu appears.');
      story.run('menuSetupWorkbook');
      fillSettings(story);
      story.note('They fill in Settings: cohort name, Day 1 = Thu 12/3/2026, G2T link, every team address.');
      pasteRoster(story);
      story.note(
        `They paste the roster (${story.agents.length} agents, ${story.tls.length} TLs) and add a "Desk" column of their own.`,
      );
      story.run('menuSetupWorkbook');
      story.note(
        'Set-up again: only the Attendance rows for the new agents are added; data and the Desk column are untouched.',
      );
      story.snapshot('After set-up');
    },
  },
];
