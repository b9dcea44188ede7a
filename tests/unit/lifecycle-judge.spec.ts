// The key-lifecycle verdict on its own (a pure function): the lifecycle's own conditions come first
// (was the fault exercised, could the SUT's clock move, fetch counts), then the usual verdict.
import { expect, test } from '@playwright/test';
import { ofKind, type LifecycleCase } from '../../harness/engine/case-model';
import { judge, type Seen } from '../../harness/engine/run-lifecycle';
import { afterRun } from '../../harness/engine/lifecycle-history';
import { CATALOGS } from '../../profiles/registry';
import { KEY_LIFECYCLE_CASES } from '../../profiles/bot-framework/key-lifecycle-cases';

const byId = (id: string): LifecycleCase => KEY_LIFECYCLE_CASES.find((c) => c.id === `BF-C2B-KLC-${id}`)!;
const verdict = (id: string, o: Parameters<typeof judge>[2], seen: Partial<Seen> = {}) => {
  const def = byId(id);
  return judge(def, def.lifecycle, o, { clock: { offsetMs: 3_660_000, acknowledged: true }, fetchedDuringFault: 1, jwksFetches: 1, ...seen });
};

test('fail closed: refused passes, accepted fails, and without a fetch during the fault it proves nothing', () => {
  expect(verdict('010', { controlStatus: 200, status: 401 }).outcome).toBe('pass');
  expect(verdict('010', { controlStatus: 200, status: 200 })).toMatchObject({ outcome: 'fail', reason: 'accepted (200) a token it must refuse' });
  expect(verdict('010', { controlStatus: 200, status: 401 }, { fetchedDuringFault: 0 }).reason).toMatch(/^the SUT did not fetch the keys document while the key server was faulty/);
  expect(verdict('015', { controlStatus: 200, status: 200 }, { fetchedDuringFault: 0 }).outcome).toBe('inconclusive'); // jwks_uri faults need the metadata fetched
  expect(verdict('010', { controlStatus: 401, status: 401 }).outcome).toBe('inconclusive'); // the positive control was refused
  expect(verdict('010', { controlStatus: 200, sutGone: 'the SUT exited (code 1)' }).outcome).toBe('error');
});

test('a hung key server: no answer in time is a pass with a robustness warning, not an error', () => {
  const v = verdict('014', { controlStatus: 200, error: 'the SUT did not answer within 5000 ms' });
  expect(v.outcome).toBe('pass');
  expect(v.observed.robustness).toEqual({ verdict: 'warn', detail: 'did not answer within the deadline while its key server hung: the SUT did not answer within 5000 ms' });
});

test('fetch counts: over the maximum fails; under the minimum fails only when the SUT\'s clock really moved', () => {
  expect(verdict('002', { controlStatus: 200, status: 401 }, { jwksFetches: 20 })).toMatchObject({ outcome: 'fail', reason: 'fetched the keys document 20 times (at most 1 expected)' });
  expect(verdict('002', { controlStatus: 200, status: 401 }, { jwksFetches: 1 }).outcome).toBe('pass');
  expect(verdict('005', { controlStatus: 200, status: 200 }, { jwksFetches: 0 }).outcome).toBe('fail');
  expect(verdict('005', { controlStatus: 200, status: 200 }, { jwksFetches: 0, clock: { offsetMs: 0, acknowledged: false } }).outcome).toBe('inconclusive');
});

test('an expected acceptance refused is a failure, or inconclusive when the clock could not be moved', () => {
  expect(verdict('001', { controlStatus: 200, status: 401, attempts: 11 }).outcome).toBe('fail');
  const unmoved = verdict('001', { controlStatus: 200, status: 401, attempts: 11 }, { clock: { offsetMs: 0, acknowledged: false } });
  expect(unmoved.outcome).toBe('inconclusive');
  expect(unmoved.reason).toContain('never acknowledged its clock being moved');
  expect(verdict('001', { controlStatus: 200, status: 200 }).outcome).toBe('pass');
});

test('a probing case (how long a withdrawn key stays accepted) reports what it saw, whatever it was', () => {
  const seen = "by the SUT's clock after the change: accepted 1.02 h on, refused (401) 6.02 h on (refused from then on)";
  expect(verdict('006', { controlStatus: 200, status: 401 }, { probe: seen })).toMatchObject({ outcome: 'pass', reason: `informational: ${seen}` });
  expect(verdict('006', { controlStatus: 200, status: 200 }, { probe: 'still accepted' }).outcome).toBe('pass');
  expect(verdict('006', { controlStatus: 401, status: 401 }, { probe: seen }).outcome).toBe('inconclusive'); // the control was refused
  expect(byId('006').expect).toBe('either');
});

test('the metadata document is named as such where keys are certificates in the STS metadata (S2S)', () => {
  const def = CATALOGS['sharepoint-s2s'].filter(ofKind('lifecycle')).find((c) => c.id === 'SPS2S-KLC-002')!;
  const v = judge(def, def.lifecycle, { controlStatus: 200, status: 401 }, { clock: { offsetMs: 1, acknowledged: true }, fetchedDuringFault: 0, jwksFetches: 21 });
  expect(v).toMatchObject({ outcome: 'fail', reason: 'fetched the metadata document 21 times (at most 1 expected)' });
});

test('a withdrawn key accepted by a SUT whose clock could not be moved proves nothing (it may still be cached); with a moved clock it fails', () => {
  expect(verdict('004', { controlStatus: 200, status: 200 }).outcome).toBe('fail');
  expect(verdict('004', { controlStatus: 200, status: 200 }, { clock: { offsetMs: 0, acknowledged: false } }).outcome).toBe('inconclusive');
  // A fault case is judged whatever the clock: the SUT fetched during the fault and still accepted.
  expect(verdict('010', { controlStatus: 200, status: 200 }, { clock: { offsetMs: 0, acknowledged: false } }).outcome).toBe('fail');
});

test('a SUT broken in an earlier case: the recovery case fails, any other case is inconclusive naming that case', () => {
  const history = afterRun(afterRun({ unservedKeys: {} }, 'BF-C2B-KLC-005', byId('005').lifecycle), 'BF-C2B-KLC-010', byId('010').lifecycle);
  expect(history).toEqual({ lastRan: { id: 'BF-C2B-KLC-010', fault: 'keys document: status-500' }, unservedKeys: { 'connector-new-3': 'BF-C2B-KLC-010' } });
  expect(afterRun(history, 'BF-C2B-KLC-003', byId('003').lifecycle).lastRan).toEqual({ id: 'BF-C2B-KLC-003' }); // a slow key server is no fault
  const broken = (id: string) => ({
    since: history.lastRan!.id, fault: history.lastRan!.fault, isolation: 'the key server put right and the SUT\'s clock a day on', problem: 'got 401, not 2xx',
    recoveryFrom: byId(id).expect === 'accept' ? history.unservedKeys[byId(id).lifecycle.signWith] : undefined,
  });
  const recovery = verdict('017', { controlStatus: 401 }, { broken: broken('017') });
  expect(recovery.outcome).toBe('fail');
  expect(recovery.reason).toBe("the SUT has refused every valid token since BF-C2B-KLC-010 (its positive control passed there, before the key server's fault: keys document: status-500); with the key server put right and the SUT's clock a day on, the positive control still got 401, not 2xx: it never recovered from the outage (this case signs with the key the key server could not serve in BF-C2B-KLC-010)");
  expect(verdict('011', { controlStatus: 401 }, { broken: broken('011') })).toMatchObject({
    outcome: 'inconclusive',
    reason: "the SUT refuses every token since BF-C2B-KLC-010: the positive control passed up to that case (whose key server played keys document: status-500) and has been refused since, still with the key server put right and the SUT's clock a day on (it got 401, not 2xx), so this case proves nothing",
  });
  expect(verdict('001', { controlStatus: 401 }, { broken: broken('001') }).outcome).toBe('inconclusive'); // a rotation case, not a recovery
  // Broken since a case with no fault: not an outage, so the recovery case proves nothing either.
  expect(verdict('017', { controlStatus: 401 }, { broken: { ...broken('017'), fault: undefined } }).outcome).toBe('inconclusive');
  expect(verdict('017', { controlStatus: 401, sutGone: 'the SUT exited (code 1)' }, { broken: broken('017') }).outcome).toBe('error');
});
