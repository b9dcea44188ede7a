// --also-endpoint (SPS-27: the same validation guards every endpoint): the option's parsing, and how a
// case run on every endpoint gets one verdict that names the endpoint that let a request in.
import { expect, test } from '@playwright/test';
import { parseRunArgs, UsageError } from '../../harness/cli/args';
import type { CaseResult } from '../../harness/engine/case-model';
import { combineEndpoints, endpointsOf } from '../../harness/engine/endpoints';
import { evaluate } from '../../harness/engine/evaluate';
import { PROFILE_NAMES } from '../../profiles/registry';

const parse = (...argv: string[]) => parseRunArgs(argv, PROFILE_NAMES);

test('--also-endpoint is repeatable, keeps the order given, and is absent when not given', () => {
  expect(parse('--profile', 'sharepoint-s2s', '--also-endpoint', '/_vti_bin/listdata.svc', '--also-endpoint=/_vti_bin/sites.asmx').alsoEndpoints).toEqual(['/_vti_bin/listdata.svc', '/_vti_bin/sites.asmx']);
  expect(parse('--profile', 'sharepoint-s2s').alsoEndpoints).toBeUndefined();
  // With --target the extra paths are on the target's origin.
  expect(parse('--profile', 'sharepoint-s2s', '--target', 'http://127.0.0.1:9/_api/web', '--also-endpoint', '/_vti_bin/client.svc/ProcessQuery').alsoEndpoints).toEqual(['/_vti_bin/client.svc/ProcessQuery']);
});

for (const [argv, message] of [
  [['--also-endpoint', 'relative/path'], 'a path starting with a single /'],
  [['--also-endpoint', '//other.host/x'], 'a path starting with a single /'],
  [['--also-endpoint', '/with space'], 'a path starting with a single /'],
  [['--also-endpoint', '/a#frag'], 'a path starting with a single /'],
  [['--also-endpoint', '/a,/b'], 'one path (repeat the option for more)'],
  [['--also-endpoint', '/a', '--also-endpoint', '/a'], '--also-endpoint /a is given twice'],
  [['--endpoint', '/a', '--also-endpoint', '/a'], '--also-endpoint /a is the --endpoint already'],
  [['--also-endpoint', ''], '--also-endpoint needs a value'],
  [['--load', '5', '--also-endpoint', '/a'], 'not --load'],
] as const) {
  test(`--also-endpoint usage error: ${argv.join(' ')}`, () => {
    expect(() => parse(...argv)).toThrow(UsageError);
    expect(() => parse(...argv)).toThrow(message);
  });
}

test('the endpoints of a run: the listed ones, else the main endpoint alone (path and query)', () => {
  const listed = [{ endpoint: '/_api/web', url: 'http://127.0.0.1:1/_api/web' }, { endpoint: '/_vti_bin/listdata.svc', url: 'http://127.0.0.1:1/_vti_bin/listdata.svc' }];
  expect(endpointsOf({ sutUrl: 'http://127.0.0.1:1/_api/web', sutEndpoints: listed })).toEqual(listed);
  expect(endpointsOf({ sutUrl: 'http://127.0.0.1:1/_api/web?x=1' })).toEqual([{ endpoint: '/_api/web?x=1', url: 'http://127.0.0.1:1/_api/web?x=1' }]);
});

/** A case result at one endpoint, judged by the engine's own verdict function. */
function at(endpoint: string, o: Parameters<typeof evaluate>[1], def: Parameters<typeof evaluate>[0] = { expect: 'reject' }): { endpoint: string; result: CaseResult } {
  const v = evaluate(def, o);
  return {
    endpoint,
    result: {
      id: 'X-EP-002', profile: 'p', title: 't', requirement: { ids: ['SPS-27'], spec: 's', section: '3.1.5', level: 'MUST' }, expect: def.expect, why: 'w',
      ...v, evidence: { mutations: [], request: { method: 'GET', url: `http://h${endpoint}`, headers: {} }, response: { status: o.status ?? 0, headers: {}, body: '', ms: 1 } }, durationMs: 2,
    },
  };
}

test('one endpoint that lets the request in fails the case, and the reason and the evidence name it', () => {
  const r = combineEndpoints([at('/_api/web', { controlStatus: 200, status: 401 }), at('/_vti_bin/listdata.svc', { controlStatus: 200, status: 200 }), at('/_vti_bin/sites.asmx', { controlStatus: 200, status: 401 })]);
  expect(r.outcome).toBe('fail');
  expect(r.reason).toBe('on 1 of 3 endpoint(s): /_vti_bin/listdata.svc: accepted (200) a token it must refuse');
  // The top-level evidence is the failing endpoint's exchange; every endpoint's verdict is kept.
  expect(r.evidence.request?.url).toBe('http://h/_vti_bin/listdata.svc');
  expect(r.observed.status).toBe(200);
  expect(r.evidence.endpoints?.map((e) => [e.endpoint, e.outcome, e.status])).toEqual([['/_api/web', 'pass', 401], ['/_vti_bin/listdata.svc', 'fail', 200], ['/_vti_bin/sites.asmx', 'pass', 401]]);
  expect(r.durationMs).toBe(6);
});

test('a failure outranks an error and an inconclusive endpoint; an error outranks inconclusive', () => {
  const inconclusive = at('/a', { controlStatus: 401, status: 401 });
  const erred = at('/b', { controlStatus: 200, error: 'the SUT did not answer within 5000 ms' });
  const failed = at('/c', { controlStatus: 200, status: 204 });
  expect(combineEndpoints([inconclusive, erred, failed]).outcome).toBe('fail');
  expect(combineEndpoints([inconclusive, erred]).outcome).toBe('error');
  const r = combineEndpoints([at('/ok', { controlStatus: 200, status: 401 }), inconclusive]);
  expect(r.outcome).toBe('inconclusive');
  expect(r.reason).toMatch(/^on 1 of 2 endpoint\(s\): \/a: the positive control/);
});

test('a pass on every endpoint says so; a 5xx refusal on any endpoint is not hidden by the others', () => {
  const pass = combineEndpoints([at('/a', { controlStatus: 200, status: 401 }), at('/b', { controlStatus: 200, status: 403 })]);
  expect(pass.outcome).toBe('pass');
  expect(pass.reason).toBe('on every endpoint (/a, /b): refused (401); refused (403)');
  const crash = combineEndpoints([at('/a', { controlStatus: 200, status: 401 }), at('/b', { controlStatus: 200, status: 500 })]);
  expect(crash.outcome).toBe('pass');
  expect(crash.observed.robustness?.verdict).toBe('fail');
  expect(crash.evidence.request?.url).toBe('http://h/b');
  // One endpoint alone (no --also-endpoint): its reason, prefixed by the endpoint.
  expect(combineEndpoints([at('/_api/web', { controlStatus: 200, status: 401 })]).reason).toBe('/_api/web: refused (401)');
});
