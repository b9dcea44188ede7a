// What a client-role SUT did in one scenario, read from the fakes' request log: the requests its
// target received, the tokens among them decoded, the actor's signature verified against the SUT's
// certificate (jose; no crypto of our own), and whatever reached the decoy. The checks of the
// s2s-client cases are functions of this observation. Its types are the engine's
// (harness/engine/client-spec.ts: the case model names a client case's spec), re-exported here.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import type { Hit } from '../../harness/servers/router';
import { bearerTokenOf } from '../../harness/servers/s2s-resource';
import type { OneShotResult } from '../../harness/sut/one-shot';
import { ACTOR_CLAIMS, type ClientObservation, type DecodedJwt, type SentToken, type VerifiedActor } from '../../harness/engine/client-spec';

// The observation's types, for the checks and the tests that import them from here.
export { ACTOR_CLAIMS } from '../../harness/engine/client-spec';
export type { ClientCaseSpec, ClientCheck, ClientExpect, ClientObservation, ClientVerdict, DecodedJwt, SentToken, VerifiedActor } from '../../harness/engine/client-spec';

/** The signatures a verifier could check with an RSA certificate; which one was used is judged by the cases. */
const RSA_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

export function decodeJwtParts(raw: string): DecodedJwt {
  const parts = raw.split('.');
  if (parts.length !== 3) return { raw, malformed: `${parts.length} segments, not 3` };
  try {
    return { raw, header: decodeProtectedHeader(raw) as Record<string, unknown>, payload: decodeJwt(raw) as Record<string, unknown>, signature: parts[2] };
  } catch (err) {
    return { raw, malformed: (err as Error).message, signature: parts[2] };
  }
}

const keyCache = new Map<string, KeyObject>();
const publicKeyOf = (certPem: string): KeyObject => {
  let k = keyCache.get(certPem);
  if (!k) keyCache.set(certPem, (k = createPublicKey(certPem)));
  return k;
};

async function verifyActor(raw: string, certPem: string, claim?: VerifiedActor['claim']): Promise<VerifiedActor> {
  const decoded = decodeJwtParts(raw);
  try {
    await compactVerify(raw, publicKeyOf(certPem), { algorithms: RSA_ALGS });
    return { ...decoded, ...(claim ? { claim } : {}), verified: true };
  } catch (err) {
    return { ...decoded, ...(claim ? { claim } : {}), verified: false, verifyError: (err as Error).message };
  }
}

/** A token as sent, with its actor found and verified against the SUT's certificate. */
export async function sentToken(hit: Hit, raw: string, certPem: string): Promise<SentToken> {
  const token = decodeJwtParts(raw);
  const outer = typeof token.header?.alg === 'string' && token.header.alg.toLowerCase() === 'none';
  if (!outer) return { hit, token, outer, actor: token.malformed ? undefined : await verifyActor(raw, certPem) };
  const claim = ACTOR_CLAIMS.find((c) => typeof token.payload?.[c] === 'string');
  return { hit, token, outer, actor: claim ? await verifyActor(token.payload![claim] as string, certPem, claim) : undefined };
}

/** The observation of a scenario from the log: `target` is the scenario's server's requests, `decoy` the decoy's. */
export async function observe(input: { scenario: string; target: string; run: OneShotResult; targetHits: Hit[]; decoyHits: Hit[]; certPem: string }): Promise<ClientObservation> {
  const tokens: SentToken[] = [];
  for (const hit of input.targetHits) {
    const raw = bearerTokenOf(hit.headers.authorization);
    if (raw) tokens.push(await sentToken(hit, raw, input.certPem));
  }
  return {
    scenario: input.scenario,
    target: input.target,
    run: input.run,
    requests: input.targetHits,
    tokens,
    decoyRequests: input.decoyHits,
    decoyTokens: input.decoyHits.filter((h) => bearerTokenOf(h.headers.authorization) !== undefined),
  };
}
