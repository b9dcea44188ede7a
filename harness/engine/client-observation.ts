// What a client-role SUT did in one scenario, read from the fakes' request log: the requests its
// target received, the tokens among them decoded, the actor's signature verified against the SUT's
// certificate (jose; no crypto of our own), and whatever reached the decoy. The checks of the
// s2s-client cases are functions of this observation.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import type { CheckFinding } from '../core/vocabulary';
import type { Hit } from '../servers/router';
import { bearerTokenOf } from '../servers/s2s-resource';
import type { OneShotResult } from '../sut/one-shot';

/** The signatures a verifier could check with an RSA certificate; which one was used is judged by the cases. */
const RSA_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
/** The actor's claim in an outer token: MS-SPS2SAUTH's (what TokenHelper sends), then MS-XOAUTH's. */
export const ACTOR_CLAIMS = ['actortoken', 'actort'] as const;

export interface DecodedJwt {
  raw: string;
  header?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  /** Why it is not a compact JWT with a JSON object header and payload. */
  malformed?: string;
  /** The third segment as sent ('' for an unsigned token). */
  signature?: string;
}

export interface VerifiedActor extends DecodedJwt {
  /** Where it came from: the token itself (app-only) or a claim of the outer token. */
  claim?: (typeof ACTOR_CLAIMS)[number];
  /** Its signature verifies under the SUT's certificate (S2S_CLIENT_CERT). */
  verified: boolean;
  verifyError?: string;
}

export interface SentToken {
  /** The request that carried it, as the fake received it. */
  hit: Hit;
  token: DecodedJwt;
  /** The signed application token: the token itself when it is not alg none, else the outer token's actor. */
  actor?: VerifiedActor;
  /** The token is an unsigned outer token (alg none). */
  outer: boolean;
}

export interface ClientObservation {
  scenario: string;
  /** S2S_TARGET_URL of the run. */
  target: string;
  run: OneShotResult;
  /** Every request the target's server received for the scenario, in order. */
  requests: Hit[];
  /** The requests among them that carried a (non-empty) bearer token. */
  tokens: SentToken[];
  /** Requests that carried a token to the decoy (another origin). */
  decoyTokens: Hit[];
  /** Every request the decoy received for the scenario. */
  decoyRequests: Hit[];
}

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

/** What a scenario's token must carry, from its challenge, its target and the SUT's configuration. */
export interface ClientExpect {
  /** The challenge's realm and client_id (the resource's principal). */
  realm: string;
  clientId: string;
  /** host[:port] of S2S_TARGET_URL (the URI authority: no default port). */
  authority: string;
  /** S2S_ISSUER_ID and S2S_CLIENT_ID. */
  issuerId: string;
  ownId: string;
  /** base64url SHA-1 of S2S_CLIENT_CERT's DER. */
  x5t: string;
  /** S2S_USER, when the scenario sets it. */
  user?: string;
}

/** A named check's finding (the shared CheckFinding): what it saw when the SUT conforms, else the
 *  problem; `moot` when what the SUT did leaves the check nothing to judge (an `inconclusive` case,
 *  e.g. it never asked for the challenge). */
export type ClientVerdict = CheckFinding;
export type ClientCheck = (o: ClientObservation, x: ClientExpect) => ClientVerdict;

/** A client-role case: the scenario the SUT is started in, and the check on what it sent there. */
export interface ClientCaseSpec {
  scenario: string;
  check: ClientCheck;
}
