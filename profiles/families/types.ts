// Attack families: generic rules written once and instantiated on every inbound token path. A
// family member says what it does to a valid token (through the path's facts: its keys, issuer,
// audience, how it writes times), what it expects and at which level (LEVELS.md's rule, the same on
// every path). A path says what its token is, which requirement each family checks there, and the
// case id each member has there (ids are public: a member's id on a path never changes).
import type { Expect, Level, SourceLocation } from '../../harness/core/vocabulary';
import type { Mutation, MutationContext } from '../../harness/tokens/mutations';

export const FAMILIES = ['transport', 'jws-form', 'algorithm', 'key-resolution', 'signature', 'time', 'audience', 'issuer', 'claim-types'] as const;
export type FamilyName = (typeof FAMILIES)[number];

/** Where a family's rule is written for one path: requirement ids, the section, and the document when not the profile's own. */
export interface FamilyRef {
  ids: string[];
  section: string;
  spec?: string;
}

/** One inbound token path as the families see it. */
export interface TokenPath {
  /** Stable name: bf-channel, bf-emulator, am-legacy, am-entra, s2s-app, s2s-actor, s2s-outer. */
  name: string;
  /** What the path is, for the matrix and the docs. */
  describe: string;
  /** Put before each member's title on this path (e.g. "actor: "), so the case says which token it changes. */
  titlePrefix?: string;
  /** The profile path whose valid baseline the cases mutate (and whose positive control they run). */
  profilePath: string;
  /** The token is signed (the S2S outer token is not: its trust comes from the signed actor). */
  signed: boolean;
  /** The token is the request's credential (the S2S actor travels inside the outer token instead). */
  inRequest: boolean;
  /** How a mutation reaches this path's token (the actor: through the outer token). */
  on(mutation: Mutation): Mutation;
  /** The header that names the signing key. */
  keyHeader: 'kid' | 'x5t';
  /** Sign with a named key of the path's world, the key named in the key header. */
  signWith(key: string): Mutation;
  /** The attacker's key: a key pair no configuration or key document of the path trusts. */
  keys: { rogue: string };
  /** Set a time claim relative to now, as this path's producer writes times (numbers, or TokenHelper's strings). */
  time(claim: 'exp' | 'nbf', offsetSeconds: number): Mutation;
  iss: { valid: string; foreign: string };
  aud: { valid: string; other: string };
  /** The request method of the path (a GET carries a body token as a form POST). */
  method: 'GET' | 'POST';
  /** The requirement each family checks on this path; a family without one does not apply here (say why in `notApplicable`). */
  refs: Partial<Record<FamilyName, FamilyRef>>;
  /** Families or members that do not apply here, and why (the completeness matrix shows the reason). */
  notApplicable?: Partial<Record<FamilyName | string, string>>;
  /** Case id suffix (after the profile prefix) of each member on this path: existing ids kept, new ones allocated once. */
  ids: Record<string, string>;
  /** The request header that carries the token on this path, when not Authorization (Actionable Messages'
   *  Action-Authorization): every case moves the baseline's token there first, and the transport members
   *  that write a scheme write it in this header. */
  tokenHeader?: string;
  /** Extra fields every case of the path carries (e.g. Actionable Messages' "any 4xx refuses"). */
  extra?: { anyClientErrorRefuses?: boolean };
}

/** One generic rule of a family. */
export interface FamilyMember {
  /** Stable key: family.member (e.g. algorithm.none-keep-none). */
  key: string;
  family: FamilyName;
  title: string;
  why: string;
  level: Level;
  expect: Expect;
  cwe: string[];
  mutations(p: TokenPath): Mutation[];
  /** Why the member does not apply to a path (undefined: it applies). */
  notApplicable?(p: TokenPath): string | undefined;
  attackerMustNotBeContacted?: boolean;
  /** Where the member is written (its cases' location in Playwright's reports). */
  location?: SourceLocation;
}

export type { Mutation, MutationContext };
