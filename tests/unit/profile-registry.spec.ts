// The one registry of profiles (profiles/registry.ts) against everything that names profiles: the
// JSON schemas' enums, the profile folders and their spec files, the catalogs' case ids, the CLI's
// help and arguments; and its loaders stay lazy (reading names and defaults loads no fakes).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { HELP, parseRunArgs, UsageError } from '../../harness/cli/args';
import { CATALOGS, DEFAULT_PROFILE, PROFILE, PROFILE_INFO, PROFILE_NAMES, specMatch, tokenPaths, WORLDS, BASELINES, type ProfileName } from '../../profiles/registry';

const ROOT = path.join(__dirname, '..', '..');
const PROFILES_DIR = path.join(ROOT, 'profiles');
const SCHEMAS = path.join(ROOT, 'fixtures', 'schemas');

/** Every `enum` of a property named `profile`, anywhere in a JSON schema. */
function profileEnums(schema: unknown, where = ''): Array<{ where: string; values: unknown[] }> {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: Array<{ where: string; values: unknown[] }> = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'profile' && typeof value === 'object' && value !== null && Array.isArray((value as { enum?: unknown[] }).enum)) found.push({ where: `${where}/${key}`, values: (value as { enum: unknown[] }).enum });
    found.push(...profileEnums(value, `${where}/${key}`));
  }
  return found;
}

test("the JSON schemas' profile enums are the registry's names, in its order", () => {
  const enums = readdirSync(SCHEMAS)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => profileEnums(JSON.parse(readFileSync(path.join(SCHEMAS, f), 'utf8'))).map((e) => ({ ...e, where: `${f}${e.where}` })));
  expect(enums.map((e) => e.where)).toContain('run-config.schema.json/properties/profile');
  for (const e of enums) expect(e.values, e.where).toEqual(PROFILE_NAMES);
});

test('every profile has its folder and its spec files there, and every spec file of a profile folder belongs to a profile', () => {
  const claimed = new Set<string>();
  for (const name of PROFILE_NAMES) {
    const entry = PROFILE[name];
    const folder = path.join(PROFILES_DIR, entry.folder);
    expect(existsSync(folder), `${name}: profiles/${entry.folder}`).toBe(true);
    const specs = readdirSync(folder).filter((f) => f.endsWith('.spec.ts'));
    const { cases, after } = specMatch(name);
    const mine = specs.filter((f) => cases.test(path.join(folder, f)) || after.test(path.join(folder, f)));
    // A server profile's cases run side by side (`<spec>.spec.ts`); bot-outbound's run one at a time only.
    expect(mine.length, `${name}: spec files in profiles/${entry.folder}`).toBeGreaterThan(0);
    expect(mine.every((f) => f.startsWith(`${entry.spec}.`)), name).toBe(true);
    for (const f of mine) {
      expect(claimed.has(path.join(entry.folder, f)), `${f} claimed by two profiles`).toBe(false);
      claimed.add(path.join(entry.folder, f));
      // The spec file runs this profile's catalog.
      expect(readFileSync(path.join(folder, f), 'utf8'), f).toContain(`CATALOGS['${name}']`);
    }
  }
  const all = readdirSync(PROFILES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(PROFILES_DIR, d.name)).filter((f) => f.endsWith('.spec.ts')).map((f) => path.join(d.name, f)));
  expect(all.filter((f) => !claimed.has(f)), 'spec files no profile runs').toEqual([]);
});

test("every profile's catalog: its own cases, each id starting with one of its prefixes, written in its folder or a shared attack family", () => {
  const seen = new Map<string, ProfileName>();
  const problems: string[] = [];
  for (const name of PROFILE_NAMES) {
    const { idPrefixes, folder } = PROFILE[name];
    const cases = CATALOGS[name];
    expect(cases.length, name).toBeGreaterThan(0);
    expect(CATALOGS[name], 'a catalog is built once').toBe(cases);
    for (const c of cases) {
      if (c.profile !== name) problems.push(`${c.id}: profile ${c.profile}`);
      if (!idPrefixes.some((p) => c.id.startsWith(`${p}-`))) problems.push(`${c.id}: not one of ${idPrefixes.join(', ')}`);
      if (seen.has(c.id)) problems.push(`${c.id}: in ${seen.get(c.id)} and ${name}`);
      seen.set(c.id, name);
      const top = c.location ? path.relative(PROFILES_DIR, c.location.file).split(path.sep)[0] : folder;
      if (top !== folder && top !== 'families') problems.push(`${c.id}: written in ${path.relative(ROOT, c.location!.file)}`);
      // No other profile's prefix matches: an id names its profile.
      for (const other of PROFILE_NAMES.filter((x) => x !== name)) if (PROFILE[other].idPrefixes.some((p) => c.id.startsWith(`${p}-`))) problems.push(`${c.id}: matches ${other}'s prefixes`);
    }
  }
  expect(problems).toEqual([]);
});

test('every profile has its world, its baseline paths by role, and the defaults the CLI and the config read', () => {
  expect(PROFILE_NAMES).toContain(DEFAULT_PROFILE);
  for (const name of PROFILE_NAMES) {
    const entry = PROFILE[name];
    expect(typeof WORLDS[name], name).toBe('function');
    expect(PROFILE_INFO[name].defaultEndpoint, name).toMatch(/^\//);
    expect(PROFILE_INFO[name].referenceSut, name).toMatch(/^node fixtures\/suts\/[^ ]+\.mjs$/);
    expect(existsSync(path.join(ROOT, PROFILE_INFO[name].referenceSut.split(' ')[1])), name).toBe(true);
    expect(BASELINES[name].paths, name).toEqual(entry.baselinePaths);
    if (entry.role === 'client') expect(entry.baselinePaths, name).toEqual([]);
    else {
      expect(entry.baselinePaths.length, name).toBeGreaterThan(0);
      expect(typeof BASELINES[name].baseline, name).toBe('function');
    }
    // The catalog's paths are the profile's (a client's cases name the token shape they judge).
    if (entry.role === 'server') for (const c of CATALOGS[name]) expect(entry.baselinePaths, c.id).toContain(c.path);
  }
  const columns = tokenPaths().map((p) => p.name);
  expect(new Set(columns).size).toBe(columns.length);
});

test("the CLI's help names every profile, and --profile takes exactly the registry's names", () => {
  const profileHelp = HELP.slice(HELP.indexOf('--profile P'), HELP.indexOf('--sut "CMD"')).replace(/\s+/g, ' ');
  for (const name of PROFILE_NAMES) expect(profileHelp, name).toContain(` ${name}${name === DEFAULT_PROFILE ? ' (default)' : ''}`);
  for (const name of PROFILE_NAMES) expect(parseRunArgs(['--profile', name], PROFILE_NAMES).profile).toBe(name);
  expect(parseRunArgs([], PROFILE_NAMES).profile).toBe(DEFAULT_PROFILE);
  expect(() => parseRunArgs(['--profile', 'no-such-profile'], PROFILE_NAMES)).toThrow(UsageError);
});

test("reading the registry, and loading the CLI, loads no profile's fakes or catalog", () => {
  const script = [
    "require('tsx/cjs/api').register();",
    "require('./profiles/registry');",
    "require('./harness/cli/main.ts');",
    "const loaded = Object.keys(require.cache).map((f) => require('node:path').relative(process.cwd(), f)).filter((f) => /^profiles[\\\\/].+[\\\\/](world|cases)\\.ts$/.test(f));",
    'console.log(JSON.stringify(loaded));',
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual([]);
});

test('every profile has its page, docs/profiles/<name>.md, and the README and the contract link it', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const contract = readFileSync(path.join(ROOT, 'docs', 'contract.md'), 'utf8');
  for (const name of PROFILE_NAMES) {
    expect(existsSync(path.join(ROOT, 'docs', 'profiles', `${name}.md`)), name).toBe(true);
    expect(readme, name).toContain(`(docs/profiles/${name}.md)`);
    expect(contract, name).toContain(`(profiles/${name}.md)`);
  }
});
