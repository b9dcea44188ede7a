// Playwright global setup: start the run (harness/run/start-run.ts: CA, keys, fakes, control API,
// the SUT) and publish its state to the workers. Any failure here is a harness/SUT-start failure
// (CLI exit 3), recorded in the status file so results.json can say why every case is `error`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATALOGS, type ProfileName } from '../../profiles/registry';
import { worldsStartedWithTheRun } from '../engine/case-dispatch';
import { caseFilter, loadRunConfig } from './config';
import { writeRunStatus } from './run-status';
import { startRun } from './start-run';
import { STATE_ENV } from './state';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const run = loadRunConfig();
  writeRunStatus(run.outDir, {});
  try {
    // As in-process: the shared worlds (of the key-lifecycle cases, whose spec file runs after the
    // others, and of bot-outbound's that name one) and the hung key server's cold-start world (the
    // run's longest wait) start with the run.
    const selected = CATALOGS[run.profile as ProfileName].filter(caseFilter(run.grep));
    const started = await startRun(run, console.log, worldsStartedWithTheRun(selected));
    // The state holds private keys and the app password: a private temp dir, never the output folder.
    const privateDir = mkdtempSync(path.join(os.tmpdir(), 's2s-run-'));
    const stateFile = path.join(privateDir, 'state.json');
    writeFileSync(stateFile, JSON.stringify(started.state), { mode: 0o600 });
    // For the benchmark: what each start-up step took, and when the cases could begin (epoch ms).
    writeFileSync(path.join(run.outDir, '.run', 'timings.json'), JSON.stringify({ ...started.timings, ready_at_ms: Date.now() }));
    process.env[STATE_ENV] = stateFile;
    return async () => {
      await started.stop();
      rmSync(privateDir, { recursive: true, force: true });
    };
  } catch (err) {
    writeRunStatus(run.outDir, { harnessError: (err as Error).message });
    throw err;
  }
}
