// `npm start`: runs the sample cohort through the built bundle on the in-memory workspace and writes out/.
import { join } from 'node:path';
import { SCENES } from '../workspace/story/scenes';
import { screenshotScreens } from '../workspace/story/screenshots';
import { Story } from '../workspace/story/story';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const buildDir = join(root, 'build');
  const outDir = join(root, 'out');
  const story = new Story({ buildDir, outDir, print: true });
  story.play(SCENES);
  const calls = story.ws.meter.byService();
  const modeled = story.ws.meter.modeledSeconds();
  console.log(`\n${await screenshotScreens(story, buildDir, outDir)}`);
  const index = story.writeOut();
  console.log(
    `Service calls over the whole story: ${JSON.stringify(calls)}; modeled Apps Script time ${modeled} s.`,
  );
  console.log(`Emails sent: ${story.ws.mail.outbox.length}. Open ${index} in a browser.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
