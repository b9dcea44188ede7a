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

/** One entry of the expected-failures file: the reason alone (the first form, still valid), or the
 *  reason with who owns the departure and its last day (`until`, YYYY-MM-DD, UTC, inclusive). */
export type ExpectedFailureEntry = string | ExpectedFailure;
export interface ExpectedFailure {
  reason: string;
  owner?: string;
  until?: string;
}

/** Either form of an entry, as the object form. */
export const expectedFailureOf = (e: ExpectedFailureEntry): ExpectedFailure => (typeof e === 'string' ? { reason: e } : e);

/** Today's date (UTC) as YYYY-MM-DD, the form `until` is written in and compared as. */
export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

export interface GateOptions {
  strict?: boolean;
  /** Case id -> why it is a known departure (and, in the object form, its owner and last day). */
  expectFailures?: Record<string, ExpectedFailureEntry>;
  /** The run's date (UTC, YYYY-MM-DD) that `until` is compared with: an entry is valid through its
   *  `until` day and expired from the day after. A parameter so the gate never reads the clock itself
   *  when told; without it, today's date. */
  today?: string;
}

export interface Gate {
  strict: boolean;
  /** Cases that fail the gate: FAIL (and WARN when strict) not listed as expected, or listed by an
   *  entry that has expired. */
  failing: string[];
  /** Listed in the expected-failures file (an entry not expired) and still failing. */
  expectedFailures: Array<{ id: string } & ExpectedFailure>;
  /** Listed in the expected-failures file but passing now: take them out of the file. */
  nowPassing: string[];
  /** Entries whose `until` day is before the run's date: they excuse nothing any more, so their case
   *  is judged as if it were not listed (in `failing` if it still gates; in `nowPassing` if it passes).
   *  Absent in results written before entries could expire. */
  expired?: Array<{ id: string; reason: string; owner?: string; until: string }>;
}

export function gateOf(cases: Array<Pick<CaseResult, 'id' | 'outcome' | 'expect' | 'requirement'> & { observed?: CaseResult['observed'] }>, opts: GateOptions = {}): Gate {
  const expected = opts.expectFailures ?? {};
  const today = opts.today ?? utcDay(new Date());
  const gate: Gate = { strict: Boolean(opts.strict), failing: [], expectedFailures: [], nowPassing: [], expired: [] };
  for (const c of cases) {
    const tier = tierOf(c);
    const gating = tier === 'FAIL' || (gate.strict && tier === 'WARN');
    if (!Object.hasOwn(expected, c.id)) {
      if (gating) gate.failing.push(c.id);
      continue;
    }
    const entry = expectedFailureOf(expected[c.id]);
    // The `until` day itself is still valid: the entry expires the day after.
    const expired = entry.until !== undefined && entry.until < today;
    if (expired) gate.expired!.push({ id: c.id, reason: entry.reason, ...(entry.owner ? { owner: entry.owner } : {}), until: entry.until! });
    if (c.outcome === 'pass') gate.nowPassing.push(c.id);
    else if (expired) {
      if (gating) gate.failing.push(c.id);
    } else if (c.outcome === 'fail') gate.expectedFailures.push({ id: c.id, ...entry });
  }
  return gate;
}

/** One line per expired entry, for the CLI and the summaries: what expired, whose it was, and what
 *  became of its case. */
export function expiredLines(gate: Gate): string[] {
  return (gate.expired ?? []).map((e) => {
    const what = `expected failure ${e.id}${e.owner ? ` (owner: ${e.owner})` : ''} expired after ${e.until}`;
    if (gate.failing.includes(e.id)) return `${what}: the case still fails, so it fails the gate again`;
    if (gate.nowPassing.includes(e.id)) return `${what}: the case passes now, take the entry out of the file`;
    return `${what}: renew or remove the entry`;
  });
}
