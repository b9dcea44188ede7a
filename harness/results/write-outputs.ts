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
  writeFileSync(path.join(outDir, 'results.sarif'), JSON.stringify(sarifOf(doc, { commandLine: commandLineOf() }), null, 2));
  const run = { doc, sha256: createHash('sha256').update(text).digest('hex') };
  writeFileSync(path.join(outDir, 'summary.md'), summaryMarkdown([run]));
  writeFileSync(path.join(outDir, 'summary.html'), summaryHtml([run]));
}

/** This process's command line as a shell would take it back. */
export const ownCommandLine = (argv: string[] = process.argv.slice(2)): string =>
  ['s2s-conformance', ...argv].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');

/** The command line that made this output: `run` hands its own to the Playwright process that writes
 *  the results (S2S_COMMAND_LINE); `merge` writes them in its own process. */
const commandLineOf = (): string => process.env.S2S_COMMAND_LINE ?? ownCommandLine();
