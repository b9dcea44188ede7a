// Runs the s2s-conformance CLI as a user would, into a fresh output folder, and reads what it wrote.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestType } from '@playwright/test';
import type { ResultsDoc } from '../../harness/results/results-file';
import { sutLogIn } from '../../harness/run/run-status';

export const REPO = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO, 'harness', 'cli', 's2s-conformance');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
  results?: ResultsDoc;
}

/** Temporary folders made while a test runs (tempDirOfTest), to be removed once it passed. */
const madeInTest: string[] = [];
let inTest = false;

/** A fresh temporary folder; made inside a test, it is removed when the test passes, if its spec file
 *  asked for that (removeFoldersOfPassingTests). */
export function tempDirOfTest(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  if (inTest) madeInTest.push(dir);
  return dir;
}

export function newOutDir(label: string): string {
  return tempDirOfTest(`s2s-selftest-${label.replace(/[^\w-]/g, '_')}-`);
}

/** The spec file's hooks that remove the temporary folders a passing test made (its run folders:
 *  about 560 a `npm test`, which stayed in the temp folder and added up to gigabytes); a failing
 *  test's are kept, for its evidence, and so are folders made outside a test (a beforeAll's, which
 *  the file's tests share). */
export function removeFoldersOfPassingTests(t: Pick<TestType<object, object>, 'beforeEach' | 'afterEach'>): void {
  t.beforeEach(() => {
    inTest = true;
    madeInTest.length = 0;
  });
  t.afterEach(({}, testInfo) => {
    inTest = false;
    const made = madeInTest.splice(0);
    if (testInfo.status === testInfo.expectedStatus) for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
}

export function runCli(args: string[], opts: { out?: string; cwd?: string; onStart?: (child: ReturnType<typeof spawn>) => void } = {}): Promise<CliRun> {
  const out = opts.out ?? newOutDir(args.join('-').slice(0, 40));
  // Commands that read run folders take their own --out (or none).
  const full = ['coverage', 'compare', 'merge', 'report', 'matrix', 'certify', 'verify'].includes(args[0]) || args.includes('--list') || args.includes('--help') || args.some((a) => a.startsWith('--bogus')) ? args : [...args, '--out', out];
  return new Promise((resolve) => {
    const child = spawn(BIN, full, { cwd: opts.cwd ?? REPO, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    opts.onStart?.(child);
    child.on('exit', (code) => resolve(cliRunOf(code, stdout, stderr, out)));
  });
}

/** What a run left: its exit code and output, and the results.json it wrote in `out`, if any. */
export function cliRunOf(code: number | null, stdout: string, stderr: string, out: string): CliRun {
  const file = path.join(out, 'results.json');
  return { code, stdout, stderr, out, results: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ResultsDoc) : undefined };
}


/** The last lines of a run's SUT log, for an assertion's message. */
export function sutLogTail(out: string, lines = 8): string {
  const file = sutLogIn(out);
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join(' | ') : '(no SUT log)';
}
