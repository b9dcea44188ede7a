// Console output while a run goes: failures as they happen, a count every few seconds, and a
// per-level summary at the end. Plain lines (CI logs have no cursor to move).
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { CATALOGS } from '../../suites';
import type { CaseResult, Level, Outcome } from '../engine/case-model';
import { loadRunConfig } from '../run/config';
import { readRunStatus } from '../run/run-status';
import { caseIdOf, caseResultOf } from './case-result-of';

const LEVELS: Level[] = ['MUST', 'SHOULD', 'MAY', 'INFO'];
const OUTCOMES: Outcome[] = ['pass', 'fail', 'inconclusive', 'skip', 'error'];

export default class ProgressReporter implements Reporter {
  private readonly run = loadRunConfig();
  private readonly catalog = new Map((CATALOGS[this.run.profile] ?? []).map((c) => [c.id, c]));
  private readonly done: CaseResult[] = [];
  private total = 0;
  private lastPrint = Date.now();

  onBegin(_config: FullConfig, suite: Suite): void {
    this.total = suite.allTests().length;
    const sut = this.run.sut ? this.run.sut.command : this.run.target;
    console.log(`s2s-conformance: ${this.total} cases of profile ${this.run.profile} against ${sut}`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const def = this.catalog.get(caseIdOf(test));
    if (!def) return;
    const r = caseResultOf(def, result);
    this.done.push(r);
    if (r.outcome === 'fail' || r.outcome === 'error') console.log(`  ${r.outcome.toUpperCase()} [${r.requirement.level}] ${r.id} ${r.title}: ${r.reason}`);
    if (Date.now() - this.lastPrint > 2000) {
      this.lastPrint = Date.now();
      console.log(`  … ${this.done.length}/${this.total} cases done, ${this.count('fail')} failed`);
    }
  }

  onEnd(full: FullResult): void {
    const harnessError = readRunStatus(this.run.outDir).harnessError;
    if (harnessError) console.log(`s2s-conformance: harness error: ${harnessError}`);
    console.log(`\n  level   ${OUTCOMES.map((o) => o.padStart(13)).join('')}`);
    for (const level of LEVELS) {
      const rows = this.done.filter((r) => r.requirement.level === level);
      if (rows.length) console.log(`  ${level.padEnd(7)} ${OUTCOMES.map((o) => String(rows.filter((r) => r.outcome === o).length).padStart(13)).join('')}`);
    }
    const robust = this.done.filter((r) => r.observed.robustness?.verdict === 'fail').length;
    console.log(`  ${this.done.length} cases run (${full.status}); ${robust} refused with a 5xx (robustness)`);
  }

  private count(o: Outcome): number {
    return this.done.filter((r) => r.outcome === o).length;
  }

  printsToStdio(): boolean {
    return true;
  }
}
