// `s2s-conformance run --load N --concurrency C`: the profile's valid request, N times with at most C
// in flight, every decoyEvery-th one a forged decoy; throughput and latency of the SUT, and whether
// its checks still hold under load. Writes <outDir>/load.json; exit 0 (clean), 1 (a decoy accepted,
// or a valid request refused / 5xx / unanswered), 3 (the SUT would not start, refused the warm-up or
// died), 2 (bad options), 130 (interrupted).
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { BASELINES } from '../../profiles/registry';
import { buildLoadDoc, writeLoadFile } from '../load/load-file';
import { planRequests, type LoadPlan } from '../load/plan';
import { loadSender, type Answer, type LoadSender } from '../load/sender';
import { drive } from '../load/drive';
import { LoadTally } from '../load/tally';
import { redactText, secretsInEnv } from '../results/redact';
import type { RunConfig } from '../run/config';
import { startRun, type StartedRun } from '../run/start-run';
import { SutStartError } from '../sut/launcher';
import { say } from './say';

export interface LoadOptions {
  run: RunConfig;
  /** Requests to send, decoys included (the warm-up request comes on top). */
  requests: number;
  /** At most this many requests in flight. */
  concurrency: number;
  /** Every decoyEvery-th request carries a forged token; 0 means none. The CLI's default is 10. */
  decoyEvery: number;
  /** The profile's baseline path to send (default: its main one, e.g. `channel`). */
  path?: string;
}

const isWhole = (n: number, min: number) => Number.isInteger(n) && n >= min;

function usageProblem(opts: LoadOptions): string | undefined {
  if (!isWhole(opts.requests, 1)) return '--load takes a whole number of at least 1';
  if (!isWhole(opts.concurrency, 1)) return '--concurrency takes a whole number of at least 1';
  if (!isWhole(opts.decoyEvery, 0)) return '--decoy-every takes a whole number (0: no decoys)';
  const paths = BASELINES[opts.run.profile].paths;
  if (opts.path !== undefined && !paths.includes(opts.path)) return `profile ${opts.run.profile} has no path "${opts.path}" (one of: ${paths.join(', ')})`;
  return undefined;
}

const describeAnswer = (a: Answer) => (a.kind === 'answer' ? `HTTP ${a.status}` : a.message);
const msText = (v: number | null) => (v === null ? '-' : String(v));

export async function loadCommand(opts: LoadOptions): Promise<number> {
  const problem = usageProblem(opts);
  if (problem) {
    say(`error: ${problem}`);
    return 2;
  }
  const { run, requests, concurrency, decoyEvery } = opts;
  const pathName = opts.path ?? BASELINES[run.profile].paths[0];
  const startedAt = new Date().toISOString();
  // Ctrl-C stops sending; the SUT (in its own process group) is still stopped and load.json written.
  let interrupted = false;
  const onSignal = () => void (interrupted = true);
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);

  const secrets = secretsInEnv(run.sutEnv); // the run's app password joins them once it exists
  const tally = new LoadTally(secrets);
  let plan: LoadPlan | undefined;
  let wallMs = 0;
  let error: string | undefined;
  let started: StartedRun | undefined;
  let sender: LoadSender | undefined;
  try {
    try {
      started = await startRun(run, (line) => console.error(line));
    } catch (err) {
      error = `${err instanceof SutStartError ? 'the SUT would not start' : 'the harness could not start the run'}: ${(err as Error).message}`;
    }
    if (started && !interrupted) {
      const { state, sutState } = started;
      secrets.unshift(state.appPassword);
      plan = planRequests({ state, path: pathName, requests, decoyEvery });
      sender = loadSender(concurrency, run.timeoutMs);
      const died = () => {
        const s = sutState();
        return s.status === 'exited' ? (s.reason ?? 'the SUT exited') : undefined;
      };

      // One valid request first: a SUT that refuses valid tokens makes every figure meaningless.
      const warm = await sender.send(plan.warmUp);
      if (warm.kind !== 'answer' || warm.status < 200 || warm.status >= 300) {
        error = died() ?? `the SUT did not accept the valid warm-up request (${describeAnswer(warm)}): a load figure would be meaningless`;
      } else if (!interrupted) {
        let gone: string | undefined;
        const result = await drive(
          plan.requests,
          concurrency,
          (r) => sender!.send(r),
          (r, a) => {
            tally.record(r, a);
            if (a.kind !== 'answer') gone ??= died(); // only a failed request makes the SUT's state worth asking
          },
          () => interrupted || gone !== undefined,
        );
        wallMs = result.wallMs;
        // A SUT that just crashed may not have been reaped yet when its connections failed.
        if (!gone && tally.counts.connectionErrors > 0) await sleep(200);
        const after = gone ?? died();
        if (after) error = `the SUT died during the load run: ${after}`;
      }
    }
  } catch (err) {
    error = `the harness failed: ${(err as Error).message}`;
  } finally {
    sender?.close();
    await started?.stop();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }

  const doc = buildLoadDoc({ run, path: pathName, requests, concurrency, decoyEvery, distinctTokens: plan?.distinctTokens ?? 0, tally, wallMs, startedAt, error, interrupted });
  const line = (text: string) => say(redactText(text, secrets));
  let file: string;
  try {
    mkdirSync(run.outDir, { recursive: true });
    file = writeLoadFile(run.outDir, doc, secrets);
  } catch (err) {
    line(`error: cannot write load.json: ${(err as Error).message}`);
    return 3;
  }
  if (error && tally.sent() === 0) {
    line(`error: ${error}; ${file}`);
    return 3;
  }
  if (error) line(`error: ${error}`);
  if (interrupted) line('load: interrupted: the requests not sent are counted as notSent');
  const errors = tally.errors();
  line(`load: ${requests} requests at concurrency ${concurrency}: ${doc.throughputPerS} req/s, p50 ${msText(doc.latencyMs.p50)} ms, p99 ${msText(doc.latencyMs.p99)} ms, ${errors} errors, ${doc.counts.decoysAccepted} decoys accepted; ${file}`);
  if (error) return 3;
  if (interrupted) return 130;
  return errors > 0 || doc.counts.decoysAccepted > 0 ? 1 : 0;
}
