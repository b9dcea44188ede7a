// The S2S profiles' own rules, third part: every endpoint the protocol protects. MS-SPS2SAUTH 3.1.5
// names four (Client.svc, Listdata.svc, Sites.asmx and the REST api): the same validation guards each
// of them (SPS-27), so a legacy endpoint that skips it is a way in even when /_api/web is sound. Each
// case runs on every endpoint of the run (`endpoints: 'all'`: --endpoint, and each --also-endpoint
// the user lists), its positive control first on each, and fails naming the endpoint that let the
// request in. The ids are fixed per probe, whatever endpoints are listed. MS-XOAUTH names no
// endpoints, so these run in sharepoint-s2s only. Ids are public: never renumber.
import { callerLocation, located } from '../../harness/engine/catalog-location';
import * as M from '../../harness/tokens/mutations';
import { emptyBearer, sps, type S2sCase } from './catalog-kit';
import { realmIs } from './challenge-checks';
import { REALM } from './facts';

const SECTION = '3.1.5 (endpoints: Client.svc, Listdata.svc, Sites.asmx, api)';

export function endpointCases(): S2sCase[] {
  const c: S2sCase[] = [];
  const add = (x: Omit<S2sCase, 'path' | 'endpoints'>) => void c.push(located({ ...x, path: 'app-only', endpoints: 'all' }, callerLocation(1, x.id)));

  add({ id: 'EP-001', title: 'on every listed endpoint: TokenHelper\'s app-only token is accepted', expect: 'accept', isControl: true, mutations: [],
    why: 'The positive control of each endpoint: every endpoint the protocol covers takes the valid token (POS-002\'s, on each). An endpoint that refuses it cannot show that it refuses the others, so EP-002..005 are inconclusive there.',
    sps: sps('MUST', ['SPS-27', 'SPS-CUR-01', 'SPS-19'], SECTION), cwe: ['CWE-287'] });
  add({ id: 'EP-002', title: 'on every listed endpoint: no Authorization header is refused', expect: 'reject', mutations: [M.placeToken({ in: 'nowhere' }, 'no Authorization header')],
    why: 'An anonymous request gets the protected resource on no endpoint: one endpoint that answers it is an authentication bypass for the whole server.',
    sps: sps('MUST', ['SPS-27', 'SPS-02'], `${SECTION}; 3.1.5 Steps 1-2`), cwe: ['CWE-306', 'CWE-287'] });
  add({ id: 'EP-003', title: 'on every listed endpoint: a token signed by an unpublished certificate (x5t names it) is refused', expect: 'reject', mutations: [M.signWithCert('rogue')],
    why: 'Only the configured certificates vouch for a token, on every endpoint alike (KID-001\'s token, on each).',
    sps: sps('MUST', ['SPS-27', 'SPS-19'], `${SECTION}; 3.1.5 Step 6, criterion 1`), cwe: ['CWE-347'] });
  add({ id: 'EP-004', title: 'on every listed endpoint: an unsigned token (alg none, empty signature) is refused', expect: 'reject', mutations: [M.unsigned('none', 'empty')],
    why: 'An unsigned token vouches for nothing on any endpoint (ALG-001\'s token, on each; the CVE-2023-29357 class).',
    sps: sps('MUST', ['SPS-27', 'SPS-19', 'SPS-CUR-12'], `${SECTION}; 3.1.5 Step 6, criterion 1`), cwe: ['CWE-347', 'CWE-290'] });
  add({ id: 'EP-005', title: 'on every listed endpoint: an empty "Authorization: Bearer" gets 401 whose challenge carries the configured realm', expect: 'reject', mutations: [emptyBearer],
    responseCheck: realmIs(REALM, false),
    why: 'Realm discovery works on whichever endpoint a client calls first: each answers 401 with WWW-Authenticate: Bearer realm="<realm>" (RLM-003\'s check, on each).',
    sps: sps('MUST', ['SPS-27', 'SPS-04'], `${SECTION}; 3.1.5 Step 2 (realm)`), cwe: ['CWE-287'] });
  return c;
}
