/**
 * Story scenes for RULES R22 and R23: an agent sends the completion form before finishing (the evidence
 * disagrees: form in, AHIP/Aetna not complete), the nightly licensing summary lists that line with the
 * stray submission of Day 2, and the PMs' ready-for-production email of the early finisher carries the
 * readiness summary (statuses with dates, evidence, attendance, coaching).
 */
import type { SentMail } from '../../mail';
import type { Scene, Story } from '../story';

function evidenceLines(mail: SentMail): string[] {
  const section = mail.body.split(/COMPLETION EVIDENCE DISAGREES \(\d+\)/)[1]?.split('BY TEAM LEAD')[0] ?? '';
  return section
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('- '));
}

export const evidenceScenes: Scene[] = [
  {
    day: 3,
    time: '11:00',
    title: 'Day 3 — a completion form before the work is done',
    run(story: Story) {
      const early = story.agents.find((a) => a.persona === 'slow');
      if (!early) throw new Error('No slow agent in the sample cohort.');
      story.run('onCompletionFormSubmit', {
        namedValues: {
          Timestamp: [story.now()],
          'Email Address': [early.cxpEmail],
          'Proof (13 checkmarks)': ['https://drive.example.com/proof-early'],
        },
      });
      story.note(
        `${early.name} submits the Carrier Cert Completion Form although the progress report is not finished: AHIP+Aetna Completion = Submitted, AHIP/Aetna Status is not Complete.`,
      );
    },
  },
  {
    day: 3,
    time: '17:30',
    title: 'Day 3 — the licensing summary lists where the completion evidence disagrees',
    run(story: Story) {
      const summaries = story.ws.mail.outbox.filter((m) => m.subject.startsWith('ESP licensing summary'));
      const last = summaries[summaries.length - 1];
      const lines = last ? evidenceLines(last) : [];
      story.note(
        lines.length
          ? `Tonight's summary lists ${lines.length} evidence mismatch(es), each with its sheet, row and link:\n${lines.slice(0, 4).join('\n')}`
          : 'Tonight the completion evidence agrees for every agent.',
      );
      const ready = story.ws.mail.outbox.filter((m) => m.subject.startsWith('Ready for production'));
      const first = ready[0];
      if (first)
        story.note(
          `The PMs' "${first.subject}" carries the readiness summary: ${first.body
            .split('\n')
            .filter((l) => /^(AHIP\/Aetna Status|Completion form|MIA episodes|Day 1):/.test(l))
            .join('; ')}`,
        );
    },
  },
];
