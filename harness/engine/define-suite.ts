// Turns a case catalog into Playwright tests: one test per case, titled by its id, tagged by level,
// with the case's result attached as JSON for the results reporter.
import { caseFilter, loadRunConfig } from '../run/config';
import type { CaseDef } from './case-model';
import { test } from './fixtures';
import { runCase, type BaselineFn } from './run-case';

export const RESULT_ATTACHMENT = 's2s-result';

export function defineSuite<Path extends string>(cases: CaseDef<Path>[], baseline: BaselineFn<Path>): void {
  const selected = cases.filter(caseFilter(loadRunConfig().grep));
  for (const def of selected) {
    test(
      `${def.id} ${def.title}`,
      {
        tag: [`@${def.requirement.level}`, `@${def.profile}`],
        annotation: [
          { type: 'requirement', description: `${def.requirement.ids.join(', ')} (${def.requirement.spec}, ${def.requirement.section})` },
          { type: 'expect', description: `${def.expect}: ${def.why}` },
        ],
      },
      async ({ harness }, testInfo) => {
        const result = await runCase(def, harness, baseline);
        await testInfo.attach(RESULT_ATTACHMENT, { body: JSON.stringify(result), contentType: 'application/json' });
        // `error` (the SUT is gone or unreachable) is shown as skipped: a failed Playwright test costs a
        // worker restart, and a dead SUT would otherwise pay it for every remaining case.
        if (result.outcome !== 'pass' && result.outcome !== 'fail') test.skip(true, `${result.outcome}: ${result.reason}`);
        if (result.outcome === 'fail') throw new Error(`${result.outcome.toUpperCase()} [${def.requirement.level}] ${result.reason}`);
      },
    );
  }
}
