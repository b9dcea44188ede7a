// Latency percentiles by the nearest-rank method: the reported value is always one that was really
// measured (no interpolation between two requests), which is what a reader of "p99 = 12 ms" expects.

/** The nearest-rank p-th percentile (0 < p <= 100) of `values`; null when there are none. */
export function nearestRank(values: readonly number[], p: number): number | null {
  return rankOfSorted([...values].sort((a, b) => a - b), p);
}

function rankOfSorted(sorted: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (sorted.length === 0) return null;
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

export interface LatencySummary {
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
}

/** p50/p90/p99/max in milliseconds, rounded to 0.01 ms (timer noise below that is meaningless). */
export function latencySummary(ms: readonly number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    p50: round(rankOfSorted(sorted, 50)),
    p90: round(rankOfSorted(sorted, 90)),
    p99: round(rankOfSorted(sorted, 99)),
    max: round(rankOfSorted(sorted, 100)),
  };
}
