// The resource-server case catalog shared by profiles sharepoint-s2s (MS-SPS2SAUTH, actor claim
// `actortoken`) and xoauth (MS-XOAUTH, actor claim `actort`). Each case names its requirement for
// each profile; where the specs disagree the later one (MS-XOAUTH rev. 8.0, 2025) stands and the
// case says so. Ids are public: never renumber. A case with no reference for a profile is not run there.
import type { CaseDef, Expect, Level, LifecycleScript, ResponseCheck } from '../../harness/engine/case-model';
import type { FaultKind } from '../../harness/servers/key-lifecycle';
import {
  ACTOR_CLAIM,
  audience,
  CLIENT_APP_ID,
  EXCHANGE_ID,
  HOSTNAME,
  ISSUER_A_ID,
  ISSUER_B_ID,
  issuerAt,
  OTHER_REALM,
  REALM,
  S2S_KEY_SERVER,
  SHAREPOINT_ID,
  TRUSTED_ISSUERS,
  UNTRUSTED_ISSUER_ID,
  type S2sPath,
  type S2sProfile,
} from './facts';
import * as M from '../../harness/tokens/mutations';
import { callerLocation, located, locationOf } from '../../harness/engine/catalog-location';
import { familyCases } from '../families';
import { s2sPaths, stringTime } from './paths';
import { clientIdIs, hasBearerChallenge, listsTrustedIssuers, realmFirst, realmIs, spellsTrustedIssuers } from './challenge-checks';

const SPS = 'ms-sps2sauth-sharepoint-s2s';
const XO = 'ms-xoauth-oauth2-extensions';
const FACTS = 'current-practice';
const FACT = (topic: string) => `docs/facts.md > SharePoint high-trust S2S > ${topic}`;

/** A case's requirement in one profile. */
interface Ref {
  ids: string[];
  section: string;
  level: Level;
  spec?: string;
}

interface S2sCase {
  id: string;
  title: string;
  expect: Expect;
  why: string;
  path: S2sPath;
  mutations: M.Mutation[];
  sps?: Ref;
  xo?: Ref;
  isControl?: boolean;
  attackerMustNotBeContacted?: boolean;
  responseCheck?: ResponseCheck;
  cwe?: string[];
  /** A key-lifecycle case (run after all others, one at a time) on the STS's metadata document. */
  lifecycle?: Omit<LifecycleScript, 'keyServer'>;
  retryWhileRefusedMs?: number;
}

const sps = (level: Level, ids: string[], section: string, spec = SPS): Ref => ({ level, ids, section, spec });
const xo = (level: Level, ids: string[], section: string, spec = XO): Ref => ({ level, ids, section, spec });
const both = (level: Level, spsIds: string[], spsSection: string, xoIds: string[], xoSection: string) => ({ sps: sps(level, spsIds, spsSection), xo: xo(level, xoIds, xoSection) });
const fact = (level: Level, ids: string[], topic: string): Ref => ({ level, ids, section: FACT(topic), spec: FACTS });

const A = M.onEmbedded; // the mutation applies to the actor inside the outer token
const later = 'MS-XOAUTH rev. 8.0 (2025) is the later document and stands';

const GARBAGE_SIGNATURE = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 73 + 41) & 0xff)).toString('base64url');
const emptyBearer = M.placeToken({ in: 'authorization-raw', value: 'Bearer ' }, 'Authorization: "Bearer " (empty token: realm discovery)');

function catalog(): S2sCase[] {
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
  const sigRef = (ids: string[] = []) => both('MUST', ['SPS-19', 'SPS-CUR-01', ...ids.filter((i) => i.startsWith('SPS'))], '3.1.5 Step 6, criterion 1', ['XO-31', ...ids.filter((i) => i.startsWith('XO'))], '3.2.5.6, criterion 1');
  const sig = (id: string, path: S2sPath, title: string, why: string, mutations: M.Mutation[], extra: Partial<S2sCase> = {}) =>
    add({ id, path, title, expect: 'reject', mutations, why, ...sigRef(), cwe: ['CWE-347'], ...extra });
  sig('SIG-001', 'app-only', 'signed by an untrusted certificate (x5t and x5c name it)', 'Only the configured certificates vouch for a token, whatever the header carries.',
    [M.signWithCert('untrusted'), M.setHeader('x5c', (x: M.MutationContext) => x.keys.untrusted.jwk.x5c, '[<the untrusted certificate>]')]);
  sig('SIG-005', 'app-only', 'garbage signature (256 bytes), x5t names a trusted certificate (CVE-2026-55040)', 'A signature of the right length is not a valid one.',
    [M.replaceSegment(2, GARBAGE_SIGNATURE, 'signature replaced by 256 fixed garbage bytes')], sigRef(['SPS-CUR-13']));
  sig('SIG-006', 'app-only', 'nameid changed after signing', 'Any change to the signed bytes breaks the signature.', [M.alterClaimAfterSigning('nameid', issuerAt(UNTRUSTED_ISSUER_ID))]);
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

  // Token format, algorithms, keys, signature, times, audience, issuer and where the token travels:
  // the attack families on the app-only token, the actor and the outer token (profiles/families, ./paths.ts).

  // ---- the STS metadata document --------------------------------------------------------------
  add({ id: 'MD-001', path: 'app-only-metadata', title: 'certificate published only in the metadata document (x509Certificate, signing)', expect: 'either', isControl: true, mutations: [],
    why: 'S2S_METADATA_URL is optional: a SUT that reads it accepts; one that trusts only the PEM bundle refuses. Reported only; it is the control of MD-002.',
    sps: fact('INFO', ['SPS-CUR-11'], 'metadata document'), xo: fact('INFO', ['SPS-CUR-11'], 'metadata document') });
  add({ id: 'MD-002', path: 'app-only-metadata', title: 'metadata certificate listed as "x509certificate" with usage "Signing"', expect: 'accept', mutations: [M.signWithCert('meta-2')],
    why: 'The spelling of type and usage varies between SharePoint versions; consumers match them case-insensitively. Inconclusive when the SUT does not use the metadata at all (MD-001).',
    sps: fact('SHOULD', ['SPS-CUR-11'], 'metadata document'), xo: fact('SHOULD', ['SPS-CUR-11'], 'metadata document') });

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

/** The actor claim placeholders above, resolved per profile (the other profile's name, and a raw value). */
function forProfile(profile: S2sProfile, m: M.Mutation): M.Mutation {
  const other = profile === 'xoauth' ? ACTOR_CLAIM['sharepoint-s2s'] : ACTOR_CLAIM.xoauth;
  return {
    describe: m.describe.replace('__other__', other).replace('__actor__', ACTOR_CLAIM[profile]),
    apply: (d, ctx) => {
      m.apply(d, ctx);
      if (d.token.embed?.claim === '__other__') d.token.embed.claim = other;
      if ('__actor__' in d.token.claims) {
        d.token.claims[ACTOR_CLAIM[profile]] = d.token.claims.__actor__;
        delete d.token.claims.__actor__;
      }
    },
  };
}

export function s2sCases(profile: S2sProfile): CaseDef<S2sPath>[] {
  const prefix = profile === 'xoauth' ? 'XOAUTH' : 'SPS2S';
  const spec = profile === 'xoauth' ? XO : SPS;
  return [...protocolCases(profile, prefix), ...s2sPaths(profile).flatMap((p) => familyCases<S2sPath>(p, profile, prefix, spec).map((c) => ({ ...c, mutations: c.mutations.map((m) => forProfile(profile, m)) })))];
}

/** The profiles' own rules (the attack families come from profiles/families). */
function protocolCases(profile: S2sProfile, prefix: string): CaseDef<S2sPath>[] {
  return catalog().flatMap((x) => {
    const ref = profile === 'xoauth' ? x.xo : x.sps;
    if (!ref) return [];
    return [{
      id: `${prefix}-${x.id}`,
      profile,
      path: x.path,
      location: locationOf(x),
      title: x.title,
      requirement: { ids: ref.ids, spec: ref.spec ?? (profile === 'xoauth' ? XO : SPS), section: ref.section, level: ref.level },
      // An INFO case is reported, never failed, in every profile it runs in.
      expect: ref.level === 'INFO' ? 'either' : x.expect,
      why: x.why,
      mutations: x.mutations.map((m) => forProfile(profile, m)),
      isControl: x.isControl,
      attackerMustNotBeContacted: x.attackerMustNotBeContacted,
      responseCheck: x.responseCheck,
      cwe: x.cwe,
      retryWhileRefusedMs: x.retryWhileRefusedMs,
      ...(x.lifecycle ? { lifecycle: { keyServer: S2S_KEY_SERVER, ...x.lifecycle } } : {}),
    }];
  });
}
