// The fuzzer's mutators: a table of named, parameterised changes to the baseline's signed token.
// Every one of them yields a token a correct validator MUST refuse (a broken signature, a key or
// algorithm it must not trust, a claim that fails a required check, a malformed compact JWS), so an
// accepted mutant is a real finding, never a judgement call. Things the suite rates SHOULD or INFO
// (non-canonical base64url bytes, an unknown kid on a token a published key signed, RS384/RS512,
// a signature segment decoded leniently) are deliberately left out; nbf is the one
// RFC 7519 MUST the bot-framework suite only rates SHOULD, so it is kept well beyond any clock skew.
//
// A mutator is data (name, one-line summary, a fast-check arbitrary for its parameters) plus a
// function that turns drawn parameters into one of the harness's Mutations. Stages order composed
// mutators: field edits (claims, header, signing key) first, then raw JSON text (which freezes the
// fields), then edits of the finished compact string.
import fc from 'fast-check';
import { b64url } from '../tokens/compact';
import type { TokenDraft } from '../tokens/draft';
import * as M from '../tokens/mutations';
import type { Mutation, MutationContext } from '../tokens/mutations';

export interface MutatorContext {
  /** The trusted key that signed the baseline's token (the HMAC confusion mutators key with it). */
  trustedKey: string;
}

export interface Mutator<P = unknown> {
  name: string;
  /** One line for the report and --help: what it does and why a validator must refuse it. */
  summary: string;
  /** 0: header/claims/signing key, 1: raw JSON text, 2: the compact string after signing. */
  stage: 0 | 1 | 2;
  params: fc.Arbitrary<P>;
  mutation(p: P, t: MutatorContext): Mutation;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Printable ASCII outside the base64url alphabet, minus '.' (a segment edit), '=' (padding) and the
 *  single quote, so every token stands verbatim in the single-quoted curl line of its finding. */
const NON_B64URL = '!"#$%&()*+,/:;<>?@[\\]^`{|}~';
const SEGMENT = ['header', 'payload', 'signature'] as const;
const VALID_RSA_ALGS = ['RS256', 'RS384', 'RS512'];

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
const m = (describe: string, apply: Mutation['apply']): Mutation => ({ describe, apply });
/** A mutation whose description is only known once applied (it depends on the draft it meets). */
const described = (initial: string, apply: (d: Parameters<Mutation['apply']>[0], c: MutationContext) => string): Mutation => {
  const mutation: Mutation = { describe: initial, apply: (d, c) => void (mutation.describe = apply(d, c)) };
  return mutation;
};
const both = (a: Mutation, b: Mutation): Mutation => m(`${a.describe}; ${b.describe}`, (d, c) => (a.apply(d, c), b.apply(d, c)));
const permille = fc.integer({ min: 0, max: 999 });
/** Index of a character at `at`‰ of a string of length `len`, within [lo, len - 1 - hiMargin]. */
const spot = (at: number, len: number, lo = 0, hiMargin = 0): number => Math.max(lo, Math.min(len - 1 - hiMargin, lo + Math.floor((at / 1000) * (len - lo - hiMargin))));

/** A string-level edit of the finished compact token (after signing, so the signature no longer fits). */
const onCompact = (describe: string, f: (parts: string[]) => string[] | string): Mutation =>
  m(describe, (d) => {
    d.token.finish.push((compact) => {
      const out = f(compact.split('.'));
      return typeof out === 'string' ? out : out.join('.');
    });
  });

/** Edit segment `i` (or the last one, when earlier edits left fewer). */
const onSegment = (describe: string, i: number, f: (segment: string) => string): Mutation =>
  onCompact(describe, (parts) => {
    const k = Math.min(i, parts.length - 1);
    return parts.map((s, j) => (j === k ? f(s) : s));
  });

/** A claim value no validator may take for the right one: other strings, other types. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).map((s) => `https://${s}`), weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, {}, []), weight: 1 },
  { arbitrary: fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), { minLength: 1, maxLength: 3 }), weight: 1 },
);
/** `v`, unless it happens to be the current (right) value: then a string that is not. */
const differs = (v: unknown, current: unknown): unknown => (show(v) !== show(current) ? v : `${typeof v === 'string' ? v : show(v)}-other`);

/** Set a claim to a wrong value and sign with the right key: the claim's own check must refuse it. */
const wrongClaim = (name: string) => (value: unknown): Mutation =>
  m(`claim ${name} = ${show(value)}, re-signed`, (d) => void (d.token.claims[name] = differs(value, d.token.claims[name])));

/** A time claim at now + offset, in the baseline's type (the S2S tokens carry times as strings). */
const timeClaim = (name: 'exp' | 'nbf', offsetS: number): Mutation =>
  m(`claim ${name} = now ${offsetS < 0 ? '-' : '+'} ${Math.abs(offsetS)} s, re-signed`, (d, c: MutationContext) => {
    const t = c.now + offsetS;
    d.token.claims[name] = typeof d.token.claims[name] === 'string' ? String(t) : t;
  });

const caseVariant = (alg: string, mask: number): string => {
  const letters = [...alg].map((ch, i) => (/[a-z]/i.test(ch) ? i : -1)).filter((i) => i >= 0);
  if (!letters.length) return `${alg}x`;
  const bits = (mask % (2 ** letters.length - 1)) + 1; // never 0: at least one letter changes case
  const out = [...alg];
  letters.forEach((i, b) => {
    if (bits & (1 << b)) out[i] = out[i] === out[i].toUpperCase() ? out[i].toLowerCase() : out[i].toUpperCase();
  });
  const variant = out.join('');
  // From an already-mutated alg ("rs256") a flip could land on an allowed one: never hand that back.
  return VALID_RSA_ALGS.includes(variant) ? variant.toLowerCase() : variant;
};

const keyOf = (token: TokenDraft, t: MutatorContext): string => (token.signWith.kind === 'key' || token.signWith.kind === 'hmac-public-key' ? token.signWith.key : t.trustedKey);

const def = <P>(x: Mutator<P>): Mutator => x as Mutator;

export const MUTATORS: readonly Mutator[] = [
  // ---- the signature bytes
  def({
    name: 'sig-byte-flip', stage: 2,
    summary: 'XOR one byte of the decoded signature with a non-zero mask (RFC 7515 §5.2: the signature must verify)',
    params: fc.record({ at: permille, mask: fc.integer({ min: 1, max: 255 }) }),
    mutation: ({ at, mask }) => onSegment(`signature byte at ${at / 10}% XOR 0x${mask.toString(16).padStart(2, '0')}`, 2, (s) => {
      const sig = Buffer.from(s, 'base64url');
      if (!sig.length) return b64url(Buffer.from([mask]));
      sig[spot(at, sig.length)] ^= mask;
      return b64url(sig);
    }),
  }),
  def({
    name: 'sig-random', stage: 2,
    summary: 'replace the signature with random bytes',
    params: fc.uint8Array({ minLength: 1, maxLength: 512 }),
    mutation: (bytes) => onSegment(`signature replaced by ${bytes.length} random bytes`, 2, () => b64url(Buffer.from(bytes))),
  }),
  def({
    name: 'signature-emptied', stage: 2,
    summary: 'empty the signature segment; the header still names an RSA algorithm (null signature)',
    params: fc.constant(null),
    mutation: () => M.stripSignature(),
  }),
  // ---- the signed segments and the compact form
  def({
    name: 'segment-char-change', stage: 2,
    summary: 'change one character of the header or payload segment after signing (the signature covers those exact characters)',
    params: fc.record({ segment: fc.constantFrom(0, 1), at: permille, char: fc.integer({ min: 0, max: 63 }) }),
    mutation: ({ segment, at, char }) => onSegment(`${SEGMENT[segment]} segment: the character at ${at / 10}% changed after signing`, segment, (s) => {
      if (s.length < 2) return s + B64URL[char];
      const i = spot(at, s.length, 0, 1); // never the last character: its unused bits may not change the bytes
      const c = B64URL[char] === s[i] ? B64URL[(char + 1) % 64] : B64URL[char];
      return s.slice(0, i) + c + s.slice(i + 1);
    }),
  }),
  def({
    name: 'segment-truncate', stage: 2,
    summary: 'cut a segment short (an empty segment is removed instead)',
    params: fc.record({ segment: fc.constantFrom(0, 1, 2), keep: permille }),
    mutation: ({ segment, keep }) => onCompact(`${SEGMENT[segment]} segment cut to ${keep / 10}% of its length`, (parts) => {
      const k = Math.min(segment, parts.length - 1);
      if (!parts[k]) return parts.filter((_, j) => j !== k);
      return parts.map((s, j) => (j === k ? s.slice(0, Math.floor((s.length * keep) / 1000)) : s));
    }),
  }),
  def({
    name: 'segment-drop', stage: 2,
    summary: 'remove a segment and its dot (a compact JWS has exactly three)',
    params: fc.constantFrom(0, 1, 2),
    mutation: (segment) => onCompact(`${SEGMENT[segment]} segment removed`, (parts) => parts.filter((_, j) => j !== Math.min(segment, parts.length - 1))),
  }),
  def({
    name: 'segment-duplicate', stage: 2,
    summary: 'repeat a segment (four segments: not a compact JWS)',
    params: fc.constantFrom(0, 1, 2),
    mutation: (segment) => onCompact(`${SEGMENT[segment]} segment repeated`, (parts) => {
      const k = Math.min(segment, parts.length - 1);
      return [...parts.slice(0, k + 1), parts[k], ...parts.slice(k + 1)];
    }),
  }),
  def({
    name: 'token-truncate', stage: 2,
    summary: 'cut the whole compact token short',
    params: permille,
    mutation: (keep) => onCompact(`token cut to ${keep / 10}% of its length`, (parts) => {
      const token = parts.join('.');
      return token.slice(0, Math.floor((token.length * keep) / 1000));
    }),
  }),
  def({
    name: 'non-b64url-char', stage: 2,
    summary: 'insert a character outside the base64url alphabet into the header or payload segment (RFC 7515 §5.2)',
    params: fc.record({ segment: fc.constantFrom(0, 1), at: permille, char: fc.constantFrom(...NON_B64URL) }),
    mutation: ({ segment, at, char }) => onSegment(`${SEGMENT[segment]} segment: ${show(char)} inserted at ${at / 10}%`, segment, (s) => {
      const i = s.length < 2 ? s.length : spot(at, s.length, 1);
      return s.slice(0, i) + char + s.slice(i);
    }),
  }),
  def({
    name: 'whitespace-or-padding', stage: 2,
    summary: 'insert a space or tab inside, or append "=" padding to, the header or payload segment (RFC 7515 §2, §5.2)',
    params: fc.record({ segment: fc.constantFrom(0, 1), at: permille, what: fc.constantFrom(' ', '\t', '=', '==') }),
    mutation: ({ segment, at, what }) =>
      onSegment(`${SEGMENT[segment]} segment: ${what.startsWith('=') ? `padding ${what} appended` : `${show(what)} inserted at ${at / 10}%`}`, segment, (s) => {
        if (what.startsWith('=')) return s + what;
        const i = s.length < 2 ? s.length : spot(at, s.length, 1); // inside: never trimmed as surrounding whitespace
        return s.slice(0, i) + what + s.slice(i);
      }),
  }),
  def({
    name: 'oversized', stage: 2,
    summary: 'pad the payload with a large claim after signing: an 8–64 KiB token whose signature no longer fits',
    params: fc.integer({ min: 8, max: 64 }),
    mutation: (kib) => onSegment(`payload padded after signing to a token of about ${kib} KiB`, 1, (s) => {
      const pad = 'A'.repeat(Math.floor((kib * 1024 * 3) / 4)); // base64url: 4 characters per 3 bytes
      try {
        const claims = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
        if (claims && typeof claims === 'object' && !Array.isArray(claims)) return b64url(JSON.stringify({ ...claims, pad }));
      } catch {
        // an earlier edit broke the JSON: pad the segment itself
      }
      return s + pad;
    }),
  }),
  // ---- the algorithm
  def({
    name: 'alg-none', stage: 0,
    summary: 'alg "none" in any letter case, with an empty signature or the RSA signature left in place',
    params: fc.record({ alg: fc.constantFrom('none', 'None', 'NONE', 'nOnE'), signature: fc.constantFrom<'empty' | 'keep'>('empty', 'keep') }),
    mutation: ({ alg, signature }) => M.unsigned(alg, signature),
  }),
  def({
    name: 'alg-hmac-public-key', stage: 0,
    summary: 'HS256/384/512 keyed with the trusted key\'s public PEM (RS→HS key confusion)',
    params: fc.constantFrom('HS256', 'HS384', 'HS512'),
    mutation: (alg, t) =>
      m(`alg ${alg}, HMAC keyed with the signing key's own public key PEM (key confusion)`, (d) => {
        d.token.signWith = { kind: 'hmac-public-key', key: keyOf(d.token, t) };
        d.token.header.alg = alg;
      }),
  }),
  def({
    name: 'alg-hmac-secret', stage: 0,
    summary: 'HS256/384/512 with a guessed secret (blank or random)',
    params: fc.record({ alg: fc.constantFrom('HS256', 'HS384', 'HS512'), secret: fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme-ascii', maxLength: 16 })) }),
    mutation: ({ alg, secret }) => M.hmacWithSecret(secret, alg),
  }),
  def({
    name: 'alg-other', stage: 0,
    summary: 'alg replaced by another or a random string, RSA-signed by the trusted key (only RS256/384/512 are allowed)',
    params: fc
      .oneof(fc.constantFrom('ES256', 'PS256', 'PS512', 'EdDSA', 'RSA-OAEP', 'dir', 'RS1', 'RS257', 'RS256 ', ' RS256', 'RS', ''), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }))
      .filter((alg) => !VALID_RSA_ALGS.includes(alg)),
    mutation: (alg) => m(`alg ${show(alg)}, re-signed`, (d) => void (d.token.header.alg = alg)),
  }),
  def({
    name: 'alg-case', stage: 0,
    summary: 'alg in another letter case (rs256, Rs256 ...), RSA-signed by the trusted key (alg is case-sensitive)',
    params: fc.integer({ min: 0, max: 1023 }),
    mutation: (mask) =>
      described('alg in another letter case, re-signed', (d) => {
        d.token.header.alg = caseVariant(String(d.token.header.alg ?? 'RS256'), mask);
        return `alg ${show(d.token.header.alg)} (another letter case), re-signed`;
      }),
  }),
  // ---- keys and kid
  def({
    name: 'untrusted-key', stage: 0,
    summary: 'signed by the attacker\'s key (published nowhere trusted), kid naming it or still naming the trusted key',
    params: fc.constantFrom<'names-it' | 'names-trusted'>('names-it', 'names-trusted'),
    mutation: (kid) => (kid === 'names-it' ? M.signWithKey('rogue') : M.signOnlyWithKey('rogue')),
  }),
  def({
    name: 'kid-changed-untrusted-key', stage: 0,
    summary: 'kid changed to a random string or removed (x5t removed), signed by the attacker\'s key',
    params: fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 24 }), { nil: undefined }),
    mutation: (kid) => both(M.signOnlyWithKey('rogue'), both(kid === undefined ? M.deleteHeader('kid') : M.setHeader('kid', kid), M.deleteHeader('x5t'))),
  }),
  // ---- claims a validator must check, signed by the trusted key
  def({
    name: 'claim-iss', stage: 0,
    summary: 'iss set to a wrong value (random string, URL or other type), signed by the trusted key',
    params: wrongValue,
    mutation: wrongClaim('iss'),
  }),
  def({
    name: 'claim-aud', stage: 0,
    summary: 'aud set to a wrong value (random string, URL, array or other type), signed by the trusted key',
    params: wrongValue,
    mutation: wrongClaim('aud'),
  }),
  def({
    name: 'claim-exp-past', stage: 0,
    summary: 'exp 15 minutes to ~4 months in the past (beyond any clock skew), signed by the trusted key',
    params: fc.integer({ min: 900, max: 10_000_000 }),
    mutation: (ago) => timeClaim('exp', -ago),
  }),
  def({
    name: 'claim-nbf-future', stage: 0,
    summary: 'nbf a day to ~4 months in the future (RFC 7519 §4.1.5), signed by the trusted key',
    params: fc.integer({ min: 86_400, max: 10_000_000 }),
    mutation: (ahead) => timeClaim('nbf', ahead),
  }),
  // ---- raw JSON
  def({
    name: 'duplicate-claim', stage: 1,
    summary: 'iss or aud twice in the payload JSON: first the right value, last a wrong one (RFC 7519 §4)',
    params: fc.record({ claim: fc.constantFrom('iss', 'aud'), last: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) }),
    mutation: ({ claim, last }) =>
      m(`payload JSON has "${claim}" twice, the last ${show(last)}`, (d, c) => {
        const first = d.token.claims[claim];
        M.duplicateMember('claims', claim, first, differs(last, first)).apply(d, c);
      }),
  }),
  def({
    name: 'duplicate-alg', stage: 1,
    summary: 'alg twice in the header JSON: first the signed algorithm, last none or HS256 (RFC 7515 §4)',
    params: fc.constantFrom('none', 'None', 'HS256'),
    mutation: (last) =>
      m(`header JSON has "alg" twice, the last ${show(last)}`, (d, c) => {
        const first = d.token.header.alg;
        M.duplicateMember('header', 'alg', first, differs(last, first)).apply(d, c);
      }),
  }),
];

export const MUTATOR_NAMES = MUTATORS.map((x) => x.name);

/** The table as text: one line per mutator (for --help and the docs). */
export function mutatorTable(): string {
  const width = Math.max(...MUTATOR_NAMES.map((n) => n.length));
  return MUTATORS.map((x) => `${x.name.padEnd(width)}  ${x.summary}`).join('\n');
}
