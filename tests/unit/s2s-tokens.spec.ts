// The S2S token shapes: TokenHelper's outer + actor pair, x5t thumbprints and mutations that reach
// into the actor, checked with node:crypto's X509Certificate and jose, the network sealed, the clock frozen.
import { createHash, X509Certificate } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { compactVerify, importX509 } from 'jose';
import nock from 'nock';
import { createTestCa } from '../../harness/ca/test-ca';
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { audience, REALM, S2S_KEYS, s2sBaseline } from '../../profiles/s2s/facts';
import { renderToken } from '../../harness/tokens/draft';
import * as M from '../../harness/tokens/mutations';

test.beforeAll(() => nock.disableNetConnect());
test.afterAll(() => nock.enableNetConnect());

const keys = createSigningKeys(createTestCa(), S2S_KEYS);
const NOW = 1_800_000_000;
const ctx = { keys, attackerOrigin: 'https://127.0.0.1:1', caseId: 'T-1', now: NOW };
const part = (t: string, i: number) => JSON.parse(Buffer.from(t.split('.')[i], 'base64url').toString('utf8'));

test('app+user: an unsigned outer token whose actortoken is an RS256 JWS by the certificate x5t names', async () => {
  const token = renderToken(s2sBaseline('sharepoint-s2s', 'app-user', ctx).token, keys);
  expect(token.endsWith('.')).toBe(true);
  expect(part(token, 0)).toEqual({ alg: 'none', typ: 'JWT' });
  const outer = part(token, 1);
  const actor = outer.actortoken as string;
  const actorClaims = part(actor, 1);
  expect(outer.iss).toBe(actorClaims.nameid);
  expect(outer.aud).toBe(actorClaims.aud);
  expect(actorClaims).toMatchObject({ aud: audience(), trustedfordelegation: 'true', nbf: String(NOW), exp: String(NOW + 12 * 3600) });
  expect(actorClaims.iss.endsWith(`@${REALM}`)).toBe(true);
  const cert = new X509Certificate(keys['sts-a'].certPem);
  expect(part(actor, 0).x5t).toBe(createHash('sha1').update(cert.raw).digest('base64url'));
  await compactVerify(actor, await importX509(keys['sts-a'].certPem, 'RS256'));
});

test('xoauth carries the actor in actort; app-only is the actor alone, without trustedfordelegation', () => {
  expect(Object.keys(part(renderToken(s2sBaseline('xoauth', 'app-user', ctx).token, keys), 1))).toContain('actort');
  const appOnly = part(renderToken(s2sBaseline('xoauth', 'app-only', ctx).token, keys), 1);
  expect(appOnly).not.toHaveProperty('trustedfordelegation');
  expect(appOnly.nameid).toMatch(/@/);
});

test('onEmbedded mutates only the actor; dropEmbedded removes it', () => {
  const d = s2sBaseline('sharepoint-s2s', 'app-user', ctx);
  M.onEmbedded(M.deleteClaim('trustedfordelegation')).apply(d, ctx);
  const outer = part(renderToken(d.token, keys), 1);
  expect(part(outer.actortoken, 1)).not.toHaveProperty('trustedfordelegation');
  expect(outer.nameid).toBeDefined();
  M.dropEmbedded().apply(d, ctx);
  expect(part(renderToken(d.token, keys), 1)).not.toHaveProperty('actortoken');
  expect(() => M.onEmbedded(M.deleteClaim('x')).apply(d, ctx)).toThrow(/embedded token/);
});
