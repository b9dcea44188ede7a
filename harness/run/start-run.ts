// Everything a run needs before its first request: the CA, the profile's fakes, the control API and
// the SUT (started, or waited for). Playwright's global setup uses it for a conformance run; `fuzz`
// and `run --load` use it directly, without Playwright.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestCa } from '../ca/test-ca';
import { pkcs12TrustStore } from '../ca/trust-store';
import { prepareKeyPairs } from '../keys/key-pair-pool';
import type { SutState } from '../servers/control';
import { HitLog } from '../servers/router';
import { launchSut, waitForPort } from '../sut/launcher';
import { reservePort, type ReservedPort } from '../sut/port-reservation';
import { OneShotRunner } from '../sut/one-shot';
import { PROFILE_INFO, WORLDS } from '../../profiles/registry';
import { envFileText, inheritedEnv } from '../sut/sut-env';
import { oneShotTimeoutMs, type RunConfig } from './config';
import { egressLogIn, proxyFileIn, sutLogIn } from './run-status';
import { SutClock } from './sut-clock';
import { startWorldControl, worldSutEnv } from './world-sut';
import { ColdWorlds, coldStartUnavailable } from './cold-worlds';
import type { SharedWorld, RunState } from './state';
import type { ColdWorld } from '../servers/control';
import type { LifecycleCommand } from '../servers/key-lifecycle';

/** Enough distinct RSA pairs for any profile: the CAs, TLS certificates and up to 16 signing keys (bot-framework). */
const KEY_PAIRS_PER_RUN = 24;

export interface StartedRun {
  state: RunState;
  /** The fakes' request log (the control API serves it to Playwright workers). */
  log: HitLog;
  sutState: () => SutState;
  /** Stops the SUT and the fakes, in the reverse order of their start. */
  stop(): Promise<void>;
  /** Milliseconds spent on each step, for the benchmark. */
  timings: Record<string, number>;
}

export interface StartOptions {
  /** The shared worlds to start (each a SUT process of its own: case-dispatch.ts's worldsStartedWithTheRun), when the run can. */
  sharedWorlds?: string[];
  /** Cold-start worlds to start with the run, before their case asks (case-dispatch.ts's worldsStartedWithTheRun), when the run can. */
  prestartedWorlds?: Array<{ name: string; lifecycle: LifecycleCommand }>;
}

export async function startRun(run: RunConfig, say: (line: string) => void = console.log, opts: StartOptions = {}): Promise<StartedRun> {
  mkdirSync(path.join(run.outDir, '.run'), { recursive: true });
  const egressLog = egressLogIn(run.outDir);
  writeFileSync(egressLog, ''); // the SUT appends to it; a previous run's lines must not count
  // Nor a previous run's worlds (their logs, their proxies' records: results.json sums those).
  rmSync(path.join(run.outDir, 'worlds'), { recursive: true, force: true });
  const cleanups: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };

  try {
    await prepareKeyPairs(KEY_PAIRS_PER_RUN);
    const ca = createTestCa();
    const caPemPath = path.join(run.outDir, 'test-ca.pem');
    writeFileSync(caPemPath, ca.certPem);
    const caTrustStorePath = path.join(run.outDir, 'test-ca.p12'); // for JVM SUTs (JAVA_TOOL_OPTIONS)
    writeFileSync(caTrustStorePath, pkcs12TrustStore(ca.certPem));
    lap('keys_and_ca_ms');
    const log = new HitLog();
    const appPassword = randomBytes(18).toString('base64url');
    const world = await WORLDS[run.profile]({ ca, log, outDir: run.outDir, secret: appPassword });
    cleanups.push(() => world.close());

    let sutState: () => SutState = () => ({ status: 'external' });
    let coldWorlds: ColdWorlds | undefined;
    let sharedWorlds: Array<Promise<[string, ColdWorld]>> = [];
    const clock = new SutClock(path.join(run.outDir, '.run', 'sut-clock-offset-ms'));
    const { control, server: controlServer } = await startWorldControl(log, world, () => sutState(), clock, cleanups);
    lap('fakes_ms');

    // A client-role SUT (s2s-client) sends the tokens: a one-shot command, no port of its own.
    const client = PROFILE_INFO[run.profile].role === 'client';
    const target = run.target ? new URL(run.target) : undefined;
    // A launched SUT's port is held for it until it listens (port-reservation.ts says why).
    const reserved: ReservedPort | undefined = !target && !client ? await reservePort() : undefined;
    const port = target ? Number(target.port || (target.protocol === 'https:' ? 443 : 80)) : reserved ? reserved.port : 0;
    const env = await worldSutEnv(run, world, { port, caPemPath, caTrustStorePath, egressLog, clockFile: clock.file, proxyFile: proxyFileIn(run.outDir) }, cleanups);
    if (client) {
      if (!run.sut) throw new Error(`profile ${run.profile}: the SUT is a client the harness starts once per scenario, so it needs a command (--sut), not --target`);
      delete env.PORT;
      // Each case scenario starts the command once, whichever worker asks first (POST /sut/once
      // {key, env}: the scenario's variables), and every case of that scenario judges the same run.
      const runner = new OneShotRunner({ command: run.sut.command, cwd: run.sut.cwd, env: { ...inheritedEnv(), ...env }, logFile: sutLogIn(run.outDir), timeoutMs: oneShotTimeoutMs(run) });
      control.on('POST', /^\/sut\/once$/, async (req) => {
        const { key, env: extra } = JSON.parse(req.body || '{}') as { key?: string; env?: Record<string, string> };
        if (typeof key !== 'string' || !key) return { status: 400, body: { error: 'key required' } };
        return { status: 200, body: await runner.run(key, extra ?? {}) };
      });
      cleanups.push(() => runner.settle());
    } else if (run.sut) {
      // The shared worlds start beside the run's SUT (coldStartUnavailable is undefined with --sut).
      coldWorlds = new ColdWorlds(run, { ca, caPemPath, caTrustStorePath, appPassword, keys: world.keys });
      cleanups.push(() => coldWorlds!.closeAll());
      sharedWorlds = (opts.sharedWorlds ?? []).map((name) => coldWorlds!.startSharedWorld(name, egressLog).then((w): [string, ColdWorld] => [name, w]));
      for (const w of sharedWorlds) w.catch(() => undefined); // read below; the run's own SUT may fail first
      for (const w of opts.prestartedWorlds ?? []) coldWorlds.prestart(w.name, w.lifecycle);
      const sut = await launchSut({ command: run.sut.command, cwd: run.sut.cwd, env: { ...inheritedEnv(), ...env }, port, logFile: sutLogIn(run.outDir), startupTimeoutMs: run.startupTimeoutMs }).finally(() => reserved?.release());
      sutState = sut.state;
      cleanups.push(() => sut.stop());
    } else if (target) {
      if (run.envFile) {
        writeFileSync(run.envFile, envFileText(env), { mode: 0o600 });
        say(`s2s-conformance: wrote the SUT environment to ${run.envFile}; start the SUT with it, waiting for ${target.host} ...`);
      }
      await waitForPort(target.hostname, port, run.startupTimeoutMs, () => undefined);
    }
    lap('sut_start_ms');

    // Cold-start worlds (cold-worlds.ts): a world and a fresh SUT process per case that asks, from
    // the same command; where there is none (--target), the answer says why, and the case says so.
    const unavailable = coldStartUnavailable(run, client);
    if (coldWorlds && !unavailable) coldWorlds.addRoutes(control);
    else control.on('POST', /^\/world$/, () => ({ status: 409, body: { reason: unavailable ?? 'no SUT command to start a world\'s SUT with' } }));
    const startedWorlds = sharedWorlds.length ? await sharedWorldsOrWhy(sharedWorlds, say) : undefined;

    const sutUrl = target ? target.href : client ? `${world.urls.resource}${run.endpoint}` : `http://127.0.0.1:${port}${run.endpoint}`;
    const state: RunState = {
      profile: run.profile,
      urls: { ...world.urls, control: controlServer.origin },
      sutUrl,
      ...(run.alsoEndpoints?.length
        ? { sutEndpoints: [{ endpoint: target ? `${target.pathname}${target.search}` : run.endpoint, url: sutUrl }, ...run.alsoEndpoints.map((e) => ({ endpoint: e, url: `${new URL(sutUrl).origin}${e}` }))] }
        : {}),
      keys: world.keys,
      appPassword,
      timeoutMs: run.timeoutMs,
      ...(startedWorlds ? { sharedWorlds: startedWorlds } : {}),
    };
    return { state, log, sutState: () => sutState(), stop, timings };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The shared worlds, or (one's SUT did not start: a SUT that cannot run twice at once) none, said
 *  why: those cases then run on the run's SUT (the key-lifecycle ones after the others), as with --target. */
async function sharedWorldsOrWhy(starting: Array<Promise<[string, ColdWorld]>>, say: (line: string) => void): Promise<Record<string, SharedWorld> | undefined> {
  const why = (reason: string) => {
    say(`s2s-conformance: the cases of the shared worlds (${starting.length}) run on the run's SUT, the key-lifecycle ones after the other cases: another SUT process for them did not start (${reason})`);
    return undefined;
  };
  try {
    const worlds: Record<string, SharedWorld> = {};
    for (const [name, w] of await Promise.all(starting)) {
      if (w.sutStartError) return why(w.sutStartError);
      worlds[name] = { control: w.control, urls: w.urls, sutUrl: w.sutUrl };
    }
    return worlds;
  } catch (err) {
    return why((err as Error).message);
  }
}
