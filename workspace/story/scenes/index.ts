/** Every scene of the local story; `Story.play` runs them in time order, so areas interleave by day. */
import type { Scene } from '../story';
import { checklistScenes } from './checklist';
import { coachScenes } from './coach';
import { cohortsScenes } from './cohorts';
import { g2tScenes } from './g2t';
import { evidenceScenes } from './evidence';
import { notesScenes } from './notes';
import { reportScenes } from './report';
import { screensScenes } from './screens';
import { setupScenes } from './setup';
import { sweepScenes } from './sweep';

export const SCENES: readonly Scene[] = [
  ...setupScenes,
  ...notesScenes,
  ...reportScenes,
  ...sweepScenes,
  ...screensScenes,
  ...cohortsScenes,
  ...checklistScenes,
  ...g2tScenes,
  ...evidenceScenes,
  ...coachScenes,
];
