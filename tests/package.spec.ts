// The package as a user gets it: `npm pack` the project (prepack compiles it into dist/), install the
// tarball into a new project outside the repository that holds a bot, and run the suite through the
// installed bin. Nothing reaches the network: npm works from the cache `npm ci` filled.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ResultsDoc } from '../harness/results/results-file';
import { CATALOGS } from '../profiles/registry';
import { readAction, runStepScript } from './helpers/action-yaml';
import { REPO } from './helpers/run-cli';

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

/** npm's own settings from the environment of `npm test` (npm_config_local_prefix among them) would
 *  point the npm started here back at the repository: it gets none of them, and offline mode. */
function npmEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', FORCE_COLOR: '0' };
}

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, env: npmEnv(), encoding: 'utf8', timeout: 240_000 });
  if (r.error) throw r.error;
  return r;
}

/**
 * The new project's package-lock.json: the tarball, and the dependencies at the versions (and
 * tarballs) the repository's lock pins. `npm install --offline <tarball>` with no lock fails:
 * it asks for the full packuments (npm's debug log: `packumentCache full:... cache-miss`), which
 * `npm ci` never fetched; a lock names the tarballs, which the cache holds. A bot's repository
 * that commits its lock installs the same way.
 */
function lockFor(tarball: string): object {
  const repoLock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${tarball}`;
  const packages: Record<string, object> = {
    '': { name: 'my-bot', version: '1.0.0', devDependencies: { 's2s-conformance': spec } },
    'node_modules/s2s-conformance': { version: pkg.version, resolved: spec, dev: true, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  // The package's run-time tree: every entry of the repository's lock that is not a dev dependency.
  for (const [where, entry] of Object.entries(repoLock.packages)) {
    if (!where || entry.dev || entry.link) continue;
    const { devOptional: _, ...rest } = entry;
    packages[where] = { ...rest, dev: true };
  }
  return { name: 'my-bot', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

test('npm pack, install the tarball into a bot project, run the suite through the installed bin', async () => {
  test.slow(); // a build, an install and a run: about a minute on two cores
  const tmp = mkdtempSync(path.join(os.tmpdir(), 's2s-package-'));
  try {
    // The tarball: prepack compiles the project; only the compiled code and what it reads ship.
    const pack = sh('npm', ['pack', '--json', '--pack-destination', tmp], REPO);
    expect(pack.status, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
    const shipped = packed.files.map((f) => f.path);
    expect(shipped).toContain('dist/harness/cli/main.js');
    expect(shipped).toContain('dist/profiles/bot-framework/bot-framework.spec.js');
    expect(shipped).toContain('harness/sut/preload.cjs');
    expect(shipped).toContain('action.yml');
    expect(shipped.filter((f) => /\.ts$/.test(f)), 'TypeScript in the package').toEqual([]);
    expect(shipped.filter((f) => f.startsWith('tests/') || f.includes('/flawed/')), 'test files in the package').toEqual([]);
    expect(packed.size, 'tarball bytes').toBeLessThan(1_000_000);
    // postpack removed the build from the clone.
    expect(existsSync(path.join(REPO, 'dist'))).toBe(false);

    // A bot's project, outside the repository.
    const project = path.join(tmp, 'my-bot');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'my-bot', version: '1.0.0', private: true, devDependencies: { 's2s-conformance': `file:../${packed.filename}` } }, null, 2));
    writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(lockFor(`../${packed.filename}`), null, 2));
    copyFileSync(path.join(REPO, 'fixtures', 'suts', 'bot-framework', 'reference.mjs'), path.join(project, 'bot.mjs'));
    const install = sh('npm', ['install', '--offline', '--no-audit', '--no-fund'], project);
    expect(install.status, install.stderr).toBe(0);
    const installed = path.join(project, 'node_modules', 's2s-conformance');
    expect(existsSync(path.join(installed, 'dist', 'harness', 'cli', 'main.js'))).toBe(true);
    // No dev dependency came along: the installed bin runs without tsx or TypeScript.
    for (const dev of ['tsx', 'typescript', 'nock']) expect(existsSync(path.join(project, 'node_modules', dev)), dev).toBe(false);

    // The catalog and the coverage need no SUT.
    const list = sh('npx', ['s2s-conformance', '--list'], project);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout.trim().split('\n').pop()).toBe(`${CATALOGS['bot-framework'].length} cases`);
    const coverage = sh('npx', ['s2s-conformance', 'coverage'], project);
    expect(coverage.status, coverage.stderr).toBe(0);
    expect(coverage.stdout).toMatch(/^total: MUST \d+\/\d+, SHOULD \d+\/\d+, MAY \d+\/\d+ tested; .* 0 NOT COVERED$/m);

    // The bot, started by the installed harness: a slice of the catalog, with cases of both of the
    // profile's spec files (side by side, and the key-lifecycle cases after them).
    const grep = 'BF-C2B-(AUD|SIG|KLC)-00[1-3]';
    const run = sh('npx', ['s2s-conformance', 'run', '--sut', 'node bot.mjs', '--only-results', '--out', 'conformance', '--grep', grep], project);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(project, 'conformance', 'results.json'), 'utf8')) as ResultsDoc;
    const expected = CATALOGS['bot-framework'].filter((c) => new RegExp(grep).test(c.id)).map((c) => c.id);
    expect(expected.filter((id) => id.includes('-KLC-')).length).toBeGreaterThan(0);
    expect(doc.cases.map((c) => c.id).sort()).toEqual(expected.sort());
    expect(doc.cases.filter((c) => c.outcome !== 'pass').map((c) => `${c.id}: ${c.outcome}`)).toEqual([]);
    expect(doc.sut.command).toBe('node bot.mjs');
    for (const f of ['junit.xml', 'results.sarif', 'summary.md']) expect(existsSync(path.join(project, 'conformance', f)), f).toBe(true);

    // The GitHub Action's run step (action.yml) with this installed package: one case.
    const step = readAction().runs.steps.find((s) => s.id === 'run')!;
    const github = { GITHUB_OUTPUT: path.join(tmp, 'github-output'), GITHUB_STEP_SUMMARY: path.join(tmp, 'step-summary') };
    const inputs = { 'inputs.sut': 'node bot.mjs', 'inputs.profile': 'bot-framework', 'inputs.args': '--only-results --grep BF-C2B-AUD-001', 'inputs.out': 'action-out', 'inputs.expect-failures': '' };
    const viaAction = runStepScript(step, inputs, project, { ...github, npm_config_offline: 'true' });
    expect(viaAction.status, `${viaAction.stdout}\n${viaAction.stderr}`).toBe(0);
    expect(readFileSync(github.GITHUB_OUTPUT, 'utf8')).toBe('exit-code=0\nresults=action-out/results.json\n');
    const actionDoc = JSON.parse(readFileSync(path.join(project, 'action-out', 'results.json'), 'utf8')) as ResultsDoc;
    expect(actionDoc.cases.map((c) => `${c.id}: ${c.outcome}`)).toEqual(['BF-C2B-AUD-001: pass']);
    expect(readFileSync(github.GITHUB_STEP_SUMMARY, 'utf8')).toContain('| bot-framework | conformant | 1 |');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
