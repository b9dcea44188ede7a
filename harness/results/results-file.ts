// results.json: built, checked against its JSON Schema, and turned into the CLI's exit code.
import { documentChecker } from './document-checker';
import schema from '../../fixtures/schemas/results.schema.json';
import pkg from '../../package.json';
import { LEVELS, OUTCOMES, type CaseResult, type Level, type Outcome } from '../engine/case-model';
import type { RunConfig } from '../run/config';
import { gateOf, tierOf, TIERS, type Gate, type Tier } from './gate';

type Counts = Record<Outcome, number>;
const zero = (): Counts => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Counts;

/** Who was tested, as results.json, fuzz.json and load.json all describe it. */
export interface SutDescription {
  command?: string;
  target?: string;
  endpoint: string;
  /** --also-endpoint: the SUT's other endpoints the cases of a rule that guards every endpoint ran on. */
  alsoEndpoints?: string[];
  bundled?: boolean;
  name?: string;
  version?: string;
}

/** The SUT of a run: the command the harness started (or the target the user started), the endpoint, the declared name and version. */
export function sutOf(run: RunConfig): SutDescription {
  return {
    ...(run.sut ? { command: run.sut.command, bundled: Boolean(run.sut.bundled) } : { target: run.target }),
    endpoint: run.endpoint,
    ...(run.alsoEndpoints?.length ? { alsoEndpoints: run.alsoEndpoints } : {}),
    ...(run.sutName ? { name: run.sutName } : {}),
    ...(run.sutVersion ? { version: run.sutVersion } : {}),
  };
}

/** Proxy mode: the harness proxy's address and the impersonated destinations it tunnelled, by host:port. */
export interface ProxyRecord {
  url: string;
  tunnels: Record<string, number>;
}

export interface ResultsDoc {
  schemaVersion: 1;
  suite: { name: string; version: string };
  profile: string;
  sut: SutDescription;
  startedAt: string;
  finishedAt: string;
  harness: { error?: string; egress: object[]; proxy?: ProxyRecord };
  cases: CaseResult[];
  summary: Counts & { total: number; byLevel: Record<Level, Counts>; robustness: { fail: number; warn: number }; tiers?: Record<Tier, number> };
  gate?: Gate;
  /** One slice of a sharded run (--shard i/n); `merge` joins the slices into one document without it. */
  shard?: { current: number; total: number };
}

export function summarize(cases: CaseResult[]): ResultsDoc['summary'] {
  const s = { ...zero(), total: cases.length, byLevel: Object.fromEntries(LEVELS.map((l) => [l, zero()])) as Record<Level, Counts>, robustness: { fail: 0, warn: 0 }, tiers: Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number> };
  for (const c of cases) {
    s[c.outcome]++;
    s.tiers[tierOf(c)]++;
    s.byLevel[c.requirement.level][c.outcome]++;
    if (c.observed.robustness) s.robustness[c.observed.robustness.verdict]++;
  }
  return s;
}

export function buildResults(input: { run: RunConfig; cases: CaseResult[]; startedAt: string; finishedAt: string; harnessError?: string; egress: object[]; proxy?: ProxyRecord }): ResultsDoc {
  const { run } = input;
  return {
    schemaVersion: 1,
    suite: { name: pkg.name, version: pkg.version },
    profile: run.profile,
    sut: sutOf(run),
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    harness: { ...(input.harnessError ? { error: input.harnessError } : {}), egress: input.egress, ...(input.proxy ? { proxy: input.proxy } : {}) },
    cases: input.cases.map((c) => ({ ...c, tier: tierOf(c) })),
    summary: summarize(input.cases),
    // `until` is compared with the day the run started (UTC), so a run over midnight judges one date.
    gate: gateOf(input.cases, { strict: run.strict, expectFailures: run.expectFailures, ...(/^\d{4}-\d{2}-\d{2}T/.test(input.startedAt) ? { today: input.startedAt.slice(0, 10) } : {}) }),
    ...(run.shard ? { shard: run.shard } : {}),
  };
}

export const validateResults: (doc: unknown) => void = documentChecker(schema, 'results.json');

/** 0: the gate passed (no MUST failure, or only expected ones; with --strict no SHOULD failure
 *  either); 1: it failed; 3: the SUT would not start, died, or the harness failed. */
export function exitCodeOf(doc: ResultsDoc): 0 | 1 | 3 {
  if (doc.harness.error || doc.summary.error > 0) return 3;
  const failing = doc.gate ? doc.gate.failing.length > 0 : doc.cases.some((c) => c.outcome === 'fail' && c.requirement.level === 'MUST');
  return failing ? 1 : 0;
}
