// The S2S profiles' own rules, second part: the outer token and its actor, the STS metadata document,
// and the metadata's certificates over time (the key-lifecycle cases, run after all others one at a
// time, in this order). Ids are public: never renumber.
import type { Level } from '../../harness/engine/case-model';
import { callerLocation, located } from '../../harness/engine/catalog-location';
import type { FaultKind } from '../../harness/servers/key-lifecycle';
import * as M from '../../harness/tokens/mutations';
import { A, both, fact, sigRef, sps, xo, type Ref, type S2sCase } from './catalog-kit';
import { audience, CLIENT_APP_ID, ISSUER_A_ID, issuerAt, SHAREPOINT_ID } from './facts';
import { stringTime } from './paths';

export function actorCases(): S2sCase[] {
  const c: S2sCase[] = [];
  const add = (x: S2sCase) => void c.push(located(x, callerLocation(1, x.id)));

  // ---- outer token ⟷ actor -----------------------------------------------------------------
  const out = (id: string, title: string, mutations: M.Mutation[], why: string, refs: { sps: Ref; xo: Ref }, cwe = ['CWE-345']) =>
    add({ id, path: 'app-user', title, expect: 'reject', mutations, why, cwe, ...refs });
  out('OUT-001', 'outer iss = the actor\'s nameid in upper case', [M.setClaim('iss', issuerAt(CLIENT_APP_ID).toUpperCase())], 'The outer iss equals the actor\'s nameid under a case-sensitive comparison.',
    { sps: sps('MUST', ['SPS-21'], '3.1.5 Step 6, criterion 3'), xo: xo('MUST', ['XO-34'], '3.2.5.6, criterion 4') }, ['CWE-178', 'CWE-345']);
  out('OUT-002', 'outer iss = the actor\'s iss instead of its nameid', [M.setClaim('iss', issuerAt(ISSUER_A_ID))], 'The outer iss is matched with the actor\'s nameid (3.2.5.6 stands over the garbled 3.2.5.2 Step 7, XO-49).',
    { sps: xo('MUST', ['XO-49', 'SPS-21'], '3.2.5.6 criterion 4 vs 3.2.5.2 Step 7'), xo: xo('MUST', ['XO-49', 'XO-34'], '3.2.5.6 criterion 4 vs 3.2.5.2 Step 7') });
  out('OUT-003', 'outer iss missing', [M.deleteClaim('iss')], 'Without an outer iss nothing binds the user data to the actor.',
    { sps: sps('MUST', ['SPS-21'], '3.1.5 Step 6, criterion 3'), xo: xo('MUST', ['XO-34'], '3.2.5.6, criterion 4') });
  out('OUT-004', 'outer aud names another host than the actor\'s aud', [M.setClaim('aud', audience(SHAREPOINT_ID, 'other.contoso.test:8443'))], 'The user data is unsigned, so the outer aud must equal the signed actor\'s aud.',
    { sps: sps('SHOULD', ['SPS-39'], '5.1 bullet 3'), xo: xo('SHOULD', ['XO-29', 'XO-49'], '3.2.5.2 Step 7 (garbled, no MUST; 5.1)') });
  out('OUT-005', 'actor without trustedfordelegation on an app+user token', [A(M.deleteClaim('trustedfordelegation'))], 'Unsigned user data is honoured only when the signed actor is trusted for delegation.',
    { sps: sps('SHOULD', ['SPS-38'], '5.1 bullet 2'), xo: xo('SHOULD', ['XO-39'], '5.1') }, ['CWE-345', 'CWE-863']);
  out('OUT-006', 'actor trustedfordelegation "false" on an app+user token', [A(M.setClaim('trustedfordelegation', 'false'))], 'Unsigned user data is honoured only when the signed actor is trusted for delegation.',
    { sps: sps('SHOULD', ['SPS-38'], '5.1 bullet 2'), xo: xo('SHOULD', ['XO-39', 'XO-07'], '5.1; 2.2') }, ['CWE-345', 'CWE-863']);
  out('OUT-007', 'outer token with no user claim (nameid removed; no nid, smtp or sip)', [M.deleteClaim('nameid')], 'The outer token must name a user.',
    { sps: sps('MUST', ['SPS-20'], '3.1.5 Step 6, criterion 2'), xo: xo('MUST', ['XO-33'], '3.2.5.6, criterion 3') });
  add({ id: 'OUT-009', path: 'app-user', title: 'user named only by smtp (no nameid)', expect: 'either', mutations: [M.deleteClaim('nameid'), M.setClaim('smtp', 'alice@contoso.test')],
    why: 'MS-SPS2SAUTH accepts any of nid, smtp, sip; MS-XOAUTH 3.2.5.6 requires nameid. The later document would refuse, the SharePoint text accept; reported only.',
    sps: sps('INFO', ['SPS-20', 'XO-33'], '3.1.5 Step 6, criterion 2'), xo: xo('INFO', ['XO-33', 'SPS-20'], '3.2.5.6, criterion 3') });
  add({ id: 'OUT-010', path: 'app-user', title: 'actor under the other profile\'s claim name', expect: 'either', mutations: [M.renameEmbeddedClaim('__other__')],
    why: 'MS-SPS2SAUTH names the actor claim actortoken, MS-XOAUTH actort; each profile reads its own (XO-41, SPS-CUR-14). Accepting the other name too is neither required nor forbidden; reported only.',
    sps: fact('INFO', ['SPS-CUR-14'], 'TokenHelper outer token'), xo: xo('INFO', ['XO-41'], '2.2 (actort) vs MS-SPS2SAUTH (actortoken)') });
  add({ id: 'OUT-011', path: 'app-user', title: 'actor trustedfordelegation as boolean true on an app+user token', expect: 'either', mutations: [A(M.setClaim('trustedfordelegation', true))],
    why: 'The specs say the string "true"; node-sp-auth sends a boolean. Reported only.',
    sps: sps('INFO', ['SPS-14', 'SPS-CUR-09'], '3.1.5 Steps 3-4 (trustedfordelegation)'), xo: xo('INFO', ['XO-07'], '2.2 (trustedfordelegation)') });
  add({ id: 'OUT-012', path: 'app-user', title: 'outer exp 10 minutes in the past, actor valid', expect: 'either', mutations: [stringTime('exp', -600)],
    why: 'The outer token is unsigned, so its exp binds nothing an attacker could not change; enforcing it is stricter. Reported only.',
    sps: sps('INFO', ['SPS-13'], '3.1.5 Steps 3-4 (exp)'), xo: xo('INFO', ['XO-26'], '3.2.5.1 Step 7') });

  // ---- the actor's own aud hostname (issue 17) ------------------------------------------------
  // The audience family changes the actor's whole aud (ACT-048: another client id) and CVE-001/004
  // its realm; these change only its hostname part, the rule AUD-003 judges on the app-only token
  // (SPS-24, XO-37: MUST on every path). ACT-068 leaves the outer token as sent (aud this server), so
  // a server that looks at the outer host instead of the actor's, and does not bind the two (OUT-004),
  // lets it in; ACT-069 has the outer aud agree with the actor's, so comparing the two is no help:
  // only the actor's own host check refuses it.
  const otherHost = audience(SHAREPOINT_ID, 'other.contoso.test:8443');
  const actorHost = both('MUST', ['SPS-24'], '3.1.5 Step 6, criterion 4 (hostname)', ['XO-37'], '3.2.5.6, criterion 5 (hostname)');
  add({ id: 'ACT-068', path: 'app-user', title: 'actor aud names another host (<client_id>/other.contoso.test:8443@<realm>), the outer token left valid', expect: 'reject',
    mutations: [A(M.setClaim('aud', otherHost))],
    why: 'The actor is the signed part of an app+user token: an actor minted for another server of the same realm is not for this one, whatever the unsigned outer aud says. Same rule and level as AUD-003 on the app-only token.',
    ...actorHost, cwe: ['CWE-345'] });
  add({ id: 'ACT-069', path: 'app-user', title: 'actor aud and outer aud both name another host (they agree with each other)', expect: 'reject',
    mutations: [M.setClaim('aud', otherHost), A(M.setClaim('aud', otherHost))],
    why: 'Outer and actor agreeing is not enough (as CVE-004 for the realm): the actor\'s aud names the host it was minted for, and that must be this server. A server that checks the host on app-only tokens only lets a token for another server in by wrapping it in an outer token.',
    ...actorHost, cwe: ['CWE-345'] });
  // The actor's identityprovider: MS-SPS2SAUTH 3.1.5/3.2.5 Step 4 and MS-XOAUTH 2.2 say what a
  // producer puts there (SPS-15, XO-08, client role); neither validation list (MS-SPS2SAUTH 3.1.5
  // Step 6, MS-XOAUTH 3.2.5.6) has the server look at it, and MS-SPS2SAUTH 4.1's own example actor
  // carries a principal there. No server rule, so reported only (LEVELS.md: a producer rule a lenient
  // reader may accept safely is INFO).
  add({ id: 'ACT-070', path: 'app-user', title: 'actor identityprovider is a principal (<SharePoint\'s id>@<realm>, as MS-SPS2SAUTH 4.1\'s example), not windows, forms or trusted', expect: 'either',
    mutations: [A(M.setClaim('identityprovider', issuerAt(SHAREPOINT_ID)))],
    why: 'The claim tables restrict identityprovider to windows, forms or trusted (a producer rule), while MS-SPS2SAUTH 4.1\'s example actor carries SharePoint\'s principal there, and no validation criterion of either spec reads the claim. Accepting or refusing it is the server\'s choice; reported only.',
    sps: sps('INFO', ['SPS-15'], '3.1.5 Step 4 (identityprovider); 4.1 (example); Step 6 (criteria)'), xo: xo('INFO', ['XO-08'], '2.2 (identityprovider); 3.2.5.6 (criteria)') });

  // Token format, algorithms, keys, signature, times, audience, issuer and where the token travels:
  // the attack families on the app-only token, the actor and the outer token (profiles/families, ./paths.ts).

  // ---- the STS metadata document --------------------------------------------------------------
  add({ id: 'MD-001', path: 'app-only-metadata', title: 'certificate published only in the metadata document (x509Certificate, signing)', expect: 'either', isControl: true, mutations: [],
    why: 'S2S_METADATA_URL is optional: a SUT that reads it accepts; one that trusts only the PEM bundle refuses. Reported only; it is the control of MD-002.',
    sps: fact('INFO', ['SPS-CUR-11'], 'metadata document'), xo: fact('INFO', ['SPS-CUR-11'], 'metadata document') });
  add({ id: 'MD-002', path: 'app-only-metadata', title: 'metadata certificate listed as "x509certificate" with usage "Signing"', expect: 'accept', mutations: [M.signWithCert('meta-2')],
    why: 'The spelling of type and usage varies between SharePoint versions; consumers match them case-insensitively. Inconclusive when the SUT does not use the metadata at all (MD-001).',
    sps: fact('SHOULD', ['SPS-CUR-11'], 'metadata document'), xo: fact('SHOULD', ['SPS-CUR-11'], 'metadata document') });

  add({ id: 'MD-003', path: 'app-only-metadata', title: 'ten valid tokens in a row, signed by a metadata certificate, fetch the metadata document at most twice', expect: 'accept', mutations: [],
    fetchBudget: { server: 'sts', pathIncludes: '/_layouts/15/metadata/json/1', requests: 10, max: 2 },
    why: 'A server that fetches its STS\'s metadata for every request makes every request wait on the STS and turns an STS outage into an outage of every call (KLC-002 counts unknown thumbprints, KLC-003 a burst after a rollover; this is the steady state). Cache the document (SharePoint refreshes it daily). Inconclusive when the SUT does not use the metadata at all (MD-001).',
    sps: fact('SHOULD', ['SPS-CUR-10', 'SPS-CUR-11'], 'metadata document'), xo: fact('SHOULD', ['SPS-CUR-10', 'SPS-CUR-11'], 'metadata document'), cwe: ['CWE-400'] });

  // ---- the metadata's certificates over time, and a failing metadata server (KLC: run after all
  // other cases, one at a time). The numbers match the bot-framework KLC cases that check the same
  // thing; the STS publishes certificates in one JSON document (no jwks_uri), so the cases about a
  // separate keys document and where it points (011, 013, 015, 016) have no counterpart here.
  // Certificates are cached for a day (SharePoint refreshes its metadata daily), so each case moves
  // the SUT's clock a day on: otherwise a SUT with a fresh cache never looks at the document.
  const DAY = 24 * 3600_000 + 60_000;
  const mdFact = (level: Level) => ({ sps: fact(level, ['SPS-CUR-10', 'SPS-CUR-11'], 'metadata document'), xo: fact(level, ['SPS-CUR-10', 'SPS-CUR-11'], 'metadata document') });
  const klc = (id: string, x: Omit<S2sCase, 'id' | 'path' | 'mutations'>) => add({ id: `KLC-${id}`, path: 'app-only-metadata', mutations: [], ...x });
  klc('001', { title: 'a certificate newly published in the metadata is accepted once the SUT refreshes it', expect: 'accept', ...mdFact('SHOULD'),
    why: 'The STS rolls its signing certificate by publishing the new one in its metadata; a SUT that refreshes the document (the clock is a day on) takes it without a restart.',
    lifecycle: { advanceClockMs: DAY, before: { publish: ['meta-new-1'] }, after: {}, signWith: 'meta-new-1' }, retryWhileRefusedMs: 5_000, cwe: ['CWE-347'] });
  klc('002', { title: 'twenty tokens whose x5t names no certificate cause at most one fetch of the metadata', expect: 'reject', ...mdFact('SHOULD'),
    why: 'A refresh per unknown thumbprint lets anyone make the server hammer its STS; unknown thumbprints may trigger a refresh at most now and then.',
    lifecycle: { advanceClockMs: DAY, before: {}, after: {}, signWith: 'rogue', randomKid: true, requests: { count: 20, concurrency: 1 }, jwksFetches: { max: 1 } }, cwe: ['CWE-400'] });
  klc('003', { title: '200 valid tokens signed by a newly published certificate, 20 at a time, fetch the metadata at most 3 times', expect: 'either', ...mdFact('SHOULD'),
    why: 'Concurrent requests that all miss the cache should share one refresh (single flight); a fetch per request is a stampede on the STS. The metadata answers after 300 ms here, so the first 20 requests all miss before any refresh completes.',
    lifecycle: { advanceClockMs: DAY, before: { publish: ['meta-new-2'], fault: { target: 'metadata', kind: 'slow' } }, after: { fault: null }, signWith: 'meta-new-2', requests: { count: 200, concurrency: 20 }, jwksFetches: { max: 3 } }, cwe: ['CWE-400'] });
  klc('004', { title: 'a certificate withdrawn from the metadata is refused once the SUT has refreshed it', expect: 'reject', ...both('SHOULD', ['SPS-19', 'SPS-CUR-01'], '3.1.5 Step 6, criterion 1', ['XO-31'], '3.2.5.6, criterion 1'),
    why: 'A token is accepted only under a trusted signing certificate; once the STS no longer publishes this one (and a day has passed), it is not trusted any more (the control is signed by it before it is withdrawn). A SHOULD: a daily refresh is current practice, and only the issuer held the key.',
    lifecycle: { advanceClockMs: DAY, controlKey: 'meta-w', before: { withdraw: ['meta-w'] }, after: {}, signWith: 'meta-w' }, cwe: ['CWE-613', 'CWE-347'] });
  klc('006', { title: 'how long a withdrawn certificate stays accepted (the clock moved on step by step: 1 h, 6 h, 12 h, a day, two days)', expect: 'either', ...mdFact('INFO'),
    why: 'After a withdrawal the certificate works until the SUT refreshes the metadata; how long that is, is reported (KLC-004 holds the SUT to refusing it after a day). The control is signed by it before it is withdrawn.',
    lifecycle: { advanceClockMs: 3600_000 + 60_000, controlKey: 'meta-w2', before: { withdraw: ['meta-w2'] }, after: {}, signWith: 'meta-w2', probeClockMs: [5 * 3600_000, 6 * 3600_000, 12 * 3600_000, DAY] } });
  klc('005', { title: 'the metadata is fetched again once a day has passed', expect: 'accept', ...mdFact('SHOULD'),
    why: 'Cached certificates are refreshed about daily, so withdrawn ones stop working.',
    lifecycle: { advanceClockMs: DAY, before: {}, after: {}, signWith: 'meta-1', jwksFetches: { min: 1 } }, cwe: ['CWE-613'] });
  const failClosed = (id: string, key: string, kind: FaultKind, title: string, why: string) =>
    klc(id, { title, expect: 'reject', why, ...sigRef(), cwe: ['CWE-636'],
      lifecycle: { advanceClockMs: DAY, before: { publish: [key], fault: { target: 'metadata', kind } }, after: { fault: null, withdraw: [key] }, signWith: key, mustFetchDuringFault: 'metadata' } });
  failClosed('010', 'meta-new-3', 'status-500', 'the metadata answers 500 while a token names a new certificate',
    'With no certificate to verify with, the token cannot be verified: refuse it (fail closed), and keep serving.');
  failClosed('012', 'meta-new-4', 'malformed-json', 'the metadata is broken JSON while a token names a new certificate',
    'A document that does not parse gives no certificate: refuse the token, never skip the check.');
  failClosed('014', 'meta-new-5', 'hang', 'the metadata never answers while a token names a new certificate',
    'A hung STS must not get a token accepted; the SUT should refuse without waiting for it indefinitely (no answer within the deadline is reported as a robustness warning).');
  klc('017', { title: 'after a metadata outage, the certificate it could not serve is accepted once the server is back', expect: 'accept', ...mdFact('SHOULD'),
    why: 'Failing closed must not become failing for good: once the STS answers again (and a day has passed), the new certificate works.',
    lifecycle: { advanceClockMs: DAY, before: { publish: ['meta-new-3'] }, after: {}, signWith: 'meta-new-3' }, retryWhileRefusedMs: 5_000, cwe: ['CWE-347'] });
  return c;
}
