// What the key-lifecycle cases of a run have done so far, so that a later case can tell a SUT that
// broke in an earlier case from one that never worked, and a recovery case can tell which key the
// key server could not serve. The cases run one at a time in catalog order; the history is a small
// file next to the run state (a worker Playwright restarts keeps it), or memory outside a run.
import { readFileSync, writeFileSync } from 'node:fs';
import { STATE_ENV } from '../run/state';
import type { LifecycleScript } from './case-model';

export interface LifecycleHistory {
  /** The last case whose positive control passed (so its script ran), and the key-server fault it played, if any. */
  lastRan?: { id: string; fault?: string };
  /** Keys published while the key server was faulty, in a case that ran: key name -> that case's id. */
  unservedKeys: Record<string, string>;
}

// One history per SUT process the cases run on (`world`: its control origin): the key-lifecycle
// cases of a run may be spread over worlds of their own (harness/engine/case-dispatch.ts).
const memory = new Map<string, LifecycleHistory>();
const file = (world: string): string | undefined => (process.env[STATE_ENV] ? `${process.env[STATE_ENV]}.lifecycle-history-${world.replace(/\W+/g, '_')}.json` : undefined);

/** A run in this process starts with no history in memory (runs one after another in one process). */
export function forgetHistories(): void {
  memory.clear();
}

export function readHistory(world: string): LifecycleHistory {
  const f = file(world);
  if (!f) return memory.get(world) ?? { unservedKeys: {} };
  try {
    return JSON.parse(readFileSync(f, 'utf8')) as LifecycleHistory;
  } catch {
    return { unservedKeys: {} };
  }
}

export function writeHistory(world: string, h: LifecycleHistory): void {
  const f = file(world);
  if (f) writeFileSync(f, JSON.stringify(h));
  else memory.set(world, h);
}

/** The key-server fault a script plays, in words; a slow server is a far one, not a fault. */
export function faultOf(lc: Pick<LifecycleScript, 'before'>): string | undefined {
  const f = lc.before.fault;
  return f && f.kind !== 'slow' ? `${f.target === 'jwks' ? 'keys document' : 'metadata'}: ${f.kind}` : undefined;
}

/** The history after a case whose control passed and whose script ran. */
export function afterRun(h: LifecycleHistory, id: string, lc: Pick<LifecycleScript, 'before'>): LifecycleHistory {
  const fault = faultOf(lc);
  const unservedKeys = { ...h.unservedKeys };
  if (fault) for (const key of lc.before.publish ?? []) unservedKeys[key] ??= id;
  return { lastRan: { id, ...(fault ? { fault } : {}) }, unservedKeys };
}
