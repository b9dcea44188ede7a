// The output folder's fixed layout, and a small status file in its .run/ directory: the global setup
// records a harness failure there (SUT would not start, a fake could not bind) so the reporter and
// the CLI can say why.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RunStatus {
  harnessError?: string;
}

export const egressLogIn = (outDir: string) => path.join(outDir, 'egress.jsonl');
export const sutLogIn = (outDir: string) => path.join(outDir, 'sut.log');
/** Proxy mode: the proxy's address and the destinations it tunnelled (kept current during the run). */
export const proxyFileIn = (outDir: string) => path.join(outDir, '.run', 'proxy.json');
const statusFileIn = (outDir: string) => path.join(outDir, '.run', 'status.json');

export function writeRunStatus(outDir: string, status: RunStatus): void {
  mkdirSync(path.dirname(statusFileIn(outDir)), { recursive: true });
  writeFileSync(statusFileIn(outDir), JSON.stringify(status, null, 2));
}

export function readRunStatus(outDir: string): RunStatus {
  try {
    return JSON.parse(readFileSync(statusFileIn(outDir), 'utf8')) as RunStatus;
  } catch {
    return {};
  }
}
