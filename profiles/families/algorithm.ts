// Family "algorithm": the validator fixes the algorithm (RS256 for every signed token here); it never
// takes it from the token. alg none in any spelling, HMAC keyed with a public key or a guessable
// secret, and kid/x5t injection into a key lookup are refused; other RSA algorithms signed with the
// real key, and "rs256" for "RS256", open no way in and are reported (LEVELS.md).
import { callerLocation } from '../../harness/engine/catalog-location';
import * as M from '../../harness/tokens/mutations';
import type { FamilyMember, TokenPath } from './types';

const signedOnly = (p: TokenPath) => (p.signed ? undefined : 'the token is unsigned by design (alg none); its trust comes from the signed actor it carries');

const refused = (key: string, title: string, why: string, mutations: (p: TokenPath) => M.Mutation[], cwe: string[]): FamilyMember => ({
  location: callerLocation(1),
  key: `algorithm.${key}`,
  family: 'algorithm',
  title,
  why,
  level: 'MUST',
  expect: 'reject',
  cwe,
  mutations: (p) => mutations(p).map(p.on),
  notApplicable: signedOnly,
});

const reported = (key: string, title: string, why: string, mutations: (p: TokenPath) => M.Mutation[]): FamilyMember => ({
  location: callerLocation(1),
  key: `algorithm.${key}`,
  family: 'algorithm',
  title,
  why,
  level: 'INFO',
  expect: 'either',
  cwe: ['CWE-347'],
  mutations: (p) => mutations(p).map(p.on),
  notApplicable: signedOnly,
});

const NONE_SPELLINGS = ['none', 'None', 'NONE', 'nOnE'];
/** A key lookup by the key header, injected (jwt_tool's kid attacks), with HS256 and an empty secret. */
const injected = (p: TokenPath, value: string): M.Mutation[] => [M.setHeader(p.keyHeader, value), M.hmacWithSecret('')];

export const ALGORITHM: FamilyMember[] = [
  ...NONE_SPELLINGS.map((alg) =>
    refused(`none-empty-${alg}`, `alg "${alg}" with an empty signature`, 'An unsigned token proves nothing; only RS256 is accepted, whatever the letter case of "none".', () => [M.unsigned(alg, 'empty')], ['CWE-347', 'CWE-327']),
  ),
  ...NONE_SPELLINGS.map((alg) =>
    refused(`none-keep-${alg}`, `alg "${alg}" with the RSA signature left in place`, 'A validator that honours alg none skips the signature even when one is present.', () => [M.unsigned(alg, 'keep')], ['CWE-347', 'CWE-327']),
  ),
  refused('hs256-public-key', 'HS256 keyed with the signing key\'s public key (RS→HS key confusion)', 'A validator that takes the algorithm from the header verifies an HMAC with the public key, which everyone has.', () => [M.hmacWithPublicKey('HS256')], ['CWE-347', 'CWE-327']),
  refused('hs256-blank-secret', 'HS256 with a blank secret (jwt_tool "blank password")', 'HMAC algorithms are not allowed on this path; a blank secret is the classic guess.', () => [M.hmacWithSecret('', 'HS256')], ['CWE-347', 'CWE-521']),
  refused('key-header-empty', 'key header "" with HS256 and an empty secret', 'jwt_tool injection: an empty key name resolving to an empty key.', (p) => injected(p, ''), ['CWE-347']),
  refused('key-header-path-traversal', 'key header is a path traversal to /dev/null, HS256 with an empty secret', 'jwt_tool injection: a key read from a file the token names.', (p) => injected(p, '../../../../../../../../dev/null'), ['CWE-22', 'CWE-347']),
  refused('key-header-sql-injection', 'key header SQL injection, HS256 with an empty secret', 'jwt_tool injection: a key looked up in a database by the token\'s key name.', (p) => injected(p, "x' UNION SELECT '';--"), ['CWE-89', 'CWE-347']),
  refused('key-header-shell-injection', 'key header shell injection, HS256 with an empty secret', 'jwt_tool injection: a key fetched by running a command the token names.', (p) => injected(p, 'key|/usr/bin/touch /tmp/s2s-conformance-kid-injection'), ['CWE-78', 'CWE-347']),
  reported('rs384', 'valid token signed RS384 by the real key', 'The producers sign RS256; another RSA algorithm signed with the real key proves the same holder, so accepting or refusing it is the validator\'s choice. Reported only.', () => [M.algorithm('RS384')]),
  reported('rs512', 'valid token signed RS512 by the real key', 'As RS384: the validator\'s choice. Reported only.', () => [M.algorithm('RS512')]),
  reported('lower-case-name', 'alg written "rs256" in lower case (signed RS256 by the real key)', 'JWS algorithm names are case-sensitive (RFC 7518 §3.1), so "rs256" is not RS256; MS-XOAUTH 2.2\'s prose even writes it so. The signature is the real key\'s: either outcome is reported.', () => [M.algorithm('rs256')]),
];
