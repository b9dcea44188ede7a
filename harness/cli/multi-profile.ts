// `run --profile all` (or a,b,...): one invocation, each profile run by a CLI process of its own into
// <out>/<profile>/ (the same arguments otherwise), all at once, then one summary of them all.
// A process each, not one process for all: a run's modules keep per-run state (a client-role runner's
// scenarios, the key-lifecycle history), and a profile that breaks the harness breaks only its run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../run/config';
import { summaryHtml, summaryMarkdown } from '../results/summary';
import { exitCodeOf } from '../results/results-file';
import { readRunFolder, type RunFolder } from './run-folders';
import { say } from './say';

const OWN_OPTIONS = ['--profile', '--out'];

/** The arguments of one profile's run: the invocation's, with its own --profile and --out. */
export function profileArgv(argv: string[], profile: string, out: string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].split('=')[0];
    if (!OWN_OPTIONS.includes(name)) kept.push(argv[i]);
    else if (!argv[i].includes('=')) i++; // its value too
  }
  return [...kept, '--profile', profile, '--out', out];
}

/** The worst of the runs' exit codes: a harness or SUT error (3) over a usage error (2) over a MUST failure (1). */
export const worstExit = (codes: number[]): number => (codes.includes(3) ? 3 : codes.includes(2) ? 2 : codes.includes(1) ? 1 : codes.some((c) => c !== 0) ? 3 : 0);

export async function runSeveralProfiles(profiles: string[], argv: string[], outArg: string): Promise<number> {
  const out = path.resolve(outArg);
  mkdirSync(out, { recursive: true });
  const bin = path.join(REPO_ROOT, 'harness', 'cli', 'bin.cjs');
  // All at once: a run waits most of its time (its key-lifecycle cases one at a time), so the runs
  // overlap their waits; on two cores the seven took 29 s so and 34 s three at a time.
  const atOnce = profiles.length;
  const codes = new Map<string, number>();
  let next = 0;
  const lane = async () => {
    for (let p = profiles[next++]; p !== undefined; p = profiles[next++]) codes.set(p, await runOne(bin, p, profileArgv(argv, p, path.join(out, p))));
  };
  await Promise.all(Array.from({ length: atOnce }, lane));

  const runs: RunFolder[] = [];
  for (const p of profiles) {
    const dir = path.join(out, p);
    if (!existsSync(path.join(dir, 'results.json'))) continue;
    try {
      runs.push(readRunFolder(dir));
    } catch (err) {
      say(`error: ${(err as Error).message}`);
      codes.set(p, 3);
    }
  }
  if (runs.length) {
    writeFileSync(path.join(out, 'summary.md'), summaryMarkdown(runs));
    writeFileSync(path.join(out, 'summary.html'), summaryHtml(runs));
  }
  for (const p of profiles) {
    const run = runs.find((r) => r.doc.profile === p);
    const s = run?.doc.summary;
    say(`  ${p.padEnd(26)} ${s ? `${s.pass} passed, ${s.fail} failed, ${s.inconclusive} inconclusive, ${s.error} errors of ${s.total}; MUST failures: ${s.byLevel.MUST.fail}` : 'no results'} (exit ${run ? exitCodeOf(run.doc) : codes.get(p)})`);
  }
  say(`${profiles.length} profiles; summary: ${path.join(out, 'summary.md')}`);
  return worstExit([...codes.values()]);
}

/** One profile's run, its output lines prefixed with its name (the runs' lines interleave). */
function runOne(bin: string, profile: string, argv: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd: process.cwd(), env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = (stream: NodeJS.WritableStream) => {
      let rest = '';
      return (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) stream.write(`[${profile}] ${line}\n`);
      };
    };
    child.stdout.on('data', prefix(process.stdout));
    child.stderr.on('data', prefix(process.stderr));
    child.on('error', () => resolve(3));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 3 : 1)));
  });
}
