// The one real browser the tool uses (summary.pdf, and the tests that look at the reports): Debian's
// Chromium, since Playwright's own browser download is not available everywhere the suite runs.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export const CHROMIUM_PATH = process.env.S2S_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set S2S_CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}
