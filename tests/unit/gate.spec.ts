// The CI gate: tiers, --strict, expected failures, and the comparison of two runs.
import { expect, test } from '@playwright/test';
import type { CaseResult, Level } from '../../harness/engine/case-model';
import { compareResults } from '../../harness/results/compare';
import { parseExpectFailures } from '../../harness/results/expect-failures';
import { expiredLines, gateOf, tierOf } from '../../harness/results/gate';
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

test('expected failures, both forms: a reason alone, or {reason, owner, until}; an entry not expired excuses its case', () => {
  const cases = [c('M-1', 'MUST', 'fail'), c('M-2', 'MUST', 'fail'), c('M-3', 'MUST', 'pass')];
  const g = gateOf(cases, {
    today: '2026-12-07',
    expectFailures: { 'M-1': 'old form', 'M-2': { reason: 'library bug #12', owner: 'bots-team', until: '2027-01-31' }, 'M-3': { reason: 'was broken' } },
  });
  expect(g.failing).toEqual([]);
  expect(g.expectedFailures).toEqual([{ id: 'M-1', reason: 'old form' }, { id: 'M-2', reason: 'library bug #12', owner: 'bots-team', until: '2027-01-31' }]);
  expect(g.nowPassing).toEqual(['M-3']);
  expect(g.expired).toEqual([]);
  expect(expiredLines(g)).toEqual([]);
});

test('the until day itself is still valid; from the day after, the entry excuses nothing and its failing case gates again', () => {
  const cases = [c('M-1', 'MUST', 'fail')];
  const entry = { 'M-1': { reason: 'library bug #12', owner: 'bots-team', until: '2026-11-30' } };
  const lastDay = gateOf(cases, { today: '2026-11-30', expectFailures: entry });
  expect(lastDay.failing).toEqual([]);
  expect(lastDay.expectedFailures.map((e) => e.id)).toEqual(['M-1']);
  expect(lastDay.expired).toEqual([]);

  const dayAfter = gateOf(cases, { today: '2026-12-01', expectFailures: entry });
  expect(dayAfter.failing).toEqual(['M-1']);
  expect(dayAfter.expectedFailures).toEqual([]);
  expect(dayAfter.nowPassing).toEqual([]);
  expect(dayAfter.expired).toEqual([{ id: 'M-1', reason: 'library bug #12', owner: 'bots-team', until: '2026-11-30' }]);
  // One line, naming the case, the owner and the day.
  expect(expiredLines(dayAfter)).toEqual(['expected failure M-1 (owner: bots-team) expired after 2026-11-30: the case still fails, so it fails the gate again']);
});

test('an expired entry of a case that passes now: reported as now passing and as expired, and the gate does not fail on it', () => {
  const g = gateOf([c('M-1', 'MUST', 'pass')], { today: '2027-03-01', expectFailures: { 'M-1': { reason: 'fixed upstream?', until: '2027-02-28' } } });
  expect(g.failing).toEqual([]);
  expect(g.nowPassing).toEqual(['M-1']);
  expect(g.expired).toEqual([{ id: 'M-1', reason: 'fixed upstream?', until: '2027-02-28' }]);
  // No owner given: none shown.
  expect(expiredLines(g)).toEqual(['expected failure M-1 expired after 2027-02-28: the case passes now, take the entry out of the file']);
});

test('an expired entry is judged as if the case were not listed: a SHOULD failure gates only with --strict; an entry without until never expires', () => {
  const cases = [c('S-1', 'SHOULD', 'fail'), c('M-1', 'MUST', 'fail')];
  const expectFailures = { 'S-1': { reason: 'r', owner: 'me', until: '2020-01-01' }, 'M-1': { reason: 'no end date', owner: 'me' } };
  const lenient = gateOf(cases, { today: '2030-06-15', expectFailures });
  expect(lenient.failing).toEqual([]);
  expect(lenient.expectedFailures.map((e) => e.id)).toEqual(['M-1']);
  expect(expiredLines(lenient)).toEqual(['expected failure S-1 (owner: me) expired after 2020-01-01: renew or remove the entry']);
  expect(gateOf(cases, { today: '2030-06-15', expectFailures, strict: true }).failing).toEqual(['S-1']);
});

test('the expected-failures file: both forms accepted; a bad entry is one clear line', () => {
  const good = { 'BF-C2B-AUD-001': 'old form', 'BF-C2B-AUD-003': { reason: 'r', owner: 'bots-team', until: '2026-11-30' }, 'BF-C2B-HDR-001': { reason: 'r' } };
  expect(parseExpectFailures(good)).toEqual(good);
  const problem = (doc: unknown) => {
    try {
      parseExpectFailures(doc);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  expect(problem({ 'A-1': { reason: 'r', until: '30.11.2026' } })).toBe('A-1: until "30.11.2026" is not a date YYYY-MM-DD');
  expect(problem({ 'A-1': { reason: 'r', until: '2026-02-30' } })).toBe('A-1: until "2026-02-30" is not a date YYYY-MM-DD');
  expect(problem({ 'A-1': { reason: 'r', until: 20261130 } })).toBe('A-1: until 20261130 is not a date YYYY-MM-DD');
  expect(problem({ 'A-1': { reason: 'r', team: 'x' } })).toBe('A-1: unknown key "team" (an entry has reason, owner and until)');
  expect(problem({ 'A-1': { reason: '' } })).toBe('A-1: reason is empty');
  expect(problem({ 'A-1': { owner: 'x' } })).toBe('A-1: no reason (an entry has reason, owner and until; reason is required)');
  expect(problem({ 'A-1': '' })).toBe('A-1: the reason is empty');
  expect(problem({ 'A-1': 3 })).toContain('A-1: an entry is a reason string or an object, not 3');
  expect(problem({ 'not-an-id': 'x' })).toContain('"not-an-id" is not a case id');
  expect(problem({})).toContain('must NOT have fewer than 1 properties');
  for (const doc of [{ 'A-1': { reason: 'r', until: '2026-02-30' } }, { 'A-1': { reason: 'r', team: 'x' } }, { 'not-an-id': 'x' }, []]) expect(problem(doc)).not.toContain('\n');
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
