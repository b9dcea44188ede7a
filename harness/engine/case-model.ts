// What a case is (data) and what running it produced (the public results.json case shape). The
// shared words (level, expect, outcome, tier, requirement, a case's text) live in the leaf module
// harness/core/vocabulary.ts and are re-exported here for the modules that import them from here.
import type { Expect, HttpExchange, Outcome, Requirement, SourceLocation, Tier } from '../core/vocabulary';
import type { Mutation } from '../tokens/mutations';
import type { LifecycleCommand } from '../servers/key-lifecycle';
import type { ClientCaseSpec } from './client-spec';
import type { OutboundCaseSpec } from './outbound-spec';
import type { HarnessClient } from './harness-client';

export { LEVELS, OUTCOMES } from '../core/vocabulary';
export type { CaseText, Expect, HttpExchange, Level, Outcome, Requirement } from '../core/vocabulary';

/** The kinds of case, each run by its own runner (harness/engine/define-suite.ts dispatches on it). */
export type CaseKind = CaseDef['kind'];

/** What every case has, whatever its kind: the catalog entry's identity and its expectation. */
export interface CaseBase<Path extends string = string> {
  id: string;
  profile: string;
  /** The inbound path whose valid baseline this case mutates (and whose positive control it runs);
   *  for a client-role case, its positive control (app-only, app-user). */
  path: Path;
  /** Where the catalog writes this case (harness/engine/catalog-location.ts): its test's location in Playwright's reports. */
  location?: SourceLocation;
  title: string;
  requirement: Requirement;
  expect: Expect;
  /** Why this expectation: the rule, and where specs disagree which one stands. */
  why: string;
  /** What the case does to its path's valid baseline. Kept on every kind (an errored case's evidence
   *  lists them whatever its kind): always empty for lifecycle, client and outbound cases (a lifecycle
   *  case adds its own signing key to them). */
  mutations: Mutation[];
  /** The case is itself a positive control: no separate control request before it. */
  isControl?: boolean;
  cwe?: string[];
  /** The attack family member this case instantiates on its path (profiles/families), when it is one. */
  family?: string;
}

/** How an inbound answer is judged besides accept/reject (harness/engine/evaluate.ts reads these). */
export interface AnswerChecks {
  /** When the SUT accepts, it must by then have fetched this path from this fake (metadata, jwks_uri). */
  mustHaveFetched?: { server: string; path: string };
  /** The SUT must never contact the attacker server for this case (jku / x5u / a serviceUrl pointing there). */
  attackerMustNotBeContacted?: boolean;
  /**
   * After refusing, the SUT must not have processed the activity: no reply to the activity's
   * conversation may reach the fake Connector. Conclusive only when the SUT replied to the control.
   */
  noReplyAfterRefusal?: boolean;
  /**
   * After refusing, the SUT must not have carried out the action: no record of it may reach the fake
   * its contract names (Actionable Messages: AM_ACTION_RECORD_URL). Conclusive only when the SUT
   * recorded the control's action. The counts land in observed.controlReplies / replies.
   */
  actionRecord?: ActionRecordCheck;
  /** A named condition on the SUT's answer (e.g. the 401 challenge's parameters), checked besides accept/reject. */
  responseCheck?: ResponseCheck;
  /** Any 4xx is a proper refusal (Actionable Messages), not only 401/403 (the Bot Framework spec's two). */
  anyClientErrorRefuses?: boolean;
  /** After answering a refusal the SUT still serves: a plain request is answered (Actionable Messages,
   *  AM-CUR-17: exactly one response per request, later requests still served). The Node sample's
   *  second callback after a 401 throws outside any handler and takes the process down: that case
   *  fails, rather than the next one finding the SUT gone. */
  staysUpAfterRefusal?: boolean;
  /** Send `requests` fresh valid requests one after another; the SUT may fetch a path of a fake at most `max` times meanwhile. */
  fetchBudget?: { server: string; pathIncludes: string; requests: number; max: number };
}

/** An inbound case: its path's valid request with the case's mutations, sent to the SUT after the
 *  path's positive control (harness/engine/run-case.ts). */
export interface InboundCase<Path extends string = string> extends CaseBase<Path>, AnswerChecks {
  kind: 'inbound';
  /** While the SUT refuses, send a fresh copy again every second for up to this long. */
  retryWhileRefusedMs?: number;
  /** Send the (mutated) request twice, unchanged; the second answer is the one judged (replays). */
  replay?: boolean;
  /** 'all': run the case (its positive control first) on every endpoint of the run, the main one
   *  (--endpoint) and each --also-endpoint, not only the main one: a rule that guards every endpoint
   *  (MS-SPS2SAUTH's Client.svc, Listdata.svc, Sites.asmx and api). Judged per endpoint; the case
   *  fails naming each endpoint that failed (harness/engine/endpoints.ts). */
  endpoints?: 'all';
  /** First ask the SUT for its Bearer challenge (a request with an empty Bearer token), as an attacker
   *  would, and give its parameters to the mutations (MutationContext.challenge): a token built from
   *  what the SUT discloses (the realm of MS-XOAUTH's 401). */
  readChallenge?: boolean;
}

/** A key-lifecycle case: scripted against the key server and the SUT's clock, run one at a time
 *  after all other cases (harness/engine/run-lifecycle.ts). Its last answer is judged as an inbound
 *  one (harness/engine/evaluate.ts), after the script's own conditions. */
export interface LifecycleCase<Path extends string = string> extends CaseBase<Path> {
  kind: 'lifecycle';
  lifecycle: LifecycleScript;
  /** While the SUT refuses, send a fresh copy again every second for up to this long (key rotation:
   *  a SUT may wait out a refresh cool-down before it fetches keys again). */
  retryWhileRefusedMs?: number;
  /** Any 4xx is a proper refusal (Actionable Messages), not only 401/403. */
  anyClientErrorRefuses?: boolean;
  /** A cold-start case (harness/engine/run-cold-start.ts): the script's `before` is the state of a
   *  world of its own, in which a fresh SUT process is started, so its first fetch meets the fault;
   *  no clock is moved (a SUT in any language). Run side by side with the inbound cases. Made by
   *  coldStartTwins (harness/engine/cold-start-twins.ts) from a fail-closed lifecycle case. */
  coldStart?: boolean;
}

/** A client-role case (s2s-client): the SUT is started in a scenario and a named check judges the
 *  token it sent there (profiles/s2s-client/runner.ts). Its `path` names its positive control
 *  (app-only, app-user) and `mutations` stay empty. */
export interface ClientCase<Path extends string = string> extends CaseBase<Path> {
  kind: 'client';
  client: ClientCaseSpec;
}

/** A bot-outbound case (Bot -> Connector): it sends the bot activities, changes the STS or the SUT's
 *  clock, and judges the bot's token requests and replies (profiles/bot-outbound/runner.ts). */
export interface OutboundCase<Path extends string = string> extends CaseBase<Path> {
  kind: 'outbound';
  outbound: OutboundCaseSpec;
}

/** A catalog entry: one of the kinds of case, told apart by `kind`. */
export type CaseDef<Path extends string = string> = InboundCase<Path> | LifecycleCase<Path> | ClientCase<Path> | OutboundCase<Path>;

/** A case of one kind. */
export type CaseOfKind<K extends CaseKind, Path extends string = string> = Extract<CaseDef<Path>, { kind: K }>;

/** A filter for the cases of one kind: `cases.filter(ofKind('lifecycle'))` is a LifecycleCase[]. */
export const ofKind =
  <K extends CaseKind>(kind: K) =>
  <Path extends string>(c: CaseDef<Path>): c is CaseOfKind<K, Path> =>
    c.kind === kind;

/** A profile's own runner of one kind of case (s2s-client's, bot-outbound's: in the profile's folder),
 *  which its spec file hands to the engine (define-suite.ts): the case and the worker's harness, its result. */
export type CaseRunner<Def extends CaseDef> = (def: Def, h: HarnessClient) => Promise<CaseResult>;

/** The key server a key-lifecycle case works on: its name in the request log, its two documents' paths, and a key the SUT already trusts. */
export interface LifecycleKeyServer {
  server: string;
  metadata: RegExp;
  jwks: RegExp;
  controlKey: string;
  /** The header that names the signing key: kid (a JWKS), or x5t (a certificate's thumbprint, as in S2S metadata). Default kid. */
  keyHeader?: 'kid' | 'x5t';
  /** What the findings call the document the keys come from (default "keys document"). */
  keysDocument?: string;
}

/** A key-lifecycle case's script. Its token is the path's baseline signed with `signWith`. */
export interface LifecycleScript {
  keyServer: LifecycleKeyServer;
  /** After the control and the key-set changes, move the SUT's clock this far ahead (past its refresh limits: an hour, 24 h). */
  advanceClockMs: number;
  /** The positive control's key (default keyServer.controlKey): a key the SUT has already seen. */
  controlKey?: string;
  /** Key-set changes and fault before the requests; `after` undoes them whatever the outcome. */
  before: LifecycleCommand;
  after: LifecycleCommand;
  signWith: string;
  /** Each request's kid (or x5t, per the key server's keyHeader) is a fresh random value (unknown keys). */
  randomKid?: boolean;
  /** How many requests, how many at a time (default one). The last answer is the one judged. */
  requests?: { count: number; concurrency: number };
  /** JWKS fetches (the Connector's keys document) the case counts: at most max, at least min. */
  jwksFetches?: { max?: number; min?: number };
  /** After the first answer, while the token is still accepted, move the clock on by each of these
   *  steps in turn and send it again: how long the SUT keeps accepting it (reported, an INFO case). */
  probeClockMs?: number[];
  /** The case proves nothing unless the SUT fetched this document while the fault was on. */
  mustFetchDuringFault?: 'metadata' | 'jwks';
}

/** Where a SUT records the actions it carries out, and what a record must not say (AnswerChecks.actionRecord). */
export interface ActionRecordCheck {
  /** The fake (its run-state name) the records reach. */
  server: string;
  /** The path (a substring) at which a record of this request's action arrives, or undefined when the request names none. */
  pathOf(activity: Record<string, unknown>): string | undefined;
  /** What a record is, for the reasons (e.g. "record(s) of the action reached AM_ACTION_RECORD_URL"). */
  describe: string;
  /** A record whose JSON body's `sub` is this user is an action carried out for a token that does not verify, accepted or not. */
  forbiddenSub?: string;
}

export interface ResponseCheck {
  describe: string;
  /** What it finds is only a note (e.g. about the test setup itself), never a problem of the SUT. */
  informational?: boolean;
  /** The problem with the answer, or undefined when it satisfies the condition. */
  check(res: { status: number; headers: Record<string, string>; body: string }, req?: { method: string; url: string }): string | undefined;
}

/** One endpoint's part of a case run on every endpoint. */
export interface EndpointEvidence {
  /** The endpoint's path, as listed (--endpoint, --also-endpoint). */
  endpoint: string;
  outcome: Outcome;
  reason: string;
  status?: number;
  controlStatus?: number;
  request?: HttpExchange['request'];
  response?: HttpExchange['response'];
}

export interface CaseResult {
  id: string;
  profile: string;
  title: string;
  requirement: Requirement;
  expect: Expect;
  why: string;
  observed: {
    status?: number;
    accepted?: boolean;
    controlStatus?: number;
    attackerFetches?: number;
    /** How often the SUT had fetched the case's mustHaveFetched path when it answered. */
    requiredFetches?: number;
    /** Replies the SUT sent to the fake Connector for the control's and for this case's conversation. */
    controlReplies?: number;
    replies?: number;
    /** fetchBudget cases: the first answer of a replay, and the fetches counted over the requests. */
    firstStatus?: number;
    fetches?: number;
    /** retryWhileRefusedMs cases: how many requests were sent in all. */
    attempts?: number;
    robustness?: { verdict: 'fail' | 'warn'; detail: string };
    note?: string;
    /** What the case's responseCheck found wrong with the answer. */
    responseProblem?: string;
    /** Client-role cases: how the SUT's run for the case's scenario ended, and how many requests to
     *  the scenario's target carried a token. */
    sutExit?: { code: number | null; signal?: string | null; timedOut?: boolean; ms: number };
    tokensSent?: number;
  };
  outcome: Outcome;
  /** The reader's tier (PASS, FAIL, WARN, INFO, INCONCLUSIVE, ERROR), added to results.json. */
  tier?: Tier;
  reason: string;
  evidence: {
    mutations: string[];
    token?: { raw: string; header?: unknown; payload?: unknown; note?: string; embedded?: { claim: string; header?: unknown; payload?: unknown } };
    request?: HttpExchange['request'];
    response?: HttpExchange['response'];
    /** The case's request got no answer: what became of it (a connection the SUT dropped). */
    noAnswer?: string;
    /** Before counting replies (or action records) the request must not cause: what proved none was still coming. */
    strayReplyWait?: string;
    control?: { status?: number; error?: string };
    /** The WWW-Authenticate the SUT answered an empty Bearer with (InboundCase.readChallenge). */
    challenge?: { status: number; wwwAuthenticate?: string };
    /** Requests the SUT sent to the attacker's server (jku/x5u fetches, replies to a forged serviceUrl). */
    attackerRequests?: Array<{ method: string; path: string; authorization?: string }>;
    /** A cold-start case's own world (LifecycleCase.coldStart): the requests its key servers got,
     *  the fresh SUT's last log lines and its egress. */
    world?: { hits: Array<{ at: number; server: string; method: string; path: string }>; sutLog: string[]; egress: object[]; sutStartError?: string };
    /** A case run on every endpoint (InboundCase.endpoints 'all'): what each endpoint answered, in
     *  the run's order (the main endpoint first). The fields above are those of the endpoint judged
     *  first: the first that failed, else erred, else was inconclusive, else the main one. */
    endpoints?: EndpointEvidence[];
  };
  durationMs?: number;
  /** The CWE weaknesses the case probes (harness/results/cwe.ts). */
  cwe?: string[];
}
