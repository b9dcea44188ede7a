// Everything a run leaves next to results.json, made from it: junit.xml and the summary (md, html).
// The results reporter writes them at the end of a run, `merge` for the joined slices.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { junitXml } from './junit';
import { validateResults, type ResultsDoc } from './results-file';
import { summaryHtml, summaryMarkdown } from './summary';

export function writeRunOutputs(outDir: string, doc: ResultsDoc): void {
  validateResults(doc);
  const text = JSON.stringify(doc, null, 2);
  writeFileSync(path.join(outDir, 'results.json'), text);
  writeFileSync(path.join(outDir, 'junit.xml'), junitXml(doc));
  const run = { doc, sha256: createHash('sha256').update(text).digest('hex') };
  writeFileSync(path.join(outDir, 'summary.md'), summaryMarkdown([run]));
  writeFileSync(path.join(outDir, 'summary.html'), summaryHtml([run]));
}
