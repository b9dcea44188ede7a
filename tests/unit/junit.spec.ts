// junit.xml is written from results.json: each outcome maps to the JUnit element CI systems read.
import { expect, test } from '@playwright/test';
import type { CaseResult } from '../../harness/engine/case-model';
import { junitXml } from '../../harness/results/junit';
import { summarize, type ResultsDoc } from '../../harness/results/results-file';

const result = (id: string, outcome: CaseResult['outcome'], reason: string): CaseResult => ({
  id, profile: 'p', title: `title of ${id}`, requirement: { ids: ['R-1'], spec: 's', section: 'a < b', level: 'MUST' }, expect: 'reject', why: 'because', observed: {}, outcome, reason, evidence: { mutations: [] }, durationMs: 12,
});

test('fail, error, inconclusive and pass map to failure, error, skipped and a bare testcase; text is escaped', () => {
  const cases = [result('A-1', 'fail', 'accepted (200) a "token" & more'), result('A-2', 'error', 'the SUT is gone'), result('A-3', 'inconclusive', 'control refused'), result('A-4', 'pass', 'refused (401)')];
  const doc: ResultsDoc = { schemaVersion: 1, suite: { name: 's2s-conformance', version: '1' }, profile: 'p', sut: { endpoint: '/' }, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:02.000Z', harness: { egress: [] }, cases, summary: summarize(cases) };
  const x = junitXml(doc);
  expect(x).toContain('tests="4" failures="1" errors="1" skipped="1"');
  expect(x).toContain('<failure message="accepted (200) a &quot;token&quot; &amp; more" type="MUST">because</failure>');
  expect(x).toContain('<error message="the SUT is gone"/>');
  expect(x).toContain('<skipped message="inconclusive: control refused"/>');
  expect(x).toContain('(s, a &lt; b)');
  expect(x.match(/<testcase /g)).toHaveLength(4);
});
