// `merge DIR...`: the slices of a sharded run become one run folder: results.json and everything made
// from it, the Allure results side by side, and one Playwright HTML report from the slices' blob
// reports (Playwright's merge-reports).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CATALOGS, type ProfileName } from '../../profiles/registry';
import { mergeShards } from '../results/merge';
import { exitCodeOf } from '../results/results-file';
import { writeRunOutputs } from '../results/write-outputs';
import { REPO_ROOT } from '../run/config';
import { readRunFolder } from './run-folders';
import { say } from './say';

/** Copies the files of each folder's `sub` folder into out/sub (Allure's and the blob files have unique names). */
function gather(dirs: string[], sub: string, out: string): number {
  let n = 0;
  for (const dir of dirs) {
    const from = path.join(dir, sub);
    if (!existsSync(from)) continue;
    mkdirSync(out, { recursive: true });
    for (const f of readdirSync(from)) {
      if (existsSync(path.join(out, f))) continue; // environment.properties: the same in every slice
      copyFileSync(path.join(from, f), path.join(out, f));
      n++;
    }
  }
  return n;
}

export function mergeCommand(dirs: string[], outArg = 'reports/merged'): number {
  const out = path.resolve(outArg);
  let merged;
  try {
    const slices = dirs.map(readRunFolder);
    merged = mergeShards(slices.map((s) => s.doc), (CATALOGS[slices[0].doc.profile as ProfileName] ?? []).map((c) => c.id));
    rmSync(path.join(out, 'results.json'), { force: true });
    mkdirSync(path.join(out, '.run'), { recursive: true });
    writeRunOutputs(out, merged);
  } catch (err) {
    say(`error: merge: ${(err as Error).message}`);
    return 2;
  }
  gather(dirs, 'allure-results', path.join(out, 'allure-results'));
  const blobs = path.join(out, '.run', 'blob');
  rmSync(blobs, { recursive: true, force: true });
  if (gather(dirs, 'blob', blobs)) {
    const r = spawnSync(process.execPath, [require.resolve('@playwright/test/cli'), 'merge-reports', '--reporter', 'html', blobs], {
      cwd: REPO_ROOT,
      env: { ...process.env, PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(out, 'html'), PLAYWRIGHT_HTML_OPEN: 'never' },
      encoding: 'utf8',
    });
    if (r.status !== 0) say(`warning: the HTML report could not be merged (results.json is complete): ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
  } else say('warning: the slices have no blob reports, so there is no merged HTML report');
  const s = merged.summary;
  say(`merged ${dirs.length} slices: ${s.pass} passed, ${s.fail} failed, ${s.inconclusive} inconclusive, ${s.error} errors of ${s.total} cases; MUST failures: ${s.byLevel.MUST.fail}; results: ${path.join(out, 'results.json')}`);
  return exitCodeOf(merged);
}
