/** Story scenes for the sweep area (filled in by that area's issue). */
import type { Scene } from '../story';

export const sweepScenes: Scene[] = [];
