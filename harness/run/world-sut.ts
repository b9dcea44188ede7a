// What the run's world and each cold-start world (cold-worlds.ts) set up alike around their SUT: the
// world's control API, and the environment the SUT is started with, reaching the world through a
// proxy of the world's own in proxy mode, else by the Node preload's routing.
import { writeFileSync } from 'node:fs';
import { startConnectProxy, proxyEnv } from '../proxy/connect-proxy';
import { addControlRoutes, type SutState } from '../servers/control';
import { listen, type RunningServer } from '../servers/listen';
import { HitLog, Router } from '../servers/router';
import { commonSutEnv, sutJavaOptions } from '../sut/sut-env';
import type { RunConfig } from './config';
import type { ProfileWorld } from './profile-world';
import type { SutClock } from './sut-clock';

type Cleanups = Array<() => Promise<void> | void>;

/** The world's control API (its request log, its SUT's state and clock, the world's own routes), listening. */
export async function startWorldControl(log: HitLog, world: ProfileWorld, sutState: () => SutState, clock: SutClock, cleanups: Cleanups): Promise<{ control: Router; server: RunningServer }> {
  const control = new Router('control', new HitLog(100), 'http');
  addControlRoutes(control, log, sutState, clock);
  world.addControlRoutes?.(control);
  const server = await listen(control);
  cleanups.push(() => server.close());
  return { control, server };
}

export interface WorldSutEnvOptions {
  port: number;
  caPemPath: string;
  caTrustStorePath: string;
  egressLog: string;
  clockFile: string;
  /** Proxy mode: where to keep the proxy's address and the destinations it tunnelled (the run's, for results.json). */
  proxyFile?: string;
}

/** The SUT's contract environment in this world; in proxy mode the world's proxy is started here. */
export async function worldSutEnv(run: RunConfig, world: ProfileWorld, o: WorldSutEnvOptions, cleanups: Cleanups): Promise<Record<string, string>> {
  // Proxy mode: the SUT's HTTP(S) goes through the harness's proxy, and the Node preload only
  // guards (it routes nothing), so a Node SUT that ignores the proxy variables is refused, not routed.
  let routing: Record<string, string> = {};
  let routedHosts = world.routedHosts;
  if (run.proxy) {
    const { proxyFile } = o;
    const proxy = await startConnectProxy({
      impersonatedHosts: world.routedHosts,
      ...(world.routedPorts ? { ports: world.routedPorts } : {}),
      routeTo: world.routeTo,
      egressLog: o.egressLog,
      ...(proxyFile ? { onTunnel: (tunnels: Record<string, number>) => writeFileSync(proxyFile, JSON.stringify({ url: proxy.url, tunnels })) } : {}),
    });
    if (proxyFile) writeFileSync(proxyFile, JSON.stringify({ url: proxy.url, tunnels: {} }));
    cleanups.push(() => proxy.close());
    // The proxy's JVM options come after the user's own and the test CA's trust store.
    routing = proxyEnv(proxy.url, sutJavaOptions(o.caTrustStorePath));
    routedHosts = [];
  }
  return {
    ...commonSutEnv({ port: o.port, caPemPath: o.caPemPath, caTrustStorePath: o.caTrustStorePath, routedHosts, routeTo: world.routeTo, egressLog: o.egressLog, clockFile: o.clockFile }),
    ...routing,
    ...world.sutEnv,
    ...run.sutEnv,
  };
}
