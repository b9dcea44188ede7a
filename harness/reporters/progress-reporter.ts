// Console output while a Playwright run goes (progress-lines.ts has the lines).
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { loadRunConfig } from '../run/config';
import { readRunStatus } from '../run/run-status';
import { caseDefOf, catalogById, caseResultOf } from './case-result-of';
import { ProgressLines } from './progress-lines';

export default class ProgressReporter implements Reporter {
  private readonly run = loadRunConfig();
  private readonly catalog = catalogById(this.run.profile);
  private readonly lines = new ProgressLines(this.run);

  onBegin(_config: FullConfig, suite: Suite): void {
    this.lines.begin(suite.allTests().length);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const def = caseDefOf(this.catalog, test);
    if (def) this.lines.caseDone(caseResultOf(def, result));
  }

  onEnd(full: FullResult): void {
    // full.status is Playwright's view, in which a failing case is an expected failure: say only if the run was cut short.
    this.lines.end(readRunStatus(this.run.outDir).harnessError, full.status === 'passed' ? '' : full.status);
  }

  printsToStdio(): boolean {
    return true;
  }
}
