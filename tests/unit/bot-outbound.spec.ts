// The bot-outbound machinery on its own: the fake STS under the cases' control (lifetime, faults), the
// Connector's redirect to the decoy and its verdict on a bearer (BF-B2C-15: the harness self-test the
// requirement asks for), and the positive control's verdict on an exchange.
import { createPrivateKey } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { SignJWT } from 'jose';
import { createTestCa } from '../../harness/ca/test-ca';
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { BOT_APP_ID, BOT_CONNECTOR_SCOPE, EMULATOR_TENANTS, OTHER_APP_ID, v1Issuer } from '../../profiles/bot-framework/facts';
import { connectorBearerVerifier } from '../../profiles/bot-framework/world';
import { bearerOf, controlProblem, type Exchange, type StsRequest } from '../../profiles/bot-outbound/runner';
import { addConnectorRoutes } from '../../harness/servers/connector';
import { listen, type RunningServer } from '../../harness/servers/listen';
import { HitLog, Router, type Hit } from '../../harness/servers/router';
import { addStsControlRoutes, addStsRoutes, tokenFingerprint, type StsBehaviour } from '../../harness/servers/sts';

const log = new HitLog();
const sts: StsBehaviour = { lifetimeSeconds: 3600, fault: null };
let fake: RunningServer;
let control: RunningServer;

test.beforeAll(async () => {
  const router = new Router('front', log, 'http');
  let n = 0;
  addStsRoutes(router, { clientId: 'app', clientSecret: 'secret', allowsScope: (s) => s === 'https://api.botframework.com/.default', mint: (_c, _r, lifetime) => `token-${++n}-${lifetime}`, lifetimeSeconds: 3600 }, sts);
  addConnectorRoutes(router, { verifyBearer: async (t) => (t.startsWith('token-') ? undefined : 'bad'), redirectTo: (conv, path) => (conv.startsWith('redirect-') ? `https://decoy.test${path}` : undefined) });
  fake = await listen(router);
  const c = new Router('control', new HitLog(), 'http');
  addStsControlRoutes(c, sts);
  control = await listen(c);
});
test.afterAll(async () => {
  await fake.close();
  await control.close();
});

const form = (extra: Record<string, string> = {}) => new URLSearchParams({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'secret', scope: 'https://api.botframework.com/.default', ...extra });
const tokenRequest = () => fetch(`${fake.origin}/botframework.com/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form() });
const setSts = (body: unknown) => fetch(`${control.origin}/sts`, { method: 'POST', body: JSON.stringify(body) });

test('the STS issues for the lifetime the control route sets, records the token\'s fingerprint, and answers each fault', async () => {
  let res = await tokenRequest();
  const first = (await res.json()) as { access_token: string; expires_in: number };
  expect(first.expires_in).toBe(3600);
  const hit = log.query({ server: 'front', pathIncludes: '/oauth2/' }).at(-1)!;
  expect(hit.note).toMatchObject({ issued: true, expiresIn: 3600, token: tokenFingerprint(first.access_token) });

  await setSts({ lifetimeSeconds: 2 });
  expect(((await (await tokenRequest()).json()) as { expires_in: number }).expires_in).toBe(2);

  await setSts({ fault: { kind: 'status', status: 500 } });
  res = await tokenRequest();
  expect(res.status).toBe(500);
  expect(((await res.json()) as { error: string }).error).toBe('temporarily_unavailable');
  await setSts({ fault: { kind: 'garbage' } });
  res = await tokenRequest();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  await setSts({ fault: { kind: 'slow', delayMs: 300 } });
  const started = Date.now();
  expect((await tokenRequest()).status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  await setSts({ lifetimeSeconds: 3600, fault: null });
  expect(sts).toEqual({ lifetimeSeconds: 3600, fault: null });
});

test('the Connector redirects a redirect-* conversation to the decoy (307, the same path) and answers the others', async () => {
  const post = (conv: string) => fetch(`${fake.origin}/v3/conversations/${conv}/activities/a1`, { method: 'POST', headers: { authorization: 'Bearer token-9-3600' }, body: '{}', redirect: 'manual' });
  const r = await post('redirect-x');
  expect(r.status).toBe(307);
  expect(r.headers.get('location')).toBe('https://decoy.test/v3/conversations/redirect-x/activities/a1');
  expect((await post('conv-x')).status).toBe(200);
});

test('the positive control: a reply to the Connector with Bearer <an issued token> the Connector accepted, and nothing less', () => {
  const hit = (authorization?: string): Hit => ({ at: 1, server: 'front', method: 'POST', host: 'h', path: '/v3/conversations/c/activities', query: '', headers: authorization ? { authorization } : {}, body: '' });
  const issued = new Map<string, StsRequest>([[tokenFingerprint('T1'), { hit: hit(), issued: true, token: tokenFingerprint('T1'), expiresIn: 3600, form: new URLSearchParams() }]]);
  const x = (replies: Exchange['replies'], status = 200): Exchange => ({ conversation: 'c', serviceUrl: 'https://h/', status, replies, sts: [] });
  const reply = (auth?: string, accepted = true) => ({ server: 'front' as const, hit: hit(auth), bearer: bearerOf(auth), accepted, ...(accepted ? {} : { problem: 'bearer rejected' }) });
  expect(controlProblem(x([reply('Bearer T1')]), issued)).toBeUndefined();
  expect(controlProblem(x([reply('Bearer T1')], 401), issued)).toContain('refused the valid activity');
  expect(controlProblem(x([]), issued)).toBe('no reply reached the Connector');
  expect(controlProblem(x([reply()]), issued)).toBe('the reply carried no Authorization header');
  expect(controlProblem(x([reply('bearer T1')]), issued)).toContain('is not "Bearer <token>"');
  expect(controlProblem(x([reply('Bearer T2')]), issued)).toContain('not a token the STS issued');
  expect(controlProblem(x([reply('Bearer T1', false)]), issued)).toContain('the Connector refused');
});

test('the fake Connector accepts only an unexpired STS token for its audience whose appid is the bot (BF-B2C-15)', async () => {
  const keys = createSigningKeys(createTestCa(), [{ name: 'aad-a' }, { name: 'rogue' }]);
  const verify = connectorBearerVerifier([keys['aad-a'].jwk]);
  const now = Math.floor(Date.now() / 1000);
  const token = (claims: Record<string, unknown> = {}, key = 'aad-a') =>
    new SignJWT({ aud: BOT_CONNECTOR_SCOPE, iss: v1Issuer(EMULATOR_TENANTS[0]), iat: now, nbf: now, exp: now + 3600, appid: BOT_APP_ID, ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys[key].kid })
      .sign(createPrivateKey(keys[key].privateKeyPem));
  expect(await verify(await token())).toBeUndefined();
  expect(await verify(await token({ exp: now - 60 }))).toContain('bearer rejected');
  expect(await verify(await token({ aud: 'https://graph.microsoft.com' }))).toContain('bearer rejected');
  expect(await verify(await token({ iss: 'https://sts.windows.net/someone-else/' }))).toContain('bearer rejected');
  expect(await verify(await token({ appid: OTHER_APP_ID }))).toContain('is not the bot\'s app id');
  expect(await verify(await token({}, 'rogue'))).toContain('bearer rejected');
  expect(await verify('not.a.jwt')).toContain('bearer rejected');
});
