// The one registry of protocol profiles. A profile is a folder of profiles/ (its protocol facts, its
// world of fakes, its cases and its spec files) and one entry here; the CLI (names, defaults, help
// text), playwright.config.ts (testDir, testMatch), the run (WORLDS), the reporters and coverage
// (CATALOGS), fuzz and --load (BASELINES), the family matrix (tokenPaths()), the bench and the tests
// derive from it, and tests/unit/profile-registry.spec.ts checks the JSON schemas' enums, the folders
// and the case id prefixes against it. Profile names are public (the CLI's --profile): never rename.
//
// The loaders are lazy (require on first use): the CLI and playwright.config.ts read names and
// defaults without loading every profile's fakes and catalogs.
import type { CaseDef } from '../harness/engine/case-model';
import type { BaselineFn } from '../harness/engine/run-case';
import type { SuiteContext } from '../harness/engine/case-dispatch';
import type { RunView } from '../harness/engine/run-view';
import type { StartWorld } from '../harness/run/profile-world';
import type { TokenPath } from './families/types';
import type { AmPath } from './actionable-messages/facts';
import type { BotPath } from './bot-framework/facts';
import type { S2sPath } from './s2s/facts';

export interface ProfileEntry {
  /** 'server' (the default): the SUT receives the tokens and runs for the whole run. 'client': the SUT
   *  sends the tokens; its command is a one-shot client that each case scenario starts once (no
   *  --target, fuzz or --load). */
  role: 'server' | 'client';
  /** What the CLI's help says of the profile, after its name (optional). */
  help?: string;
  /** The SUT's endpoint when --sut (or the bundled reference SUT) runs it. */
  defaultEndpoint: string;
  /** The bundled reference SUT: what runs without --sut or --target. */
  referenceSut: string;
  /** Its folder under profiles/ (twin profiles share one). */
  folder: string;
  /** Its spec files in that folder: `<spec>.spec.ts` (the cases, side by side), and
   *  `<spec>.lifecycle.spec.ts` or `<spec>.serial.spec.ts` (run after them, one at a time). */
  spec: string;
  /** Every case id of its catalog starts with one of these, then '-'. */
  idPrefixes: string[];
  /** Its request paths (fuzz and --load send one; the first is the main one). Empty for a client. */
  baselinePaths: string[];
  /** Its valid request, by path: what every case mutates. */
  baseline: () => BaselineFn<string>;
  /** How to start its fakes. */
  world: () => StartWorld;
  /** Its case catalog (built once). */
  catalog: () => CaseDef[];
  /** The inbound token paths it brings to the attack families' matrix (twins bring them once). */
  tokenPaths?: () => TokenPath[];
  /** The runners of its own case kinds (a client-role profile's scenarios, bot-outbound's replies):
   *  what its spec file hands the engine, for the in-process engine too. */
  runners?: (run: RunView) => ProfileRunners;
  /** Where its token paths stand among the matrix's columns (lower first; the matrix's column order
   *  predates the registry's order). Default: after all others. */
  matrixColumn?: number;
}

/** A loader that runs once and then keeps its value (a catalog is built once, as the suites expect). */
function once<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}

type ProfileRunners = Pick<SuiteContext<string>, 'client' | 'outbound'>;

// The profiles' modules, required on first use (typed by their import types).
const bf = {
  facts: () => require('./bot-framework/facts') as typeof import('./bot-framework/facts'),
  world: () => require('./bot-framework/world') as typeof import('./bot-framework/world'),
  cases: () => require('./bot-framework/cases') as typeof import('./bot-framework/cases'),
  paths: () => require('./bot-framework/paths') as typeof import('./bot-framework/paths'),
};
const s2s = {
  facts: () => require('./s2s/facts') as typeof import('./s2s/facts'),
  world: () => require('./s2s/world') as typeof import('./s2s/world'),
  cases: () => require('./s2s/cases') as typeof import('./s2s/cases'),
  paths: () => require('./s2s/paths') as typeof import('./s2s/paths'),
};
const am = {
  facts: () => require('./actionable-messages/facts') as typeof import('./actionable-messages/facts'),
  world: () => require('./actionable-messages/world') as typeof import('./actionable-messages/world'),
  cases: () => require('./actionable-messages/cases') as typeof import('./actionable-messages/cases'),
  paths: () => require('./actionable-messages/paths') as typeof import('./actionable-messages/paths'),
};
const s2sClient = {
  world: () => require('./s2s-client/world') as typeof import('./s2s-client/world'),
  cases: () => require('./s2s-client/cases') as typeof import('./s2s-client/cases'),
  runner: () => require('./s2s-client/runner') as typeof import('./s2s-client/runner'),
};
const botOutbound = {
  cases: () => require('./bot-outbound/cases') as typeof import('./bot-outbound/cases'),
  runner: () => require('./bot-outbound/runner') as typeof import('./bot-outbound/runner'),
};

// Built once: the catalog and the runner that judges it by its positive controls must hold the same cases.
const s2sClientCatalog = once((): CaseDef[] => s2sClient.cases().s2sClientCases());
const botOutboundCatalog = once((): CaseDef[] => botOutbound.cases().botOutboundCases());

// The bot's valid request needs the run's fake front door and emulator origins.
const botBaseline = (): BaselineFn<string> => {
  const { baseline } = bf.facts();
  const fn: BaselineFn<BotPath> = (path, ctx, state) => baseline(path, { ...ctx, urls: { front: state.urls.front, emulator: state.urls.emulator } });
  return fn as BaselineFn<string>;
};
const s2sBaseline = (profile: 'sharepoint-s2s' | 'xoauth') => (): BaselineFn<string> => {
  const { s2sBaseline: baseline } = s2s.facts();
  const fn: BaselineFn<S2sPath> = (path, ctx) => baseline(profile, path, ctx);
  return fn as BaselineFn<string>;
};
const amBaseline = (): BaselineFn<string> => {
  const { amBaseline: baseline } = am.facts();
  const fn: BaselineFn<AmPath> = (path, ctx) => baseline(path, ctx);
  return fn as BaselineFn<string>;
};

const S2S_PATHS = ['app-user', 'app-only', 'app-only-metadata'];

export const REGISTRY = {
  'bot-framework': {
    role: 'server',
    defaultEndpoint: '/api/messages',
    referenceSut: 'node fixtures/suts/bot-framework/reference.mjs',
    folder: 'bot-framework',
    spec: 'bot-framework',
    idPrefixes: ['BF-C2B', 'BF-EMU'],
    baselinePaths: ['channel', 'emulator-v1', 'emulator-v2'],
    baseline: botBaseline,
    world: () => bf.world().startBotFrameworkWorld,
    catalog: once(() => bf.cases().BOT_FRAMEWORK_CASES as CaseDef[]),
    tokenPaths: () => [bf.paths().BF_CHANNEL, bf.paths().BF_EMULATOR],
    matrixColumn: 1,
  },
  'sharepoint-s2s': {
    role: 'server',
    defaultEndpoint: '/_api/web',
    referenceSut: 'node fixtures/suts/s2s/reference.mjs',
    folder: 's2s',
    spec: 'sharepoint-s2s',
    idPrefixes: ['SPS2S'],
    baselinePaths: S2S_PATHS,
    baseline: s2sBaseline('sharepoint-s2s'),
    world: () => (s) => s2s.world().startS2sWorld(s, 'sharepoint-s2s'),
    catalog: once(() => s2s.cases().s2sCases('sharepoint-s2s') as CaseDef[]),
    // xoauth runs the same three S2S paths, with its own requirements: they are the matrix's once.
    tokenPaths: () => s2s.paths().s2sPaths('sharepoint-s2s'),
    matrixColumn: 4,
  },
  xoauth: {
    role: 'server',
    defaultEndpoint: '/_api/web',
    referenceSut: 'node fixtures/suts/s2s/reference.mjs',
    folder: 's2s',
    spec: 'xoauth',
    idPrefixes: ['XOAUTH'],
    baselinePaths: S2S_PATHS,
    baseline: s2sBaseline('xoauth'),
    world: () => (s) => s2s.world().startS2sWorld(s, 'xoauth'),
    catalog: once(() => s2s.cases().s2sCases('xoauth') as CaseDef[]),
  },
  'actionable-messages': {
    role: 'server',
    defaultEndpoint: '/api/action',
    referenceSut: 'node fixtures/suts/actionable-messages/reference.mjs',
    folder: 'actionable-messages',
    spec: 'actionable-messages',
    idPrefixes: ['AM'],
    baselinePaths: ['email', 'connector'],
    baseline: amBaseline,
    world: () => (s) => am.world().startAmWorld(s, 'actionable-messages'),
    catalog: once(() => am.cases().amCases('actionable-messages') as CaseDef[]),
    tokenPaths: () => [am.paths().AM_PATHS['actionable-messages'], am.paths().AM_AAH_PATHS['actionable-messages']],
    matrixColumn: 2,
  },
  'actionable-messages-entra': {
    role: 'server',
    defaultEndpoint: '/api/action',
    referenceSut: 'node fixtures/suts/actionable-messages/reference.mjs',
    folder: 'actionable-messages',
    spec: 'actionable-messages-entra',
    idPrefixes: ['AME'],
    baselinePaths: ['entra-v2', 'entra-v1'],
    baseline: amBaseline,
    world: () => (s) => am.world().startAmWorld(s, 'actionable-messages-entra'),
    catalog: once(() => am.cases().amCases('actionable-messages-entra') as CaseDef[]),
    tokenPaths: () => [am.paths().AM_PATHS['actionable-messages-entra'], am.paths().AM_AAH_PATHS['actionable-messages-entra']],
    matrixColumn: 3,
  },
  's2s-client': {
    role: 'client',
    help: 'the SUT sends the tokens: --sut is a one-shot client the harness starts once per scenario',
    defaultEndpoint: '/_api/web',
    referenceSut: 'node fixtures/suts/s2s-client/reference.mjs',
    folder: 's2s-client',
    spec: 's2s-client',
    idPrefixes: ['S2SC'],
    // The client role: the SUT sends the tokens, so there is no request to send it (the CLI refuses fuzz and --load).
    baselinePaths: [],
    baseline: () => () => {
      throw new Error('profile s2s-client: the SUT sends the tokens; there is no request to send it');
    },
    world: () => s2sClient.world().startS2sClientWorld,
    catalog: s2sClientCatalog,
    runners: (run: RunView): ProfileRunners => ({ client: s2sClient.runner().clientRunner(s2sClientCatalog(), run) }),
  },
  // Bot -> Connector: the SUT is a bot (the bot-framework contract); the harness sends it activities and judges its replies.
  'bot-outbound': {
    role: 'server',
    help: "a bot's replies to the Connector: its token requests, cache, bearer",
    defaultEndpoint: '/api/messages',
    referenceSut: 'node fixtures/suts/bot-framework/reference.mjs',
    folder: 'bot-outbound',
    spec: 'bot-outbound',
    idPrefixes: ['BF-B2O'],
    // Fuzzing and load send the bot what bot-framework's channel path does.
    baselinePaths: ['channel'],
    baseline: botBaseline,
    world: () => (s) => bf.world().startBotFrameworkWorld(s, { outbound: true }),
    catalog: botOutboundCatalog,
    runners: (): ProfileRunners => ({ outbound: botOutbound.runner().outboundRunner(botOutboundCatalog()) }),
  },
} satisfies Record<string, ProfileEntry>;

export type ProfileName = keyof typeof REGISTRY;
/** The profiles in the registry's order (the CLI's, the docs' and the bench's). */
export const PROFILE_NAMES = Object.keys(REGISTRY) as ProfileName[];
export const PROFILE: Record<ProfileName, ProfileEntry> = REGISTRY;

/** The profile a run without --profile runs (and playwright.config.ts's demo). */
export const DEFAULT_PROFILE: ProfileName = 'bot-framework';

export const isProfileName = (name: string): name is ProfileName => Object.prototype.hasOwnProperty.call(REGISTRY, name);

/** What the CLI needs to know of a profile without loading it. */
export const PROFILE_INFO: Record<ProfileName, Pick<ProfileEntry, 'role' | 'defaultEndpoint' | 'referenceSut'>> = PROFILE;

/** An object with one enumerable property per profile, computed on first read of that property. */
function byProfile<T>(of: (entry: ProfileEntry) => T): Record<ProfileName, T> {
  const out = {} as Record<ProfileName, T>;
  for (const name of PROFILE_NAMES) {
    const get = once(() => of(PROFILE[name]));
    Object.defineProperty(out, name, { enumerable: true, get });
  }
  return out;
}

/** Profile name -> how to start its fakes (loaded on first use). */
export const WORLDS: Record<ProfileName, StartWorld> = byProfile((e) => e.world());
/** Every profile's case catalog, by name (the CLI's --list, the reporters and coverage read it). */
export const CATALOGS: Record<ProfileName, CaseDef[]> = byProfile((e) => e.catalog());

export interface ProfileBaseline {
  paths: string[];
  baseline: BaselineFn<string>;
}
/** Each profile's valid request, by path: what every case mutates, and what `fuzz` and `run --load` send. */
export const BASELINES: Record<ProfileName, ProfileBaseline> = byProfile((e) => ({ paths: e.baselinePaths, baseline: e.baseline() }));

/** What the engine needs to run a profile's cases in a run: its valid request by path and its own runners. */
export const suiteOf = (name: ProfileName, run: RunView): SuiteContext<string> => ({ baseline: PROFILE[name].baseline(), ...(PROFILE[name].runners?.(run) ?? {}) });

/** Every inbound token path the attack families run on: the completeness matrix's columns. */
export function tokenPaths(): TokenPath[] {
  const rank = (n: ProfileName) => PROFILE[n].matrixColumn ?? Number.MAX_SAFE_INTEGER;
  return [...PROFILE_NAMES].sort((a, b) => rank(a) - rank(b)).flatMap((n) => PROFILE[n].tokenPaths?.() ?? []);
}

/** Playwright's projects for a profile: its cases side by side, then its key-lifecycle (or serial) cases one at a time. */
export function specMatch(name: ProfileName): { cases: RegExp; after: RegExp } {
  const stem = PROFILE[name].spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // .ts in a clone, .js compiled in an installed package (dist/profiles/).
  return { cases: new RegExp(`(^|[\\\\/])${stem}\\.spec\\.[jt]s$`), after: new RegExp(`(^|[\\\\/])${stem}\\.(lifecycle|serial)\\.spec\\.[jt]s$`) };
}
