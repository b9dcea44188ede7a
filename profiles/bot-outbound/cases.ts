// The bot-outbound case catalog (Bot -> Connector, the spec's steps 1-3): the SUT is a bot; the
// harness sends it valid channel activities whose serviceUrl is the fake Connector, so that it
// replies, and judges what the bot sent: its token request to the fake STS (ToChannelFromBotLoginUrl),
// the bearer of its replies (which the fake Connector verifies against the STS's keys: signature,
// aud, appid), how it caches and renews that token, where the token goes (never to a decoy, never over
// plain HTTP), and how it lives through a failing STS. The cases run one at a time in this order: the
// bot's token cache is state they share (the clock cases count on the one before having fetched).
// Ids are public: never renumber.
//
// expect: `accept` — the bot must do what the check says; `reject` — no bearer may reach the decoy or
// the plain-HTTP Connector; `either` — reported only (INFO).
import type { CaseDef, CaseText } from '../../harness/engine/case-model';
import type { ClientVerdict } from '../../harness/engine/client-observation';
import { authorizationShown } from '../../harness/results/redact';
import { controlProblem, type Exchange, type OutboundContext, type ReplyHit, type StsRequest } from '../../harness/engine/run-outbound-case';
import { BOT_APP_ID, BOT_CONNECTOR_SCOPE, BOT_TENANT } from '../bot-framework/facts';
import { entryLocation } from '../../harness/engine/catalog-location';

const SPEC = 'bot-framework-authentication';
const B2C = (step: string) => `Bot -> Connector, ${step}`;
const FACT = (topic: string) => `docs/facts.md > Bot Framework > ${topic}`;

const ok = (saw: string): ClientVerdict => ({ ok: true, saw });
const bad = (problem: string): ClientVerdict => ({ ok: false, problem });
const moot = (why: string): ClientVerdict => ({ ok: 'moot', why });

const TOKEN_PATH = `/${BOT_TENANT}/oauth2/v2.0/token`;
const SCOPE = `${BOT_CONNECTOR_SCOPE}/.default`;
/** A token request's body is a form (the other checks of it read the form). */
const isForm = (hit: { headers: Record<string, unknown> }) => String(hit.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
/** Replies after the control that must not need a new token (the control's token is valid for an hour). */
const CACHE_REPLIES = 4;
/** The short lifetime the STS gives in EXP-002, and how long the case then waits (real time). */
const SHORT_LIFETIME_S = 2;
const SHORT_WAIT_MS = 2500;
/** How late the slow STS answers (ROB-004): well within the bots' own timeouts (the reference 10 s, MSAL's HTTP client longer). */
const SLOW_STS_MS = 2000;

const connectorReply = (x: Exchange): ReplyHit | undefined => x.replies.find((r) => r.server === 'front');
const latestIssued = (issued: Map<string, StsRequest>): StsRequest | undefined => [...issued.values()].sort((a, b) => a.hit.at - b.hit.at).at(-1);
const describeReply = (r: ReplyHit | undefined, issued: Map<string, StsRequest>): string => {
  if (!r) return 'no reply reached the Connector';
  const t = r.bearer.fingerprint ? issued.get(r.bearer.fingerprint) : undefined;
  return `the reply carried ${r.bearer.header === undefined ? 'no Authorization header' : t ? `the token issued at ${new Date(t.hit.at).toISOString()} (expires_in ${t.expiresIn})` : `a bearer the STS never issued (${authorizationShown(r.bearer.header)})`}${r.accepted === false ? `, refused by the Connector: ${r.problem}` : ''}`;
};

/** Moves the SUT's clock to `beforeExpiryMs` before the expiry of the token the STS issued last (negative: after it),
 *  counting its lifetime as at least `minLifetimeS` (the fault cases: past any cache, even one that ignored a short expires_in). */
async function clockToExpiry(ctx: OutboundContext, beforeExpiryMs: number, minLifetimeS = 0): Promise<{ since: number } | ClientVerdict> {
  const last = latestIssued(await ctx.issuedTokens());
  if (!last?.expiresIn) return moot('the STS has issued no token to time the clock by');
  const advance = Math.max(last.expiresIn, minLifetimeS) * 1000 - beforeExpiryMs - (Date.now() - last.hit.at);
  const clock = await ctx.advanceClock(Math.max(0, advance));
  if (!clock.acknowledged) return moot('the SUT never acknowledged its clock being moved (not a Node SUT started with the harness\'s clock preload), so the token\'s expiry cannot be brought near');
  ctx.notes.push(`the SUT's clock moved ${Math.round(advance / 1000)} s ahead, to ${Math.abs(Math.round(beforeExpiryMs / 1000))} s ${beforeExpiryMs >= 0 ? 'before' : 'after'} the expiry of the last token issued${last.expiresIn < minLifetimeS ? ` (its lifetime counted as ${minLifetimeS} s)` : ''}`);
  return { since: Date.now() };
}

/** The reply's bearer must be a token the STS issued at or after `since` (and the Connector must accept it). */
async function freshBearer(ctx: OutboundContext, x: Exchange, since: number, what: string): Promise<ClientVerdict> {
  const issued = await ctx.issuedTokens();
  const r = connectorReply(x);
  if (!r) return bad(`${what}: ${describeReply(r, issued)} (the activity was answered ${x.status ?? x.error})`);
  const t = r.bearer.fingerprint ? issued.get(r.bearer.fingerprint) : undefined;
  if (!t || t.hit.at < since) return bad(`${what}: ${describeReply(r, issued)}, not a token obtained since`);
  if (r.accepted === false) return bad(`${what}: the Connector refused the new bearer: ${r.problem}`);
  return ok(`${what}: a token obtained since (${x.sts.length} token request(s) for the reply), accepted by the Connector`);
}

/** No request for the exchange reached `server` carrying a bearer. */
function noBearerAt(x: Exchange, server: ReplyHit['server'], where: string): ClientVerdict {
  const leaked = x.replies.filter((r) => r.server === server && r.bearer.header !== undefined);
  if (leaked.length) return bad(`${where} received the bot's Authorization header (${leaked.map((r) => `${r.hit.method} ${r.hit.path} ${authorizationShown(r.bearer.header)}`).join('; ')})`);
  const reached = x.replies.filter((r) => r.server === server).length;
  return ok(`${where} received ${reached ? `${reached} request(s), none with an Authorization header` : 'nothing'}; the activity was answered ${x.status ?? x.error}`);
}

/** An STS fault while the bot's token has expired: the bot must not go down nor call the Connector without a
 *  fresh token while it lasts; with `recovery`, the next reply once the STS answers again must succeed. */
function stsFault(fault: Parameters<OutboundContext['sts']>[0]['fault'], what: string, judge: 'during' | 'recovery' | 'both') {
  return async (ctx: OutboundContext): Promise<ClientVerdict> => {
    const at = await clockToExpiry(ctx, -60_000, 3600);
    if (!('since' in at)) return at;
    await ctx.sts({ fault });
    const during = await ctx.send();
    const gone = await ctx.sutGone();
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

interface Spec extends CaseText {
  id: string;
  onControl?: boolean;
  run(ctx: OutboundContext): Promise<ClientVerdict>;
}

function catalog(): Spec[] {
  return [
    {
      id: 'POS-001',
      title: 'a valid activity: the bot replies to the Connector with Bearer <a token the STS issued>, which the Connector accepts',
      level: 'MUST',
      ids: ['BF-B2C-01', 'BF-B2C-02', 'BF-B2C-04', 'BF-B2C-11', 'BF-B2C-12'],
      section: B2C('Steps 1-3'),
      expect: 'accept',
      why: 'The positive control: the bot obtains a token by client credentials (its app id and password, a form POST with grant_type=client_credentials; the fake STS refuses anything else) and sends it as "Bearer <token>"; the fake Connector verifies its signature against the STS keys, its aud and its appid. If this fails, every other case but the ones judging the token request itself is inconclusive.',
      isControl: true,
      run: async (ctx) => {
        const issued = await ctx.issuedTokens();
        const problem = controlProblem(ctx.control, issued);
        return problem ? bad(problem) : ok(`${describeReply(connectorReply(ctx.control), issued)}; the Connector accepted it (signature, aud, appid)`);
      },
    },
    {
      id: 'STS-001',
      title: `the token request is an HTTPS POST to ToChannelFromBotLoginUrl + /oauth2/v2.0/token (${TOKEN_PATH}), not the retired v3.0 common endpoint`,
      level: 'MUST',
      ids: ['BF-B2C-03', 'BF-GEN-01'],
      section: B2C('Step 1; the changes table (v3.1)'),
      expect: 'accept',
      why: 'v3.1 moved the token endpoint from /common/oauth2/v2.0/token to /botframework.com/oauth2/v2.0/token; the login URL comes from ToChannelFromBotLoginUrl. Judged on every token request the bot made up to the control; the port of the fake STS also answers cleartext HTTP, so a token request sent in the clear is seen and fails.',
      onControl: true,
      run: async (ctx) => {
        const all = await ctx.tokenRequests();
        const cleartext = all.filter((x) => x.scheme === 'http');
        if (cleartext.length) return bad(`${cleartext.length} token request(s) over plain HTTP (POST http://${cleartext[0].host}${cleartext[0].path}): the client secret went in the clear`);
        const wrong = all.filter((x) => x.method !== 'POST' || x.path !== TOKEN_PATH);
        if (wrong.length) return bad(`token request(s) to ${[...new Set(wrong.map((x) => `${x.method} ${x.path}`))].join(', ')} (expected POST ${TOKEN_PATH})`);
        return ok(`${all.length} token request(s), each POST ${TOKEN_PATH} over TLS`);
      },
    },
    {
      id: 'STS-002',
      title: `the token request asks for scope ${SCOPE}, not the retired v3.0 https://graph.microsoft.com/.default`,
      level: 'MUST',
      ids: ['BF-B2C-05'],
      section: B2C('Step 1; the changes table (v3.1)'),
      expect: 'accept',
      why: 'The Connector accepts only tokens for its own audience; the fake STS, like the real one, issues a Graph token for the Graph scope, which the Connector then refuses.',
      onControl: true,
      run: async (ctx) => {
        const requests = await ctx.tokenRequests();
        if (requests.length && !requests.every(isForm)) return moot('a token request is not form-encoded, so its scope cannot be read as the spec sends it (STS-003 judges that)');
        const all = requests.map((x) => new URLSearchParams(x.body).get('scope'));
        const wrong = all.filter((s) => s !== SCOPE);
        if (!all.length) return moot('no token request to judge');
        if (wrong.length) return bad(`scope ${[...new Set(wrong)].map((s) => JSON.stringify(s)).join(', ')} requested (expected ${SCOPE})`);
        return ok(`${all.length} token request(s), each with scope ${SCOPE}`);
      },
    },
    {
      id: 'STS-003',
      title: 'the token request is a form POST with grant_type=client_credentials, client_id = MicrosoftAppId and client_secret = the app password',
      level: 'MUST',
      ids: ['BF-B2C-02', 'BF-B2C-04'],
      section: B2C('Step 1'),
      expect: 'accept',
      why: 'The spec\'s token request is application/x-www-form-urlencoded with grant_type, client_id, client_secret and scope in the body; the login service refuses anything else (the fake STS too, so the positive control fails with it: this case says why). Judged on every token request the bot made up to the control; the secret is compared, never shown.',
      onControl: true,
      run: async (ctx) => {
        const all = await ctx.tokenRequests();
        if (!all.length) return moot('no token request to judge');
        const problems = new Set<string>();
        for (const x of all) {
          if (!isForm(x)) {
            problems.add(`the body is ${JSON.stringify(String(x.headers['content-type'] ?? '(no content-type)'))}, not application/x-www-form-urlencoded`);
            continue;
          }
          const form = new URLSearchParams(x.body);
          if (form.get('grant_type') !== 'client_credentials') problems.add(`grant_type ${JSON.stringify(form.get('grant_type'))}, not "client_credentials"`);
          if (form.get('client_id') !== BOT_APP_ID) problems.add(`client_id ${JSON.stringify(form.get('client_id'))}, not MicrosoftAppId ${BOT_APP_ID}`);
          if (form.get('client_secret') !== ctx.h.state.appPassword) problems.add(form.has('client_secret') ? 'client_secret is not the app password' : 'no client_secret in the body');
        }
        if (problems.size) return bad(`token request(s): ${[...problems].join('; ')}`);
        return ok(`${all.length} token request(s), each a form with grant_type=client_credentials, client_id ${BOT_APP_ID} and the app password`);
      },
    },
    {
      id: 'TOK-001',
      title: 'the bearer is the access_token exactly as issued: no escaping, re-encoding or quoting',
      level: 'SHOULD',
      ids: ['BF-B2C-07', 'BF-B2C-11'],
      section: B2C('Step 2'),
      expect: 'accept',
      why: 'The spec asks the bot to send the token exactly as received ("without escaping or encoding"). Compared byte for byte (by digest) with every access_token the fake STS handed out.',
      onControl: true,
      run: async (ctx) => {
        const r = connectorReply(ctx.control) ?? ctx.control.replies[0];
        if (!r) return moot('the control\'s reply reached no fake, so there is no bearer to compare');
        if (r.bearer.header === undefined) return bad('the reply carried no Authorization header');
        const issued = await ctx.issuedTokens();
        if (r.bearer.fingerprint && issued.has(r.bearer.fingerprint)) return ok('Authorization: Bearer <the access_token, byte for byte>');
        return bad(`the Authorization header (${authorizationShown(r.bearer.header)}) is not "Bearer " followed by an access_token the STS issued, byte for byte`);
      },
    },
    {
      id: 'CACHE-001',
      title: `the token is cached: ${CACHE_REPLIES} more replies within its hour need at most one more token request`,
      level: 'SHOULD',
      ids: ['BF-B2C-09', 'BF-B2C-08'],
      section: B2C('Step 2 ("we encourage ... cache and proactively refresh")'),
      expect: 'accept',
      why: 'The token may be reused until it expires (MAY, BF-B2C-08), and the spec encourages caching it (SHOULD, BF-B2C-09): a token request per reply slows every reply and loads the login service.',
      run: async (ctx) => {
        const since = Date.now();
        const xs: Exchange[] = [];
        for (let i = 0; i < CACHE_REPLIES; i++) xs.push(await ctx.send());
        const delivered = xs.filter((x) => connectorReply(x)?.accepted).length;
        const requests = (await ctx.tokenRequests(since)).length;
        if (delivered < CACHE_REPLIES) return moot(`only ${delivered} of ${CACHE_REPLIES} replies reached the Connector with an accepted bearer`);
        if (requests > 1) return bad(`${requests} token requests for ${CACHE_REPLIES} replies within the token's lifetime (at most 1 expected)`);
        const tokens = new Set(xs.map((x) => connectorReply(x)?.bearer.fingerprint));
        return ok(`${requests} token request(s) for ${CACHE_REPLIES} replies; ${tokens.size} distinct bearer(s)`);
      },
    },
    {
      id: 'REF-001',
      title: 'the token is renewed before it expires: 2 minutes before expiry (by the bot\'s clock) the next reply carries a new token',
      level: 'SHOULD',
      ids: ['BF-B2C-09'],
      section: B2C('Step 2 ("we encourage ... cache and proactively refresh")'),
      expect: 'accept',
      why: 'A token renewed only at (or after) its expiry can expire in flight, on the way to the Connector or while a long turn runs; the spec encourages refreshing it proactively. MSAL, under both SDKs, renews 5 minutes ahead. Needs the clock preload (a Node SUT).',
      run: async (ctx) => {
        const at = await clockToExpiry(ctx, 120_000);
        if (!('since' in at)) return at;
        return freshBearer(ctx, await ctx.send(), at.since, '2 minutes before the token\'s expiry');
      },
    },
    {
      id: 'EXP-001',
      title: 'an expired token is not presented: a minute after expiry (by the bot\'s clock) the next reply carries a new token',
      level: 'MUST',
      ids: ['BF-B2C-10'],
      section: B2C('Step 2 ("It may be used until its expiration")'),
      expect: 'accept',
      why: 'A token may be used until it expires, not after. Needs the clock preload (a Node SUT); the fake Connector judges time by the real clock, so the case compares tokens, not the Connector\'s verdict.',
      run: async (ctx) => {
        const at = await clockToExpiry(ctx, -60_000);
        if (!('since' in at)) return at;
        return freshBearer(ctx, await ctx.send(), at.since, 'a minute after the token\'s expiry');
      },
    },
    {
      id: 'EXP-002',
      title: `a short expires_in is honoured: a token issued for ${SHORT_LIFETIME_S} s is not presented ${SHORT_WAIT_MS / 1000} s later`,
      level: 'MUST',
      ids: ['BF-B2C-10'],
      section: B2C('Step 2 ("expires_in ... It may be used until its expiration")'),
      expect: 'accept',
      why: 'The lifetime is what expires_in says, not "typically one hour": a bot that assumes an hour presents expired tokens, which the Connector refuses. The STS issues the next token for 2 s (the clock moved past the current one\'s expiry so that the bot asks); after 2.5 s of real time the next reply must carry another token.',
      run: async (ctx) => {
        await ctx.sts({ lifetimeSeconds: SHORT_LIFETIME_S });
        const at = await clockToExpiry(ctx, -60_000);
        if (!('since' in at)) return at;
        const first = await ctx.send();
        const issued = await ctx.issuedTokens();
        const t1 = connectorReply(first)?.bearer.fingerprint;
        const short = t1 ? issued.get(t1) : undefined;
        if (!short || short.hit.at < at.since || short.expiresIn !== SHORT_LIFETIME_S) return moot(`the bot did not reply with a token obtained after its clock passed the last one's expiry (${describeReply(connectorReply(first), issued)}), so no short-lived token was in use (EXP-001 judges that)`);
        await new Promise((resolve) => setTimeout(resolve, SHORT_WAIT_MS));
        const since = Date.now();
        const second = await ctx.send();
        const r = connectorReply(second);
        if (r && r.bearer.fingerprint === t1) return bad(`${SHORT_WAIT_MS / 1000} s after a token issued with expires_in ${SHORT_LIFETIME_S}, the bot presented it again${r.accepted === false ? ` (the Connector refused it: ${r.problem})` : ''}`);
        return freshBearer(ctx, second, since - SHORT_WAIT_MS, `${SHORT_WAIT_MS / 1000} s after a ${SHORT_LIFETIME_S} s token`);
      },
    },
    {
      id: 'LEAK-001',
      title: 'the Connector answers the reply with a 307 redirect to another origin: the bearer does not follow it',
      level: 'MUST',
      ids: ['BF-B2C-13'],
      section: B2C('Step 3, NOTE'),
      expect: 'reject',
      why: 'The token works like a password and must go to the Connector only. An HTTP client that follows a cross-origin redirect with the Authorization header hands it to whoever the Location names (the class of CVE-2022-0155 in follow-redirects). Following it without the header is allowed.',
      cwe: ['CWE-522', 'CWE-601'],
      run: async (ctx) => noBearerAt(await ctx.send({ conversationPrefix: 'redirect-' }), 'attacker', 'the decoy (the redirect\'s target)'),
    },
    {
      id: 'LEAK-002',
      title: 'an activity whose serviceUrl names a decoy, under a genuine token whose serviceurl is the Connector: the decoy receives no bearer',
      level: 'MUST',
      ids: ['BF-B2C-13', 'BF-CUR-10'],
      section: `${B2C('Step 3, NOTE')}; ${FACT('serviceurl claim')}`,
      expect: 'reject',
      why: 'The token binds the activity to the Connector it came from (serviceurl); a replayed token with another serviceUrl must not make the bot send its Connector token there.',
      cwe: ['CWE-522', 'CWE-345'],
      run: async (ctx) => noBearerAt(await ctx.send({ serviceUrl: (u) => `${u.attacker}/`, claimServiceUrl: (u) => `${u.front}/` }), 'attacker', 'the decoy'),
    },
    {
      id: 'TLS-001',
      title: 'an activity whose serviceUrl is http:// (the token says so too): no bearer goes over plain HTTP',
      level: 'MUST',
      ids: ['BF-B2C-14', 'BF-GEN-01'],
      section: B2C('Step 3, NOTE'),
      expect: 'reject',
      why: 'The bot must never send its Connector token over an unencrypted connection, whatever the activity (or the channel) names as its service URL.',
      cwe: ['CWE-319'],
      run: async (ctx) => noBearerAt(await ctx.send({ serviceUrl: (u) => `${u['plain-connector']}/` }), 'plain-connector', 'the plain-HTTP Connector'),
    },
    {
      id: 'TLS-002',
      title: 'an activity whose serviceUrl is a Connector whose certificate no trusted CA issued (the token says so too): no bearer reaches it',
      level: 'MUST',
      ids: ['BF-GEN-03', 'BF-B2C-13'],
      section: 'Authentication technologies, item 1 (TLS); Bot -> Connector, Step 3, NOTE',
      expect: 'reject',
      why: 'A bot that does not check the Connector\'s certificate sends its token to whoever answers for the name. The server\'s certificate comes from a CA that is not in NODE_EXTRA_CA_CERTS; the handshake must fail, so the server must record nothing.',
      cwe: ['CWE-295'],
      run: async (ctx) => noBearerAt(await ctx.send({ serviceUrl: (u) => `${u['untrusted-connector']}/` }), 'untrusted-connector', 'the untrusted-certificate Connector'),
    },
    {
      id: 'ROB-001',
      title: 'the STS answers 500 when the token has expired: that reply fails (no call without a fresh token) and the bot stays up',
      level: 'MUST',
      ids: ['BF-B2C-01', 'BF-B2C-12'],
      section: B2C('Steps 1-3'),
      expect: 'accept',
      why: 'Without a token there is no authenticated call: the bot must not call the Connector with no token or an expired one, nor crash; the failure is that reply\'s alone. (Recovering after a 500 is ROB-005.)',
      run: stsFault({ kind: 'status', status: 500 }, 'answered 500', 'during'),
    },
    {
      id: 'ROB-005',
      title: 'after an STS 500, the next reply succeeds as soon as the STS answers again',
      level: 'SHOULD',
      ids: ['BF-B2C-01'],
      section: B2C('Step 1'),
      expect: 'accept',
      why: 'One failed token request should cost one reply, not a minute of them. A SHOULD: MSAL deliberately holds back requests for 60 s after a 5xx without Retry-After (its throttling), to spare a failing login service; the harness\'s 500 carries no Retry-After.',
      run: stsFault({ kind: 'status', status: 500 }, 'answered 500', 'recovery'),
    },
    {
      id: 'ROB-002',
      title: 'the STS answers 400 (invalid_request): that reply fails, the bot stays up, and the next reply succeeds once the STS recovers',
      level: 'SHOULD',
      ids: ['BF-B2C-01', 'BF-B2C-12'],
      section: B2C('Steps 1-3'),
      expect: 'accept',
      why: 'As ROB-001, for an OAuth error answer, and the next reply gets a new token once the STS answers again.',
      run: stsFault({ kind: 'status', status: 400 }, 'answered 400', 'both'),
    },
    {
      id: 'ROB-003',
      title: 'the STS answers 200 with an HTML page, not JSON: that reply fails, the bot stays up, and the next reply succeeds once the STS recovers',
      level: 'SHOULD',
      ids: ['BF-B2C-01', 'BF-B2C-12'],
      section: B2C('Steps 1-3'),
      expect: 'accept',
      why: 'As ROB-002, for a body a proxy or an outage page might put in place of the token response.',
      run: stsFault({ kind: 'garbage' }, 'answered an HTML page', 'both'),
    },
    {
      id: 'ROB-004',
      title: `the STS answers ${SLOW_STS_MS / 1000} s late: whether that reply gets through, and the bot stays up (reported)`,
      level: 'INFO',
      ids: ['BF-B2C-01'],
      section: B2C('Step 1'),
      expect: 'either',
      why: 'A slow login service delays the reply; whether the bot waits or gives up is its choice. Reported only.',
      run: async (ctx) => {
        const at = await clockToExpiry(ctx, -60_000, 3600);
        if (!('since' in at)) return at;
        await ctx.sts({ fault: { kind: 'slow', delayMs: SLOW_STS_MS } });
        const started = Date.now();
        const x = await ctx.send({ waitMs: SLOW_STS_MS + 2000 });
        const ms = Date.now() - started;
        const gone = await ctx.sutGone();
        if (gone) return bad(`the bot went down: ${gone}`);
        const r = connectorReply(x);
        return r?.accepted ? ok(`the reply got through with the late token; the activity was answered ${x.status ?? x.error} after ${ms} ms`) : bad(`no accepted reply (${describeReply(r, await ctx.issuedTokens())}); the activity was answered ${x.status ?? x.error}`);
      },
    },
    {
      id: 'TLS-003',
      title: 'the STS presents a certificate no trusted CA issued when the token has expired: the bot sends it no token request (and so not its app password)',
      level: 'MUST',
      ids: ['BF-GEN-03', 'BF-B2C-02'],
      section: 'Authentication technologies, item 1 (TLS); Bot -> Connector, Step 1',
      expect: 'reject',
      why: 'A bot that does not check the login service\'s certificate hands its app password to whoever answers for the login host. The harness moves the SUT\'s clock past the token\'s expiry and has the STS\'s server (the Connector\'s too) present a certificate for the right names from a CA that is not in NODE_EXTRA_CA_CERTS: the handshake must fail, so no token request may arrive. The bot must have opened a connection (else it never saw the certificate: moot); a token request in cleartext never saw one either (STS-001 judges that).',
      cwe: ['CWE-295'],
      run: async (ctx) => {
        const at = await clockToExpiry(ctx, -60_000, 3600);
        if (!('since' in at)) return at;
        const before = await ctx.stsTlsConnections();
        await ctx.sts({ fault: { kind: 'untrusted-certificate' } });
        // Swapping the certificate closes the bot's pooled connections; a bot that reuses one before it
        // has seen it close fails that activity without a new handshake. Its next activity opens a new
        // connection, so another activity is sent (three in all at most) while none was opened and
        // nothing was sent: every exchange is judged.
        const exchanges = [await ctx.send()];
        let opened = (await ctx.stsTlsConnections()) - before;
        while (!opened && exchanges.length < 3 && exchanges.every((x) => !x.sts.length && !x.replies.length)) {
          exchanges.push(await ctx.send());
          opened = (await ctx.stsTlsConnections()) - before;
        }
        const gone = await ctx.sutGone();
        if (gone) return bad(`the bot went down when the STS presented an untrusted certificate: ${gone}`);
        const tokenRequests = exchanges.flatMap((x) => x.sts);
        const overTls = tokenRequests.filter((r) => r.hit.scheme !== 'http');
        if (overTls.length) return bad(`the bot sent ${overTls.length} token request(s), its app password with them, over a TLS connection whose certificate no trusted CA issued`);
        const sent = exchanges.flatMap((x) => x.replies).filter((r) => r.server === 'front');
        if (sent.length) return bad(`the bot called the Connector over a TLS connection whose certificate no trusted CA issued: ${describeReply(sent[0], await ctx.issuedTokens())}`);
        if (tokenRequests.length) return moot('the bot\'s token requests went in cleartext, so it was never shown the certificate (STS-001 judges that)');
        if (!opened) return moot(`the bot opened no connection to the STS after its token expired (${exchanges.length} activities), so it was never shown the certificate (EXP-001 judges that)`);
        const answers = exchanges.map((x) => x.status ?? x.error).join(', then ');
        return ok(`the bot opened ${opened} TLS connection(s) to the STS's server and sent nothing over them: no token request, no reply (its answer to the ${exchanges.length > 1 ? 'activities' : 'activity'}: ${answers})`);
      },
    },
  ];
}

export function botOutboundCases(): CaseDef[] {
  return catalog().map((x) => ({
    id: `BF-B2O-${x.id}`,
    profile: 'bot-outbound',
    path: 'channel',
    location: entryLocation(x.id),
    title: x.title,
    requirement: { ids: x.ids, spec: x.spec ?? SPEC, section: x.section, level: x.level },
    expect: x.expect,
    why: x.why,
    mutations: [],
    ...(x.isControl ? { isControl: true } : {}),
    outbound: { run: x.run, ...(x.onControl ? { onControl: true } : {}) },
    ...(x.cwe ? { cwe: x.cwe } : {}),
  }));
}
