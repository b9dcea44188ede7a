// Reading the folders runs left behind (merge, report, matrix): each must hold a results.json that
// matches its schema; a folder that does not is one clear line, never a stack trace.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateResults, type ResultsDoc } from '../results/results-file';

export interface RunFolder {
  dir: string;
  doc: ResultsDoc;
  /** SHA-256 of the results.json text, as the summary quotes it. */
  sha256: string;
}

export function readRunFolder(dir: string): RunFolder {
  const file = path.join(dir, 'results.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${dir}: no results.json there (is it the --out folder of a run?)`);
  }
  try {
    const doc = JSON.parse(text) as ResultsDoc;
    validateResults(doc);
    return { dir, doc, sha256: createHash('sha256').update(text).digest('hex') };
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}
