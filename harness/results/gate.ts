// The verdict a CI job gates on. Each case gets a tier a reader knows from Autobahn and h2spec:
// PASS, FAIL (a MUST failed), WARN (a SHOULD failed), INFO (informational, either outcome allowed),
// INCONCLUSIVE (the positive control failed, or not run), ERROR (the SUT was gone). The gate fails
// on FAIL, and on WARN with --strict, except for the cases an expected-failures file lists (known
// departures); an expected failure that now passes is reported so the file is kept honest.
import { TIERS, type Tier } from '../core/vocabulary';
import type { CaseResult } from '../engine/case-model';

export { TIERS, type Tier };

/** A refusal answered with a 5xx is a check of its own at SHOULD (LEVELS.md; BF-CUR-15, AM-CUR-11:
 *  refuse with a 4xx): the token was still refused, so the case's own rule holds, but its tier is WARN.
 *  A connection dropped without an answer by a SUT that still serves is judged the same (evaluate.ts). */
export const refusedWithServerError = (c: { observed?: CaseResult['observed'] }): boolean => c.observed?.robustness?.verdict === 'fail';

export function tierOf(c: Pick<CaseResult, 'outcome' | 'expect' | 'requirement'> & { observed?: CaseResult['observed'] }): Tier {
  switch (c.outcome) {
    case 'pass':
      if (refusedWithServerError(c)) return 'WARN';
      return c.expect === 'either' || c.requirement.level === 'INFO' ? 'INFO' : 'PASS';
    case 'fail':
      return c.requirement.level === 'MUST' ? 'FAIL' : c.requirement.level === 'SHOULD' || refusedWithServerError(c) ? 'WARN' : 'INFO';
    case 'error':
      return 'ERROR';
    default:
      return 'INCONCLUSIVE';
  }
}

/** A case's tier as written, or worked out for files written before tiers existed. */
export const tierOfCase = (c: Pick<CaseResult, 'outcome' | 'expect' | 'requirement' | 'tier'>): Tier => c.tier ?? tierOf(c);

/** How many cases of each tier: a results file's own count, or one worked out for older files. */
export function tierCounts(doc: { cases: CaseResult[]; summary: { tiers?: Record<Tier, number> } }): Record<Tier, number> {
  if (doc.summary.tiers) return doc.summary.tiers;
  const n = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  for (const c of doc.cases) n[tierOfCase(c)]++;
  return n;
}

export interface GateOptions {
  strict?: boolean;
  /** Case id -> why it is a known departure. */
  expectFailures?: Record<string, string>;
}

export interface Gate {
  strict: boolean;
  /** Cases that fail the gate: FAIL (and WARN when strict) not listed as expected. */
  failing: string[];
  /** Listed in the expected-failures file and still failing. */
  expectedFailures: Array<{ id: string; reason: string }>;
  /** Listed in the expected-failures file but passing now: take them out of the file. */
  nowPassing: string[];
}

export function gateOf(cases: Array<Pick<CaseResult, 'id' | 'outcome' | 'expect' | 'requirement'> & { observed?: CaseResult['observed'] }>, opts: GateOptions = {}): Gate {
  const expected = opts.expectFailures ?? {};
  const gate: Gate = { strict: Boolean(opts.strict), failing: [], expectedFailures: [], nowPassing: [] };
  for (const c of cases) {
    const tier = tierOf(c);
    const gating = tier === 'FAIL' || (gate.strict && tier === 'WARN');
    if (Object.hasOwn(expected, c.id)) {
      if (c.outcome === 'fail') gate.expectedFailures.push({ id: c.id, reason: expected[c.id] });
      else if (c.outcome === 'pass') gate.nowPassing.push(c.id);
    } else if (gating) gate.failing.push(c.id);
  }
  return gate;
}
