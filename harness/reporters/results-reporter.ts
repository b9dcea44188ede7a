// Writes results.json (public interface; JSON Schema in fixtures/schemas/results.schema.json) at the
// end of every run, whole: cases that never ran are `error` with the reason, so nothing is lost when
// the SUT would not start, crashed or hung. junit.xml is written from it, with the same verdicts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { CATALOGS } from '../../suites';
import type { CaseDef, CaseResult } from '../engine/case-model';
import { caseFilter, loadRunConfig, type RunConfig } from '../run/config';
import { egressLogIn, readRunStatus } from '../run/run-status';
import { createHash } from 'node:crypto';
import { junitXml } from '../results/junit';
import { summaryHtml, summaryMarkdown } from '../results/summary';
import { buildResults, validateResults } from '../results/results-file';
import { caseIdOf, caseResultOf, errorResult } from './case-result-of';

export default class ResultsReporter implements Reporter {
  private readonly run: RunConfig = loadRunConfig();
  private readonly catalog: Map<string, CaseDef> = new Map((CATALOGS[this.run.profile] ?? []).map((c) => [c.id, c]));
  private readonly results = new Map<string, CaseResult>();
  private readonly startedAt = new Date().toISOString();

  onTestEnd(test: TestCase, result: TestResult): void {
    const def = this.catalog.get(caseIdOf(test));
    if (def) this.results.set(def.id, caseResultOf(def, result));
  }

  onEnd(full: FullResult): void {
    const status = readRunStatus(this.run.outDir);
    const notRun = status.harnessError ? `not run: ${status.harnessError}` : `not run (the run ended ${full.status})`;
    const cases = [...this.catalog.values()].filter(caseFilter(this.run.grep)).map((def) => this.results.get(def.id) ?? errorResult(def, notRun));
    const egressLog = egressLogIn(this.run.outDir);
    const egress = existsSync(egressLog) ? readFileSync(egressLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as object) : [];
    const doc = buildResults({ run: this.run, cases, startedAt: this.startedAt, finishedAt: new Date().toISOString(), harnessError: status.harnessError, egress });
    validateResults(doc);
    const text = JSON.stringify(doc, null, 2);
    writeFileSync(path.join(this.run.outDir, 'results.json'), text);
    writeFileSync(path.join(this.run.outDir, 'junit.xml'), junitXml(doc));
    const sha256 = createHash('sha256').update(text).digest('hex');
    writeFileSync(path.join(this.run.outDir, 'summary.md'), summaryMarkdown(doc, sha256));
    writeFileSync(path.join(this.run.outDir, 'summary.html'), summaryHtml(doc, sha256));
  }

  printsToStdio(): boolean {
    return false;
  }
}
