// `s2s-conformance fuzz`: seeded, reproducible token fuzzing. Starts the run (CA, fakes, SUT),
// sends the profile's valid request, then `count` mutants of it (harness/fuzz), and writes
// <outDir>/fuzz.json. Exit 0: no finding; 1: findings; 2: bad options; 3: the SUT would not start,
// refused the valid request, or died; 130: interrupted. The run is always stopped, on error too.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { RunConfig } from '../run/config';
import { startRun, type StartedRun } from '../run/start-run';
import { redactText, secretsInEnv } from '../results/redact';
import { BASELINES } from '../../profiles/registry';
import { fuzzDoc, FUZZ_FILE, writeFuzzDoc, type Finding, type FuzzDoc } from '../fuzz/fuzz-file';
import { sutOf } from '../results/results-file';
import { fuzzLoop, type FuzzLoopResult } from '../fuzz/fuzz-run';
import { say } from './say';

export interface FuzzOptions {
  run: RunConfig;
  seed: number;
  count: number;
  timeLimitS: number;
  /** One of BASELINES[profile].paths; default the profile's first (main) path. */
  path?: string;
}

export const DEFAULT_TIME_LIMIT_S = 60;
const DESCRIPTION_CHARS = 300;

function optionProblem(opts: FuzzOptions, paths: string[]): string | undefined {
  if (!Number.isSafeInteger(opts.seed)) return '--seed takes a whole number';
  if (!Number.isSafeInteger(opts.count) || opts.count < 0) return '--count takes a whole number of at least 0';
  if (!(opts.timeLimitS > 0) || !Number.isFinite(opts.timeLimitS)) return '--time-limit-s takes a number of seconds above 0';
  if (opts.path !== undefined && !paths.includes(opts.path)) return `--path must be one of ${paths.join(', ')} for profile ${opts.run.profile}`;
  return undefined;
}

function findingLine(f: Finding): string {
  const answer = f.response ? ` (HTTP ${f.response.status})` : f.error ? ` (${f.error})` : '';
  const what = f.description.length > DESCRIPTION_CHARS ? `${f.description.slice(0, DESCRIPTION_CHARS)}…` : f.description;
  return `fuzz: finding: mutant #${f.index} ${f.kind}${answer}: ${f.mutators.join(' + ')}: ${what}`;
}

function stopLine(r: FuzzLoopResult, opts: FuzzOptions): string {
  switch (r.stoppedBy) {
    case 'count':
      return `fuzz: stopped after all ${opts.count} mutants`;
    case 'time':
      return `fuzz: stopped by the time limit (${opts.timeLimitS} s) after ${r.sent} of ${opts.count} mutants`;
    case 'crash':
      return `fuzz: stopped: the SUT exited after mutant #${r.sent - 1}`;
    case 'interrupted':
      return `fuzz: interrupted after ${r.sent} of ${opts.count} mutants`;
    case 'error':
      return `fuzz: stopped: ${r.error ?? 'error'}`;
  }
}

interface Session {
  opts: FuzzOptions;
  path: string;
  /** Unix seconds every token of the run is minted at, so mutant i is a function of (seed, i) and it. */
  now: number;
  startedAt: string;
  secrets: string[];
}

function writeDoc(s: Session, fields: Pick<FuzzDoc, 'sent' | 'stoppedBy' | 'findings'> & Partial<FuzzDoc>): string {
  const { opts } = s;
  const base = { profile: opts.run.profile, path: s.path, seed: opts.seed, now: s.now, requested: opts.count, timeLimitS: opts.timeLimitS, sut: sutOf(opts.run), startedAt: s.startedAt };
  return writeFuzzDoc(opts.run.outDir, fuzzDoc({ ...base, ...fields, finishedAt: new Date().toISOString() }), s.secrets);
}

export async function fuzzCommand(opts: FuzzOptions): Promise<number> {
  const { run } = opts;
  const { paths } = BASELINES[run.profile];
  const problem = optionProblem(opts, paths);
  if (problem) {
    say(`error: ${problem}`);
    return 2;
  }
  try {
    mkdirSync(run.outDir, { recursive: true });
  } catch (err) {
    say(`error: cannot use output folder ${run.outDir}: ${(err as Error).message}`);
    return 2;
  }
  const session: Session = { opts, path: opts.path ?? paths[0], now: Math.floor(Date.now() / 1000), startedAt: new Date().toISOString(), secrets: secretsInEnv(run.sutEnv) };

  // Ctrl-C: finish the request in flight, stop the SUT and the fakes, write what was found.
  // (The SUT runs in its own process group, so the terminal's SIGINT does not reach it.)
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  let started: StartedRun | undefined;
  try {
    try {
      started = await startRun(run, (line) => console.error(line));
    } catch (err) {
      const error = redactText(`the SUT would not start: ${(err as Error).message}`, session.secrets);
      writeDoc(session, { sent: 0, stoppedBy: 'error', findings: [], error });
      say(`error: ${error} (${path.join(run.outDir, FUZZ_FILE)})`);
      return 3;
    }
    return await fuzzSession(started, session, interrupt.signal);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await started?.stop();
  }
}

/**
 * Fuzzes a run someone else started and will stop (fuzzCommand, or a test that needs the run's
 * keys afterwards to rebuild mutants): writes fuzz.json, prints the findings, returns the exit code.
 */
export async function fuzzStartedRun(started: StartedRun, opts: FuzzOptions & { now?: number; signal?: AbortSignal }): Promise<number> {
  const { paths } = BASELINES[opts.run.profile];
  const problem = optionProblem(opts, paths);
  if (problem) throw new Error(problem);
  mkdirSync(opts.run.outDir, { recursive: true });
  const session: Session = { opts, path: opts.path ?? paths[0], now: opts.now ?? Math.floor(Date.now() / 1000), startedAt: new Date().toISOString(), secrets: secretsInEnv(opts.run.sutEnv) };
  return fuzzSession(started, session, opts.signal);
}

async function fuzzSession(started: StartedRun, session: Session, signal: AbortSignal | undefined): Promise<number> {
  const { opts } = session;
  const file = path.join(opts.run.outDir, FUZZ_FILE);
  session.secrets = [started.state.appPassword, ...session.secrets];
  const clean = (line: string) => redactText(line, session.secrets);
  let result: FuzzLoopResult;
  try {
    result = await fuzzLoop({
      world: { state: started.state, path: session.path, now: session.now },
      seed: opts.seed,
      count: opts.count,
      timeLimitS: opts.timeLimitS,
      timeoutMs: opts.run.timeoutMs,
      sutState: started.sutState,
      secrets: session.secrets,
      signal,
      onFinding: (f) => say(clean(findingLine(f))),
    });
  } catch (err) {
    const error = clean(`the harness failed while fuzzing: ${(err as Error).stack ?? err}`);
    writeDoc(session, { sent: 0, stoppedBy: 'error', findings: [], error });
    say(`error: ${error.split('\n')[0]} (${file})`);
    return 3;
  }
  writeDoc(session, { sent: result.sent, stoppedBy: result.stoppedBy, findings: result.findings, control: result.control, ...(result.error ? { error: result.error } : {}) });
  if (result.error) {
    say(clean(`error: ${result.error} (${file})`));
    return 3;
  }
  say(stopLine(result, opts));
  say(`fuzz: ${result.sent} mutants sent (seed ${opts.seed}), ${result.findings.length} findings; ${file}`);
  if (result.stoppedBy === 'interrupted') return 130;
  if (result.stoppedBy === 'crash') return 3;
  return result.findings.length ? 1 : 0;
}
