// `matrix DIR...`: several runs side by side on one page (cases as rows, SUTs as columns).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { matrixHtml } from '../results/matrix';
import { readRunFolder } from './run-folders';
import { say } from './say';

export function matrixCommand(dirs: string[], outArg = 'reports/matrix.html', differing = false): number {
  try {
    const runs = dirs.map(readRunFolder);
    // A column is named by its run folder; the header adds the SUT's declared name and version.
    const page = matrixHtml(runs.map((r) => ({ label: path.basename(path.resolve(r.dir)), doc: r.doc })), { differing });
    mkdirSync(path.dirname(path.resolve(outArg)), { recursive: true });
    writeFileSync(outArg, page);
  } catch (err) {
    say(`error: matrix: ${(err as Error).message}`);
    return 2;
  }
  say(`matrix of ${dirs.length} run(s): ${path.resolve(outArg)}`);
  return 0;
}
