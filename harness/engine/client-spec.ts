// What a client-role case (s2s-client) is, as the case model names it: the scenario the SUT is started
// in and the check on what it sent there, with the observation a check reads and what it expects.
// Types (and the actor claims' names) only: the observation is made and the case run by the profile's
// own runner, profiles/s2s-client/observation.ts and runner.ts, which the engine does not import.
import type { CheckFinding } from '../core/vocabulary';
import type { Hit } from '../servers/router';
import type { OneShotResult } from '../sut/one-shot';

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
