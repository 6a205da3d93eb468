/**
 * RULES R24, R25 — resource links and the TL's end-of-day checklist. Day 0: the licensing team links the
 * AHIP, Aetna and Tech Issues guides and the five tracking forms in Settings (before the invitation goes
 * out, so it carries the guides). Day 1 before logging off: Maria Gonzalez works through her checklist
 * and presses "Done for today"; Dev Patel does not. The nightly licensing summary says so.
 */
import type { Scene, Story } from '../story';
import { setSetting } from './setup';

export const STORY_LINKS: readonly [string, string][] = [
  ['AHIP Guide Link', 'https://docs.google.com/document/d/ahip-step-by-step-guide/edit'],
  ['Aetna Guide Link', 'https://docs.google.com/document/d/aetna-step-by-step-guide/edit'],
  ['Tech Issues Guide Link', 'https://docs.google.com/document/d/tech-issues-troubleshooting/edit'],
  ['Carrier Cert Completion Form Link', 'https://forms.gle/CarrierCertCompletion'],
  ['TBT Form Link', 'https://forms.gle/TbtTickets'],
  ['Call Cert Form Link', 'https://forms.gle/CallCertTickets'],
  ['Equipment Form Link', 'https://forms.gle/EquipmentTickets'],
  ['RTS/No More Forms Form Link', 'https://forms.gle/RtsNoMoreForms'],
];

/** Runs `work` signed in as `email` (a TL opening the sidebar), then restores who was signed in. */
function signedInAs<T>(story: Story, email: string, work: () => T): T {
  const active = story.ws.session.activeEmail;
  const effective = story.ws.session.effectiveEmail;
  story.ws.session.actAs(email);
  try {
    return work();
  } finally {
    story.ws.session.actAs(active);
    story.ws.session.setEffectiveUser(effective);
  }
}

interface View {
  agents: number;
  items: { name: string; text: string }[];
  forms: { label: string }[];
}

export const checklistScenes: Scene[] = [
  {
    day: 0,
    time: '14:20',
    title: 'Day 0 — the guides and the five tracking forms',
    run(story) {
      setSetting(story, 'Equipment Form Link', 'https://tinyurl.com/equipment');
      const check = String(story.run('menuCheckSettings'));
      const named = check.split('\n').find((l) => l.includes('Equipment Form Link')) ?? '';
      story.note(`A shortened link is not one of the team's hosts: Check settings names it. ${named.trim()}`);
      for (const [key, value] of STORY_LINKS) setSetting(story, key, value);
      story.note(
        'The licensing team links the AHIP, Aetna (13 green checkmarks) and Tech Issues guides and the five tracking forms in Settings: the invitation, reminders and issue alerts carry the guides.',
      );
    },
  },
  {
    day: 1,
    time: '16:20',
    title: 'Day 1 — the TLs’ end-of-day checklist',
    run(story) {
      const [maria, dev] = story.tls;
      const view = signedInAs(story, maria.email, () => story.run('getChecklist') as View);
      story.note(
        `${maria.name} opens ESP Licensing › End-of-day checklist: ${view.agents} agents, ${view.items.length} open item(s) (e.g. ${view.items[0]?.name ?? '-'}: ${view.items[0]?.text ?? '-'}), ${view.forms.length} forms linked.`,
      );
      const done = signedInAs(story, maria.email, () => story.run('markDayDone') as { openItems: string });
      signedInAs(story, maria.email, () => story.run('markDayDone'));
      story.note(
        `She submits her tickets through the forms and presses "Done for today" (twice: still one row in TL Checklist). Open items then: ${done.openItems}.`,
      );
      story.note(`${dev.name} logs off without the checklist.`);
      story.snapshot('TL Checklist after Day 1');
    },
  },
  {
    day: 1,
    time: '17:06',
    title: 'Day 1 — who finished the day',
    run(story) {
      const summary = [...story.ws.mail.outbox]
        .reverse()
        .find((m) => m.subject.startsWith('ESP licensing summary'));
      const section = (heading: string) =>
        (summary?.body.split(heading)[1] ?? '').split('\n\n')[0].trim().replace(/\n/g, ' ');
      story.note(
        `The licensing summary: not done — ${section('END-OF-DAY CHECKLIST NOT DONE') || 'nobody'}; done — ${section('END-OF-DAY CHECKLIST DONE') || 'nobody'}.`,
      );
    },
  },
];
