/** Story scenes for the screens area (filled in by that area's issue). */
import type { Scene } from '../story';

export const screensScenes: Scene[] = [];
