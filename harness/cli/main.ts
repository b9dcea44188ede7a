// The s2s-conformance CLI: parse, write the run configuration, drive `playwright test`, and turn
// results.json into the exit code.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGS, PROFILES } from '../../suites';
import { checkRunConfig, REPO_ROOT, type RunConfig } from '../run/config';
import { PROFILE_INFO, type ProfileName } from '../profiles/registry';
import { exitCodeOf, type ResultsDoc } from '../results/results-file';
import { HELP, parseRunArgs, UsageError, type RunArgs } from './args';
import { formatCatalog } from './list-cases';
import { coverageOf, coverageText, REQUIREMENTS } from '../coverage/coverage';

const say = (line: string) => console.error(`s2s-conformance: ${line}`);

export async function main(argv: string[]): Promise<number> {
  let args: RunArgs;
  try {
    args = parseRunArgs(argv, PROFILES);
  } catch (err) {
    if (err instanceof UsageError) {
      say(`error: ${err.message}`);
      return 2;
    }
    throw err;
  }
  if (args.command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (args.command === 'coverage') {
    console.log(coverageText(coverageOf(REQUIREMENTS, CATALOGS), Boolean(args.uncovered)));
    return 0;
  }
  if (args.list) {
    console.log(formatCatalog(CATALOGS[args.profile as ProfileName]));
    return 0;
  }
  return run(args);
}

function runConfigOf(args: RunArgs): RunConfig {
  const outDir = path.resolve(args.out);
  const config: RunConfig = {
    profile: args.profile as ProfileName,
    endpoint: args.endpoint ?? PROFILE_INFO[args.profile as ProfileName].defaultEndpoint,
    sutEnv: args.sutEnv,
    outDir,
    timeoutMs: args.timeoutMs,
    startupTimeoutMs: args.startupTimeoutMs,
    ...(args.grep ? { grep: args.grep } : {}),
    ...(args.sutName ? { sutName: args.sutName } : {}),
    ...(args.sutVersion ? { sutVersion: args.sutVersion } : {}),
  };
  if (args.target) {
    config.target = args.target;
    if (args.envFile) config.envFile = path.resolve(args.envFile);
  } else if (args.sut) {
    config.sut = { command: args.sut, cwd: process.cwd() };
  } else {
    config.sut = { command: PROFILE_INFO[args.profile as ProfileName].referenceSut, cwd: REPO_ROOT, bundled: true };
  }
  return checkRunConfig(config);
}

async function run(args: RunArgs): Promise<number> {
  let config: RunConfig;
  try {
    config = runConfigOf(args);
  } catch (err) {
    say(`error: ${(err as Error).message}`);
    return 2;
  }
  const resultsFile = path.join(config.outDir, 'results.json');
  try {
    mkdirSync(path.join(config.outDir, '.run'), { recursive: true });
    rmSync(resultsFile, { force: true });
  } catch (err) {
    say(`error: cannot use output folder ${config.outDir}: ${(err as Error).message}`);
    return 2;
  }
  const configFile = path.join(config.outDir, '.run', 'config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  const pwArgs = [require.resolve('@playwright/test/cli'), 'test', '-c', path.join(REPO_ROOT, 'playwright.config.ts')];
  if (args.workers) pwArgs.push('--workers', String(args.workers));
  const child = spawn(process.execPath, pwArgs, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, S2S_RUN_CONFIG: configFile } });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  const pwExit: number = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1))));
  process.off('SIGINT', forward).off('SIGTERM', forward);

  if (!existsSync(resultsFile)) {
    say(`error: the harness failed before writing results (playwright exited ${pwExit})`);
    return 3;
  }
  const doc = JSON.parse(readFileSync(resultsFile, 'utf8')) as ResultsDoc;
  const s = doc.summary;
  const code = exitCodeOf(doc);
  if (doc.harness.error) say(`error: ${doc.harness.error}`);
  say(`${s.pass} passed, ${s.fail} failed, ${s.inconclusive} inconclusive, ${s.error} errors of ${s.total} cases; MUST failures: ${s.byLevel.MUST.fail}; results: ${resultsFile}`);
  return code;
}
