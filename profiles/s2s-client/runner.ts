// Runs one client-role case (s2s-client): the SUT, a one-shot client, is started in the case's
// scenario (once per scenario and run: the runner shares the run among the cases and workers that
// ask), then the case's named check judges what reached the fakes. The positive-control rule holds:
// unless the SUT completed the plain app-only scenario with a token signed by its certificate (and,
// for app+user cases, the plain app+user one with an outer token carrying such an actor), a case
// proves nothing and is `inconclusive`. The profile's own runner: its spec file hands it to the
// engine (defineClientSuite), which does not import it.
import { caseFilter, oneShotTimeoutMs, type RunView } from '../../harness/engine/run-view';
import { perRun } from '../../harness/engine/per-run';
import { authorityOf, CLIENT_ID, ISSUER_ID, scenarioEnv, scenarioNamed, scenarioTarget, sitePath, USER, type ClientScenario } from './facts';
import { oneShotProblem, type OneShotResult } from '../../harness/sut/one-shot';
import { authorizationShown } from '../../harness/results/redact';
import { decodeForEvidence } from '../../harness/tokens/compact';
import { ofKind, type CaseBase, type CaseDef, type CaseResult, type CaseRunner, type ClientCase } from '../../harness/engine/case-model';
import { caseIdentity } from '../../harness/engine/case-identity';
import { observe, type ClientCheck, type ClientExpect, type ClientObservation, type ClientVerdict } from './observation';
import type { HarnessClient } from '../../harness/engine/harness-client';
import { flatHeaders } from '../../harness/engine/http-send';
import { verdictOfFinding } from '../../harness/engine/finding-verdict';
import { positiveControlVerdict } from '../../harness/engine/positive-control';
import type { Verdict } from '../../harness/core/vocabulary';

/** A positive control: the control case of a path, whose check every case of the path needs to pass. */
export interface ClientControl {
  id: string;
  path: string;
  scenario: string;
  check: ClientCheck;
}

interface ScenarioOutcome {
  scenario: ClientScenario;
  expect: ClientExpect;
  /** Why its run proves nothing (the SUT hung or could not start). */
  runError?: string;
  o?: ClientObservation;
}

/** The server a scenario's requests are logged under (the port scenario reaches the same resource server). */
const logServerOf = (s: ClientScenario) => (s.server === 'resource-8443' ? 'resource' : s.server);

/** Each scenario observed once per worker (the runner starts it once per run anyway). */
const scenariosOf = perRun(() => ({ outcomes: new Map<string, Promise<ScenarioOutcome>>(), prefetching: false }));

function scenarioOutcome(name: string, h: HarnessClient, run: RunView): Promise<ScenarioOutcome> {
  const { outcomes } = scenariosOf(h.state);
  let p = outcomes.get(name);
  if (!p) outcomes.set(name, (p = observeScenario(name, h, run)));
  return p;
}

/** Scenarios run at a time by a worker's prefetch: each is a process start and two TLS requests, mostly waiting. */
const PREFETCH_CONCURRENCY = 3;

/** Starts the worker's scenarios, a few at a time and in the order given (the controls first), so
 *  that a case mostly finds its scenario's run done. A case whose scenario has not started yet
 *  starts it itself. */
export function prefetchScenarios(names: string[], controlScenarios: string[], h: HarnessClient, run: RunView): void {
  const scenarios = scenariosOf(h.state);
  if (scenarios.prefetching) return;
  scenarios.prefetching = true;
  const queue = [...new Set(names)];
  const next = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const o = await scenarioOutcome(name, h, run).catch(() => undefined);
      // A control that hung or could not start makes every case an error: no other scenario is needed.
      if (o?.runError && controlScenarios.includes(name)) queue.length = 0;
    }
  };
  for (let i = 0; i < PREFETCH_CONCURRENCY; i++) void next();
}

async function observeScenario(name: string, h: HarnessClient, config: RunView): Promise<ScenarioOutcome> {
  const scenario = scenarioNamed(name);
  if (!scenario) throw new Error(`no client scenario named ${name}`);
  const target = scenarioTarget(scenario, h.state.urls, config.endpoint);
  const client = h.state.keys.client;
  const expect: ClientExpect = {
    realm: scenario.realm,
    clientId: scenario.clientId,
    authority: authorityOf(target),
    issuerId: ISSUER_ID,
    ownId: CLIENT_ID,
    x5t: client.jwk.x5t,
    ...(scenario.user ? { user: USER } : {}),
  };
  const deadline = oneShotTimeoutMs(config);
  const run = await h.controlPost<OneShotResult>('/sut/once', { key: name, env: scenarioEnv(scenario, h.state.urls, config.endpoint) }, deadline + 15_000);
  const runError = oneShotProblem(run, deadline);
  if (runError) return { scenario, expect, runError };
  const [targetHits, decoyHits] = await Promise.all([h.hits(logServerOf(scenario), sitePath(scenario)), h.hits('attacker', sitePath(scenario))]);
  const o = await observe({ scenario: name, target, run, targetHits, decoyHits, certPem: client.certPem });
  return { scenario, expect, o };
}

export interface ClientJudgement {
  /** Why the case's own scenario run proves nothing: an `error`. */
  runError?: string;
  /** The positive controls it depends on: a control whose run proves nothing makes the case `error`,
   *  one whose check failed makes it `inconclusive`. */
  controls: Array<{ id: string; runError?: string; problem?: string }>;
  verdict?: ClientVerdict;
}

/** The verdict of a client case: a pure function of what was judged (unit-tested on its own). */
export function evaluateClient(def: Pick<CaseBase, 'expect'>, j: ClientJudgement): Verdict & { responseProblem?: string } {
  if (j.runError) return { outcome: 'error', reason: j.runError };
  // A control case is given no controls (runClientCase), so the rule finds nothing to block it.
  const blocked = positiveControlVerdict(false, j.controls.map((c) => ({ name: c.id, error: c.runError, problem: c.problem })));
  if (blocked) return blocked;
  const v = j.verdict;
  if (!v) return { outcome: 'error', reason: 'no verdict' };
  return verdictOfFinding(def.expect, v);
}

/** A verdict that cannot throw: a check that trips over something unexpected is a problem of the token, not a harness failure. */
function judge(check: ClientCheck, o: ClientObservation, x: ClientExpect): ClientVerdict {
  try {
    return check(o, x);
  } catch (err) {
    return { ok: false, problem: `the check could not read what was sent: ${(err as Error).message}` };
  }
}

function evidenceOf(s: ScenarioOutcome): CaseResult['evidence'] {
  const mutations = [
    `${s.scenario.name}: ${s.scenario.describe}`,
    ...s.scenario.challenge.map((c) => `challenge: WWW-Authenticate: ${c}`),
    ...(s.expect.user ? [`S2S_USER=${s.expect.user}`] : []),
  ];
  const evidence: CaseResult['evidence'] = { mutations };
  const o = s.o;
  if (!o) return evidence;
  mutations.splice(1, 0, `S2S_TARGET_URL=${o.target}`);
  // The token judged: the first the target received, else the first the decoy received.
  const sent = o.tokens[0];
  const hit = sent?.hit ?? o.decoyTokens[0] ?? o.requests[0];
  if (hit) {
    const headers = flatHeaders(hit.headers);
    evidence.request = { method: hit.method, url: `${hit.scheme ?? 'https'}://${hit.host}${hit.path}${hit.query}`, headers };
    const answered = (hit.note as { answered?: number; location?: string } | undefined) ?? {};
    if (answered.answered) evidence.response = { status: answered.answered, headers: answered.location ? { location: answered.location } : {}, body: '', ms: 0 };
  }
  const raw = sent?.token.raw ?? (o.decoyTokens[0] ? String(o.decoyTokens[0].headers.authorization).replace(/^\s*bearer\s+/i, '') : undefined);
  if (raw) evidence.token = { raw, ...decodeForEvidence(raw, sent?.actor?.claim ?? (sent?.outer ? 'actortoken' : undefined)) };
  if (o.decoyRequests.length) evidence.attackerRequests = o.decoyRequests.map((x) => ({ method: x.method, path: x.path, authorization: authorizationShown(x.headers.authorization) }));
  return evidence;
}

export async function runClientCase(def: ClientCase, h: HarnessClient, controls: ClientControl[], run: RunView): Promise<CaseResult> {
  const started = performance.now();
  const needed = def.isControl ? [] : controls.filter((c) => c.path === 'app-only' || c.path === def.path);
  const judgedControls: ClientJudgement['controls'] = [];
  for (const c of needed) {
    const s = await scenarioOutcome(c.scenario, h, run);
    if (s.runError) judgedControls.push({ id: c.id, runError: s.runError });
    else {
      const v = judge(c.check, s.o!, s.expect);
      judgedControls.push({ id: c.id, ...(v.ok === true ? {} : { problem: v.ok === false ? v.problem : v.why }) });
    }
    if (!s.o || judgedControls.at(-1)!.problem) break; // the first failing control decides
  }
  const blocked = judgedControls.some((c) => c.runError || c.problem);
  const own = blocked ? undefined : await scenarioOutcome(def.client.scenario, h, run);
  const verdict = own?.o ? judge(def.client.check, own.o, own.expect) : undefined;
  const v = evaluateClient(def, { runError: own?.runError, controls: judgedControls, verdict });

  const observed: CaseResult['observed'] = {};
  if (own?.o) {
    const r = own.o.run;
    observed.sutExit = { code: r.exitCode, ...(r.signal ? { signal: r.signal } : {}), ms: r.durationMs };
    observed.tokensSent = own.o.tokens.length;
    if (own.o.decoyRequests.length) observed.attackerFetches = own.o.decoyRequests.length;
    observed.note = `${own.o.requests.length} request(s) to the target, ${own.o.tokens.length} with a token; ${own.o.decoyRequests.length} to the decoy; the SUT exited ${r.exitCode ?? r.signal}${r.tail.length ? `; its last output: ${r.tail.at(-1)}` : ''}`;
  }
  if (v.responseProblem) observed.responseProblem = v.responseProblem;
  const evidence = own ? evidenceOf(own) : { mutations: [`${def.client.scenario}: not run (its positive control did not pass)`] };
  return { ...caseIdentity(def), outcome: v.outcome, reason: v.reason, observed, evidence, durationMs: Math.round(performance.now() - started) };
}

/** The runner of a client-role catalog's cases, for defineClientSuite: its positive controls (a
 *  catalog's control cases) and, on a case's first run in a worker, the prefetch of the scenarios
 *  this run needs (the selected cases' and their controls', the controls' first). */
export function clientRunner(catalog: CaseDef[], run: RunView): CaseRunner<ClientCase> {
  const cases = catalog.filter(ofKind('client'));
  const controls: ClientControl[] = cases.filter((c) => c.isControl).map((c) => ({ id: c.id, path: c.path, scenario: c.client.scenario, check: c.client.check }));
  const selected = cases.filter(caseFilter(run.grep));
  const scenarios = [...controls.filter((c) => c.path === 'app-only' || selected.some((x) => x.path === c.path)).map((c) => c.scenario), ...selected.map((c) => c.client.scenario)];
  return (def, h) => {
    prefetchScenarios(scenarios, controls.map((c) => c.scenario), h, run);
    return runClientCase(def, h, controls, run);
  };
}
