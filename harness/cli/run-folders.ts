// Reading what runs left behind (compare, merge, report, matrix): a results.json that matches its
// schema, in a run folder; a folder that does not is one clear line, never a stack trace.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateResults, type ResultsDoc } from '../results/results-file';

export interface RunFolder {
  dir: string;
  doc: ResultsDoc;
  /** SHA-256 of the results.json text, as the summary quotes it. */
  sha256: string;
}

/** A results.json file, parsed and checked against its schema; any problem is one line naming the file. */
export function readResultsFile(file: string): { doc: ResultsDoc; text: string } {
  try {
    const text = readFileSync(file, 'utf8');
    const doc = JSON.parse(text) as ResultsDoc;
    validateResults(doc);
    return { doc, text };
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

export function readRunFolder(dir: string): RunFolder {
  const file = path.join(dir, 'results.json');
  if (!existsSync(file)) throw new Error(`${dir}: no results.json there (is it the --out folder of a run?)`);
  const { doc, text } = readResultsFile(file);
  return { dir, doc, sha256: createHash('sha256').update(text).digest('hex') };
}
