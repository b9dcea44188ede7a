// The token factory and mutations, checked with an independent verifier (jose) and the network sealed.
import { createPublicKey, X509Certificate } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { compactVerify, importSPKI, jwtVerify } from 'jose';
import nock from 'nock';
import { createTestCa } from '../../harness/ca/test-ca';
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { baseline, BOT_APP_ID, BOT_FRAMEWORK_KEYS, CHANNEL_ISSUER } from '../../profiles/bot-framework/facts';
import { renderToken, type CaseDraft } from '../../harness/tokens/draft';
import * as M from '../../harness/tokens/mutations';

test.beforeAll(() => nock.disableNetConnect());
test.afterAll(() => nock.enableNetConnect());

const ca = createTestCa();
const keys = createSigningKeys(ca, BOT_FRAMEWORK_KEYS);
const NOW = 1_800_000_000; // a frozen clock
const ctx = { keys, attackerOrigin: 'https://127.0.0.1:1', caseId: 'T-1', now: NOW, urls: { front: 'https://127.0.0.1:2', emulator: 'https://127.0.0.1:3' } };
const draft = (...mutations: M.Mutation[]): CaseDraft => {
  const d = baseline('channel', ctx);
  for (const m of mutations) m.apply(d, ctx);
  return d;
};
const segments = (t: string) => t.split('.');
const json = (seg: string) => Buffer.from(seg, 'base64url').toString('utf8');

test('the channel baseline is a JWT that jose verifies with the published key', async () => {
  const token = renderToken(draft().token, keys);
  const key = await importSPKI(keys['connector-a'].publicKeyPem, 'RS256');
  const { payload, protectedHeader } = await jwtVerify(token, key, { issuer: CHANNEL_ISSUER, audience: BOT_APP_ID, currentDate: new Date(NOW * 1000) });
  expect(protectedHeader.kid).toBe(keys['connector-a'].kid);
  expect(payload.serviceurl).toBe('https://127.0.0.1:2/');
});

test('the published JWK matches the private key, and kid is the certificate thumbprint', () => {
  const k = keys['connector-a'];
  const fromJwk = createPublicKey({ key: { kty: 'RSA', n: k.jwk.n, e: k.jwk.e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  expect(fromJwk).toBe(k.publicKeyPem);
  const cert = new X509Certificate(Buffer.from(k.jwk.x5c[0], 'base64'));
  expect(Buffer.from(cert.fingerprint.replace(/:/g, ''), 'hex').toString('base64url')).toBe(k.kid);
  expect(cert.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);
});

test('server certificates chain to the test CA and carry the real Microsoft names', () => {
  const leaf = new X509Certificate(ca.issueServerCert(['127.0.0.1', 'login.botframework.com']).certPem);
  expect(leaf.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);
  expect(leaf.checkHost('login.botframework.com')).toBe('login.botframework.com');
  expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
});

test('alg none drafts have an empty signature; kept-signature drafts keep one', () => {
  expect(segments(renderToken(draft(M.unsigned('None', 'empty')).token, keys))[2]).toBe('');
  const kept = renderToken(draft(M.unsigned('none', 'keep')).token, keys);
  expect(JSON.parse(json(segments(kept)[0])).alg).toBe('none');
  expect(segments(kept)[2].length).toBeGreaterThan(300);
});

test('key confusion signs an HMAC with the public key PEM text', async () => {
  const token = renderToken(draft(M.hmacWithPublicKey()).token, keys);
  await expect(compactVerify(token, new TextEncoder().encode(keys['connector-a'].publicKeyPem))).resolves.toBeTruthy();
});

test('a non-canonical signature decodes to the same bytes but is another string', () => {
  const good = renderToken(draft().token, keys);
  const odd = renderToken(draft(M.nonCanonicalSignature()).token, keys);
  expect(odd).not.toBe(good);
  expect(Buffer.from(segments(odd)[2], 'base64url').equals(Buffer.from(segments(good)[2], 'base64url'))).toBe(true);
});

test('duplicate members are serialised twice, the named value last', () => {
  const token = renderToken(draft(M.duplicateMember('claims', 'iss', 'first', 'last')).token, keys);
  const text = json(segments(token)[1]);
  expect(text.match(/"iss"/g)).toHaveLength(2);
  expect(JSON.parse(text).iss).toBe('last');
});

test('standard base64 payloads really contain non-base64url characters, and are signed as sent', async () => {
  const token = renderToken(draft(M.standardBase64Payload()).token, keys);
  expect(segments(token)[1]).toMatch(/[+/=]/);
  const key = await importSPKI(keys['connector-a'].publicKeyPem, 'RS256');
  const { createVerify } = await import('node:crypto');
  const [h, p, s] = segments(token);
  expect(createVerify('sha256').update(`${h}.${p}`).verify(key as never, Buffer.from(s, 'base64url'))).toBe(true);
});

test('time mutations are relative to the frozen clock', () => {
  const d = draft(M.timeClaim('exp', -310));
  expect(d.token.claims.exp).toBe(NOW - 310);
});
