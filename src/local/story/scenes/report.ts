/** Story scenes for the report area (filled in by that area's issue). */
import type { Scene } from '../story';

export const reportScenes: Scene[] = [];
