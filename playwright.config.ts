// The suite's Playwright configuration. The s2s-conformance CLI sets S2S_RUN_CONFIG; without it this
// runs the demo (bundled reference SUT, bot-framework profile) into reports/latest.
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { loadRunConfig, type RunConfig } from './harness/run/config';
import { PROFILE, specMatch } from './profiles/registry';

const run = loadRunConfig();
// The profile's folder and spec files, from the registry (twin profiles share a folder).
const specs = specMatch(run.profile);

export default defineConfig({
  testDir: path.join(__dirname, 'profiles', PROFILE[run.profile].folder),
  // The cases run side by side; the key-lifecycle cases (they move the SUT's clock and break the key
  // server) run after them, one at a time, so a fault never reaches a case it was not meant for.
  projects: [
    // (bot-outbound's cases, in a `.serial.spec.ts` file, run that way too: the bot's token cache is state they share.)
    { name: 'cases', testMatch: specs.cases },
    { name: 'key-lifecycle', testMatch: specs.after, dependencies: ['cases'], fullyParallel: false },
  ],
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
    // --only-results: no HTML report and no Allure results (results.json, junit.xml, the summaries stay).
    ...(run.onlyResults
      ? []
      : ([
          ['html', { outputFolder: path.join(run.outDir, 'html'), open: 'never' }],
          [require.resolve('./harness/reporters/allure-reporter'), { resultsDir: path.join(run.outDir, 'allure-results'), detail: false, suiteTitle: false, environmentInfo: allureEnvironment(run) }],
        ] as const)),
    // A slice of a sharded run also leaves a blob report, which `s2s-conformance merge` joins into one HTML report.
    ...(run.shard ? [['blob', { outputDir: path.join(run.outDir, 'blob'), fileName: `report-${run.shard.current}.zip` }] as const] : []),
  ],
});

/** What the Allure report's environment panel shows. */
function allureEnvironment(r: RunConfig): Record<string, string> {
  return {
    profile: r.profile,
    SUT: r.sutName ?? r.sut?.command ?? r.target ?? '',
    ...(r.sutVersion ? { 'SUT version': r.sutVersion } : {}),
    endpoint: r.endpoint,
  };
}
