// Everything a run leaves next to results.json, made from it: junit.xml, results.sarif and the summary (md, html).
// The results reporter writes them at the end of a run, `merge` for the joined slices.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { junitXml } from './junit';
import { validateResults, type ResultsDoc } from './results-file';
import { sarifOf } from './sarif';
import { summaryHtml, summaryMarkdown } from './summary';

export function writeRunOutputs(outDir: string, doc: ResultsDoc): void {
  validateResults(doc);
  const text = JSON.stringify(doc, null, 2);
  writeFileSync(path.join(outDir, 'results.json'), text);
  writeFileSync(path.join(outDir, 'junit.xml'), junitXml(doc));
  // The command line is the CLI's (main.ts sets S2S_COMMAND_LINE); other callers write none.
  writeFileSync(path.join(outDir, 'results.sarif'), JSON.stringify(sarifOf(doc, { commandLine: process.env.S2S_COMMAND_LINE }), null, 2));
  const run = { doc, sha256: createHash('sha256').update(text).digest('hex') };
  writeFileSync(path.join(outDir, 'summary.md'), summaryMarkdown([run]));
  writeFileSync(path.join(outDir, 'summary.html'), summaryHtml([run]));
}

/** A command line as a shell would take it back. */
export const shellCommandLine = (argv: string[]): string =>
  ['s2s-conformance', ...argv].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
