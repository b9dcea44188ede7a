// The worker's handle on the harness: the run state, the SUT endpoint and the control API.
import type { SutState } from '../servers/control';
import type { Hit } from '../servers/router';
import { readRunState, type RunState } from '../run/state';
import { send, SendError } from './http-send';

/** How long a SUT whose key server hangs may take to answer: its own fetch timeout comes first, and a
 *  deadline close to it would judge by the machine's load (a fail-open SUT that accepts after its 3 s
 *  timeout, on a busy machine, looked like one that never answered). */
export const hangDeadlineMs = (timeoutMs: number): number => Math.max(10_000, 2 * timeoutMs);

/** After this many timeouts in a row the SUT is taken as hung and cases fail fast. */
const HUNG_AFTER_TIMEOUTS = 3;

export class HarnessClient {
  readonly state: RunState;
  private consecutiveTimeouts = 0;

  private readonly sharedWorldClients = new Map<string, HarnessClient>();

  constructor(state: RunState = readRunState()) {
    this.state = state;
  }

  /** The client of a case that runs in a shared world (case-dispatch.ts's sharedWorldOf): that
   *  world's (RunState.sharedWorlds: its control, fakes and SUT), else (no such world in the run, or
   *  none named) this one. One per world and client, so that its count of timeouts lasts from case
   *  to case as that world's cases run one after another. */
  inSharedWorld(world: string | undefined): HarnessClient {
    const w = world === undefined ? undefined : this.state.sharedWorlds?.[world];
    if (!w || world === undefined) return this;
    let client = this.sharedWorldClients.get(world);
    if (!client) this.sharedWorldClients.set(world, (client = this.inWorld(w, world)));
    return client;
  }

  /** A client of another world of the run (its control, fakes and SUT); worlds are still asked of the run's control. */
  inWorld(w: { control: string; urls: Record<string, string>; sutUrl: string }, name?: string): HarnessClient {
    return new HarnessClient({ ...this.state, urls: { ...this.state.urls, ...w.urls, control: w.control }, sutUrl: w.sutUrl, sutEndpoints: undefined, sharedWorlds: undefined, worldsControl: this.state.worldsControl ?? this.state.urls.control, world: name });
  }

  async control<T>(path: string): Promise<T> {
    const res = await send('GET', `${this.state.urls.control}${path}`, {}, '', 5000, Infinity);
    return JSON.parse(res.body) as T;
  }

  /** A state-changing control call (the SUT's clock, the key set's lifecycle). */
  async controlPost<T>(path: string, body: unknown, timeoutMs = 15000): Promise<T> {
    const res = await send('POST', `${this.state.urls.control}${path}`, { 'content-type': 'application/json' }, JSON.stringify(body), timeoutMs, Infinity);
    if (res.status !== 200) throw new Error(`control ${path}: ${res.status} ${res.body.slice(0, 200)}`);
    return JSON.parse(res.body) as T;
  }

  /** The fakes' log of requests to `server` whose path includes `pathIncludes` (received at or after `since`, epoch ms, when given). */
  hits(server: string, pathIncludes: string, since = 0): Promise<Hit[]> {
    return this.control<Hit[]>(`/hits?server=${encodeURIComponent(server)}&path=${encodeURIComponent(pathIncludes)}&since=${since}`);
  }

  sutState(): Promise<SutState> {
    return this.control<SutState>('/sut');
  }

  /** Why the SUT is taken as hung (from this worker's own timeouts), or undefined. */
  hungReason(): string | undefined {
    return this.consecutiveTimeouts >= HUNG_AFTER_TIMEOUTS ? `the SUT stopped answering (${this.consecutiveTimeouts} requests in a row timed out)` : undefined;
  }

  /** Why the SUT cannot be asked anything now (hung, or its process exited), or undefined when it can. */
  async sutGone(): Promise<string | undefined> {
    const hung = this.hungReason();
    if (hung) return hung;
    const s = await this.sutState();
    return s.hung ?? (s.status === 'exited' ? s.reason : undefined);
  }

  /** After a request got no answer (its connection dropped or broke) from a SUT whose process still
   *  runs: whether it still serves. A plain request to its endpoint (no token) must get an answer,
   *  any status; undefined when it does, else why the SUT is gone (exited, hung, or answers nothing). */
  async goneAfterNoAnswer(): Promise<string | undefined> {
    const gone = await this.sutGone();
    if (gone) return gone;
    try {
      await this.sendToSut('POST', this.state.sutUrl, { 'content-type': 'application/json' }, '{}');
      return undefined;
    } catch (err) {
      return (await this.sutGone()) ?? `the SUT stopped answering: a request got no answer, and neither did a plain request sent to see whether it still serves (${(err as Error).message})`;
    }
  }

  async sendToSut(method: string, url: string, headers: Record<string, string>, body: string, timeoutMs = this.state.timeoutMs, abort?: AbortSignal) {
    try {
      const res = await send(method, url, headers, body, timeoutMs, undefined, false, abort);
      this.consecutiveTimeouts = 0;
      return res;
    } catch (err) {
      if (err instanceof SendError && err.kind === 'timeout' && ++this.consecutiveTimeouts === HUNG_AFTER_TIMEOUTS) {
        // Tell the runner, so the other workers (and the key-lifecycle cases' own worker) know at once.
        await this.controlPost('/sut/hung', { reason: this.hungReason() }).catch(() => undefined);
      }
      throw err;
    }
  }
}
