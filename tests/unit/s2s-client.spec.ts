// The s2s-client machinery on its own: the verdict rule (controls first), reading what a client sent
// (tokens decoded, actors verified against the client's certificate with jose), the checks of the
// catalog on hand-made tokens, the resource fake's answers and the one-shot runner's deadline.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CompactSign } from 'jose';
import { createTestCa } from '../../harness/ca/test-ca';
import { ofKind } from '../../harness/engine/case-model';
import { observe, type ClientExpect, type ClientObservation } from '../../profiles/s2s-client/observation';
import { evaluateClient } from '../../profiles/s2s-client/runner';
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { CLIENT_ID, ISSUER_ID, USER } from '../../profiles/s2s-client/facts';
import { REALM, SHAREPOINT_ID } from '../../profiles/s2s/facts';
import type { Hit } from '../../harness/servers/router';
import { bearerTokenOf } from '../../harness/servers/s2s-resource';
import { runOneShot, type OneShotResult } from '../../harness/sut/one-shot';
import { CATALOGS } from '../../profiles/registry';

const keys = createSigningKeys(createTestCa(), [{ name: 'client' }, { name: 'other' }]);
const NOW = Math.floor(Date.now() / 1000);
const HOST = 'sharepoint.contoso.test';
const x: ClientExpect = { realm: REALM, clientId: SHAREPOINT_ID, authority: HOST, issuerId: ISSUER_ID, ownId: CLIENT_ID, x5t: keys.client.jwk.x5t, user: USER };
const exit0: OneShotResult = { exitCode: 0, signal: null, timedOut: false, durationMs: 100, tail: [] };
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

const actorClaims = (extra: Record<string, unknown> = {}) => ({ aud: `${SHAREPOINT_ID}/${HOST}@${REALM}`, iss: `${ISSUER_ID}@${REALM}`, nameid: `${CLIENT_ID}@${REALM}`, nbf: String(NOW), exp: String(NOW + 43200), ...extra });
async function actor(claims = actorClaims(), header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', x5t: keys.client.jwk.x5t }, key = keys.client.privateKeyPem): Promise<string> {
  const { createPrivateKey } = await import('node:crypto');
  return new CompactSign(Buffer.from(JSON.stringify(claims))).setProtectedHeader(header as { alg: string }).sign(createPrivateKey(key));
}
const outer = (act: string, extra: Record<string, unknown> = {}, claim = 'actortoken') =>
  `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ aud: `${SHAREPOINT_ID}/${HOST}@${REALM}`, iss: `${CLIENT_ID}@${REALM}`, nbf: String(NOW), exp: String(NOW + 43200), nameid: USER.toLowerCase(), nii: 'urn:office:idp:activedirectory', [claim]: act, ...extra })}.`;
const hit = (authorization?: string, server = 'resource'): Hit => ({ at: NOW * 1000, server, method: 'GET', host: HOST, path: '/sites/plain/_api/web', query: '', headers: authorization === undefined ? {} : { authorization }, body: '' });

async function observed(tokens: string[], decoy: Hit[] = []): Promise<ClientObservation> {
  return observe({ scenario: 'plain', target: `https://${HOST}/sites/plain/_api/web`, run: exit0, targetHits: [hit('Bearer'), ...tokens.map((t) => hit(`Bearer ${t}`))], decoyHits: decoy, certPem: keys.client.certPem });
}
const check = (id: string) => CATALOGS['s2s-client'].filter(ofKind('client')).find((c) => c.id === id)!.client.check;

test('the verdict: a run that proves nothing is an error, a failed control makes the case inconclusive, then the check decides', () => {
  expect(evaluateClient({ expect: 'accept' }, { runError: 'hung', controls: [] })).toEqual({ outcome: 'error', reason: 'hung' });
  expect(evaluateClient({ expect: 'accept' }, { controls: [{ id: 'C-1', runError: 'hung' }] }).outcome).toBe('error');
  const inc = evaluateClient({ expect: 'reject' }, { controls: [{ id: 'C-1', problem: 'no token' }], verdict: { ok: true, saw: 'x' } });
  expect(inc).toEqual({ outcome: 'inconclusive', reason: 'the positive control C-1 failed (no token), so this case proves nothing' });
  expect(evaluateClient({ expect: 'accept' }, { controls: [{ id: 'C-1' }], verdict: { ok: false, problem: 'bad aud' } })).toEqual({ outcome: 'fail', reason: 'bad aud' });
  expect(evaluateClient({ expect: 'reject' }, { controls: [{ id: 'C-1' }], verdict: { ok: true, saw: 'no token' } })).toEqual({ outcome: 'pass', reason: 'no token' });
  expect(evaluateClient({ expect: 'accept' }, { controls: [{ id: 'C-1' }], verdict: { ok: 'moot', why: 'never asked' } })).toEqual({ outcome: 'inconclusive', reason: 'never asked' });
  // INFO: never a failure; what it found is kept as the noted problem.
  expect(evaluateClient({ expect: 'either' }, { controls: [], verdict: { ok: false, problem: 'upper case' } })).toEqual({ outcome: 'pass', reason: 'informational: upper case', responseProblem: 'upper case' });
});

test('reading what was sent: the discovery request carries no token; an app-only JWS verifies under the client certificate, one by another key does not', async () => {
  const o = await observed([await actor(), await actor(undefined, undefined, keys.other.privateKeyPem)]);
  expect(o.requests).toHaveLength(3);
  expect(o.tokens).toHaveLength(2);
  expect(o.tokens[0]).toMatchObject({ outer: false, actor: { verified: true } });
  expect(o.tokens[1].actor).toMatchObject({ verified: false });
  expect(check('S2SC-POS-001')(o, x)).toMatchObject({ ok: true });
  expect(check('S2SC-POS-001')({ ...o, tokens: o.tokens.slice(1) }, x)).toMatchObject({ ok: false, problem: expect.stringContaining('does not verify under S2S_CLIENT_CERT') });
  expect(check('S2SC-DSC-001')(o, x)).toMatchObject({ ok: true });
  // A client that sends its token first never saw the challenge's shape (moot), but a realm it did not discover is still wrong.
  const noDiscovery = { ...o, requests: o.requests.slice(1) };
  expect(check('S2SC-DSC-001')(noDiscovery, x)).toMatchObject({ ok: false, problem: expect.stringContaining('a token before any discovery') });
  expect(check('S2SC-CHL-001')(noDiscovery, x)).toMatchObject({ ok: 'moot' });
  expect(check('S2SC-DSC-002')(noDiscovery, { ...x, realm: 'another-realm' })).toMatchObject({ ok: false });
});

test('an outer token: the actor is found in actortoken (or actort) and verified; OUT checks read both', async () => {
  const a = await actor(actorClaims({ trustedfordelegation: 'true' }));
  const good = await observed([outer(a)]);
  expect(good.tokens[0]).toMatchObject({ outer: true, actor: { claim: 'actortoken', verified: true } });
  for (const id of ['S2SC-POS-002', 'S2SC-OUT-001', 'S2SC-OUT-002', 'S2SC-OUT-003', 'S2SC-OUT-004', 'S2SC-OUT-005', 'S2SC-OUT-006', 'S2SC-LC-001']) expect(check(id)(good, x), id).toMatchObject({ ok: true });
  const actort = await observed([outer(a, {}, 'actort')]);
  expect(actort.tokens[0].actor).toMatchObject({ claim: 'actort', verified: true });
  expect(check('S2SC-POS-002')(actort, x)).toMatchObject({ ok: true });
  expect(check('S2SC-OUT-002')(actort, x)).toMatchObject({ ok: false });
  const wrongIss = await observed([outer(a, { iss: `${ISSUER_ID}@${REALM}` })]);
  expect(check('S2SC-OUT-003')(wrongIss, x)).toMatchObject({ ok: false, problem: expect.stringContaining("is not the actor's nameid") });
  const upper = await observed([outer(a, { nameid: USER })]);
  expect(check('S2SC-LC-001')(upper, x)).toMatchObject({ ok: false, problem: expect.stringContaining('outer nameid') });
  expect(check('S2SC-OUT-004')(upper, x)).toMatchObject({ ok: true }); // letter case is LC-001's business
});

test('actor checks: x5t as hex, times in milliseconds, numbers instead of strings, aud with :443', async () => {
  const hex = await observed([await actor(undefined, { alg: 'RS256', typ: 'JWT', x5t: 'AB'.repeat(20) })]);
  expect(check('S2SC-ACT-002')(hex, x)).toMatchObject({ ok: false, problem: expect.stringContaining('a hex thumbprint') });
  const ms = await observed([await actor(actorClaims({ nbf: String(NOW * 1000), exp: String((NOW + 43200) * 1000) }))]);
  expect(check('S2SC-ACT-008')(ms, x)).toMatchObject({ ok: false, problem: expect.stringContaining('in milliseconds') });
  const numbers = await observed([await actor(actorClaims({ nbf: NOW, exp: NOW + 43200, trustedfordelegation: true }))]);
  expect(check('S2SC-ACT-008')(numbers, x)).toMatchObject({ ok: true }); // numbers are still seconds
  // The lifetime is reported on its own (INFO): two days is noted, a missing x5t is no failure.
  const twoDays = await observed([await actor(actorClaims({ nbf: String(NOW), exp: String(NOW + 2 * 86400) }))]);
  expect(check('S2SC-ACT-006')(twoDays, x)).toMatchObject({ ok: false, problem: expect.stringContaining('more than a day') });
  expect(check('S2SC-ACT-008')(twoDays, x)).toMatchObject({ ok: true });
  expect(check('S2SC-ACT-002')(await observed([await actor(undefined, { alg: 'RS256', typ: 'JWT' })]), x)).toMatchObject({ ok: true });
  expect(check('S2SC-ACT-007')(numbers, x)).toMatchObject({ ok: false, problem: 'not strings: nbf ' + NOW + ', exp ' + (NOW + 43200) + ', trustedfordelegation true' });
  const port = await observed([await actor(actorClaims({ aud: `${SHAREPOINT_ID}/${HOST}:443@${REALM}` }))]);
  expect(check('S2SC-ACT-003')(port, x)).toMatchObject({ ok: false });
  expect(check('S2SC-ACT-003')(await observed([await actor(actorClaims({ aud: `${SHAREPOINT_ID}/SharePoint.Contoso.TEST@${REALM}` }))]), x)).toMatchObject({ ok: true }); // host: any letter case
});

test('where no token may go: the decoy once the target redirected there, the target itself', async () => {
  const a = await actor();
  const toDecoy = await observed([], [hit(undefined, 'attacker'), hit(`Bearer ${a}`, 'attacker')]);
  expect(check('S2SC-RDR-001')(toDecoy, x)).toMatchObject({ ok: 'moot' }); // the target never redirected: nothing to judge
  toDecoy.requests[0].note = { answered: 307 };
  expect(check('S2SC-RDR-001')(toDecoy, x)).toMatchObject({ ok: false, problem: expect.stringContaining('1 request(s) carrying a token reached the decoy') });
  expect(check('S2SC-TLS-001')(await observed([a]), x)).toMatchObject({ ok: false });
  expect(check('S2SC-TLS-001')(await observed([]), x)).toMatchObject({ ok: true });
});

test('the Authorization header: an empty Bearer value is no token', () => {
  expect(bearerTokenOf('Bearer')).toBeUndefined();
  expect(bearerTokenOf('Bearer   ')).toBeUndefined();
  expect(bearerTokenOf(undefined)).toBeUndefined();
  expect(bearerTokenOf('Basic abc')).toBeUndefined();
  expect(bearerTokenOf('bearer a.b.c')).toBe('a.b.c');
});

test('a one-shot run: its exit, its output in the log (a private key redacted), and a deadline that stops a hung one with its children', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's2s-oneshot-'));
  const logFile = path.join(dir, 'sut.log');
  const base = { cwd: dir, env: { PATH: process.env.PATH ?? '' }, logFile, timeoutMs: 1500 };
  const said = await runOneShot({ ...base, command: `echo hello; printf -- '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----\\n'; exit 4` }, 'said');
  expect(said).toMatchObject({ exitCode: 4, timedOut: false });
  expect(said.tail[0]).toBe('hello');
  const started = Date.now();
  const hung = await runOneShot({ ...base, command: 'sleep 30 & sleep 30' }, 'hung');
  expect(hung.timedOut).toBe(true);
  expect(Date.now() - started).toBeLessThan(5000);
  const log = readFileSync(logFile, 'utf8');
  expect(log).toContain('--- said: exit 4');
  expect(log).toContain('[REDACTED]');
  expect(log).not.toContain('abc');
  expect(log).toContain('--- hung: stopped after');
});
