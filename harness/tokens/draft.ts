// A case is a baseline draft (a valid token and request for one path) plus mutations.
// Drafts are plain data until rendered, so a mutation can touch any layer: claims, header,
// signature, the compact string, where the token travels, or the activity it authorises.
import type { SigningKey } from '../keys/signing-keys';
import { b64url, hashOfAlg, signCompact, type Signature } from './compact';

export type SignWith =
  | { kind: 'key'; key: string }
  | { kind: 'hmac-public-key'; key: string }
  | { kind: 'hmac-secret'; secret: string }
  | { kind: 'none' };

export interface TokenDraft {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signWith: SignWith;
  /** Raw JSON text replacing the serialised header / claims (duplicate members, odd JSON). */
  headerJson?: string;
  claimsJson?: string;
  /** How the payload segment is encoded before signing: base64url (JWS), padded standard base64 (a lax
   *  encoder's output), or none (RFC 7797 b64:false, the raw JSON text). */
  payloadEncoding?: 'base64url' | 'base64' | 'none';
  /** String-level tampering of the finished compact token, applied in order. */
  finish: Array<(compact: string) => string>;
  /** A token rendered first and carried in one of this token's claims (the S2S actor token). */
  embed?: { claim: string; token: TokenDraft };
}

export type TokenPlacement =
  | { in: 'authorization'; scheme: string }
  | { in: 'authorization-raw'; value: string }
  | { in: 'query'; name: string }
  | { in: 'header'; name: string; scheme?: string }
  /** In the request body (RFC 6750 §2.2): a member of the JSON body, or a form field (a GET becomes a form POST). */
  | { in: 'body'; name: string; form?: boolean }
  | { in: 'nowhere' };

export interface RequestDraft {
  /** Default POST (with the activity as JSON body); GET sends no body. */
  method?: 'GET' | 'POST';
  auth: TokenPlacement;
  activity: Record<string, unknown>;
  /** More request headers, sent as they are besides the token's placement (e.g. a second token in
   *  another header: Actionable Messages' Authorization and Action-Authorization at once). */
  headers?: Record<string, string>;
}

export interface CaseDraft {
  token: TokenDraft;
  request: RequestDraft;
}

function signatureFor(draft: TokenDraft, keys: Record<string, SigningKey>): Signature {
  const hash = hashOfAlg(String(draft.header.alg ?? 'RS256'));
  const keyNamed = (name: string): SigningKey => {
    const key = keys[name];
    if (!key) throw new Error(`token draft names unknown signing key "${name}"`);
    return key;
  };
  switch (draft.signWith.kind) {
    case 'key':
      return { kind: 'rsa', privateKeyPem: keyNamed(draft.signWith.key).privateKeyPem, hash };
    case 'hmac-public-key':
      // The classic RS→HS confusion: the verifier's own public key (PEM text) used as an HMAC secret.
      return { kind: 'hmac', secret: Buffer.from(keyNamed(draft.signWith.key).publicKeyPem), hash };
    case 'hmac-secret':
      return { kind: 'hmac', secret: Buffer.from(draft.signWith.secret), hash };
    case 'none':
      return { kind: 'empty' };
  }
}

export function renderToken(draft: TokenDraft, keys: Record<string, SigningKey>): string {
  const claims = draft.embed ? { ...draft.claims, [draft.embed.claim]: renderToken(draft.embed.token, keys) } : draft.claims;
  const headerJson = draft.headerJson ?? JSON.stringify(draft.header);
  const claimsJson = draft.claimsJson ?? JSON.stringify(claims);
  const encoding = draft.payloadEncoding ?? 'base64url';
  // An unencoded payload must not contain '.', so the JSON spells dots as \u002e (RFC 7797 §5.2).
  const payloadSegment = encoding === 'none' ? claimsJson.replace(/\./g, '\\u002e') : encoding === 'base64' ? Buffer.from(claimsJson).toString('base64') : b64url(claimsJson);
  let compact = signCompact(headerJson, payloadSegment, signatureFor(draft, keys));
  for (const f of draft.finish) compact = f(compact);
  return compact;
}
