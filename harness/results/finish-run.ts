// results.json (and everything made from it) at the end of a run, whole: each selected case's
// result, or `error` with the reason for a case that never ran (the SUT would not start, crashed or
// hung, the run was cut short). The Playwright results reporter and the in-process engine both end so.
import { existsSync, readFileSync } from 'node:fs';
import { CATALOGS, type ProfileName } from '../../profiles/registry';
import type { CaseResult } from '../engine/case-model';
import { errorResult } from '../engine/case-identity';
import { caseFilter, type RunConfig } from '../run/config';
import { egressLogIn, readRunStatus } from '../run/run-status';
import { runProxyRecord } from './proxy-record';
import { buildResults, type ResultsDoc } from './results-file';
import { writeRunOutputs } from './write-outputs';

export interface FinishedRun {
  run: RunConfig;
  results: Map<string, CaseResult>;
  startedAt: string;
  /** How the run ended, for the reason given to cases that never ran ("passed", "interrupted"...). */
  ended: string;
  /** The cases of this slice of a sharded run (the others belong to other slices). */
  inThisSlice?: Set<string>;
}

export function finishRun(f: FinishedRun): ResultsDoc {
  const { run } = f;
  const status = readRunStatus(run.outDir);
  const notRun = status.harnessError ? `not run: ${status.harnessError}` : `not run (the run ended ${f.ended})`;
  const cases = (CATALOGS[run.profile as ProfileName] ?? [])
    .filter(caseFilter(run.grep))
    .filter((def) => !f.inThisSlice || f.inThisSlice.has(def.id))
    .map((def) => f.results.get(def.id) ?? errorResult(def, notRun));
  const egressLog = egressLogIn(run.outDir);
  const egress = existsSync(egressLog) ? readFileSync(egressLog, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as object) : [];
  // Proxy mode: the run's proxy and its worlds' (their SUTs reach the impersonated hosts through proxies of their own).
  const proxy = run.proxy ? runProxyRecord(run.outDir) : undefined;
  const doc = buildResults({ run, cases, startedAt: f.startedAt, finishedAt: new Date().toISOString(), harnessError: status.harnessError, egress, proxy });
  writeRunOutputs(run.outDir, doc);
  return doc;
}
