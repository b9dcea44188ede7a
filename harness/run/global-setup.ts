// Playwright global setup: build the run's world (CA, keys, fakes, control API), start or wait for
// the SUT, and publish the run state to the workers. Any failure here is a harness/SUT-start failure
// (CLI exit 3), recorded in the status file so results.json can say why every case is `error`.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestCa } from '../ca/test-ca';
import { prepareKeyPairs } from '../keys/key-pair-pool';
import { WORLDS } from '../profiles';
import { addControlRoutes, type SutState } from '../servers/control';
import { listen } from '../servers/listen';
import { HitLog, Router } from '../servers/router';
import { freePort, launchSut, waitForPort, type LaunchedSut } from '../sut/launcher';
import { commonSutEnv, envFileText, inheritedEnv } from '../sut/sut-env';
import { loadRunConfig } from './config';
import { egressLogIn, sutLogIn, writeRunStatus } from './run-status';
import { STATE_ENV, type RunState } from './state';

/** The CA, two TLS certificates and up to six signing keys: enough distinct pairs for any profile. */
const KEY_PAIRS_PER_RUN = 10;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const run = loadRunConfig();
  mkdirSync(run.outDir, { recursive: true });
  const egressLog = egressLogIn(run.outDir);
  const sutLog = sutLogIn(run.outDir);
  writeRunStatus(run.outDir, {});
  writeFileSync(egressLog, ''); // the SUT appends to it; a previous run's lines must not count
  const privateDir = mkdtempSync(path.join(os.tmpdir(), 's2s-run-'));
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(privateDir, { recursive: true, force: true })];
  const teardown = async () => {
    for (const c of cleanups.reverse()) await c();
  };

  try {
    await prepareKeyPairs(KEY_PAIRS_PER_RUN);
    const ca = createTestCa();
    const caPemPath = path.join(run.outDir, 'test-ca.pem');
    writeFileSync(caPemPath, ca.certPem);
    const log = new HitLog();
    const appPassword = randomBytes(18).toString('base64url');
    const world = await WORLDS[run.profile]({ ca, log, outDir: run.outDir, secret: appPassword });
    cleanups.push(() => world.close());

    let sut: LaunchedSut | undefined;
    let sutState: () => SutState = () => ({ status: 'external' });
    const control = new Router('control', new HitLog(100), 'http');
    addControlRoutes(control, log, () => sutState());
    const controlServer = await listen(control);
    cleanups.push(() => controlServer.close());

    const target = run.target ? new URL(run.target) : undefined;
    const port = target ? Number(target.port || (target.protocol === 'https:' ? 443 : 80)) : await freePort();
    const env = {
      ...commonSutEnv({ port, caPemPath, routedHosts: world.routedHosts, routeTo: world.routeTo, egressLog }),
      ...world.sutEnv,
      ...run.sutEnv,
    };

    if (run.sut) {
      sut = await launchSut({ command: run.sut.command, cwd: run.sut.cwd, env: { ...inheritedEnv(), ...env }, port, logFile: sutLog, startupTimeoutMs: run.startupTimeoutMs });
      sutState = sut.state;
      cleanups.push(() => sut!.stop());
    } else if (target) {
      if (run.envFile) {
        writeFileSync(run.envFile, envFileText(env), { mode: 0o600 });
        console.log(`s2s-conformance: wrote the SUT environment to ${run.envFile}; start the SUT with it, waiting for ${target.host} ...`);
      }
      await waitForPort(target.hostname, port, run.startupTimeoutMs, () => undefined);
    }

    const state: RunState = {
      profile: run.profile,
      urls: { ...world.urls, control: controlServer.origin },
      sutUrl: target ? target.href : `http://127.0.0.1:${port}${run.endpoint}`,
      keys: world.keys,
      appPassword,
      timeoutMs: run.timeoutMs,
    };
    const stateFile = path.join(privateDir, 'state.json');
    writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
    process.env[STATE_ENV] = stateFile;
    return teardown;
  } catch (err) {
    writeRunStatus(run.outDir, { harnessError: (err as Error).message });
    await teardown();
    throw err;
  }
}
