/**
 * When each sample agent ticks each Schedule item, by persona: realistic times inside the training day
 * (after the module's work, never during a break), so pace and projections have something true to measure.
 */
import type { Persona } from './sampleCohort';

export interface PlannedTick {
  day: number;
  time: string;
  /** Index into the default schedule (0 = Module 1 Reviewed … 13 = Aetna Product Modules). */
  item: number;
}

/** A steady agent's day: modules ~2.5 h apart, the quiz screenshots right after each module. */
const STEADY: PlannedTick[] = [
  { day: 1, time: '10:45', item: 0 },
  { day: 1, time: '11:00', item: 2 },
  { day: 1, time: '14:05', item: 1 },
  { day: 1, time: '16:15', item: 3 },
  { day: 2, time: '10:40', item: 4 },
  { day: 2, time: '11:00', item: 6 },
  { day: 2, time: '14:10', item: 5 },
  { day: 2, time: '16:15', item: 7 },
  { day: 3, time: '10:35', item: 8 },
  { day: 3, time: '10:50', item: 9 },
  { day: 3, time: '12:50', item: 10 },
  { day: 3, time: '15:50', item: 11 },
  { day: 3, time: '16:10', item: 12 },
  { day: 4, time: '11:40', item: 13 },
];

/** Everything a day early: Day 1 and Day 2 items on Day 1, and so on. */
const FAST: PlannedTick[] = [
  ...[0, 2, 1, 3].map((item, k) => ({ day: 1, time: ['09:50', '10:00', '11:20', '11:30'][k], item })),
  ...[4, 6, 5, 7].map((item, k) => ({ day: 1, time: ['13:40', '13:50', '15:40', '15:50'][k], item })),
  ...[8, 9, 10, 11, 12].map((item, k) => ({
    day: 2,
    time: ['09:55', '10:05', '11:40', '14:00', '14:20'][k],
    item,
  })),
  { day: 2, time: '16:15', item: 13 },
];

/** A morning behind: each day's items are finished the next morning; Day 4 just makes it. */
const SLOW: PlannedTick[] = [
  { day: 1, time: '13:30', item: 0 },
  { day: 1, time: '13:45', item: 2 },
  { day: 2, time: '09:20', item: 1 },
  { day: 2, time: '09:35', item: 3 },
  { day: 2, time: '13:50', item: 4 },
  { day: 2, time: '14:05', item: 6 },
  { day: 3, time: '09:15', item: 5 },
  { day: 3, time: '09:30', item: 7 },
  { day: 3, time: '13:00', item: 8 },
  { day: 3, time: '13:15', item: 9 },
  { day: 3, time: '15:30', item: 10 },
  { day: 4, time: '09:10', item: 11 },
  { day: 4, time: '10:00', item: 12 },
  { day: 4, time: '11:55', item: 13 },
];

const upTo = (ticks: PlannedTick[], lastItemCount: number) => ticks.slice(0, lastItemCount);

export function plannedTicks(persona: Persona): PlannedTick[] {
  switch (persona) {
    case 'fast':
      return FAST;
    case 'slow':
    case 'mia':
      return SLOW;
    case 'silent':
      // Never uses the sheet on Days 1-2 (reminded each night), then catches up on Day 3 evening.
      return STEADY.filter((t) => t.day <= 3)
        .map((t) => ({ ...t, day: 3, time: '16:20' }))
        .concat([{ day: 4, time: '11:50', item: 13 }]);
    case 'exempt':
      // N-Number arrived late: could not start AHIP until Day 3.
      return upTo(SLOW, 6).map((t) => ({ ...t, day: t.day + 2 }));
    case 'cap':
      // Misses the window by the Day 3 and Day 4 items; finishes them inside the Final CAP extension.
      return [
        ...upTo(SLOW, 9),
        { day: 4, time: '14:10', item: 9 },
        { day: 4, time: '15:40', item: 10 },
        { day: 5, time: '09:30', item: 11 },
        { day: 5, time: '10:15', item: 12 },
        { day: 5, time: '11:00', item: 13 },
      ];
    case 'termination':
      return upTo(SLOW, 7);
    default:
      return STEADY;
  }
}
