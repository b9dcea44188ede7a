// Runs one case: the positive control for its path, then the mutated request, then the verdict.
import { authorizationShown } from '../results/redact';
import { decodeForEvidence } from '../tokens/compact';
import { renderToken, type CaseDraft, type TokenPlacement } from '../tokens/draft';
import type { MutationContext } from '../tokens/mutations';
import type { CaseBase, CaseResult, InboundCase } from './case-model';
import { caseIdentity } from './case-identity';
import { droppedConnection, evaluate, isAccept, type Observation } from './evaluate';
import { isNoAnswer } from './http-send';
import type { RunState } from '../run/state';
import type { HarnessClient } from './harness-client';
import { awaitReplies, countActionRecords, countReplies, graceForStrayReplies, serverOf, waitForStrayReplies } from './replies';
import { combineEndpoints, endpointsOf } from './endpoints';
import { readBearerChallenge } from './challenge';
import { controlEvidence, sendControl } from './send-control';
import { RETRY_INTERVAL_MS, waitOnPurpose } from './deliberate-wait';
import { perRun } from './per-run';

export type BaselineFn<Path extends string> = (path: Path, ctx: MutationContext, state: RunState) => CaseDraft;

interface RenderedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function placeToken(auth: TokenPlacement, token: string, url: URL, headers: Record<string, string>): void {
  switch (auth.in) {
    case 'authorization':
      headers.authorization = auth.scheme ? `${auth.scheme} ${token}` : token;
      break;
    case 'authorization-raw':
      headers.authorization = auth.value.replace('{token}', token);
      break;
    case 'query':
      url.searchParams.set(auth.name, token);
      break;
    case 'header':
      headers[auth.name] = auth.scheme ? `${auth.scheme} ${token}` : token;
      break;
    case 'body':
    case 'nowhere':
      break;
  }
}

/** A token carried in the body (RFC 6750 §2.2): a JSON member next to the activity's fields, or a form field. */
function bodyWithToken(auth: { name: string; form?: boolean }, token: string, activity: Record<string, unknown>, method: string): { method: 'GET' | 'POST'; contentType: string; body: string } {
  if (auth.form || method === 'GET') {
    const form = new URLSearchParams(Object.entries(activity).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    form.set(auth.name, token);
    return { method: 'POST', contentType: 'application/x-www-form-urlencoded', body: form.toString() };
  }
  return { method: 'POST', contentType: 'application/json', body: JSON.stringify({ ...activity, [auth.name]: token }) };
}

export function renderRequest(draft: CaseDraft, token: string, sutUrl: string): RenderedRequest {
  const url = new URL(sutUrl);
  const auth = draft.request.auth;
  if (auth.in === 'body') {
    const b = bodyWithToken(auth, token, draft.request.activity, draft.request.method ?? 'POST');
    return { method: b.method, url: url.href, headers: { ...draft.request.headers, 'content-type': b.contentType }, body: b.body };
  }
  const method = draft.request.method ?? 'POST';
  const headers: Record<string, string> = method === 'GET' ? {} : { 'content-type': 'application/json' };
  Object.assign(headers, draft.request.headers);
  placeToken(draft.request.auth, token, url, headers);
  return { method, url: url.href, headers, body: method === 'GET' ? '' : JSON.stringify(draft.request.activity) };
}

/** A fresh baseline of the case's path with the case's mutations applied, signed and rendered (sent to sutUrl, default the main endpoint). */
export function mutatedRequest<Path extends string>(def: Pick<CaseBase<Path>, 'path' | 'mutations'>, baseline: BaselineFn<Path>, c: MutationContext, h: HarnessClient, sutUrl = h.state.sutUrl) {
  const draft = baseline(def.path, c, h.state);
  for (const m of def.mutations) m.apply(draft, c);
  const token = renderToken(draft.token, h.state.keys);
  return { draft, token, req: renderRequest(draft, token, sutUrl) };
}

/** One control token per path per worker and run: valid for an hour, re-signed after half of that. */
const controlTokensOf = perRun(() => new Map<string, { token: string; until: number }>());

export async function runCase<Path extends string>(def: InboundCase<Path>, h: HarnessClient, baseline: BaselineFn<Path>): Promise<CaseResult> {
  if (def.endpoints !== 'all') return runCaseAt(def, h, baseline, h.state.sutUrl);
  // The same case, control first, on each endpoint in turn: one verdict naming the endpoints that failed.
  const per: Array<{ endpoint: string; result: CaseResult }> = [];
  for (const e of endpointsOf(h.state)) per.push({ endpoint: e.endpoint, result: await runCaseAt(def, h, baseline, e.url) });
  return combineEndpoints(per);
}

/** The case at one endpoint of the SUT: its path's positive control there, then the mutated request. */
async function runCaseAt<Path extends string>(def: InboundCase<Path>, h: HarnessClient, baseline: BaselineFn<Path>, sutUrl: string): Promise<CaseResult> {
  const started = performance.now();
  const c: MutationContext = { keys: h.state.keys, attackerOrigin: h.state.urls.attacker, caseId: def.id, now: Math.floor(Date.now() / 1000) };
  const o: Observation = {};
  const evidence: CaseResult['evidence'] = { mutations: def.mutations.map((m) => m.describe) };

  // The SUT's state is asked of the runner only after a request fails: a healthy run pays nothing for it.
  o.sutGone = h.hungReason();
  if (!o.sutGone && !def.isControl) {
    const draft = baseline(def.path, c, h.state);
    const controlTokens = controlTokensOf(h.state);
    let cached = controlTokens.get(def.path);
    if (!cached || cached.until < c.now) controlTokens.set(def.path, (cached = { token: renderToken(draft.token, h.state.keys), until: c.now + 1800 }));
    const req = renderRequest(draft, cached.token, sutUrl);
    // The control's reply (or record of its action): what the refused request must not cause.
    if ((await sendControl(h, req, o)) && o.controlStatus! < 300 && (def.noReplyAfterRefusal || def.actionRecord)) o.controlReplies = await awaitReplies(h, draft.request.activity, def.actionRecord);
    evidence.control = controlEvidence(o);
  }

  if (!o.sutGone && !o.controlError && !o.controlDropped && (def.isControl || (o.controlStatus ?? 0) < 300) && def.readChallenge) {
    try {
      const read = await readBearerChallenge(h, baseline(def.path, c, h.state).request.method ?? 'POST', sutUrl);
      c.challenge = read.params;
      evidence.challenge = read.evidence;
    } catch (err) {
      o.error = (err as Error).message;
      o.sutGone ??= await h.sutGone();
    }
  }

  if (!o.sutGone && !o.error && !o.controlError && !o.controlDropped && (def.isControl || (o.controlStatus ?? 0) < 300)) {
    const { draft, token, req } = mutatedRequest(def, baseline, c, h, sutUrl);
    evidence.token = { raw: token, ...decodeForEvidence(token, draft.token.embed?.claim) };
    evidence.request = { method: req.method, url: req.url, headers: req.headers };
    try {
      const res = await h.sendToSut(req.method, req.url, req.headers, req.body);
      evidence.response = res;
      o.status = res.status;
      if (def.retryWhileRefusedMs) {
        const until = Date.now() + def.retryWhileRefusedMs;
        o.attempts = 1;
        while (o.status >= 300 && Date.now() < until) {
          await waitOnPurpose(RETRY_INTERVAL_MS);
          const again = mutatedRequest(def, baseline, c, h, sutUrl).req; // a fresh request (a new limited-purpose token)
          evidence.response = await h.sendToSut(again.method, again.url, again.headers, again.body);
          o.status = evidence.response.status;
          o.attempts++;
        }
      }
      if (def.replay) {
        o.firstStatus = res.status;
        const again = await h.sendToSut(req.method, req.url, req.headers, req.body);
        evidence.response = again;
        o.status = again.status;
      }
      if (def.responseCheck) o.responseProblem = def.responseCheck.check(evidence.response!, req);
    } catch (err) {
      // A connection dropped by a SUT that still serves is this case's finding (evaluate.ts), not the end of the run.
      if (isNoAnswer(err) && !(o.sutGone = await h.goneAfterNoAnswer())) {
        o.dropped = err.message;
        o.status = undefined; // the answer judged is the one that never came
        evidence.response = undefined;
        evidence.noAnswer = droppedConnection(err.message);
      } else {
        o.error = (err as Error).message;
        o.sutGone ??= await h.sutGone();
      }
    }
    if (!o.error && !o.sutGone) {
      // A reply may leave after the answer (or a dropped connection): wait before counting replies, here or at the attacker's.
      if (serverOf(draft.request.activity.serviceUrl, h.state.urls) === 'attacker') evidence.strayReplyWait = await graceForStrayReplies();
      else if (def.noReplyAfterRefusal || def.actionRecord) {
        const later = baseline(def.path, c, h.state); // a fresh activity, with a token of its own
        evidence.strayReplyWait = await waitForStrayReplies(h, { req: renderRequest(later, renderToken(later.token, h.state.keys), sutUrl), activity: later.request.activity }, def.actionRecord);
      }
      if (def.noReplyAfterRefusal) o.replies = await countReplies(h, draft.request.activity);
      if (def.actionRecord) ({ records: o.replies, forged: o.forgedRecords } = await countActionRecords(h, def.actionRecord, draft.request.activity));
      // The refusal was answered; a handler that goes on (a second callback) may take the process down just after.
      if (def.staysUpAfterRefusal && o.status !== undefined && !isAccept(o.status)) o.goneAfterRefusal = await h.goneAfterNoAnswer();
    }
    if (def.fetchBudget && o.status !== undefined && o.status < 300) {
      // Fresh valid requests one after another (a fresh draft each: a new limited-purpose token).
      const { server, pathIncludes, requests } = def.fetchBudget;
      const before = (await h.hits(server, pathIncludes)).length;
      for (let i = 0; i < requests; i++) {
        const r = mutatedRequest(def, baseline, c, h, sutUrl).req;
        const res = await h.sendToSut(r.method, r.url, r.headers, r.body);
        if (res.status >= 300) {
          o.status = res.status; // a valid request refused: judged as a refusal
          break;
        }
      }
      o.fetches = (await h.hits(server, pathIncludes)).length - before;
    }
    if (def.mustHaveFetched) o.requiredFetches = (await h.hits(def.mustHaveFetched.server, def.mustHaveFetched.path)).length;
    // Paths on the attacker server carry the case id: /jku/<id>, /x5u/<id>, or the conversation conv-<id>-….
    if (def.attackerMustNotBeContacted) {
      const hits = await h.hits('attacker', def.id);
      o.attackerFetches = hits.length;
      // What reached the attacker, with any bearer shown by kind and length only.
      if (hits.length) evidence.attackerRequests = hits.map((x) => ({ method: x.method, path: x.path, authorization: authorizationShown(x.headers.authorization || undefined) }));
    }
  }

  const verdict = evaluate(def, o);
  return { ...caseIdentity(def), ...verdict, evidence, durationMs: Math.round(performance.now() - started) };
}
