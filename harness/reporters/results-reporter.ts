// Writes results.json (public interface; JSON Schema in fixtures/schemas/results.schema.json) at the
// end of every run, whole: cases that never ran are `error` with the reason, so nothing is lost when
// the SUT would not start, crashed or hung. junit.xml is written from it, with the same verdicts.
import { existsSync, readFileSync } from 'node:fs';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { CaseDef, CaseResult } from '../engine/case-model';
import { caseFilter, loadRunConfig, type RunConfig } from '../run/config';
import { egressLogIn, proxyFileIn, readRunStatus } from '../run/run-status';
import { buildResults, type ProxyRecord } from '../results/results-file';
import { writeRunOutputs } from '../results/write-outputs';
import { caseDefOf, catalogById, caseIdOf, caseResultOf, errorResult } from './case-result-of';

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
    const status = readRunStatus(this.run.outDir);
    const notRun = status.harnessError ? `not run: ${status.harnessError}` : `not run (the run ended ${full.status})`;
    const cases = [...this.catalog.values()]
      .filter(caseFilter(this.run.grep))
      .filter((def) => !this.inThisShard || this.inThisShard.has(def.id))
      .map((def) => this.results.get(def.id) ?? errorResult(def, notRun));
    const egressLog = egressLogIn(this.run.outDir);
    const egress = existsSync(egressLog) ? readFileSync(egressLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as object) : [];
    const proxyFile = proxyFileIn(this.run.outDir);
    const proxy = this.run.proxy && existsSync(proxyFile) ? (JSON.parse(readFileSync(proxyFile, 'utf8')) as ProxyRecord) : undefined;
    const doc = buildResults({ run: this.run, cases, startedAt: this.startedAt, finishedAt: new Date().toISOString(), harnessError: status.harnessError, egress, proxy });
    writeRunOutputs(this.run.outDir, doc);
  }

  printsToStdio(): boolean {
    return false;
  }
}
