// What the S2S case catalog's parts share (./token-cases.ts, ./actor-cases.ts): the specs, a case's
// requirement in each profile, the entry's shape, and the helpers that build them.
import type { Expect, InboundCase, Level, LifecycleScript, ResponseCheck } from '../../harness/engine/case-model';
import * as M from '../../harness/tokens/mutations';
import type { S2sPath } from './facts';

export const SPS = 'ms-sps2sauth-sharepoint-s2s';
export const XO = 'ms-xoauth-oauth2-extensions';
export const FACTS = 'current-practice';
export const FACT = (topic: string) => `docs/facts.md > SharePoint high-trust S2S > ${topic}`;

/** A case's requirement in one profile. */
export interface Ref {
  ids: string[];
  section: string;
  level: Level;
  spec?: string;
}

export interface S2sCase {
  id: string;
  title: string;
  expect: Expect;
  why: string;
  path: S2sPath;
  mutations: M.Mutation[];
  sps?: Ref;
  xo?: Ref;
  isControl?: boolean;
  attackerMustNotBeContacted?: boolean;
  responseCheck?: ResponseCheck;
  cwe?: string[];
  /** A key-lifecycle case (run after all others, one at a time) on the STS's metadata document. */
  lifecycle?: Omit<LifecycleScript, 'keyServer'>;
  retryWhileRefusedMs?: number;
  /** 'all': run on every endpoint of the run (--endpoint and each --also-endpoint), ./endpoint-cases.ts. */
  endpoints?: 'all';
  /** Valid requests in a row, and how often the SUT may fetch a document of a fake meanwhile. */
  fetchBudget?: InboundCase['fetchBudget'];
  /** Read the SUT's Bearer challenge first and build the token from it (MutationContext.challenge). */
  readChallenge?: boolean;
}

export const sps = (level: Level, ids: string[], section: string, spec = SPS): Ref => ({ level, ids, section, spec });
export const xo = (level: Level, ids: string[], section: string, spec = XO): Ref => ({ level, ids, section, spec });
export const both = (level: Level, spsIds: string[], spsSection: string, xoIds: string[], xoSection: string) => ({ sps: sps(level, spsIds, spsSection), xo: xo(level, xoIds, xoSection) });
export const fact = (level: Level, ids: string[], topic: string): Ref => ({ level, ids, section: FACT(topic), spec: FACTS });

export const A = M.onEmbedded; // the mutation applies to the actor inside the outer token
export const later = 'MS-XOAUTH rev. 8.0 (2025) is the later document and stands';

export const GARBAGE_SIGNATURE = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 73 + 41) & 0xff)).toString('base64url');
export const emptyBearer = M.placeToken({ in: 'authorization-raw', value: 'Bearer ' }, 'Authorization: "Bearer " (empty token: realm discovery)');

/** The signature rule's requirement (criterion 1 of each spec), with any further ids. */
export const sigRef = (ids: string[] = []) => both('MUST', ['SPS-19', 'SPS-CUR-01', ...ids.filter((i) => i.startsWith('SPS'))], '3.1.5 Step 6, criterion 1', ['XO-31', ...ids.filter((i) => i.startsWith('XO'))], '3.2.5.6, criterion 1');
