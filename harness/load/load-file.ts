// load.json: built from a finished (or cut short) load run, checked against its JSON Schema the
// way results.json is, redacted, and written to the run's output folder.
import { documentChecker } from '../results/document-checker';
import { sutOf, type SutDescription } from '../results/results-file';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import schema from '../../fixtures/schemas/load.schema.json';
import type { RunConfig } from '../run/config';
import { redactSecrets } from '../results/redact';
import { latencySummary, type LatencySummary } from './percentiles';
import type { LoadCounts, LoadFinding, LoadTally } from './tally';

export interface LoadDoc {
  schemaVersion: 1;
  profile: string;
  path: string;
  sut: SutDescription;
  requests: number;
  concurrency: number;
  decoyEvery: number;
  timeoutMs: number;
  distinctTokens: number;
  wallS: number;
  throughputPerS: number;
  latencyMs: LatencySummary;
  counts: LoadCounts;
  findings: LoadFinding[];
  findingsTotal: number;
  error?: string;
  interrupted?: true;
  startedAt: string;
  finishedAt: string;
}

export interface LoadFileInput {
  run: RunConfig;
  path: string;
  requests: number;
  concurrency: number;
  decoyEvery: number;
  distinctTokens: number;
  tally: LoadTally;
  wallMs: number;
  startedAt: string;
  error?: string;
  interrupted?: boolean;
}

export function buildLoadDoc(i: LoadFileInput): LoadDoc {
  const { run, tally } = i;
  const wallS = i.wallMs / 1000;
  return {
    schemaVersion: 1,
    profile: run.profile,
    path: i.path,
    sut: sutOf(run),
    requests: i.requests,
    concurrency: i.concurrency,
    decoyEvery: i.decoyEvery,
    timeoutMs: run.timeoutMs,
    distinctTokens: i.distinctTokens,
    wallS: Math.round(wallS * 1000) / 1000,
    throughputPerS: wallS > 0 ? Math.round((tally.counts.accepted / wallS) * 10) / 10 : 0,
    latencyMs: latencySummary(tally.acceptedMs),
    counts: { ...tally.counts, notSent: i.requests - tally.sent() },
    findings: tally.findings,
    findingsTotal: tally.findingsTotal,
    ...(i.error ? { error: i.error } : {}),
    ...(i.interrupted ? { interrupted: true as const } : {}),
    startedAt: i.startedAt,
    finishedAt: new Date().toISOString(),
  };
}

export const validateLoadDoc: (doc: unknown) => void = documentChecker(schema, 'load.json');

/** Redacts, validates and writes <outDir>/load.json; returns its path. */
export function writeLoadFile(outDir: string, doc: LoadDoc, secrets: string[]): string {
  const clean = redactSecrets(doc, secrets);
  validateLoadDoc(clean);
  const file = path.join(outDir, 'load.json');
  writeFileSync(file, `${JSON.stringify(clean, null, 2)}\n`);
  return file;
}
