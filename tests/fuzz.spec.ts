// `fuzz`: a correct SUT gives no finding; a weak one gives `accepted` and `server-error` findings
// whose curl lines replay the exact request; mutant i is a function of (seed, i) alone; the run's
// secret never reaches fuzz.json or the console.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { fuzzCommand, fuzzStartedRun } from '../harness/cli/fuzz-command';
import { createTestCa } from '../harness/ca/test-ca';
import { validateFuzzDoc, type FuzzDoc } from '../harness/fuzz/fuzz-file';
import { buildMutant, buildValidRequest, type FuzzWorld } from '../harness/fuzz/mutant';
import { MUTATOR_NAMES } from '../harness/fuzz/mutators';
import { prepareKeyPairs } from '../harness/keys/key-pair-pool';
import { createSigningKeys } from '../harness/keys/signing-keys';
import { BOT_FRAMEWORK_KEYS } from '../profiles/bot-framework/facts';
import { PROFILE_INFO } from '../profiles/registry';
import { checkRunConfig, REPO_ROOT, type RunConfig } from '../harness/run/config';
import { startRun } from '../harness/run/start-run';
import { newOutDir, removeFoldersOfPassingTests } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

const FUZZ_TARGET = 'node fixtures/suts/misbehaving/fuzz-target.mjs';

/** A RunConfig as the CLI builds it (runConfigOf in harness/cli/main.ts). */
function runConfig(outDir: string, command?: string, sutEnv: Record<string, string> = {}): RunConfig {
  return checkRunConfig({
    profile: 'bot-framework',
    sut: command ? { command, cwd: REPO_ROOT } : { command: PROFILE_INFO['bot-framework'].referenceSut, cwd: REPO_ROOT, bundled: true },
    endpoint: PROFILE_INFO['bot-framework'].defaultEndpoint,
    sutEnv,
    outDir,
    timeoutMs: 5000,
    startupTimeoutMs: 20000,
  });
}

function readDoc(outDir: string): FuzzDoc {
  const doc = JSON.parse(readFileSync(path.join(outDir, 'fuzz.json'), 'utf8')) as FuzzDoc;
  validateFuzzDoc(doc);
  return doc;
}

/** The lines the command writes to stderr (console.error), captured for one call. */
async function capturingStderr<T>(fn: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    return { value: await fn(), lines };
  } finally {
    console.error = original;
  }
}

const tokenOf = (req: { headers: Record<string, string> }): string => req.headers.authorization.replace(/^Bearer /, '');

/** A world without a SUT: the bot-framework keys and made-up server addresses. */
async function offlineWorld(now = 1_750_000_000): Promise<FuzzWorld> {
  await prepareKeyPairs(10);
  const keys = createSigningKeys(createTestCa(), BOT_FRAMEWORK_KEYS);
  const urls = { front: 'https://127.0.0.1:9001', emulator: 'https://127.0.0.1:9002', attacker: 'https://127.0.0.1:9003', control: 'http://127.0.0.1:9004' };
  return { state: { profile: 'bot-framework', urls, sutUrl: 'http://127.0.0.1:9005/api/messages', keys, appPassword: 'not-used-offline', timeoutMs: 5000 }, path: 'channel', now };
}

test('the bundled bot-framework reference SUT refuses 150 mutants of seed 7: no finding, exit 0', async () => {
  const out = newOutDir('fuzz-reference');
  const { value: code, lines } = await capturingStderr(() => fuzzCommand({ run: runConfig(out), seed: 7, count: 150, timeLimitS: 60 }));
  const doc = readDoc(out);
  expect(doc.findings).toEqual([]);
  expect(code).toBe(0);
  expect(doc).toMatchObject({ profile: 'bot-framework', path: 'channel', seed: 7, requested: 150, sent: 150, stoppedBy: 'count', control: { status: 200 } });
  expect(doc.mutatorTable.map((m) => m.name)).toEqual(MUTATOR_NAMES);
  expect(lines.at(-1)).toBe(`s2s-conformance: fuzz: 150 mutants sent (seed 7), 0 findings; ${path.join(out, 'fuzz.json')}`);
});

test('a weak SUT (fuzz-target.mjs) gives accepted and server-error findings, exit 1, each with a curl line carrying the exact token', async () => {
  const out = newOutDir('fuzz-weak');
  const { value: code, lines } = await capturingStderr(() => fuzzCommand({ run: runConfig(out, FUZZ_TARGET), seed: 5, count: 60, timeLimitS: 30 }));
  expect(code).toBe(1);
  const doc = readDoc(out);
  const kinds = new Set(doc.findings.map((f) => f.kind));
  expect(kinds).toContain('accepted');
  expect(kinds).toContain('server-error');
  for (const f of doc.findings) {
    expect(f.response?.status).toBe(f.kind === 'accepted' ? 200 : 500);
    expect(f.replay).toContain(tokenOf(f.request));
    expect(f.replay).toMatch(/^curl .* -X POST 'http:\/\/127\.0\.0\.1:\d+\/api\/messages'/);
    expect(f.mutators.length).toBeGreaterThanOrEqual(1);
    expect(f.mutators.length).toBeLessThanOrEqual(3);
  }
  expect(lines.filter((l) => l.includes('fuzz: finding: mutant #'))).toHaveLength(doc.findings.length);
  expect(lines.at(-1)).toBe(`s2s-conformance: fuzz: 60 mutants sent (seed 5), ${doc.findings.length} findings; ${path.join(out, 'fuzz.json')}`);
});

test('mutants are a function of (seed, index): same seed, same bytes in any order; another seed, other mutants', async () => {
  const world = await offlineWorld();
  const N = 120;
  const forward = Array.from({ length: N }, (_, i) => buildMutant(world, 7, i));
  const backward = Array.from({ length: N }, (_, i) => buildMutant(world, 7, N - 1 - i)).reverse();
  expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  expect(buildMutant(world, 7, 57)).toEqual(forward[57]);

  const other = Array.from({ length: N }, (_, i) => buildMutant(world, 8, i));
  const same = other.filter((m, i) => m.token === forward[i].token).length;
  expect(same).toBeLessThan(N / 10); // a parameterless single mutator may coincide, the sequence does not

  // Every mutant differs from the valid token, and the table is exercised.
  const valid = buildValidRequest(world, 7).token;
  const many = Array.from({ length: 400 }, (_, i) => buildMutant(world, 7, i));
  expect(many.filter((m) => m.token === valid)).toEqual([]);
  expect(new Set(many.flatMap((m) => m.mutators))).toEqual(new Set(MUTATOR_NAMES));
});

test('mutant i rebuilt alone equals mutant i of the run, and its curl line replays the finding', async () => {
  const out = newOutDir('fuzz-rebuild');
  const run = runConfig(out, FUZZ_TARGET);
  const started = await startRun(run, () => undefined);
  try {
    const now = Math.floor(Date.now() / 1000);
    const { value: code } = await capturingStderr(() => fuzzStartedRun(started, { run, seed: 11, count: 40, timeLimitS: 30, now }));
    expect(code).toBe(1);
    const doc = readDoc(out);
    expect(doc.now).toBe(now);
    expect(doc.findings.length).toBeGreaterThan(0);
    const world: FuzzWorld = { state: started.state, path: doc.path, now: doc.now };
    for (const f of doc.findings) {
      const again = buildMutant(world, doc.seed, f.index);
      expect(again.request).toEqual(f.request);
      expect(again.mutators).toEqual(f.mutators);
      expect(again.description).toBe(f.description);
    }
    // The SUT still runs: the replay gets the same answer.
    const accepted = doc.findings.find((f) => f.kind === 'accepted');
    expect(accepted).toBeDefined();
    if (accepted && existsSync('/usr/bin/curl')) {
      const { stdout } = await promisify(execFile)('/bin/sh', ['-c', accepted.replay], { maxBuffer: 1 << 20 });
      expect(stdout).toMatch(/^HTTP\/1\.1 200/);
    }
  } finally {
    await started.stop();
  }
});

test('the run\'s app password reaches neither fuzz.json nor the console, even when the SUT echoes it', async () => {
  const out = newOutDir('fuzz-secrets');
  const leakTo = path.join(out, 'leaked-password.txt');
  const { value: code, lines } = await capturingStderr(() => fuzzCommand({ run: runConfig(out, 'node fixtures/suts/misbehaving/leaks-secrets.mjs', { LEAK_TO: leakTo }), seed: 3, count: 10, timeLimitS: 30 }));
  expect(code).toBe(1); // it accepts everything
  const password = readFileSync(leakTo, 'utf8');
  expect(password.length).toBeGreaterThan(8);
  const text = readFileSync(path.join(out, 'fuzz.json'), 'utf8');
  expect(text).toContain('[REDACTED]');
  expect(text).not.toContain(password);
  expect(text).not.toContain('PRIVATE KEY-----');
  expect(lines.join('\n')).not.toContain(password);
});

test('stops at the time limit and says so', async () => {
  const out = newOutDir('fuzz-time');
  const { value: code, lines } = await capturingStderr(() => fuzzCommand({ run: runConfig(out, FUZZ_TARGET), seed: 1, count: 1_000_000, timeLimitS: 0.5 }));
  expect(code).toBe(1);
  const doc = readDoc(out);
  expect(doc.stoppedBy).toBe('time');
  expect(doc.sent).toBeGreaterThan(0);
  expect(doc.sent).toBeLessThan(1_000_000);
  expect(lines.join('\n')).toContain(`fuzz: stopped by the time limit (0.5 s) after ${doc.sent} of 1000000 mutants`);
});

test('a SUT that dies mid-run: a crashed finding, stopped, exit 3', async () => {
  const out = newOutDir('fuzz-crash');
  const { value: code } = await capturingStderr(() => fuzzCommand({ run: runConfig(out, 'node fixtures/suts/misbehaving/crashes-after.mjs', { CRASH_AFTER: '4' }), seed: 2, count: 50, timeLimitS: 30 }));
  expect(code).toBe(3);
  const doc = readDoc(out);
  expect(doc.stoppedBy).toBe('crash');
  expect(doc.findings.at(-1)?.kind).toBe('crashed');
  expect(doc.findings.at(-1)?.error).toContain('the SUT exited (code 13)');
});

test('a SUT that refuses the valid request: one line, exit 3, nothing concluded', async () => {
  const out = newOutDir('fuzz-refused');
  // The reference bot configured for another app id refuses the baseline token (wrong aud).
  const { value: code, lines } = await capturingStderr(() => fuzzCommand({ run: runConfig(out, undefined, { MicrosoftAppId: '3f1c0a57-8e2d-4b6a-9c11-7d2e5b9a0c44' }), seed: 1, count: 50, timeLimitS: 30 }));
  expect(code).toBe(3);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^s2s-conformance: error: the SUT refused the valid request \(HTTP 401\): nothing can be concluded/);
  const doc = readDoc(out);
  expect(doc).toMatchObject({ sent: 0, stoppedBy: 'error', control: { status: 401 }, findings: [] });
});
