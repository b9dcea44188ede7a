// The verdict function: every outcome tier from observations, with the positive-control rule.
import { expect, test } from '@playwright/test';
import { evaluate } from '../../harness/engine/evaluate';
import { tierOf } from '../../harness/results/gate';

const reject = { expect: 'reject' as const };

test('a refused negative case with an accepted control passes', () => {
  expect(evaluate(reject, { controlStatus: 200, status: 401 }).outcome).toBe('pass');
  expect(evaluate(reject, { controlStatus: 200, status: 403 }).outcome).toBe('pass');
});

test('an accepted negative case fails', () => {
  const v = evaluate(reject, { controlStatus: 200, status: 200 });
  expect(v.outcome).toBe('fail');
  expect(v.observed.accepted).toBe(true);
});

test('a rejected positive control makes the case inconclusive, never pass', () => {
  expect(evaluate(reject, { controlStatus: 401, status: 401 }).outcome).toBe('inconclusive');
  expect(evaluate({ expect: 'accept' }, { controlStatus: 500, status: 200 }).outcome).toBe('inconclusive');
});

test('a control case needs no control and fails when refused', () => {
  expect(evaluate({ expect: 'accept', isControl: true }, { status: 401 }).outcome).toBe('fail');
  expect(evaluate({ expect: 'accept', isControl: true }, { status: 204 }).outcome).toBe('pass');
});

test('a 5xx refusal passes the security verdict but is a robustness failure; other 4xx a warning', () => {
  const v = evaluate(reject, { controlStatus: 200, status: 500 });
  expect(v.outcome).toBe('pass');
  expect(v.observed.robustness?.verdict).toBe('fail');
  expect(evaluate(reject, { controlStatus: 200, status: 400 }).observed.robustness?.verdict).toBe('warn');
  expect(evaluate(reject, { controlStatus: 200, status: 401 }).observed.robustness).toBeUndefined();
});

test('fetching the attacker URL fails the case even when the token was refused', () => {
  expect(evaluate({ expect: 'reject', attackerMustNotBeContacted: true }, { controlStatus: 200, status: 401, attackerFetches: 1 }).outcome).toBe('fail');
});

test('informational cases pass either way and record what happened', () => {
  expect(evaluate({ expect: 'either' }, { controlStatus: 200, status: 200 }).observed.note).toBe('accepted');
  expect(evaluate({ expect: 'either' }, { controlStatus: 200, status: 401 }).outcome).toBe('pass');
});

test('a SUT that is gone or unreachable gives error', () => {
  expect(evaluate(reject, { sutGone: 'the SUT exited (code 1)' }).outcome).toBe('error');
  expect(evaluate(reject, { controlError: 'could not reach the SUT: ECONNREFUSED' }).outcome).toBe('error');
  expect(evaluate(reject, { controlStatus: 200, error: 'the SUT did not answer within 100 ms' }).outcome).toBe('error');
});

test('accepting without ever having fetched the required metadata or jwks_uri fails', () => {
  const def = { expect: 'accept' as const, mustHaveFetched: { server: 'front', path: '/v1/keys' } };
  expect(evaluate(def, { controlStatus: 200, status: 200, requiredFetches: 0 }).outcome).toBe('fail');
  expect(evaluate(def, { controlStatus: 200, status: 200, requiredFetches: 2 }).outcome).toBe('pass');
});

test('no-reply-after-refusal: inconclusive when the control got no reply, fail when a refused request still got one', () => {
  const d = { expect: 'reject' as const, noReplyAfterRefusal: true };
  expect(evaluate(d, { controlStatus: 200, controlReplies: 0, status: 401, replies: 0 }).outcome).toBe('inconclusive');
  expect(evaluate(d, { controlStatus: 200, controlReplies: 1, status: 401, replies: 0 }).outcome).toBe('pass');
  const v = evaluate(d, { controlStatus: 200, controlReplies: 1, status: 401, replies: 2 });
  expect(v.outcome).toBe('fail');
  expect(v.observed.replies).toBe(2);
  expect(evaluate(d, { controlStatus: 200, controlReplies: 1, status: 200, replies: 1 }).outcome).toBe('fail');
});

test('action records: inconclusive without a record of the control, fail on a record after a refusal or one naming the forged user', () => {
  const actionRecord = { server: 'sender', pathOf: () => '/provider/actions/x', describe: 'record(s) of the action reached AM_ACTION_RECORD_URL', forbiddenSub: 'mallory' };
  const d = { expect: 'reject' as const, actionRecord };
  expect(evaluate(d, { controlStatus: 200, controlReplies: 0, status: 401, replies: 0 }).outcome).toBe('inconclusive');
  expect(evaluate(d, { controlStatus: 200, controlReplies: 1, status: 401, replies: 0 }).outcome).toBe('pass');
  const v = evaluate(d, { controlStatus: 200, controlReplies: 1, status: 401, replies: 1 });
  expect(v.outcome).toBe('fail');
  expect(v.reason).toContain('still carried out the action');
  // Either outcome allowed, but never the action as the user of the token that does not verify.
  const both = { expect: 'either' as const, actionRecord };
  expect(evaluate(both, { controlStatus: 200, controlReplies: 1, status: 200, replies: 1, forgedRecords: 0 }).outcome).toBe('pass');
  const forged = evaluate(both, { controlStatus: 200, controlReplies: 1, status: 200, replies: 1, forgedRecords: 1 });
  expect(forged.outcome).toBe('fail');
  expect(forged.reason).toContain('as mallory');
});

test('a response check that finds a problem fails the case, or is only reported when either outcome is allowed', () => {
  const responseCheck = { describe: 'the challenge names the realm', check: () => 'no realm' };
  const v = evaluate({ expect: 'reject', responseCheck }, { controlStatus: 200, status: 401, responseProblem: 'no realm' });
  expect(v.outcome).toBe('fail');
  expect(v.reason).toContain('no realm');
  expect(evaluate({ expect: 'either', responseCheck }, { controlStatus: 200, status: 401, responseProblem: 'no realm' }).outcome).toBe('pass');
  expect(evaluate({ expect: 'reject', responseCheck }, { controlStatus: 200, status: 401 }).outcome).toBe('pass');
});

test('fetch budget: more fetches than allowed over the valid requests fail the case', () => {
  const d = { expect: 'accept' as const, fetchBudget: { server: 'sender', pathIncludes: 'openid-configuration', requests: 10, max: 2 } };
  expect(evaluate(d, { controlStatus: 200, status: 200, fetches: 1 }).outcome).toBe('pass');
  const v = evaluate(d, { controlStatus: 200, status: 200, fetches: 10 });
  expect(v.outcome).toBe('fail');
  expect(v.observed.fetches).toBe(10);
});

test('any 4xx is a proper refusal where the profile says so; an informational check only notes', () => {
  expect(evaluate({ expect: 'reject' }, { controlStatus: 200, status: 409 }).observed.robustness?.verdict).toBe('warn');
  expect(evaluate({ expect: 'reject', anyClientErrorRefuses: true }, { controlStatus: 200, status: 409 }).observed.robustness).toBeUndefined();
  const responseCheck = { describe: 'https', informational: true, check: () => 'plain http' };
  const v = evaluate({ expect: 'either', responseCheck }, { controlStatus: 200, status: 200, responseProblem: 'plain http' });
  expect(v.outcome).toBe('pass');
  expect(v.observed.responseProblem).toBeUndefined();
  expect(v.observed.note).toBe('accepted; plain http');
});

test('a connection dropped by a SUT that still serves: judged as a 5xx refusal is (not accepted, robustness failure), FAIL where it should accept', () => {
  const drop = { controlStatus: 200, dropped: 'could not reach the SUT: ECONNRESET' };
  const neg = evaluate(reject, drop);
  expect(neg).toMatchObject({ outcome: 'pass', reason: 'not accepted: connection dropped without an answer (ECONNRESET); a robustness failure' });
  expect(neg.observed).toMatchObject({ accepted: false, robustness: { verdict: 'fail', detail: 'connection dropped without an answer (ECONNRESET): a robustness failure; the token was not accepted' } });
  expect(tierOf({ ...neg, expect: 'reject', requirement: { ids: [], spec: '', section: '', level: 'MUST' } })).toBe('WARN');
  expect(evaluate({ expect: 'accept' }, drop)).toMatchObject({ outcome: 'fail', reason: 'connection dropped without an answer (ECONNRESET) for a token it should accept' });
  expect(evaluate({ expect: 'accept', isControl: true }, { dropped: 'socket hang up' }).outcome).toBe('fail');
  expect(evaluate({ expect: 'either' }, drop)).toMatchObject({ outcome: 'pass', reason: 'informational: no answer (connection dropped); either is allowed' });
  // One of the case's requests accepted: the acceptance decides, the drop is still a robustness failure.
  expect(evaluate(reject, { ...drop, status: 200 })).toMatchObject({ outcome: 'fail', observed: { robustness: { verdict: 'fail' } } });
  // A refused-but-processed activity, and a condition on the answer that no answer meets, still fail.
  expect(evaluate({ expect: 'reject', noReplyAfterRefusal: true }, { ...drop, controlReplies: 1, replies: 1 }).reason).toMatch(/^connection dropped without an answer \(ECONNRESET\) but still processed the activity/);
  const check = { describe: 'the refusal carries a challenge', check: () => undefined };
  expect(evaluate({ expect: 'reject', responseCheck: check }, drop)).toMatchObject({ outcome: 'fail', observed: { responseProblem: 'no answer (connection dropped)' } });
  // The control dropped: it failed (inconclusive); a SUT gone stays error.
  expect(evaluate(reject, { controlDropped: 'could not reach the SUT: ECONNRESET' })).toMatchObject({ outcome: 'inconclusive', reason: 'the positive control (the valid token for this path) got no answer: connection dropped without an answer (ECONNRESET), so a rejection here proves nothing' });
  expect(evaluate(reject, { controlStatus: 200, dropped: 'x', sutGone: 'the SUT exited (code 13)' }).outcome).toBe('error');
});

test('a SUT that stops serving right after answering a refusal fails that case (one response per request, later requests served)', () => {
  const gone = { controlStatus: 200, status: 401, goneAfterRefusal: 'the SUT exited (code 1)' };
  expect(evaluate({ ...reject, staysUpAfterRefusal: true }, gone)).toMatchObject({ outcome: 'fail', reason: 'refused (401), then stopped serving: the SUT exited (code 1) (one response per request, and later requests still served)' });
  expect(evaluate({ ...reject, staysUpAfterRefusal: true }, { controlStatus: 200, status: 401 }).outcome).toBe('pass');
});
