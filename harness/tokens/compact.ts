// Compact JWS serialisation for the token factory. Well-formed tokens and deliberately malformed
// ones (duplicate members, raw JSON, wrong algorithm) go through the same path, so the signing input
// is always exactly the bytes sent. The signature primitives are Node's crypto, never our own.
import { createHmac, createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';

export function b64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

/** How the signature segment is produced. */
export type Signature =
  | { kind: 'rsa'; privateKeyPem: string; hash: 'sha256' | 'sha384' | 'sha512' }
  | { kind: 'hmac'; secret: Buffer; hash: 'sha256' | 'sha384' | 'sha512' }
  | { kind: 'empty' };

const keyCache = new Map<string, KeyObject>();
function privateKey(pem: string): KeyObject {
  let key = keyCache.get(pem);
  if (!key) keyCache.set(pem, (key = createPrivateKey(pem)));
  return key;
}

/** Sign `<b64url(headerJson)>.<payloadSegment>`; payloadSegment is already encoded (b64:false sends it raw). */
export function signCompact(headerJson: string, payloadSegment: string, signature: Signature): string {
  const input = `${b64url(headerJson)}.${payloadSegment}`;
  switch (signature.kind) {
    case 'rsa':
      return `${input}.${b64url(cryptoSign(signature.hash, Buffer.from(input), privateKey(signature.privateKeyPem)))}`;
    case 'hmac':
      return `${input}.${b64url(createHmac(signature.hash, signature.secret).update(input).digest())}`;
    case 'empty':
      return `${input}.`;
  }
}

/** Header and payload of a compact token, decoded for evidence; never used to verify anything.
 *  A compact token carried in a claim (the S2S actor) is decoded too, under `embedded`. */
export function decodeForEvidence(token: string, embeddedClaim?: string): { header?: unknown; payload?: unknown; note?: string; embedded?: { claim: string; header?: unknown; payload?: unknown } } {
  const parts = token.split('.');
  const decode = (s: string | undefined): unknown => {
    if (s === undefined) return undefined;
    const text = Buffer.from(s, 'base64url').toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  const payload = decode(parts[1]);
  const inner = embeddedClaim && payload && typeof payload === 'object' ? (payload as Record<string, unknown>)[embeddedClaim] : undefined;
  const embedded = typeof inner === 'string' ? { claim: embeddedClaim!, header: decode(inner.split('.')[0]), payload: decode(inner.split('.')[1]) } : undefined;
  return { header: decode(parts[0]), payload, note: parts.length === 3 ? undefined : `${parts.length} segments`, ...(embedded ? { embedded } : {}) };
}

export const hashOfAlg = (alg: string): 'sha256' | 'sha384' | 'sha512' =>
  alg.endsWith('384') ? 'sha384' : alg.endsWith('512') ? 'sha512' : 'sha256';
