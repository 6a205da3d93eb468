// The browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core — never a browser
// downloaded by a test tool. When it is missing, install it from Debian's packages (we run as root on
// the CI and developer machines); say what happened either way.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);
console.log(`${CHROMIUM} is missing: installing Debian's chromium package for the browser tests…`);
try {
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  execSync(
    `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
    {
      stdio: 'inherit',
    },
  );
} catch (error) {
  console.error(`Could not install chromium (${error.message}). Install it with: apt-get install chromium`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
console.log('chromium installed.');
