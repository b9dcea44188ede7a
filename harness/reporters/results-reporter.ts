// Writes results.json (public interface; JSON Schema in fixtures/schemas/results.schema.json) at the
// end of every run, whole: cases that never ran are `error` with the reason, so nothing is lost when
// the SUT would not start, crashed or hung. junit.xml is written from it, with the same verdicts.
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { CaseDef, CaseResult } from '../engine/case-model';
import { loadRunConfig, type RunConfig } from '../run/config';
import { finishRun } from '../results/finish-run';
import { caseDefOf, catalogById, caseIdOf, caseResultOf } from './case-result-of';

export default class ResultsReporter implements Reporter {
  private readonly run: RunConfig = loadRunConfig();
  private readonly catalog: Map<string, CaseDef> = catalogById(this.run.profile);
  private readonly results = new Map<string, CaseResult>();
  private readonly startedAt = new Date().toISOString();
  /** The cases of this slice when the run is sharded (--shard): the others belong to other slices. */
  private inThisShard?: Set<string>;

  onBegin(_config: FullConfig, suite: Suite): void {
    if (this.run.shard) this.inThisShard = new Set(suite.allTests().flatMap((t) => caseIdOf(t) ?? []));
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const def = caseDefOf(this.catalog, test);
    if (def) this.results.set(def.id, caseResultOf(def, result));
  }

  onEnd(full: FullResult): void {
    finishRun({ run: this.run, results: this.results, startedAt: this.startedAt, ended: full.status, inThisSlice: this.inThisShard });
  }

  printsToStdio(): boolean {
    return false;
  }
}
