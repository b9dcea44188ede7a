// A SUT that is a one-shot command (the client role: it performs one call and exits): started with
// the contract environment plus a scenario's variables, waited for with a deadline, its whole
// process group stopped afterwards. Its output goes to sut.log as one block per start, redacted.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { redactText, secretsInEnv } from '../results/redact';

export interface OneShotResult {
  /** The exit code (null when it was killed or could not be started). */
  exitCode: number | null;
  signal: string | null;
  /** It had not exited by the deadline and was stopped. */
  timedOut: boolean;
  /** Why it could not be started at all. */
  startError?: string;
  durationMs: number;
  /** The last lines of its output (stdout and stderr), redacted. */
  tail: string[];
}

export interface OneShotOptions {
  command: string;
  cwd: string;
  /** The whole environment of the process (the contract's variables and the inherited ones). */
  env: Record<string, string>;
  logFile: string;
  timeoutMs: number;
}

const TAIL_LINES = 8;

/** Why a one-shot run proves nothing about its scenario, or undefined when it ran to its end. */
export function oneShotProblem(r: OneShotResult, timeoutMs?: number): string | undefined {
  const output = r.tail.length ? `; last output: ${r.tail.slice(-3).join(' | ')}` : '';
  if (r.startError) return `the SUT could not be started: ${r.startError}`;
  if (r.timedOut) return `the SUT did not exit within ${timeoutMs ?? r.durationMs} ms and was stopped (a hung client)${output}`;
  return undefined;
}

export function runOneShot(opts: OneShotOptions, label: string): Promise<OneShotResult> {
  const started = performance.now();
  const secrets = secretsInEnv(opts.env);
  let output = '';
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', opts.command], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let timedOut = false;
    let startError: string | undefined;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 1000).unref();
    }, opts.timeoutMs);
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    let settled = false;
    const finish = (exitCode: number | null, signal: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      killGroup('SIGKILL'); // anything it left behind
      // The pipes may still hold its last words for a moment after the exit.
      const done = () => {
        const text = redactText(output, secrets);
        const durationMs = Math.round(performance.now() - started);
        const status = startError ? `could not start: ${startError}` : timedOut ? `stopped after ${durationMs} ms (no exit by the deadline)` : `exit ${exitCode}${signal ? `, signal ${signal}` : ''} after ${durationMs} ms`;
        try {
          appendFileSync(opts.logFile, `--- ${label}: ${status}\n${text}${text && !text.endsWith('\n') ? '\n' : ''}`);
        } catch {
          /* the log is evidence, never a reason to fail the run */
        }
        resolve({ exitCode, signal, timedOut, ...(startError ? { startError } : {}), durationMs, tail: text.split('\n').filter((l) => l.trim()).slice(-TAIL_LINES) });
      };
      if (child.stdout.readableEnded && child.stderr.readableEnded) done();
      else setTimeout(done, 100);
    };
    child.on('error', (err) => {
      startError = err.message;
      finish(null, null);
    });
    child.on('exit', (code, signal) => finish(code, signal));
  });
}

/** Each scenario's run started once per harness run, whoever asks first (workers share the result). */
export class OneShotRunner {
  private readonly runs = new Map<string, Promise<OneShotResult>>();
  constructor(private readonly base: OneShotOptions) {}

  run(key: string, env: Record<string, string>): Promise<OneShotResult> {
    let r = this.runs.get(key);
    if (!r) this.runs.set(key, (r = runOneShot({ ...this.base, env: { ...this.base.env, ...env } }, key)));
    return r;
  }

  /** Waits for the runs still going (each bounded by its deadline). */
  async settle(): Promise<void> {
    await Promise.all(this.runs.values());
  }
}
