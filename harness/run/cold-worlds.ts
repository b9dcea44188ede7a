// Cold-start worlds (issue 18): a case that needs a key server already in a given state (a fault)
// asks the run's main process for a world of its own: the profile's fakes started afresh (its own
// key servers, STS and Connector, with the run's CA and signing keys), the key-set command applied
// before anything else, and a FRESH SUT process started from the run's --sut command against it
// (its own port, its own contract environment, its own log file), so the SUT's first key fetch meets
// the fault. No clock is moved, so this judges a SUT in any language. The worker talks to the
// world's own control server (its request log, its SUT's state, its key set), then asks for it to be
// stopped, and gets the world's SUT log and egress back as the case's evidence (the egress counted in
// the run's too). The same class starts the worlds shared by cases that run one at a time on a SUT of
// their own (startSharedWorld: the key-lifecycle ones, bot-outbound's that name a world).
//
// Control API of the run (harness/servers/control.ts's server):
//   POST /world {name, lifecycle}   -> {id, control, urls, sutUrl, sutStartError?}  (409 {reason} when the run cannot start one)
//   DELETE /world/<id>              -> {sutLog: string[], egress: object[]}
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestCa } from '../ca/test-ca';
import type { SigningKey } from '../keys/signing-keys';
import type { ColdWorld, ColdWorldEvidence, SutState } from '../servers/control';
import type { LifecycleCommand } from '../servers/key-lifecycle';
import { HitLog, type Router } from '../servers/router';
import { launchSut, SutStartError, type LaunchedSut } from '../sut/launcher';
import { reservePort } from '../sut/port-reservation';
import { inheritedEnv } from '../sut/sut-env';
import { WORLDS } from '../../profiles/registry';
import type { RunConfig } from './config';
import { SutClock } from './sut-clock';
import { startWorldControl, worldSutEnv } from './world-sut';
import { egressLogIn, proxyFileIn } from './run-status';

/** Lines of the SUT's log a case's evidence keeps. */
const LOG_LINES = 40;

/** Why a run cannot start cold-start worlds (no SUT command, or a client-role profile), or undefined when it can. */
export function coldStartUnavailable(run: Pick<RunConfig, 'sut' | 'target'>, client: boolean): string | undefined {
  if (client) return 'a client-role profile starts its SUT per scenario already';
  if (!run.sut) return `not run: a cold-start case starts a fresh SUT process against a key server that is faulty from the start, and with --target (the user's one process) there is no command to start one; the key-lifecycle cases (*-KLC-*) judge the faults on that process where its clock can be moved`;
  return undefined;
}

interface Running {
  stop(): Promise<void>;
  dir: string;
  sutLog: string;
  egressLog: string;
}

export class ColdWorlds {
  private next = 0;
  private readonly running = new Map<string, Running>();
  /** Worlds being started: the run's end waits for them, so that none launches its SUT after the end. */
  private readonly starting = new Set<Promise<unknown>>();
  private closed = false;
  /** Cold-start worlds started with the run, before their case asks (prestart), by case name. */
  private readonly prestarted = new Map<string, { lifecycle: string; world: Promise<ColdWorld> }>();

  constructor(
    private readonly run: RunConfig,
    private readonly shared: { ca: TestCa; caPemPath: string; caTrustStorePath: string; appPassword: string; keys: Record<string, SigningKey> },
  ) {}

  addRoutes(control: Router): void {
    control.on('POST', /^\/world$/, async (req) => {
      const { name, lifecycle } = JSON.parse(req.body || '{}') as { name?: string; lifecycle?: LifecycleCommand };
      if (this.closed) return { status: 409, body: { reason: 'the run is ending: no new world is started' } };
      try {
        const world = await (this.takePrestarted(String(name ?? 'world'), lifecycle ?? {}) ?? this.tracked(this.start(String(name ?? 'world'), lifecycle ?? {})));
        // The run ended while this world started (an interrupted run): it goes at once.
        if (this.closed) {
          await this.stop(world.id);
          return { status: 409, body: { reason: 'the run is ending: the world was stopped' } };
        }
        return { status: 200, body: world };
      } catch (err) {
        return { status: 500, body: { error: (err as Error).message } };
      }
    });
    control.on('DELETE', /^\/world\/(?<id>[\w-]+)$/, async (req) => {
      const evidence = await this.stop(req.params.id);
      return evidence ? { status: 200, body: evidence } : { status: 404, body: { error: `no world ${req.params.id}` } };
    });
  }

  /** A world started with the run for the cases that share it (`worlds/<name>/`, RunState.sharedWorlds:
   *  the clock-moving key-lifecycle cases, bot-outbound's that name one): a healthy one, its own SUT
   *  process beside the run's, so that those cases overlap the others instead of following them. Its
   *  SUT's egress goes to `egressLog` (the run's: results.json counts it as the run's). */
  startSharedWorld(name: string, egressLog: string): Promise<ColdWorld> {
    return this.tracked(this.start(name, {}, { id: name, egressLog }));
  }

  /** Starts a cold-start case's world now, during the run's start-up, for the case to take when it
   *  asks (POST /world with its name and the same key-set command): the run's longest wait (a hung
   *  key server, which a SUT without a fetch timeout of its own waits out to the deadline) then
   *  starts beside the run's SUT instead of after it. One the run never asks for is stopped at its end. */
  prestart(name: string, lifecycle: LifecycleCommand): void {
    const world = this.tracked(this.start(name, lifecycle));
    world.catch(() => undefined); // taken (and its failure said) by the case that asks
    this.prestarted.set(name, { lifecycle: JSON.stringify(lifecycle), world });
  }

  /** The world prestarted for this case, if its key-set command is the one asked for. */
  private takePrestarted(name: string, lifecycle: LifecycleCommand): Promise<ColdWorld> | undefined {
    const pre = this.prestarted.get(name);
    if (!pre || pre.lifecycle !== JSON.stringify(lifecycle)) return undefined;
    this.prestarted.delete(name);
    return pre.world;
  }

  /** A world being started, known to closeAll until it is up. */
  private tracked(started: Promise<ColdWorld>): Promise<ColdWorld> {
    this.starting.add(started);
    void started.catch(() => undefined).finally(() => this.starting.delete(started));
    return started;
  }

  private async start(name: string, lifecycle: LifecycleCommand, o: { id?: string; egressLog?: string } = {}): Promise<ColdWorld> {
    const id = o.id ?? `${++this.next}-${name.replace(/[^\w.-]+/g, '_')}`;
    const { run } = this;
    const dir = path.join(run.outDir, 'worlds', id);
    mkdirSync(path.join(dir, '.run'), { recursive: true });
    const sutLog = path.join(dir, 'sut.log');
    const egressLog = o.egressLog ?? path.join(dir, 'egress.jsonl');
    if (!o.egressLog) writeFileSync(egressLog, '');
    const cleanups: Array<() => Promise<void> | void> = [];
    const stop = async () => {
      for (const c of cleanups.reverse()) await c();
    };
    this.running.set(id, { stop, dir, sutLog, egressLog });
    try {
      const log = new HitLog();
      const world = await WORLDS[run.profile]({ ca: this.shared.ca, log, outDir: dir, secret: this.shared.appPassword, keys: this.shared.keys });
      cleanups.push(() => world.close());
      let sut: LaunchedSut | undefined;
      let sutStartError: string | undefined;
      const sutState = (): SutState => (sut ? sut.state() : { status: 'exited', reason: sutStartError ?? 'the SUT was not started' });
      // Moved only by the key-lifecycle cases in their world; a cold-start case's SUT keeps its own clock.
      const clock = new SutClock(path.join(dir, '.run', 'sut-clock-offset-ms'));
      const { server: controlServer } = await startWorldControl(log, world, sutState, clock, cleanups);

      // The world in its state before the SUT exists: its first fetch meets it.
      const applied = await fetch(`${controlServer.origin}/key-lifecycle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lifecycle) });
      if (applied.status !== 200) throw new Error(`the world's key set: ${applied.status} ${await applied.text()}`);

      // Held until the fresh SUT listens (port-reservation.ts says why).
      const reserved = await reservePort();
      const port = reserved.port;
      try {
        // In proxy mode the world's proxy records what it tunnelled in the world's folder (results.json sums them).
        const env = await worldSutEnv(run, world, { port, caPemPath: this.shared.caPemPath, caTrustStorePath: this.shared.caTrustStorePath, egressLog, clockFile: clock.file, proxyFile: proxyFileIn(dir) }, cleanups);
        sut = await launchSut({ command: run.sut!.command, cwd: run.sut!.cwd, env: { ...inheritedEnv(), ...env }, port, logFile: sutLog, startupTimeoutMs: run.startupTimeoutMs });
        cleanups.push(() => sut!.stop());
      } catch (err) {
        if (!(err instanceof SutStartError)) throw err;
        sutStartError = err.message; // judged by the case: it may have exited on meeting the fault
      } finally {
        reserved.release();
      }
      return { id, control: controlServer.origin, urls: world.urls, sutUrl: `http://127.0.0.1:${port}${run.endpoint}`, ...(sutStartError ? { sutStartError } : {}) };
    } catch (err) {
      await this.stop(id);
      throw err;
    }
  }

  private async stop(id: string): Promise<ColdWorldEvidence | undefined> {
    const world = this.running.get(id);
    if (!world) return undefined;
    this.running.delete(id);
    await world.stop();
    const egress = readLines(world.egressLog);
    // The run's egress (results.json) counts every world's: a SUT that reaches out does so in any world.
    const runEgress = egressLogIn(this.run.outDir);
    if (egress.length && path.resolve(world.egressLog) !== path.resolve(runEgress)) appendFileSync(runEgress, `${egress.join('\n')}\n`);
    return { sutLog: readLines(world.sutLog).slice(-LOG_LINES), egress: egress.flatMap((l) => parsed(l)) };
  }

  /** Stops every world still running (the run's end). */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.starting]);
    await Promise.all([...this.running.keys()].map((id) => this.stop(id)));
  }
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function parsed(line: string): object[] {
  try {
    return [JSON.parse(line) as object];
  } catch {
    return [{ line }];
  }
}
