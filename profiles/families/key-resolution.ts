// Families "key-resolution" (which key verifies: only the path's own published keys, never one the
// token names, carries or points at) and "signature" (the signature really is verified).
import { callerLocation } from '../../harness/engine/catalog-location';
import * as M from '../../harness/tokens/mutations';
import type { FamilyMember, TokenPath } from './types';

const signedOnly = (p: TokenPath) => (p.signed ? undefined : 'the token is unsigned by design; its trust comes from the signed actor it carries');

const member = (family: 'key-resolution' | 'signature', key: string, title: string, why: string, mutations: (p: TokenPath) => M.Mutation[], more: Partial<FamilyMember> = {}): FamilyMember => ({
  location: callerLocation(1),
  key: `${family}.${key}`,
  family,
  title,
  why,
  level: 'MUST',
  expect: 'reject',
  cwe: ['CWE-347'],
  mutations: (p) => mutations(p).map(p.on),
  notApplicable: signedOnly,
  ...more,
});

/** The other key header removed, so only the path's own names the key. */
const onlyKeyHeader = (p: TokenPath, value: string): M.Mutation[] => [M.setHeader(p.keyHeader, value), M.deleteHeader(p.keyHeader === 'kid' ? 'x5t' : 'kid')];
const attackerUrl = (kind: 'jku' | 'x5u'): M.Mutation => M.setHeader(kind, (ctx: M.MutationContext) => `${ctx.attackerOrigin}/${kind}/${ctx.caseId}`, `https://<attacker server>/${kind}/<case id>`);
const UNKNOWN_X5T = Buffer.alloc(20, 7).toString('base64url');
const unknownKeyName = (p: TokenPath) => (p.keyHeader === 'kid' ? 'not-a-published-kid' : UNKNOWN_X5T);

export const KEY_RESOLUTION: FamilyMember[] = [
  member('key-resolution', 'unpublished-key', 'signed by an unpublished key that names itself in the key header', 'Only keys of the path\'s published (or configured) key set may sign.', (p) => [p.signWith(p.keys.rogue)]),
  member('key-resolution', 'key-header-mismatch', 'the key header names a published key, the signature is another key\'s', 'The key the header names must be the key that verifies.', (p) => [M.signOnlyWithKey(p.keys.rogue)]),
  member('key-resolution', 'embedded-jwk', 'embedded jwk header carrying the signer\'s own key', 'A key supplied by the token itself proves nothing; keys come only from configuration or the hard-coded metadata.', (p) => [p.signWith(p.keys.rogue), M.setHeader('jwk', (x: M.MutationContext) => ({ kty: 'RSA', n: x.keys[p.keys.rogue].jwk.n, e: x.keys[p.keys.rogue].jwk.e }), '<the signer\'s own public key>')], { cwe: ['CWE-347', 'CWE-345'] }),
  member('key-resolution', 'jku', 'jku header pointing at an attacker\'s key set (must not be fetched)', 'The key set\'s location is configured; a jku from the token must never be fetched or trusted.', (p) => [p.signWith(p.keys.rogue), attackerUrl('jku')], { cwe: ['CWE-347', 'CWE-918'], attackerMustNotBeContacted: true }),
  member('key-resolution', 'x5u', 'x5u header pointing at an attacker\'s certificate (must not be fetched)', 'The certificates are configured; an x5u from the token must never be fetched or trusted.', (p) => [p.signWith(p.keys.rogue), attackerUrl('x5u')], { cwe: ['CWE-347', 'CWE-918'], attackerMustNotBeContacted: true }),
  member('key-resolution', 'unknown-key-unpublished', 'key header names no published key, signed by an unpublished key', 'No published key verifies it.', (p) => [p.signWith(p.keys.rogue), ...onlyKeyHeader(p, unknownKeyName(p))]),
  member('key-resolution', 'no-key-header-unpublished', 'no kid or x5t, signed by an unpublished key', 'Without a key name a validator may try the published keys, but none of them verifies.', (p) => [M.signOnlyWithKey(p.keys.rogue), M.deleteHeader('kid'), M.deleteHeader('x5t')]),
  member('key-resolution', 'unknown-key-published', 'key header names no published key, signed by a published key', 'The signature is by a published key, so the rule holds; a validator that selects the key by its name refuses. Reported only.', (p) => onlyKeyHeader(p, unknownKeyName(p)), { level: 'INFO', expect: 'either' }),
  member('key-resolution', 'no-key-header-published', 'no kid or x5t, signed by a published key', 'Real tokens always name their key; trying every published key is as safe as refusing. Reported only.', () => [M.deleteHeader('kid'), M.deleteHeader('x5t')], { level: 'INFO', expect: 'either' }),
];

export const SIGNATURE: FamilyMember[] = [
  member('signature', 'emptied', 'signature segment emptied (the header still names a published key)', 'The header claims RS256 but no signature is present.', () => [M.stripSignature()]),
  member('signature', 'bit-flipped', 'one bit of the signature flipped', 'A damaged signature must not verify.', () => [M.flipSignatureBit()]),
  member('signature', 'payload-altered', 'payload altered after signing (nbf set to 0)', 'The signature covers the payload; any change invalidates it.', () => [M.alterClaimAfterSigning('nbf', 0)]),
];
