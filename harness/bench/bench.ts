// `npm run bench`: every profile's full matrix against its bundled reference SUT, and the
// bot-framework matrix against the stock botbuilder bot, one run after another through the CLI as a
// user runs it. One JSON line per run (the fields, then where the time went), then one
// line for all the reference runs together, the machine's floor (RSA, loopback HTTP) and the test
// runner's floor (as many empty Playwright tests as there were cases).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROFILE_NAMES } from '../../profiles/registry';
import type { ResultsDoc } from '../results/results-file';
import { REPO_ROOT } from '../run/config';
import { runnerFloor } from './runner-floor';
import { signingCost } from './signing-cost';
import { watchPeakRss } from './process-tree';

interface BenchRun {
  profile: string;
  sut: string;
  args: string[];
}

// The CI gate's runs (--only-results: the in-process engine), then bot-framework with the Playwright
// engine (the full reports) for comparison; `--profile all` is timed on its own below.
const RUNS: BenchRun[] = [
  ...PROFILE_NAMES.map((profile) => ({ profile, sut: 'reference', args: ['--profile', profile, '--only-results'] })),
  { profile: 'bot-framework', sut: 'botbuilder', args: ['--profile', 'bot-framework', '--sut', 'node fixtures/suts/botbuilder-echo/bot.cjs', '--only-results'] },
  { profile: 'bot-framework', sut: 'reference, playwright engine', args: ['--profile', 'bot-framework', '--engine', 'playwright'] },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** `s2s-conformance run ARGS` into a fresh folder, timed, with the peak RSS of its process tree. */
async function timedRun(args: string[]): Promise<{ out: string; started: number; wall: number; code: number; peakRss: { all: number; harness: number } }> {
  const out = mkdtempSync(path.join(os.tmpdir(), 's2s-bench-'));
  const started = Date.now();
  const child = spawn(path.join(REPO_ROOT, 'harness', 'cli', 's2s-conformance'), ['run', ...args, '--out', out], { cwd: REPO_ROOT, stdio: 'ignore' });
  const peak = watchPeakRss(child.pid!);
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  return { out, started, wall: (Date.now() - started) / 1000, code, peakRss: peak() };
}

async function benchOne(run: BenchRun): Promise<Record<string, unknown>> {
  const { out, started, wall, code, peakRss } = await timedRun(run.args);
  try {
    const doc = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as ResultsDoc;
    const t = JSON.parse(readFileSync(path.join(out, '.run', 'timings.json'), 'utf8')) as Record<string, number>;
    const startup = (t.ready_at_ms - started) / 1000;
    const finishedCases = t.cases_done_at_ms ?? Date.parse(doc.finishedAt);
    const caseTime = doc.cases.reduce((n, c) => n + (c.durationMs ?? 0), 0);
    const durations = doc.cases.map((c) => c.durationMs ?? 0);
    const lifecycle = doc.cases.filter((c) => c.id.includes('-KLC-')).reduce((n, c) => n + (c.durationMs ?? 0), 0) / 1000;
    return {
      profile: run.profile,
      sut: run.sut,
      cases: doc.cases.length,
      wall_s: round(wall),
      startup_s: round(startup),
      cases_per_s: round(doc.cases.length / Math.max(0.001, wall - startup), 1),
      ms_per_case_p50: median(durations),
      // Wall time of the cases phase per case (workers run side by side), without start-up and reporting.
      ms_per_case_marginal: round(((finishedCases - t.ready_at_ms) / doc.cases.length), 1),
      // The whole process tree (the harness and every SUT process it started: the run's, the
      // key-lifecycle worlds', the cold-start worlds'), and the harness alone.
      peak_rss_mb: peakRss.all,
      harness_peak_rss_mb: peakRss.harness,
      // The share of the cases' time (summed over cases side by side) the harness waited on purpose
      // (grace periods for replies that must not come, pauses between retries); the in-process engine counts it.
      ...(t.deliberate_wait_ms !== undefined ? { deliberate_wait_share: round(t.deliberate_wait_ms / Math.max(1, caseTime)) } : {}),
      exit: code,
      // Where the time went.
      breakdown_s: {
        engine_boot: round(startup - (t.keys_and_ca_ms + t.fakes_ms + t.sut_start_ms) / 1000),
        keys_and_ca: round(t.keys_and_ca_ms / 1000),
        fakes: round(t.fakes_ms / 1000),
        sut_start: round(t.sut_start_ms / 1000),
        cases: round((finishedCases - t.ready_at_ms) / 1000),
        key_lifecycle_cases: round(lifecycle),
        reporting_and_teardown: round(wall - (finishedCases - started) / 1000),
      },
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `run --profile all --only-results`: one invocation, every profile on its bundled reference. */
async function benchAll(): Promise<Record<string, unknown>> {
  const { out, wall, code, peakRss } = await timedRun(['--profile', 'all', '--only-results']);
  rmSync(out, { recursive: true, force: true });
  return { profile: 'all (--profile all)', sut: 'reference', wall_s: round(wall), peak_rss_mb: peakRss.all, harness_peak_rss_mb: peakRss.harness, exit: code };
}

async function main(): Promise<void> {
  const lines: Array<Record<string, unknown>> = [];
  for (const run of RUNS) {
    const line = await benchOne(run);
    lines.push(line);
    console.log(JSON.stringify(line));
  }
  const refs = lines.filter((l) => l.sut === 'reference');
  const sum = (k: string) => refs.reduce((n, l) => n + (l[k] as number), 0);
  console.log(JSON.stringify({ profile: 'seven runs one after another', sut: 'reference', cases: sum('cases'), wall_s: round(sum('wall_s')), startup_s: round(sum('startup_s')), runs: refs.length }));
  console.log(JSON.stringify(await benchAll()));
  console.log(JSON.stringify({ floor: await signingCost() }));
  // As many empty Playwright tests as the reference runs had cases: the runner's own share.
  console.log(JSON.stringify({ runner_floor: await runnerFloor(sum('cases')) }));
}

main().catch((err) => {
  console.error(`bench: ${(err as Error).message}`);
  process.exit(1);
});
