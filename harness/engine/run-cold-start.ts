// Runs one cold-start case (LifecycleCase.coldStart, issue 18): the path's positive control on the
// run's SUT, then a world of the case's own from the run's main process (harness/run/cold-worlds.ts:
// fresh fakes already in the fault, a fresh SUT process from the run's --sut command), the case's
// token sent to that process, the world stopped. Judged as its lifecycle twin is (run-lifecycle.ts's
// judge: the faulty document must have been fetched; refused = pass, accepted = FAIL, a hang's silence
// a warning), plus what only a fresh process can show: it exited on meeting the fault (not an
// acceptance; a robustness failure, as a dropped connection is). With --target there is no command
// to start a process with: the case is not run and says why.
import { decodeForEvidence } from '../tokens/compact';
import { signWithCert, signWithKey, type MutationContext } from '../tokens/mutations';
import type { ColdWorldEvidence } from '../servers/control';
import { caseIdentity } from './case-identity';
import type { CaseResult, LifecycleCase } from './case-model';
import { droppedConnection, evaluate, inboundControl, type Observation } from './evaluate';
import type { HarnessClient } from './harness-client';
import { isNoAnswer } from './http-send';
import { controlPassed } from './positive-control';
import { answerDeadlineMs, judge } from './run-lifecycle';
import { mutatedRequest, type BaselineFn } from './run-case';
import { controlEvidence, sendControl } from './send-control';
import { askForWorld, stopWorld } from './world-request';

export async function runColdStartCase<Path extends string>(def: LifecycleCase<Path>, h: HarnessClient, baseline: BaselineFn<Path>): Promise<CaseResult> {
  const lc = def.lifecycle;
  const started = performance.now();
  const o: Observation = {};
  const signWith = lc.keyServer.keyHeader === 'x5t' ? signWithCert : signWithKey;
  const evidence: CaseResult['evidence'] = { mutations: [`signed by key "${lc.signWith}"`, 'sent to a fresh SUT process whose key server was in the fault from its start'] };
  const done = (verdict: ReturnType<typeof evaluate>): CaseResult => ({ ...caseIdentity(def), ...verdict, evidence, durationMs: Math.round(performance.now() - started) });
  const ctx = (hc: HarnessClient): MutationContext => ({ keys: hc.state.keys, attackerOrigin: hc.state.urls.attacker, caseId: def.id, now: Math.floor(Date.now() / 1000) });

  // The positive control, on the run's SUT in the run's healthy world: the same command takes the
  // path's valid token, so a refusal in the faulty world is the fault's doing.
  o.sutGone = h.hungReason() ?? (await h.sutGone());
  if (!o.sutGone) {
    await sendControl(h, mutatedRequest({ ...def, mutations: [signWith(lc.controlKey ?? lc.keyServer.controlKey)] }, baseline, ctx(h), h).req, o);
    evidence.control = controlEvidence(o);
  }
  if (o.sutGone || !controlPassed(inboundControl(o))) return done(evaluate(def, o));

  const asked = await askForWorld(h, def.id, lc.before);
  if ('unavailable' in asked) return done({ outcome: 'inconclusive', reason: asked.unavailable, observed: { controlStatus: o.controlStatus } });
  if ('error' in asked) return done({ outcome: 'error', reason: asked.error, observed: { controlStatus: o.controlStatus } });
  const { world } = asked;
  const w = h.inWorld(world);

  let exited: string | undefined = world.sutStartError;
  let fetchedDuringFault = 0;
  let jwksFetches = 0;
  let left: ColdWorldEvidence | undefined;
  try {
    if (!exited) {
      const { token, req } = mutatedRequest({ ...def, mutations: [signWith(lc.signWith)] }, baseline, ctx(w), w);
      evidence.token = { raw: token, ...decodeForEvidence(token) };
      evidence.request = { method: req.method, url: req.url, headers: req.headers };
      try {
        const res = await w.sendToSut(req.method, req.url, req.headers, req.body, answerDeadlineMs(lc, w.state.timeoutMs));
        o.status = res.status;
        evidence.response = res;
      } catch (err) {
        if (isNoAnswer(err)) {
          evidence.noAnswer = droppedConnection(err.message);
          const gone = await w.goneAfterNoAnswer();
          if (gone && (await exitedSoon(w))) exited = (await w.sutState()).reason ?? gone;
          else if (gone) o.error = gone;
          else o.dropped = err.message;
        } else o.error = (err as Error).message; // a timeout: judge() reads it against a hung key server
      }
      const state = exited ? undefined : await w.sutState();
      if (state?.status === 'exited') exited = state.reason;
    }
    const hits = await w.hits('', '/');
    const keyServerHits = hits.filter((x) => x.server === lc.keyServer.server && (lc.keyServer.metadata.test(x.path) || lc.keyServer.jwks.test(x.path)));
    const altHits = hits.filter((x) => x.server === 'plain-http-keys' || x.server === 'untrusted-tls-keys');
    fetchedDuringFault = keyServerHits.filter((x) => (lc.mustFetchDuringFault === 'metadata' ? lc.keyServer.metadata : lc.keyServer.jwks).test(x.path)).length;
    jwksFetches = keyServerHits.filter((x) => lc.keyServer.jwks.test(x.path)).length;
    evidence.world = { hits: [...keyServerHits, ...altHits].map(({ at, server, method, path }) => ({ at, server, method, path })), sutLog: [], egress: [], ...(world.sutStartError ? { sutStartError: world.sutStartError } : {}) };
  } finally {
    left = await stopWorld(h, world);
  }
  if (evidence.world && left) Object.assign(evidence.world, left);

  const observed: CaseResult['observed'] = { status: o.status, controlStatus: o.controlStatus, fetches: jwksFetches };
  const faultyDocument = lc.mustFetchDuringFault === 'jwks' ? (lc.keyServer.keysDocument ?? 'keys document') : 'metadata';
  if (exited) {
    // A process of the case's own that is gone: it met the fault (it fetched the faulty document) and
    // exited on it, which accepted nothing but takes the service down; else it never got that far.
    if (!fetchedDuringFault) return done({ outcome: 'error', reason: `the fresh SUT process did not serve before fetching the ${faultyDocument}: ${exited}`, observed });
    return done({
      outcome: 'pass',
      reason: `not accepted: the fresh SUT process exited after fetching the faulty ${faultyDocument} (${exited}); a robustness failure`,
      observed: { ...observed, accepted: false, robustness: { verdict: 'fail', detail: `the SUT process exited on meeting the key server's fault (${exited}): a robustness failure; the token was not accepted` } },
    });
  }
  const verdict = judge(def, lc, o, { clock: { offsetMs: 0, acknowledged: true }, fetchedDuringFault, jwksFetches });
  verdict.observed.fetches = jwksFetches;
  const elsewhere = evidence.world?.hits.filter((x) => x.server !== lc.keyServer.server).length;
  if (elsewhere) verdict.observed.note = [verdict.observed.note, `the SUT fetched keys ${elsewhere} time(s) from the plain-HTTP or untrusted-certificate key server`].filter(Boolean).join('; ');
  return done(verdict);
}

/** Whether the world's SUT process has exited, or does within a second (a process that closed its
 *  connections as it died is seen to exit a moment later). */
async function exitedSoon(w: HarnessClient): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    if ((await w.sutState()).status === 'exited') return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
