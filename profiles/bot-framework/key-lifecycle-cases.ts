// Key lifecycle on the channel path (BF-C2B-KLC-*): rotation, withdrawal, the key cache's limits, and
// a key server that fails. Each case moves the SUT's clock past its refresh limits (an hour;
// a day where the 24 h cache is the point) after its control and its key-set change, signs with a
// key of its own, and puts the key server right again afterwards. They run after all other cases,
// one at a time, in this order.
import type { CaseText, LifecycleCase, LifecycleScript, Level } from '../../harness/engine/case-model';
import { CONNECTOR_KEY_SERVER, type BotPath } from './facts';
import type { FaultKind, KeyFault } from '../../harness/servers/key-lifecycle';
import { C2B_REQ, FACT, FACTS, SPEC } from './case-builder';
import { callerLocation } from '../../harness/engine/catalog-location';
import { coldStartTwins } from '../../harness/engine/cold-start-twins';

const HOUR = 3600_000;
const PAST_HOURLY_LIMIT = HOUR + 60_000;
const PAST_DAILY_CACHE = 24 * HOUR + 60_000;
/** Further clock steps of the withdrawal probe: to 6 h, 12 h, a day and two days after the withdrawal. */
const PROBE_STEPS = [5 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR + 60_000];

type Script = Omit<LifecycleScript, 'keyServer'>;

interface LifecycleSpec extends CaseText {
  script: Script;
  retryWhileRefusedMs?: number;
}

const cases: LifecycleCase<BotPath>[] = [];
const add = (id: string, s: LifecycleSpec): void => {
  cases.push({
    kind: 'lifecycle',
    id: `BF-C2B-KLC-${id}`,
    profile: 'bot-framework',
    path: 'channel',
    location: callerLocation(1, id),
    title: s.title,
    requirement: { ids: s.ids, spec: s.spec ?? SPEC, section: s.section, level: s.level },
    expect: s.expect,
    why: s.why,
    mutations: [],
    lifecycle: { keyServer: CONNECTOR_KEY_SERVER, ...s.script },
    retryWhileRefusedMs: s.retryWhileRefusedMs,
    cwe: s.cwe,
  });
};

// ---- rotation and the cache --------------------------------------------------------------------
add('001', {
  title: 'a key rotated into the Connector\'s key set is accepted (the SUT refreshes on the unknown kid)',
  level: 'SHOULD', ids: ['BF-CUR-17'], spec: FACTS, section: FACT('key cache (unknown kid)'), expect: 'accept',
  why: 'Keys rotate; a SUT that refreshes on an unknown kid (at most hourly: the clock is an hour on) takes the new key without a restart.',
  script: { advanceClockMs: PAST_HOURLY_LIMIT, before: { publish: ['connector-new-1'] }, after: {}, signWith: 'connector-new-1' },
  retryWhileRefusedMs: 5_000, cwe: ['CWE-347'],
});
add('002', {
  title: 'twenty tokens with random unknown kids cause at most one fetch of the keys document',
  level: 'SHOULD', ids: ['BF-CUR-18'], spec: FACTS, section: FACT('key cache (at most hourly)'), expect: 'reject',
  why: 'A refresh per unknown kid lets anyone make the bot hammer the key server; refreshes on unknown kids happen at most once an hour.',
  script: { advanceClockMs: PAST_HOURLY_LIMIT, before: {}, after: {}, signWith: 'rogue', randomKid: true, requests: { count: 20, concurrency: 1 }, jwksFetches: { max: 1 } },
  cwe: ['CWE-400'],
});
add('003', {
  title: '200 valid tokens signed by a newly rotated key, 20 at a time, fetch the keys document at most 3 times',
  level: 'SHOULD', ids: ['BF-C2B-04', 'BF-CUR-16'], spec: FACTS, section: FACT('key cache'), expect: 'either',
  why: 'Concurrent requests that all miss the cache should share one refresh (single flight); a refresh per request is a cache stampede on the key server. The keys document answers after 300 ms here, as a distant server would, so the first 20 requests all miss before any refresh completes.',
  script: { advanceClockMs: PAST_HOURLY_LIMIT, before: { publish: ['connector-new-2'], fault: { target: 'jwks', kind: 'slow' } }, after: { fault: null }, signWith: 'connector-new-2', requests: { count: 200, concurrency: 20 }, jwksFetches: { max: 3 } },
  cwe: ['CWE-400'],
});
add('004', {
  title: 'a withdrawn key is refused once the SUT\'s 24 h key cache has expired',
  level: 'SHOULD', ids: ['BF-C2B-11', 'BF-CUR-16'], section: C2B_REQ(6), expect: 'reject',
  why: 'The signature must verify under a key the Connector\'s keys document lists; after a withdrawal and the cache\'s 24 h, it no longer lists this one (the control is signed by that key before it is withdrawn). A SHOULD: 24 h is current practice (the 2017 text says five days), and only the issuer held the key.',
  script: { advanceClockMs: PAST_DAILY_CACHE, controlKey: 'connector-w', before: { withdraw: ['connector-w'] }, after: {}, signWith: 'connector-w' },
  cwe: ['CWE-613', 'CWE-347'],
});
add('006', {
  title: 'how long a withdrawn key stays accepted (the clock moved on step by step: 1 h, 6 h, 12 h, a day, two days)',
  level: 'INFO', ids: ['BF-CUR-16'], spec: FACTS, section: FACT('key cache'), expect: 'either',
  why: 'After a withdrawal the key works until the SUT refreshes its cache; how long that is, is reported (BF-C2B-KLC-004 holds the SUT to the 24 h limit). The control is signed by the key before it is withdrawn.',
  script: { advanceClockMs: HOUR + 60_000, controlKey: 'connector-w2', before: { withdraw: ['connector-w2'] }, after: {}, signWith: 'connector-w2', probeClockMs: PROBE_STEPS },
  cwe: ['CWE-613'],
});
add('005', {
  title: 'the keys document is fetched again once a day has passed',
  level: 'SHOULD', ids: ['BF-CUR-16'], spec: FACTS, section: FACT('key cache'), expect: 'accept',
  why: 'Keys are cached about 24 hours and then refetched (the 2017 text said five days; current practice stands), so withdrawn keys stop working.',
  script: { advanceClockMs: PAST_DAILY_CACHE, before: {}, after: {}, signWith: 'connector-a', jwksFetches: { min: 1 } },
  cwe: ['CWE-613'],
});

add('007', {
  title: 'twenty valid tokens signed by a key the SUT already holds, one after another, cause at most one fetch of the keys document',
  level: 'SHOULD', ids: ['BF-CUR-16'], spec: FACTS, section: FACT('key cache'), expect: 'accept',
  why: 'Keys are cached (about 24 hours); a SUT that fetches the keys document for every token makes each request cost a round trip to the key server and turns a key-server outage into its own. The clock does not move, so no refresh is due; one fetch is tolerated.',
  script: { advanceClockMs: 0, before: {}, after: {}, signWith: 'connector-a', requests: { count: 20, concurrency: 1 }, jwksFetches: { max: 1 } },
  cwe: ['CWE-400'],
});

// ---- a failing key server: fail closed -----------------------------------------------------------
const failClosed = (id: string, key: string, fault: KeyFault, title: string, why: string, ids = ['BF-C2B-11'], level: Level = 'MUST') =>
  add(id, {
    title, level, ids, section: C2B_REQ(6), expect: 'reject', why,
    script: { advanceClockMs: PAST_HOURLY_LIMIT, before: { publish: [key], fault }, after: { fault: null, withdraw: [key] }, signWith: key, mustFetchDuringFault: fault.kind.endsWith('jwks-uri') ? 'metadata' : fault.target },
    cwe: ['CWE-636'],
  });
const fault = (target: KeyFault['target'], kind: FaultKind): KeyFault => ({ target, kind });

failClosed('010', 'connector-new-3', fault('jwks', 'status-500'), 'the keys document answers 500 while a token names a new key',
  'With no keys to verify with, the token cannot be verified: refuse it (fail closed), and keep serving.');
failClosed('011', 'connector-new-4', fault('metadata', 'status-500'), 'the OpenID metadata answers 500 while a token names a new key',
  'With no metadata there is no trusted jwks_uri: refuse the token (fail closed), and keep serving.');
failClosed('012', 'connector-new-5', fault('jwks', 'malformed-json'), 'the keys document is broken JSON while a token names a new key',
  'A key set that does not parse gives no key: refuse the token, never skip the check.');
failClosed('013', 'connector-new-6', fault('metadata', 'malformed-json'), 'the OpenID metadata is broken JSON while a token names a new key',
  'Metadata that does not parse gives no jwks_uri: refuse the token, never skip the check.');
failClosed('014', 'connector-new-7', fault('jwks', 'hang'), 'the keys document never answers while a token names a new key',
  'A key server that hangs must not get a token accepted; the SUT should answer (refuse) without waiting for it indefinitely (no answer within the deadline is reported as a robustness warning).');
failClosed('015', 'connector-new-8', fault('metadata', 'plain-http-jwks-uri'), 'the metadata names a jwks_uri over plain HTTP, whose key set holds the new key',
  'Keys are read over TLS only; a key set fetched over plain HTTP could be anyone\'s.', ['BF-GEN-01', 'BF-C2B-03']);
failClosed('016', 'connector-new-9', fault('metadata', 'untrusted-tls-jwks-uri'), 'the metadata names a jwks_uri on a server whose certificate no trusted CA issued',
  'A key server whose certificate does not verify could be anyone\'s: its keys must not be used.', ['BF-GEN-01', 'BF-C2B-03']);

// ---- recovery ----------------------------------------------------------------------------------
add('017', {
  title: 'after a key-server outage, the key it could not serve is accepted once the server is back',
  level: 'SHOULD', ids: ['BF-CUR-17'], spec: FACTS, section: FACT('key cache (unknown kid)'), expect: 'accept',
  why: 'Failing closed must not become failing for good: once the key server answers again (and an hour has passed), the new key works.',
  script: { advanceClockMs: PAST_HOURLY_LIMIT, before: { publish: ['connector-new-3'] }, after: {}, signWith: 'connector-new-3' },
  retryWhileRefusedMs: 5_000, cwe: ['CWE-347'],
});
export const KEY_LIFECYCLE_CASES = cases;

// ---- the same faults from a cold start (BF-C2B-CSF-010..016, one per fail-closed case above) -------
// Each in a world of its own with a fresh SUT process whose first key fetch meets the fault: judged
// for a SUT in any language, where the cases above need a Node SUT whose clock can be moved.
export const COLD_START_CASES = coldStartTwins(cases, (id) => id.replace('-KLC-', '-CSF-'));
