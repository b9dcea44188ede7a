// The CLI's promises: usage errors are one line and exit 2; a SUT that will not start, crashes,
// hangs or answers garbage gives exit 3 with results.json still whole; --list needs no SUT;
// --target waits for a SUT the user starts from the written environment.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CATALOGS } from '../profiles/registry';
import { newOutDir, removeFoldersOfPassingTests, REPO, runCli } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

const TOTAL = CATALOGS['bot-framework'].length;
/** An --expect-failures file whose entry has a `until` that is not a date (month 13). A fixed path, as
 *  the test title names it (the same in every worker); written whole by a rename, as workers race. */
const BAD_UNTIL = path.join(os.tmpdir(), 's2s-selftest-bad-until.json');
const badUntilTmp = path.join(newOutDir('bad-until'), 'known.json');
writeFileSync(badUntilTmp, JSON.stringify({ 'BF-C2B-AUD-001': { reason: 'library bug', owner: 'bots-team', until: '2026-13-01' } }));
renameSync(badUntilTmp, BAD_UNTIL);

for (const [args, message] of [
  [['--bogus'], 'unknown option "--bogus"'],
  [['run', '--profile', 'nope'], 'unknown profile "nope"'],
  [['run', '--workers', '0'], '--workers takes a whole number of at least 1'],
  [['run', '--sut', 'node x.js', '--target', 'http://127.0.0.1:1/'], 'not both'],
  [['run', '--write-env', 'x.env'], 'goes with --target'],
  [['run', '--env-file', 'x.env'], 'goes with --target'],
  [['run', '--grep', '('], '--grep takes a regular expression'],
  [['run', '--sut-env', 'no-equals'], '--sut-env takes KEY=VALUE'],
  [['run', '--seed', '3'], '--seed, --count and --time-limit-s go with fuzz'],
  [['fuzz', '--load', '3'], 'go with run, not fuzz'],
  [['run', '--concurrency', '3'], '--concurrency and --decoy-every go with --load N'],
  [['run', '--path', 'channel'], '--path goes with fuzz or --load'],
  [['fuzz', '--count', '0'], '--count takes a whole number of at least 1'],
  [['run', '--shard', '3/2'], '--shard takes i/n'],
  [['matrix', 'a', '--no-pdf'], 'unknown option "--no-pdf" for matrix'],
  // The client role: the SUT is a one-shot client, so what sends tokens to a server SUT makes no sense.
  [['run', '--profile', 's2s-client', '--target', 'https://127.0.0.1:1/'], '--target does not go with profile s2s-client'],
  [['fuzz', '--profile', 's2s-client'], 'fuzz and --load send tokens to a SUT that receives them'],
  [['run', '--profile', 's2s-client', '--load', '5'], 'fuzz and --load send tokens to a SUT that receives them'],
  // --also-endpoint: one path per option, on the main endpoint's origin, where some case runs on every endpoint.
  [['run', '--profile', 'sharepoint-s2s', '--also-endpoint', '_vti_bin/listdata.svc'], '--also-endpoint takes a path starting with a single /'],
  [['run', '--profile', 'sharepoint-s2s', '--also-endpoint', '//evil.test/x'], '--also-endpoint takes a path starting with a single /'],
  [['run', '--profile', 'sharepoint-s2s', '--also-endpoint', '/_vti_bin/listdata.svc,/_vti_bin/sites.asmx'], '--also-endpoint takes one path (repeat the option for more)'],
  [['run', '--profile', 'sharepoint-s2s', '--also-endpoint', '/x', '--also-endpoint', '/x'], '--also-endpoint /x is given twice'],
  [['run', '--profile', 'sharepoint-s2s', '--also-endpoint', '/_api/web'], '--also-endpoint /_api/web is the main endpoint already'],
  [['run', '--profile', 'bot-framework', '--also-endpoint', '/api/other'], 'profile bot-framework has no case that runs on every endpoint'],
  [['run', '--profile', 's2s-client', '--also-endpoint', '/x'], '--also-endpoint does not go with profile s2s-client'],
  [['fuzz', '--profile', 'sharepoint-s2s', '--also-endpoint', '/x'], '--also-endpoint goes with run, not fuzz'],
  [['run', '--expect-failures', BAD_UNTIL], 'BF-C2B-AUD-001: until "2026-13-01" is not a date YYYY-MM-DD'],
  [['run', '--profile', 'bot-framework,nope'], 'unknown profile "nope"'],
  [['run', '--profile', 'all', '--target', 'http://127.0.0.1:1/'], 'several profiles'],
  [['run', '--engine', 'in-process', '--shard', '1/2'], '--shard goes with --engine playwright'],
  [['run', '--engine', 'vm'], '--engine takes in-process or playwright'],
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

test('the CI gate: --strict, --expect-failures (validated), and compare of two runs', async () => {
  const flaw = ['run', '--sut', 'node fixtures/suts/bot-framework/flawed/aud-unchecked.mjs', '--grep', 'BF-C2B-(AUD-00[13]|POS-001|HDR-001)', '--workers', '1'];
  const plain = await runCli(flaw);
  expect(plain.code).toBe(1);
  expect(plain.results!.gate!.failing).toEqual(['BF-C2B-AUD-001', 'BF-C2B-AUD-003']);
  expect(plain.results!.cases.find((x) => x.id === 'BF-C2B-AUD-001')!.tier).toBe('FAIL');

  const dir = newOutDir('expect-failures');
  const file = path.join(dir, 'expected.json');
  writeFileSync(file, JSON.stringify({ 'BF-C2B-AUD-001': 'known departure', 'BF-C2B-AUD-003': 'known departure', 'BF-C2B-HDR-001': 'fixed since' }));
  const known = await runCli([...flaw, '--expect-failures', file]);
  expect(known.code).toBe(0);
  expect(known.stderr).toContain('passing now (take them out of the file): BF-C2B-HDR-001');
  expect(known.results!.gate!.expectedFailures.map((e) => e.id)).toEqual(['BF-C2B-AUD-001', 'BF-C2B-AUD-003']);

  writeFileSync(file, JSON.stringify({ 'NOT-A-CASE-1': 'x' }));
  const bad = await runCli([...flaw, '--expect-failures', file]);
  expect(bad.code).toBe(2);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  expect(bad.stderr).toContain('not cases of profile bot-framework: NOT-A-CASE-1');

  const reference = await runCli(['run', '--grep', 'BF-C2B-(AUD-00[13]|POS-001|HDR-001)', '--workers', '1']);
  const cmp = await runCli(['compare', path.join(reference.out, 'results.json'), path.join(plain.out, 'results.json')]);
  expect(cmp.code).toBe(1);
  expect(cmp.stdout).toContain('newly failing (2):');
  expect(cmp.stdout).toContain('2 new MUST failure(s)');
  expect((await runCli(['compare', path.join(plain.out, 'results.json'), path.join(reference.out, 'results.json')])).code).toBe(0);
  const garbage = await runCli(['compare', file, path.join(plain.out, 'results.json')]);
  expect(garbage.code).toBe(2);
});

test('--expect-failures with an owner and a last day: an expired entry no longer excuses its failing case (exit 1, one line saying so); one not expired does (exit 0)', async () => {
  const flaw = ['run', '--sut', 'node fixtures/suts/bot-framework/flawed/aud-unchecked.mjs', '--grep', '^BF-C2B-AUD-001 ', '--workers', '1', '--only-results'];
  const file = path.join(newOutDir('expect-owners'), 'known.json');
  // 2000-01-01 has passed whenever this runs, 2999-12-31 has not (the gate's own date logic is unit-tested with a given day).
  writeFileSync(file, JSON.stringify({ 'BF-C2B-AUD-001': { reason: 'library bug #12', owner: 'bots-team', until: '2000-01-01' } }));
  const expired = await runCli([...flaw, '--expect-failures', file]);
  expect(expired.results!.cases.map((x) => [x.id, x.outcome])).toEqual([['BF-C2B-AUD-001', 'fail']]);
  expect(expired.code).toBe(1);
  expect(expired.stderr).toContain('s2s-conformance: expected failure BF-C2B-AUD-001 (owner: bots-team) expired after 2000-01-01: the case still fails, so it fails the gate again\n');
  expect(expired.results!.gate).toMatchObject({ failing: ['BF-C2B-AUD-001'], expectedFailures: [], expired: [{ id: 'BF-C2B-AUD-001', reason: 'library bug #12', owner: 'bots-team', until: '2000-01-01' }] });

  writeFileSync(file, JSON.stringify({ 'BF-C2B-AUD-001': { reason: 'library bug #12', owner: 'bots-team', until: '2999-12-31' } }));
  const valid = await runCli([...flaw, '--expect-failures', file]);
  expect(valid.code).toBe(0);
  expect(valid.stderr).not.toContain('expired');
  expect(valid.results!.gate).toMatchObject({ failing: [], expectedFailures: [{ id: 'BF-C2B-AUD-001', reason: 'library bug #12', owner: 'bots-team', until: '2999-12-31' }], expired: [] });
});

test('--strict makes a failed SHOULD case (WARN) fail the run', async () => {
  const args = ['run', '--profile', 'sharepoint-s2s', '--sut', 'node fixtures/suts/s2s/flawed/trustedfordelegation-unchecked.mjs', '--grep', 'SPS2S-(OUT-005|POS-001)', '--workers', '1'];
  const lenient = await runCli(args);
  expect(lenient.code).toBe(0);
  expect(lenient.results!.cases.find((x) => x.id === 'SPS2S-OUT-005')!.tier).toBe('WARN');
  const strict = await runCli([...args, '--strict']);
  expect(strict.code).toBe(1);
  expect(strict.results!.gate).toMatchObject({ strict: true, failing: ['SPS2S-OUT-005'] });
});

test('secrets never reach an output file: a SUT that prints and echoes its password, client secret and a private key', async () => {
  const dir = newOutDir('leak');
  const leakTo = path.join(dir, 'password.txt');
  const r = await runCli(['run', '--sut', 'node fixtures/suts/misbehaving/leaks-secrets.mjs', '--sut-env', `LEAK_TO=${leakTo}`, '--grep', 'BF-C2B-(POS-001|AUD-001|SURL-002)', '--workers', '1']);
  expect(r.results!.cases).toHaveLength(3);
  const password = readFileSync(leakTo, 'utf8');
  expect(password.length).toBeGreaterThanOrEqual(16);
  const files = (readdirSync(r.out, { recursive: true }) as string[]).map((f) => path.join(r.out, f)).filter((f) => statSync(f).isFile());
  expect(files.length).toBeGreaterThan(5);
  for (const f of files) {
    const text = readFileSync(f).toString('latin1');
    expect(text.includes(password), f).toBe(false);
    expect(/PRIVATE KEY-----/.test(text), f).toBe(false);
  }
  expect(readFileSync(path.join(r.out, 'sut.log'), 'utf8')).toContain('MicrosoftAppPassword=[REDACTED]');
  expect(JSON.stringify(r.results)).toContain('my password is [REDACTED]');
  expect(r.stdout + r.stderr).not.toContain(password);
  // ... nor a certification package made from the run: certify finds nothing to refuse, and its files carry no secret.
  const pkg = path.join(newOutDir('leak-pkg'), 'package');
  const certify = await runCli(['certify', r.out, '--out', pkg, '--no-pdf']);
  expect(certify.code, certify.stderr).toBe(0);
  for (const f of (readdirSync(pkg, { recursive: true }) as string[]).map((f) => path.join(pkg, f)).filter((f) => statSync(f).isFile())) {
    const text = readFileSync(f).toString('latin1');
    expect(text.includes(password), f).toBe(false);
    expect(/PRIVATE KEY-----/.test(text), f).toBe(false);
  }
});

test('summary.md and summary.html: the declared SUT, the verdict, the failures and the SHA-256 of results.json', async () => {
  const r = await runCli(['run', '--sut', 'node fixtures/suts/bot-framework/flawed/aud-unchecked.mjs', '--sut-name', 'Contoso bot', '--sut-version', '2.1.0', '--grep', 'BF-C2B-(AUD-001|POS-001)', '--workers', '1']);
  const sha = createHash('sha256').update(readFileSync(path.join(r.out, 'results.json'))).digest('hex');
  const md = readFileSync(path.join(r.out, 'summary.md'), 'utf8');
  expect(md).toContain('| SUT | Contoso bot 2.1.0 (as declared) |');
  expect(md).toContain('| verdict | **not conformant** |');
  expect(md).toContain(`\`${sha}\``);
  expect(md).toContain('### BF-C2B-AUD-001 [MUST, FAIL]');
  const page = readFileSync(path.join(r.out, 'summary.html'), 'utf8');
  expect(page).toContain('data-verdict="not conformant"');
  expect(page).toContain(`<code data-sha256>${sha}</code>`);
  const clean = await runCli(['run', '--grep', 'BF-C2B-(AUD-001|POS-001)', '--workers', '1']);
  expect(readFileSync(path.join(clean.out, 'summary.md'), 'utf8')).toContain('| verdict | **conformant** |');
});

test('certify a run, verify the package (folder and zip): intact, then one changed byte of results.json is named (exit 1)', async () => {
  const run = await runCli(['run', '--grep', 'BF-C2B-(POS-001|AUD-001|ISS-001)', '--only-results', '--sut-name', 'Reference bot', '--sut-version', '1.0', '--workers', '1']);
  expect(run.code).toBe(0);
  const pkg = path.join(newOutDir('certified'), 'package');
  const certify = await runCli(['certify', run.out, '--out', pkg, '--valid-days', '30', '--no-pdf']);
  expect(certify.code, certify.stderr).toBe(0);
  const cert = JSON.parse(readFileSync(path.join(pkg, 'certificate.json'), 'utf8'));
  expect(cert).toMatchObject({ sut: { name: 'Reference bot', version: '1.0' }, verdict: 'conformant', profiles: [{ profile: 'bot-framework', counts: { total: 3, pass: 3 } }] });
  expect(existsSync(path.join(pkg, 'evidence', 'bot-framework', 'BF-C2B-AUD-001', 'token.jwt'))).toBe(true);
  for (const target of [pkg, `${pkg}.zip`]) {
    const ok = await runCli(['verify', target]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('intact: ');
  }
  const file = path.join(pkg, 'results.json');
  const bytes = readFileSync(file);
  bytes[bytes.lastIndexOf('}') - 2] ^= 0x01;
  writeFileSync(file, bytes);
  const bad = await runCli(['verify', pkg]);
  expect(bad.code).toBe(1);
  expect(bad.stdout.split('\n')[0]).toBe('tampered: results.json (sha256 differs)');
  expect((await runCli(['verify'])).code).toBe(2);
});

test('--profile a,b: one invocation, each profile into its own folder with its own results, one summary, the worst exit', async () => {
  const out = newOutDir('several-profiles');
  const r = await runCli(['run', '--profile', 's2s-client,bot-outbound', '--only-results', '--grep', 'POS-001'], { out });
  expect(r.code, r.stderr).toBe(0);
  for (const p of ['s2s-client', 'bot-outbound']) {
    const doc = JSON.parse(readFileSync(path.join(out, p, 'results.json'), 'utf8')) as { profile: string; summary: { total: number; fail: number } };
    expect(doc.profile).toBe(p);
    expect(doc.summary.total).toBeGreaterThan(0);
    expect(doc.summary.fail).toBe(0);
  }
  const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
  expect(summary).toContain('s2s-client');
  expect(summary).toContain('bot-outbound');
  // Each profile's lines carry its name; the last lines are one per profile.
  expect(r.stdout).toContain('[s2s-client] s2s-conformance:');
  expect(r.stderr + r.stdout).toMatch(/bot-outbound +\d+ passed, 0 failed/);
});

test('Ctrl-C during an in-process run: the results gathered so far are kept, the rest are "not run", exit 3, no SUT left running', async () => {
  // A marker in the SUT's command line (the reference ignores its arguments) finds its processes,
  // the run's and each cold-start world's, among the other tests'.
  const marker = `ctrl-c-${process.pid}-${Date.now()}`;
  const r = await runCli(['run', '--only-results', '--workers', '1', '--sut', `node fixtures/suts/bot-framework/reference.mjs ${marker}`], {
    onStart: (child) => {
      // Once a progress line shows cases done, interrupt as a terminal's Ctrl-C would.
      child.stdout?.on('data', (c: Buffer) => {
        if (/… \d+\/\d+ cases done/.test(c.toString())) child.kill('SIGINT');
      });
    },
  });
  expect(r.code).toBe(3);
  const cases = r.results!.cases;
  expect(cases.length).toBe(TOTAL);
  expect(cases.filter((c) => c.outcome === 'pass').length).toBeGreaterThan(0);
  const notRun = cases.filter((c) => c.outcome === 'error');
  expect(notRun.length).toBeGreaterThan(0);
  for (const c of notRun) expect(c.reason).toBe('not run (the run ended interrupted)');
  const left = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.includes(marker));
  expect(left).toEqual([]);
});
