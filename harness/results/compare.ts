// Two results.json files of the same SUT, before and after: what changed, case by case. The
// regression gate: a MUST case that now fails (and did not before, or did not exist) is a regression.
import type { CaseResult } from '../engine/case-model';
import type { ResultsDoc } from './results-file';

export interface Comparison {
  newlyFailing: CaseResult[];
  newlyPassing: CaseResult[];
  appeared: CaseResult[];
  disappeared: CaseResult[];
  /** MUST cases failing in HEAD that did not fail in BASE (appeared ones included). */
  mustRegressions: CaseResult[];
}

export function compareResults(base: ResultsDoc, head: ResultsDoc): Comparison {
  const before = new Map(base.cases.map((c) => [c.id, c]));
  const after = new Map(head.cases.map((c) => [c.id, c]));
  const cmp: Comparison = { newlyFailing: [], newlyPassing: [], appeared: [], disappeared: [], mustRegressions: [] };
  for (const c of head.cases) {
    const b = before.get(c.id);
    if (!b) cmp.appeared.push(c);
    else if (c.outcome === 'fail' && b.outcome !== 'fail') cmp.newlyFailing.push(c);
    else if (c.outcome === 'pass' && b.outcome !== 'pass') cmp.newlyPassing.push(c);
    if (c.outcome === 'fail' && c.requirement.level === 'MUST' && b?.outcome !== 'fail') cmp.mustRegressions.push(c);
  }
  for (const b of base.cases) if (!after.has(b.id)) cmp.disappeared.push(b);
  return cmp;
}

export function comparisonText(cmp: Comparison): string {
  const section = (title: string, cases: CaseResult[], detail: (c: CaseResult) => string) =>
    cases.length ? [`${title} (${cases.length}):`, ...cases.map((c) => `  ${c.id} [${c.requirement.level}] ${detail(c)}`)] : [];
  return [
    ...section('newly failing', cmp.newlyFailing, (c) => c.reason),
    ...section('newly passing', cmp.newlyPassing, (c) => c.title),
    ...section('appeared', cmp.appeared, (c) => `${c.outcome}: ${c.title}`),
    ...section('disappeared', cmp.disappeared, (c) => c.title),
    `${cmp.mustRegressions.length} new MUST failure(s)`,
  ].join('\n');
}
