// Console output while a run goes: failures as they happen, a count every few seconds, and a
// per-level summary at the end. Plain lines (CI logs have no cursor to move).
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { LEVELS, OUTCOMES, TIERS } from '../core/vocabulary';
import type { CaseResult } from '../engine/case-model';
import { summarize } from '../results/results-file';
import { loadRunConfig } from '../run/config';
import { readRunStatus } from '../run/run-status';
import { caseDefOf, catalogById, caseResultOf } from './case-result-of';

export default class ProgressReporter implements Reporter {
  private readonly run = loadRunConfig();
  private readonly catalog = catalogById(this.run.profile);
  private readonly done: CaseResult[] = [];
  private total = 0;
  private failed = 0;
  private lastPrint = Date.now();

  onBegin(_config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
    const sut = this.run.sut ? this.run.sut.command : this.run.target;
    console.log(`s2s-conformance: ${this.total} cases of profile ${this.run.profile} against ${sut}`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const def = caseDefOf(this.catalog, test);
    if (!def) return;
    const r = caseResultOf(def, result);
    this.done.push(r);
    if (r.outcome === 'fail') this.failed++;
    if (r.outcome === 'fail' || r.outcome === 'error') console.log(`  ${r.outcome.toUpperCase()} [${r.requirement.level}] ${r.id} ${r.title}: ${r.reason}`);
    if (Date.now() - this.lastPrint > 2000) {
      this.lastPrint = Date.now();
      console.log(`  … ${this.done.length}/${this.total} cases done, ${this.failed} failed`);
    }
  }

  onEnd(full: FullResult): void {
    const harnessError = readRunStatus(this.run.outDir).harnessError;
    if (harnessError) console.log(`s2s-conformance: harness error: ${harnessError}`);
    const summary = summarize(this.done);
    console.log(`\n  level   ${OUTCOMES.map((o) => o.padStart(13)).join('')}`);
    for (const level of LEVELS) {
      const counts = summary.byLevel[level];
      if (OUTCOMES.some((o) => counts[o] > 0)) console.log(`  ${level.padEnd(7)} ${OUTCOMES.map((o) => String(counts[o]).padStart(13)).join('')}`);
    }
    const tiers = summary.tiers ? TIERS.map((t) => `${summary.tiers![t]} ${t}`).join(', ') : '';
    // full.status is Playwright's view, in which a failing case is an expected failure: say only if the run was cut short.
    const ended = full.status === 'passed' ? '' : ` (run ${full.status})`;
    console.log(`  ${this.done.length} cases run${ended}: ${tiers}; ${summary.robustness.fail} refused with a 5xx or no answer (robustness)`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
