// A case that runs on every endpoint of the run (InboundCase.endpoints 'all'): where it is sent, and
// one verdict from the verdicts per endpoint. A pure function, unit-tested on its own
// (tests/unit/endpoints.spec.ts). One endpoint that lets the request in fails the case, and the
// reason names it: a bypass on a legacy endpoint must not hide behind a well-guarded main one.
import type { CaseResult, EndpointEvidence } from './case-model';
import type { RunState } from '../run/state';

/** The endpoints a case with `endpoints: 'all'` is sent to: the run's list, else the main endpoint alone. */
export function endpointsOf(state: Pick<RunState, 'sutUrl' | 'sutEndpoints'>): Array<{ endpoint: string; url: string }> {
  if (state.sutEndpoints?.length) return state.sutEndpoints;
  const u = new URL(state.sutUrl);
  return [{ endpoint: `${u.pathname}${u.search}`, url: state.sutUrl }];
}

/** One verdict from the case's result on each endpoint (in the run's order, the main endpoint first):
 *  fail if any endpoint failed, else error if any erred, else inconclusive if any control was refused,
 *  else pass. The result's observation and evidence are those of the endpoint that decided it (the
 *  first that failed, erred or was inconclusive; on a pass, the first with a robustness finding, else
 *  the main one); evidence.endpoints holds every endpoint's. */
export function combineEndpoints(per: Array<{ endpoint: string; result: CaseResult }>): CaseResult {
  if (!per.length) throw new Error('a case run on every endpoint needs at least one endpoint');
  const having = (outcome: CaseResult['outcome']) => per.filter((p) => p.result.outcome === outcome);
  const failed = having('fail');
  const erred = having('error');
  const inconclusive = having('inconclusive');
  const robustness = (verdict: 'fail' | 'warn') => per.find((p) => p.result.observed.robustness?.verdict === verdict);
  const decisive = failed[0] ?? erred[0] ?? inconclusive[0] ?? robustness('fail') ?? robustness('warn') ?? per[0];
  const outcome = decisive.result.outcome;
  const some = failed.length ? failed : erred.length ? erred : inconclusive.length ? inconclusive : [];
  const on = (p: { endpoint: string; result: CaseResult }) => `${p.endpoint}: ${p.result.reason}`;
  const reason = some.length
    ? `on ${some.length} of ${per.length} endpoint(s): ${some.map(on).join('; ')}`
    : per.length === 1
      ? on(per[0])
      : `on every endpoint (${per.map((p) => p.endpoint).join(', ')}): ${[...new Set(per.map((p) => p.result.reason))].join('; ')}`;
  const endpoints: EndpointEvidence[] = per.map(({ endpoint, result: r }) => ({
    endpoint,
    outcome: r.outcome,
    reason: r.reason,
    ...(r.observed.status !== undefined ? { status: r.observed.status } : {}),
    ...(r.observed.controlStatus !== undefined ? { controlStatus: r.observed.controlStatus } : {}),
    ...(r.evidence.request ? { request: r.evidence.request } : {}),
    ...(r.evidence.response ? { response: r.evidence.response } : {}),
  }));
  const durationMs = per.reduce((n, p) => n + (p.result.durationMs ?? 0), 0);
  return { ...decisive.result, outcome, reason, evidence: { ...decisive.result.evidence, endpoints }, durationMs };
}
