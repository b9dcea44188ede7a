// Command-line parsing for `s2s-conformance run`: every mistake becomes one clear line (exit 2).
import { DEFAULT_PROFILE, PROFILE, PROFILE_NAMES } from '../../profiles/registry';

export class UsageError extends Error {}

export interface RunArgs {
  command: 'run' | 'help' | 'coverage' | 'compare' | 'merge' | 'report' | 'matrix' | 'fuzz' | 'certify' | 'verify';
  profile: string;
  sut?: string;
  target?: string;
  envFile?: string;
  endpoint?: string;
  /** --also-endpoint (repeatable): more endpoints of the SUT, on the main endpoint's origin. */
  alsoEndpoints?: string[];
  sutEnv: Record<string, string>;
  out: string;
  grep?: string;
  workers?: number;
  /** --profile all (or a,b,...): the profiles one invocation runs, each into its own folder of --out. */
  profiles?: string[];
  /** Which engine runs the cases: in the CLI's own process, or Playwright's test runner (the HTML and Allure reports). */
  engine?: 'in-process' | 'playwright';
  timeoutMs: number;
  startupTimeoutMs: number;
  list: boolean;
  /** With --list: the attack-family completeness matrix (family x inbound token path) instead of the catalog. */
  matrix?: boolean;
  /** coverage: list only the requirements no case tests yet. */
  uncovered?: boolean;
  /** compare: the two results.json files, before and after. */
  compare?: { base: string; head: string };
  strict?: boolean;
  expectFailures?: string;
  sutName?: string;
  sutVersion?: string;
  shard?: { current: number; total: number };
  /** merge, report, matrix: the run folders (each with a results.json) they read. */
  dirs?: string[];
  /** report: skip the PDF (no Chromium needed). */
  noPdf?: boolean;
  /** matrix: only the cases whose tier differs between the runs. */
  differing?: boolean;
  /** fuzz: seed, number of mutants, time bound; fuzz and --load: the profile's path to send. */
  seed?: number;
  count?: number;
  timeLimitS?: number;
  path?: string;
  onlyResults?: boolean;
  proxy?: boolean;
  /** run --load N: N valid requests (and decoys) at a concurrency, instead of the cases. */
  load?: { requests: number; concurrency: number; decoyEvery: number };
  /** certify: the certificate's validity in days (default 365); verify: the package folder or zip. */
  validDays?: number;
  pkg?: string;
}

/** Options that belong to one command only (fuzz, or run --load). */
const FUZZ_OPTIONS = ['--seed', '--count', '--time-limit-s'];
const LOAD_OPTIONS = ['--load', '--concurrency', '--decoy-every'];
const VALUE_OPTIONS = [...FUZZ_OPTIONS, ...LOAD_OPTIONS, '--path', '--expect-failures', '--profile', '--sut', '--target', '--env-file', '--write-env', '--endpoint', '--also-endpoint', '--sut-env', '--out', '--grep', '--workers', '--timeout-ms', '--startup-timeout-ms', '--sut-name', '--sut-version', '--shard', '--engine'];
const FLAG_OPTIONS = ['--list', '--matrix', '--strict', '--only-results', '--proxy', '--help', '-h'];

function parseCoverageArgs(args: string[]): RunArgs {
  const out = { command: 'coverage', uncovered: false } as RunArgs;
  for (const a of args) {
    if (a === '--uncovered') out.uncovered = true;
    else throw new UsageError(`unknown option "${a}" for coverage (try --help)`);
  }
  return out;
}

/** merge/report/matrix: run folders, then --out (and for report --no-pdf, for matrix --differing). */
function parseFolderCommand(command: 'merge' | 'report' | 'matrix', args: string[]): RunArgs {
  const out = { command, dirs: [] as string[] } as RunArgs;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out' || a.startsWith('--out=')) {
      const value = a === '--out' ? args[++i] : a.slice('--out='.length);
      if (!value) throw new UsageError('--out needs a value');
      out.out = value;
    } else if (a === '--no-pdf' && command === 'report') out.noPdf = true;
    else if (a === '--differing' && command === 'matrix') out.differing = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}" for ${command} (try --help)`);
    else out.dirs!.push(a);
  }
  if (!out.dirs!.length) throw new UsageError(`${command} takes one or more run folders (each with a results.json)`);
  return out;
}

/** certify DIR... [--out DIR] [--valid-days N] [--sut-name X] [--sut-version Y] [--no-pdf]. */
function parseCertifyArgs(args: string[]): RunArgs {
  const out = { command: 'certify', dirs: [] as string[], validDays: 365 } as RunArgs;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (['--out', '--valid-days', '--sut-name', '--sut-version'].includes(name)) {
      const value = name === a ? args[++i] : a.slice(name.length + 1);
      if (!value) throw new UsageError(`${name} needs a value`);
      if (name === '--out') out.out = value;
      else if (name === '--valid-days') out.validDays = positiveInt(name, value, 1);
      else if (name === '--sut-name') out.sutName = value;
      else out.sutVersion = value;
    } else if (a === '--no-pdf') out.noPdf = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}" for certify (try --help)`);
    else out.dirs!.push(a);
  }
  if (!out.dirs!.length) throw new UsageError('certify takes one or more run folders (each with a results.json)');
  return out;
}

function positiveInt(option: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${option} takes a whole number of at least ${min}, not "${text}"`);
  return Number(text);
}

export function parseRunArgs(argv: string[], profiles: string[]): RunArgs {
  const args = [...argv];
  let command: RunArgs['command'] = 'run';
  if (args[0] === 'run') args.shift();
  else if (args[0] === 'help') return { command: 'help' } as RunArgs;
  else if (args[0] === 'coverage') return parseCoverageArgs(args.slice(1));
  else if (args[0] === 'merge' || args[0] === 'report' || args[0] === 'matrix') return parseFolderCommand(args[0], args.slice(1));
  else if (args[0] === 'certify') return parseCertifyArgs(args.slice(1));
  else if (args[0] === 'verify') {
    if (args.length !== 2 || args[1].startsWith('-')) throw new UsageError('verify takes one certification package: verify PKG_DIR or verify PKG.zip');
    return { command: 'verify', pkg: args[1] } as RunArgs;
  }
  else if (args[0] === 'fuzz') {
    args.shift();
    command = 'fuzz';
  }
  else if (args[0] === 'compare') {
    if (args.length !== 3 || args.slice(1).some((a) => a.startsWith('-'))) throw new UsageError('compare takes two results.json files: compare BASE.json HEAD.json');
    return { command: 'compare', compare: { base: args[1], head: args[2] } } as RunArgs;
  }
  else if (args[0] && !args[0].startsWith('-')) throw new UsageError(`unknown command "${args[0]}" (try --help)`);

  const out: RunArgs = { command, profile: DEFAULT_PROFILE, sutEnv: {}, out: 'reports/latest', timeoutMs: 5000, startupTimeoutMs: 20000, list: false };
  while (args.length) {
    const raw = args.shift()!;
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (FLAG_OPTIONS.includes(name)) {
      if (name === '--list') out.list = true;
      else if (name === '--matrix') out.matrix = true;
      else if (name === '--strict') out.strict = true;
      else if (name === '--only-results') out.onlyResults = true;
      else if (name === '--proxy') out.proxy = true;
      else command = 'help';
      continue;
    }
    if (!VALUE_OPTIONS.includes(name)) throw new UsageError(`unknown option "${name}" (try --help)`);
    const value = name !== raw ? raw.slice(eq + 1) : args.shift();
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    switch (name) {
      case '--profile': {
        // `all`, or several names with commas: one invocation runs each profile (multi-profile.ts).
        const names = value === 'all' ? [...profiles] : value.split(',');
        const unknown = names.find((n) => !profiles.includes(n));
        if (unknown !== undefined) throw new UsageError(`unknown profile "${unknown}"; profiles: ${profiles.join(', ')}, or all`);
        out.profile = names[0];
        if (names.length > 1) out.profiles = [...new Set(names)];
        else delete out.profiles;
        break;
      }
      case '--sut': out.sut = value; break;
      case '--target':
        if (!/^https?:\/\/[^/]+/.test(value)) throw new UsageError(`--target takes an http(s) URL, not "${value}"`);
        out.target = value;
        break;
      case '--env-file':
      case '--write-env': out.envFile = value; break;
      case '--endpoint':
        if (!value.startsWith('/')) throw new UsageError(`--endpoint takes a path starting with /, not "${value}"`);
        out.endpoint = value;
        break;
      case '--also-endpoint':
        // One path per option: a comma followed by a path is a list given the wrong way.
        if (/,\//.test(value)) throw new UsageError(`--also-endpoint takes one path (repeat the option for more), not "${value}"`);
        if (!/^\/(?!\/)[^\s#]*$/.test(value)) throw new UsageError(`--also-endpoint takes a path starting with a single / (no spaces, no #), not "${value}"`);
        if (out.alsoEndpoints?.includes(value)) throw new UsageError(`--also-endpoint ${value} is given twice`);
        (out.alsoEndpoints ??= []).push(value);
        break;
      case '--sut-env': {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value);
        if (!m) throw new UsageError(`--sut-env takes KEY=VALUE, not "${value}"`);
        out.sutEnv[m[1]] = m[2];
        break;
      }
      case '--out': out.out = value; break;
      case '--grep':
        try {
          new RegExp(value);
        } catch {
          throw new UsageError(`--grep takes a regular expression; "${value}" is not one`);
        }
        out.grep = value;
        break;
      case '--workers': out.workers = positiveInt(name, value, 1); break;
      case '--engine':
        if (value !== 'in-process' && value !== 'playwright') throw new UsageError(`--engine takes in-process or playwright, not "${value}"`);
        out.engine = value;
        break;
      case '--timeout-ms': out.timeoutMs = positiveInt(name, value, 100); break;
      case '--startup-timeout-ms': out.startupTimeoutMs = positiveInt(name, value, 100); break;
      case '--sut-name': out.sutName = value; break;
      case '--sut-version': out.sutVersion = value; break;
      case '--expect-failures': out.expectFailures = value; break;
      case '--seed': out.seed = positiveInt(name, value, 0); break;
      case '--count': out.count = positiveInt(name, value, 1); break;
      case '--time-limit-s': out.timeLimitS = positiveInt(name, value, 1); break;
      case '--path': out.path = value; break;
      case '--load': out.load = { concurrency: 10, decoyEvery: 10, ...out.load, requests: positiveInt(name, value, 1) }; break;
      case '--concurrency': out.load = { requests: 0, decoyEvery: 10, ...out.load, concurrency: positiveInt(name, value, 1) }; break;
      case '--decoy-every': out.load = { requests: 0, concurrency: 10, ...out.load, decoyEvery: positiveInt(name, value, 0) }; break;
      case '--shard': {
        const m = /^(\d+)\/(\d+)$/.exec(value);
        if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard takes i/n with 1 <= i <= n, not "${value}"`);
        out.shard = { current: Number(m[1]), total: Number(m[2]) };
        break;
      }
    }
  }
  out.command = command;
  if (out.profiles) {
    const alone = ['--target', '--write-env', '--env-file', '--endpoint', '--also-endpoint', '--shard', '--load', '--concurrency', '--decoy-every', '--path', '--expect-failures', '--list'];
    const clash = argv.find((a) => alone.includes(a.split('=')[0]));
    if (command !== 'run' || clash) throw new UsageError(`several profiles (${out.profiles.join(', ')}) go with run only, and not with ${clash ?? command}: each profile has its own endpoint, target and case ids`);
  }
  if (out.engine === 'in-process' && out.shard) throw new UsageError('--shard goes with --engine playwright (its blob reports are what merge joins)');
  const used = (names: string[]) => argv.some((a) => names.includes(a.split('=')[0]));
  if (command === 'fuzz') {
    if (used(LOAD_OPTIONS)) throw new UsageError('--load, --concurrency and --decoy-every go with run, not fuzz');
    if (out.alsoEndpoints) throw new UsageError('--also-endpoint goes with run, not fuzz (fuzz sends to --endpoint only)');
    out.seed ??= 1;
    out.count ??= 200;
  } else {
    if (used(FUZZ_OPTIONS)) throw new UsageError('--seed, --count and --time-limit-s go with fuzz');
    if (out.alsoEndpoints && out.load) throw new UsageError('--also-endpoint goes with the cases of run, not --load (it sends to --endpoint only)');
    if (out.load && !out.load.requests) throw new UsageError('--concurrency and --decoy-every go with --load N');
    if (out.path && !out.load) throw new UsageError('--path goes with fuzz or --load');
  }
  if (out.sut && out.target) throw new UsageError('give --sut (a command the harness starts) or --target (a SUT you start), not both');
  if (out.envFile && !out.target) throw new UsageError('--write-env (--env-file) goes with --target');
  if (out.endpoint && out.alsoEndpoints?.includes(out.endpoint)) throw new UsageError(`--also-endpoint ${out.endpoint} is the --endpoint already`);
  if (out.target && out.endpoint) throw new UsageError('--endpoint goes with --sut; with --target the URL names the endpoint');
  return out;
}

const OPTION_INDENT = ' '.repeat(26);

/** An option's help: its name, then the text wrapped at 106 columns under the option column. */
function optionHelp(option: string, text: string): string {
  const lines: string[] = [];
  let line = `  ${option}`.padEnd(OPTION_INDENT.length);
  let fresh = true;
  for (const word of text.split(' ')) {
    if (!fresh && line.length + 1 + word.length > 106) {
      lines.push(line);
      line = OPTION_INDENT + word;
    } else line += (fresh ? '' : ' ') + word;
    fresh = false;
  }
  return [...lines, line].join('\n');
}

const and = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const servers = PROFILE_NAMES.filter((p) => PROFILE[p].role === 'server');
const clients = PROFILE_NAMES.filter((p) => PROFILE[p].role === 'client');
const defaultEndpoint = PROFILE[DEFAULT_PROFILE].defaultEndpoint;
const otherEndpoints = [...new Set(servers.map((p) => PROFILE[p].defaultEndpoint))].filter((e) => e !== defaultEndpoint);

// The profiles' part of the help, from the registry (profiles/registry.ts).
const PROFILE_HELP = optionHelp(
  '--profile P',
  `protocol profile: ${PROFILE_NAMES.map((p) => `${p}${p === DEFAULT_PROFILE ? ' (default)' : ''}${PROFILE[p].help ? ` (${PROFILE[p].help})` : ''}`).join(', ')}; ` +
    'or all, or several with commas: each profile runs into its own folder of --out (with --sut, the same command for each, on its default endpoint), with one summary; the exit code is the worst',
);
const ENDPOINT_HELP = optionHelp(
  '--endpoint PATH',
  `endpoint of a --sut (default: ${[defaultEndpoint, ...otherEndpoints.map((e) => `${e} for ${and(servers.filter((p) => PROFILE[p].defaultEndpoint === e))}`)].join('; ')})` +
    clients.map((p) => `; for ${p}, the path on the harness's resource server the client is sent to (${PROFILE[p].defaultEndpoint})`).join(''),
);
const ALSO_ENDPOINT_HELP = optionHelp(
  '--also-endpoint PATH',
  "another endpoint of the SUT on the main endpoint's origin (repeatable): the cases of a rule that guards every endpoint (sharepoint-s2s: SPS2S-EP-*, MS-SPS2SAUTH's Client.svc, Listdata.svc, Sites.asmx and api) run on each listed endpoint as well as on --endpoint; without it they run on --endpoint only",
);
const PATH_HELP = optionHelp('--path P', `fuzz and --load: the profile's path to send (default its first: ${[...new Set(servers.map((p) => PROFILE[p].baselinePaths[0]))].join(', ')})`);

export const HELP = `s2s-conformance — conformance tests for services that accept or send Microsoft-style S2S bearer tokens

Usage:
  s2s-conformance run [options]          run a profile's cases against a SUT (the default command)
  s2s-conformance --list [--profile P]   print the case catalog (ids, levels, spec references); no SUT needed
  s2s-conformance --list --matrix        the attack families x every inbound token path: members run, or why not
  s2s-conformance coverage [--uncovered] each requirement of profiles/requirements.json with the cases that test it
  s2s-conformance compare BASE.json HEAD.json
                                         cases newly failing/passing, appeared, disappeared; exit 1 on a new MUST failure
  s2s-conformance merge DIR... [--out DIR]
                                         join the slices of a sharded run (--shard) into one results.json and
                                         reports (default --out reports/merged); exit code as for run
  s2s-conformance report DIR... [--out DIR] [--no-pdf]
                                         for reviewers: the Allure report (allure-report/index.html) and a
                                         summary across the folders' profiles (summary.md/html, summary.pdf
                                         printed by Chromium); --out defaults to the one DIR, else reports/report
  s2s-conformance matrix DIR... [--out FILE] [--differing]
                                         one page, cases as rows and the runs' SUTs as columns
                                         (default --out reports/matrix.html); --differing: only the
                                         cases whose tier differs between the runs
  s2s-conformance certify DIR... [--out DIR] [--valid-days N] [--sut-name X] [--sut-version Y] [--no-pdf]
                                         a certification package of the run folders (default --out
                                         reports/certified, and DIR.zip beside it): summary (html, md, pdf
                                         with Chromium), results.json and junit.xml per profile, every case's
                                         evidence, certificate.json (verdicts, valid N days, default 365) and
                                         MANIFEST.sha256; exit 1 if a secret would be packaged
  s2s-conformance verify PKG_DIR|PKG.zip
                                         checks a package offline: hashes, missing and added files, the
                                         certificate against the results, the validity period; one line
                                         per problem; exit 0 intact, 1 tampered or expired, 2 not a package
  s2s-conformance fuzz [--seed S] [--count N] [--time-limit-s T] [--path P] [run options]
                                         seeded, reproducible mutants of the valid token (default seed 1,
                                         200 mutants, 60 s); reports any accepted mutant, 5xx or crash with
                                         the request to replay (fuzz.json); exit 1 on a finding
  s2s-conformance --help

Run options:
${PROFILE_HELP}
  --sut "CMD"             command that starts the SUT; it gets the contract environment (docs/contract.md) and
                          must listen on 127.0.0.1:$PORT. Without --sut or --target: the bundled reference SUT
  --target URL            a SUT you start yourself, e.g. http://127.0.0.1:3978/api/messages
  --write-env FILE        with --target: write the environment the SUT must be started with to FILE
                          (alias --env-file; under npx on Node 20 use --write-env: Node itself
                          takes --env-file from any position of its command line)
${ENDPOINT_HELP}
${ALSO_ENDPOINT_HELP}
  --sut-env KEY=VALUE     add or override a SUT environment variable (repeatable)
  --out DIR               output folder (default reports/latest): results.json, junit.xml, html/, sut.log
  --grep REGEX            run only cases whose "id title" matches
  --workers N             cases in flight at once (default: 4 in-process, and one per shared world's
                          SUT beside them; Playwright's, half the cores)
  --engine E              in-process (the default with --only-results: the cases run in the CLI's own
                          process, without a test runner's cost per case) or playwright (the default
                          otherwise: Playwright's HTML report and the Allure results need it; --shard too)
  --timeout-ms N          per-request deadline for the SUT (default 5000)
  --startup-timeout-ms N  how long the SUT may take to accept connections (default 20000)
  --sut-name, --sut-version  recorded in results.json
  --strict                a failed SHOULD case (WARN) fails the run too
  --expect-failures FILE  JSON {"CASE-ID": "why it is a known departure", ...}: those failures do not
                          fail the run; one that now passes is reported, to take it out of FILE. An
                          entry may be {"reason", "owner"?, "until"?: "YYYY-MM-DD"}: after its until
                          day (UTC) it excuses nothing and its failing case fails the run again
  --only-results          write results.json, junit.xml and the summaries only (no HTML report, no
                          Allure results, no per-case attachments): faster, for CI gates
  --proxy                 proxy mode, for SUTs in any language: the SUT gets HTTPS_PROXY and friends
                          (docs/contract.md, "Proxy mode") naming the harness's proxy, which tunnels the hosts
                          the fakes impersonate to them and refuses and records everything else
  --shard i/n             run slice i of n (each slice in its own --out); \`merge\` joins them
  --load N                instead of the cases: N valid requests (every --decoy-every'th, default 10th,
                          an invalid decoy that must be refused) with --concurrency C (default 10) in
                          flight; throughput, p50/p99 latency and errors in load.json; exit 1 on an
                          error or an accepted decoy
${PATH_HELP}

Exit codes: 0 every MUST case passed; 1 a MUST case failed (fuzz: a finding; --load: an error or an
accepted decoy); 2 usage or configuration error; 3 the SUT would not start, died or hung, or the
harness failed (results.json is still written); 130 interrupted (fuzz, --load: what was gathered is written).`;
