// The console lines of a run as it goes: failures as they happen, a count every few seconds, and a
// per-level summary at the end. Plain lines (CI logs have no cursor to move). Printed by the
// Playwright progress reporter and by the in-process engine alike.
import { LEVELS, OUTCOMES, TIERS } from '../core/vocabulary';
import type { CaseResult } from '../engine/case-model';
import { summarize } from '../results/results-file';
import type { RunConfig } from '../run/config';

export class ProgressLines {
  private readonly done: CaseResult[] = [];
  private total = 0;
  private failed = 0;
  private lastPrint = Date.now();

  constructor(
    private readonly run: RunConfig,
    private readonly print: (line: string) => void = console.log,
  ) {}

  begin(total: number): void {
    this.total = total;
    const sut = this.run.sut ? this.run.sut.command : this.run.target;
    this.print(`s2s-conformance: ${total} cases of profile ${this.run.profile} against ${sut}`);
  }

  caseDone(r: CaseResult): void {
    this.done.push(r);
    if (r.outcome === 'fail') this.failed++;
    if (r.outcome === 'fail' || r.outcome === 'error') this.print(`  ${r.outcome.toUpperCase()} [${r.requirement.level}] ${r.id} ${r.title}: ${r.reason}`);
    if (Date.now() - this.lastPrint > 2000) {
      this.lastPrint = Date.now();
      this.print(`  … ${this.done.length}/${this.total} cases done, ${this.failed} failed`);
    }
  }

  /** `ended`: '' for a run that went to its end, else how it was cut short. */
  end(harnessError: string | undefined, ended: string): void {
    if (harnessError) this.print(`s2s-conformance: harness error: ${harnessError}`);
    const summary = summarize(this.done);
    this.print(`\n  level   ${OUTCOMES.map((o) => o.padStart(13)).join('')}`);
    for (const level of LEVELS) {
      const counts = summary.byLevel[level];
      if (OUTCOMES.some((o) => counts[o] > 0)) this.print(`  ${level.padEnd(7)} ${OUTCOMES.map((o) => String(counts[o]).padStart(13)).join('')}`);
    }
    const tiers = summary.tiers ? TIERS.map((t) => `${summary.tiers![t]} ${t}`).join(', ') : '';
    this.print(`  ${this.done.length} cases run${ended ? ` (run ${ended})` : ''}: ${tiers}; ${summary.robustness.fail} refused with a 5xx or no answer (robustness)`);
  }
}
