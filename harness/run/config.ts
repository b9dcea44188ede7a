// The run configuration: written by the CLI, read by the global setup, the spec files and the
// reporters (all in different processes), so it travels as a JSON file named by S2S_RUN_CONFIG.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import schema from '../../fixtures/schemas/run-config.schema.json';
import { DEFAULT_PROFILE, PROFILE_INFO, type ProfileName } from '../../profiles/registry';
import type { ExpectedFailureEntry } from '../results/gate';

/** Where the suite's code is: the repository's root in a clone (run through tsx), `dist/` in an
 *  installed package (compiled by `npm pack`'s prepack, tsconfig.build.json). */
export const CODE_ROOT = path.resolve(__dirname, '..', '..');
/** The repository's root, or the installed package's: package.json, the fixtures (bundled reference
 *  SUTs, schemas), the SUT preloads (harness/sut/*.cjs) and the docs, which the package ships as they
 *  are in the repository, outside dist/. */
export const REPO_ROOT = path.basename(CODE_ROOT) === 'dist' && __filename.endsWith('.js') ? path.dirname(CODE_ROOT) : CODE_ROOT;
/** The Playwright configuration `run` starts: the compiled one when this code is compiled. */
export const PLAYWRIGHT_CONFIG = path.join(CODE_ROOT, __filename.endsWith('.ts') ? 'playwright.config.ts' : 'playwright.config.js');

export interface RunConfig {
  profile: ProfileName;
  sut?: { command: string; cwd: string; bundled?: boolean };
  target?: string;
  envFile?: string;
  endpoint: string;
  /** More endpoints of the SUT, on the main endpoint's origin (--also-endpoint, repeatable): the
   *  cases of a rule that guards every endpoint run on each of them too. */
  alsoEndpoints?: string[];
  sutEnv: Record<string, string>;
  outDir: string;
  grep?: string;
  timeoutMs: number;
  startupTimeoutMs: number;
  sutName?: string;
  sutVersion?: string;
  /** WARN (a failed SHOULD) fails the gate too. */
  strict?: boolean;
  /** Known departures: case id -> reason, or {reason, owner?, until?} (--expect-failures). */
  expectFailures?: Record<string, ExpectedFailureEntry>;
  /** This run is slice `current` of `total` (--shard); `merge` puts the slices together. */
  shard?: { current: number; total: number };
  /** Only results.json, junit.xml and the summaries: no HTML report, Allure results or per-case evidence attachments (--only-results). */
  onlyResults?: boolean;
  /** Proxy mode (--proxy): the SUT reaches the impersonated hosts through the harness's HTTP proxy, not the Node preload's routing. */
  proxy?: boolean;
}

const validate = new Ajv({ allErrors: true }).compile<RunConfig>(schema);

export function checkRunConfig(candidate: unknown): RunConfig {
  if (!validate(candidate)) {
    const first = validate.errors?.[0];
    throw new Error(`invalid run configuration: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim());
  }
  return candidate;
}

export { caseFilter, oneShotTimeoutMs } from '../engine/run-view';

/** The configuration of this run; without S2S_RUN_CONFIG, the demo run against the bundled reference SUT. */
export function loadRunConfig(): RunConfig {
  const file = process.env.S2S_RUN_CONFIG;
  if (!file) {
    return {
      profile: DEFAULT_PROFILE,
      sut: { command: PROFILE_INFO[DEFAULT_PROFILE].referenceSut, cwd: REPO_ROOT, bundled: true },
      endpoint: PROFILE_INFO[DEFAULT_PROFILE].defaultEndpoint,
      sutEnv: {},
      outDir: path.join(REPO_ROOT, 'reports', 'latest'),
      timeoutMs: 5000,
      startupTimeoutMs: 20000,
    };
  }
  return checkRunConfig(JSON.parse(readFileSync(file, 'utf8')));
}
