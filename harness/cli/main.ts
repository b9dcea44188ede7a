// The s2s-conformance CLI: parse, write the run configuration, drive `playwright test`, and turn
// results.json into the exit code.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkRunConfig, PLAYWRIGHT_CONFIG, REPO_ROOT, type RunConfig } from '../run/config';
import { CATALOGS, PROFILE_INFO, PROFILE_NAMES, tokenPaths, type ProfileName } from '../../profiles/registry';
import { exitCodeOf, type ResultsDoc } from '../results/results-file';
import { HELP, parseRunArgs, UsageError, type RunArgs } from './args';
import { formatCatalog, formatFamilyMatrix } from './list-cases';
import { familyMatrix } from '../../profiles/families';
import { coverageOf, coverageText, REQUIREMENTS } from '../coverage/coverage';
import { compareResults, comparisonText } from '../results/compare';
import { parseExpectFailures } from '../results/expect-failures';
import { expiredLines, type ExpectedFailureEntry } from '../results/gate';
import { say } from './say';
import { readResultsFile } from './run-folders';
import { mergeCommand } from './merge-command';
import { shellCommandLine } from '../results/write-outputs';
import { matrixCommand } from './matrix-command';
// The report, fuzz and load commands load Playwright's browser library, fast-check and more (over a
// second of start-up): they are required only when their command runs, so `run` starts fast.
const lazy = {
  report: () => require('./report-command') as typeof import('./report-command'),
  certify: () => require('./certify-command') as typeof import('./certify-command'),
  fuzz: () => require('./fuzz-command') as typeof import('./fuzz-command'),
  load: () => require('./load-command') as typeof import('./load-command'),
  several: () => require('./multi-profile') as typeof import('./multi-profile'),
};


export async function main(argv: string[]): Promise<number> {
  let args: RunArgs;
  try {
    args = parseRunArgs(argv, PROFILE_NAMES);
  } catch (err) {
    if (err instanceof UsageError) {
      say(`error: ${err.message}`);
      return 2;
    }
    throw err;
  }
  // results.sarif names the command that made it: `merge` writes it in this process, the Playwright
  // process of a `run` inherits the environment. argv, not process.argv: the shell wrapper passes
  // the arguments in the environment (bin.cjs).
  process.env.S2S_COMMAND_LINE = shellCommandLine(argv);
  if (args.command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (args.command === 'compare') return compare(args.compare!.base, args.compare!.head);
  if (args.command === 'merge') return mergeCommand(args.dirs!, args.out);
  if (args.command === 'report') return lazy.report().reportCommand(args.dirs!, args.out, Boolean(args.noPdf));
  if (args.command === 'certify') return lazy.certify().certifyCommand({ dirs: args.dirs!, out: args.out, validDays: args.validDays!, sutName: args.sutName, sutVersion: args.sutVersion, noPdf: args.noPdf });
  if (args.command === 'verify') return lazy.certify().verifyCommand(args.pkg!);
  if (args.command === 'matrix') return matrixCommand(args.dirs!, args.out, Boolean(args.differing));
  if (args.command === 'coverage') {
    console.log(coverageText(coverageOf(REQUIREMENTS, CATALOGS), Boolean(args.uncovered)));
    return 0;
  }
  if (args.profiles) return lazy.several().runSeveralProfiles(args.profiles, argv, args.out);
  if (args.command === 'fuzz' || args.load) {
    const run = configOrError(args);
    if (typeof run === 'number') return run;
    if (args.load) return lazy.load().loadCommand({ run, ...args.load, path: args.path });
    const fuzz = lazy.fuzz();
    return fuzz.fuzzCommand({ run, seed: args.seed!, count: args.count!, timeLimitS: args.timeLimitS ?? fuzz.DEFAULT_TIME_LIMIT_S, path: args.path });
  }
  if (args.list && args.matrix) {
    console.log(formatFamilyMatrix(familyMatrix(tokenPaths())));
    return 0;
  }
  if (args.list) {
    console.log(formatCatalog(CATALOGS[args.profile as ProfileName]));
    return 0;
  }
  return run(args);
}

function runConfigOf(args: RunArgs): RunConfig {
  if (PROFILE_INFO[args.profile as ProfileName].role === 'client') {
    // Its SUT sends the tokens: a command the harness starts once per scenario, nothing to send tokens to.
    if (args.target) throw new Error(`--target does not go with profile ${args.profile}: its SUT is a client the harness starts once per scenario (--sut "CMD")`);
    if (args.command === 'fuzz' || args.load) throw new Error(`fuzz and --load send tokens to a SUT that receives them; the SUT of profile ${args.profile} sends them`);
  }
  const outDir = path.resolve(args.out);
  const endpoint = args.endpoint ?? PROFILE_INFO[args.profile as ProfileName].defaultEndpoint;
  if (args.alsoEndpoints) checkAlsoEndpoints(args.alsoEndpoints, args.profile as ProfileName, args.target ? new URL(args.target).pathname : endpoint);
  const config: RunConfig = {
    profile: args.profile as ProfileName,
    endpoint,
    ...(args.alsoEndpoints ? { alsoEndpoints: args.alsoEndpoints } : {}),
    sutEnv: args.sutEnv,
    outDir,
    timeoutMs: args.timeoutMs,
    startupTimeoutMs: args.startupTimeoutMs,
    ...(args.grep ? { grep: args.grep } : {}),
    ...(args.sutName ? { sutName: args.sutName } : {}),
    ...(args.sutVersion ? { sutVersion: args.sutVersion } : {}),
    ...(args.strict ? { strict: true } : {}),
    ...(args.shard ? { shard: args.shard } : {}),
    ...(args.onlyResults ? { onlyResults: true } : {}),
    ...(args.proxy ? { proxy: true } : {}),
    ...(args.expectFailures ? { expectFailures: readExpectFailures(args.expectFailures, args.profile as ProfileName) } : {}),
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

/** --also-endpoint makes sense only where some case runs on every endpoint, and names another endpoint than the main one. */
function checkAlsoEndpoints(also: string[], profile: ProfileName, main: string): void {
  if (PROFILE_INFO[profile].role === 'client') throw new Error(`--also-endpoint does not go with profile ${profile}: its SUT is a client, the harness receives the tokens`);
  // Read only when the option is given: loading the CLI loads no catalog.
  if (!CATALOGS[profile].some((c) => c.kind === 'inbound' && c.endpoints === 'all')) throw new Error(`--also-endpoint: profile ${profile} has no case that runs on every endpoint`);
  if (also.includes(main)) throw new Error(`--also-endpoint ${main} is the main endpoint already (--endpoint${main === PROFILE_INFO[profile].defaultEndpoint ? `, default for ${profile}` : ''})`);
}

/** The run configuration, or exit code 2 after one line saying what is wrong with it. */
function configOrError(args: RunArgs): RunConfig | 2 {
  try {
    return runConfigOf(args);
  } catch (err) {
    say(`error: ${(err as Error).message}`);
    return 2;
  }
}

async function run(args: RunArgs): Promise<number> {
  const config = configOrError(args);
  if (typeof config === 'number') return config;
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

  const engineExit = engineOf(args) === 'in-process' ? await runCasesInProcess(config, configFile, args.workers ?? IN_PROCESS_LANES) : await runCasesWithPlaywright(config, configFile, args.workers);
  if (!existsSync(resultsFile)) {
    say(`error: the harness failed before writing results (${engineExit})`);
    return 3;
  }
  const doc = JSON.parse(readFileSync(resultsFile, 'utf8')) as ResultsDoc;
  const s = doc.summary;
  const code = exitCodeOf(doc);
  if (doc.harness.error) say(`error: ${doc.harness.error}`);
  say(`${s.pass} passed, ${s.fail} failed, ${s.inconclusive} inconclusive, ${s.error} errors of ${s.total} cases; MUST failures: ${s.byLevel.MUST.fail}; results: ${resultsFile}`);
  if (doc.gate?.expectedFailures.length) say(`${doc.gate.expectedFailures.length} expected failure(s) (known departures, not gating): ${doc.gate.expectedFailures.map((e) => e.id).join(', ')}`);
  for (const line of doc.gate ? expiredLines(doc.gate) : []) say(line);
  if (doc.gate?.nowPassing.length) say(`listed as expected failures but passing now (take them out of the file): ${doc.gate.nowPassing.join(', ')}`);
  if (doc.gate?.strict && doc.gate.failing.length) say(`--strict: ${doc.gate.failing.length} case(s) fail the gate (FAIL or WARN)`);
  return code;
}

/** Cases in flight at once in the in-process engine: most of a case's time is waiting on the SUT,
 *  so a few overlap well even on two cores. */
const IN_PROCESS_LANES = 4;

/** In-process with --only-results (no Playwright report is wanted), Playwright otherwise and for --shard. */
const engineOf = (args: RunArgs): 'in-process' | 'playwright' => args.engine ?? (args.onlyResults && !args.shard ? 'in-process' : 'playwright');

/** Runs the cases in this process; says how it ended, for the error line when no results were written. */
async function runCasesInProcess(config: RunConfig, configFile: string, lanes: number): Promise<string> {
  process.env.S2S_RUN_CONFIG = configFile; // what the profiles' runners read, as in a Playwright worker
  // Required here: the CLI loads no catalog or world until a run needs them.
  const { runInProcess } = require('../run/in-process-run') as typeof import('../run/in-process-run');
  const running = runInProcess(config, lanes);
  const interrupt = () => running.interrupt();
  process.on('SIGINT', interrupt).on('SIGTERM', interrupt);
  try {
    await running.done;
    return 'the in-process engine ended';
  } catch (err) {
    return `the in-process engine failed: ${(err as Error).message}`;
  } finally {
    process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
  }
}

/** Runs the cases with Playwright's test runner (a child process); says how it ended. */
async function runCasesWithPlaywright(config: RunConfig, configFile: string, workers: number | undefined): Promise<string> {
  const pwArgs = [require.resolve('@playwright/test/cli'), 'test', '-c', PLAYWRIGHT_CONFIG];
  if (workers) pwArgs.push('--workers', String(workers));
  if (config.shard) pwArgs.push('--shard', `${config.shard.current}/${config.shard.total}`);
  const child = spawn(process.execPath, pwArgs, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, S2S_RUN_CONFIG: configFile } });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  const pwExit: number = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1))));
  process.off('SIGINT', forward).off('SIGTERM', forward);
  return `playwright exited ${pwExit}`;
}

/** The --expect-failures file: valid JSON of the schema, naming only cases of the profile. */
function readExpectFailures(file: string, profile: ProfileName): Record<string, ExpectedFailureEntry> {
  let doc: Record<string, ExpectedFailureEntry>;
  try {
    doc = parseExpectFailures(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new Error(`--expect-failures ${file}: ${(err as Error).message}`);
  }
  const known = new Set(CATALOGS[profile].map((c) => c.id));
  const unknown = Object.keys(doc).filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`--expect-failures ${file}: not cases of profile ${profile}: ${unknown.join(', ')}`);
  return doc;
}

function compare(baseFile: string, headFile: string): number {
  const read = (file: string) => readResultsFile(file).doc;
  let base: ResultsDoc;
  let head: ResultsDoc;
  try {
    base = read(baseFile);
    head = read(headFile);
  } catch (err) {
    say(`error: ${(err as Error).message}`);
    return 2;
  }
  if (base.profile !== head.profile) {
    say(`error: ${baseFile} is profile ${base.profile}, ${headFile} is ${head.profile}`);
    return 2;
  }
  const cmp = compareResults(base, head);
  console.log(comparisonText(cmp));
  return cmp.mustRegressions.length ? 1 : 0;
}
