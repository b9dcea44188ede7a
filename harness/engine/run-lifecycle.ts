// Runs one key-lifecycle case: check the positive control, change the Connector's key set or break
// its key server, move the SUT's clock past its refresh limits, send the case's request(s), put the
// key server right again, and judge from the answers and the key server's request log.
import { randomBytes } from 'node:crypto';
import type { ClockState } from '../run/sut-clock';
import { decodeForEvidence } from '../tokens/compact';
import { setHeader, signWithCert, signWithKey, type MutationContext } from '../tokens/mutations';
import { caseIdentity } from './case-identity';
import type { CaseResult, LifecycleCase, LifecycleScript } from './case-model';
import { droppedConnection, evaluate, inboundControl, isAccept, type Observation } from './evaluate';
import { brokenSinceVerdict, controlPassed, type BrokenSince } from './positive-control';
import { hangDeadlineMs, type HarnessClient } from './harness-client';
import { isNoAnswer } from './http-send';
import { afterRun, readHistory, writeHistory } from './lifecycle-history';
import { controlEvidence, sendControl } from './send-control';
import { mutatedRequest, type BaselineFn } from './run-case';
import { RETRY_INTERVAL_MS, waitOnPurpose } from './deliberate-wait';
import { askForWorld, stopWorld } from './world-request';
import { BurstWatchdog } from './burst-watchdog';

/** How far a case isolated from the earlier ones moves the SUT's clock: past the longest cache the
 *  cases assume (a day), so nothing an earlier case left in the SUT's caches is still fresh. */
export const ISOLATION_ADVANCE_MS = 24 * 3600_000 + 60_000;

/** How long the SUT may take to answer the case's request: longer while its key server hangs (harness-client.ts's hangDeadlineMs). */
export const answerDeadlineMs = (lc: Pick<LifecycleScript, 'before'>, timeoutMs: number): number => (lc.before.fault?.kind === 'hang' ? hangDeadlineMs(timeoutMs) : timeoutMs);

export async function runLifecycleCase<Path extends string>(def: LifecycleCase<Path>, h: HarnessClient, baseline: BaselineFn<Path>): Promise<CaseResult> {
  const lc = def.lifecycle;
  const started = performance.now();
  const o: Observation = {};
  const notes: string[] = [];
  const keyHeader = lc.keyServer.keyHeader ?? 'kid';
  const evidence: CaseResult['evidence'] = { mutations: [...def.mutations.map((m) => m.describe), `signed by key "${lc.signWith}"${lc.randomKid ? `, ${keyHeader} a fresh random value each time` : ''}`] };
  let clock: ClockState = { offsetMs: 0, acknowledged: false };
  let fetchedDuringFault = 0;
  let jwksFetches = 0;
  let accepted = 0;
  let sent = 0;
  let probe: string | undefined;
  let dropped: string | undefined;

  // Tokens are dated by the SUT's clock, which the case moves ahead. A SUT that never acknowledged
  // the move (not a Node SUT with the clock preload) still lives in real time: its tokens are dated so.
  const ctx = (): MutationContext => ({ keys: h.state.keys, attackerOrigin: h.state.urls.attacker, caseId: def.id, now: Math.floor((Date.now() + (clock.acknowledged ? clock.offsetMs : 0)) / 1000) });
  // The case's request: the usual mutated baseline (run-case), signed by the case's key (named by
  // kid, or by x5t where keys are certificates), maybe under a random kid or x5t.
  const randomKid = setHeader(keyHeader, () => randomBytes(20).toString('base64url'), 'a fresh random value');
  const signWith = keyHeader === 'x5t' ? signWithCert : signWithKey;
  const request = (key: string, withRandomKid = false) =>
    mutatedRequest({ ...def, mutations: [...def.mutations, signWith(key), ...(withRandomKid ? [randomKid] : [])] }, baseline, ctx(), h);

  const sendTheControl = async (): Promise<void> => {
    await sendControl(h, request(lc.controlKey ?? lc.keyServer.controlKey).req, o);
    evidence.control = controlEvidence(o);
  };
  const history = readHistory(h.state.urls.control);
  let broken: BrokenSince | undefined;
  o.sutGone = h.hungReason() ?? (await h.sutGone());
  if (!o.sutGone) {
    // The control first, by the SUT's clock as it stands (so it cannot trigger the refresh the case is about).
    clock = await h.controlPost<ClockState>('/clock', { advanceMs: 0 });
    await sendTheControl();
    const first = inboundControl(o).problem;
    if (first && !o.sutGone && history.lastRan) {
      // The SUT took the valid token in an earlier case and refuses it now: it broke there. Isolate
      // this case from the earlier ones (the key server put right, the SUT's clock past its caches)
      // and ask again, so that it is judged on its own if the SUT can still recover.
      await h.controlPost('/key-lifecycle', { fault: null });
      clock = await h.controlPost<ClockState>('/clock', { advanceMs: ISOLATION_ADVANCE_MS });
      const isolation = clock.acknowledged
        ? 'the key server put right and the SUT\'s clock a day on'
        : 'the key server put right (the SUT never acknowledged its clock being moved a day on)';
      o.controlStatus = o.controlDropped = undefined;
      await sendTheControl();
      const again = inboundControl(o);
      if (controlPassed(again)) notes.push(`the positive control ${first} at first (after ${history.lastRan.id}); it passed with ${isolation}, and the case was judged on its own`);
      else if (again.problem) {
        const recoveryFrom = def.expect === 'accept' ? history.unservedKeys[lc.signWith] : undefined;
        broken = { since: history.lastRan.id, fault: history.lastRan.fault, recoveryFrom, isolation, problem: again.problem };
      }
    }
  }

  // A SUT broken for good in an earlier case cannot judge this one (unless it is the case about
  // recovering from that): it is judged on a fresh process instead, where the run can start one.
  if (broken && !broken.recoveryFrom) {
    const fresh = await onAFreshProcess(def, h, baseline, broken);
    if (fresh) return { ...fresh, durationMs: Math.round(performance.now() - started) };
  }

  // The positive-control rule (positive-control.ts): the case runs only after its control passed;
  // evaluate gives the verdict of one that did not.
  if (!o.sutGone && controlPassed(inboundControl(o))) {
    writeHistory(h.state.urls.control, afterRun(history, def.id, lc));
    const since = Date.now();
    await h.controlPost('/key-lifecycle', lc.before);
    // Then time passes for the SUT, past the refresh limit the case needs out of the way.
    clock = await h.controlPost<ClockState>('/clock', { advanceMs: lc.advanceClockMs });
    try {
      const { count, concurrency } = lc.requests ?? { count: 1, concurrency: 1 };
      // Every request is signed before the first leaves, so a burst really arrives at once.
      const prepared = Array.from({ length: count }, () => request(lc.signWith, lc.randomKid));
      // Concurrent requests are timed as a burst (burst-watchdog.ts), one at a time each on its own.
      const answerMs = answerDeadlineMs(lc, h.state.timeoutMs);
      let watchdog = concurrency > 1 ? new BurstWatchdog(answerMs) : undefined;
      const inBurstMs = BurstWatchdog.requestDeadlineMs(answerMs, concurrency);
      const sendOne = async (prep = request(lc.signWith, lc.randomKid)): Promise<void> => {
        const { token, req } = prep;
        evidence.token ??= { raw: token, ...decodeForEvidence(token) };
        evidence.request ??= { method: req.method, url: req.url, headers: req.headers };
        let res;
        try {
          res = await h.sendToSut(req.method, req.url, req.headers, req.body, watchdog ? inBurstMs : answerMs, watchdog?.signal);
          watchdog?.progress();
        } catch (err) {
          if (!isNoAnswer(err)) throw err;
          dropped ??= err.message; // judged once the requests are done: a live SUT's dropped connection is a finding
          sent++;
          return;
        }
        sent++;
        if (isAccept(res.status)) accepted++;
        // The answer judged: an acceptance if there was one (a reject case fails on any), else the last.
        if (o.status === undefined || !isAccept(o.status)) {
          o.status = res.status;
          evidence.response = res;
        }
      };
      let next = 0;
      try {
        await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
          while (next < count) await sendOne(prepared[next++]);
        }));
      } finally {
        watchdog?.stop();
        watchdog = undefined; // the probes and retries after the burst are single requests
      }
      if (lc.probeClockMs) probe = await probeAcceptance(lc, clock, async (advanceMs) => {
        clock = await h.controlPost<ClockState>('/clock', { advanceMs });
        o.status = undefined;
        await sendOne();
        return { status: o.status as number | undefined, offsetMs: clock.offsetMs };
      }, o.status);
      if (def.retryWhileRefusedMs) {
        const until = Date.now() + def.retryWhileRefusedMs;
        o.attempts = 1;
        while (o.status !== undefined && !isAccept(o.status) && Date.now() < until) {
          await waitOnPurpose(RETRY_INTERVAL_MS);
          o.status = undefined;
          await sendOne();
          o.attempts++;
        }
      }
      if (dropped) {
        evidence.noAnswer = droppedConnection(dropped);
        if ((o.sutGone = await h.goneAfterNoAnswer())) o.error = dropped;
        else o.dropped = dropped;
      }
    } catch (err) {
      o.error = (err as Error).message;
      o.sutGone = await h.sutGone();
    } finally {
      const during = await h.hits(lc.keyServer.server, '/', since);
      fetchedDuringFault = during.filter((x) => (lc.mustFetchDuringFault === 'metadata' ? lc.keyServer.metadata : lc.keyServer.jwks).test(x.path)).length;
      await h.controlPost('/key-lifecycle', lc.after);
    }
    jwksFetches = (await h.hits(lc.keyServer.server, '/', since)).filter((x) => lc.keyServer.jwks.test(x.path)).length;
    const elsewhere = (await h.hits('plain-http-keys', '/', since)).length + (await h.hits('untrusted-tls-keys', '/', since)).length;
    if (elsewhere) notes.push(`the SUT fetched keys ${elsewhere} time(s) from the plain-HTTP or untrusted-certificate key server`);
    if (lc.requests) notes.push(`${accepted} of ${sent} request(s) accepted`);
  }

  const verdict = judge(def, lc, o, { clock, fetchedDuringFault, jwksFetches, probe, broken });
  verdict.observed.fetches = jwksFetches;
  if (notes.length) verdict.observed.note = [verdict.observed.note, ...notes].filter(Boolean).join('; ');
  return { ...caseIdentity(def), ...verdict, evidence, durationMs: Math.round(performance.now() - started) };
}

export interface Seen {
  clock: ClockState;
  fetchedDuringFault: number;
  jwksFetches: number;
  /** What a probing case found: how long the token stayed accepted. */
  probe?: string;
  /** The control was refused although an earlier case's passed, and still after isolation. */
  broken?: BrokenSince;
}

const hoursOf = (ms: number) => `${Number((ms / 3600_000).toFixed(2))} h`;

/** Moves the clock on step by step while the token is still accepted; says when it was last accepted and first refused. */
async function probeAcceptance(lc: LifecycleScript, start: ClockState, sendAfter: (advanceMs: number) => Promise<{ status?: number; offsetMs: number }>, firstStatus?: number): Promise<string> {
  const base = start.offsetMs - lc.advanceClockMs; // the clock before the case moved it
  const said = (status?: number) => (status === undefined ? 'no answer (connection dropped)' : isAccept(status) ? 'accepted' : `refused (${status})`);
  const seen: string[] = [`${said(firstStatus)} ${hoursOf(lc.advanceClockMs)} on`];
  let status = firstStatus;
  for (const step of lc.probeClockMs ?? []) {
    if (status === undefined || !isAccept(status)) break;
    const r = await sendAfter(step);
    status = r.status;
    seen.push(`${said(status)} ${hoursOf(r.offsetMs - base)} on`);
  }
  const verdict = status !== undefined && isAccept(status) ? 'still accepted at the last step' : 'refused from then on';
  return `by the SUT's clock after the change: ${seen.join(', ')} (${verdict})`;
}

/** The lifecycle's own conditions first (was the fault exercised, could the clock move, fetch counts), then the usual verdict. */
export function judge(def: LifecycleCase, lc: LifecycleScript, o: Observation, seen: Seen): ReturnType<typeof evaluate> {
  const base = { status: o.status, controlStatus: o.controlStatus };
  if (seen.broken && !o.sutGone) return { ...brokenSinceVerdict(seen.broken), observed: base };
  const ran = !o.sutGone && controlPassed(inboundControl(o));
  const keysDocument = lc.keyServer.keysDocument ?? 'keys document';
  const clockNote = seen.clock.acknowledged ? '' : ' (the SUT never acknowledged its clock being moved: not a Node SUT started with the harness\'s preload, so its refresh limits may still hold)';
  if (ran && lc.mustFetchDuringFault && !seen.fetchedDuringFault)
    return { outcome: 'inconclusive', reason: `the SUT did not fetch the ${lc.mustFetchDuringFault === 'jwks' ? keysDocument : 'metadata'} while the key server was faulty, so failing closed was not exercised${clockNote}`, observed: base };
  // A hung key server: no answer within the deadline is a refusal, if a slow one.
  if (ran && o.error && !o.sutGone && lc.before.fault?.kind === 'hang' && def.expect === 'reject')
    return { outcome: 'pass', reason: `no answer within the deadline while the key server hung (not an acceptance)`, observed: { ...base, robustness: { verdict: 'warn', detail: `did not answer within the deadline while its key server hung: ${o.error}` } } };
  if (ran && !o.error && lc.jwksFetches?.max !== undefined && seen.jwksFetches > lc.jwksFetches.max)
    return { outcome: 'fail', reason: `fetched the ${keysDocument} ${seen.jwksFetches} times (at most ${lc.jwksFetches.max} expected)`, observed: base };
  if (ran && !o.error && lc.jwksFetches?.min !== undefined && seen.jwksFetches < lc.jwksFetches.min)
    return seen.clock.acknowledged
      ? { outcome: 'fail', reason: `did not fetch the ${keysDocument} again (${seen.jwksFetches} fetches; at least ${lc.jwksFetches.min} expected)`, observed: base }
      : { outcome: 'inconclusive', reason: `no refetch of the ${keysDocument}${clockNote}`, observed: base };
  // A probing case reports what it found (INFO); it cannot say much with a clock that never moved.
  if (ran && !o.error && seen.probe) return { outcome: 'pass', reason: `informational: ${seen.probe}${clockNote}`, observed: base };
  const verdict = evaluate(def, o);
  // With its clock unmoved, a SUT may rightly still be within its refresh limits: a new key not yet
  // fetched, or a withdrawn key still in its cache. (A fault case is different: the SUT did fetch.)
  const waitsOnTheClock = def.expect === 'accept' || (Boolean(lc.before.withdraw?.length) && !lc.mustFetchDuringFault);
  if (verdict.outcome === 'fail' && waitsOnTheClock && !seen.clock.acknowledged)
    return { outcome: 'inconclusive', reason: `${verdict.reason}${clockNote}`, observed: verdict.observed };
  return verdict;
}

/** The case on a fresh SUT process in a world of its own (harness/run/cold-worlds.ts, healthy, its
 *  clock movable as the run's is), when the run's key-lifecycle SUT broke for good in an earlier case:
 *  one breakage must not make every later case inconclusive (the recovery case still fails on it).
 *  Undefined when no such process can be had (--target; a SUT that did not start): the case is then
 *  judged inconclusive on the broken one, as it says. */
async function onAFreshProcess<Path extends string>(def: LifecycleCase<Path>, h: HarnessClient, baseline: BaselineFn<Path>, broken: BrokenSince): Promise<CaseResult | undefined> {
  const asked = await askForWorld(h, `${def.id}-fresh`, {}).catch(() => undefined);
  if (!asked || !('world' in asked)) return undefined;
  const { world } = asked;
  let result: CaseResult | undefined;
  try {
    if (!world.sutStartError) result = await runLifecycleCase(def, h.inWorld(world), baseline);
  } finally {
    const left = await stopWorld(h, world);
    if (result && left) result.evidence.world = { hits: [], ...left };
  }
  if (!result) return undefined;
  const why = `judged on a fresh SUT process: the run's refuses every token since ${broken.since}${broken.fault ? ` (whose key server played ${broken.fault})` : ''}, still with ${broken.isolation}`;
  result.observed.note = [why, result.observed.note].filter(Boolean).join('; ');
  return result;
}
