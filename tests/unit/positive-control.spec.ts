// The positive-control rule, one function for every runner (harness/engine/positive-control.ts), and
// each runner's reasons as results.json has given them; and a named check's finding as a verdict.
import { expect, test } from '@playwright/test';
import { evaluate, inboundControl } from '../../harness/engine/evaluate';
import { verdictOfFinding } from '../../harness/engine/finding-verdict';
import { CONTROL_WORDING, controlPassed, positiveControlVerdict } from '../../harness/engine/positive-control';
import { evaluateClient } from '../../profiles/s2s-client/runner';
import { judge } from '../../harness/engine/run-lifecycle';
import type { LifecycleCase, LifecycleScript } from '../../harness/engine/case-model';

test('the rule: a control that could not run makes the case error, one that failed inconclusive, a control case needs none', () => {
  expect(positiveControlVerdict(false, [])).toBeUndefined();
  expect(positiveControlVerdict(false, [{ name: 'P-1' }])).toBeUndefined();
  expect(positiveControlVerdict(false, [{ name: 'P-1', error: 'hung' }])).toEqual({ outcome: 'error', reason: 'positive control P-1: hung' });
  expect(positiveControlVerdict(false, [{ name: 'P-1', problem: 'no token' }])).toEqual({ outcome: 'inconclusive', reason: 'the positive control P-1 failed (no token), so this case proves nothing' });
  // Any control that could not run outranks one that failed, whatever their order.
  expect(positiveControlVerdict(false, [{ name: 'P-1', problem: 'no token' }, { name: 'P-2', error: 'hung' }])).toEqual({ outcome: 'error', reason: 'positive control P-2: hung' });
  expect(positiveControlVerdict(true, [{ name: 'P-1', error: 'hung' }])).toBeUndefined();
  expect(CONTROL_WORDING.erred('ECONNREFUSED')).toBe('positive control: ECONNREFUSED');
  expect(controlPassed({})).toBe(true);
  expect(controlPassed({ problem: 'x' })).toBe(false);
});

test('inbound cases (evaluate, and the key-lifecycle judge through it): the valid token for the path must be accepted', () => {
  expect(inboundControl({ controlStatus: 204 })).toEqual({});
  expect(inboundControl({ controlStatus: 401 })).toEqual({ problem: 'got 401, not 2xx' });
  expect(inboundControl({ controlError: 'could not reach the SUT' })).toEqual({ error: 'could not reach the SUT' });
  const reject = { expect: 'reject' as const };
  expect(evaluate(reject, { controlStatus: 401, status: 401 })).toMatchObject({ outcome: 'inconclusive', reason: 'the positive control (the valid token for this path) got 401, not 2xx, so a rejection here proves nothing' });
  expect(evaluate(reject, { controlError: 'could not reach the SUT: ECONNREFUSED' })).toMatchObject({ outcome: 'error', reason: 'positive control: could not reach the SUT: ECONNREFUSED' });
  expect(evaluate({ ...reject, isControl: true }, { status: 401 }).outcome).toBe('pass');
  const lc = { keyServer: { server: 'front', metadata: /m/, jwks: /k/, controlKey: 'a' }, advanceClockMs: 0, before: {}, after: {}, signWith: 'a', mustFetchDuringFault: 'jwks' } as LifecycleScript;
  const def = { kind: 'lifecycle', id: 'X', expect: 'reject', lifecycle: lc } as LifecycleCase;
  const seen = { clock: { offsetMs: 0, acknowledged: true }, fetchedDuringFault: 0, jwksFetches: 0 };
  // The lifecycle's own conditions apply only after the control passed.
  expect(judge(def, lc, { controlStatus: 200, status: 401 }, seen).reason).toMatch(/^the SUT did not fetch the keys document/);
  expect(judge(def, lc, { controlStatus: 500 }, seen)).toMatchObject({ outcome: 'inconclusive', reason: 'the positive control (the valid token for this path) got 500, not 2xx, so a rejection here proves nothing' });
});

test('client-role cases: every control the case needs, errors first', () => {
  expect(evaluateClient({ expect: 'accept' }, { controls: [{ id: 'C-1', problem: 'no token' }, { id: 'C-2', runError: 'hung' }] })).toEqual({ outcome: 'error', reason: 'positive control C-2: hung' });
  expect(evaluateClient({ expect: 'accept' }, { controls: [{ id: 'C-1' }, { id: 'C-2', problem: 'no actor' }], verdict: { ok: true, saw: 'x' } })).toEqual({ outcome: 'inconclusive', reason: 'the positive control C-2 failed (no actor), so this case proves nothing' });
});

test('a check\'s finding as a verdict: moot is inconclusive, an informational case passes and keeps the problem', () => {
  expect(verdictOfFinding('accept', { ok: true, saw: 'fine' })).toEqual({ outcome: 'pass', reason: 'fine' });
  expect(verdictOfFinding('reject', { ok: false, problem: 'bad' })).toEqual({ outcome: 'fail', reason: 'bad' });
  expect(verdictOfFinding('accept', { ok: 'moot', why: 'never asked' })).toEqual({ outcome: 'inconclusive', reason: 'never asked' });
  expect(verdictOfFinding('either', { ok: true, saw: 'fine' })).toEqual({ outcome: 'pass', reason: 'informational: fine' });
  expect(verdictOfFinding('either', { ok: false, problem: 'odd' })).toEqual({ outcome: 'pass', reason: 'informational: odd', responseProblem: 'odd' });
});
