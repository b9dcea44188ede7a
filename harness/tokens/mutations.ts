// The mutation catalog: each entry changes one thing in a valid draft and says what in `describe`.
// Cases compose these; nothing here knows which profile or path it is applied to.
import type { SigningKey } from '../keys/signing-keys';
import { b64url } from './compact';
import type { CaseDraft, TokenPlacement } from './draft';

export interface MutationContext {
  keys: Record<string, SigningKey>;
  /** Origin of the harness's attacker server (jku/x5u targets). */
  attackerOrigin: string;
  caseId: string;
  /** Unix seconds at render time. */
  now: number;
  /** The parameters of the Bearer challenge the SUT answered a request without a token with, read
   *  before the case's request as an attacker would (InboundCase.readChallenge): names in lower case. */
  challenge?: Record<string, string>;
}

export interface Mutation {
  describe: string;
  apply(d: CaseDraft, ctx: MutationContext): void;
}

const m = (describe: string, apply: Mutation['apply']): Mutation => ({ describe, apply });

/** Apply a mutation to the token embedded in the draft's token (the S2S actor) instead of the outer one. */
export const onEmbedded = (mutation: Mutation): Mutation =>
  m(`actor: ${mutation.describe}`, (d, ctx) => {
    const inner = d.token.embed?.token;
    if (!inner) throw new Error(`mutation "${mutation.describe}" targets an embedded token, but the draft has none`);
    mutation.apply({ token: inner, request: d.request }, ctx);
  });

/** Remove the embedded token (and its claim) from the outer token. */
export const dropEmbedded = (): Mutation => m('no actor token in the outer token', (d) => void delete d.token.embed);

/** Carry the embedded token under another claim name. */
export const renameEmbeddedClaim = (claim: string): Mutation =>
  m(`actor token carried in claim ${claim}`, (d) => {
    if (d.token.embed) d.token.embed.claim = claim;
  });

/** Send the embedded token on its own (the outer token discarded). */
export const sendEmbeddedAlone = (): Mutation =>
  m('the actor token sent on its own', (d) => {
    if (d.token.embed) d.token = d.token.embed.token;
  });

/** Sign with a named key and name its certificate in x5t (no kid: the S2S header shape). */
export const signWithCert = (key: string): Mutation =>
  m(`signed by the certificate "${key}" (x5t names it)`, (d, ctx) => {
    d.token.signWith = { kind: 'key', key };
    d.token.header.x5t = ctx.keys[key].jwk.x5t;
  });
const show = (v: unknown): string => JSON.stringify(v);

// ---- claims -------------------------------------------------------------------------------
export const setClaim = (name: string, value: unknown | ((ctx: MutationContext) => unknown), computedIs = 'a computed value'): Mutation =>
  m(`claim ${name} = ${typeof value === 'function' ? computedIs : show(value)}`, (d, ctx) => {
    d.token.claims[name] = typeof value === 'function' ? (value as (c: MutationContext) => unknown)(ctx) : value;
  });

export const deleteClaim = (name: string): Mutation => m(`claim ${name} removed`, (d) => void delete d.token.claims[name]);

/** Set a time claim relative to the render time (negative = past). */
export const timeClaim = (name: 'exp' | 'nbf' | 'iat', offsetSeconds: number): Mutation =>
  m(`claim ${name} = now ${offsetSeconds >= 0 ? '+' : '-'} ${Math.abs(offsetSeconds)} s`, (d, ctx) => {
    d.token.claims[name] = ctx.now + offsetSeconds;
  });

// ---- header -------------------------------------------------------------------------------
export const setHeader = (name: string, value: unknown | ((ctx: MutationContext) => unknown), computedIs = 'a computed value'): Mutation =>
  m(`header ${name} = ${typeof value === 'function' ? computedIs : show(value)}`, (d, ctx) => {
    d.token.header[name] = typeof value === 'function' ? (value as (c: MutationContext) => unknown)(ctx) : value;
  });

export const deleteHeader = (name: string): Mutation => m(`header ${name} removed`, (d) => void delete d.token.header[name]);

// ---- signing ------------------------------------------------------------------------------
/** Sign with a named key and name that key in kid/x5t (a consistent, correctly signed token). */
export const signWithKey = (key: string): Mutation =>
  m(`signed by key "${key}" (kid names it)`, (d, ctx) => {
    d.token.signWith = { kind: 'key', key };
    d.token.header.kid = ctx.keys[key].kid;
    if ('x5t' in d.token.header) d.token.header.x5t = ctx.keys[key].jwk.x5t;
  });

/** Sign with a named key but leave kid/x5t as they were (right kid, wrong key). */
export const signOnlyWithKey = (key: string): Mutation =>
  m(`signed by key "${key}" while kid still names the baseline key`, (d) => {
    d.token.signWith = { kind: 'key', key };
  });

export const algorithm = (alg: string): Mutation => m(`alg ${alg}`, (d) => void (d.token.header.alg = alg));

export const unsigned = (algSpelling: string, signature: 'empty' | 'keep'): Mutation =>
  m(`alg ${show(algSpelling)}, ${signature === 'empty' ? 'empty signature' : 'RSA signature kept'}`, (d) => {
    d.token.header.alg = algSpelling;
    if (signature === 'empty') d.token.signWith = { kind: 'none' };
  });

export const hmacWithPublicKey = (alg = 'HS256'): Mutation =>
  m(`alg ${alg}, HMAC keyed with the signing key's own public key PEM (key confusion)`, (d) => {
    const key = d.token.signWith.kind === 'key' ? d.token.signWith.key : 'connector-a';
    d.token.header.alg = alg;
    d.token.signWith = { kind: 'hmac-public-key', key };
  });

export const hmacWithSecret = (secret: string, alg = 'HS256'): Mutation =>
  m(`alg ${alg}, HMAC with secret ${show(secret)}`, (d) => {
    d.token.header.alg = alg;
    d.token.signWith = { kind: 'hmac-secret', secret };
  });

// ---- the compact string -------------------------------------------------------------------
const onSegments = (describe: string, f: (parts: string[]) => string[] | string): Mutation =>
  m(describe, (d) => {
    d.token.finish.push((compact) => {
      const out = f(compact.split('.'));
      return typeof out === 'string' ? out : out.join('.');
    });
  });

export const stripSignature = (): Mutation => onSegments('signature segment emptied after signing', (p) => [p[0], p[1], '']);
export const dropSignatureSegment = (): Mutation => onSegments('only two segments (signature and its dot removed)', (p) => [p[0], p[1]]);
export const extraSegment = (): Mutation => onSegments('a fourth segment appended', (p) => [...p, p[2]]);

export const flipSignatureBit = (): Mutation =>
  onSegments('one bit of the signature flipped', (p) => {
    const sig = Buffer.from(p[2], 'base64url');
    sig[sig.length >> 1] ^= 0x01;
    return [p[0], p[1], b64url(sig)];
  });

/** Change a claim after signing, keeping the original signature. */
export const alterClaimAfterSigning = (name: string, value: unknown): Mutation =>
  onSegments(`claim ${name} changed to ${show(value)} after signing`, (p) => {
    const claims = JSON.parse(Buffer.from(p[1], 'base64url').toString('utf8'));
    claims[name] = value;
    return [p[0], b64url(JSON.stringify(claims)), p[2]];
  });

export const replaceSegment = (index: 0 | 1 | 2, raw: string, describe: string): Mutation =>
  onSegments(describe, (p) => p.map((s, i) => (i === index ? raw : s)));

/** Same bytes, different string: the last base64url character's unused low bits set. */
export const nonCanonicalSignature = (): Mutation =>
  onSegments('signature re-encoded non-canonically (unused trailing bits set)', (p) => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sig = p[2];
    const unusedBits = (6 - ((Buffer.from(sig, 'base64url').length * 8) % 6)) % 6;
    if (unusedBits === 0) throw new Error('signature length leaves no unused bits to set');
    const last = alphabet.indexOf(sig[sig.length - 1]);
    return [p[0], p[1], sig.slice(0, -1) + alphabet[last | ((1 << unusedBits) - 1)]];
  });

export const replaceWholeToken = (raw: string, describe: string): Mutation => m(describe, (d) => void d.token.finish.push(() => raw));

// ---- raw JSON -----------------------------------------------------------------------------
/** Serialise with a duplicate member: `name` appears twice, `first` then `last` (lexically last wins in RFC 7515). */
export const duplicateMember = (where: 'header' | 'claims', name: string, first: unknown, last: unknown): Mutation =>
  m(`${where} JSON has "${name}" twice: first ${show(first)}, last ${show(last)}`, (d) => {
    const obj = { ...(where === 'header' ? d.token.header : d.token.claims) };
    delete obj[name];
    const body = JSON.stringify(obj).slice(1, -1);
    const json = `{${JSON.stringify(name)}:${show(first)},${body}${body ? ',' : ''}${JSON.stringify(name)}:${show(last)}}`;
    if (where === 'header') d.token.headerJson = json;
    else d.token.claimsJson = json;
  });

export const unencodedPayload = (): Mutation =>
  m('RFC 7797 b64:false with crit ["b64"], payload sent unencoded', (d) => {
    d.token.header.b64 = false;
    d.token.header.crit = ['b64'];
    d.token.payloadEncoding = 'none';
  });

export const standardBase64Payload = (): Mutation =>
  m('payload segment encoded as padded standard base64 (+ / =), then signed', (d) => {
    // Pad the JSON so the encoding really contains '+', '/' or '=' characters.
    d.token.claims.pad = '>>>???';
    d.token.payloadEncoding = 'base64';
  });

// ---- where the token travels ---------------------------------------------------------------
export const placeToken = (auth: TokenPlacement, describe: string): Mutation => m(describe, (d) => void (d.request.auth = auth));

// ---- the activity -------------------------------------------------------------------------
export const setActivity = (field: string, value: unknown | ((ctx: MutationContext) => unknown), computedIs = 'a computed value'): Mutation =>
  m(`activity ${field} = ${typeof value === 'function' ? computedIs : show(value)}`, (d, ctx) => {
    d.request.activity[field] = typeof value === 'function' ? (value as (c: MutationContext) => unknown)(ctx) : value;
  });
