// The words every part of the harness shares: a requirement's level, what a case expects, the
// outcome of a case and the tier a reader sees, and the plain shapes built from them. A leaf: this
// module imports nothing, so anything may import it without making an import circle
// (tests/unit/import-circles.spec.ts checks both).

export const LEVELS = ['MUST', 'SHOULD', 'MAY', 'INFO'] as const;
export type Level = (typeof LEVELS)[number];

/** reject: the SUT must refuse; accept: it must take the request; either: observed and reported only. */
export type Expect = 'reject' | 'accept' | 'either';

/** The names under which a case's Playwright test carries its case id (an annotation: the reporters
 *  read the id from it, never from the title) and its result (a JSON attachment). */
export const CASE_ID_ANNOTATION = 'case-id';
export const RESULT_ATTACHMENT = 's2s-result';

/** A case's verdict in results.json. */
export const OUTCOMES = ['pass', 'fail', 'inconclusive', 'skip', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The reader's tier of a case (harness/results/gate.ts works it out from the outcome and the level):
 *  PASS, FAIL (a MUST failed), WARN (a SHOULD failed), INFO, INCONCLUSIVE, ERROR. */
export const TIERS = ['PASS', 'FAIL', 'WARN', 'INFO', 'INCONCLUSIVE', 'ERROR'] as const;
export type Tier = (typeof TIERS)[number];

/** A case's verdict and why: what every runner's judgement comes to. */
export interface Verdict {
  outcome: Outcome;
  reason: string;
}

/** What a named check found in what the SUT sent (a client-role or bot-outbound case): what it saw
 *  when the SUT conforms, else the problem; `moot` when what the SUT did leaves the check nothing to
 *  judge (the case is then `inconclusive`). */
export type CheckFinding = { ok: true; saw: string } | { ok: false; problem: string } | { ok: 'moot'; why: string };

export interface Requirement {
  /** Ids of the project's requirements catalog (profiles/requirements.json). */
  ids: string[];
  spec: string;
  section: string;
  level: Level;
}

/** What a suite writes of each case besides how it runs: its title, its requirement (level, ids,
 *  section, and the spec document when not the suite's own) and what it expects, and why. */
export interface CaseText {
  title: string;
  level: Level;
  ids: string[];
  section: string;
  spec?: string;
  expect: Expect;
  why: string;
  isControl?: boolean;
  cwe?: string[];
}

/** Where something is written in the project's sources (a catalog entry: harness/engine/catalog-location.ts). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One HTTP request and its answer (or why there was none), as evidence. */
export interface HttpExchange {
  request: { method: string; url: string; headers: Record<string, string> };
  response?: { status: number; headers: Record<string, string>; body: string; ms: number };
  error?: string;
}
