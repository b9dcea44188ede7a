// The Actionable Messages inbound token paths as the attack families see them (profiles/families): the
// legacy Microsoft-signed token and the Entra ID access token. Both profiles share case ids (AM-x and
// AME-x are one rule) except where a claim's own cases differ (the audience). Ids are public.
import { APP_ID_URI, BASE_URL, entraV2Issuer, SUBSTRATE_ISSUER, type AmProfile } from './facts';
import { KID_SIGNED_BEARER_JWT } from '../families/bearer-path';
import type { FamilyRef, TokenPath } from '../families/types';

const AM = 'actionable-messages-security';
const FACTS = 'current-practice';
const FACT = (topic: string) => `docs/facts.md > Actionable Messages > ${topic}`;
const spec = (ids: string[], section: string): FamilyRef => ({ ids, section, spec: AM });
const fact = (ids: string[], topic: string): FamilyRef => ({ ids, section: FACT(topic), spec: FACTS });
const FOREIGN_ISSUER = 'https://issuer.attacker.test/';

/** Family member -> case id suffix (legacy; Entra differs only for the audience). */
const LEGACY_IDS: Record<string, string> = {
    'transport.none': 'HDR-001', 'transport.basic': 'HDR-003', 'transport.no-scheme': 'HDR-004', 'transport.query': 'HDR-002',
    'transport.other-header': 'HDR-005', 'transport.empty-bearer': 'HDR-006', 'transport.body': 'HDR-007', 'transport.scheme-lower-case': 'POS-005',
    'jws-form.two-segments': 'FMT-001', 'jws-form.four-segments': 'FMT-002', 'jws-form.bad-characters': 'FMT-003', 'jws-form.not-a-jwt': 'FMT-004',
    'jws-form.header-not-json': 'FMT-005', 'jws-form.payload-not-json': 'FMT-006', 'jws-form.header-array': 'FMT-007',
    'jws-form.payload-string': 'FMT-008', 'jws-form.only-dots': 'FMT-009', 'jws-form.padded-base64-payload': 'FMT-010',
    'jws-form.non-canonical-signature': 'FMT-011', 'jws-form.crit-unknown': 'SIG-009', 'jws-form.b64-false': 'JWS-002',
    'jws-form.duplicate-aud-foreign-last': 'JWS-004', 'jws-form.duplicate-iss-foreign-last': 'JWS-005',
    'jws-form.duplicate-iss-valid-last': 'JWS-006', 'algorithm.none-empty-none': 'ALG-001', 'algorithm.none-empty-None': 'ALG-003',
    'algorithm.none-empty-NONE': 'ALG-004', 'algorithm.none-empty-nOnE': 'ALG-005', 'algorithm.none-keep-none': 'ALG-006',
    'algorithm.none-keep-None': 'ALG-007', 'algorithm.none-keep-NONE': 'ALG-008', 'algorithm.none-keep-nOnE': 'ALG-009',
    'algorithm.hs256-public-key': 'ALG-002', 'algorithm.hs256-blank-secret': 'ALG-010', 'algorithm.key-header-empty': 'KID-002',
    'algorithm.key-header-path-traversal': 'KID-003', 'algorithm.key-header-sql-injection': 'KID-004',
    'algorithm.key-header-shell-injection': 'KID-005', 'algorithm.rs384': 'ALG-011', 'algorithm.rs512': 'ALG-012',
    'algorithm.lower-case-name': 'ALG-013', 'key-resolution.unpublished-key': 'SIG-001', 'key-resolution.key-header-mismatch': 'SIG-002',
    'key-resolution.embedded-jwk': 'SIG-007', 'key-resolution.jku': 'SIG-008', 'key-resolution.x5u': 'SIG-010',
    'key-resolution.unknown-key-unpublished': 'SIG-006', 'key-resolution.no-key-header-unpublished': 'KID-001',
    'key-resolution.unknown-key-published': 'KID-007', 'key-resolution.no-key-header-published': 'KID-008', 'signature.emptied': 'SIG-004',
    'signature.bit-flipped': 'SIG-005', 'signature.payload-altered': 'SIG-011', 'time.expired': 'TIME-001', 'time.expired-a-day-ago': 'TIME-005',
    'time.expired-within-skew': 'TIME-004', 'time.no-exp': 'TIME-003', 'time.nbf-future': 'TIME-002', 'time.nbf-within-skew': 'TIME-006',
    'audience.other': 'AUD-001', 'audience.missing': 'AUD-006', 'audience.array-other': 'AUD-015', 'audience.array-with-valid': 'AUD-016',
    'issuer.foreign': 'ISS-001', 'issuer.missing': 'ISS-002', 'issuer.array-foreign-first': 'ISS-008', 'issuer.array-valid': 'ISS-009',
    'claim-types.iss-null': 'CLM-001', 'claim-types.iss-true': 'CLM-002', 'claim-types.iss-false': 'CLM-003', 'claim-types.iss-0': 'CLM-004',
    'claim-types.aud-null': 'CLM-005', 'claim-types.aud-true': 'CLM-006', 'claim-types.aud-false': 'CLM-007', 'claim-types.aud-0': 'CLM-008',
    'claim-types.exp-null': 'CLM-009', 'claim-types.exp-true': 'CLM-010', 'claim-types.exp-false': 'CLM-011', 'claim-types.exp-0': 'CLM-012'
};
const ENTRA_IDS: Record<string, string> = { ...LEGACY_IDS, 'audience.other': 'AUD-011', 'audience.missing': 'AUD-013' };

/**
 * The same tokens carried in `Action-Authorization: Bearer` with no Authorization header (AM-CUR-14:
 * checked exactly as strictly). One id table for both profiles, new ids (AAH-101 on); the two cases the
 * catalog already had there keep theirs (AAH-001 another audience, AAH-002 an unpublished key). The
 * transport members that take the token out of every header do not run here (they are the
 * Authorization path's cases again).
 */
const ACTION_AUTHORIZATION_IDS: Record<string, string> = {
    'transport.basic': 'AAH-101', 'transport.no-scheme': 'AAH-102', 'transport.empty-bearer': 'AAH-103', 'transport.scheme-lower-case': 'AAH-104',
    'jws-form.two-segments': 'AAH-105', 'jws-form.four-segments': 'AAH-106', 'jws-form.bad-characters': 'AAH-107', 'jws-form.not-a-jwt': 'AAH-108',
    'jws-form.header-not-json': 'AAH-109', 'jws-form.payload-not-json': 'AAH-110', 'jws-form.header-array': 'AAH-111', 'jws-form.payload-string': 'AAH-112',
    'jws-form.only-dots': 'AAH-113', 'jws-form.padded-base64-payload': 'AAH-114', 'jws-form.non-canonical-signature': 'AAH-115',
    'jws-form.crit-unknown': 'AAH-116', 'jws-form.b64-false': 'AAH-117', 'jws-form.duplicate-aud-foreign-last': 'AAH-118', 'jws-form.duplicate-iss-foreign-last': 'AAH-119',
    'jws-form.duplicate-iss-valid-last': 'AAH-120', 'algorithm.none-empty-none': 'AAH-121', 'algorithm.none-empty-None': 'AAH-122',
    'algorithm.none-empty-NONE': 'AAH-123', 'algorithm.none-empty-nOnE': 'AAH-124', 'algorithm.none-keep-none': 'AAH-125', 'algorithm.none-keep-None': 'AAH-126',
    'algorithm.none-keep-NONE': 'AAH-127', 'algorithm.none-keep-nOnE': 'AAH-128', 'algorithm.hs256-public-key': 'AAH-129', 'algorithm.hs256-blank-secret': 'AAH-130',
    'algorithm.key-header-empty': 'AAH-131', 'algorithm.key-header-path-traversal': 'AAH-132', 'algorithm.key-header-sql-injection': 'AAH-133',
    'algorithm.key-header-shell-injection': 'AAH-134', 'algorithm.rs384': 'AAH-135', 'algorithm.rs512': 'AAH-136', 'algorithm.lower-case-name': 'AAH-137',
    'key-resolution.unpublished-key': 'AAH-002', 'key-resolution.key-header-mismatch': 'AAH-138', 'key-resolution.embedded-jwk': 'AAH-139',
    'key-resolution.jku': 'AAH-140', 'key-resolution.x5u': 'AAH-141', 'key-resolution.unknown-key-unpublished': 'AAH-142', 'key-resolution.no-key-header-unpublished': 'AAH-143',
    'key-resolution.unknown-key-published': 'AAH-144', 'key-resolution.no-key-header-published': 'AAH-145', 'signature.emptied': 'AAH-146',
    'signature.bit-flipped': 'AAH-147', 'signature.payload-altered': 'AAH-148', 'time.expired': 'AAH-149', 'time.expired-a-day-ago': 'AAH-150',
    'time.expired-within-skew': 'AAH-151', 'time.no-exp': 'AAH-152', 'time.nbf-future': 'AAH-153', 'time.nbf-within-skew': 'AAH-154',
    'audience.other': 'AAH-001', 'audience.missing': 'AAH-155', 'audience.array-other': 'AAH-156', 'audience.array-with-valid': 'AAH-157',
    'issuer.foreign': 'AAH-158', 'issuer.missing': 'AAH-159', 'issuer.array-foreign-first': 'AAH-160', 'issuer.array-valid': 'AAH-161',
    'claim-types.iss-null': 'AAH-162', 'claim-types.iss-true': 'AAH-163', 'claim-types.iss-false': 'AAH-164', 'claim-types.iss-0': 'AAH-165',
    'claim-types.aud-null': 'AAH-166', 'claim-types.aud-true': 'AAH-167', 'claim-types.aud-false': 'AAH-168', 'claim-types.aud-0': 'AAH-169',
    'claim-types.exp-null': 'AAH-170', 'claim-types.exp-true': 'AAH-171', 'claim-types.exp-false': 'AAH-172', 'claim-types.exp-0': 'AAH-173',
};

const actionPath = {
  ...KID_SIGNED_BEARER_JWT,
  // The facts sheet: a refused action gets a 4xx (AM-CUR-11).
  extra: { anyClientErrorRefuses: true },
};

export const AM_PATHS: Record<AmProfile, TokenPath> = {
  'actionable-messages': {
    ...actionPath,
    name: 'am-legacy',
    describe: 'Outlook Actionable Messages, legacy: the Microsoft-signed external access token of an email action (substrate issuer, aud the base URL)',
    profilePath: 'email',
    iss: { valid: SUBSTRATE_ISSUER, foreign: FOREIGN_ISSUER },
    aud: { valid: BASE_URL, other: 'https://other.contoso.test' },
    refs: {
      transport: spec(['AM-07', 'AM-06'], 'Bearer Token'),
      'jws-form': spec(['AM-09'], 'Bearer Token, typical verification 1 (RFC 7515/7519)'),
      algorithm: fact(['AM-CUR-15', 'AM-09'], 'sample bugs (Java)'),
      'key-resolution': spec(['AM-09'], 'Bearer Token, typical verification 1'),
      signature: spec(['AM-09'], 'Bearer Token, typical verification 1'),
      time: spec(['AM-09', 'AM-04'], 'Action processing phase, bullet 1 (RFC 7519 §4.1.4-4.1.5)'),
      audience: spec(['AM-10'], 'Bearer Token, typical verification 2; claim table (aud)'),
      issuer: fact(['AM-CUR-01'], 'legacy profile'),
      'claim-types': spec(['AM-10', 'AM-CUR-01'], 'Bearer Token, typical verification 2'),
    },
    ids: LEGACY_IDS,
  },
  'actionable-messages-entra': {
    ...actionPath,
    name: 'am-entra',
    describe: 'Outlook Actionable Messages, current: an Entra ID v2 access token (tenant issuer, aud the application ID URI, azp the service)',
    profilePath: 'entra-v2',
    iss: { valid: entraV2Issuer(), foreign: FOREIGN_ISSUER },
    aud: { valid: APP_ID_URI, other: 'api://other.contoso.test/0a1b2c3d' },
    refs: {
      transport: spec(['AM-07', 'AM-06'], 'Bearer Token'),
      'jws-form': fact(['AM-CUR-10'], 'current (Entra) profile'),
      algorithm: fact(['AM-CUR-15', 'AM-CUR-10'], 'sample bugs (Java)'),
      'key-resolution': fact(['AM-CUR-10'], 'current (Entra) profile'),
      signature: fact(['AM-CUR-10'], 'current (Entra) profile'),
      time: fact(['AM-CUR-09'], 'current (Entra) profile'),
      audience: fact(['AM-CUR-07'], 'current (Entra) profile'),
      issuer: fact(['AM-CUR-09'], 'current (Entra) profile'),
      'claim-types': fact(['AM-CUR-07', 'AM-CUR-09'], 'current (Entra) profile'),
    },
    ids: ENTRA_IDS,
  },
};

/** Both paths' tokens in Action-Authorization: each family's requirement there is AM-CUR-14 besides its own. */
const ACTION_AUTHORIZATION = 'action-authorization';
const viaActionAuthorization = (p: TokenPath, name: string, describe: string): TokenPath => ({
  ...p,
  name,
  describe,
  tokenHeader: ACTION_AUTHORIZATION,
  titlePrefix: 'Action-Authorization: ',
  refs: Object.fromEntries(Object.entries(p.refs).map(([family, ref]) => [family, fact(['AM-CUR-14', ...ref.ids], 'Action-Authorization')])),
  ids: ACTION_AUTHORIZATION_IDS,
});

export const AM_AAH_PATHS: Record<AmProfile, TokenPath> = {
  'actionable-messages': viaActionAuthorization(AM_PATHS['actionable-messages'], 'am-legacy-aah', 'Outlook Actionable Messages, legacy: the same token in Action-Authorization: Bearer, no Authorization header (the provider\'s card blanks Authorization)'),
  'actionable-messages-entra': viaActionAuthorization(AM_PATHS['actionable-messages-entra'], 'am-entra-aah', 'Outlook Actionable Messages, current: the same Entra token in Action-Authorization: Bearer, no Authorization header'),
};
