// The S2S profiles' own rules, first part: the positive controls and interop shapes, realm discovery
// (the 401 challenge), the signature, algorithms, issuer, audience and time. Ids are public: never
// renumber; the order of the entries is the catalog's (./cases.ts puts the parts together).
import type { Expect, Level, ResponseCheck } from '../../harness/engine/case-model';
import { callerLocation, located } from '../../harness/engine/catalog-location';
import * as M from '../../harness/tokens/mutations';
import { A, both, emptyBearer, fact, GARBAGE_SIGNATURE, later, sigRef, sps, xo, type Ref, type S2sCase } from './catalog-kit';
import { clientIdIs, hasBearerChallenge, listsTrustedIssuers, realmFirst, realmIs, spellsTrustedIssuers } from './challenge-checks';
import { audience, CLIENT_APP_ID, HOSTNAME, ISSUER_A_ID, ISSUER_B_ID, issuerAt, OTHER_REALM, REALM, SHAREPOINT_ID, TRUSTED_ISSUERS, type S2sPath } from './facts';
import { stringTime } from './paths';

export function tokenCases(): S2sCase[] {
  const c: S2sCase[] = [];
  const add = (x: S2sCase) => void c.push(located(x, callerLocation(1, x.id)));

  // ---- positive controls and interop shapes ------------------------------------------------
  add({ id: 'POS-001', path: 'app-user', title: 'TokenHelper app+user token: alg none outer (user SID, nii) carrying the signed actor', expect: 'accept', isControl: true, mutations: [],
    why: 'Exactly what SharePoint\'s TokenHelper sends for a user call: the positive control of the app+user path. The actor names the add-in (<client-id>@<realm>), not SharePoint (XO-45), the outer iss is the actor\'s nameid (XO-49), the user is a lower-cased SID (XO-44).',
    sps: fact('MUST', ['SPS-CUR-06', 'SPS-CUR-02', 'SPS-CUR-04', 'SPS-CUR-14', 'XO-45', 'XO-49', 'XO-44'], 'TokenHelper outer token'),
    xo: xo('MUST', ['XO-41', 'XO-45', 'XO-49', 'XO-44', 'XO-31', 'XO-34'], '3.2.5.6; 2.2 (actort)') });
  add({ id: 'POS-002', path: 'app-only', title: 'TokenHelper app-only token: the RS256 actor on its own, no trustedfordelegation', expect: 'accept', isControl: true, mutations: [],
    why: 'TokenHelper sends the actor alone for app-only calls and sets trustedfordelegation only on user calls: the positive control of the app-only path (12 h lifetime, string nbf/exp, x5t).',
    sps: fact('MUST', ['SPS-CUR-01', 'SPS-CUR-02', 'SPS-CUR-04', 'SPS-CUR-05', 'SPS-CUR-07'], 'TokenHelper actor token'),
    xo: xo('MUST', ['XO-31', 'XO-32', 'XO-45', 'XO-51'], '3.2.5.6') });
  add({ id: 'POS-003', path: 'app-only', title: 'app-only token from the second trusted issuer, signed by its certificate', expect: 'accept', mutations: [M.setClaim('iss', issuerAt(ISSUER_B_ID)), M.signWithCert('sts-b')],
    why: 'Every configured issuer and every certificate of the bundle is trusted, not only the first.',
    ...both('MUST', ['SPS-19', 'SPS-CUR-01'], '3.1.5 Step 6, criterion 1', ['XO-31', 'XO-32'], '3.2.5.6, criteria 1-2') });
  add({ id: 'POS-004', path: 'app-only', title: 'aud hostname in upper case (SHAREPOINT.CONTOSO.TEST:8443) must be ACCEPTED', expect: 'accept', mutations: [M.setClaim('aud', audience(SHAREPOINT_ID, HOSTNAME.toUpperCase()))],
    why: `Host names compare case-insensitively (MS-XOAUTH 3.2.5.6 criterion 5, RFC 3986 §3.2.2). MS-SPS2SAUTH 3.1.5 says all three aud parts match case-sensitively; ${later} (XO-43). A SUT that refuses this refuses a real sender's token (interop, no way in): a SHOULD, as POS-007.`,
    sps: xo('SHOULD', ['XO-43', 'SPS-24'], '3.2.5.6 criterion 5 over MS-SPS2SAUTH 3.1.5 Step 6 criterion 4'),
    xo: xo('SHOULD', ['XO-37', 'XO-43'], '3.2.5.6, criterion 5 (hostname)'), cwe: ['CWE-178'] });
  add({ id: 'POS-005', path: 'app-only', title: 'node-sp-auth add-in-only token: numeric nbf 12 h back, boolean trustedfordelegation, iat', expect: 'accept',
    mutations: [M.setClaim('nbf', (x: M.MutationContext) => x.now - 12 * 3600, 'now - 12 h (a number)'), M.setClaim('exp', (x: M.MutationContext) => x.now + 12 * 3600, 'now + 12 h (a number)'), M.setClaim('iat', (x: M.MutationContext) => x.now - 12 * 3600, 'now - 12 h'), M.setClaim('trustedfordelegation', true)],
    why: 'What node-sp-auth\'s on-premise add-in-only strategy sends. Not the spec\'s string form, but a real producer: accepting it is a SHOULD for interop.',
    sps: fact('SHOULD', ['SPS-CUR-09'], 'node-sp-auth'), xo: fact('SHOULD', ['SPS-CUR-09', 'XO-51'], 'node-sp-auth') });
  add({ id: 'POS-006', path: 'app-user', title: 'optional claims: smtp and sip on the outer token, appctx (a JSON string) on the actor', expect: 'either',
    mutations: [M.setClaim('smtp', 'alice@contoso.test'), M.setClaim('sip', 'alice@contoso.test'), A(M.setClaim('appctx', JSON.stringify({ CacheKey: 'k1', SecurityStamp: 's' })))],
    why: 'The servers MAY accept every 2.2 claim type, including appctx as a JSON-encoded string (MS-XOAUTH 3.2.5.5). Reported only.',
    sps: sps('INFO', ['SPS-17'], '3.1.5 Step 3 (smtp, sip)'), xo: xo('INFO', ['XO-10'], '2.2; 3.2.5.5') });
  add({ id: 'POS-007', path: 'app-user', title: 'mixed case where comparisons allow it: user smtp and aud hostname in mixed case', expect: 'accept',
    mutations: [M.setClaim('smtp', 'Alice.Example@Contoso.test'), M.setClaim('aud', audience(SHAREPOINT_ID, 'SharePoint.Contoso.test:8443')), A(M.setClaim('aud', audience(SHAREPOINT_ID, 'SharePoint.Contoso.test:8443')))],
    why: `MS-SPS2SAUTH says every value MUST be lowercase; MS-XOAUTH's examples carry mixed-case realms and user names and define which comparisons ignore case. ${later} for validators (XO-40): do not refuse a value merely for upper-case letters.`,
    sps: xo('SHOULD', ['XO-40', 'SPS-07'], '2.2 and 4.x examples over MS-SPS2SAUTH 3.1.5 Steps 3-4 (lowercase)'), xo: xo('SHOULD', ['XO-40'], '2.2 and 4.x examples; 3.2.5.6'), cwe: ['CWE-178'] });
  add({ id: 'POS-008', path: 'app-user', title: 'lowercase rule: nii and identityprovider with upper-case letters', expect: 'either',
    mutations: [M.setClaim('nii', 'urn:office:idp:ActiveDirectory'), M.setClaim('identityprovider', 'Windows')],
    why: 'MS-SPS2SAUTH 3.1.5 Steps 3-4 require lowercase values; MS-XOAUTH (the later revision) does not, and neither claim is compared with anything. Which spec stands is decided in XO-40 (MS-XOAUTH); either outcome is reported only.',
    sps: sps('INFO', ['SPS-07', 'XO-40'], '3.1.5 Steps 3-4 (lowercase)'), xo: xo('INFO', ['XO-40', 'XO-08'], '2.2 (identityprovider)') });

  // ---- realm discovery: the 401 challenge -------------------------------------------------
  const rlm = (id: string, title: string, responseCheck: ResponseCheck, why: string, refs: { sps?: Ref; xo?: Ref }, mutation = emptyBearer, expect: Expect = 'reject') =>
    add({ id, path: 'app-user', title, expect, mutations: [mutation], responseCheck, why, ...refs });
  rlm('RLM-001', 'empty "Authorization: Bearer" gets 401 with a Bearer challenge', hasBearerChallenge, 'Realm discovery: an anonymous call with an empty Bearer value is answered 401 with WWW-Authenticate: Bearer.',
    both('MUST', ['SPS-02'], '3.1.5 Steps 1-2', ['XO-19'], '3.2.5.1 Step 3; 3.2.5.4'));
  rlm('RLM-002', 'no Authorization header at all gets 401 with a Bearer challenge', hasBearerChallenge, 'An anonymous request is answered with the same challenge.',
    both('MUST', ['SPS-02'], '3.1.5 Steps 1-2', ['XO-19'], '3.2.5.4'), M.placeToken({ in: 'nowhere' }, 'no Authorization header'));
  rlm('RLM-003', 'the challenge\'s realm is the configured realm', realmIs(REALM, false), 'The client builds aud and nameid from this realm.',
    { sps: sps('MUST', ['SPS-04'], '3.1.5 Step 2 (realm)'), xo: xo('INFO', ['XO-21'], '3.2.5.4 (realm: the server MAY return it); Appendix A note 1') });
  rlm('RLM-004', 'the challenge\'s client_id is the SUT\'s own principal id', clientIdIs(SHAREPOINT_ID), 'client_id names the resource\'s principal, the first part a valid aud must carry (XO-50 decides the two specs\' readings; in MS-XOAUTH it is a SHOULD).',
    { sps: sps('MUST', ['SPS-03'], '3.1.5 Step 2 (client_id)'), xo: xo('SHOULD', ['XO-20', 'XO-50'], '3.2.5.4 (client_id)') });
  rlm('RLM-005', 'the challenge lists every trusted issuer', listsTrustedIssuers(TRUSTED_ISSUERS, ['trusted_issuers']), 'trusted_issuers is a comma-separated list of every issuer the server trusts.',
    { xo: xo('MUST', ['XO-22', 'XO-47'], '3.2.5.4 (trusted_issuers)') });
  rlm('RLM-006', 'the challenge lists every trusted issuer (trusted_issuers, or MS-SPS2SAUTH\'s trustedissuers)', listsTrustedIssuers(TRUSTED_ISSUERS, ['trusted_issuers', 'trustedissuers']), 'The challenge names the issuers the server trusts; either spelling counts here (RLM-007 checks the spelling).',
    { sps: sps('SHOULD', ['SPS-05'], '3.1.5 Step 2 (trustedissuers)') });
  rlm('RLM-007', 'the trusted-issuer parameter is spelled trusted_issuers', spellsTrustedIssuers, `MS-SPS2SAUTH spells it trustedissuers, MS-XOAUTH trusted_issuers; ${later} (XO-42).`,
    { sps: xo('SHOULD', ['XO-42', 'SPS-05'], '3.2.5.4 over MS-SPS2SAUTH 3.1.5 Step 2') });
  rlm('RLM-008', 'realm is the first parameter of the challenge', realmFirst, 'RFC 7235 does not order parameters, but SharePoint\'s TokenHelper finds the realm only when it comes first. Reported only.',
    { sps: fact('INFO', ['SPS-CUR-08'], 'realm discovery'), xo: fact('INFO', ['SPS-CUR-08'], 'realm discovery') }, emptyBearer, 'either');

  // ---- signature: a trusted certificate, found by x5t, really verified --------------------
  const sig = (id: string, path: S2sPath, title: string, why: string, mutations: M.Mutation[], extra: Partial<S2sCase> = {}) =>
    add({ id, path, title, expect: 'reject', mutations, why, ...sigRef(), cwe: ['CWE-347'], ...extra });
  sig('SIG-001', 'app-only', 'signed by an untrusted certificate (x5t and x5c name it)', 'Only the configured certificates vouch for a token, whatever the header carries.',
    [M.signWithCert('untrusted'), M.setHeader('x5c', (x: M.MutationContext) => x.keys.untrusted.jwk.x5c, '[<the untrusted certificate>]')]);
  sig('SIG-005', 'app-only', 'garbage signature (256 bytes), x5t names a trusted certificate (CVE-2026-55040)', 'A signature of the right length is not a valid one.',
    [M.replaceSegment(2, GARBAGE_SIGNATURE, 'signature replaced by 256 fixed garbage bytes')], sigRef(['SPS-CUR-13']));
  sig('SIG-006', 'app-only', 'nameid changed after signing (to the allowed client in upper case, so only the signature can refuse it)', 'Any change to the signed bytes breaks the signature.', [M.alterClaimAfterSigning('nameid', issuerAt(CLIENT_APP_ID.toUpperCase()))]);
  sig('SIG-009', 'app-user', 'actor signed by an untrusted certificate', 'The actor carries the only signature of an app+user token: it must be by a trusted certificate.',
    [A(M.signWithCert('untrusted')), A(M.setHeader('x5c', (x: M.MutationContext) => x.keys.untrusted.jwk.x5c, '[<the untrusted certificate>]'))]);
  sig('SIG-011', 'app-user', 'actor with a garbage signature, x5t of a trusted certificate (CVE-2026-55040)', 'The actor\'s signature is verified, not assumed.',
    [A(M.replaceSegment(2, GARBAGE_SIGNATURE, 'signature replaced by 256 fixed garbage bytes'))], sigRef(['SPS-CUR-13']));

  // ---- algorithms -----------------------------------------------------------------------
  const alg = (id: string, path: S2sPath, title: string, why: string, mutations: M.Mutation[], ids: { sps: string[]; xo: string[] }, cwe = ['CWE-347']) =>
    add({ id, path, title, expect: 'reject', mutations, why, cwe, sps: sps('MUST', ids.sps, '3.1.5 Step 6, criterion 1'), xo: xo('MUST', ids.xo, '2.2 (header alg); 3.2.5.2 Step 6') });
  alg('ALG-002', 'app-user', 'alg none outer token WITHOUT an actor (user claims only)', 'An unsigned outer token vouches for nothing on its own (the CVE-2023-29357 class, exploited in the wild).',
    [M.dropEmbedded()], { sps: ['SPS-CUR-12', 'SPS-19'], xo: ['XO-14'] }, ['CWE-347', 'CWE-290']);
  add({ id: 'ALG-008', path: 'app-user', title: 'outer token signed RS256 by a trusted certificate, still carrying the actor', expect: 'either',
    mutations: [M.setHeader('alg', 'RS256'), M.signWithCert('sts-a')],
    why: 'The specs define unsigned outer tokens only; a signed outer with an actor is not forbidden either. Reported only.',
    sps: sps('INFO', ['SPS-18'], '3.1.5 Step 5'), xo: xo('INFO', ['XO-12'], '2.2 (header alg)') });

  // ---- issuer ------------------------------------------------------------------------------
  const iss = (id: string, title: string, value: unknown, cwe = ['CWE-345']) =>
    add({ id, path: 'app-only', title, expect: 'reject', mutations: [value === undefined ? M.deleteClaim('iss') : M.setClaim('iss', value)], cwe,
      why: 'iss must be one of the configured trusted issuers <principal>@<realm>, compared exactly (case-sensitive).',
      sps: xo('MUST', ['XO-32', 'SPS-19'], '3.2.5.6 criterion 2 (applies to SharePoint: 5.1, XO-39)'), xo: xo('MUST', ['XO-32'], '3.2.5.6, criterion 2') });
  iss('ISS-002', 'iss is a trusted principal at another realm', issuerAt(ISSUER_A_ID, OTHER_REALM));
  iss('ISS-003', 'iss of a trusted issuer in upper case', issuerAt(ISSUER_A_ID).toUpperCase(), ['CWE-178']);
  add({ id: 'ISS-005', path: 'app-only', title: 'issuer B\'s iss on a token signed by issuer A\'s certificate', expect: 'either', mutations: [M.setClaim('iss', issuerAt(ISSUER_B_ID))],
    why: 'The contract gives trusted issuers and certificates as two lists, so it cannot bind one to the other; a SUT that does is stricter. Reported only.',
    sps: sps('INFO', ['SPS-19'], '3.1.5 Step 6, criteria 1-2'), xo: xo('INFO', ['XO-31', 'XO-32'], '3.2.5.6, criteria 1-2') });

  // ---- audience: <client_id>/<hostname>@<realm> ------------------------------------------
  const aud = (id: string, title: string, value: unknown, refs: { sps: string[]; xo: string[] }, why: string, cwe = ['CWE-345'], level: Level = 'MUST') =>
    add({ id, path: 'app-only', title, expect: 'reject', mutations: [value === undefined ? M.deleteClaim('aud') : M.setClaim('aud', value)], why, cwe,
      sps: sps(level, refs.sps, '3.1.5 Step 6, criterion 4'), xo: xo(level, refs.xo, '3.2.5.6, criterion 5') });
  aud('AUD-001', 'aud client_id part in upper case', audience(SHAREPOINT_ID.toUpperCase()), { sps: ['SPS-22', 'SPS-23'], xo: ['XO-36'] }, 'The client_id part is compared case-sensitively ("case-sensitive comparison", no keyword); an upper-cased GUID names no one else, so a SHOULD.', ['CWE-178'], 'SHOULD');
  aud('AUD-003', 'aud hostname is another host', audience(SHAREPOINT_ID, 'other.contoso.test:8443'), { sps: ['SPS-24'], xo: ['XO-37'] }, 'A token minted for another host is not for this server.');
  aud('AUD-004', 'aud realm part in upper case', audience(SHAREPOINT_ID, HOSTNAME, REALM.toUpperCase()), { sps: ['SPS-22', 'SPS-25'], xo: ['XO-38'] }, 'The realm part is compared case-sensitively ("case-sensitive comparison", no keyword); an upper-cased realm GUID names no one else, so a SHOULD.', ['CWE-178'], 'SHOULD');
  aud('AUD-005', 'aud realm is another realm', audience(SHAREPOINT_ID, HOSTNAME, OTHER_REALM), { sps: ['SPS-25'], xo: ['XO-38'] }, 'The realm must be the resource\'s realm.');
  aud('AUD-006', 'aud without the hostname part (<client_id>@<realm>)', `${SHAREPOINT_ID}@${REALM}`, { sps: ['SPS-22'], xo: ['XO-35'] }, 'aud has exactly three parts.');
  aud('AUD-007', 'aud without the realm part (<client_id>/<hostname>)', `${SHAREPOINT_ID}/${HOSTNAME}`, { sps: ['SPS-22'], xo: ['XO-35'] }, 'aud has exactly three parts.');
  aud('AUD-008', 'aud with an extra path part (<client_id>/<hostname>/extra@<realm>)', `${SHAREPOINT_ID}/${HOSTNAME}/extra@${REALM}`, { sps: ['SPS-22'], xo: ['XO-35'] }, 'An extra part is not the three-part form.');
  aud('AUD-009', 'aud with a second realm (…@<realm>@<realm>)', `${audience()}@${REALM}`, { sps: ['SPS-22'], xo: ['XO-35'] }, 'An extra part is not the three-part form.');
  aud('AUD-010', 'aud with SharePoint\'s GUID one hex digit short (the damaged copy\'s form)', audience('00000003-0000-0ff1-ce00-00000000000'), { sps: ['SPS-01', 'SPS-23'], xo: ['XO-36'] }, 'The real GUID is 8-4-4-4-12 (ERRATA); a truncated one is another principal.');
  aud('AUD-011', 'aud hostname with an attacker suffix', audience(SHAREPOINT_ID, 'sharepoint.contoso.test.attacker.test:8443'), { sps: ['SPS-24'], xo: ['XO-37'] }, 'The host is compared whole, not by prefix.');
  aud('AUD-013', 'aud with an empty hostname part', `${SHAREPOINT_ID}/@${REALM}`, { sps: ['SPS-22'], xo: ['XO-35'] }, 'Each of the three parts is required.');
  add({ id: 'AUD-014', path: 'app-only', title: 'aud hostname without the port', expect: 'either', mutations: [M.setClaim('aud', audience(SHAREPOINT_ID, HOSTNAME.split(':')[0]))],
    why: 'TokenHelper puts the URI authority (host:port) in aud; whether the bare host names the same endpoint is left open. Reported only.',
    sps: fact('INFO', ['SPS-CUR-03'], 'TokenHelper actor token (aud host[:port])'), xo: fact('INFO', ['SPS-CUR-03'], 'TokenHelper actor token (aud host[:port])') });
  add({ id: 'AUD-015', path: 'app-only', title: 'aud hostname with another port', expect: 'either', mutations: [M.setClaim('aud', audience(SHAREPOINT_ID, `${HOSTNAME.split(':')[0]}:9443`))],
    why: 'A port other than the endpoint\'s own: the outcome is reported (SPS-CUR-03).',
    sps: fact('INFO', ['SPS-CUR-03'], 'TokenHelper actor token (aud host[:port])'), xo: fact('INFO', ['SPS-CUR-03'], 'TokenHelper actor token (aud host[:port])') });
  add({ id: 'AUD-016', path: 'app-only', title: 'aud as a JSON array holding the valid value', expect: 'either', mutations: [M.setClaim('aud', [audience()])],
    why: 'RFC 7519 allows an array; both S2S specs define aud as one string. Reported only.',
    sps: sps('INFO', ['SPS-22'], '3.1.5 Step 6, criterion 4'), xo: xo('INFO', ['XO-35', 'XO-04'], '2.2; 3.2.5.6 criterion 5') });

  // ---- time: exp / nbf as strings (TokenHelper) and numbers ---------------------------------
  const time = (id: string, title: string, mutations: M.Mutation[], why: string, level: Level = 'MUST', expect: Expect = 'reject') =>
    add({ id, path: 'app-only', title, expect, mutations, why, cwe: ['CWE-613'],
      sps: fact(level, ['SPS-CUR-07', 'SPS-13'], 'TokenHelper actor token (string nbf/exp)'), xo: xo(level, ['XO-26', 'XO-51'], '3.2.5.1 Step 7; 2.2 (nbf, exp)') });
  time('TIME-002', 'exp 1 minute in the past (string)', [stringTime('exp', -60)], 'The specs define no clock skew, and 5 minutes is the industry standard: whether a token expired a minute ago is still taken is the validator\'s choice. Reported only.', 'INFO', 'either');
  time('TIME-003', 'exp 10 minutes in the past (number)', [M.timeClaim('exp', -600)], 'A numeric exp is enforced as well.');
  time('TIME-006', 'exp spelled with Cyrillic letters only (the damaged copy\'s "exp")', [M.deleteClaim('exp'), M.setClaim('\u0435\u0445p', (x: M.MutationContext) => String(x.now + 3600), '"<now + 1 h>"')], 'The claim is the ASCII exp (ERRATA); the look-alike is another claim, so this token has no expiry.');
  time('TIME-007', 'exp is a non-numeric string ("tomorrow")', [M.setClaim('exp', 'tomorrow')], 'A value that is not Unix seconds cannot be enforced, so the token is refused.');
  time('TIME-012', 'nbf and exp as JSON numbers, valid', [M.timeClaim('nbf', -5), M.timeClaim('exp', 3600)], 'The specs make every claim a string (SPS-06, XO-04); RFC 7519 numbers are what most JWT libraries send. Reported only.', 'INFO', 'either');
  return c;
}
