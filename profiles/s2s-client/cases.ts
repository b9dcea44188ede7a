// The s2s-client case catalog (the SUT SENDS the tokens; MS-XOAUTH 3.1.5, 4.2-4.4; MS-SPS2SAUTH
// 3.2.5). Each case is a scenario (the challenge shape the harness's resource server answers with, a
// target it must not trust, with or without S2S_USER; ./facts.ts) and a named check on what the SUT
// sent there (the checks and verdict helpers: ./checks.ts). Token shapes follow MS-SPS2SAUTH and
// TokenHelper (the actor in `actortoken`); where MS-XOAUTH (rev. 8.0, 2025, the later document) differs, the case says so in
// its `why`, and where the two disagree on a rule the later one stands. Ids are public: never renumber.
//
// expect: `accept` — what the SUT sends must pass the check; `reject` — the SUT must refuse to send
// a token there; `either` — reported only (INFO).
import type { ClientCase, Expect, Level } from '../../harness/engine/case-model';
import { callerLocation, located, locationOf } from '../../harness/engine/catalog-location';
import { arrival, AUD, bad, discoveredParts, exited, FACT, FACTS, later, noTokenAt, ok, show, SPS, stringsProblem, timesProblem, upperCaseValues, withActor, withOuter, withToken, XO, type ClientCaseEntry } from './checks';
import { NII_WINDOWS } from './facts';

function catalog(): ClientCaseEntry[] {
  const c: ClientCaseEntry[] = [];
  const add = (x: Omit<ClientCaseEntry, 'expect'> & { expect?: Expect }) => void c.push(located({ expect: 'accept', ...x }, callerLocation(1, x.id)));

  // ---- positive controls ---------------------------------------------------------------------
  add({ id: 'POS-001', path: 'app-only', scenario: 'plain', isControl: true, level: 'MUST', ids: ['XO-18', 'SPS-18', 'XO-17'], spec: XO, section: '3.1.5.1; 3.1.5.2; 4.2',
    title: 'plain challenge, app-only: after discovery the SUT sends a JWS signed with its certificate and exits 0',
    why: 'The positive control of every case: the call completes (2xx, exit 0) with a compact JWS whose signature verifies under S2S_CLIENT_CERT. Any RSA algorithm counts here (ACT-001 holds it to RS256). Unless this passes, the other cases prove nothing and are inconclusive.',
    check: withToken((t, o) => {
      if (t.outer) return bad(`S2S_USER is not set, yet the token is an unsigned outer token (alg ${show(t.token.header?.alg)})`);
      if (!t.actor) return bad(`the token is not a compact JWT: ${t.token.malformed}`);
      if (!t.actor.verified) return bad(`the token's signature does not verify under S2S_CLIENT_CERT: ${t.actor.verifyError}`);
      if (o.run.exitCode !== 0) return bad(`the token was accepted (200), but ${exited(o)}, not 0`);
      return ok(`a ${show(t.token.header?.alg)} token signed by the SUT's certificate; exit 0`);
    }) });
  add({ id: 'POS-002', path: 'app-user', scenario: 'user', isControl: true, level: 'MUST', ids: ['SPS-16', 'XO-28', 'XO-09'], spec: SPS, section: '3.1.5 Steps 3-5',
    title: 'plain challenge, app+user (S2S_USER set): an unsigned outer token carrying an actor signed with the SUT\'s certificate; exit 0',
    why: 'The positive control of the app+user cases: with a user, the SUT sends an outer token (alg none) whose actor is a JWS that verifies under S2S_CLIENT_CERT, and exits 0. The actor may sit in actortoken or MS-XOAUTH\'s actort here (OUT-002 holds it to actortoken).',
    check: withToken((t, o) => {
      if (!t.outer) return bad(`the token is not an unsigned outer token (alg ${show(t.token.header?.alg)}): S2S_USER was not conveyed`);
      if (!t.actor) return bad('the outer token carries no actor (neither actortoken nor actort holds a JWT)');
      if (!t.actor.verified) return bad(`the actor's signature does not verify under S2S_CLIENT_CERT: ${t.actor.verifyError}`);
      if (o.run.exitCode !== 0) return bad(`the token was accepted (200), but ${exited(o)}, not 0`);
      return ok(`an outer token with the actor in ${t.actor.claim}, signed by the SUT's certificate; exit 0`);
    }) });

  // ---- realm discovery -----------------------------------------------------------------------
  add({ id: 'DSC-001', path: 'app-only', scenario: 'plain', level: 'MUST', ids: ['SPS-28', 'XO-17'], spec: SPS, section: '3.2.5 Step 1; MS-XOAUTH 3.1.5.1',
    title: 'the discovery request carries "Authorization: Bearer" with an empty value',
    why: 'Realm discovery is an anonymous call whose Bearer authorization value is empty (MS-SPS2SAUTH 3.2.5 Step 1; MS-XOAUTH 3.1.5.1 and 4.6 show "Authorization: Bearer"). Some servers answer a request with no Authorization header differently (e.g. with NTLM only).',
    check: (o) => {
      const first = o.requests[0];
      if (!first) return bad(`the target received no request; ${exited(o)}`);
      const auth = first.headers.authorization;
      if (auth === undefined) return bad('the first request carried no Authorization header');
      if (!/^\s*bearer\s*$/i.test(String(auth))) return bad(`the first request's Authorization is ${show(String(auth).length > 40 ? `${String(auth).slice(0, 40)}…` : auth)}, not an empty Bearer value${o.tokens[0]?.hit === first ? ' (a token before any discovery)' : ''}`);
      return ok(`the first request carried ${show(auth)}`);
    } });
  add({ id: 'DSC-002', path: 'app-only', scenario: 'other-realm-exchange', level: 'MUST', ids: ['SPS-08', 'SPS-10', 'XO-05'], spec: SPS, section: '3.1.5 Steps 3-4 (realm provided in the HTTP 401 response)',
    title: 'a resource in another realm: aud, iss and nameid carry the realm of its challenge',
    why: 'aud and nameid use "the realm provided in the HTTP 401 response" (MS-SPS2SAUTH 3.1.5, 3.2.5); iss is <issuer>@<realm> (MS-XOAUTH 2.2). A realm remembered from elsewhere or built in names the wrong tenant.',
    check: discoveredParts('realm') });
  add({ id: 'DSC-003', path: 'app-only', scenario: 'other-realm-exchange', level: 'MUST', ids: ['SPS-32', 'XO-05', 'XO-50'], spec: SPS, section: '3.2.5 Steps 3-4 (aud principal)',
    title: 'a resource whose principal is Exchange\'s: aud begins with the challenge\'s client_id (00000002-…)',
    why: 'aud is <principal>/<hostname>@<realm> with the principal of the targeted service, which its challenge names in client_id (MS-XOAUTH 2.2; MS-SPS2SAUTH 3.2.5 for SharePoint calling Exchange or Lync; XO-50 settles that client_id is the resource\'s own id). SharePoint\'s TokenHelper hard-codes SharePoint\'s 00000003-…, which is right only when the target is SharePoint.',
    check: discoveredParts('principal') });

  // ---- challenge shapes a real server sends: the client copes with each ---------------------
  const chl = (id: string, scenario: string, title: string, why: string, level: Level = 'MUST') =>
    add({ id, path: 'app-only', scenario, level, ids: ['XO-17', 'SPS-08'], spec: XO, section: '3.1.5.1; 4.6 (RFC 7235 §2.1, §4.1)', title, why, check: discoveredParts('both', true) });
  chl('CHL-001', 'realm-last', 'realm is the last parameter of the Bearer challenge',
    'RFC 7235 does not order auth-params, and MS-XOAUTH\'s own examples put client_id first. TokenHelper finds the realm only when it comes first (docs/facts.md > SharePoint high-trust S2S > realm discovery, SPS-CUR-08), which a client should not copy: a SHOULD, since it is interop and opens no way in.', 'SHOULD');
  chl('CHL-002', 'extra-fields', 'WWW-Authenticate fields for NTLM, Negotiate and Basic realm="SharePoint" come before the Bearer one',
    'SharePoint and Exchange offer several schemes, one WWW-Authenticate field each (MS-XOAUTH 4.1-4.6 add "Basic Realm"). The realm is the Bearer challenge\'s, not the first realm= of the response.');
  chl('CHL-003', 'one-field', 'several challenges in one WWW-Authenticate field (Negotiate, Basic realm=…, then Bearer with client_id first)',
    'A field may carry a comma-separated list of challenges (RFC 7235 §4.1; proxies join fields this way). The client must find the Bearer challenge and its parameters in the list.');
  chl('CHL-004', 'unquoted', 'realm and client_id sent as tokens, not quoted strings',
    'An auth-param value is a token or a quoted-string (RFC 7235 §2.1); a GUID is a valid token. A parser that needs the quotes misses the realm.');
  chl('CHL-005', 'name-case', 'parameter names in other letter case (Realm=, Client_Id=, Trusted_Issuers=)',
    'Auth-param names are case-insensitive (RFC 7235 §2.1); MS-XOAUTH\'s examples write "Basic Realm". No S2S server is known to capitalize the Bearer parameters, hence SHOULD.', 'SHOULD');
  add({ id: 'CHL-006', path: 'app-only', scenario: 'port', level: 'MUST', ids: ['SPS-08', 'XO-05', 'SPS-CUR-03'], spec: FACTS, section: FACT('TokenHelper actor token (aud host[:port])'),
    title: 'a target on port 8443: the aud host part is host:port',
    why: 'TokenHelper puts the target URI\'s authority in aud, host:port when the port is not the scheme\'s default; servers match their own endpoint (SPS-CUR-03), and whether one accepts the bare host is left open (SPS2S-AUD-014), so dropping the port fails against them.',
    check: withActor((a, _t, _o, x) => {
      const m = AUD.exec(String(a.payload.aud ?? ''));
      if (!m) return bad(`aud ${show(a.payload.aud)} is not <principal>/<host>@<realm>`);
      return m[2].toLowerCase() === x.authority.toLowerCase() ? ok(`aud host part ${show(m[2])}`) : bad(`aud host part ${show(m[2])}, the target's authority is ${x.authority}`);
    }) });

  // ---- the actor token (app-only, plain challenge) ------------------------------------------
  add({ id: 'ACT-001', path: 'app-only', scenario: 'plain', level: 'MUST', ids: ['XO-11', 'XO-12'], spec: XO, section: '2.2 (header typ, alg)',
    title: 'actor header: alg "RS256", typ "JWT"',
    why: 'Actor tokens are signed RS256 and typ is "JWT" (MS-XOAUTH 2.2). The prose writes "rs256", its examples and TokenHelper "RS256", the registered (case-sensitive) JWS name; the examples stand (XO-48).',
    check: withActor((a) => (a.header.alg === 'RS256' && a.header.typ === 'JWT' ? ok('alg "RS256", typ "JWT"') : bad(`alg ${show(a.header.alg)}, typ ${show(a.header.typ)}`))) });
  add({ id: 'ACT-002', path: 'app-only', scenario: 'plain', level: 'MUST', ids: ['XO-15', 'SPS-CUR-01'], spec: FACTS, section: FACT('TokenHelper actor token (x5t)'),
    title: 'actor x5t is the base64url SHA-1 thumbprint of S2S_CLIENT_CERT',
    why: 'SharePoint finds the signing certificate by x5t (SPS-CUR-01), so TokenHelper always sends it; MS-XOAUTH 2.2 makes x5t optional, but when present it names the certificate that signed (RFC 7515 §4.1.7: base64url of the SHA-1 of the DER). A hex "thumbprint" as Windows prints it, or standard base64, names nothing.',
    check: withActor((a, _t, _o, x) => {
      const v = a.header.x5t;
      if (v === x.x5t) return ok(`x5t ${show(v)}`);
      // x5t is optional (MS-XOAUTH 2.2): its absence is reported (LEVELS.md: INFO); a wrong one stays a MUST failure.
      if (v === undefined) return ok('no x5t header: optional (MS-XOAUTH 2.2), reported only; SharePoint finds the certificate by x5t, so a server may need it');
      const hint = typeof v === 'string' && /^[0-9a-f]{40}$/i.test(v) ? ' (a hex thumbprint, not base64url)' : typeof v === 'string' && /[+/=]/.test(v) ? ' (standard base64, not base64url)' : '';
      return bad(`x5t ${show(v)}${hint}; the certificate's is ${x.x5t}`);
    }) });
  add({ id: 'ACT-003', path: 'app-only', scenario: 'plain', level: 'MUST', ids: ['SPS-08', 'XO-05'], spec: SPS, section: '3.1.5 Steps 3-4 (aud)',
    title: 'actor aud is <client_id>/<host>@<realm>: 00000003-…/sharepoint.contoso.test@<realm>',
    why: 'aud names the resource\'s principal, its host name as the target names it (the URI authority: no ":443") and the discovered realm. The host part compares case-insensitively (XO-43), the rest exactly.',
    check: withActor((a, _t, _o, x) => {
      const want = `${x.clientId}/${x.authority}@${x.realm}`;
      const m = AUD.exec(String(a.payload.aud ?? ''));
      return m && m[1] === x.clientId && m[2].toLowerCase() === x.authority.toLowerCase() && m[3] === x.realm ? ok(`aud ${show(a.payload.aud)}`) : bad(`aud ${show(a.payload.aud)}, expected ${show(want)}`);
    }) });
  add({ id: 'ACT-004', path: 'app-only', scenario: 'plain', level: 'MUST', ids: ['SPS-09', 'XO-05'], spec: SPS, section: '3.1.5 Step 4 (iss); docs/facts.md > SharePoint high-trust S2S > TokenHelper actor token',
    title: 'actor iss is <S2S_ISSUER_ID>@<realm>',
    why: 'iss names the issuer the server trusts, <issuer id>@<realm> (MS-XOAUTH 2.2); TokenHelper signs as its IssuerId at the realm. The server compares it with its trusted issuers exactly (XO-32), so the client\'s own id in its place is another issuer.',
    check: withActor((a, _t, _o, x) => (a.payload.iss === `${x.issuerId}@${x.realm}` ? ok(`iss ${show(a.payload.iss)}`) : bad(`iss ${show(a.payload.iss)}, expected ${show(`${x.issuerId}@${x.realm}`)}`))) });
  add({ id: 'ACT-005', path: 'app-only', scenario: 'plain', level: 'MUST', ids: ['XO-45', 'SPS-10', 'SPS-34', 'SPS-30'], spec: XO, section: '2.2 and 4.2-4.4 examples (actor nameid) over MS-SPS2SAUTH 3.1.5 Step 4',
    title: 'actor nameid is <S2S_CLIENT_ID>@<realm> (the client\'s own principal)',
    why: `MS-SPS2SAUTH 3.1.5 Step 4 prints SharePoint's 00000003-…@<realm> as the actor nameid; MS-XOAUTH's examples and TokenHelper put the calling client's own principal there; ${later} (XO-45). The fixed value is right when SharePoint itself is the client (MS-SPS2SAUTH 3.2.5: SPS-30, SPS-34), whose S2S_CLIENT_ID is then 00000003-…: the same rule.`,
    check: withActor((a, _t, _o, x) => (a.payload.nameid === `${x.ownId}@${x.realm}` ? ok(`nameid ${show(a.payload.nameid)}`) : bad(`nameid ${show(a.payload.nameid)}, expected ${show(`${x.ownId}@${x.realm}`)}`))) });
  add({ id: 'ACT-008', path: 'app-only', scenario: 'plain', level: 'MUST', ids: ['SPS-12', 'SPS-13', 'XO-51'], spec: SPS, section: '3.1.5 Steps 3-4 (nbf, exp)',
    title: 'actor nbf and exp: present, Unix seconds, valid when the token arrives',
    why: 'nbf and exp are required and are seconds since the epoch (XO-51: MS-XOAUTH\'s FILETIME sample contradicts its own examples). A token not yet valid or already expired on arrival (5 minutes of skew allowed) is refused by a conformant server.',
    check: withActor((a, t) => {
      const p = timesProblem(a.payload, arrival(t));
      return p ? bad(p) : ok(`nbf ${show(a.payload.nbf)}, exp ${show(a.payload.exp)}`);
    }) });
  add({ id: 'ACT-006', path: 'app-only', scenario: 'plain', level: 'INFO', expect: 'either', ids: ['SPS-12', 'SPS-13', 'XO-51'], spec: SPS, section: '3.1.5 Steps 3-4 (nbf, exp)',
    title: 'actor nbf and exp: a window around the moment of sending (at most a day); reported only',
    why: 'TokenHelper makes actor tokens valid for 12 h; no text limits the lifetime, so a window of more than a day is reported only (LEVELS.md). Whether nbf and exp are present, in seconds and valid on arrival is ACT-008 (MUST).',
    check: withActor((a, t) => {
      const p = timesProblem(a.payload, arrival(t), 'lifetime');
      return p ? bad(p) : ok(`nbf ${show(a.payload.nbf)}, exp ${show(a.payload.exp)}`);
    }) });
  add({ id: 'ACT-007', path: 'app-only', scenario: 'plain', level: 'MUST', ids: ['SPS-06', 'XO-04', 'SPS-14', 'XO-07', 'SPS-15', 'XO-08'], spec: XO, section: '2.2 (claim values are STRING; trustedfordelegation; identityprovider)',
    title: 'actor claim values are strings (nbf and exp too); trustedfordelegation, if present, "true" or "false"; identityprovider, if present, windows, forms or trusted',
    why: 'Both specs type every claim value STRING (MS-XOAUTH 2.2, MS-SPS2SAUTH 3.1.5) and TokenHelper writes nbf/exp as strings; trustedfordelegation is the string "true" or "false", identityprovider one of windows, forms, trusted (MS-SPS2SAUTH 3.1.5 Step 4; a SHOULD in MS-XOAUTH 2.2). node-sp-auth sends numbers and a boolean, which servers that follow the specs need not take.',
    check: withActor((a) => {
      const p = stringsProblem(a.payload);
      return p ? bad(p) : ok(`every claim value is a string${a.payload.trustedfordelegation !== undefined ? `; trustedfordelegation ${show(a.payload.trustedfordelegation)}` : ''}`);
    }) });

  // ---- the outer token (app+user) -------------------------------------------------------------
  const out = (x: Omit<ClientCaseEntry, 'path' | 'scenario' | 'expect' | 'cwe'>) => add({ path: 'app-user', scenario: 'user', cwe: [], ...x });
  out({ id: 'OUT-001', level: 'MUST', ids: ['XO-12', 'XO-11', 'SPS-18'], spec: XO, section: '2.2 (header alg "none" for outer tokens)',
    title: 'outer header: alg "none", typ "JWT", and an empty signature segment',
    why: 'The outer token that carries the user is unsigned: alg "none" and typ "JWT" (MS-XOAUTH 2.2, 4.3, 4.4), an unsecured JWT whose third segment is empty (RFC 7519 §6).',
    check: withOuter((outer) =>
      outer.header.alg === 'none' && outer.header.typ === 'JWT' && outer.signature === '' ? ok('alg "none", typ "JWT", empty signature') : bad(`alg ${show(outer.header.alg)}, typ ${show(outer.header.typ)}, signature segment of ${outer.signature.length} characters`)) });
  out({ id: 'OUT-002', level: 'MUST', ids: ['SPS-16', 'SPS-CUR-14'], spec: SPS, section: '3.1.5 Step 4 (actortoken); docs/facts.md > SharePoint high-trust S2S > TokenHelper outer token',
    title: 'the actor travels in the outer token\'s actortoken claim',
    why: 'MS-SPS2SAUTH and TokenHelper put the actor in actortoken, the claim SharePoint reads (SPS-CUR-14). MS-XOAUTH 2.2 names it actort (XO-09, XO-41): a client for Exchange-style servers would use that; this profile follows the SharePoint shape, as the issue and TokenHelper do.',
    check: withOuter((outer, t) => (t.actor?.claim === 'actortoken' ? ok('the actor is in actortoken') : bad(`the actor is in ${t.actor?.claim ?? '(no claim)'}; claims: ${Object.keys(outer.payload).join(', ')}`))) });
  out({ id: 'OUT-003', level: 'MUST', ids: ['XO-28', 'XO-49', 'SPS-CUR-06', 'SPS-08', 'SPS-33'], spec: XO, section: '3.2.5.6 criterion 4; 3.2.5.2 Step 6; MS-SPS2SAUTH 5.1',
    title: 'outer iss equals the actor\'s nameid (case-sensitive), and outer aud the actor\'s aud',
    why: 'Servers bind the unsigned outer token to its actor by requiring outer iss == actor nameid, case-sensitively (MS-XOAUTH 3.2.5.6, XO-49: not the actor\'s iss, as the garbled 3.2.5.2 Step 7 suggests), and matching aud (MS-SPS2SAUTH 5.1). TokenHelper sets both so, and SharePoint as a client writes its own principal in both (MS-SPS2SAUTH 3.2.5 Step 3, SPS-33).',
    check: withOuter((outer, t) => {
      const actor = t.actor?.payload ?? {};
      const problems = [
        ...(outer.payload.iss !== actor.nameid ? [`outer iss ${show(outer.payload.iss)} is not the actor's nameid ${show(actor.nameid)}`] : []),
        ...(outer.payload.aud !== actor.aud ? [`outer aud ${show(outer.payload.aud)} is not the actor's aud ${show(actor.aud)}`] : []),
      ];
      return problems.length ? bad(problems.join('; ')) : ok(`outer iss ${show(outer.payload.iss)} and aud ${show(outer.payload.aud)} match the actor`);
    }) });
  out({ id: 'OUT-004', level: 'MUST', ids: ['XO-06', 'SPS-11', 'SPS-35'], spec: SPS, section: '3.1.5 Step 3 (nameid, nii)',
    title: 'outer nameid is the user (S2S_USER, letter case aside) and nii is urn:office:idp:activedirectory',
    why: 'The outer token conveys the user (MS-XOAUTH 2.2 nameid; MS-SPS2SAUTH 3.1.5 Step 3); S2S_USER is a Windows SID, so nii is urn:office:idp:activedirectory, as TokenHelper sends. Letter case is LC-001\'s business.',
    check: withOuter((outer, _t, x) => {
      const problems = [
        ...(typeof outer.payload.nameid !== 'string' || outer.payload.nameid.toLowerCase() !== x.user?.toLowerCase() ? [`nameid ${show(outer.payload.nameid)}, S2S_USER is ${show(x.user)}`] : []),
        ...(outer.payload.nii !== NII_WINDOWS ? [`nii ${show(outer.payload.nii)}, expected ${show(NII_WINDOWS)}`] : []),
      ];
      return problems.length ? bad(problems.join('; ')) : ok(`nameid ${show(outer.payload.nameid)}, nii ${show(outer.payload.nii)}`);
    }) });
  out({ id: 'OUT-005', level: 'MUST', ids: ['XO-07', 'SPS-14'], spec: SPS, section: '5.1 bullet 2; 3.1.5 Step 4 (trustedfordelegation)',
    title: 'the actor of an app+user call carries trustedfordelegation "true"',
    why: 'The user information is unsigned, so the receiver checks that the signed actor says trustedfordelegation "true" (MS-SPS2SAUTH 5.1; MS-XOAUTH 2.2: "true" if the client may delegate a user identity). TokenHelper sets it on user calls only.',
    check: withOuter((_outer, t) => (t.actor?.payload?.trustedfordelegation === 'true' ? ok('actor trustedfordelegation "true"') : bad(`actor trustedfordelegation ${show(t.actor?.payload?.trustedfordelegation)}, not "true"`))) });
  out({ id: 'OUT-006', level: 'MUST', ids: ['SPS-12', 'SPS-13', 'SPS-06', 'XO-04'], spec: SPS, section: '3.1.5 Step 3 (nbf, exp; string values)',
    title: 'outer nbf and exp: present, Unix seconds around the moment of sending; every outer claim value a string',
    why: 'The outer token needs nbf and exp like any token, in seconds (XO-51), and its claim values are strings (MS-XOAUTH 2.2; MS-SPS2SAUTH 3.1.5 Step 3).',
    check: withOuter((outer, t) => {
      const p = [timesProblem(outer.payload, arrival(t)), stringsProblem(outer.payload, 'outer')].filter(Boolean).join('; ');
      return p ? bad(p) : ok(`nbf ${show(outer.payload.nbf)}, exp ${show(outer.payload.exp)}; every value a string`);
    }) });
  add({ id: 'LC-001', path: 'app-user', scenario: 'user', expect: 'accept', level: 'SHOULD', ids: ['SPS-07', 'XO-40'], spec: SPS, section: '3.1.5 Steps 3-4; 3.2.5 Steps 3-4 (lowercase)', cwe: [],
    title: 'every claim value of the outer token and the actor is in lower case (the user\'s SID too)',
    why: `MS-SPS2SAUTH says all values in S2S tokens MUST be lowercase strings, and TokenHelper lower-cases the user's SID; MS-XOAUTH has no such rule and its examples carry mixed-case realms and user names (${later}, XO-40). A producer rule the client follows: servers compare some values case-insensitively and would still accept, hence a SHOULD (LEVELS.md).`,
    check: withOuter((outer, t) => {
      const upper = [...upperCaseValues(outer.payload, 'outer'), ...upperCaseValues(t.actor?.payload ?? {}, 'actor')];
      return upper.length ? bad(`upper-case letters in ${upper.join(', ')}`) : ok('every value is lower case');
    }) });

  // ---- where a token must never go ------------------------------------------------------------
  add({ id: 'TLS-001', path: 'app-only', scenario: 'untrusted-tls', expect: 'reject', level: 'MUST', ids: ['XO-46', 'XO-01', 'SPS-41'], spec: XO, section: '2.1 Transport', cwe: ['CWE-295'],
    title: 'a resource server whose certificate no trusted CA issued receives no token',
    why: 'Transport-layer security MUST protect S2S tokens (MS-XOAUTH 2.1); TLS without checking the server\'s certificate protects nothing, so the client refuses the connection and never sends the token.',
    check: noTokenAt('target') });
  add({ id: 'TLS-002', path: 'app-only', scenario: 'plain-http', expect: 'reject', level: 'MUST', ids: ['XO-01', 'XO-46', 'SPS-41'], spec: XO, section: '2.1 Transport', cwe: ['CWE-319'],
    title: 'an http:// target receives no token',
    why: 'A client never sends a security token except over TLS (MS-XOAUTH 2.1; MS-SPS2SAUTH 2.1 and 5.1). An http:// S2S_TARGET_URL is refused, whatever the server answers.',
    check: noTokenAt('target') });
  add({ id: 'RDR-001', path: 'app-only', scenario: 'redirect-token', expect: 'reject', level: 'MUST', ids: ['SPS-37', 'XO-46'], spec: SPS, section: '5.1 bullet 1 (bearer tokens kept confidential)', cwe: ['CWE-522'],
    title: 'the request with the token is redirected (307) to another origin: that origin receives no token',
    why: 'A bearer token is kept confidential (MS-SPS2SAUTH 5.1) and is for the aud it names; the specs say nothing of redirects, but re-sending it to the origin a 307 names hands a 12-hour credential to that origin (the Fetch standard and curl drop Authorization on a cross-origin redirect).',
    check: noTokenAt('decoy', { status: 307, of: 'request with a token' }) });
  add({ id: 'RDR-002', path: 'app-only', scenario: 'redirect-anonymous', expect: 'reject', level: 'MUST', ids: ['SPS-37', 'XO-46'], spec: SPS, section: '5.1 bullet 1 (bearer tokens kept confidential)', cwe: ['CWE-522'],
    title: 'the discovery request is redirected (302) to another origin that then challenges: that origin receives no token',
    why: 'S2S_TARGET_URL names the resource; another origin reached by a redirect is not it, whatever challenge it answers with. A client that follows and discovers there mints that origin a token.',
    check: noTokenAt('decoy', { status: 302, of: 'anonymous request' }) });
  return c;
}

export function s2sClientCases(): ClientCase[] {
  return catalog().map((x) => ({
    kind: 'client',
    id: `S2SC-${x.id}`,
    profile: 's2s-client',
    path: x.path,
    location: locationOf(x),
    title: x.title,
    requirement: { ids: x.ids, spec: x.spec, section: x.section, level: x.level },
    expect: x.expect,
    why: x.why,
    mutations: [],
    isControl: x.isControl,
    client: { scenario: x.scenario, check: x.check },
    ...(x.cwe ? { cwe: x.cwe } : {}),
  }));
}
