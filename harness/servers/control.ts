// The harness's control API (plain HTTP, loopback): test workers read the fakes' request logs
// and the SUT's state from the runner process through it.
import type { SutClock } from '../run/sut-clock';
import type { HitLog, Router } from './router';

export interface SutState {
  status: 'starting' | 'running' | 'exited' | 'external';
  exitCode?: number | null;
  signal?: string | null;
  reason?: string;
  /** Why a worker took the SUT as hung (it stopped answering), shared so other workers need not time out too. */
  hung?: string;
}

// Cold-start worlds (harness/run/cold-worlds.ts) are asked for and stopped over the run's control API.
/** What a worker gets back when it asks for a world. */
export interface ColdWorld {
  id: string;
  /** The world's own control server: /hits, /sut, and the profile's routes (/key-lifecycle). */
  control: string;
  urls: Record<string, string>;
  sutUrl: string;
  /** The fresh SUT never listened (it exited, or did not listen in time): why. */
  sutStartError?: string;
}

/** What the world leaves as evidence once stopped. */
export interface ColdWorldEvidence {
  /** The fresh SUT's output (redacted as the run's SUT log is), the last lines. */
  sutLog: string[];
  /** The fresh SUT's egress (requests to hosts other than the fakes), as the run's egress.jsonl records them. */
  egress: object[];
}

export function addControlRoutes(router: Router, log: HitLog, sutState: () => SutState, clock: SutClock): void {
  let hung: string | undefined;
  router
    .on('GET', /^\/hits$/, (req) => ({
      status: 200,
      body: log.query({
        server: req.url.searchParams.get('server') ?? undefined,
        pathIncludes: req.url.searchParams.get('path') ?? undefined,
        since: Number(req.url.searchParams.get('since') ?? 0),
      }),
    }))
    .on('GET', /^\/sut$/, () => ({ status: 200, body: { ...sutState(), ...(hung ? { hung } : {}) } }))
    .on('POST', /^\/sut\/hung$/, (req) => {
      hung ??= String(JSON.parse(req.body || '{}').reason ?? 'the SUT stopped answering');
      return { status: 200, body: {} };
    })
    // Moves the SUT's clock ahead; answers whether the SUT acknowledged it (a Node SUT with the preload).
    .on('POST', /^\/clock$/, async (req) => ({ status: 200, body: await clock.advance(Number(JSON.parse(req.body || '{}').advanceMs) || 0) }));
}
