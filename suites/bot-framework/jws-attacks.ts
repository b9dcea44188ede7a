// The JWS attack catalogue, applied alike to each inbound path (BF-EMU-10: the Emulator path is
// parsed with the same strictness as the Connector path). Each entry: a stable id suffix, what it
// does, and the mutations. Every one of them must be refused.
import { BOT_APP_ID } from '../../harness/profiles/bot-framework';
import * as M from '../../harness/tokens/mutations';
import type { Mutation } from '../../harness/tokens/mutations';

export interface Attack {
  id: string;
  title: string;
  /** Which requirement this attack tests: signature, format or algorithm. */
  rule: 'signature' | 'format' | 'algorithm' | 'key-source';
  cwe: string[];
  mutations: Mutation[];
  attackerMustNotBeContacted?: boolean;
  why: string;
}

const rogueJwk = (): Mutation => M.setHeader('jwk', (ctx: M.MutationContext) => ctx.keys.rogue.jwk, "the signer's own public JWK");
const attackerUrl = (kind: 'jku' | 'x5u'): Mutation => M.setHeader(kind, (ctx: M.MutationContext) => `${ctx.attackerOrigin}/${kind}/${ctx.caseId}`, `https://<attacker server>/${kind}/<case id>`);

const NONE_SPELLINGS = ['none', 'None', 'NONE', 'nOnE'];

export const ALG_ATTACKS: Attack[] = [
  ...NONE_SPELLINGS.map((alg, i) => ({
    id: `ALG-00${i + 1}`,
    title: `alg "${alg}" with an empty signature`,
    rule: 'algorithm' as const,
    cwe: ['CWE-347', 'CWE-327'],
    mutations: [M.unsigned(alg, 'empty')],
    why: 'An unsigned token proves nothing; only RS256/RS384/RS512 are accepted, whatever the letter case of "none".',
  })),
  ...NONE_SPELLINGS.map((alg, i) => ({
    id: `ALG-00${i + 5}`,
    title: `alg "${alg}" with the RSA signature left in place`,
    rule: 'algorithm' as const,
    cwe: ['CWE-347', 'CWE-327'],
    mutations: [M.unsigned(alg, 'keep')],
    why: 'A validator that honours alg none skips the signature even when one is present.',
  })),
  {
    id: 'ALG-009',
    title: 'HS256 keyed with the signing key\'s public key (RS→HS key confusion)',
    rule: 'algorithm',
    cwe: ['CWE-347', 'CWE-327'],
    mutations: [M.hmacWithPublicKey('HS256')],
    why: 'A validator that takes the algorithm from the header verifies an HMAC with the public key, which everyone has.',
  },
  {
    id: 'ALG-010',
    title: 'HS256 with a blank secret (jwt_tool "blank password")',
    rule: 'algorithm',
    cwe: ['CWE-347', 'CWE-521'],
    mutations: [M.hmacWithSecret('', 'HS256')],
    why: 'HMAC algorithms are not allowed on this path; a blank secret is the classic guess.',
  },
];

export const SIG_ATTACKS: Attack[] = [
  { id: 'SIG-001', title: 'signature segment emptied (null signature)', rule: 'signature', cwe: ['CWE-347'], mutations: [M.stripSignature()], why: 'The alg says RS256 but no signature is present.' },
  { id: 'SIG-002', title: 'one bit of the signature flipped', rule: 'signature', cwe: ['CWE-347'], mutations: [M.flipSignatureBit()], why: 'A damaged signature must not verify.' },
  { id: 'SIG-003', title: 'payload altered after signing (nbf set to 0)', rule: 'signature', cwe: ['CWE-347'], mutations: [M.alterClaimAfterSigning('nbf', 0)], why: 'The signature covers the payload; any change invalidates it.' },
  { id: 'SIG-004', title: 'signed by an unpublished key that names itself in kid', rule: 'signature', cwe: ['CWE-347'], mutations: [M.signWithKey('rogue')], why: 'Only keys of the path\'s published key set may sign.' },
  { id: 'SIG-005', title: 'kid names a published key, signature made by another key', rule: 'signature', cwe: ['CWE-347'], mutations: [M.signOnlyWithKey('rogue')], why: 'The key named by kid must be the key that verifies.' },
  {
    id: 'SIG-006',
    title: 'embedded jwk header carrying the signer\'s own key',
    rule: 'key-source',
    cwe: ['CWE-347', 'CWE-345'],
    mutations: [M.signWithKey('rogue'), rogueJwk()],
    why: 'A key supplied by the token itself proves nothing; keys come only from the hard-coded metadata.',
  },
  {
    id: 'SIG-007',
    title: 'jku header pointing at an attacker\'s key set (must not be fetched)',
    rule: 'key-source',
    cwe: ['CWE-347', 'CWE-918'],
    mutations: [M.signWithKey('rogue'), attackerUrl('jku')],
    attackerMustNotBeContacted: true,
    why: 'The metadata location is hard-coded; a jku from the token must never be fetched or trusted.',
  },
  {
    id: 'SIG-008',
    title: 'x5u header pointing at an attacker\'s certificate (must not be fetched)',
    rule: 'key-source',
    cwe: ['CWE-347', 'CWE-918'],
    mutations: [M.signWithKey('rogue'), attackerUrl('x5u')],
    attackerMustNotBeContacted: true,
    why: 'The metadata location is hard-coded; an x5u from the token must never be fetched or trusted.',
  },
];

export const KID_ATTACKS: Attack[] = [
  { id: 'KID-001', title: 'unknown kid, signed by an unpublished key', rule: 'signature', cwe: ['CWE-347'], mutations: [M.signWithKey('rogue'), M.setHeader('kid', 'not-a-published-kid'), M.deleteHeader('x5t')], why: 'No published key verifies it.' },
  { id: 'KID-002', title: 'no kid or x5t, signed by an unpublished key', rule: 'signature', cwe: ['CWE-347'], mutations: [M.signOnlyWithKey('rogue'), M.deleteHeader('kid'), M.deleteHeader('x5t')], why: 'Without a kid a validator may try the published keys, but none of them verifies.' },
  { id: 'KID-003', title: 'kid "" with HS256 and an empty secret', rule: 'algorithm', cwe: ['CWE-347'], mutations: [M.setHeader('kid', ''), M.hmacWithSecret('')], why: 'jwt_tool kid injection: an empty kid resolving to an empty key.' },
  { id: 'KID-004', title: 'kid path traversal to /dev/null with HS256 and an empty secret', rule: 'algorithm', cwe: ['CWE-22', 'CWE-347'], mutations: [M.setHeader('kid', '../../../../../../../../dev/null'), M.hmacWithSecret('')], why: 'jwt_tool kid injection: a key read from a file named by kid.' },
  { id: 'KID-005', title: 'kid SQL injection, HS256 with an empty secret', rule: 'algorithm', cwe: ['CWE-89', 'CWE-347'], mutations: [M.setHeader('kid', "x' UNION SELECT '';--"), M.hmacWithSecret('')], why: 'jwt_tool kid injection: a key looked up in a database by kid.' },
  { id: 'KID-006', title: 'kid shell injection, HS256 with an empty secret', rule: 'algorithm', cwe: ['CWE-78', 'CWE-347'], mutations: [M.setHeader('kid', 'key|/usr/bin/touch /tmp/s2s-conformance-kid-injection'), M.hmacWithSecret('')], why: 'jwt_tool kid injection: a key fetched by running a command named by kid.' },
];

export const JWS_ATTACKS: Attack[] = [
  { id: 'JWS-001', title: 'crit names an unknown header parameter', rule: 'format', cwe: ['CWE-345'], mutations: [M.setHeader('x-s2s-unknown', true), M.setHeader('crit', ['x-s2s-unknown'])], why: 'RFC 7515 §4.1.11: a JWS whose crit lists a parameter the recipient does not understand is invalid.' },
  { id: 'JWS-002', title: 'b64:false (RFC 7797 unencoded payload)', rule: 'format', cwe: ['CWE-345'], mutations: [M.unencodedPayload()], why: 'RFC 7797 §7: JWTs do not use unencoded payloads; the compact token is not a valid JWT.' },
  { id: 'JWS-004', title: 'duplicate aud: first the app id, last another app id', rule: 'format', cwe: ['CWE-436'], mutations: [M.duplicateMember('claims', 'aud', BOT_APP_ID, '3f1c0a57-8e2d-4b6a-9c11-7d2e5b9a0c44')], why: 'RFC 7519 §4: reject duplicates or use the lexically last, which names another app.' },
];
