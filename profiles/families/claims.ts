// Families "time", "audience", "issuer" and "claim-types": the registered claims every path checks.
// Levels by LEVELS.md, the same on every path: an expired token, another audience or a foreign issuer
// let in a token meant for someone else or another time (MUST); a missing exp or a future nbf on a
// token only the issuer can mint weakens defence in depth (SHOULD); clock skew is the validator's
// choice (INFO).
import { callerLocation } from '../../harness/engine/catalog-location';
import * as M from '../../harness/tokens/mutations';
import type { FamilyMember, FamilyName, TokenPath } from './types';

const claimsChecked = (p: TokenPath) => (p.signed ? undefined : 'the token is unsigned: its claims bind nothing an attacker could not change (the protocol\'s own cases judge how it is tied to the signed actor)');

const member = (family: FamilyName, key: string, title: string, why: string, level: FamilyMember['level'], expect: FamilyMember['expect'], mutations: (p: TokenPath) => M.Mutation[], cwe: string[]): FamilyMember => ({
  location: callerLocation(1),
  key: `${family}.${key}`,
  family,
  title,
  why,
  level,
  expect,
  cwe,
  mutations: (p) => mutations(p).map(p.on),
  notApplicable: claimsChecked,
});

/** Past any clock skew a validator may allow (5 minutes is the industry standard). */
const BEYOND_SKEW_S = 600;
const WITHIN_SKEW_S = 120;

export const TIME: FamilyMember[] = [
  member('time', 'expired', `exp ${BEYOND_SKEW_S / 60} minutes in the past (beyond any clock skew)`, 'An expired token is refused: accepting it lets an old token be replayed.', 'MUST', 'reject', (p) => [p.time('exp', -BEYOND_SKEW_S)], ['CWE-613']),
  member('time', 'expired-a-day-ago', 'expired a day ago (nbf and iat before that)', 'An expired token is refused, however long ago it expired.', 'MUST', 'reject', (p) => [p.time('nbf', -90_000), M.timeClaim('iat', -90_000), p.time('exp', -86_400)], ['CWE-613']),
  member('time', 'expired-within-skew', `exp ${WITHIN_SKEW_S} s in the past (within a 5-minute skew)`, 'How much clock skew to allow is the validator\'s choice: either outcome is reported.', 'INFO', 'either', (p) => [p.time('exp', -WITHIN_SKEW_S)], []),
  member('time', 'no-exp', 'no exp claim', 'A token without exp never expires. Only the issuer can mint one, so accepting it weakens defence in depth: a SHOULD on every path.', 'SHOULD', 'reject', () => [M.deleteClaim('exp')], ['CWE-613']),
  member('time', 'nbf-future', `nbf ${BEYOND_SKEW_S / 60} minutes in the future (beyond skew)`, 'A token is not valid before nbf. Only the issuer can mint one: a SHOULD on every path.', 'SHOULD', 'reject', (p) => [p.time('nbf', BEYOND_SKEW_S)], ['CWE-613']),
  member('time', 'nbf-within-skew', `nbf ${WITHIN_SKEW_S} s in the future (within a 5-minute skew)`, 'How much clock skew to allow is the validator\'s choice: either outcome is reported.', 'INFO', 'either', (p) => [p.time('nbf', WITHIN_SKEW_S)], []),
];

export const AUDIENCE: FamilyMember[] = [
  member('audience', 'other', 'aud is another audience', 'A token for someone else is not for this service.', 'MUST', 'reject', (p) => [M.setClaim('aud', p.aud.other)], ['CWE-345']),
  member('audience', 'missing', 'aud missing', 'A token without an audience is for no one.', 'MUST', 'reject', () => [M.deleteClaim('aud')], ['CWE-345']),
  member('audience', 'array-other', 'aud is an array holding only another audience', 'An array does not make another audience this one.', 'MUST', 'reject', (p) => [M.setClaim('aud', [p.aud.other])], ['CWE-345', 'CWE-843']),
  member('audience', 'array-with-valid', 'aud is an array holding the valid audience and another', 'RFC 7519 allows an array containing the recipient; the protocols send one string. Reported only.', 'INFO', 'either', (p) => [M.setClaim('aud', [p.aud.valid, p.aud.other])], []),
];

export const ISSUER: FamilyMember[] = [
  member('issuer', 'foreign', 'iss is a foreign issuer (signed by a published key)', 'Only the configured issuer(s) vouch for a token; a key shared by several issuers (a cloud\'s signing key) does not make another issuer\'s token acceptable.', 'MUST', 'reject', (p) => [M.setClaim('iss', p.iss.foreign)], ['CWE-345']),
  member('issuer', 'missing', 'iss missing', 'A token that names no issuer is vouched for by no one.', 'MUST', 'reject', () => [M.deleteClaim('iss')], ['CWE-345']),
  member('issuer', 'array-foreign-first', 'iss is an array: a foreign issuer, then the valid one', 'iss is one StringOrURI (RFC 7519 §4.1.1). A validator that looks for the valid issuer inside an array accepts another issuer\'s token signed with a shared key.', 'MUST', 'reject', (p) => [M.setClaim('iss', [p.iss.foreign, p.iss.valid])], ['CWE-345', 'CWE-843']),
  member('issuer', 'array-valid', 'iss is an array holding only the valid issuer', 'iss is one string; an array of the valid issuer alone names no one else. Reported only.', 'INFO', 'either', (p) => [M.setClaim('iss', [p.iss.valid])], ['CWE-843']),
];

const TYPE_CONFUSION = [null, true, false, 0] as const;

export const CLAIM_TYPES: FamilyMember[] = (['iss', 'aud', 'exp'] as const).flatMap((claim) =>
  TYPE_CONFUSION.map((value) =>
    member('claim-types', `${claim}-${String(value)}`, `claim ${claim} set to ${JSON.stringify(value)}`, 'jwt_tool type confusion: a claim of the wrong type must fail its check, not be skipped.', 'MUST', 'reject', () => [M.setClaim(claim, value)], ['CWE-843', 'CWE-345']),
  ),
);
