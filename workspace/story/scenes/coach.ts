/**
 * Story scenes for Coaching & exams (RULES R20, R21): on Day 3 one agent fails the AHIP final once (the
 * TL is emailed once, Verbal Coaching is recorded) and passes on the second attempt; a TL records Verbal
 * Coaching for a slow agent from the sidebar, with the facts the tracker pre-fills.
 */
import type { Scene } from '../story';

interface View {
  today: string;
  agent: { facts: string[]; suggestion: { level: string } } | null;
}

export const coachScenes: Scene[] = [
  {
    day: 3,
    time: '14:10',
    title: 'Day 3 — an AHIP final attempt fails',
    run(story) {
      const agent = story.agents.find((a) => a.name === 'Priya Raman');
      if (!agent) return;
      const { today } = story.run('getCoachingView') as View;
      const r = story.run('saveExamAttempt', agent.oid, today, '84%', 'story-exam-1') as { message: string };
      story.note(`${agent.tl.name} records ${agent.name}'s AHIP final attempt: ${r.message}`);
    },
  },
  {
    day: 3,
    time: '15:40',
    title: 'Day 3 — a TL records coaching from the sidebar',
    run(story) {
      const agent = story.agents.find((a) => a.persona === 'slow');
      if (!agent) return;
      const view = story.run('getCoachingView', agent.oid) as View;
      const facts = view.agent?.facts.join('\n') || 'Behind the Day 2 items.';
      const r = story.run(
        'saveCoaching',
        agent.oid,
        view.agent?.suggestion.level ?? 'Verbal Coaching',
        'Agent Timeframe Expectations',
        facts,
        'story-coach-1',
      ) as { message: string; next: { level: string } };
      story.note(`${agent.tl.name} coaches ${agent.name}: ${r.message} Suggested next: ${r.next.level}.`);
    },
  },
  {
    day: 3,
    time: '16:20',
    title: 'Day 3 — the second AHIP attempt passes',
    run(story) {
      const agent = story.agents.find((a) => a.name === 'Priya Raman');
      if (!agent) return;
      const { today } = story.run('getCoachingView') as View;
      const r = story.run('saveExamAttempt', agent.oid, today, 96, 'story-exam-2') as { message: string };
      story.note(`${agent.tl.name} records ${agent.name}'s second attempt: ${r.message}`);
    },
  },
];
