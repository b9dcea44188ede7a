// The runs whose outcomes are pinned (the reference, flawed and conformant-variant SUTs of the
// profile self-tests, the Python flaws, the SDK, Python and Java peers) in a warm s2s-conformance
// process (./warm-cli-child.cjs), one per test worker and one run at a time, instead of a new CLI
// process each: the same main(argv) and the same
// results.json, at half the harness's CPU (it loads and compiles the harness once). Each run is a
// whole run: its own fakes, keys, SUT processes and output folder; what a runner keeps between cases
// is kept per run (harness/engine/per-run.ts), which the pinned outcomes hold to. The CLI itself,
// as a user starts it, is tested by the other spec files (run-cli.ts).
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cliRunOf, newOutDir, REPO, type CliRun } from './run-cli';

interface Pending {
  resolve: (code: number | null) => void;
  stdout: string[];
  stderr: string[];
}

let child: ChildProcess | undefined;
let pending: Pending | undefined;
let queue: Promise<unknown> = Promise.resolve();

function warmChild(): ChildProcess {
  if (child && child.exitCode === null && !child.killed) return child;
  const c = fork(path.join(__dirname, 'warm-cli-child.cjs'), [], { cwd: REPO, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  c.stdout!.on('data', (b: Buffer) => pending?.stdout.push(b.toString('utf8')));
  c.stderr!.on('data', (b: Buffer) => pending?.stderr.push(b.toString('utf8')));
  c.on('message', (m: { code: number }) => pending?.resolve(m.code));
  // A harness that dies mid-run ends that run as a crashed CLI would; the next run gets a new process.
  c.on('exit', (code, signal) => {
    pending?.stderr.push(`warm s2s-conformance process exited (code ${code}, signal ${signal})\n`);
    pending?.resolve(code ?? 3);
    child = undefined;
  });
  c.unref();
  (c.channel as { unref?: () => void } | undefined)?.unref?.();
  return (child = c);
}

/** `s2s-conformance run ...` into a fresh output folder, in this worker's warm process. Its stdout
 *  and stderr are for an assertion's message only: the pipes and the answer travel apart, so the
 *  last lines of a run may come after its answer (and be lost). */
export function runWarm(args: string[]): Promise<CliRun> {
  const out = newOutDir(args.join('-').slice(0, 40));
  const run = async (): Promise<CliRun> => {
    const p: Pending = { resolve: () => undefined, stdout: [], stderr: [] };
    const code = await new Promise<number | null>((resolve) => {
      p.resolve = resolve;
      pending = p;
      warmChild().send({ argv: [...args, '--out', out] });
    });
    pending = undefined;
    return cliRunOf(code, p.stdout.join(''), p.stderr.join(''), out);
  };
  const result = queue.then(run);
  queue = result.catch(() => undefined);
  return result;
}
