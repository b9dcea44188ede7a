// The action-endpoint case catalog shared by profiles actionable-messages (the legacy
// Microsoft-signed token) and actionable-messages-entra (an Entra ID access token). Each case names
// its requirement per profile; a case with no reference for a profile is not run there. Where the
// 2017-era text and current practice disagree, current practice (the later statement) stands and
// the case says so. Ids are public: never renumber.
import { ofKind, type ActionRecordCheck, type CaseDef, type Expect, type InboundCase, type Level, type LifecycleScript, type ResponseCheck } from '../../harness/engine/case-model';
import { coldStartTwins } from '../../harness/engine/cold-start-twins';
import { renderToken } from '../../harness/tokens/draft';
import type { FaultKind, KeyFault } from '../../harness/servers/key-lifecycle';
import {
  AM_APP_ID,
  AM_KEY_SERVERS,
  actionRecordPath,
  APP_ID_URI,
  BASE_URL,
  EXPECTED_SCOPE,
  entraV1Issuer,
  entraV2Issuer,
  LEGACY_VER,
  OTHER_CLIENT_ID,
  OTHER_SENDER,
  OTHER_TENANT,
  SUBSTRATE_ISSUER,
  type AmPath,
  type AmProfile,
} from './facts';
import * as M from '../../harness/tokens/mutations';
import { callerLocation, located, locationOf } from '../../harness/engine/catalog-location';
import { familyCases } from '../families';
import { AM_AAH_PATHS, AM_PATHS } from './paths';

const AM = 'actionable-messages-security';
const FACTS = 'current-practice';
const FACT = (topic: string) => `docs/facts.md > Actionable Messages > ${topic}`;

interface Ref {
  ids: string[];
  section: string;
  level: Level;
  spec?: string;
}

interface AmCase {
  id: string;
  title: string;
  expect: Expect;
  why: string;
  /** The path per profile: legacy cases run on email/connector, Entra cases on entra-v2/v1. */
  path: { legacy?: AmPath; entra?: AmPath };
  mutations: M.Mutation[];
  legacy?: Ref;
  entra?: Ref;
  isControl?: boolean;
  attackerMustNotBeContacted?: boolean;
  responseCheck?: ResponseCheck;
  replay?: boolean;
  fetchBudget?: InboundCase['fetchBudget'];
  retryWhileRefusedMs?: number;
  cwe?: string[];
  /** After the refusal, no record of the action may reach AM_ACTION_RECORD_URL (nor, with forbiddenSub, one naming that user). */
  actionRecord?: { forbiddenSub?: string };
  /** A key-lifecycle case (run after all others, one at a time); the key server is the profile's. */
  lifecycle?: Omit<LifecycleScript, 'keyServer'>;
}

const spec = (level: Level, ids: string[], section: string): Ref => ({ level, ids, section, spec: AM });
const fact = (level: Level, ids: string[], topic: string): Ref => ({ level, ids, section: FACT(topic), spec: FACTS });
const bothPaths = { legacy: 'email' as AmPath, entra: 'entra-v2' as AmPath };
const legacyOnly = { legacy: 'email' as AmPath };
const entraOnly = { entra: 'entra-v2' as AmPath };
const inActionAuthorization = M.placeToken({ in: 'header', name: 'action-authorization', scheme: 'Bearer' }, 'token in Action-Authorization: Bearer <token> (no Authorization header)');

/** A second token in another header: a copy of the case's token as it stands, changed by `mutations` and rendered on its own. */
const secondToken = (header: string, mutations: M.Mutation[], describe: string): M.Mutation => ({
  describe: `${describe}, in ${header}: Bearer`,
  apply: (d, ctx) => {
    const copy = { ...d, token: { ...d.token, header: { ...d.token.header }, claims: { ...d.token.claims }, finish: [...d.token.finish] }, request: { ...d.request } };
    for (const m of mutations) m.apply(copy, ctx);
    d.request.headers = { ...d.request.headers, [header]: `Bearer ${renderToken(copy.token, ctx.keys)}` };
  },
});
const MALLORY = 'mallory@contoso.test';
/** A token only an attacker could make: another user, signed by a key no one published. */
const forged = [M.setClaim('sub', MALLORY), M.signWithKey('rogue')];

/** The records of carried-out actions the contract asks for (AM_ACTION_RECORD_URL/<requestId>). */
const actionRecordCheck = (forbiddenSub?: string): ActionRecordCheck => ({
  server: 'sender',
  pathOf: (activity) => (typeof activity.requestId === 'string' ? actionRecordPath(activity.requestId) : undefined),
  describe: 'record(s) of the action reached AM_ACTION_RECORD_URL',
  ...(forbiddenSub ? { forbiddenSub } : {}),
});

export const cardActionStatus: ResponseCheck = {
  describe: 'a refusal is a 4xx with a non-empty CARD-ACTION-STATUS header (text for the user)',
  check: (res) => {
    if (res.status >= 500) return `refused with ${res.status}, a server error: a refusal is a 4xx (AM-CUR-11)`;
    return res.status >= 400 && !res.headers['card-action-status']?.trim() ? `${res.status} without CARD-ACTION-STATUS` : undefined;
  },
};

export const httpsActionUrl: ResponseCheck = {
  describe: 'the registered action URL is HTTPS',
  informational: true,
  check: (_res, req) => (req && !req.url.startsWith('https:') ? `the action URL under test is ${new URL(req.url).origin} (plain HTTP on loopback: register an https URL in production)` : undefined),
};

function catalog(): AmCase[] {
  const c: AmCase[] = [];
  const add = (x: AmCase) => void c.push(located(x, callerLocation(1, x.id)));
  const reject = (id: string, path: AmCase['path'], title: string, why: string, mutations: M.Mutation[], refs: { legacy?: Ref; entra?: Ref }, extra: Partial<AmCase> = {}) =>
    add({ id, path, title, expect: 'reject', why, mutations, ...refs, ...extra });

  // ---- positive controls ------------------------------------------------------------------
  add({ id: 'POS-001', path: bothPaths, title: 'valid action token, as the service sends it (email message / Entra v2)', expect: 'accept', isControl: true, mutations: [],
    why: 'The positive control: legacy — iss substrate, aud the base URL, appid, ver STI.ExternalAccessToken.V1, sub and sender; Entra — tenant v2 issuer, aud the application ID URI, azp the Actionable Messages client.',
    legacy: fact('MUST', ['AM-04', 'AM-09', 'AM-10', 'AM-CUR-01', 'AM-CUR-02', 'AM-CUR-03'], 'legacy profile'),
    entra: fact('MUST', ['AM-CUR-06', 'AM-CUR-07', 'AM-CUR-08', 'AM-CUR-09', 'AM-CUR-10'], 'current (Entra) profile') });
  add({ id: 'POS-002', path: { legacy: 'connector', entra: 'entra-v1' }, title: 'valid token of the other shape (connector message without sender / Entra v1 with appid)', expect: 'accept', isControl: true, mutations: [],
    why: 'Legacy: connector actions carry sub (an object id) and no sender, and must not be refused for that. Entra: v1 tokens carry the client in appid and the sts.windows.net issuer.',
    legacy: fact('SHOULD', ['AM-CUR-05'], 'legacy profile'), entra: fact('MUST', ['AM-CUR-08', 'AM-CUR-09'], 'current (Entra) profile') });
  add({ id: 'POS-003', path: bothPaths, title: 'valid token in Action-Authorization instead of Authorization', expect: 'either', mutations: [inActionAuthorization],
    why: 'The token arrives in Action-Authorization only when the provider\'s own card blanks the Authorization header, so a provider that does not do that may read Authorization alone. Reported only (the family cases of the Action-Authorization paths, AAH-001, AAH-002 and AAH-101 on, hold a token found there to the same checks).',
    legacy: fact('INFO', ['AM-CUR-14'], 'Action-Authorization'), entra: fact('INFO', ['AM-CUR-14'], 'Action-Authorization') });
  add({ id: 'POS-004', path: bothPaths, title: 'valid token signed by the second published key', expect: 'accept', mutations: [M.signWithKey('am-b')],
    why: 'Any key of the published set may sign.', legacy: fact('MUST', ['AM-CUR-02'], 'legacy profile'), entra: fact('MUST', ['AM-CUR-10'], 'current (Entra) profile') });

  // ---- aud -----------------------------------------------------------------------------------
  const audL = (id: string, title: string, value: unknown, expect: Expect, why: string, level: Level = 'MUST') =>
    add({ id, path: legacyOnly, title, expect, why, mutations: [value === undefined ? M.deleteClaim('aud') : M.setClaim('aud', value)], legacy: spec(level, ['AM-10'], 'Bearer Token, typical verification 2; claim table (aud)'), cwe: expect === 'reject' ? ['CWE-345'] : undefined });
  audL('AUD-002', 'aud with another scheme (http://)', BASE_URL.replace('https:', 'http:'), 'reject', 'RFC 3986 §6.2.3: a different scheme is a different URL.');
  audL('AUD-003', 'aud with another port (:8443)', `${BASE_URL}:8443`, 'reject', 'RFC 3986 §6.2.3: a non-default port is a different URL.');
  audL('AUD-004', 'aud with a path appended (/api)', `${BASE_URL}/api`, 'reject', 'A different path is a different URL; a prefix match accepts it.');
  audL('AUD-005', 'aud host with an attacker suffix', `${BASE_URL}.attacker.test`, 'reject', 'A prefix match on the base URL accepts another host.');
  audL('AUD-007', 'aud host in upper case (https://ACTIONS.CONTOSO.TEST)', BASE_URL.replace('actions.contoso.test', 'ACTIONS.CONTOSO.TEST'), 'either', 'RFC 3986 §6.2.2.1 calls it the same URL, but RFC 7519 compares aud as a string, as Microsoft\'s .NET and Node validators and every Python library do: either outcome is conformant. Reported only.', 'INFO');
  audL('AUD-008', 'aud with the explicit default port (:443)', `${BASE_URL}:443`, 'either', 'RFC 3986 §6.2.3 calls it the same URL; RFC 7519 compares aud as a string (Microsoft\'s validators compare exactly): either outcome is conformant. Reported only.', 'INFO');
  audL('AUD-009', 'aud with a trailing slash', `${BASE_URL}/`, 'either', 'RFC 3986 §6.2.3: for https an empty path equals "/"; RFC 7519 compares aud as a string (Microsoft\'s validators compare exactly): either outcome is conformant. Reported only.', 'INFO');
  const audE = (id: string, title: string, value: unknown, why: string) =>
    add({ id, path: entraOnly, title, expect: 'reject', why, mutations: [value === undefined ? M.deleteClaim('aud') : M.setClaim('aud', value)], entra: fact('MUST', ['AM-CUR-07'], 'current (Entra) profile'), cwe: ['CWE-345'] });
  audE('AUD-010', 'aud is the service\'s base URL, not its application ID URI', BASE_URL, 'Entra tokens carry the registered application ID URI (current practice stands over the text\'s base URL).');
  audE('AUD-012', 'aud is the application ID URI with a suffix', `${APP_ID_URI}/x`, 'The application ID URI is compared whole.');
  audE('AUD-014', 'aud is the Actionable Messages client id', AM_APP_ID, 'Entra sets aud to the resource; a token whose aud is the client itself is not for this service.');

  // ---- iss -----------------------------------------------------------------------------------
  const issRef = { legacy: fact('MUST', ['AM-CUR-01'], 'legacy profile'), entra: fact('MUST', ['AM-CUR-09'], 'current (Entra) profile') };
  reject('ISS-003', legacyOnly, 'iss without its trailing slash (https://substrate.office.com/sts)', 'The issuer compares exactly.', [M.setClaim('iss', SUBSTRATE_ISSUER.slice(0, -1))], issRef, { cwe: ['CWE-345'] });
  reject('ISS-004', legacyOnly, 'legacy token with an Entra issuer', 'The legacy profile\'s issuer is substrate.', [M.setClaim('iss', entraV2Issuer())], issRef, { cwe: ['CWE-345'] });
  reject('ISS-005', entraOnly, 'v2 issuer of another tenant', 'Entra\'s rules: the tenant\'s own issuer.', [M.setClaim('iss', entraV2Issuer(OTHER_TENANT)), M.setClaim('tid', OTHER_TENANT)], issRef, { cwe: ['CWE-345'] });
  reject('ISS-006', entraOnly, 'the legacy substrate issuer on an Entra token', 'Since 2026-06-08 the service sends Entra tokens: the legacy issuer is not the tenant\'s.', [M.setClaim('iss', SUBSTRATE_ISSUER)], issRef, { cwe: ['CWE-345'] });
  reject('ISS-007', entraOnly, 'tid names another tenant than the issuer', 'tid and the issuer\'s tenant must agree.', [M.setClaim('tid', OTHER_TENANT)], { entra: fact('SHOULD', ['AM-CUR-09'], 'current (Entra) profile') }, { cwe: ['CWE-345'] });

  // ---- client: appid / azp, ver ---------------------------------------------------------------
  const appRef = { legacy: fact('MUST', ['AM-CUR-03'], 'legacy profile'), entra: fact('MUST', ['AM-CUR-08'], 'current (Entra) profile') };
  reject('APP-001', legacyOnly, 'appid is another application', 'Only the Actionable Messages service (48af08dc-…) sends actions.', [M.setClaim('appid', OTHER_CLIENT_ID)], appRef, { cwe: ['CWE-345'] });
  reject('APP-002', legacyOnly, 'appid missing', 'Only the Actionable Messages service sends actions.', [M.deleteClaim('appid')], appRef, { cwe: ['CWE-345'] });
  reject('APP-003', entraOnly, 'v2 token issued to another client (azp)', 'A token for this application obtained by another client is not an action from the service.', [M.setClaim('azp', OTHER_CLIENT_ID)], appRef, { cwe: ['CWE-345'] });
  reject('APP-004', { entra: 'entra-v1' }, 'v1 token issued to another client (appid)', 'A v1 token names its client in appid.', [M.setClaim('appid', OTHER_CLIENT_ID)], appRef, { cwe: ['CWE-345'] });
  reject('APP-005', entraOnly, 'v2 token with a foreign azp while appid names the service', 'ver 2.0 tokens name their client in azp; a validator reading appid first is fooled.', [M.setClaim('azp', OTHER_CLIENT_ID), M.setClaim('appid', AM_APP_ID)], appRef, { cwe: ['CWE-345'] });
  add({ id: 'VER-001', path: legacyOnly, title: 'ver is not STI.ExternalAccessToken.V1', expect: 'either', mutations: [M.setClaim('ver', 'STI.ExternalAccessToken.V2')],
    why: 'No text makes the legacy token version a validator rule, and Microsoft\'s own validators never check it; only the issuer can mint the token. Reported only.', legacy: fact('INFO', ['AM-CUR-04'], 'legacy profile') });
  reject('VER-002', entraOnly, 'ver "3.0"', 'Only ver 1.0 (appid) and 2.0 (azp) are defined; an unknown version should not be read as a known one. No text requires the check: a SHOULD.', [M.setClaim('ver', '3.0')], { entra: fact('SHOULD', ['AM-CUR-08'], 'current (Entra) profile') });
  reject('VER-003', entraOnly, 'ver "3.0" with azp another client and appid the service', 'A version that is neither "1.0" nor "2.0" must not be read as either: read as v1, the client comes from appid (the service) although azp names another client. No text requires the check and only Entra can mint the token: a SHOULD, as VER-002.',
    [M.setClaim('ver', '3.0'), M.setClaim('azp', OTHER_CLIENT_ID), M.setClaim('appid', AM_APP_ID)], { entra: fact('SHOULD', ['AM-CUR-08'], 'current (Entra) profile') }, { cwe: ['CWE-345'] });
  void LEGACY_VER;

  // ---- scp: the scope the provider exposes (AM_EXPECTED_SCOPE), Entra only -----------------------
  const scpRef = { entra: fact('SHOULD', ['AM-CUR-09', 'AM-CUR-07'], 'current (Entra) profile') };
  reject('SCP-001', entraOnly, 'scp names another scope than the one the provider exposes (AM_EXPECTED_SCOPE)', `A delegated Entra token is for the scopes it lists; Entra's usual rules have an API check that scp holds the scope it exposes (${EXPECTED_SCOPE} here). The audience is still the provider's, so a SHOULD.`,
    [M.setClaim('scp', 'User.Read')], scpRef, { cwe: ['CWE-285'] });
  reject('SCP-002', entraOnly, 'no scp at all', 'The action is a user\'s: its token is delegated and carries scp; one without it grants no scope of the provider. A SHOULD, as SCP-001.', [M.deleteClaim('scp')], scpRef, { cwe: ['CWE-285'] });
  add({ id: 'SCP-003', path: entraOnly, title: 'scp lists several scopes, the provider\'s among them', expect: 'accept', mutations: [M.setClaim('scp', `User.Read ${EXPECTED_SCOPE} offline_access`)],
    why: 'scp is a space-separated list: a token that also carries other scopes holds the provider\'s, and a validator that compares the whole claim refuses a real sender\'s valid token (interop: a SHOULD).', entra: fact('SHOULD', ['AM-CUR-09'], 'current (Entra) profile') });

  // ---- sub, sender ----------------------------------------------------------------------------
  const subRef = { legacy: spec('SHOULD', ['AM-11'], 'Bearer Token ("we strongly recommend should be verified")'), entra: spec('SHOULD', ['AM-11'], 'Bearer Token ("we strongly recommend should be verified")') };
  reject('SUB-001', bothPaths, 'sub missing', 'sub is the user who took the action; without it the action has no actor.', [M.deleteClaim('sub')], subRef);
  reject('SUB-002', bothPaths, 'sub empty', 'sub is the user who took the action.', [M.setClaim('sub', '')], subRef);
  add({ id: 'SND-001', path: legacyOnly, title: 'sender not in the configured allow-list (AM_ALLOWED_SENDERS)', expect: 'either', mutations: [M.setClaim('sender', OTHER_SENDER)],
    why: 'The text: the provider "can optionally validate" the sender. Whether another sender is refused is reported only.', legacy: spec('INFO', ['AM-15', 'AM-14'], 'Bearer Token ("can optionally validate")') });
  add({ id: 'SND-002', path: legacyOnly, title: 'sender in the allow-list but in another letter case', expect: 'either', mutations: [M.setClaim('sender', 'Notifications@Contoso.TEST')],
    why: 'Email domains are case-insensitive, local parts formally not; either outcome is reported.', legacy: spec('INFO', ['AM-15'], 'Bearer Token ("can optionally validate")') });

  // ---- time ---------------------------------------------------------------------------------

  // ---- signature and the sample validators' bugs ----------------------------------------------
  const sigRef = { legacy: spec('MUST', ['AM-09'], 'Bearer Token, typical verification 1'), entra: fact('MUST', ['AM-CUR-10'], 'current (Entra) profile') };
  const sig = (id: string, title: string, why: string, mutations: M.Mutation[], extra: Partial<AmCase> = {}) => reject(id, bothPaths, title, why, mutations, sigRef, { cwe: ['CWE-347'], ...extra });
  sig('SIG-003', 'claim changed after signing (sub)', 'Any change to the signed bytes breaks the signature.', [M.alterClaimAfterSigning('sub', 'mallory@contoso.test')]);

  add({ id: 'ROT-001', path: bothPaths, title: 'a key rotated in after the SUT loaded the key set is accepted once the SUT refreshes (its clock an hour on)', expect: 'accept', mutations: [],
    why: 'Microsoft\'s Python sample stopped refreshing keys (after five days); keys must keep being refreshed while the service runs. The new key appears from the sender\'s second key-set answer on. A refresh on an unknown kid at most every 5 minutes (or hourly) is conformant, so the SUT\'s clock moves an hour on first, as for the other profiles\' rotation cases: a SHOULD, since only the issuer holds the new key (LEVELS.md). Run with the key-lifecycle cases, one at a time.',
    legacy: fact('SHOULD', ['AM-CUR-18', 'AM-CUR-02'], 'sample bugs (Python, five days)'), entra: fact('SHOULD', ['AM-CUR-18', 'AM-CUR-10'], 'sample bugs (Python, five days)'),
    lifecycle: { advanceClockMs: 3600_000 + 60_000, before: {}, after: {}, signWith: 'am-rotated' }, retryWhileRefusedMs: 5_000, cwe: ['CWE-347'] });
  add({ id: 'MDC-001', path: bothPaths, title: 'ten valid actions in a row fetch the OpenID metadata at most twice', expect: 'accept', mutations: [],
    why: 'Microsoft\'s Node sample fetched the metadata for every request: slow, and an outage of the key server becomes an outage of every action. Cache it.',
    fetchBudget: { server: 'sender', pathIncludes: 'openid-configuration', requests: 10, max: 2 },
    legacy: fact('SHOULD', ['AM-CUR-16'], 'sample bugs (Node, metadata per request)'), entra: fact('SHOULD', ['AM-CUR-16'], 'sample bugs (Node, metadata per request)') });

  add({ id: 'MDC-002', path: bothPaths, title: 'ten valid actions in a row fetch the keys document (jwks_uri) at most twice', expect: 'accept', mutations: [],
    why: 'A validator that caches the metadata (its jwks_uri) but fetches the key set for every action still makes every action wait on the key server and turns its outage into an outage of every action (MDC-001 counts only the metadata). Cache the keys.',
    fetchBudget: { server: 'sender', pathIncludes: '/discovery/', requests: 10, max: 2 },
    legacy: fact('SHOULD', ['AM-CUR-16'], 'sample bugs (Node, metadata per request)'), entra: fact('SHOULD', ['AM-CUR-16'], 'sample bugs (Node, metadata per request)'), cwe: ['CWE-400'] });

  // ---- where the token travels; the refusal --------------------------------------------------
  // AAH-001 (another audience) and AAH-002 (an unpublished key) are family cases of the Action-Authorization paths now (paths.ts).
  // Both headers at once never come from Microsoft (the token is in Action-Authorization only when the
  // card blanks Authorization). Refusing is safe; accepting on the token that verifies is too (a
  // validator may read one header only); carrying the action out as the other token's user is not.
  const bothRef = { legacy: fact('MUST', ['AM-CUR-14', 'AM-14'], 'Action-Authorization'), entra: fact('MUST', ['AM-CUR-14', 'AM-14'], 'Action-Authorization') };
  const both = (id: string, title: string, mutations: M.Mutation[]) => add({ id, path: bothPaths, title, expect: 'either', mutations, ...bothRef, actionRecord: { forbiddenSub: MALLORY }, cwe: ['CWE-347', 'CWE-290'],
    why: 'Microsoft never sends both headers; refusing the request, or accepting it on the token that verifies, is conformant (reported). Verifying one token and taking the user from the other lets anyone act as anyone: the action must never be recorded for the forged token\'s user (AM_ACTION_RECORD_URL; a SUT that records no actions makes it inconclusive).' });
  both('AAH-003', 'both headers: a valid token in Authorization, a forged one (another user, an unpublished key) in Action-Authorization', [secondToken('action-authorization', forged, `a forged token (sub ${MALLORY}, signed by an unpublished key)`)]);
  both('AAH-004', 'both headers: a forged token (another user, an unpublished key) in Authorization, a valid one in Action-Authorization', [secondToken('action-authorization', [], 'the valid token'), ...forged]);

  // ---- a refused action is not carried out (AM_ACTION_RECORD_URL) ------------------------------------
  const actRef = (ids: string[]) => ({ legacy: spec('MUST', ids, 'Bearer Token ("With all the above verifications done ...")'), entra: spec('MUST', ids, 'Bearer Token ("With all the above verifications done ...")') });
  const notCarriedOut = (id: string, title: string, why: string, mutations: M.Mutation[], ids: string[], cwe: string[]) =>
    reject(id, bothPaths, title, `${why} Refused, the action must not be carried out all the same (the Node sample answered and went on): no record of it may reach AM_ACTION_RECORD_URL. A SUT that records no actions makes the case inconclusive.`, mutations, actRef(ids), { actionRecord: {}, cwe });
  notCarriedOut('ACT-001', 'another user\'s action signed by an unpublished key is refused and not carried out', 'sub and sender are relied on only after the signature has verified (AM-14).', forged, ['AM-14', 'AM-CUR-17', 'AM-09'], ['CWE-347', 'CWE-696']);
  notCarriedOut('ACT-002', 'another user\'s action in a token for another audience is refused and not carried out', 'sub and sender are relied on only after the aud check has passed (AM-14).', [M.setClaim('sub', MALLORY), M.setClaim('aud', 'https://other.contoso.test')], ['AM-14', 'AM-CUR-17', 'AM-10'], ['CWE-345', 'CWE-696']);
  notCarriedOut('ACT-003', 'another user\'s action, signed by an unpublished key, in Action-Authorization is refused and not carried out', 'A token in Action-Authorization is checked exactly as strictly (AM-CUR-14), and its sub relied on only after that (AM-14).', [inActionAuthorization, ...forged], ['AM-14', 'AM-CUR-17', 'AM-CUR-14'], ['CWE-347', 'CWE-696']);
  notCarriedOut('ACT-004', 'an action without any token is refused and not carried out', 'An action request that carries no bearer token is refused (AM-07).', [M.placeToken({ in: 'nowhere' }, 'no token sent')], ['AM-07', 'AM-CUR-17'], ['CWE-306', 'CWE-696']);
  reject('CAS-001', bothPaths, 'a refused action (wrong aud) is answered 4xx with CARD-ACTION-STATUS', 'Outlook shows the header\'s text to the user; without it the user sees a bare failure.', [M.setClaim('aud', 'https://other.contoso.test')],
    { legacy: fact('SHOULD', ['AM-CUR-12', 'AM-CUR-11'], 'failure response'), entra: fact('SHOULD', ['AM-CUR-12', 'AM-CUR-11'], 'failure response') }, { responseCheck: cardActionStatus });

  // The family's body member (HDR-007) sends a JSON member; RFC 6750 §2.2's own form is a form-encoded body.
  reject('HDR-008', bothPaths, 'valid token in a form-encoded body (access_token=<token>), no header', 'RFC 6750 §2.2 allows a form-encoded body parameter, but Actionable Messages carries the token only in Authorization (or Action-Authorization): a framework that also reads form bodies lets a token in where no one checks for it.',
    [M.placeToken({ in: 'body', name: 'access_token', form: true }, 'POST form body access_token=<token>, no header')], { legacy: spec('MUST', ['AM-07', 'AM-06'], 'Bearer Token'), entra: spec('MUST', ['AM-07', 'AM-06'], 'Bearer Token') }, { cwe: ['CWE-287'] });

  // ---- the limited-purpose token and the action URL --------------------------------------------
  add({ id: 'LPT-001', path: bothPaths, title: 'the same action (same limited-purpose token) sent twice: the second answer is reported', expect: 'either', mutations: [], replay: true,
    why: 'The provider MAY use the limited-purpose token to refuse an action already performed; the spec leaves it to the provider. Reported, never failed.',
    legacy: spec('INFO', ['AM-16', 'AM-05'], 'Limited-Purpose Tokens (replay)'), entra: spec('INFO', ['AM-16', 'AM-05'], 'Limited-Purpose Tokens (replay)') });
  add({ id: 'URL-001', path: bothPaths, title: 'the action URL is HTTPS', expect: 'either', mutations: [], responseCheck: httpsActionUrl,
    why: 'The action URL must support HTTPS; a loopback test run talks plain HTTP, so this is reported only.',
    legacy: spec('INFO', ['AM-03'], 'Send phase, bullet 3'), entra: spec('INFO', ['AM-03'], 'Send phase, bullet 3') });
  void entraV1Issuer;

  // ---- a failing key server: fail closed, then recover (run after all other cases, one at a time) -
  // The SUT's clock moves an hour on first, past its unknown-kid cool-down and failed-fetch back-off.
  const keysRef = { legacy: fact('MUST', ['AM-09', 'AM-CUR-02'], 'legacy profile'), entra: fact('MUST', ['AM-09', 'AM-CUR-10'], 'current (Entra) profile') };
  const HOUR = 3600_000 + 60_000;
  const failClosed = (id: string, key: string, fault: KeyFault, title: string, why: string) =>
    reject(id, bothPaths, title, why, [], keysRef, {
      lifecycle: { advanceClockMs: HOUR, before: { publish: [key], fault }, after: { fault: null, withdraw: [key] }, signWith: key, mustFetchDuringFault: fault.kind.endsWith('jwks-uri') ? 'metadata' : fault.target },
      cwe: ['CWE-636'],
    });
  const fault = (target: KeyFault['target'], kind: FaultKind): KeyFault => ({ target, kind });
  failClosed('KLC-010', 'am-new-1', fault('jwks', 'status-500'), 'the keys document answers 500 while a token names a new key', 'With no keys to verify with, the action cannot be verified: refuse it (fail closed), and keep serving.');
  failClosed('KLC-011', 'am-new-2', fault('metadata', 'status-500'), 'the OpenID metadata answers 500 while a token names a new key', 'With no metadata there is no trusted jwks_uri: refuse the action.');
  failClosed('KLC-012', 'am-new-3', fault('jwks', 'malformed-json'), 'the keys document is broken JSON while a token names a new key', 'A key set that does not parse gives no key: refuse, never skip the check.');
  failClosed('KLC-013', 'am-new-4', fault('metadata', 'malformed-json'), 'the OpenID metadata is broken JSON while a token names a new key', 'Metadata that does not parse gives no jwks_uri: refuse, never skip the check.');
  failClosed('KLC-014', 'am-new-5', fault('jwks', 'hang'), 'the keys document never answers while a token names a new key', 'A hung key server must not get an action accepted; the endpoint should refuse without waiting indefinitely (no answer within the deadline is a robustness warning).');
  failClosed('KLC-015', 'am-new-6', fault('metadata', 'plain-http-jwks-uri'), 'the metadata names a jwks_uri over plain HTTP, whose key set holds the new key', 'Keys are read over TLS only: a key set fetched over plain HTTP could be anyone\'s.');
  failClosed('KLC-016', 'am-new-7', fault('metadata', 'untrusted-tls-jwks-uri'), 'the metadata names a jwks_uri on a server whose certificate no trusted CA issued', 'A key server whose certificate does not verify could be anyone\'s: its keys must not be used.');
  // ---- the key cache's limits (the bot-framework profile's BF-C2B-KLC-002 and -004, same levels) ----
  add({ id: 'KLC-002', path: bothPaths, title: 'twenty actions whose tokens name random unknown kids cause at most one fetch of the keys document', expect: 'reject', mutations: [],
    why: 'A refresh for every unknown kid lets anyone who can reach the action URL make the provider hammer the sender\'s key server (and wait on it); refreshes on unknown kids are rate-limited (at most every 5 minutes, or hourly). The tokens are signed by an unpublished key, so each is refused too.',
    legacy: fact('SHOULD', ['AM-CUR-16'], 'sample bugs (Node, metadata per request)'), entra: fact('SHOULD', ['AM-CUR-16'], 'sample bugs (Node, metadata per request)'),
    lifecycle: { advanceClockMs: HOUR, before: {}, after: {}, signWith: 'rogue', randomKid: true, requests: { count: 20, concurrency: 1 }, jwksFetches: { max: 1 } }, cwe: ['CWE-400'] });
  add({ id: 'KLC-004', path: bothPaths, title: 'a withdrawn key is refused once the SUT\'s 24 h key cache has expired', expect: 'reject', mutations: [],
    why: 'Keys must keep being refreshed while the service runs (Microsoft\'s Python sample stopped): after the sender withdraws a key and a day passes (the usual 24 h cache), tokens it signs are refused. The control is signed by that key before it is withdrawn. A SHOULD, as BF-C2B-KLC-004: 24 h is current practice, and only the issuer held the key.',
    legacy: fact('SHOULD', ['AM-CUR-18', 'AM-CUR-02'], 'sample bugs (Python, five days)'), entra: fact('SHOULD', ['AM-CUR-18', 'AM-CUR-10'], 'sample bugs (Python, five days)'),
    lifecycle: { advanceClockMs: 24 * 3600_000 + 60_000, controlKey: 'am-w', before: { withdraw: ['am-w'] }, after: {}, signWith: 'am-w' }, cwe: ['CWE-613', 'CWE-347'] });
  add({ id: 'KLC-017', path: bothPaths, title: 'after a key-server outage, the key it could not serve is accepted once the server is back', expect: 'accept', mutations: [],
    why: 'Failing closed must not become failing for good: key refreshes go on once the key server answers again.',
    legacy: fact('SHOULD', ['AM-CUR-18'], 'sample bugs (Python, five days)'), entra: fact('SHOULD', ['AM-CUR-18'], 'sample bugs (Python, five days)'),
    lifecycle: { advanceClockMs: HOUR, before: { publish: ['am-new-1'] }, after: {}, signWith: 'am-new-1' }, retryWhileRefusedMs: 5_000, cwe: ['CWE-347'] });
  return c;
}

export function amCases(profile: AmProfile): CaseDef<AmPath>[] {
  const entra = profile === 'actionable-messages-entra';
  const prefix = entra ? 'AME' : 'AM';
  const own = protocolCases(profile, entra, prefix);
  // The same faults from a cold start (AM-CSF-010..016 / AME-CSF-010..016, one per fail-closed KLC
  // case): each in a world of its own whose fresh SUT process meets the fault at its first key fetch,
  // so a SUT in any language is judged (the KLC cases need one whose clock can be moved).
  const coldStart = coldStartTwins(own.filter(ofKind('lifecycle')), (id) => id.replace('-KLC-', '-CSF-'));
  const cases = [...own, ...familyCases<AmPath>(AM_PATHS[profile], profile, prefix, AM), ...familyCases<AmPath>(AM_AAH_PATHS[profile], profile, prefix, AM), ...coldStart];
  // Every action request gets exactly one response, and later requests are still served (AM-CUR-17).
  return cases.map((c) => (c.kind === 'inbound' ? { ...c, staysUpAfterRefusal: true } : c));
}

/** The profile's own rules (the attack families come from profiles/families). */
function protocolCases(profile: AmProfile, entra: boolean, prefix: string): CaseDef<AmPath>[] {
  return catalog().flatMap((x): CaseDef<AmPath>[] => {
    const ref = entra ? x.entra : x.legacy;
    const path = entra ? x.path.entra : x.path.legacy;
    if (!ref || !path) return [];
    const base = {
      id: `${prefix}-${x.id}`,
      profile,
      path,
      location: locationOf(x),
      title: x.title,
      requirement: { ids: ref.ids, spec: ref.spec ?? AM, section: ref.section, level: ref.level },
      expect: x.expect,
      why: x.why,
      mutations: x.mutations,
      isControl: x.isControl,
      retryWhileRefusedMs: x.retryWhileRefusedMs,
      anyClientErrorRefuses: true, // the facts sheet: a refused action gets a 4xx (AM-CUR-11)
      cwe: x.cwe,
    };
    // A catalog entry with a key-lifecycle script is a lifecycle case (run after all others, one at a time).
    if (x.lifecycle) return [{ ...base, kind: 'lifecycle', lifecycle: { keyServer: AM_KEY_SERVERS[profile], ...x.lifecycle } }];
    return [{ ...base, kind: 'inbound', attackerMustNotBeContacted: x.attackerMustNotBeContacted, responseCheck: x.responseCheck, replay: x.replay, fetchBudget: x.fetchBudget, ...(x.actionRecord ? { actionRecord: actionRecordCheck(x.actionRecord.forbiddenSub) } : {}) }];
  });
}
