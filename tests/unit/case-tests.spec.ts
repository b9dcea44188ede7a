// How a catalog becomes Playwright tests, as Playwright itself lists them (`playwright test --list`
// with the JSON reporter, on the demo configuration: bot-framework): one test per case, titled
// "<id> <title>", carrying its id as data (the `case-id` annotation the reporters read), located
// (the HTML report's link) at its catalog entry where the catalog says where it is.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { caseIdOf } from '../../harness/reporters/case-result-of';
import { CATALOGS } from '../../profiles/registry';

const ROOT = path.join(__dirname, '..', '..');

interface ListedSpec {
  title: string;
  file: string;
  line: number;
  column: number;
  tests: Array<{ annotations: Array<{ type: string; description?: string; location?: { file: string; line: number; column: number } }> }>;
}

/** The tests of the demo run (bot-framework), as Playwright collects them, with their locations
 *  made absolute; no case runs. */
function listedSpecs(): ListedSpec[] {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  delete env.S2S_RUN_CONFIG; // the demo configuration: bot-framework, every case
  const r = spawnSync(process.execPath, [require.resolve('@playwright/test/cli'), 'test', '-c', path.join(ROOT, 'playwright.config.ts'), '--list', '--reporter=json'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  const specs: ListedSpec[] = [];
  const walk = (s: { specs?: ListedSpec[]; suites?: unknown[] }): void => {
    specs.push(...(s.specs ?? []));
    for (const child of s.suites ?? []) walk(child as typeof s);
  };
  const report = JSON.parse(r.stdout) as { config: { rootDir: string }; suites: unknown[] };
  for (const s of report.suites) walk(s as { specs?: ListedSpec[] });
  return specs.map((s) => ({ ...s, file: path.resolve(report.config.rootDir, s.file) }));
}

test('the case id is read from the case-id annotation, never from the title', () => {
  expect(caseIdOf({ annotations: [{ type: 'requirement', description: 'X' }, { type: 'case-id', description: 'BF-C2B-AUD-001' }] })).toBe('BF-C2B-AUD-001');
  expect(caseIdOf({ annotations: [] })).toBeUndefined();
  // A test whose title starts like a case id is not a case without the annotation.
  expect(caseIdOf(Object.assign({ annotations: [] }, { title: 'BF-C2B-AUD-001 aud is another bot' }))).toBeUndefined();
});

test('every bot-framework case is one test, titled "<id> <title>", with its id as the case-id annotation, at its catalog entry', () => {
  const specs = listedSpecs();
  const byId = new Map(CATALOGS['bot-framework'].map((c) => [c.id, c]));
  const ids = specs.map((s) => s.tests[0].annotations.find((a) => a.type === 'case-id')?.description);
  expect(ids.filter((id) => id === undefined)).toEqual([]);
  expect(new Set(ids).size).toBe(specs.length);
  expect([...ids].sort()).toEqual([...byId.keys()].sort());
  for (const s of specs) {
    const def = byId.get(caseIdOf(s.tests[0])!)!;
    expect(s.title).toBe(`${def.id} ${def.title}`);
    // At its catalog entry when the catalog says where (annotations too); else where define-suite calls test().
    const at = { file: s.file, line: s.line, column: s.column };
    if (def.location) expect(at, def.id).toEqual(def.location);
    else expect(at.file, def.id).toBe(path.join(ROOT, 'harness', 'engine', 'define-suite.ts'));
    if (def.location) expect(s.tests[0].annotations.find((a) => a.type === 'case-id')?.location, def.id).toEqual(def.location);
  }
  // The catalog's entries are each at a line of their own, not all at one. An entry is a protocol
  // case, or a family member (profiles/families), which one line writes for every path it runs on.
  const located = specs.filter((s) => byId.get(caseIdOf(s.tests[0])!)!.location);
  expect(located.length).toBeGreaterThan(50);
  const entryOf = (s: (typeof specs)[number]) => byId.get(caseIdOf(s.tests[0])!)!.family ?? caseIdOf(s.tests[0])!;
  const entries = new Set(located.map(entryOf));
  expect(new Set(located.map((s) => `${s.file}:${s.line}`)).size).toBeGreaterThan(entries.size * 0.8);
});
