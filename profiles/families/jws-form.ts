// Family "jws-form": the compact JWS/JWT itself (RFC 7515 §3, §7; RFC 7519 §4, §7.2): segments,
// JSON, base64url, critical extensions, duplicate members. A malformed token is refused; spellings a
// lenient reader may accept safely (RFC 4648 §3.5 "MAY reject") are reported only (LEVELS.md).
import { callerLocation } from '../../harness/engine/catalog-location';
import * as M from '../../harness/tokens/mutations';
import type { FamilyMember, TokenPath } from './types';

const unsignedOnly = (p: TokenPath) => (p.signed ? undefined : 'the token is unsigned: there is no signature or signed payload to alter');

const malformed = (key: string, title: string, mutations: (p: TokenPath) => M.Mutation[], why = 'The token must be a well-formed compact JWS/JWT; a malformed one is refused (with a 4xx, never a server error).'): FamilyMember => ({
  location: callerLocation(1),
  key: `jws-form.${key}`,
  family: 'jws-form',
  title,
  why,
  level: 'MUST',
  expect: 'reject',
  cwe: ['CWE-20'],
  mutations: (p) => mutations(p).map(p.on),
});

const text = (describe: string, where: 'headerJson' | 'claimsJson', value: string): M.Mutation => ({ describe, apply: (d) => void (d.token[where] = value) });

export const JWS_FORM: FamilyMember[] = [
  malformed('two-segments', 'two segments (no signature part)', () => [M.dropSignatureSegment()]),
  malformed('four-segments', 'four segments', () => [M.extraSegment()]),
  malformed('bad-characters', 'characters outside base64url in the payload segment', () => [M.replaceSegment(1, 'eyJpc3Mi*!~', 'payload segment contains * ! ~')]),
  malformed('not-a-jwt', 'not a JWT at all', () => [M.replaceWholeToken('not-a-jwt', 'token is the text not-a-jwt')]),
  malformed('header-not-json', 'header segment is not JSON', () => [text('header JSON text replaced by "not json"', 'headerJson', 'not json')]),
  malformed('payload-not-json', 'payload segment is not JSON', () => [text('payload JSON text replaced by "not json"', 'claimsJson', 'not json')]),
  malformed('header-array', 'header is a JSON array', () => [text('header JSON text is []', 'headerJson', '[]')]),
  malformed('payload-string', 'payload is a JSON string', () => [text('payload JSON text is "x"', 'claimsJson', '"x"')]),
  malformed('only-dots', 'only dots ("..")', () => [M.replaceWholeToken('..', 'token is ..')]),
  {
    location: callerLocation(0),
    key: 'jws-form.padded-base64-payload',
    family: 'jws-form',
    title: 'payload encoded as padded standard base64, then signed',
    why: 'JWS segments are base64url without padding (RFC 7515 §2), a rule on the producer; RFC 4648 §3.5 lets a decoder accept what it can read ("MAY reject"), and the signature still covers the bytes. Reported only.',
    level: 'INFO',
    expect: 'either',
    cwe: ['CWE-20'],
    mutations: (p) => [M.standardBase64Payload()].map(p.on),
  },
  {
    location: callerLocation(0),
    key: 'jws-form.non-canonical-signature',
    family: 'jws-form',
    title: 'signature re-encoded non-canonically (same bytes, other text)',
    why: 'Set unused trailing bits make a second spelling of the same signature bytes; RFC 4648 §3.5 lets a decoder accept it ("MAY reject"), and no one without the key can forge one. Reported only.',
    level: 'INFO',
    expect: 'either',
    cwe: ['CWE-347'],
    mutations: (p) => [M.nonCanonicalSignature()].map(p.on),
    notApplicable: unsignedOnly,
  },
  {
    location: callerLocation(0),
    key: 'jws-form.crit-unknown',
    family: 'jws-form',
    title: 'crit names an unknown header parameter',
    why: 'RFC 7515 §4.1.11: a JWS whose crit lists an extension the recipient does not understand MUST be rejected.',
    level: 'MUST',
    expect: 'reject',
    cwe: ['CWE-345'],
    mutations: (p) => [M.setHeader('x-s2s-unknown', true), M.setHeader('crit', ['x-s2s-unknown'])].map(p.on),
  },
  {
    location: callerLocation(0),
    key: 'jws-form.b64-false',
    family: 'jws-form',
    title: 'b64:false (RFC 7797 unencoded payload)',
    why: 'RFC 7797 §7: JWTs do not use unencoded payloads; a validator that honours b64:false verifies a payload other than the one it reads.',
    level: 'MUST',
    expect: 'reject',
    cwe: ['CWE-345'],
    mutations: (p) => [M.unencodedPayload()].map(p.on),
    notApplicable: unsignedOnly,
  },
  {
    location: callerLocation(0),
    key: 'jws-form.duplicate-aud-foreign-last',
    family: 'jws-form',
    title: 'duplicate aud: first the valid audience, last another one',
    why: 'RFC 7519 §4: reject duplicate members or use the lexically last, which names another audience; a first-wins parser accepts a token meant for someone else.',
    level: 'MUST',
    expect: 'reject',
    cwe: ['CWE-436'],
    mutations: (p) => [M.duplicateMember('claims', 'aud', p.aud.valid, p.aud.other)].map(p.on),
  },
  {
    location: callerLocation(0),
    key: 'jws-form.duplicate-iss-foreign-last',
    family: 'jws-form',
    title: 'duplicate iss: first the valid issuer, last a foreign one',
    why: 'RFC 7519 §4: reject duplicate members or use the lexically last, which is foreign; a first-wins parser accepts it.',
    level: 'MUST',
    expect: 'reject',
    cwe: ['CWE-436'],
    mutations: (p) => [M.duplicateMember('claims', 'iss', p.iss.valid, p.iss.foreign)].map(p.on),
  },
  {
    location: callerLocation(0),
    key: 'jws-form.duplicate-iss-valid-last',
    family: 'jws-form',
    title: 'duplicate iss: first a foreign issuer, last the valid one',
    why: 'RFC 7519 §4 allows refusing duplicates or using the lexically last (valid) value: either outcome is reported.',
    level: 'INFO',
    expect: 'either',
    cwe: ['CWE-436'],
    mutations: (p) => [M.duplicateMember('claims', 'iss', p.iss.foreign, p.iss.valid)].map(p.on),
  },
];
