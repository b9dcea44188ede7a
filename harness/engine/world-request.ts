// A case's world of its own, asked of the run's main process (harness/run/cold-worlds.ts: POST
// /world, DELETE /world/<id>): fresh fakes in a given key-server state and a fresh SUT process from
// the run's --sut command. Used by the cold-start cases and by a key-lifecycle case whose run SUT
// broke for good in an earlier case.
import type { LifecycleCommand } from '../servers/key-lifecycle';
import type { ColdWorld, ColdWorldEvidence } from '../servers/control';
import type { HarnessClient } from './harness-client';
import { send } from './http-send';

/** How long the run's main process may take to start a world and its SUT (the SUT's own start-up included). */
const WORLD_START_MS = 60_000;

/** Where worlds are asked for: the run's control API, also from a client of another world. */
const worldsOrigin = (h: HarnessClient): string => h.state.worldsControl ?? h.state.urls.control;

export type WorldAnswer = { world: ColdWorld } | { unavailable: string } | { error: string };

/** A world of the case's own, started in `lifecycle`'s state; `unavailable` when the run cannot start one (--target), with why. */
export async function askForWorld(h: HarnessClient, name: string, lifecycle: LifecycleCommand): Promise<WorldAnswer> {
  const asked = await send('POST', `${worldsOrigin(h)}/world`, { 'content-type': 'application/json' }, JSON.stringify({ name, lifecycle }), WORLD_START_MS, Infinity);
  if (asked.status === 409) return { unavailable: String((JSON.parse(asked.body) as { reason?: unknown }).reason) };
  if (asked.status !== 200) return { error: `the harness could not start the case's world: ${asked.status} ${asked.body.slice(0, 300)}` };
  return { world: JSON.parse(asked.body) as ColdWorld };
}

/** Stops the world; what its SUT logged and sent elsewhere, or undefined when that could not be had. */
export async function stopWorld(h: HarnessClient, world: ColdWorld): Promise<ColdWorldEvidence | undefined> {
  const stopped = await send('DELETE', `${worldsOrigin(h)}/world/${encodeURIComponent(world.id)}`, {}, '', 15_000, Infinity).catch(() => undefined);
  return stopped?.status === 200 ? (JSON.parse(stopped.body) as ColdWorldEvidence) : undefined;
}
