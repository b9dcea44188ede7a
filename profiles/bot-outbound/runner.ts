// Runs one bot-outbound case (Bot -> Connector): the SUT is a bot that runs for the whole run; the
// case sends it valid channel activities (a genuine Connector token each), changes the fake STS or
// the SUT's clock in between, and judges from the fakes' log what the bot sent back: its token
// requests to the STS and its replies, with their bearer, to the Connector, the decoy and the
// plain-HTTP Connector. A bot's cases run one at a time, in catalog order (its token cache is state
// they share): the run's bot's, and each world's (a bot of its own, started with the run, for the
// cases that name it: OutboundCaseSpec.world), the worlds beside the run's bot. The positive-control
// rule: unless the bot replied to a plain activity with a token the STS issued and the Connector
// accepted (BF-B2O-POS-001; in a world, its bot's own control), a case is `inconclusive`; the cases that
// judge the control's own exchange (its token request, its bearer's bytes) need only that exchange.
// The profile's own runner: its spec file hands it to the engine (defineOutboundSuite), which does
// not import it; the case's spec types stay in harness/engine/outbound-spec.ts, for the case model.
import { setTimeout as sleep } from 'node:timers/promises';
import { baseline as botBaseline } from '../bot-framework/facts';
import type { ClockState } from '../../harness/run/sut-clock';
import { connectorBearerToken } from '../../harness/servers/connector';
import type { Hit } from '../../harness/servers/router';
import { tokenFingerprint } from '../../harness/servers/sts';
import { renderToken } from '../../harness/tokens/draft';
import { ofKind, type CaseDef, type CaseResult, type CaseRunner, type OutboundCase } from '../../harness/engine/case-model';
import { caseIdentity } from '../../harness/engine/case-identity';
import type { CheckFinding } from '../../harness/core/vocabulary';
import type { HarnessClient } from '../../harness/engine/harness-client';
import { flatHeaders } from '../../harness/engine/http-send';
import { REPLY_SERVERS, type Bearer, type Exchange, type OutboundContext, type ReplyHit, type ReplyServer, type SendOptions, type StsRequest } from '../../harness/engine/outbound-spec';
import { authorizationShown } from '../../harness/results/redact';
import { renderRequest } from '../../harness/engine/run-case';
import { verdictOfFinding } from '../../harness/engine/finding-verdict';
import { CONTROL_WORDING, positiveControlVerdict, type ControlWording } from '../../harness/engine/positive-control';
import { waitOnPurpose } from '../../harness/engine/deliberate-wait';
import { perRun } from '../../harness/engine/per-run';

// The case's spec and context types, for the catalog and the tests that import them from here.
export type { Bearer, Exchange, OutboundCaseSpec, OutboundContext, ReplyHit, SendOptions, StsRequest } from '../../harness/engine/outbound-spec';

/** How long a reply may take to reach a fake after the bot answered the activity (the reference and
 *  both SDKs send it before they answer; a bot may send it just after). */
const REPLY_WAIT_MS = 700;
/** After the Connector redirected a reply, how long the redirect's follow-up may lag. */
const FOLLOW_UP_GRACE_MS = 300;

export const bearerOf = (value: unknown): Bearer => {
  if (value === undefined) return {};
  const header = Array.isArray(value) ? value.join(', ') : String(value);
  const token = connectorBearerToken(header);
  return { header, ...(token ? { token, fingerprint: tokenFingerprint(token) } : {}) };
};

const stsRequestOf = (hit: Hit): StsRequest => {
  const note = (hit.note ?? {}) as { issued?: boolean; token?: string; expiresIn?: number };
  return { hit, issued: note.issued === true, ...(note.token ? { token: note.token, expiresIn: note.expiresIn } : {}), form: new URLSearchParams(hit.body) };
};

const replyOf = (server: ReplyServer, hit: Hit): ReplyHit => {
  const note = (hit.note ?? {}) as { bearerAccepted?: boolean; problem?: string };
  return { server, hit, bearer: bearerOf(hit.headers.authorization), ...(note.bearerAccepted !== undefined ? { accepted: note.bearerAccepted } : {}), ...(note.problem ? { problem: note.problem } : {}) };
};

let counter = 0;
interface BotState {
  /** How far ahead the bot's clock is (as it acknowledged: inbound tokens are dated by its clock). */
  sutClockOffsetMs: number;
  /** The positive control, sent once per bot (the run's, and each world's). */
  controlExchange?: Promise<Exchange>;
}
/** Per run, per bot (known by its world's control API): the run's bot, or a world's own. */
const botsOf = perRun(() => new Map<string, BotState>());
function botOf(h: HarnessClient): BotState {
  const bots = botsOf(h.state);
  let bot = bots.get(h.state.urls.control);
  if (!bot) bots.set(h.state.urls.control, (bot = { sutClockOffsetMs: 0 }));
  return bot;
}

/** The token requests the fake STS (on the front server) has recorded, since a time. */
const tokenRequests = (h: HarnessClient, since?: number): Promise<Hit[]> => h.hits('front', '/oauth2/', since);

async function sendActivity(h: HarnessClient, caseId: string, opts: SendOptions = {}): Promise<Exchange> {
  const urls = h.state.urls;
  const since = Date.now();
  const now = Math.floor((Date.now() + botOf(h).sutClockOffsetMs) / 1000);
  const draft = botBaseline('channel', { keys: h.state.keys, attackerOrigin: urls.attacker, caseId, now, urls: { front: urls.front, emulator: urls.emulator } });
  const serviceUrl = opts.serviceUrl?.(urls) ?? `${urls.front}/`;
  const conversation = `${opts.conversationPrefix ?? 'conv-'}${caseId}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const activity = draft.request.activity as Record<string, unknown>;
  activity.serviceUrl = serviceUrl;
  activity.conversation = { id: conversation };
  draft.token.claims.serviceurl = opts.claimServiceUrl?.(urls) ?? serviceUrl;
  const req = renderRequest(draft, renderToken(draft.token, h.state.keys), h.state.sutUrl);
  const x: Exchange = { conversation, serviceUrl, replies: [], sts: [] };
  try {
    x.status = (await h.sendToSut(req.method, req.url, req.headers, req.body)).status;
  } catch (err) {
    x.error = (err as Error).message;
  }
  const path = `/v3/conversations/${encodeURIComponent(conversation)}/activities`;
  const collect = async () => (await Promise.all(REPLY_SERVERS.filter((s) => s in urls).map(async (s) => (await h.hits(s, path)).map((hit) => replyOf(s, hit))))).flat();
  const until = Date.now() + (opts.waitMs ?? REPLY_WAIT_MS);
  for (;;) {
    x.replies = await collect();
    if (x.replies.length || Date.now() >= until || x.error) break;
    await sleep(100);
  }
  // A Connector that redirected the reply: give the bot time to follow (or not).
  if (x.replies.some((r) => (r.hit.note as { redirectedTo?: string } | undefined)?.redirectedTo)) {
    await waitOnPurpose(FOLLOW_UP_GRACE_MS);
    x.replies = await collect();
  }
  x.replies.sort((a, b) => a.hit.at - b.hit.at);
  x.sts = (await tokenRequests(h, since)).map(stsRequestOf);
  return x;
}

/** The control's problem, or undefined when the bot replied to the Connector with a token the STS issued and the Connector accepted. */
export function controlProblem(x: Exchange, issued: Map<string, StsRequest>): string | undefined {
  if (x.error) return `the activity was not answered: ${x.error}`;
  if (x.status === undefined || x.status >= 300) return `the bot refused the valid activity (HTTP ${x.status})`;
  const reply = x.replies.find((r) => r.server === 'front');
  if (!reply) return 'no reply reached the Connector';
  if (!reply.bearer.header) return 'the reply carried no Authorization header';
  if (!reply.bearer.token) return `the reply's Authorization is not "Bearer <token>" (${authorizationShown(reply.bearer.header)})`;
  if (!issued.has(reply.bearer.fingerprint!)) return 'the reply\'s bearer is not a token the STS issued';
  if (reply.accepted === false) return `the Connector refused the reply's bearer: ${reply.problem}`;
  return undefined;
}

/** The reason of a case judged on the control's own exchange when the bot made no token request for it. */
const NOTHING_TO_JUDGE: ControlWording = { ...CONTROL_WORDING, failed: (_problem, name) => `the bot made no token request for the positive control ${name}, so there is nothing to judge` };

export async function issuedTokens(h: HarnessClient): Promise<Map<string, StsRequest>> {
  const all = (await tokenRequests(h)).map(stsRequestOf);
  return new Map(all.filter((r) => r.issued && r.token).map((r) => [r.token!, r]));
}

function evidenceOf(x: Exchange | undefined): CaseResult['evidence'] {
  const evidence: CaseResult['evidence'] = { mutations: [] };
  if (!x) return evidence;
  evidence.mutations.push(`a valid channel activity, conversation ${x.conversation}, serviceUrl ${x.serviceUrl}`);
  const reply = x.replies[0];
  if (reply) {
    const headers = flatHeaders(reply.hit.headers);
    evidence.request = { method: reply.hit.method, url: `${reply.hit.scheme ?? 'https'}://${reply.hit.host}${reply.hit.path}`, headers };
  }
  const decoy = x.replies.filter((r) => r.server !== 'front');
  if (decoy.length) evidence.attackerRequests = decoy.map((r) => ({ method: r.hit.method, path: `${r.server}: ${r.hit.path}`, authorization: authorizationShown(r.bearer.header) }));
  return evidence;
}

export async function runOutboundCase(def: OutboundCase, h: HarnessClient, controlId: string): Promise<CaseResult> {
  const started = performance.now();
  const spec = def.outbound;
  const notes: string[] = [];
  // A case in a world of its own: which bot it judged (its log is the world's).
  if (h.state.world) notes.push(`judged on the bot of world ${h.state.world} (its log: worlds/${h.state.world}/sut.log), after that bot's own positive control`);
  const done = (outcome: CaseResult['outcome'], reason: string, x?: Exchange, observed: CaseResult['observed'] = {}): CaseResult => ({
    ...caseIdentity(def),
    outcome,
    reason,
    observed: { ...observed, ...(notes.length ? { note: notes.join('; ') } : {}) },
    evidence: evidenceOf(x),
    durationMs: Math.round(performance.now() - started),
  });

  const gone = h.hungReason() ?? (await h.sutGone());
  if (gone) return done('error', gone);
  const bot = botOf(h);
  bot.controlExchange ??= sendActivity(h, controlId);
  const control = await bot.controlExchange;
  const issued = await issuedTokens(h);
  const problem = controlProblem(control, issued);
  const controlObserved: CaseResult['observed'] = { controlStatus: control.status, controlReplies: control.replies.filter((r) => r.server === 'front').length };
  // A case judged on the control's own exchange needs only that the bot asked the STS for a token.
  const needed = spec.onControl ? { name: controlId, problem: !control.sts.length && !issued.size ? 'no token request' : undefined } : { name: controlId, problem };
  const blocked = positiveControlVerdict(def.isControl, [needed], spec.onControl ? NOTHING_TO_JUDGE : CONTROL_WORDING);
  if (blocked) return done(blocked.outcome, blocked.reason, control, controlObserved);

  let last: Exchange | undefined = def.isControl || spec.onControl ? control : undefined;
  const restore: Array<() => Promise<unknown>> = [];
  const ctx: OutboundContext = {
    h,
    control,
    notes,
    send: async (opts) => (last = await sendActivity(h, def.id, opts)),
    sts: async (change) => {
      await h.controlPost('/sts', change);
      restore.push(() => h.controlPost('/sts', { lifetimeSeconds: 3600, fault: null }));
    },
    stsTlsConnections: async () => (await h.controlPost<{ tlsConnections?: number }>('/sts', {})).tlsConnections ?? 0,
    advanceClock: async (ms) => {
      const clock = await h.controlPost<ClockState>('/clock', { advanceMs: ms });
      if (clock.acknowledged) bot.sutClockOffsetMs = clock.offsetMs;
      return clock;
    },
    issuedTokens: () => issuedTokens(h),
    tokenRequests: (since) => tokenRequests(h, since),
    sutGone: () => h.sutGone(),
    stillUp: async () => {
      try {
        await h.sendToSut('POST', h.state.sutUrl, { 'content-type': 'application/json' }, '{}');
      } catch (err) {
        return (await h.sutGone()) ?? `it no longer answers: ${(err as Error).message}`;
      }
      return h.sutGone();
    },
  };
  let v: CheckFinding;
  try {
    v = await spec.run(ctx);
  } catch (err) {
    v = { ok: false, problem: `the case could not judge what the bot did: ${(err as Error).message}` };
  } finally {
    for (const r of restore.reverse()) await r().catch(() => undefined);
  }
  // A case that could not judge because the SUT died under it (a crash in the case before, noticed
  // only now) ends as the cases after a crash do: the SUT is gone, whatever the timing.
  if (v.ok === 'moot') {
    const goneNow = await h.sutGone();
    if (goneNow) return done('error', goneNow, last);
  }
  const observed: CaseResult['observed'] = { ...controlObserved };
  if (last && last !== control) {
    observed.status = last.status;
    observed.replies = last.replies.filter((r) => r.server === 'front').length;
    const elsewhere = last.replies.filter((r) => r.server !== 'front').length;
    if (elsewhere) observed.attackerFetches = elsewhere;
  }
  const { outcome, reason, responseProblem } = verdictOfFinding(def.expect, v);
  return done(outcome, reason, last, { ...observed, ...(responseProblem !== undefined ? { responseProblem } : {}) });
}

/** The runner of bot-outbound's cases, for defineOutboundSuite: each judged against the catalog's
 *  positive control (given the client of the case's world: the engine's case-dispatch.ts). */
export function outboundRunner(catalog: CaseDef[]): CaseRunner<OutboundCase> {
  const control = catalog.filter(ofKind('outbound')).find((c) => c.isControl);
  if (!control) throw new Error('bot-outbound: no positive control in the catalog');
  return (def, h) => runOutboundCase(def, h, control.id);
}
