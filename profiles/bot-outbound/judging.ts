// The bot-outbound catalog's judging helpers (./token-cases.ts, ./delivery-cases.ts): the verdicts, the
// reply the Connector got and whose token it carried, moving the bot's clock to a token's expiry, and
// an STS fault's scenario; with the catalog entry's shape.
import type { CaseText } from '../../harness/engine/case-model';
import type { ClientVerdict } from '../../harness/engine/client-spec';
import { authorizationShown } from '../../harness/results/redact';
import type { Exchange, OutboundContext, ReplyHit, StsRequest } from './runner';
import { BOT_CONNECTOR_SCOPE, BOT_TENANT } from '../bot-framework/facts';

export const SPEC = 'bot-framework-authentication';
export const B2C = (step: string) => `Bot -> Connector, ${step}`;
export const FACT = (topic: string) => `docs/facts.md > Bot Framework > ${topic}`;

export const ok = (saw: string): ClientVerdict => ({ ok: true, saw });
export const bad = (problem: string): ClientVerdict => ({ ok: false, problem });
export const moot = (why: string): ClientVerdict => ({ ok: 'moot', why });

export const TOKEN_PATH = `/${BOT_TENANT}/oauth2/v2.0/token`;
/** The AAD v1 token endpoint at the same authority (ADAL-era SDKs: botbuilder up to 4.16, through adal-node). */
export const TOKEN_PATH_V1 = `/${BOT_TENANT}/oauth2/token`;
export const SCOPE = `${BOT_CONNECTOR_SCOPE}/.default`;
/** Which token endpoint a request went to, as the fake STS recorded it (its note) or, failing that, by its path. */
export const endpointOf = (hit: { path: string; note?: Record<string, unknown> }): 'v2.0' | 'v1' | 'other' => {
  const noted = hit.note?.endpoint;
  if (noted === 'v2.0' || noted === 'v1') return noted;
  return hit.path.endsWith('/oauth2/v2.0/token') ? 'v2.0' : hit.path.endsWith('/oauth2/token') ? 'v1' : 'other';
};
/** A token request's wording for the evidence: its endpoint version and its query (v1: adal-node's api-version). */
export const describeEndpoint = (hit: { method: string; path: string; query?: string; note?: Record<string, unknown> }): string =>
  `${hit.method} ${hit.path}${hit.query ?? ''} (${endpointOf(hit) === 'v1' ? 'the AAD v1 endpoint' : endpointOf(hit) === 'v2.0' ? 'the v2.0 endpoint' : 'not a token endpoint'})`;
/** A token request's body is a form (the other checks of it read the form). */
export const isForm = (hit: { headers: Record<string, unknown> }) => String(hit.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
/** Replies after the control that must not need a new token (the control's token is valid for an hour). */
export const CACHE_REPLIES = 4;
/** The short lifetime the STS gives in EXP-002, and how long the case then waits (real time). */
export const SHORT_LIFETIME_S = 2;
export const SHORT_WAIT_MS = 2500;
/** How late the slow STS answers (ROB-004): well within the bots' own timeouts (the reference 10 s, MSAL's HTTP client longer). */
export const SLOW_STS_MS = 2000;

export const connectorReply = (x: Exchange): ReplyHit | undefined => x.replies.find((r) => r.server === 'front');
export const latestIssued = (issued: Map<string, StsRequest>): StsRequest | undefined => [...issued.values()].sort((a, b) => a.hit.at - b.hit.at).at(-1);
export const describeReply = (r: ReplyHit | undefined, issued: Map<string, StsRequest>): string => {
  if (!r) return 'no reply reached the Connector';
  const t = r.bearer.fingerprint ? issued.get(r.bearer.fingerprint) : undefined;
  return `the reply carried ${r.bearer.header === undefined ? 'no Authorization header' : t ? `the token issued at ${new Date(t.hit.at).toISOString()} (expires_in ${t.expiresIn})` : `a bearer the STS never issued (${authorizationShown(r.bearer.header)})`}${r.accepted === false ? `, refused by the Connector: ${r.problem}` : ''}`;
};

/** Moves the SUT's clock to `beforeExpiryMs` before the expiry of the token the STS issued last (negative: after it),
 *  counting its lifetime as at least `minLifetimeS` (the fault cases: past any cache, even one that ignored a short expires_in). */
export async function clockToExpiry(ctx: OutboundContext, beforeExpiryMs: number, minLifetimeS = 0): Promise<{ since: number } | ClientVerdict> {
  const last = latestIssued(await ctx.issuedTokens());
  if (!last?.expiresIn) return moot('the STS has issued no token to time the clock by');
  const advance = Math.max(last.expiresIn, minLifetimeS) * 1000 - beforeExpiryMs - (Date.now() - last.hit.at);
  const clock = await ctx.advanceClock(Math.max(0, advance));
  if (!clock.acknowledged) return moot('the SUT never acknowledged its clock being moved (not a Node SUT started with the harness\'s clock preload), so the token\'s expiry cannot be brought near');
  ctx.notes.push(`the SUT's clock moved ${Math.round(advance / 1000)} s ahead, to ${Math.abs(Math.round(beforeExpiryMs / 1000))} s ${beforeExpiryMs >= 0 ? 'before' : 'after'} the expiry of the last token issued${last.expiresIn < minLifetimeS ? ` (its lifetime counted as ${minLifetimeS} s)` : ''}`);
  return { since: Date.now() };
}

/** The reply's bearer must be a token the STS issued at or after `since` (and the Connector must accept it). */
export async function freshBearer(ctx: OutboundContext, x: Exchange, since: number, what: string): Promise<ClientVerdict> {
  const issued = await ctx.issuedTokens();
  const r = connectorReply(x);
  if (!r) return bad(`${what}: ${describeReply(r, issued)} (the activity was answered ${x.status ?? x.error})`);
  const t = r.bearer.fingerprint ? issued.get(r.bearer.fingerprint) : undefined;
  if (!t || t.hit.at < since) return bad(`${what}: ${describeReply(r, issued)}, not a token obtained since`);
  if (r.accepted === false) return bad(`${what}: the Connector refused the new bearer: ${r.problem}`);
  return ok(`${what}: a token obtained since (${x.sts.length} token request(s) for the reply), accepted by the Connector`);
}

/** No request for the exchange reached `server` carrying a bearer. */
export function noBearerAt(x: Exchange, server: ReplyHit['server'], where: string): ClientVerdict {
  const leaked = x.replies.filter((r) => r.server === server && r.bearer.header !== undefined);
  if (leaked.length) return bad(`${where} received the bot's Authorization header (${leaked.map((r) => `${r.hit.method} ${r.hit.path} ${authorizationShown(r.bearer.header)}`).join('; ')})`);
  const reached = x.replies.filter((r) => r.server === server).length;
  return ok(`${where} received ${reached ? `${reached} request(s), none with an Authorization header` : 'nothing'}; the activity was answered ${x.status ?? x.error}`);
}

/** An STS fault while the bot's token has expired: the bot must not go down nor call the Connector without a
 *  fresh token while it lasts; with `recovery`, the next reply once the STS answers again must succeed. */
export function stsFault(fault: Parameters<OutboundContext['sts']>[0]['fault'], what: string, judge: 'during' | 'recovery' | 'both') {
  return async (ctx: OutboundContext): Promise<ClientVerdict> => {
    const at = await clockToExpiry(ctx, -60_000, 3600);
    if (!('since' in at)) return at;
    await ctx.sts({ fault });
    const during = await ctx.send();
    const gone = await ctx.stillUp();
    if (gone) return bad(`the bot went down when the STS ${what}: ${gone}`);
    if (!during.sts.length) return moot(`the bot asked the STS nothing after its token expired, so the fault (${what}) was not exercised (EXP-001 judges that)`);
    const sent = during.replies.filter((r) => r.server === 'front');
    if (sent.length && judge !== 'recovery') {
      const issued = await ctx.issuedTokens();
      return bad(`while the STS ${what}, the bot still called the Connector: ${sent.map((r) => describeReply(r, issued)).join('; ')}`);
    }
    const duringSaw = `while the STS ${what} the bot ${sent.length ? 'called the Connector anyway (judged by another case)' : 'did not call the Connector'} (its answer to the activity: ${during.status ?? during.error}) and stayed up`;
    if (judge === 'during') return ok(duringSaw);
    await ctx.sts({ fault: null });
    const since = Date.now();
    const v = await freshBearer(ctx, await ctx.send(), since, 'once the STS answered again, the next reply');
    return v.ok === true ? ok(`${duringSaw}; ${v.saw}`) : v;
  };
}

export interface Spec extends CaseText {
  id: string;
  onControl?: boolean;
  /** OutboundCaseSpec.world: the world (a bot of its own) it runs in when the run can start one. */
  world?: string;
  run(ctx: OutboundContext): Promise<ClientVerdict>;
}
