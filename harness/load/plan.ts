// Every request of a load run, built and signed before the clock starts: signing is the harness's
// cost, not the SUT's, so it must not count in the SUT's latency or throughput. Each request gets a
// token of its own, so a SUT that caches verified tokens gains nothing it would not gain in service.
import { renderRequest } from '../engine/run-case';
import type { RunState } from '../run/state';
import { renderToken, type TokenDraft } from '../tokens/draft';
import type { MutationContext } from '../tokens/mutations';
import { BASELINES, type ProfileName } from '../../profiles/registry';
import { makeDecoy } from './decoy';

/**
 * Every token is distinct without a claim the baseline does not have (a jti would be one more thing
 * a SUT may refuse or remember): request i is issued `i mod SPREAD_S` seconds in the past, which
 * shifts nbf/iat/exp together, and after each SPREAD_S requests exp moves one second later still.
 * Every baseline stays valid: lifetimes are 1 h or 12 h, and neither the reference SUTs nor the SDKs
 * limit how old a token may be.
 * Bodies differ as well (activity and conversation ids carry the request's index).
 */
export const SPREAD_S = 600;

export interface PlannedRequest {
  /** 1-based position in the run; 0 is the warm-up. */
  index: number;
  decoy: boolean;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadPlan {
  warmUp: PlannedRequest;
  requests: PlannedRequest[];
  /** Distinct tokens among all sent, the warm-up's included (requests + 1, as planned: a SUT caching
   *  verified tokens would gain from repeats). */
  distinctTokens: number;
}

export interface PlanOptions {
  state: RunState;
  path: string;
  requests: number;
  /** Every decoyEvery-th request (10th, 20th, …) is a decoy; 0 means none. */
  decoyEvery: number;
  /** Unix seconds; defaults to now. */
  now?: number;
}

export const isDecoy = (index: number, decoyEvery: number): boolean => decoyEvery > 0 && index > 0 && index % decoyEvery === 0;

export function planRequests(opts: PlanOptions): LoadPlan {
  const { state } = opts;
  const baseline = BASELINES[state.profile as ProfileName].baseline;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const build = (index: number): PlannedRequest => {
    const ctx: MutationContext = { keys: state.keys, attackerOrigin: state.urls.attacker, caseId: index === 0 ? 'load-warmup' : `load-${index}`, now: now - (index % SPREAD_S) };
    const draft = baseline(opts.path, ctx, state);
    expireLater(draft.token, Math.floor(index / SPREAD_S));
    const decoy = isDecoy(index, opts.decoyEvery);
    if (decoy) makeDecoy(draft, state.keys);
    const token = renderToken(draft.token, state.keys);
    tokens.add(token);
    return { index, decoy, ...renderRequest(draft, token, state.sutUrl) };
  };
  const tokens = new Set<string>();
  const warmUp = build(0);
  const requests = Array.from({ length: opts.requests }, (_, i) => build(i + 1));
  return { warmUp, requests, distinctTokens: tokens.size };
}

/** exp `seconds` later in every layer, in the type the baseline chose (a number, or decimal digits as S2S tokens carry). */
function expireLater(token: TokenDraft, seconds: number): void {
  if (seconds === 0) return;
  for (let t: TokenDraft | undefined = token; t; t = t.embed?.token) {
    const exp = t.claims.exp;
    if (typeof exp === 'number') t.claims.exp = exp + seconds;
    else if (typeof exp === 'string' && /^\d+$/.test(exp)) t.claims.exp = String(Number(exp) + seconds);
  }
}
