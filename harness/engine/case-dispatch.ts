// Which runner runs a case of each kind, how long it may take, and its result with the run's secret
// redacted: shared by the Playwright suites (define-suite.ts) and the in-process engine
// (harness/run/in-process-run.ts), so both run a case the same way.
import { oneShotTimeoutMs, type RunView } from './run-view';
import type { CaseDef, CaseResult, CaseRunner, ClientCase, LifecycleCase, OutboundCase } from './case-model';
import type { HarnessClient } from './harness-client';
import { runCase, type BaselineFn } from './run-case';
import { runLifecycleCase } from './run-lifecycle';
import { runColdStartCase } from './run-cold-start';
import { redactSecrets } from '../results/redact';

/** What a suite's runners need besides the case and the harness. */
export interface SuiteContext<Path extends string> {
  /** The valid request by path (inbound and lifecycle cases mutate it). */
  baseline: BaselineFn<Path>;
  /** Client-role cases: the profile's runner (profiles/s2s-client/runner.ts). */
  client?: CaseRunner<ClientCase>;
  /** bot-outbound cases: the profile's runner (profiles/bot-outbound/runner.ts). */
  outbound?: CaseRunner<OutboundCase>;
}

const unhandled = (def: never): never => {
  throw new Error(`no runner for case ${(def as CaseDef).id} of kind ${(def as CaseDef).kind}`);
};

const missing = (what: string, def: CaseDef): never => {
  throw new Error(`${def.id}: its suite has no ${what}`);
};

/** Each kind of case to its runner: a kind without one is a type error here. */
export function runOf<Path extends string>(def: CaseDef<Path>, h: HarnessClient, s: SuiteContext<Path>): Promise<CaseResult> {
  switch (def.kind) {
    case 'inbound':
      return runCase(def, h, s.baseline);
    case 'lifecycle':
      return def.coldStart ? runColdStartCase(def, h, s.baseline) : runLifecycleCase(def, h.inSharedWorld(sharedWorldOf(def)), s.baseline);
    case 'client':
      return (s.client ?? missing('client-role runner', def))(def, h);
    case 'outbound':
      return (s.outbound ?? missing('bot-outbound runner', def))(def, h.inSharedWorld(sharedWorldOf(def)));
    default:
      return unhandled(def);
  }
}

/** How much longer than the configured timeout a case of each kind may take. */
export function extraTimeoutMs(def: CaseDef, config: Pick<RunView, 'timeoutMs' | 'startupTimeoutMs'>): number {
  switch (def.kind) {
    case 'inbound':
      return def.retryWhileRefusedMs ?? 0;
    case 'lifecycle':
      // a hang fault, a burst of requests; a fresh SUT's start-up too (a cold start, or a case run
      // again on a fresh process after the run's broke: run-lifecycle.ts)
      return (def.retryWhileRefusedMs ?? 0) + 30_000 + config.startupTimeoutMs;
    case 'outbound':
      return 20_000; // several activities, an STS delay
    case 'client':
      return 2 * oneShotTimeoutMs(config); // its control's run and its own, each up to the deadline
    default:
      return unhandled(def);
  }
}

/** The case's result, with the run's secret redacted: nothing secret leaves the runner (the app
 *  password by value, the signing keys, any private key, by their PEM shape). */
export async function runAndRedact<Path extends string>(def: CaseDef<Path>, h: HarnessClient, s: SuiteContext<Path>): Promise<CaseResult> {
  return redactSecrets(await runOf(def, h, s), [h.state.appPassword]);
}

/** A key-lifecycle case that moves its SUT's clock and breaks its key server: these run one at a
 *  time in catalog order, on their world's SUT when the run gives them worlds (RunState.sharedWorlds). */
export const movesTheClock = (def: CaseDef): def is LifecycleCase => def.kind === 'lifecycle' && !def.coldStart;

/** A case whose key server hangs: it waits out the SUT's fetch timeout, or the deadline (the longest wait of a run). */
const keyServerHangs = (def: CaseDef): boolean => def.kind === 'lifecycle' && def.lifecycle.before.fault?.kind === 'hang';

/** The world a clock-moving key-lifecycle case runs in, when the run gives them worlds of their own:
 *  one they share, one at a time in catalog order (a case may be judged by what an earlier one left),
 *  and a world of its own for a case whose key server hangs (it waits out the SUT's fetch timeout, or
 *  the deadline: seconds no other case need wait behind). */
export const keyLifecycleWorldOf = (def: LifecycleCase): string => (keyServerHangs(def) ? `key-lifecycle-${def.id}` : 'key-lifecycle');

/** The cases with the longest wait first (a hung key server's), the others in their order: started
 *  first, the longest wait overlaps the rest of the run instead of trailing it. */
export const longestWaitFirst = <T extends CaseDef>(cases: T[]): T[] => [...cases.filter(keyServerHangs), ...cases.filter((c) => !keyServerHangs(c))];

/** The world started with the run that a case runs in, one at a time with the others naming it, in
 *  catalog order (RunState.sharedWorlds): a clock-moving key-lifecycle case's, or the world a
 *  bot-outbound case names (OutboundCaseSpec.world: a bot of its own, so that its waits overlap the
 *  other cases'). Undefined: the case runs on the run's SUT (or in a cold-start world of its own). */
export function sharedWorldOf(def: CaseDef): string | undefined {
  if (movesTheClock(def)) return keyLifecycleWorldOf(def);
  if (def.kind === 'outbound' && def.outbound.world) return `bot-outbound-${def.outbound.world}`;
  return undefined;
}

/** The shared worlds a run of these cases needs, in the order their first case comes. */
export const sharedWorldsOf = (cases: CaseDef[]): string[] => [...new Set(cases.map(sharedWorldOf).filter((w): w is string => w !== undefined))];

/** The worlds a run of these cases starts with itself (start-run.ts's StartOptions; both engines):
 *  the shared worlds, and the cold-start worlds of the run's longest waits (a hung key server's),
 *  started before their case asks, by the name it asks with (its id) and their key-set command. */
export const worldsStartedWithTheRun = (cases: CaseDef[]): { sharedWorlds: string[]; prestartedWorlds: Array<{ name: string; lifecycle: LifecycleCase['lifecycle']['before'] }> } => ({
  sharedWorlds: sharedWorldsOf(cases),
  prestartedWorlds: cases.filter((c): c is LifecycleCase => runsInItsOwnWorld(c) && keyServerHangs(c)).map((c) => ({ name: c.id, lifecycle: c.lifecycle.before })),
});

/** Where a case runs: side by side with the others, or one at a time in catalog order (key-lifecycle
 *  cases move the SUT's clock and break its key server: after the others, unless the run gives them
 *  worlds of their own; bot-outbound's share the bot's token cache, in its world or on the run's bot). */
export const runsAfterTheOthers = (def: CaseDef): boolean => movesTheClock(def) || def.kind === 'outbound';

/** A case in a world of its own (a fresh SUT against fakes already in a fault): started first, so
 *  that its waits (a process starting, a hung key server) overlap the other cases instead of trailing the run. */
export const runsInItsOwnWorld = (def: CaseDef): boolean => def.kind === 'lifecycle' && Boolean(def.coldStart);
