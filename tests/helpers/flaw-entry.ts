// What a run on a flawed SUT is pinned to: the cases per outcome, the robustness failures, the
// informational cases whose response check noted something, and the egress count.
import type { ResultsDoc } from '../../harness/results/results-file';

export interface FlawEntry {
  fail: string[];
  inconclusive: string[];
  robustness: string[];
  error: string[];
  noted?: string[];
  egress: number;
}

const ids = (doc: ResultsDoc, keep: (c: ResultsDoc['cases'][number]) => boolean): string[] => doc.cases.filter(keep).map((c) => c.id).sort();

export function flawEntry(doc: ResultsDoc): FlawEntry {
  const entry: FlawEntry = {
    fail: ids(doc, (c) => c.outcome === 'fail'),
    inconclusive: ids(doc, (c) => c.outcome === 'inconclusive'),
    robustness: ids(doc, (c) => c.observed.robustness?.verdict === 'fail'),
    error: ids(doc, (c) => c.outcome === 'error'),
    egress: doc.harness.egress.length,
  };
  const noted = ids(doc, (c) => c.outcome === 'pass' && Boolean(c.observed.responseProblem));
  if (noted.length) entry.noted = noted;
  return entry;
}
