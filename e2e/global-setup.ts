import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Fails early, in plain words, when no Chromium can be started. */
export default async function globalSetup(): Promise<void> {
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (system) return;
  if (existsSync(chromium.executablePath())) return;
  throw new Error(
    'No Chromium for the e2e tests: install Debian\'s chromium (`apt-get install -y chromium`) ' +
      'or a Playwright browser (`npx playwright install chromium`) where downloads are possible.',
  );
}
