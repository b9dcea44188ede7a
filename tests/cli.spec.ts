// The CLI's promises: usage errors are one line and exit 2; a SUT that will not start, crashes,
// hangs or answers garbage gives exit 3 with results.json still whole; --list needs no SUT;
// --target waits for a SUT the user starts from the written environment.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CATALOGS } from '../suites';
import { newOutDir, REPO, runCli } from './helpers/run-cli';

const TOTAL = CATALOGS['bot-framework'].length;

for (const [args, message] of [
  [['--bogus'], 'unknown option "--bogus"'],
  [['run', '--profile', 'nope'], 'unknown profile "nope"'],
  [['run', '--workers', '0'], '--workers takes a whole number of at least 1'],
  [['run', '--sut', 'node x.js', '--target', 'http://127.0.0.1:1/'], 'not both'],
  [['run', '--write-env', 'x.env'], 'goes with --target'],
  [['run', '--env-file', 'x.env'], 'goes with --target'],
  [['run', '--grep', '('], '--grep takes a regular expression'],
  [['run', '--sut-env', 'no-equals'], '--sut-env takes KEY=VALUE'],
] as const) {
  test(`usage error: ${args.join(' ')}`, async () => {
    const r = await runCli([...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.results).toBeUndefined();
  });
}

test('--list prints every case with its level and spec section, no SUT needed', async () => {
  const r = await runCli(['--list']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`${TOTAL} cases`);
  expect(r.stdout).toMatch(/BF-C2B-AUD-001\s+MUST\s+reject\s+BF-C2B-08/);
});

const misbehaving = [
  { sut: 'exits-at-start', reason: /exited \(code 7\) before it listened/ },
  { sut: 'crashes-after', reason: /exited \(code 13\)|ECONNRESET|ECONNREFUSED/ },
  { sut: 'hangs', reason: /did not answer within 500 ms|stopped answering/ },
  { sut: 'garbage', reason: /could not reach the SUT/ },
];
for (const m of misbehaving) {
  test(`a SUT that ${m.sut.replace(/-/g, ' ')} gives exit 3 and a whole results.json`, async () => {
    const r = await runCli(['run', '--sut', `node fixtures/suts/misbehaving/${m.sut}.mjs`, '--timeout-ms', '500', '--startup-timeout-ms', '3000', '--workers', '1']);
    expect(r.code).toBe(3);
    expect(r.results?.cases).toHaveLength(TOTAL);
    expect(r.results!.summary.error).toBeGreaterThan(0);
    expect(r.results!.cases.filter((c) => c.outcome === 'error').map((c) => c.reason)).toContainEqual(expect.stringMatching(m.reason));
    expect(r.stderr).toMatch(/s2s-conformance: .*errors of \d+ cases/);
  });
}

test('--target writes the contract environment, waits for the SUT, then runs', async () => {
  const out = newOutDir('target');
  const envFile = path.join(out, 'sut.env');
  const port = 39000 + Math.floor(Math.random() * 1000);
  let bot: ReturnType<typeof spawn> | undefined;
  const startBotFromEnvFile = async () => {
    for (let i = 0; i < 1200 && !existsSync(envFile); i++) await new Promise((r) => setTimeout(r, 50));
    const env = Object.fromEntries(
      readFileSync(envFile, 'utf8').split('\n').filter(Boolean).map((l) => {
        const [k, ...v] = l.split('=');
        const raw = v.join('=');
        return [k, raw.startsWith('"') ? JSON.parse(raw) : raw];
      }),
    );
    expect(env.PORT).toBe(String(port));
    expect(env.MicrosoftAppId).toBeTruthy();
    bot = spawn(process.execPath, [path.join(REPO, 'fixtures/suts/bot-framework/reference.mjs')], { env: { ...process.env, ...env, NODE_OPTIONS: '' }, stdio: 'ignore' });
  };
  const [r] = await Promise.all([
    runCli(['run', '--target', `http://127.0.0.1:${port}/api/messages`, '--write-env', envFile, '--grep', 'BF-C2B-(POS|AUD)'], { out }),
    startBotFromEnvFile(),
  ]);
  bot?.kill();
  expect(r.code).toBe(0);
  expect(r.results?.sut.target).toBe(`http://127.0.0.1:${port}/api/messages`);
  expect(r.results?.summary.pass).toBe(r.results?.summary.total);
  expect(r.results?.summary.total).toBeGreaterThan(5);
});

test('coverage lists every requirement with its cases, and --uncovered only the gaps', async () => {
  const r = await runCli(['coverage']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/BF-C2B-05\s+MUST\s+server \d+ case\(s\): BF-C2B-POS-001/);
  expect(r.stdout).toMatch(/^total: MUST \d+\/151/m);
  const gaps = await runCli(['coverage', '--uncovered']);
  expect(gaps.stdout).not.toContain('BF-C2B-05 ');
  expect(gaps.stdout).toContain('NOT COVERED');
  const bad = await runCli(['coverage', '--bogus']);
  expect(bad.code).toBe(2);
});
