// fuzz.json: the fuzz command's report, checked against fixtures/schemas/fuzz.schema.json and
// redacted before it is written (a SUT may echo the run's app password in its answers).
import { documentChecker } from '../results/document-checker';
import type { SutDescription } from '../results/results-file';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import schema from '../../fixtures/schemas/fuzz.schema.json';
import pkg from '../../package.json';
import { redactSecrets } from '../results/redact';
import type { FindingKind } from './classify';
import type { RenderedRequest } from './mutant';
import { MUTATORS } from './mutators';

export type StoppedBy = 'count' | 'time' | 'crash' | 'interrupted' | 'error';

export interface Finding {
  index: number;
  seed: number;
  kind: FindingKind;
  mutators: string[];
  description: string;
  request: RenderedRequest;
  response?: { status: number; body: string };
  error?: string;
  replay: string;
}

export interface FuzzDoc {
  schemaVersion: 1;
  suite: { name: string; version: string };
  profile: string;
  path: string;
  seed: number;
  now: number;
  requested: number;
  sent: number;
  stoppedBy: StoppedBy;
  timeLimitS: number;
  error?: string;
  control?: { status?: number; body?: string; error?: string };
  sut: SutDescription;
  mutatorTable: Array<{ name: string; summary: string }>;
  findings: Finding[];
  startedAt: string;
  finishedAt: string;
}

export const FUZZ_FILE = 'fuzz.json';
export const RESPONSE_BODY_CHARS = 500;

export function fuzzDoc(fields: Omit<FuzzDoc, 'schemaVersion' | 'suite' | 'mutatorTable'>): FuzzDoc {
  return { schemaVersion: 1, suite: { name: pkg.name, version: pkg.version }, ...fields, mutatorTable: MUTATORS.map(({ name, summary }) => ({ name, summary })) };
}

export const validateFuzzDoc: (doc: unknown) => void = documentChecker(schema, 'fuzz.json');

/** Redacts, validates and writes <outDir>/fuzz.json; returns its path. */
export function writeFuzzDoc(outDir: string, doc: FuzzDoc, secrets: string[]): string {
  const clean = redactSecrets(doc, secrets);
  validateFuzzDoc(clean);
  const file = path.join(outDir, FUZZ_FILE);
  writeFileSync(file, `${JSON.stringify(clean, null, 2)}\n`);
  return file;
}
