// The SharePoint S2S / MS-XOAUTH inbound token paths as the attack families see them (profiles/families):
// the signed app-only token, the signed actor inside an app+user token (with the outer token valid),
// and the unsigned outer token. Both profiles share case ids (SPS2S-x and XOAUTH-x are one rule); each
// names its own requirements. Ids are public: never renumber.
import { audience, CLIENT_APP_ID, EXCHANGE_ID, ISSUER_A_ID, issuerAt, UNTRUSTED_ISSUER_ID, type S2sProfile } from './facts';
import * as M from '../../harness/tokens/mutations';
import type { FamilyName, FamilyRef, TokenPath } from '../families/types';

const SPS = 'ms-sps2sauth-sharepoint-s2s';
const XO = 'ms-xoauth-oauth2-extensions';
const FACTS = 'current-practice';
const FACT = (topic: string) => `docs/facts.md > SharePoint high-trust S2S > ${topic}`;

/** TokenHelper writes nbf and exp as strings of Unix seconds. */
export const stringTime = (claim: 'exp' | 'nbf', offset: number): M.Mutation =>
  M.setClaim(claim, (ctx: M.MutationContext) => String(ctx.now + offset), `"<now ${offset >= 0 ? '+' : '-'} ${Math.abs(offset)} s>" (a string, as TokenHelper sends)`);

/** Each family's requirement in each profile. */
const REFS: Record<S2sProfile, Record<FamilyName, FamilyRef>> = {
  'sharepoint-s2s': {
    transport: { ids: ['XO-03'], section: '2.1 (applies to both: the token travels in the Authorization header)', spec: XO },
    'jws-form': { ids: ['SPS-18'], section: '3.1.5 Step 5' },
    algorithm: { ids: ['SPS-19', 'SPS-CUR-12'], section: '3.1.5 Step 6, criterion 1' },
    'key-resolution': { ids: ['SPS-19', 'SPS-CUR-01', 'SPS-40'], section: '3.1.5 Step 6, criterion 1; 5.1' },
    signature: { ids: ['SPS-19', 'SPS-CUR-01'], section: '3.1.5 Step 6, criterion 1' },
    time: { ids: ['SPS-CUR-07', 'SPS-13'], section: FACT('TokenHelper actor token (string nbf/exp)'), spec: FACTS },
    audience: { ids: ['SPS-22'], section: '3.1.5 Step 6, criterion 4' },
    issuer: { ids: ['XO-32', 'SPS-19'], section: '3.2.5.6 criterion 2 (applies to SharePoint: 5.1, XO-39)', spec: XO },
    'claim-types': { ids: ['SPS-06', 'SPS-13', 'SPS-22'], section: '3.1.5 Steps 3-6 (claim values)' },
  },
  xoauth: {
    transport: { ids: ['XO-03'], section: '2.1' },
    'jws-form': { ids: ['XO-18', 'XO-03'], section: '3.1.5.2; 2.1' },
    algorithm: { ids: ['XO-13', 'XO-14'], section: '2.2 (header alg); 3.2.5.2 Step 6' },
    'key-resolution': { ids: ['XO-31'], section: '3.2.5.6, criterion 1' },
    signature: { ids: ['XO-31'], section: '3.2.5.6, criterion 1' },
    time: { ids: ['XO-26', 'XO-51'], section: '3.2.5.1 Step 7; 2.2 (nbf, exp)' },
    audience: { ids: ['XO-35'], section: '3.2.5.6, criterion 5' },
    issuer: { ids: ['XO-32'], section: '3.2.5.6, criterion 2' },
    'claim-types': { ids: ['XO-04', 'XO-32', 'XO-35'], section: '2.2; 3.2.5.6' },
  },
};

const signedToken = {
  signed: true,
  keyHeader: 'x5t' as const,
  signWith: M.signWithCert,
  keys: { rogue: 'rogue' },
  time: stringTime,
  iss: { valid: issuerAt(ISSUER_A_ID), foreign: issuerAt(UNTRUSTED_ISSUER_ID) },
  aud: { valid: audience(), other: audience(EXCHANGE_ID) },
  method: 'GET' as const,
};

/** Realm discovery answers a request without a token (RLM-001/002 judge the 401 and its challenge). */
const DISCOVERY = {
  'transport.none': 'a request without a token is realm discovery: RLM-002 judges the 401 and its challenge',
  'transport.empty-bearer': 'an empty Bearer is realm discovery: RLM-001 judges the 401 and its challenge',
};

export function s2sPaths(profile: S2sProfile): TokenPath[] {
  const refs = REFS[profile];
  const unsignedOuter = 'the outer token is unsigned: its claims bind nothing an attacker could not write; OUT-001..012 judge how it is tied to the signed actor';
  return [
    {
      ...signedToken,
      name: 's2s-app',
      describe: 'the signed app-only token (the actor sent on its own: RS256, x5t of a trusted certificate)',
      profilePath: 'app-only',
      inRequest: true,
      on: (m) => m,
      refs,
      notApplicable: DISCOVERY,
      ids: {
    'transport.basic': 'HDR-004', 'transport.no-scheme': 'HDR-005', 'transport.query': 'HDR-006', 'transport.other-header': 'HDR-007',
    'transport.body': 'HDR-008', 'transport.scheme-lower-case': 'HDR-009', 'jws-form.two-segments': 'FMT-003', 'jws-form.four-segments': 'FMT-007',
    'jws-form.bad-characters': 'FMT-004', 'jws-form.not-a-jwt': 'FMT-008', 'jws-form.header-not-json': 'FMT-001',
    'jws-form.payload-not-json': 'FMT-002', 'jws-form.header-array': 'FMT-009', 'jws-form.payload-string': 'FMT-010',
    'jws-form.only-dots': 'FMT-011', 'jws-form.padded-base64-payload': 'FMT-012', 'jws-form.non-canonical-signature': 'FMT-013',
    'jws-form.crit-unknown': 'ALG-009', 'jws-form.b64-false': 'JWS-002', 'jws-form.duplicate-aud-foreign-last': 'JWS-004',
    'jws-form.duplicate-iss-foreign-last': 'JWS-005', 'jws-form.duplicate-iss-valid-last': 'JWS-006', 'algorithm.none-empty-none': 'ALG-001',
    'algorithm.none-empty-None': 'ALG-010', 'algorithm.none-empty-NONE': 'ALG-011', 'algorithm.none-empty-nOnE': 'ALG-012',
    'algorithm.none-keep-none': 'ALG-013', 'algorithm.none-keep-None': 'ALG-014', 'algorithm.none-keep-NONE': 'ALG-015',
    'algorithm.none-keep-nOnE': 'ALG-016', 'algorithm.hs256-public-key': 'ALG-004', 'algorithm.hs256-blank-secret': 'ALG-017',
    'algorithm.key-header-empty': 'KID-003', 'algorithm.key-header-path-traversal': 'KID-004', 'algorithm.key-header-sql-injection': 'KID-005',
    'algorithm.key-header-shell-injection': 'KID-006', 'algorithm.rs384': 'ALG-005', 'algorithm.rs512': 'ALG-006',
    'algorithm.lower-case-name': 'ALG-007', 'key-resolution.unpublished-key': 'KID-001', 'key-resolution.key-header-mismatch': 'SIG-003',
    'key-resolution.embedded-jwk': 'SIG-012', 'key-resolution.jku': 'KID-002', 'key-resolution.x5u': 'SIG-013',
    'key-resolution.unknown-key-unpublished': 'KID-007', 'key-resolution.no-key-header-unpublished': 'KID-008',
    'key-resolution.unknown-key-published': 'SIG-002', 'key-resolution.no-key-header-published': 'SIG-008', 'signature.emptied': 'SIG-004',
    'signature.bit-flipped': 'SIG-007', 'signature.payload-altered': 'SIG-014', 'time.expired': 'TIME-001', 'time.expired-a-day-ago': 'TIME-013',
    'time.expired-within-skew': 'TIME-010', 'time.no-exp': 'TIME-005', 'time.nbf-future': 'TIME-004', 'time.nbf-within-skew': 'TIME-011',
    'audience.other': 'AUD-002', 'audience.missing': 'AUD-012', 'audience.array-other': 'AUD-017', 'audience.array-with-valid': 'AUD-018',
    'issuer.foreign': 'ISS-001', 'issuer.missing': 'ISS-004', 'issuer.array-foreign-first': 'ISS-006', 'issuer.array-valid': 'ISS-007',
    'claim-types.iss-null': 'CLM-001', 'claim-types.iss-true': 'CLM-002', 'claim-types.iss-false': 'CLM-003', 'claim-types.iss-0': 'CLM-004',
    'claim-types.aud-null': 'CLM-005', 'claim-types.aud-true': 'CLM-006', 'claim-types.aud-false': 'CLM-007', 'claim-types.aud-0': 'CLM-008',
    'claim-types.exp-null': 'TIME-008', 'claim-types.exp-true': 'TIME-009', 'claim-types.exp-false': 'CLM-011', 'claim-types.exp-0': 'CLM-012'
      },
    },
    {
      ...signedToken,
      name: 's2s-actor',
      describe: 'the signed actor token inside an app+user token, the outer token left valid: the actor\'s own checks',
      titlePrefix: 'actor: ',
      profilePath: 'app-user',
      inRequest: false,
      on: M.onEmbedded,
      refs,
      ids: {
    'jws-form.two-segments': 'ACT-001', 'jws-form.four-segments': 'ACT-002', 'jws-form.bad-characters': 'ACT-003', 'jws-form.not-a-jwt': 'OUT-008',
    'jws-form.header-not-json': 'FMT-006', 'jws-form.payload-not-json': 'ACT-004', 'jws-form.header-array': 'ACT-005',
    'jws-form.payload-string': 'ACT-006', 'jws-form.only-dots': 'ACT-007', 'jws-form.padded-base64-payload': 'ACT-008',
    'jws-form.non-canonical-signature': 'ACT-009', 'jws-form.crit-unknown': 'ACT-010', 'jws-form.b64-false': 'ACT-011',
    'jws-form.duplicate-aud-foreign-last': 'ACT-012', 'jws-form.duplicate-iss-foreign-last': 'ACT-013',
    'jws-form.duplicate-iss-valid-last': 'ACT-014', 'algorithm.none-empty-none': 'ALG-003', 'algorithm.none-empty-None': 'ACT-015',
    'algorithm.none-empty-NONE': 'ACT-016', 'algorithm.none-empty-nOnE': 'ACT-017', 'algorithm.none-keep-none': 'ACT-018',
    'algorithm.none-keep-None': 'ACT-019', 'algorithm.none-keep-NONE': 'ACT-020', 'algorithm.none-keep-nOnE': 'ACT-021',
    'algorithm.hs256-public-key': 'ACT-022', 'algorithm.hs256-blank-secret': 'ACT-023', 'algorithm.key-header-empty': 'ACT-024',
    'algorithm.key-header-path-traversal': 'ACT-025', 'algorithm.key-header-sql-injection': 'ACT-026',
    'algorithm.key-header-shell-injection': 'ACT-027', 'algorithm.rs384': 'ACT-028', 'algorithm.rs512': 'ACT-029',
    'algorithm.lower-case-name': 'ACT-030', 'key-resolution.unpublished-key': 'ACT-031', 'key-resolution.key-header-mismatch': 'ACT-032',
    'key-resolution.embedded-jwk': 'ACT-033', 'key-resolution.jku': 'ACT-034', 'key-resolution.x5u': 'ACT-035',
    'key-resolution.unknown-key-unpublished': 'ACT-036', 'key-resolution.no-key-header-unpublished': 'ACT-037',
    'key-resolution.unknown-key-published': 'ACT-038', 'key-resolution.no-key-header-published': 'ACT-039', 'signature.emptied': 'SIG-010',
    'signature.bit-flipped': 'ACT-040', 'signature.payload-altered': 'ACT-041', 'time.expired': 'ACT-042', 'time.expired-a-day-ago': 'ACT-043',
    'time.expired-within-skew': 'ACT-044', 'time.no-exp': 'ACT-045', 'time.nbf-future': 'ACT-046', 'time.nbf-within-skew': 'ACT-047',
    'audience.other': 'ACT-048', 'audience.missing': 'ACT-049', 'audience.array-other': 'ACT-050', 'audience.array-with-valid': 'ACT-051',
    'issuer.foreign': 'ACT-052', 'issuer.missing': 'ACT-053', 'issuer.array-foreign-first': 'ACT-054', 'issuer.array-valid': 'ACT-055',
    'claim-types.iss-null': 'ACT-056', 'claim-types.iss-true': 'ACT-057', 'claim-types.iss-false': 'ACT-058', 'claim-types.iss-0': 'ACT-059',
    'claim-types.aud-null': 'ACT-060', 'claim-types.aud-true': 'ACT-061', 'claim-types.aud-false': 'ACT-062', 'claim-types.aud-0': 'ACT-063',
    'claim-types.exp-null': 'ACT-064', 'claim-types.exp-true': 'ACT-065', 'claim-types.exp-false': 'ACT-066', 'claim-types.exp-0': 'ACT-067'
      },
    },
    {
      ...signedToken,
      name: 's2s-outer',
      describe: 'the unsigned (alg none) outer token of an app+user call, which carries the user and the actor',
      titlePrefix: 'outer token: ',
      profilePath: 'app-user',
      signed: false,
      inRequest: true,
      on: (m) => m,
      iss: { valid: issuerAt(CLIENT_APP_ID), foreign: issuerAt(UNTRUSTED_ISSUER_ID) },
      refs: { transport: refs.transport, 'jws-form': refs['jws-form'] },
      notApplicable: {
        ...DISCOVERY,
        algorithm: 'the outer token is unsigned by design (alg none); ALG-002 judges one without an actor',
        'key-resolution': unsignedOuter,
        signature: unsignedOuter,
        time: unsignedOuter,
        audience: unsignedOuter,
        issuer: unsignedOuter,
        'claim-types': unsignedOuter,
        'jws-form.duplicate-aud-foreign-last': unsignedOuter,
        'jws-form.duplicate-iss-foreign-last': unsignedOuter,
        'jws-form.duplicate-iss-valid-last': unsignedOuter,
      },
      ids: {
    'transport.basic': 'HDR-002', 'transport.no-scheme': 'OUT-013', 'transport.query': 'HDR-001', 'transport.other-header': 'HDR-003',
    'transport.body': 'OUT-014', 'transport.scheme-lower-case': 'OUT-015', 'jws-form.two-segments': 'OUT-016', 'jws-form.four-segments': 'OUT-017',
    'jws-form.bad-characters': 'OUT-018', 'jws-form.not-a-jwt': 'OUT-019', 'jws-form.header-not-json': 'FMT-005',
    'jws-form.payload-not-json': 'OUT-020', 'jws-form.header-array': 'OUT-021', 'jws-form.payload-string': 'OUT-022',
    'jws-form.only-dots': 'OUT-023', 'jws-form.padded-base64-payload': 'OUT-024', 'jws-form.crit-unknown': 'OUT-025'
      },
    },
  ];
}
