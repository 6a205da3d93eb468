// `npm start`: runs the sample cohort through the built bundle on the in-memory workspace and writes out/.
import { join } from 'node:path';
import { SCENES } from '../src/local/story/scenes';
import { Story } from '../src/local/story/story';

const root = join(__dirname, '..');
const story = new Story({ buildDir: join(root, 'build'), outDir: join(root, 'out'), print: true });
story.play(SCENES);
const index = story.writeOut();
const calls = story.ws.meter.byService();
console.log(
  `\nService calls: ${JSON.stringify(calls)}; modeled Apps Script time ${story.ws.meter.modeledSeconds()} s.`,
);
console.log(`Emails sent: ${story.ws.mail.outbox.length}. Open ${index} in a browser.`);
