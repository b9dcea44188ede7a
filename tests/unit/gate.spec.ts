// The CI gate: tiers, --strict, expected failures, and the comparison of two runs.
import { expect, test } from '@playwright/test';
import type { CaseResult, Level } from '../../harness/engine/case-model';
import { compareResults } from '../../harness/results/compare';
import { gateOf, tierOf } from '../../harness/results/gate';
import { summarize, type ResultsDoc } from '../../harness/results/results-file';

const c = (id: string, level: Level, outcome: CaseResult['outcome'], expectation: CaseResult['expect'] = 'reject'): CaseResult => ({
  id, profile: 'p', title: id, requirement: { ids: ['R'], spec: 's', section: '1', level }, expect: expectation, why: '', observed: {}, outcome, reason: outcome, evidence: { mutations: [] },
});
const doc = (cases: CaseResult[]): ResultsDoc => ({ schemaVersion: 1, suite: { name: 's', version: '1' }, profile: 'p', sut: { endpoint: '/' }, startedAt: '', finishedAt: '', harness: { egress: [] }, cases, summary: summarize(cases) });

test('tiers: FAIL is a MUST failure, WARN a SHOULD one, INFO an either-case, INCONCLUSIVE and ERROR as they say', () => {
  expect(tierOf(c('a', 'MUST', 'fail'))).toBe('FAIL');
  expect(tierOf(c('a', 'SHOULD', 'fail'))).toBe('WARN');
  expect(tierOf(c('a', 'MUST', 'pass'))).toBe('PASS');
  expect(tierOf(c('a', 'INFO', 'pass', 'either'))).toBe('INFO');
  expect(tierOf(c('a', 'MUST', 'inconclusive'))).toBe('INCONCLUSIVE');
  expect(tierOf(c('a', 'MUST', 'error'))).toBe('ERROR');
});

test('a refusal answered 5xx is its own SHOULD check: a passing case is WARN, a failing MUST stays FAIL, and --strict gates it', () => {
  const refused500 = (id: string, level: Level, outcome: CaseResult['outcome'], expectation: CaseResult['expect'] = 'reject'): CaseResult => ({
    ...c(id, level, outcome, expectation), observed: { status: 500, robustness: { verdict: 'fail', detail: 'answered 500' } },
  });
  expect(tierOf(refused500('a', 'MUST', 'pass'))).toBe('WARN');
  expect(tierOf(refused500('a', 'INFO', 'pass', 'either'))).toBe('WARN');
  expect(tierOf(refused500('a', 'MUST', 'fail'))).toBe('FAIL');
  expect(tierOf({ ...c('a', 'MUST', 'pass'), observed: { status: 400, robustness: { verdict: 'warn', detail: 'answered 400' } } })).toBe('PASS');
  expect(gateOf([refused500('M-1', 'MUST', 'pass')]).failing).toEqual([]);
  expect(gateOf([refused500('M-1', 'MUST', 'pass')], { strict: true }).failing).toEqual(['M-1']);
});

test('the gate: FAIL gates, WARN only with strict, expected failures do not, and one that passes now is reported', () => {
  const cases = [c('M-1', 'MUST', 'fail'), c('S-1', 'SHOULD', 'fail'), c('M-2', 'MUST', 'pass'), c('M-3', 'MUST', 'fail')];
  expect(gateOf(cases).failing).toEqual(['M-1', 'M-3']);
  expect(gateOf(cases, { strict: true }).failing).toEqual(['M-1', 'S-1', 'M-3']);
  const g = gateOf(cases, { expectFailures: { 'M-1': 'known', 'M-2': 'was broken' } });
  expect(g.failing).toEqual(['M-3']);
  expect(g.expectedFailures).toEqual([{ id: 'M-1', reason: 'known' }]);
  expect(g.nowPassing).toEqual(['M-2']);
});

test('compare: newly failing and passing, appeared and disappeared; a MUST case failing now is a regression', () => {
  const base = doc([c('A', 'MUST', 'pass'), c('B', 'MUST', 'fail'), c('C', 'SHOULD', 'pass'), c('D', 'MUST', 'pass')]);
  const head = doc([c('A', 'MUST', 'fail'), c('B', 'MUST', 'pass'), c('C', 'SHOULD', 'fail'), c('E', 'MUST', 'fail')]);
  const cmp = compareResults(base, head);
  expect(cmp.newlyFailing.map((x) => x.id)).toEqual(['A', 'C']);
  expect(cmp.newlyPassing.map((x) => x.id)).toEqual(['B']);
  expect(cmp.appeared.map((x) => x.id)).toEqual(['E']);
  expect(cmp.disappeared.map((x) => x.id)).toEqual(['D']);
  expect(cmp.mustRegressions.map((x) => x.id)).toEqual(['A', 'E']);
  expect(compareResults(base, base).mustRegressions).toEqual([]);
});
