// allure-playwright, told the true verdict. A failing case is a Playwright "expected failure" (see
// define-suite), which allure-playwright would show as passed; this reporter hands it a view of each
// test whose status is the case's tier, and adds what a reviewer filters by: the profile (epic), the
// spec section (feature), the case id, the severity from the requirement level, CWE tags and links to
// the spec and the CWE entries. The attachments (token, request, response, result) come from the test.
import { AllureReporter } from 'allure-playwright';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import type { Level } from '../core/vocabulary';
import type { CaseDef } from '../engine/case-model';
import { loadRunConfig } from '../run/config';
import { tierOf, type Tier } from '../results/gate';
import { cweOf } from '../results/cwe';
import { specLinkOf } from '../results/spec-links';
import { caseDefOf, catalogById, caseResultOf } from './case-result-of';

const SEVERITY: Record<Level, string> = { MUST: 'critical', SHOULD: 'normal', MAY: 'minor', INFO: 'trivial' };

/** Tier -> the Playwright status (and expected status) that allure-playwright maps to the Allure status we mean. */
const AS_PLAYWRIGHT: Record<Tier, { status: TestResult['status']; expected: TestCase['expectedStatus'] }> = {
  PASS: { status: 'passed', expected: 'passed' }, // passed
  INFO: { status: 'passed', expected: 'passed' }, // passed; the finding is in the result attachment
  FAIL: { status: 'failed', expected: 'passed' }, // failed
  WARN: { status: 'failed', expected: 'passed' }, // failed, severity normal
  INCONCLUSIVE: { status: 'skipped', expected: 'skipped' }, // skipped
  ERROR: { status: 'timedOut', expected: 'passed' }, // broken
};

interface Label { name: string; value: string }
interface Link { name?: string; url: string; type?: string }
/** The two members of allure-playwright 3.12 (pinned) this relies on; tests/cli.spec.ts reads the labels back. */
interface AllureInternals {
  allureResultsUuids: Map<string, string>;
  allureRuntime: { updateTest(uuid: string, update: (r: { labels: Label[]; links: Link[]; description?: string }) => void): void };
}

export function allureLabelsOf(def: CaseDef, tier: Tier): { labels: Label[]; links: Link[]; description: string } {
  const cwe = cweOf(def);
  const spec = specLinkOf(def.requirement);
  return {
    labels: [
      { name: 'epic', value: def.profile },
      { name: 'feature', value: `${def.requirement.spec} ${def.requirement.section}` },
      { name: 'story', value: def.id.replace(/-\d+$/, '') },
      { name: 'case', value: def.id },
      { name: 'severity', value: SEVERITY[def.requirement.level] },
      { name: 'tag', value: tier },
      ...cwe.map((id) => ({ name: 'tag', value: id })),
      ...def.requirement.ids.map((id) => ({ name: 'requirement', value: id })),
    ],
    links: [
      ...(spec ? [{ ...spec, type: 'link' }] : []),
      ...cwe.map((id) => ({ name: id, url: `https://cwe.mitre.org/data/definitions/${id.slice(4)}.html`, type: 'link' })),
    ],
    description: `Expected: ${def.expect}. ${def.why}\n\nRequirement ${def.requirement.ids.join(', ')} (${def.requirement.level}), ${def.requirement.spec}, ${def.requirement.section}.`,
  };
}

export default class TieredAllureReporter extends AllureReporter {
  private readonly catalog = catalogById(loadRunConfig().profile);

  override async onTestEnd(test: TestCase, result: TestResult): Promise<void> {
    const def = caseDefOf(this.catalog, test);
    if (!def) return super.onTestEnd(test, result);
    // A test with no result attachment never ran or died: `error`, as in results.json.
    const tier = tierOf(caseResultOf(def, result));
    const internals = this as unknown as AllureInternals;
    const uuid = internals.allureResultsUuids.get(test.id);
    if (uuid) {
      const view = allureLabelsOf(def, tier);
      internals.allureRuntime.updateTest(uuid, (r) => {
        r.labels.push(...view.labels);
        r.links.push(...view.links);
        r.description = view.description;
      });
    }
    const as = AS_PLAYWRIGHT[tier];
    return super.onTestEnd(Object.create(test, { expectedStatus: { value: as.expected } }), Object.create(result, { status: { value: as.status } }));
  }
}
