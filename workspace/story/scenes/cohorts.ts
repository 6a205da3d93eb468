/**
 * Cohorts overlap (SPEC "Who uses it"): the next class starts while this one is in its CAP extension.
 * On Day 4 evening (A's window has ended: A is in its Extension) the licensing team adds "Spring 2026
 * Cohort B" (Day 1 = the next working day) to the `Cohorts` sheet, pastes its roster with the `Cohort`
 * column filled in, and creates its own progress report and invitation. On Day 5 B is in its Day 1 while A
 * is in its Final CAP extension: the sweep runs once per class. On B's Day 2 A has Closed and costs nothing.
 */
import { COHORTS, SHEET, TRACKER } from '../../../src/domain/contract';
import type { Scene, Story } from '../story';

export const COHORT_B = {
  name: 'Spring 2026 Cohort B',
  day1: '12/9/2026', // Wednesday: A's Day 5, while A is in its Final CAP extension
  agents: [
    ['Noah Lindqvist', 'B2001', 0],
    ['Ines Carvalho', 'B2002', 0],
    ['Kofi Mensah', 'B2003', 1],
    ['Greta Novak', 'B2004', 2],
  ] as const,
};

function headersOf(story: Story, sheet: string): string[] {
  const s = story.tracker.sheet(sheet);
  return s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
}

function addClassB(story: Story): void {
  const cohorts = story.tracker.sheet(SHEET.cohorts);
  const cHeaders = headersOf(story, SHEET.cohorts);
  const row = cohorts.getLastRow() + 1;
  cohorts.getRange(row, cHeaders.indexOf(COHORTS.cohort) + 1).setValue(COHORT_B.name);
  cohorts.getRange(row, cHeaders.indexOf(COHORTS.day1Date) + 1).setValue(COHORT_B.day1);
  cohorts
    .getRange(row, cHeaders.indexOf(COHORTS.g2tLink) + 1)
    .setValue('https://global.gotomeeting.com/join/987654321');
  const tracker = story.tracker.sheet(SHEET.tracker);
  const headers = headersOf(story, SHEET.tracker);
  const rows = COHORT_B.agents.map(([name, oid, tl], i) => {
    const first = name.split(' ')[0].toLowerCase();
    const record: Record<string, string> = {
      [TRACKER.agentName]: name,
      [TRACKER.oid]: oid,
      [TRACKER.cxpEmail]: `${first}.b@cxp.example.com`,
      [TRACKER.personalEmail]: `${first}.b@personal.example.net`,
      [TRACKER.tlName]: story.tls[tl].name,
      [TRACKER.tlEmail]: story.tls[tl].email,
      [TRACKER.cohort]: COHORT_B.name,
      [TRACKER.nNumber]: `N80000${i + 1}`,
    };
    return headers.map((h) => record[h] ?? '');
  });
  tracker.getRange(tracker.getLastRow() + 1, 1, rows.length, headers.length).setValues(rows);
}

function reportIdOf(story: Story, name: string): string {
  const rows = story.tracker.sheet(SHEET.cohorts).getDataRange().getValues();
  const h = rows[0].map(String);
  const row = rows.find((r) => r[h.indexOf(COHORTS.cohort)] === name);
  return row ? String(row[h.indexOf(COHORTS.progressReportId)]) : '';
}

export const cohortsScenes: Scene[] = [
  {
    day: 4,
    time: '17:30',
    title: 'Day 4 — the next class is added while this one is in its CAP extension',
    run(story) {
      addClassB(story);
      story.note(
        `The licensing team adds "${COHORT_B.name}" (Day 1 ${COHORT_B.day1}) to the Cohorts sheet and pastes its ${COHORT_B.agents.length} agents with the Cohort column filled in.`,
      );
      story.run('menuSetupWorkbook');
      // A is in its Extension, B is the only Planned/Active class: the menu acts on B without asking.
      story.run('menuCreateProgressReport');
      story.ws.ui.queueAlertResponse('YES'); // Day 1 is less than 24 hours away: the TL confirms
      story.run('menuSendInvitation');
      story.note(
        `${COHORT_B.name} gets its own progress report and G2T invitation; ${story.cohort.name}'s report is untouched.`,
      );
      story.snapshot('Two classes in one tracker (Cohorts sheet, Cohort column)');
    },
  },
  {
    day: 5,
    time: '17:20',
    title: 'Day 5 — two classes at once: B in its Day 1, A in its Final CAP extension',
    run(story) {
      const rows = story.tracker.sheet(SHEET.cohorts).getDataRange().getValues();
      const h = rows[0].map(String);
      const statuses = rows
        .slice(1)
        .map((r) => `${String(r[h.indexOf(COHORTS.cohort)])}: ${String(r[h.indexOf(COHORTS.status)])}`);
      const today = story.ws.mail.outbox.filter(
        (m) => m.subject.startsWith('ESP nightly digest') && m.subject.includes(COHORT_B.name),
      );
      story.note(
        `Cohorts Status kept by the script — ${statuses.join('; ')}. Tonight's sweep ran once per class: ${today.length} TL digest(s) about ${COHORT_B.name}.`,
      );
      story.snapshot('Cohorts on Day 5 (two classes running)');
    },
  },
  {
    day: 6,
    time: '17:05',
    title: 'B Day 2 — the nightly sweep runs for the class that is Active (A has Closed)',
    run(story) {
      const before = story.ws.mail.outbox.length;
      story.fireDueTriggers();
      const digests = story.ws.mail.outbox
        .slice(before)
        .filter((m) => m.subject.startsWith('ESP nightly digest'));
      const mentionsA = digests.filter((m) => story.agents.some((a) => (m.htmlBody ?? '').includes(a.name)));
      story.note(
        `The sweep sent ${story.ws.mail.outbox.length - before} email(s): ${digests.length} TL digest(s) about ${COHORT_B.name} (${mentionsA.length} of them name an agent of ${story.cohort.name}, which is Closed and costs nothing).`,
      );
      const id = reportIdOf(story, COHORT_B.name);
      if (id) story.snapshot(`${COHORT_B.name}: its Agent Progress Report`, story.ws.spreadsheets.fake(id));
    },
  },
];
