// certify and verify: the certification package (its manifest, its zip, its certificate) is written
// from run folders and checked offline; a changed, missing or added file, a certificate that does
// not agree with its results, an expired period and a secret in the evidence are each found.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { CaseResult, Level } from '../../harness/engine/case-model';
import { gateOf } from '../../harness/results/gate';
import { summarize, type ResultsDoc } from '../../harness/results/results-file';
import { writeRunOutputs } from '../../harness/results/write-outputs';
import { checkManifest, manifestText, MANIFEST, readTree, sha256 } from '../../harness/certify/manifest';
import { crc32, readZip, writeZip } from '../../harness/certify/zip';
import { verifyFiles, verifyPackage } from '../../harness/certify/verify';
import { sealed } from '../../harness/certify/package';
import type { Certificate } from '../../harness/certify/certificate';
import { certifyCommand, verifyCommand } from '../../harness/cli/certify-command';
import { parseRunArgs, UsageError } from '../../harness/cli/args';
import { removeFoldersOfPassingTests, tempDirOfTest } from '../helpers/run-cli';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const tmp = (label: string) => tempDirOfTest(`s2s-certify-${label}-`);

// A passing test's folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

const c = (id: string, level: Level, outcome: CaseResult['outcome'], body = '{"error":"unauthorized"}'): CaseResult => ({
  id, profile: 'bot-framework', title: id, requirement: { ids: ['R'], spec: 's', section: '1', level }, expect: 'reject', why: '', observed: { status: 401 }, outcome, reason: outcome,
  evidence: {
    mutations: [],
    token: { raw: 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln', header: { alg: 'RS256' }, payload: { iss: 'x' } },
    request: { method: 'POST', url: 'http://127.0.0.1:1/api/messages', headers: { authorization: 'Bearer <40 chars>' } },
    response: { status: 401, headers: { 'content-type': 'application/json' }, body, ms: 1 },
  },
} as CaseResult);

interface RunOpts { profile?: string; name?: string; version?: string; shard?: { current: number; total: number }; cases?: CaseResult[]; sutEnv?: Record<string, string> }
function runFolder(o: RunOpts = {}): string {
  const dir = tmp('run');
  const cases = (o.cases ?? [c('A-1', 'MUST', 'pass'), c('A-2', 'SHOULD', 'fail')]).map((x) => ({ ...x, profile: o.profile ?? 'bot-framework' }));
  const doc: ResultsDoc = {
    schemaVersion: 1,
    suite: { name: 's2s-conformance', version: '0.1.0' },
    profile: o.profile ?? 'bot-framework',
    sut: { command: 'node sut.js', endpoint: '/api/messages', ...(o.name ? { name: o.name } : {}), ...(o.version ? { version: o.version } : {}) },
    startedAt: '2026-05-31T10:00:00.000Z',
    finishedAt: '2026-05-31T10:01:00.000Z',
    harness: { egress: [] },
    cases,
    summary: summarize(cases),
    gate: gateOf(cases),
    ...(o.shard ? { shard: o.shard } : {}),
  };
  writeRunOutputs(dir, doc);
  if (o.sutEnv) {
    mkdirSync(path.join(dir, '.run'));
    writeFileSync(path.join(dir, '.run', 'config.json'), JSON.stringify({ sutEnv: o.sutEnv }));
  }
  return dir;
}

async function certified(dirs: string[], extra: { sutName?: string; sutVersion?: string; validDays?: number } = {}): Promise<{ out: string; code: number }> {
  const out = path.join(tmp('pkg'), 'package');
  const code = await certifyCommand({ dirs, out, validDays: extra.validDays ?? 365, noPdf: true, sutName: extra.sutName, sutVersion: extra.sutVersion }, NOW);
  return { out, code };
}
const certOf = (out: string) => JSON.parse(readFileSync(path.join(out, 'certificate.json'), 'utf8')) as Certificate;

test('MANIFEST.sha256: sha256sum lines sorted by path, every file but itself; changed, missing and added files are named', () => {
  const files = new Map([['b/x.txt', Buffer.from('x')], ['a.json', Buffer.from('{}')], [MANIFEST, Buffer.from('old')]]);
  const text = manifestText(files);
  expect(text).toBe(`${sha256('{}')}  a.json\n${sha256('x')}  b/x.txt\n`);
  expect(checkManifest(files, text)).toEqual([]);
  const changed = new Map(files).set('a.json', Buffer.from('{ }'));
  changed.delete('b/x.txt');
  changed.set('c.txt', Buffer.from('new'));
  expect(checkManifest(changed, text)).toEqual(['tampered: a.json (sha256 differs)', 'missing: b/x.txt', 'unexpected file: c.txt']);
  expect(checkManifest(files, `${text}not a line\n`)).toEqual([`tampered: ${MANIFEST} (line 3 is not "<sha256>  <path>")`]);
});

test('zip: CRC-32 check value, stored and deflated entries read back, a damaged entry is named', () => {
  expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  const big = Buffer.from('evidence '.repeat(2000));
  const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 256));
  const zip = writeZip([{ name: 'p/big.txt', data: big }, { name: 'p/rand.bin', data: random }, { name: 'p/empty', data: Buffer.alloc(0) }], NOW);
  expect(zip.length).toBeLessThan(big.length); // the text was deflated
  const back = readZip(zip);
  expect(back.damaged).toEqual([]);
  expect([...back.files.keys()]).toEqual(['p/big.txt', 'p/rand.bin', 'p/empty']);
  expect(back.files.get('p/big.txt')!.equals(big)).toBe(true);
  expect(back.files.get('p/rand.bin')!.equals(random)).toBe(true);
  expect(back.files.get('p/empty')!.length).toBe(0);
  const damaged = Buffer.from(zip);
  damaged[30 + 'p/big.txt'.length + 5] ^= 0xff; // inside big.txt's deflated data
  expect(readZip(damaged).damaged).toEqual(['p/big.txt']);
});

test('zip: the system unzip lists and tests it (when unzip is installed)', () => {
  test.skip(spawnSync('which', ['unzip']).status !== 0, 'no unzip on this machine');
  const dir = tmp('unzip');
  const file = path.join(dir, 'p.zip');
  writeFileSync(file, writeZip([{ name: 'p/a.txt', data: Buffer.from('a'.repeat(500)) }, { name: 'p/b/c.json', data: Buffer.from('{}') }], NOW));
  const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
  expect(listing).toContain('p/a.txt');
  expect(listing).toContain('p/b/c.json');
  expect(listing).toContain('2026-06-01 12:00');
  expect(execFileSync('unzip', ['-p', file, 'p/a.txt'], { encoding: 'utf8' })).toBe('a'.repeat(500));
  expect(spawnSync('unzip', ['-tq', file]).status).toBe(0);
});

test('certify, then verify the folder and the zip: intact; certificate with suite, commit, SUT, verdicts and validity', async () => {
  const run = runFolder({ name: 'Contoso bot', version: '2.1' });
  const { out, code } = await certified([run], { validDays: 30 });
  expect(code).toBe(0);
  const files = readTree(out);
  expect([...files.keys()].sort()).toEqual([
    MANIFEST, 'certificate.json',
    ...['A-1', 'A-2'].flatMap((id) => ['request.http', 'response.http', 'token.decoded.json', 'token.jwt'].map((f) => `evidence/bot-framework/${id}/${f}`)),
    'junit.xml', 'results.json', 'summary.html', 'summary.md',
  ].sort());
  // The run's results.json goes in unchanged, so the SHA-256 its own summary quotes still holds.
  expect(files.get('results.json')!.equals(readFileSync(path.join(run, 'results.json')))).toBe(true);
  const cert = certOf(out);
  expect(cert).toMatchObject({
    suite: { name: 's2s-conformance', version: expect.any(String) },
    sut: { name: 'Contoso bot', version: '2.1', declaredIn: 'results.json' },
    issuedAt: NOW.toISOString(), validFrom: NOW.toISOString(), validUntil: '2026-07-01T12:00:00.000Z',
    verdict: 'conformant with warnings',
    profiles: [{ profile: 'bot-framework', verdict: 'conformant with warnings', results: 'results.json', resultsSha256: sha256(files.get('results.json')!), counts: { total: 2, pass: 1, fail: 1 } }],
    summary: { pdf: null },
    notes: ['no summary.pdf: certify --no-pdf'],
  });
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' });
  expect(cert.suite.commit).toBe(head.status === 0 ? head.stdout.trim() : 'unknown');
  expect(verifyPackage(out, NOW).problems).toEqual([]);
  expect(verifyPackage(`${out}.zip`, NOW).problems).toEqual([]);
  expect(verifyCommand(out, NOW)).toBe(0);
  expect(verifyCommand(`${out}.zip`, NOW)).toBe(0);
  expect(verifyCommand(path.join(out, 'nothing-here'), NOW)).toBe(2);
  expect(verifyCommand(run, NOW)).toBe(2); // a run folder is not a package
});

test('verify: a changed byte, a missing and an added file are each one line; exit 1', async () => {
  const { out } = await certified([runFolder({ name: 'X', version: '1' })]);
  const results = path.join(out, 'results.json');
  const bytes = readFileSync(results);
  bytes[bytes.indexOf('"pass"')] = 0x20; // one byte, still a string
  writeFileSync(results, bytes);
  rmSync(path.join(out, 'evidence/bot-framework/A-1/token.jwt'));
  writeFileSync(path.join(out, 'evidence/bot-framework/A-1/extra.txt'), 'added');
  const { problems } = verifyPackage(out, NOW);
  expect(problems).toContain('tampered: results.json (sha256 differs)');
  expect(problems).toContain('missing: evidence/bot-framework/A-1/token.jwt');
  expect(problems).toContain('unexpected file: evidence/bot-framework/A-1/extra.txt');
  expect(verifyCommand(out, NOW)).toBe(1);
});

test('verify: a byte changed inside the zip is found too', async () => {
  const { out } = await certified([runFolder()]);
  const zip = readFileSync(`${out}.zip`);
  const at = zip.indexOf('package/certificate.json') + 'package/certificate.json'.length + 3; // in the entry's data
  zip[at] ^= 0x01;
  writeFileSync(`${out}.zip`, zip);
  const { problems } = verifyPackage(`${out}.zip`, NOW);
  expect(problems.some((p) => p.startsWith('tampered: certificate.json'))).toBe(true);
});

test('verify: a certificate resealed with a better verdict or other counts disagrees with its results', async () => {
  const { out } = await certified([runFolder()]);
  const files = readTree(out);
  const cert = certOf(out);
  const forged = sealed(files, { ...cert, verdict: 'conformant', profiles: [{ ...cert.profiles[0], verdict: 'conformant', counts: { ...cert.profiles[0].counts, fail: 0 } }] });
  expect(verifyFiles(forged, NOW)).toEqual([
    'inconsistent: certificate.json (bot-framework: verdict says conformant, results.json gives conformant with warnings)',
    'inconsistent: certificate.json (bot-framework: counts {"total":2,"pass":1,"fail":0,"inconclusive":0,"skip":0,"error":0} differ from results.json\'s summary {"total":2,"pass":1,"fail":1,"inconclusive":0,"skip":0,"error":0})',
  ]);
});

test('verify: expired after valid-until, not yet valid before valid-from (injected clock)', async () => {
  const { out } = await certified([runFolder()], { validDays: 10 });
  expect(verifyPackage(out, new Date('2026-06-11T12:00:00.000Z')).problems).toEqual([]);
  expect(verifyPackage(out, new Date('2026-06-11T12:00:00.001Z')).problems).toEqual(['expired: valid until 2026-06-11T12:00:00.000Z']);
  expect(verifyCommand(out, new Date('2027-01-01T00:00:00.000Z'))).toBe(1);
  expect(verifyPackage(out, new Date('2026-05-31T00:00:00.000Z')).problems).toEqual(['not yet valid: valid from 2026-06-01T12:00:00.000Z']);
});

test('several profiles: a folder each, the overall verdict the worst; the slices of a sharded run merged; two whole runs of one profile refused', async () => {
  const bf = runFolder({ name: 'S', version: '1', cases: [c('A-1', 'MUST', 'pass')] });
  const s1 = runFolder({ profile: 'xoauth', name: 'S', version: '1', shard: { current: 1, total: 2 }, cases: [c('X-1', 'MUST', 'fail')] });
  const s2 = runFolder({ profile: 'xoauth', name: 'S', version: '1', shard: { current: 2, total: 2 }, cases: [c('X-2', 'MUST', 'pass')] });
  const { out, code } = await certified([bf, s1, s2]);
  expect(code).toBe(0);
  const cert = certOf(out);
  expect(cert.verdict).toBe('not conformant');
  expect(cert.profiles.map((p) => [p.profile, p.results, p.verdict, p.counts.total, p.sources.length])).toEqual([
    ['bot-framework', 'bot-framework/results.json', 'conformant', 1, 1],
    ['xoauth', 'xoauth/results.json', 'not conformant', 2, 2],
  ]);
  const merged = JSON.parse(readFileSync(path.join(out, 'xoauth/results.json'), 'utf8')) as ResultsDoc;
  expect(merged.shard).toBeUndefined();
  expect(existsSync(path.join(out, 'xoauth/junit.xml'))).toBe(true);
  expect(verifyPackage(out, NOW).problems).toEqual([]);
  expect((await certified([bf, runFolder({ name: 'S', version: '1' })])).code).toBe(2);
  expect((await certified([s1])).code).toBe(2); // a slice alone is not the run
});

test('the SUT: runs declaring different SUTs are refused unless certify names it; the override is recorded', async () => {
  const a = runFolder({ name: 'A', version: '1' });
  const b = runFolder({ profile: 'xoauth', name: 'B', version: '1' });
  expect((await certified([a, b])).code).toBe(2);
  const { out, code } = await certified([a, b], { sutName: 'Contoso S2S', sutVersion: '2.0' });
  expect(code).toBe(0);
  expect(certOf(out).sut).toEqual({ name: 'Contoso S2S', version: '2.0', declaredIn: 'certify' });
  expect(verifyPackage(out, NOW).problems).toEqual([]);
});

test('secrets: evidence with a private key, a password field or a secret of the run environment is refused and nothing is written', async () => {
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';
  for (const [body, env] of [[pem, undefined], ['{"client_secret":"s3cr3t-value-xyz"}', undefined], ['echo hunter2-long-pass', { MicrosoftAppPassword: 'hunter2-long-pass' }]] as const) {
    const run = runFolder({ cases: [c('A-1', 'MUST', 'pass', body)], ...(env ? { sutEnv: env } : {}) });
    const { out, code } = await certified([run]);
    expect(code, body).toBe(1);
    expect(existsSync(out), body).toBe(false);
  }
  // Redacted values (as the run writes them) are fine.
  const { code } = await certified([runFolder({ cases: [c('A-1', 'MUST', 'pass', '{"client_secret":"[REDACTED]","password":"[REDACTED]"}')] })]);
  expect(code).toBe(0);
});

test('the command line: certify takes folders and its options, verify one package; anything else is a usage error', () => {
  expect(parseRunArgs(['certify', 'a', 'b', '--out', 'p', '--valid-days=90', '--sut-name', 'X', '--sut-version', '2', '--no-pdf'], [])).toMatchObject({
    command: 'certify', dirs: ['a', 'b'], out: 'p', validDays: 90, sutName: 'X', sutVersion: '2', noPdf: true,
  });
  expect(parseRunArgs(['certify', 'a'], [])).toMatchObject({ validDays: 365 });
  expect(parseRunArgs(['verify', 'p.zip'], [])).toMatchObject({ command: 'verify', pkg: 'p.zip' });
  for (const bad of [['certify'], ['certify', 'a', '--valid-days', '0'], ['certify', 'a', '--strict'], ['certify', 'a', '--out'], ['verify'], ['verify', 'a', 'b'], ['verify', '--x']])
    expect(() => parseRunArgs(bad, []), bad.join(' ')).toThrow(UsageError);
});
