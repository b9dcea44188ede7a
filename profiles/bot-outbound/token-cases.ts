// bot-outbound, first part of the catalog: the positive control, the token request (endpoint, scope,
// form), the bearer as issued, and the token's cache, renewal and expiry. Ids are public: never renumber.
import { entryLocation, located } from '../../harness/engine/catalog-location';
import { controlProblem, type Exchange } from './runner';
import { authorizationShown } from '../../harness/results/redact';
import { BOT_APP_ID, BOT_CONNECTOR_SCOPE } from '../bot-framework/facts';
import { B2C, bad, CACHE_REPLIES, clockToExpiry, connectorReply, describeEndpoint, describeReply, endpointOf, freshBearer, isForm, moot, ok, SCOPE, SHORT_LIFETIME_S, SHORT_WAIT_MS, TOKEN_PATH, TOKEN_PATH_V1, type Spec } from './judging';

/** In catalog order: the cases run one at a time in this order. */
export function tokenCases(): Spec[] {
  const entries: Spec[] = [
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
      why: 'v3.1 moved the token endpoint from /common/oauth2/v2.0/token to /botframework.com/oauth2/v2.0/token; the login URL comes from ToChannelFromBotLoginUrl. Judged on every token request the bot made up to the control; the port of the fake STS also answers cleartext HTTP, so a token request sent in the clear is seen and fails. The AAD v1 endpoint of the same authority (/botframework.com/oauth2/token, ADAL-era SDKs) issues the same token, which the Connector accepts: it passes here, named as v1 in the evidence, and STS-004 judges it (SHOULD).',
      onControl: true,
      run: async (ctx) => {
        const all = await ctx.tokenRequests();
        const cleartext = all.filter((x) => x.scheme === 'http');
        if (cleartext.length) return bad(`${cleartext.length} token request(s) over plain HTTP (POST http://${cleartext[0].host}${cleartext[0].path}): the client secret went in the clear`);
        const wrong = all.filter((x) => x.method !== 'POST' || (x.path !== TOKEN_PATH && x.path !== TOKEN_PATH_V1));
        if (wrong.length) return bad(`token request(s) to ${[...new Set(wrong.map((x) => `${x.method} ${x.path}`))].join(', ')} (expected POST ${TOKEN_PATH})`);
        const v1 = all.filter((x) => endpointOf(x) === 'v1');
        if (v1.length) return ok(`${all.length} token request(s) over TLS to the bot's authority, ${v1.length} of them to the AAD v1 endpoint (${[...new Set(v1.map((x) => `${x.method} ${x.path}${x.query}`))].join(', ')}; STS-004 judges that)`);
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
      why: 'The Connector accepts only tokens for its own audience; the fake STS, like the real one, issues a Graph token for the Graph scope, which the Connector then refuses. A request to the AAD v1 endpoint names the resource instead (resource=https://api.botframework.com, the same audience): judged by it, named as such in the evidence; STS-004 judges the endpoint.',
      onControl: true,
      run: async (ctx) => {
        const requests = await ctx.tokenRequests();
        if (requests.length && !requests.every(isForm)) return moot('a token request is not form-encoded, so its scope cannot be read as the spec sends it (STS-003 judges that)');
        if (!requests.length) return moot('no token request to judge');
        // v1 names the audience itself (resource); v2.0 names it as <audience>/.default (scope).
        const asked = requests.map((x) => {
          const form = new URLSearchParams(x.body);
          return endpointOf(x) === 'v1' ? { v1: true, value: form.get('resource'), want: BOT_CONNECTOR_SCOPE } : { v1: false, value: form.get('scope'), want: SCOPE };
        });
        const wrong = asked.filter((a) => a.value !== a.want);
        if (wrong.length) return bad(`${[...new Set(wrong.map((a) => `${a.v1 ? 'resource' : 'scope'} ${JSON.stringify(a.value)}`))].join(', ')} requested (expected scope ${SCOPE}${wrong.some((a) => a.v1) ? `, or resource ${BOT_CONNECTOR_SCOPE} on the v1 endpoint` : ''})`);
        const v1 = asked.filter((a) => a.v1).length;
        if (v1) return ok(`${asked.length} token request(s) for the Connector's audience: ${v1} on the AAD v1 endpoint with resource ${BOT_CONNECTOR_SCOPE} instead of a scope (STS-004 judges that)${asked.length > v1 ? `, ${asked.length - v1} with scope ${SCOPE}` : ''}`);
        return ok(`${asked.length} token request(s), each with scope ${SCOPE}`);
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
      id: 'STS-004',
      title: `the token comes from the v2.0 endpoint with scope ${SCOPE}, not from the AAD v1 endpoint (${TOKEN_PATH_V1}, resource=) of ADAL-era SDKs`,
      level: 'SHOULD',
      ids: ['BF-B2C-03', 'BF-B2C-05'],
      section: B2C('Step 1; the changes table (v3.1)'),
      expect: 'accept',
      why: 'The spec\'s token request goes to the v2.0 endpoint and names the scope. ADAL-era SDKs (botbuilder up to 4.16, through adal-node, retired by Microsoft) ask the AAD v1 endpoint of the same authority for the resource (https://api.botframework.com, ?api-version=1.5), after asking login.windows.net to validate the authority. AAD still issues the same v1 token there and the Connector accepts it, so no conformant server refuses it and no secret goes anywhere else: SHOULD (LEVELS.md, the client roles). The evidence names the endpoint of every token request, so that an old SDK is told from a new one.',
      onControl: true,
      run: async (ctx) => {
        const all = await ctx.tokenRequests();
        if (!all.length) return moot('no token request to judge');
        const v1 = all.filter((x) => endpointOf(x) === 'v1');
        if (v1.length) return bad(`${v1.length} of ${all.length} token request(s) to the AAD v1 endpoint: ${[...new Set(v1.map((x) => `${x.method} ${x.path}${x.query} with resource ${JSON.stringify(new URLSearchParams(x.body).get('resource'))}`))].join(', ')}`);
        return ok(`${all.length} token request(s), none to the AAD v1 endpoint: ${[...new Set(all.map(describeEndpoint))].join(', ')}`);
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
      // Waits 2.5 s of real time: in a world of its own (a bot of its own), beside the others.
      world: 'short-lived-token',
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
  ];
  return entries.map((x) => located(x, entryLocation(x.id)));
}
