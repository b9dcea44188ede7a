// Reads a case's result from its Playwright test result; a test that died before attaching one
// (timeout, crash in the harness) becomes an `error` result built from the catalog entry.
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { CATALOGS, type ProfileName } from '../../profiles/registry';
import { CASE_ID_ANNOTATION, RESULT_ATTACHMENT } from '../core/vocabulary';
import type { CaseDef, CaseResult } from '../engine/case-model';
import { errorResult } from '../engine/case-identity';

/** The case id a test carries as data (define-suite's `case-id` annotation); never read from its title.
 *  Undefined for a test that is not a case. */
export const caseIdOf = (test: Pick<TestCase, 'annotations'>): string | undefined => test.annotations.find((a) => a.type === CASE_ID_ANNOTATION)?.description;

/** The run's catalog by case id: how each reporter finds the case a test is. */
export const catalogById = (profile: string): Map<string, CaseDef> => new Map((CATALOGS[profile as ProfileName] ?? []).map((c) => [c.id, c]));

/** The catalog entry a test runs, if it is a case of this catalog. */
export function caseDefOf(catalog: Map<string, CaseDef>, test: Pick<TestCase, 'annotations'>): CaseDef | undefined {
  const id = caseIdOf(test);
  return id === undefined ? undefined : catalog.get(id);
}

export { errorResult };

export function caseResultOf(def: CaseDef, result: TestResult): CaseResult {
  const attachment = result.attachments.find((a) => a.name === RESULT_ATTACHMENT);
  if (attachment?.body) return JSON.parse(attachment.body.toString('utf8')) as CaseResult;
  const why = result.error?.message?.split('\n')[0] ?? `the test ended ${result.status} without a result`;
  return errorResult(def, `harness: ${why}`);
}
