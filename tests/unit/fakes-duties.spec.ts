// The duties of the parties the harness plays (Microsoft's action-token signer, the S2S STS): no SUT
// can be judged on them, so profiles/coverage-notes.json points here. Each test checks what the
// harness mints with an independent verifier (jose), the network sealed, the clock frozen.
import { expect, test } from '@playwright/test';
import { compactVerify, importSPKI, importX509, jwtVerify } from 'jose';
import nock from 'nock';
import { createTestCa } from '../../harness/ca/test-ca';
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { renderToken } from '../../harness/tokens/draft';
import { AM_KEYS, amBaseline, SENDER, USER_EMAIL, USER_OID, type AmPath } from '../../profiles/actionable-messages/facts';
import { S2S_KEYS, s2sBaseline } from '../../profiles/s2s/facts';

test.beforeAll(() => nock.disableNetConnect());
test.afterAll(() => nock.enableNetConnect());

const ca = createTestCa();
const NOW = 1_800_000_000;

test('action tokens are JWTs signed by a published key, sub names the user (email in email, object id in connector messages), sender the sender (AM-08, AM-12, AM-13)', async () => {
  const keys = createSigningKeys(ca, AM_KEYS);
  const ctx = { keys, attackerOrigin: 'https://127.0.0.1:1', caseId: 'T-1', now: NOW };
  const key = await importSPKI(keys['am-a'].publicKeyPem, 'RS256');
  const payloadOf = async (path: AmPath) => (await jwtVerify(renderToken(amBaseline(path, ctx).token, keys), key, { currentDate: new Date(NOW * 1000) })).payload;
  const email = await payloadOf('email');
  expect(email.sub).toBe(USER_EMAIL);
  expect(email.sender).toBe(SENDER);
  expect((await payloadOf('connector')).sub).toBe(USER_OID);
  for (const path of ['entra-v2', 'entra-v1'] as const) expect((await payloadOf(path)).sub).toBe(USER_OID);
});

test('S2S tokens the harness issues as the STS are signed by a trusted certificate and carry aud, iss, nameid, nbf and exp (XO-25)', async () => {
  const keys = createSigningKeys(ca, S2S_KEYS);
  const ctx = { keys, attackerOrigin: 'https://127.0.0.1:1', caseId: 'T-1', now: NOW };
  const cert = await importX509(keys['sts-a'].certPem, 'RS256');
  for (const profile of ['sharepoint-s2s', 'xoauth'] as const) {
    const token = renderToken(s2sBaseline(profile, 'app-only', ctx).token, keys);
    // S2S times are strings (TokenHelper), which jwtVerify's time checks refuse: the signature is
    // verified alone and the times read as numbers.
    const payload = JSON.parse(new TextDecoder().decode((await compactVerify(token, cert)).payload)) as Record<string, unknown>;
    for (const claim of ['aud', 'iss', 'nameid', 'nbf', 'exp']) expect(payload[claim], `${profile} ${claim}`).toBeTruthy();
    expect(Number(payload.nbf)).toBeLessThanOrEqual(NOW);
    expect(Number(payload.exp)).toBeGreaterThan(NOW);
  }
});
