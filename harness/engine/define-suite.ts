// Turns a case catalog into Playwright tests: one test per case, titled by its id and title, carrying
// its id as an annotation (`case-id`, what the reporters find the case by), tagged by level, with the
// case's result attached as JSON for the results reporter. Key-lifecycle cases (they move the SUT's
// clock and break the key server) go into their own spec file, which the configuration runs after
// all other cases, one case at a time. The engine runs the inbound and lifecycle cases itself; a
// profile with a runner of its own (s2s-client, bot-outbound) keeps it in its folder and its spec
// file hands it in (defineClientSuite, defineOutboundSuite): nothing here imports a profile.
import { caseFilter, loadRunConfig } from '../run/config';
import { ofKind, type CaseDef, type CaseRunner, type ClientCase, type OutboundCase } from './case-model';
import { test } from './fixtures';
import type { BaselineFn } from './run-case';
import { extraTimeoutMs, longestWaitFirst, runAndRedact, runsInItsOwnWorld, type SuiteContext } from './case-dispatch';
import { evidenceAttachments } from '../results/evidence-attachments';
import { CASE_ID_ANNOTATION, RESULT_ATTACHMENT } from '../core/vocabulary';
import { defineAt } from './catalog-location';

function defineCases<Path extends string>(cases: CaseDef<Path>[], suite: SuiteContext<Path>): void {
  const config = loadRunConfig();
  const selected = cases.filter(caseFilter(config.grep));
  for (const def of selected) {
    // Recorded at the case's catalog entry (when the catalog says where), not at this line.
    defineAt(def.location, () => test(
      `${def.id} ${def.title}`,
      {
        tag: [`@${def.requirement.level}`, `@${def.profile}`],
        annotation: [
          // The case id as data: the reporters find the case by it (the title is for people).
          { type: CASE_ID_ANNOTATION, description: def.id },
          { type: 'requirement', description: `${def.requirement.ids.join(', ')} (${def.requirement.spec}, ${def.requirement.section})` },
          { type: 'expect', description: `${def.expect}: ${def.why}` },
        ],
      },
      async ({ harness }, testInfo) => {
        const extra = extraTimeoutMs(def, config);
        if (extra) testInfo.setTimeout(testInfo.timeout + extra);
        const result = await runAndRedact(def, harness, suite);
        await testInfo.attach(RESULT_ATTACHMENT, { body: JSON.stringify(result), contentType: 'application/json' });
        if (!config.onlyResults) for (const a of evidenceAttachments(result)) await testInfo.attach(a.name, { body: a.body, contentType: a.contentType });
        // Playwright restarts its worker after every unexpected failure (about a second each), which
        // made a run on a flawed SUT spend most of its time restarting. So a failing case is declared
        // an expected failure before it throws: Playwright's HTML report shows it as "expected to
        // fail" with the verdict annotated; results.json, junit.xml and the console carry the verdict.
        // `error` and `inconclusive` are shown as skipped, with the reason.
        if (result.outcome !== 'pass' && result.outcome !== 'fail') test.skip(true, `${result.outcome}: ${result.reason}`);
        if (result.outcome === 'fail') {
          testInfo.annotations.push({ type: 'verdict', description: `FAIL [${def.requirement.level}] ${result.reason}` });
          test.fail();
          throw new Error(`FAIL [${def.requirement.level}] ${result.reason}`);
        }
      },
    ));
  }
}

/** The profile's inbound cases and its cold-start cases (each in a world of its own), side by side:
 *  all but the key-lifecycle ones that share the run's world. */
export function defineSuite<Path extends string>(cases: CaseDef<Path>[], baseline: BaselineFn<Path>): void {
  // The cold-start cases first (the hung key server's first of them): each mostly waits (a process
  // starting, a hung key server), so their waits overlap the inbound cases instead of trailing the run.
  const coldStart = longestWaitFirst(cases.filter(runsInItsOwnWorld));
  defineCases([...coldStart, ...cases.filter(ofKind('inbound'))], { baseline });
}

/** The key-lifecycle cases on the run's SUT, in catalog order (from a `*.lifecycle.spec.ts` file: see playwright.config.ts). */
export function defineLifecycleSuite<Path extends string>(cases: CaseDef<Path>[], baseline: BaselineFn<Path>): void {
  defineCases(cases.filter(ofKind('lifecycle')).filter((c) => !runsInItsOwnWorld(c)), { baseline });
}

/** The baseline of a suite whose cases build no mutated request (the SUT sends the tokens): never called. */
const noBaseline = (why: string) => (): never => {
  throw new Error(why);
};

/** A client-role profile's cases (s2s-client), each run by the profile's runner (profiles/s2s-client/runner.ts:
 *  the one-shot SUT in the case's scenario, judged against the catalog's positive controls). */
export function defineClientSuite(catalog: CaseDef[], runner: CaseRunner<ClientCase>): void {
  defineCases(catalog.filter(ofKind('client')), { baseline: noBaseline('a client-role case has no request to send'), client: runner });
}

/** bot-outbound's cases (the bot's replies), one at a time in catalog order (from a `*.serial.spec.ts` file:
 *  the bot's token cache is state they share), each judged by the profile's runner (profiles/bot-outbound/runner.ts). */
export function defineOutboundSuite(catalog: CaseDef[], runner: CaseRunner<OutboundCase>): void {
  defineCases(catalog.filter(ofKind('outbound')), { baseline: noBaseline('a bot-outbound case builds its own activities'), outbound: runner });
}
