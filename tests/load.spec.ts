// run --load: the reference SUT holds up (every decoy refused, figures sane), a SUT whose checks give
// way under concurrency is caught (and passes when requests come one at a time), secrets stay out of
// load.json and the console, and the percentile arithmetic is nearest-rank.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadCommand } from '../harness/cli/load-command';
import { validateLoadDoc, type LoadDoc } from '../harness/load/load-file';
import { latencySummary, nearestRank } from '../harness/load/percentiles';
import { PROFILE_INFO, type ProfileName } from '../profiles/registry';
import { checkRunConfig, REPO_ROOT, type RunConfig } from '../harness/run/config';
import { newOutDir, removeFoldersOfPassingTests } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

/** A run configuration as the CLI builds it: the bundled reference SUT unless `sut` names another. */
function runConfig(label: string, sut?: string, sutEnv: Record<string, string> = {}, profile: ProfileName = 'bot-framework'): RunConfig {
  return checkRunConfig({
    profile,
    endpoint: PROFILE_INFO[profile].defaultEndpoint,
    sutEnv,
    outDir: newOutDir(`load-${label}`),
    timeoutMs: 5000,
    startupTimeoutMs: 20000,
    sut: sut ? { command: sut, cwd: REPO_ROOT } : { command: PROFILE_INFO[profile].referenceSut, cwd: REPO_ROOT, bundled: true },
  });
}

/** Runs loadCommand, capturing what it says on stderr. */
async function load(opts: Parameters<typeof loadCommand>[0]) {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    const code = await loadCommand(opts);
    const doc = JSON.parse(readFileSync(path.join(opts.run.outDir, 'load.json'), 'utf8')) as LoadDoc;
    return { code, doc, stderr: lines.join('\n') };
  } finally {
    console.error = original;
  }
}

const sumOfCounts = (c: LoadDoc['counts']) => c.accepted + c.refused + c.decoysRefused + c.decoysAccepted + c.serverErrors + c.timeouts + c.connectionErrors + c.notSent;

test('the reference bot: 300 requests at concurrency 10, every decoy refused, exit 0', async () => {
  const run = runConfig('reference');
  const { code, doc, stderr } = await load({ run, requests: 300, concurrency: 10, decoyEvery: 10 });
  expect(code, stderr).toBe(0);
  validateLoadDoc(doc);
  expect(doc).toMatchObject({ profile: 'bot-framework', path: 'channel', requests: 300, concurrency: 10, decoyEvery: 10, findings: [], findingsTotal: 0 });
  expect(doc.counts).toEqual({ validSent: 270, accepted: 270, refused: 0, decoysSent: 30, decoysRefused: 30, decoysAccepted: 0, serverErrors: 0, timeouts: 0, connectionErrors: 0, notSent: 0 });
  expect(sumOfCounts(doc.counts)).toBe(300);
  expect(doc.distinctTokens).toBe(301); // every request its own token, the warm-up too
  expect(doc.throughputPerS).toBeGreaterThan(0);
  expect(doc.latencyMs.p50!).toBeLessThanOrEqual(doc.latencyMs.p90!);
  expect(doc.latencyMs.p90!).toBeLessThanOrEqual(doc.latencyMs.p99!);
  expect(doc.latencyMs.p99!).toBeLessThanOrEqual(doc.latencyMs.max!);
  expect(stderr).toMatch(new RegExp(`s2s-conformance: load: 300 requests at concurrency 10: [\\d.]+ req/s, p50 [\\d.]+ ms, p99 [\\d.]+ ms, 0 errors, 0 decoys accepted; ${path.join(run.outDir, 'load.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm'));
});

test('a SUT that stops checking when busy: decoys accepted at concurrency 10 (exit 1), none one at a time (exit 0)', async () => {
  const sut = 'node fixtures/suts/misbehaving/accepts-under-load.mjs';
  const busy = await load({ run: runConfig('busy', sut), requests: 300, concurrency: 10, decoyEvery: 10 });
  expect(busy.code, busy.stderr).toBe(1);
  validateLoadDoc(busy.doc);
  expect(busy.doc.counts.decoysAccepted).toBeGreaterThan(0);
  expect(busy.doc.counts.refused).toBe(0);
  expect(busy.doc.findings.length).toBe(busy.doc.counts.decoysAccepted);
  expect(busy.doc.findings.every((f) => f.kind === 'decoy accepted' && f.status === 200 && f.index % 10 === 0)).toBe(true);
  expect(busy.stderr).toMatch(/0 errors, [1-9]\d* decoys accepted;/);

  const calm = await load({ run: runConfig('calm', sut), requests: 100, concurrency: 1, decoyEvery: 10 });
  expect(calm.code, calm.stderr).toBe(0);
  expect(calm.doc.counts).toMatchObject({ accepted: 90, decoysRefused: 10, decoysAccepted: 0 });
});

test('a SUT that echoes its password: load.json and the console never show it; a SUT that dies mid-run gives exit 3 with the counts so far', async () => {
  const leakTo = path.join(newOutDir('load-leak-file'), 'password');
  const leakyRun = runConfig('leaky', 'node fixtures/suts/misbehaving/leaks-secrets.mjs', { LEAK_TO: leakTo });
  const leaky = await load({ run: leakyRun, requests: 40, concurrency: 4, decoyEvery: 10 });
  const password = readFileSync(leakTo, 'utf8');
  expect(password.length).toBeGreaterThan(8);
  expect(leaky.code).toBe(1); // it accepts the decoys
  expect(leaky.doc.findings[0].detail).toContain('[REDACTED]');
  const written = readFileSync(path.join(leakyRun.outDir, 'load.json'), 'utf8');
  expect(written).not.toContain(password);
  expect(written).not.toMatch(/PRIVATE KEY/);
  expect(leaky.stderr).not.toContain(password);

  const dying = await load({ run: runConfig('dying', 'node fixtures/suts/misbehaving/crashes-after.mjs', { CRASH_AFTER: '50' }), requests: 200, concurrency: 4, decoyEvery: 0 });
  expect(dying.code, dying.stderr).toBe(3);
  validateLoadDoc(dying.doc);
  expect(dying.doc.error).toMatch(/the SUT died during the load run: the SUT exited \(code 13\)/);
  expect(dying.doc.counts.accepted).toBeGreaterThanOrEqual(40);
  expect(dying.doc.counts.notSent).toBeGreaterThan(0);
  expect(sumOfCounts(dying.doc.counts)).toBe(200);
});

test('a SUT that refuses valid tokens: exit 3 after the warm-up, one line', async () => {
  // The reference bot with another app id refuses the harness's tokens (aud is not its id).
  const { code, doc, stderr } = await load({ run: runConfig('refuses', undefined, { MicrosoftAppId: 'someone-else' }), requests: 10, concurrency: 2, decoyEvery: 0 });
  expect(code).toBe(3);
  expect(stderr.split('\n').filter((l) => l.startsWith('s2s-conformance: error'))).toEqual([expect.stringMatching(/did not accept the valid warm-up request \(HTTP 401\): a load figure would be meaningless; .*load\.json$/)]);
  expect(doc.counts.notSent).toBe(10);
});

test('nearest-rank percentiles', () => {
  expect(nearestRank([], 50)).toBeNull();
  expect(nearestRank([7], 1)).toBe(7);
  expect(nearestRank([7], 100)).toBe(7);
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
  expect(nearestRank(hundred, 50)).toBe(50);
  expect(nearestRank(hundred, 99)).toBe(99);
  expect(nearestRank(hundred, 100)).toBe(100);
  // The classic example: 15, 20, 35, 40, 50 -> p30 = 20, p40 = 20, p50 = 35, p100 = 50.
  const five = [50, 15, 40, 20, 35];
  expect([30, 40, 50, 100].map((p) => nearestRank(five, p))).toEqual([20, 20, 35, 50]);
  expect(nearestRank([1, 2, 3], 0.1)).toBe(1);
  expect(() => nearestRank([1], 0)).toThrow(RangeError);
  expect(() => nearestRank([1], 101)).toThrow(RangeError);
  expect(latencySummary([3.14159, 1, 2])).toEqual({ p50: 2, p90: 3.14, p99: 3.14, max: 3.14 });
  expect(latencySummary([])).toEqual({ p50: null, p90: null, p99: null, max: null });
});
