// A small status file in the output folder's .run/ directory: the global setup records a harness
// failure there (SUT would not start, a fake could not bind) so the reporter and the CLI can say why.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RunStatus {
  harnessError?: string;
  egressLog?: string;
  sutLog?: string;
}

const fileIn = (outDir: string) => path.join(outDir, '.run', 'status.json');

export function writeRunStatus(outDir: string, status: RunStatus): void {
  mkdirSync(path.dirname(fileIn(outDir)), { recursive: true });
  writeFileSync(fileIn(outDir), JSON.stringify(status, null, 2));
}

export function readRunStatus(outDir: string): RunStatus {
  try {
    return JSON.parse(readFileSync(fileIn(outDir), 'utf8')) as RunStatus;
  } catch {
    return {};
  }
}
