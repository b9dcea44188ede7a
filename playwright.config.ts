// The suite's Playwright configuration. The s2s-conformance CLI sets S2S_RUN_CONFIG; without it this
// runs the demo (bundled reference SUT, bot-framework profile) into reports/latest.
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { loadRunConfig } from './harness/run/config';

const run = loadRunConfig();

export default defineConfig({
  testDir: path.join(__dirname, 'suites', run.profile),
  testMatch: /\.spec\.ts$/,
  globalSetup: require.resolve('./harness/run/global-setup'),
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // A case waits for the control and the mutant, each bounded by timeoutMs, plus the control API.
  timeout: run.timeoutMs * 2 + 10_000,
  outputDir: path.join(run.outDir, '.run', 'test-output'),
  reporter: [
    [require.resolve('./harness/reporters/progress-reporter')],
    [require.resolve('./harness/reporters/results-reporter')],
    ['html', { outputFolder: path.join(run.outDir, 'html'), open: 'never' }],
  ],
});
