// A decoy is the valid request with its token signed by the attacker's key ("rogue": a key of the
// run that no fake publishes and no SUT trusts), its kid/x5t naming that key, like the classic
// forgery of signing with one's own key. Everything else (claims, times, body) stays valid, so the
// only reason to refuse it is the signature: a decoy answered 2xx means signature checking broke.
//
// Why not flip a bit of a real signature? It would test the same thing, but a forged key is what an
// attacker actually sends; and why not a non-canonical encoding? Lax base64url decoders are common
// (and a separate conformance case), so it would report them again here as if load had caused it.
import type { SigningKey } from '../keys/signing-keys';
import type { CaseDraft, TokenDraft } from '../tokens/draft';

export const DECOY_KEY = 'rogue';
export const DECOY_DESCRIPTION = `signed by the untrusted key "${DECOY_KEY}", kid/x5t naming it`;

/** Re-signs every signed layer of the draft (the outer token and an embedded actor) with the rogue key. */
export function makeDecoy(draft: CaseDraft, keys: Record<string, SigningKey>): void {
  const rogue = keys[DECOY_KEY];
  if (!rogue) throw new Error(`the run has no "${DECOY_KEY}" key to sign decoys with`);
  let signedLayers = 0;
  for (let t: TokenDraft | undefined = draft.token; t; t = t.embed?.token) {
    if (t.signWith.kind !== 'key') continue; // an unsigned outer token (S2S app+user) carries a signed actor
    t.signWith = { kind: 'key', key: DECOY_KEY };
    if ('kid' in t.header) t.header.kid = rogue.kid;
    if ('x5t' in t.header) t.header.x5t = rogue.jwk.x5t;
    signedLayers++;
  }
  if (signedLayers === 0) throw new Error('the baseline token has no signed layer to forge a decoy from');
}
