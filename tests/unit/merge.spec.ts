// merge: the slices of a sharded run (--shard i/n) join into the one results document the whole run
// would have written; anything that is not every slice of one run exactly once is refused.
import { expect, test } from '@playwright/test';
import type { CaseResult, Level } from '../../harness/engine/case-model';
import { gateOf, type GateOptions } from '../../harness/results/gate';
import { MergeError, mergeShards } from '../../harness/results/merge';
import { summarize, validateResults, type ResultsDoc } from '../../harness/results/results-file';

const c = (id: string, level: Level, outcome: CaseResult['outcome'], expectation: CaseResult['expect'] = 'reject'): CaseResult => ({
  id, profile: 'p', title: id, requirement: { ids: ['R'], spec: 's', section: '1', level }, expect: expectation, why: '', observed: {}, outcome, reason: outcome, evidence: { mutations: [] },
});

interface SliceOpts {
  profile?: string;
  sut?: ResultsDoc['sut'];
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  egress?: object[];
  gate?: GateOptions | false;
}
const slice = (current: number, total: number, cases: CaseResult[], o: SliceOpts = {}): ResultsDoc => ({
  schemaVersion: 1,
  suite: { name: 's2s-conformance', version: '1.0.0' },
  profile: o.profile ?? 'p',
  sut: o.sut ?? { command: 'node sut.js', bundled: true, endpoint: '/api/messages' },
  startedAt: o.startedAt ?? '2026-01-01T00:00:00.000Z',
  finishedAt: o.finishedAt ?? '2026-01-01T00:01:00.000Z',
  harness: { ...(o.error ? { error: o.error } : {}), egress: o.egress ?? [] },
  cases,
  summary: summarize(cases),
  ...(o.gate === false ? {} : { gate: gateOf(cases, o.gate ?? {}) }),
  shard: { current, total },
});

/** The MergeError message mergeShards refuses with. */
const refusal = (docs: ResultsDoc[], order: string[] = []): string => {
  try {
    mergeShards(docs, order);
  } catch (e) {
    expect(e).toBeInstanceOf(MergeError);
    return (e as Error).message;
  }
  throw new Error('mergeShards did not refuse');
};

test('three slices: cases in catalog order, shard removed, summary recounted, gate the union, times and egress joined', () => {
  const order = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6'];
  // A-2's entry expired the day before the run: it excuses nothing, and the merged gate says so.
  const expectFailures = { 'A-4': 'known departure', 'A-6': 'was broken', 'A-2': { reason: 'library bug', owner: 'auth-team', until: '2025-12-31' } };
  const s1 = slice(1, 3, [c('A-4', 'MUST', 'fail'), c('A-1', 'MUST', 'pass')], {
    startedAt: '2026-01-01T10:00:05.000Z', finishedAt: '2026-01-01T10:02:00.000Z', egress: [{ host: 'login.example', n: 1 }], gate: { expectFailures, today: '2026-01-01' },
  });
  const s2 = slice(2, 3, [c('A-5', 'SHOULD', 'fail'), c('A-2', 'MUST', 'fail')], {
    startedAt: '2026-01-01T10:00:01.000Z', finishedAt: '2026-01-01T10:03:30.000Z', egress: [{ host: 'keys.example', n: 2 }], gate: { expectFailures, today: '2026-01-01' },
  });
  const s3 = slice(3, 3, [c('A-6', 'MUST', 'pass'), c('A-3', 'INFO', 'pass', 'either')], {
    startedAt: '2026-01-01T10:00:03.000Z', finishedAt: '2026-01-01T10:01:00.000Z', gate: { expectFailures, today: '2026-01-01' },
  });
  // Given out of slice order: the result does not depend on it.
  const merged = mergeShards([s2, s3, s1], order);

  expect(merged.cases.map((x) => x.id)).toEqual(order);
  expect('shard' in merged).toBe(false);
  expect(merged.profile).toBe('p');
  expect(merged.sut).toEqual({ command: 'node sut.js', bundled: true, endpoint: '/api/messages' });
  expect(merged.summary).toEqual(summarize([...s1.cases, ...s2.cases, ...s3.cases]));
  expect(merged.summary.total).toBe(6);
  expect(merged.summary.pass).toBe(3);
  expect(merged.summary.fail).toBe(3);
  expect(merged.summary.byLevel.MUST).toEqual({ pass: 2, fail: 2, inconclusive: 0, skip: 0, error: 0 });
  expect(merged.summary.tiers).toEqual({ PASS: 2, FAIL: 2, WARN: 1, INFO: 1, INCONCLUSIVE: 0, ERROR: 0 });
  expect(merged.gate).toEqual({
    strict: false,
    failing: ['A-2'],
    expectedFailures: [{ id: 'A-4', reason: 'known departure' }],
    nowPassing: ['A-6'],
    expired: [{ id: 'A-2', reason: 'library bug', owner: 'auth-team', until: '2025-12-31' }],
  });
  expect(merged.startedAt).toBe('2026-01-01T10:00:01.000Z');
  expect(merged.finishedAt).toBe('2026-01-01T10:03:30.000Z');
  expect(merged.harness).toEqual({ egress: [{ host: 'keys.example', n: 2 }, { host: 'login.example', n: 1 }] });
  expect('error' in merged.harness).toBe(false);
  // The merged file is a valid results.json; the slices given are left as they were.
  expect(() => validateResults(merged)).not.toThrow();
  expect(s1.shard).toEqual({ current: 1, total: 3 });
  expect(s1.cases.map((x) => x.id)).toEqual(['A-4', 'A-1']);
});

test('two slices: a case the order does not know goes last; harness errors are joined; no gate when no slice has one', () => {
  const s1 = slice(1, 2, [c('Z-9', 'MUST', 'pass'), c('B-2', 'MUST', 'error')], { error: 'the SUT died', gate: false });
  const s2 = slice(2, 2, [c('B-1', 'MUST', 'pass')], { error: 'egress refused', gate: false });
  const merged = mergeShards([s1, s2], ['B-1', 'B-2']);
  expect(merged.cases.map((x) => x.id)).toEqual(['B-1', 'B-2', 'Z-9']);
  expect(merged.harness.error).toBe('the SUT died; egress refused');
  expect(merged.summary.error).toBe(1);
  expect(merged.summary.total).toBe(3);
  expect('gate' in merged).toBe(false);
  expect('shard' in merged).toBe(false);
});

test('strict slices merge into a strict gate whose failing list includes SHOULD failures, in catalog order as the whole run lists them', () => {
  const s1 = slice(1, 2, [c('S-1', 'SHOULD', 'fail')], { gate: { strict: true } });
  const s2 = slice(2, 2, [c('M-1', 'MUST', 'fail'), c('M-2', 'MUST', 'pass')], { gate: { strict: true } });
  const merged = mergeShards([s1, s2], ['M-1', 'M-2', 'S-1']);
  expect(merged.gate).toEqual({ strict: true, failing: ['M-1', 'S-1'], expectedFailures: [], nowPassing: [], expired: [] });
  expect(merged.cases.map((x) => x.id)).toEqual(['M-1', 'M-2', 'S-1']);
});

test('refused: no input, an unsharded document, a different profile, SUT, shard count or --strict', () => {
  expect(refusal([])).toBe('nothing to merge');

  const unsharded = slice(2, 2, [c('B', 'MUST', 'pass')]);
  delete unsharded.shard;
  expect(refusal([slice(1, 2, [c('A', 'MUST', 'pass')]), unsharded])).toBe('input 2 is not a slice of a sharded run (it was not run with --shard)');

  expect(refusal([slice(1, 2, [c('A', 'MUST', 'pass')]), slice(2, 2, [c('B', 'MUST', 'pass')], { profile: 'q' })])).toBe('the slices differ in profile: "p" vs "q"');

  const otherSut = refusal([slice(1, 2, [c('A', 'MUST', 'pass')]), slice(2, 2, [c('B', 'MUST', 'pass')], { sut: { target: 'http://localhost:9', endpoint: '/api/messages' } })]);
  expect(otherSut).toContain('the slices differ in SUT: ');
  expect(otherSut).toContain('"command":"node sut.js"');
  expect(otherSut).toContain('"target":"http://localhost:9"');

  expect(refusal([slice(1, 2, [c('A', 'MUST', 'pass')]), slice(2, 3, [c('B', 'MUST', 'pass')])])).toBe('the slices differ in shard count: 2 vs 3');

  expect(refusal([slice(1, 2, [c('A', 'MUST', 'pass')]), slice(2, 2, [c('B', 'MUST', 'pass')], { gate: { strict: true } })])).toBe('the slices differ in --strict: false vs true');
});

test('refused: a slice given twice, a missing slice, a case in two slices', () => {
  const one = slice(1, 2, [c('A', 'MUST', 'pass')]);
  expect(refusal([one, slice(1, 2, [c('B', 'MUST', 'pass')])])).toBe('slice 1/2 is given twice');
  expect(refusal([one, one])).toBe('slice 1/2 is given twice');

  expect(refusal([slice(1, 3, [c('A', 'MUST', 'pass')]), slice(3, 3, [c('C', 'MUST', 'pass')])])).toBe('slice(s) 2/3 missing');
  expect(refusal([slice(2, 3, [c('B', 'MUST', 'pass')])])).toBe('slice(s) 1/3, 3/3 missing');

  expect(refusal([slice(1, 2, [c('A', 'MUST', 'pass'), c('B', 'MUST', 'pass')]), slice(2, 2, [c('B', 'MUST', 'fail')])])).toBe('case B is in more than one slice');
  // A slice number outside 1..n (a hand-edited file) is refused, not merged in.
  expect(refusal([one, slice(2, 2, [c('B', 'MUST', 'pass')]), slice(3, 2, [c('C', 'MUST', 'pass')])])).toBe('slice 3/2 is not one of 1..2');
});

test('a one-slice run (--shard 1/1) merges to itself without the shard', () => {
  const only = slice(1, 1, [c('A-2', 'MUST', 'pass'), c('A-1', 'SHOULD', 'fail')]);
  const merged = mergeShards([only], ['A-1', 'A-2']);
  const { shard: _shard, ...rest } = only;
  expect(merged).toEqual({ ...rest, cases: [only.cases[1], only.cases[0]] });
});
