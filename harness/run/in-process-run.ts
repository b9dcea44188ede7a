// The in-process engine: the run's cases in the CLI's own process, without Playwright. The same
// start (start-run.ts), the same runner per case (engine/case-dispatch.ts), the same results file
// (results/finish-run.ts) as a Playwright run; what it saves is a test runner's cost per case
// (a test, its fixtures, its output folder, its worker's start) and its start-up, which were most of
// a run's time. Cases run side by side in `lanes` (each with its own harness client, as a Playwright
// worker has); the key-lifecycle cases one at a time beside them in a world of their own (else after
// them, on the run's SUT); bot-outbound's cases one at a time in catalog order, on the run's bot and
// in the worlds they name, beside each other.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGS, suiteOf, type ProfileName } from '../../profiles/registry';
import { extraTimeoutMs, longestWaitFirst, movesTheClock, runAndRedact, runsAfterTheOthers, runsInItsOwnWorld, sharedWorldOf, sharedWorldsOf, worldsStartedWithTheRun } from '../engine/case-dispatch';
import type { CaseDef, CaseResult } from '../engine/case-model';
import { errorResult } from '../engine/case-identity';
import { deliberateWaitMs } from '../engine/deliberate-wait';
import { forgetHistories } from '../engine/lifecycle-history';
import { HarnessClient } from '../engine/harness-client';
import { ProgressLines } from '../reporters/progress-lines';
import { finishRun } from '../results/finish-run';
import { caseFilter, type RunConfig } from './config';
import { writeRunStatus } from './run-status';
import { startRun, type StartedRun } from './start-run';

export interface InProcessRun {
  /** Resolves once results.json is written, whatever happened. */
  done: Promise<void>;
  /** Stops the run early (Ctrl-C): cases not yet finished become `error`, the results gathered so far are kept. */
  interrupt(): void;
}

export function runInProcess(run: RunConfig, lanes: number): InProcessRun {
  let interrupted = false;
  let wake: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  const done = (async () => {
    const startedAt = new Date().toISOString();
    // What this run alone waited on purpose, and a history of its own (runs one after another in one process).
    const waitedBefore = deliberateWaitMs();
    forgetHistories();
    const results = new Map<string, CaseResult>();
    const lines = new ProgressLines(run);
    const selected = CATALOGS[run.profile as ProfileName].filter(caseFilter(run.grep));
    lines.begin(selected.length);
    writeRunStatus(run.outDir, {});
    let started: StartedRun | undefined;
    let harnessError: string | undefined;
    try {
      started = await startRun(run, console.log, worldsStartedWithTheRun(selected));
      // For the benchmark, as the Playwright global setup writes it (and, below, what the cases waited on purpose).
      const timings = { ...started.timings, ready_at_ms: Date.now() };
      const timingsFile = path.join(run.outDir, '.run', 'timings.json');
      writeFileSync(timingsFile, JSON.stringify(timings));
      const suite = suiteOf(run.profile as ProfileName, run);
      const state = started.state;
      const runOne = async (def: CaseDef, h: HarnessClient): Promise<void> => {
        const limitMs = run.timeoutMs * 2 + 10_000 + extraTimeoutMs(def, run);
        const result = await withDeadline(runAndRedact(def, h, suite), limitMs, stopped).catch((err: Error) => errorResult(def, `harness: ${err.message}`));
        if (interrupted && !result) return;
        const r = result ?? errorResult(def, `harness: the case did not finish within ${limitMs} ms`);
        results.set(def.id, r);
        lines.caseDone(r);
      };
      // The hung key server's cold start first: its wait is the run's longest.
      const worlds = longestWaitFirst(selected.filter((d) => runsInItsOwnWorld(d)));
      const side = selected.filter((d) => !runsAfterTheOthers(d) && !runsInItsOwnWorld(d));
      // The cases of the shared worlds (the key-lifecycle ones, bot-outbound's that name one) in
      // those worlds when the run has them; else on the run's SUT, the key-lifecycle ones after the others.
      const inShared = state.sharedWorlds ? selected.filter((d) => sharedWorldOf(d) !== undefined) : [];
      const after = selected.filter((d) => movesTheClock(d) && !inShared.includes(d));
      // bot-outbound's cases on the run's bot, one at a time in catalog order (a bot-outbound run has no other kind).
      const onTheBot = selected.filter((d) => d.kind === 'outbound' && !inShared.includes(d));
      // Each shared world's cases one at a time, in catalog order; the worlds side by side.
      const sharedLanes = sharedWorldsOf(inShared).map((w) => inShared.filter((d) => sharedWorldOf(d) === w));
      // The cases in worlds of their own overlap each other and the rest, as many at once as the
      // lanes: each world is its own SUT process against its own fakes. The shared worlds' cases go
      // one at a time in each, beside them.
      const client = () => new HarnessClient(state);
      const going = () => !interrupted;
      await Promise.all([
        pool(worlds, lanes, client, going, runOne),
        pool(side, lanes, client, going, runOne),
        pool(onTheBot, 1, client, going, runOne),
        ...sharedLanes.map((cases) => pool(cases, 1, client, going, runOne)),
      ]);
      const h = client();
      for (const def of after) if (!interrupted) await runOne(def, h);
      writeFileSync(timingsFile, JSON.stringify({ ...timings, cases_done_at_ms: Date.now(), deliberate_wait_ms: deliberateWaitMs() - waitedBefore }));
    } catch (err) {
      harnessError = (err as Error).message;
      writeRunStatus(run.outDir, { harnessError });
    } finally {
      await started?.stop();
    }
    lines.end(harnessError, interrupted ? 'interrupted' : '');
    finishRun({ run, results, startedAt, ended: interrupted ? 'interrupted' : harnessError ? 'failed' : 'passed' });
  })();
  return {
    done,
    interrupt: () => {
      interrupted = true;
      wake();
    },
  };
}

/** Runs the cases in `lanes` lanes, each with its own harness client (as a Playwright worker has one). */
async function pool(cases: CaseDef[], lanes: number, client: () => HarnessClient, going: () => boolean, runOne: (def: CaseDef, h: HarnessClient) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    const h = client();
    while (going() && next < cases.length) await runOne(cases[next++], h);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, cases.length) }, lane));
}

/** The case's result, or undefined when its deadline passed or the run was interrupted first. */
async function withDeadline<T>(work: Promise<T>, ms: number, stopped: Promise<void>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work, deadline, stopped.then(() => undefined)]);
  } finally {
    clearTimeout(timer);
  }
}
