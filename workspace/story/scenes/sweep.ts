/**
 * Story scenes for attendance, immediate alerts, the nightly sweep and CAP escalation: triggers installed
 * on Day 0, hands checks at every break (one agent goes MIA), a payment issue that stays open, a sales
 * inhibitor, an early finisher handed to the PMs, an exempt agent, the completion form, nightly sweeps
 * fired by their time trigger, and after Day 4 midday one Final CAP and one termination review.
 */
import { TRACKER } from '../../../src/domain/contract';
import { attendanceCheckHeaders, ESP_STATUS_HEADERS } from '../../../src/domain/contract';
import type { Persona } from '../sampleCohort';
import type { Scene, Story } from '../story';

function agentWith(story: Story, persona: Persona) {
  const agent = story.agents.find((a) => a.persona === persona);
  if (!agent) throw new Error(`No ${persona} agent in the sample cohort.`);
  return agent;
}

/** A TL types into the tracker row of an agent (fires onEdit and onTrackerEdit, as in Sheets). */
function tlTypes(story: Story, oid: string, header: string, value: string): void {
  const row = story.agents.findIndex((a) => a.oid === oid) + 2;
  const agent = story.agents[row - 2];
  story.userEdit(
    story.tracker,
    'ESP Tracker',
    row,
    story.column(story.tracker, 'ESP Tracker', header),
    value,
    agent.tl.email,
  );
}

/** Hands checks: everybody present except whom the persona plan says was missing. */
function absentAt(story: Story, header: string): Set<string> {
  const absent = new Set<string>();
  if (header === 'D1 Before Lunch' || header === 'D1 After Lunch') absent.add(agentWith(story, 'mia').oid);
  if (header === 'D1 After Break 2') absent.add(agentWith(story, 'silent').oid);
  if (header.startsWith('D4') && header.includes('2')) absent.add(agentWith(story, 'termination').oid);
  return absent;
}

const handsCheckScenes: Scene[] = [1, 2, 3, 4].flatMap((day) =>
  attendanceCheckHeaders()
    .filter((h) => h.startsWith(`D${day} `))
    .map((header, k) => ({
      day,
      // Before/after each pause: 10:00, 10:15, 12:00, 12:30, 14:30, 14:45 (Settings defaults).
      time: ['09:59', '10:15', '11:59', '12:30', '14:29', '14:45'][k],
      title: `Day ${day} — hands check "${header}"`,
      run(story: Story) {
        const absent = absentAt(story, header);
        const present = story.agents.map((a) => a.oid).filter((oid) => !absent.has(oid));
        const saved = story.run('saveAttendance', header, present) as {
          newlyMia: string[];
          atOneMiss: { name: string }[];
        };
        const missing = story.agents.filter((a) => absent.has(a.oid)).map((a) => a.name);
        if (missing.length || saved.newlyMia.length) {
          story.note(
            `${header}: ${present.length} hands up; missing ${missing.join(', ') || 'nobody'}` +
              `${saved.atOneMiss.length ? `; one miss from MIA: ${saved.atOneMiss.map((a) => a.name).join(', ')}` : ''}` +
              `${saved.newlyMia.length ? ` → MIA: ${saved.newlyMia.join(', ')} (ESP manager alerted)` : ''}`,
          );
        }
      },
    })),
);

const scenes: Scene[] = [
  {
    day: 0,
    time: '15:00',
    title: 'Day 0 — triggers installed',
    run(story) {
      story.run('installTriggers');
      story.run('installTriggers');
      story.note('Installed twice: each trigger exists once.');
    },
  },
  {
    day: 1,
    time: '09:30',
    title: 'Day 1 — payment issue and a sales inhibitor',
    run(story) {
      tlTypes(story, agentWith(story, 'payment-issue').oid, TRACKER.paymentIssue, 'Open');
      story.note(
        `${agentWith(story, 'payment-issue').name} cannot pay the AHIP fee (NPN typed as N-Number): Payment Issue = Open.`,
      );
      tlTypes(
        story,
        agentWith(story, 'sales-inhibitor').oid,
        TRACKER.salesInhibitor,
        'Background Check Concern',
      );
      story.note(
        `${agentWith(story, 'sales-inhibitor').name}: background check concern → Ops management emailed at once.`,
      );
    },
  },
  ...[1, 2, 3, 4].map((day) => ({
    day,
    time: '16:35',
    title: `Day ${day} — TLs update the tracker before logging off`,
    run(story: Story) {
      // Every TL but one updates their agents' TBT status; Sam forgets one agent each day.
      const forgotten = story.agents.filter((a) => a.tl.name === 'Sam Okafor')[day % 8];
      for (const agent of story.agents) {
        if (agent === forgotten) continue;
        tlTypes(story, agent.oid, TRACKER.tbtStatus, day >= 3 ? 'Complete' : 'In Progress');
      }
      story.note(
        `TLs set TBT Status for ${story.agents.length - 1} agents (${forgotten.name}'s row is not updated today).`,
      );
    },
  })),
  {
    day: 2,
    time: '16:50',
    title: 'Day 2 — an early finisher',
    run(story) {
      const fast = agentWith(story, 'fast');
      for (const header of ESP_STATUS_HEADERS) tlTypes(story, fast.oid, header, 'Complete');
      story.note(
        `${fast.name} finished every ESP task on Day 2 → the PMs are told at once ("ready for production").`,
      );
      story.run('onCompletionFormSubmit', {
        namedValues: {
          'Email Address': [fast.cxpEmail],
          'Proof (13 checkmarks)': ['https://drive.example.com/proof'],
        },
      });
      story.run('onCompletionFormSubmit', {
        namedValues: { 'Email Address': ['someone@unknown.example'], Name: ['A. Person'] },
      });
      story.note(
        'Two completion-form submissions: one matched (AHIP+Aetna Completion = Submitted), one unmatched (licensing team told).',
      );
    },
  },
  {
    day: 3,
    time: '09:00',
    title: 'Day 3 — an exemption',
    run(story) {
      const exempt = agentWith(story, 'exempt');
      tlTypes(story, exempt.oid, TRACKER.exemption, 'N-Number late (carrier delay, ticket 4471)');
      tlTypes(story, agentWith(story, 'payment-issue').oid, TRACKER.paymentIssue, 'Resolved');
      story.note(`${exempt.name} gets an Exemption: N-Number arrived late. The payment issue is resolved.`);
    },
  },
  ...[1, 2, 3, 4, 5].map((day) => ({
    day,
    time: '17:05',
    title: `Day ${day} — nightly sweep`,
    run(story: Story) {
      const before = story.ws.mail.outbox.length;
      story.fireDueTriggers();
      story.note(`The sweep sent ${story.ws.mail.outbox.length - before} email(s).`);
      if (day === 1) {
        const again = story.ws.mail.outbox.length;
        story.run('menuRunNightlySweep');
        story.note(
          `A TL runs the sweep again by hand: ${story.ws.mail.outbox.length - again} more email(s) — nothing twice.`,
        );
      }
    },
  })),
  ...[
    [4, '12:05'],
    [4, '13:05'],
    [5, '09:05'],
    [5, '12:05'],
    [5, '13:05'],
  ].map(([day, time]) => ({
    day: Number(day),
    time: String(time),
    title: `Day ${day} ${time} — hourly CAP check`,
    run(story: Story) {
      const before = story.ws.mail.outbox.length;
      story.fireDueTriggers();
      const sent = story.ws.mail.outbox.slice(before).map((m) => m.subject);
      if (sent.length) story.note(`Escalations: ${sent.join(' | ')}`);
    },
  })),
  {
    day: 5,
    time: '16:00',
    title: 'After the extension — the logs',
    run(story) {
      story.snapshot('The tracker at the end of the CAP extension');
    },
  },
];

export const sweepScenes: Scene[] = [...scenes, ...handsCheckScenes];
