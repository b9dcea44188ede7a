// The Bot Framework inbound token paths as the attack families see them (profiles/families): the
// Connector's channel token and the Emulator's AAD token. Each family's requirement on the path, and
// the case id of each family member there (public: never renumber; new members get new ids).
import { BOT_APP_ID, CHANNEL_ISSUER, EMULATOR_TENANTS, OTHER_APP_ID, v1Issuer } from './facts';
import { KID_SIGNED_BEARER_JWT } from '../families/bearer-path';
import type { TokenPath } from '../families/types';
import { C2B_REQ, EMU_REQ, FACT } from './case-builder';

const RFC_JWS = 'RFC 7515/7519 as required by "conforms to the JWT standard"';
const FOREIGN_ISSUER = 'https://issuer.attacker.test';

const signedRequestPath = { ...KID_SIGNED_BEARER_JWT, aud: { valid: BOT_APP_ID, other: OTHER_APP_ID } };

export const BF_CHANNEL: TokenPath = {
  ...signedRequestPath,
  name: 'bf-channel',
  describe: 'Bot Framework Connector -> Bot: the channel token (RS256, the Connector\'s OpenID metadata and keys)',
  profilePath: 'channel',
  iss: { valid: CHANNEL_ISSUER, foreign: FOREIGN_ISSUER },
  refs: {
    transport: { ids: ['BF-C2B-05', 'BF-GEN-06'], section: C2B_REQ(1) },
    'jws-form': { ids: ['BF-C2B-06'], section: `${C2B_REQ(2)} (${RFC_JWS})` },
    algorithm: { ids: ['BF-C2B-11', 'BF-CUR-02'], section: `${C2B_REQ(6)}; ${FACT('channel tokens (RS256/384/512)')}` },
    'key-resolution': { ids: ['BF-C2B-11', 'BF-C2B-02', 'BF-GEN-04'], section: `${C2B_REQ(6)}; Connector -> Bot, Step 1 ("Hardcode this URL")` },
    signature: { ids: ['BF-C2B-11', 'BF-GEN-04'], section: C2B_REQ(6) },
    time: { ids: ['BF-C2B-09', 'BF-CUR-03'], section: C2B_REQ(5) },
    audience: { ids: ['BF-C2B-08'], section: C2B_REQ(4) },
    issuer: { ids: ['BF-C2B-07'], section: C2B_REQ(3) },
    'claim-types': { ids: ['BF-C2B-07', 'BF-C2B-08', 'BF-C2B-09'], section: 'Connector -> Bot, Step 3, requirements 3-5' },
  },
  ids: {
    'transport.none': 'HDR-001', 'transport.basic': 'HDR-002', 'transport.no-scheme': 'HDR-003', 'transport.query': 'HDR-004',
    'transport.other-header': 'HDR-005', 'transport.empty-bearer': 'HDR-006', 'transport.body': 'HDR-007', 'transport.scheme-lower-case': 'POS-005',
    'jws-form.two-segments': 'FMT-001', 'jws-form.four-segments': 'FMT-002', 'jws-form.bad-characters': 'FMT-003', 'jws-form.not-a-jwt': 'FMT-004',
    'jws-form.header-not-json': 'FMT-005', 'jws-form.payload-not-json': 'FMT-006', 'jws-form.header-array': 'FMT-007',
    'jws-form.payload-string': 'FMT-008', 'jws-form.only-dots': 'FMT-009', 'jws-form.padded-base64-payload': 'FMT-010',
    'jws-form.non-canonical-signature': 'SIG-009', 'jws-form.crit-unknown': 'JWS-001', 'jws-form.b64-false': 'JWS-002',
    'jws-form.duplicate-aud-foreign-last': 'JWS-004', 'jws-form.duplicate-iss-foreign-last': 'JWS-005',
    'jws-form.duplicate-iss-valid-last': 'JWS-006', 'algorithm.none-empty-none': 'ALG-001', 'algorithm.none-empty-None': 'ALG-002',
    'algorithm.none-empty-NONE': 'ALG-003', 'algorithm.none-empty-nOnE': 'ALG-004', 'algorithm.none-keep-none': 'ALG-005',
    'algorithm.none-keep-None': 'ALG-006', 'algorithm.none-keep-NONE': 'ALG-007', 'algorithm.none-keep-nOnE': 'ALG-008',
    'algorithm.hs256-public-key': 'ALG-009', 'algorithm.hs256-blank-secret': 'ALG-010', 'algorithm.key-header-empty': 'KID-003',
    'algorithm.key-header-path-traversal': 'KID-004', 'algorithm.key-header-sql-injection': 'KID-005',
    'algorithm.key-header-shell-injection': 'KID-006', 'algorithm.rs384': 'POS-003', 'algorithm.rs512': 'POS-004',
    'algorithm.lower-case-name': 'ALG-011', 'key-resolution.unpublished-key': 'SIG-004', 'key-resolution.key-header-mismatch': 'SIG-005',
    'key-resolution.embedded-jwk': 'SIG-006', 'key-resolution.jku': 'SIG-007', 'key-resolution.x5u': 'SIG-008',
    'key-resolution.unknown-key-unpublished': 'KID-001', 'key-resolution.no-key-header-unpublished': 'KID-002',
    'key-resolution.unknown-key-published': 'KID-007', 'key-resolution.no-key-header-published': 'KID-008', 'signature.emptied': 'SIG-001',
    'signature.bit-flipped': 'SIG-002', 'signature.payload-altered': 'SIG-003', 'time.expired': 'TIME-007', 'time.expired-a-day-ago': 'TIME-002',
    'time.expired-within-skew': 'TIME-003', 'time.no-exp': 'TIME-004', 'time.nbf-future': 'TIME-005', 'time.nbf-within-skew': 'TIME-006',
    'audience.other': 'AUD-001', 'audience.missing': 'AUD-003', 'audience.array-other': 'AUD-005', 'audience.array-with-valid': 'AUD-006',
    'issuer.foreign': 'KEY-003', 'issuer.missing': 'ISS-005', 'issuer.array-foreign-first': 'ISS-006', 'issuer.array-valid': 'ISS-007',
    'claim-types.iss-null': 'CLM-001', 'claim-types.iss-true': 'CLM-002', 'claim-types.iss-false': 'CLM-003', 'claim-types.iss-0': 'CLM-004',
    'claim-types.aud-null': 'CLM-005', 'claim-types.aud-true': 'CLM-006', 'claim-types.aud-false': 'CLM-007', 'claim-types.aud-0': 'CLM-008',
    'claim-types.exp-null': 'CLM-009', 'claim-types.exp-true': 'CLM-010', 'claim-types.exp-false': 'CLM-011', 'claim-types.exp-0': 'CLM-012'
  },
};

export const BF_EMULATOR: TokenPath = {
  ...signedRequestPath,
  name: 'bf-emulator',
  describe: 'Bot Framework Emulator -> Bot: an AAD v1 token (sts.windows.net issuer, ver 1.0, appid) checked as strictly as the channel token (BF-EMU-10)',
  profilePath: 'emulator-v1',
  iss: { valid: v1Issuer(EMULATOR_TENANTS[0]), foreign: `${FOREIGN_ISSUER}/` },
  refs: {
    transport: { ids: ['BF-EMU-03'], section: EMU_REQ(1) },
    'jws-form': { ids: ['BF-EMU-04', 'BF-EMU-10'], section: `${EMU_REQ(2)} (${RFC_JWS})` },
    algorithm: { ids: ['BF-EMU-09', 'BF-EMU-10', 'BF-CUR-02'], section: `${EMU_REQ(7)}; ${FACT('channel tokens (RS256/384/512)')}` },
    'key-resolution': { ids: ['BF-EMU-09', 'BF-EMU-10', 'BF-C2B-02'], section: `${EMU_REQ(7)}; Connector -> Bot, Step 1 ("Hardcode this URL")` },
    signature: { ids: ['BF-EMU-09', 'BF-EMU-10'], section: EMU_REQ(7) },
    time: { ids: ['BF-EMU-08', 'BF-CUR-03'], section: EMU_REQ(6) },
    audience: { ids: ['BF-EMU-06'], section: EMU_REQ(4) },
    issuer: { ids: ['BF-EMU-05', 'BF-CUR-05'], section: `${EMU_REQ(3)}; ${FACT('Emulator and skill issuers')}` },
    'claim-types': { ids: ['BF-EMU-05', 'BF-EMU-06', 'BF-EMU-08'], section: 'Emulator -> Bot, Step 3, requirements 3, 4 and 6' },
  },
  ids: {
    'transport.none': 'HDR-003', 'transport.basic': 'HDR-002', 'transport.no-scheme': 'HDR-004', 'transport.query': 'HDR-001',
    'transport.other-header': 'HDR-005', 'transport.empty-bearer': 'HDR-006', 'transport.body': 'HDR-007', 'transport.scheme-lower-case': 'HDR-008',
    'jws-form.two-segments': 'FMT-001', 'jws-form.four-segments': 'FMT-003', 'jws-form.bad-characters': 'FMT-004', 'jws-form.not-a-jwt': 'FMT-005',
    'jws-form.header-not-json': 'FMT-006', 'jws-form.payload-not-json': 'FMT-002', 'jws-form.header-array': 'FMT-007',
    'jws-form.payload-string': 'FMT-008', 'jws-form.only-dots': 'FMT-009', 'jws-form.padded-base64-payload': 'FMT-010',
    'jws-form.non-canonical-signature': 'SIG-009', 'jws-form.crit-unknown': 'JWS-001', 'jws-form.b64-false': 'JWS-002',
    'jws-form.duplicate-aud-foreign-last': 'FMT-011', 'jws-form.duplicate-iss-foreign-last': 'JWS-005',
    'jws-form.duplicate-iss-valid-last': 'JWS-006', 'algorithm.none-empty-none': 'ALG-001', 'algorithm.none-empty-None': 'ALG-002',
    'algorithm.none-empty-NONE': 'ALG-003', 'algorithm.none-empty-nOnE': 'ALG-004', 'algorithm.none-keep-none': 'ALG-005',
    'algorithm.none-keep-None': 'ALG-006', 'algorithm.none-keep-NONE': 'ALG-007', 'algorithm.none-keep-nOnE': 'ALG-008',
    'algorithm.hs256-public-key': 'ALG-009', 'algorithm.hs256-blank-secret': 'ALG-010', 'algorithm.key-header-empty': 'KID-003',
    'algorithm.key-header-path-traversal': 'KID-004', 'algorithm.key-header-sql-injection': 'KID-005',
    'algorithm.key-header-shell-injection': 'KID-006', 'algorithm.rs384': 'ALG-011', 'algorithm.rs512': 'ALG-012',
    'algorithm.lower-case-name': 'ALG-013', 'key-resolution.unpublished-key': 'SIG-004', 'key-resolution.key-header-mismatch': 'SIG-005',
    'key-resolution.embedded-jwk': 'SIG-006', 'key-resolution.jku': 'SIG-007', 'key-resolution.x5u': 'SIG-008',
    'key-resolution.unknown-key-unpublished': 'KID-001', 'key-resolution.no-key-header-unpublished': 'KID-002',
    'key-resolution.unknown-key-published': 'KID-007', 'key-resolution.no-key-header-published': 'KID-008', 'signature.emptied': 'SIG-001',
    'signature.bit-flipped': 'SIG-002', 'signature.payload-altered': 'SIG-003', 'time.expired': 'TIME-007', 'time.expired-a-day-ago': 'TIME-004',
    'time.expired-within-skew': 'TIME-002', 'time.no-exp': 'TIME-005', 'time.nbf-future': 'TIME-003', 'time.nbf-within-skew': 'TIME-006',
    'audience.other': 'AUD-001', 'audience.missing': 'AUD-004', 'audience.array-other': 'AUD-005', 'audience.array-with-valid': 'AUD-006',
    'issuer.foreign': 'KEY-003', 'issuer.missing': 'ISS-006', 'issuer.array-foreign-first': 'ISS-007', 'issuer.array-valid': 'ISS-008',
    'claim-types.iss-null': 'CLM-009', 'claim-types.iss-true': 'CLM-010', 'claim-types.iss-false': 'CLM-011', 'claim-types.iss-0': 'CLM-012',
    'claim-types.aud-null': 'CLM-013', 'claim-types.aud-true': 'CLM-014', 'claim-types.aud-false': 'CLM-015', 'claim-types.aud-0': 'CLM-016',
    'claim-types.exp-null': 'CLM-017', 'claim-types.exp-true': 'CLM-018', 'claim-types.exp-false': 'CLM-019', 'claim-types.exp-0': 'CLM-020'
  },
};
