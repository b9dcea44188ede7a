// No import circles in the project's own code: madge (pinned) reads every module of harness/,
// profiles/, tests/ and fixtures/ (import type included, resolved by tsconfig.json) and lists each
// circle it finds. A file it could not parse would hide its imports, so none may be skipped. The
// shared vocabulary is a leaf: it imports nothing at all, not even a type or a Node module.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ts from 'typescript';

interface MadgeResult {
  circular(): string[][];
  warnings(): { skipped: string[] };
  obj(): Record<string, string[]>;
}
// madge ships no type declarations: the three members used here.
const madge = require('madge') as (paths: string[], config: Record<string, unknown>) => Promise<MadgeResult>;

const ROOT = path.join(__dirname, '..', '..');

// The project's import graph, read once for the tests below.
let graphOnce: Promise<MadgeResult> | undefined;
const projectGraph = (): Promise<MadgeResult> =>
  (graphOnce ??= madge(['harness', 'profiles', 'tests', 'fixtures'].map((d) => path.join(ROOT, d)), {
    baseDir: ROOT,
    fileExtensions: ['ts', 'mts', 'cts', 'js', 'cjs', 'mjs'],
    tsConfig: path.join(ROOT, 'tsconfig.json'),
    // mixedImports: a require() counts too (the profile registry's lazy loaders, the CLI's lazy commands).
    detectiveOptions: { ts: { skipTypeImports: false, mixedImports: true }, tsx: { skipTypeImports: false, mixedImports: true } },
  }));

test('no module of harness/, profiles/, tests/ or fixtures/ imports itself through others', async () => {
  const result = await projectGraph();
  // The graph is the project's: a few hundred modules, and the engine's among them.
  const graph = result.obj();
  expect(Object.keys(graph).length).toBeGreaterThan(100);
  expect(graph['harness/engine/define-suite.ts']).toContain('harness/engine/run-case.ts');
  // The registry's lazy loaders are edges too: a profile's modules may not import the registry back.
  expect(graph['profiles/registry.ts']).toContain('profiles/bot-framework/world.ts');
  // Only packages may be skipped (madge does not follow them); a skipped file of our own was not read.
  expect(result.warnings().skipped.filter((s) => s.startsWith('.') || s.startsWith('/'))).toEqual([]);
  const circles = result.circular().map((c) => [...c, c[0]].join(' > '));
  expect(circles, `import circles:\n${circles.join('\n')}`).toEqual([]);
});

test('harness/core/vocabulary.ts imports nothing', () => {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, 'harness', 'core', 'vocabulary.ts'), 'utf8'), true, true);
  expect([...info.importedFiles, ...info.referencedFiles, ...info.typeReferenceDirectives].map((f) => f.fileName)).toEqual([]);
});

// The harness does not depend on a profile: a profile is one folder (its facts, world, cases and any
// runner of its own), which the harness reaches only through the profile registry. So a module of
// harness/ may import from profiles/ only the registry (profiles/registry.ts) and what every profile
// shares (the requirements' list, profiles/requirements.json, the notes on requirements no case tests,
// profiles/coverage-notes.json, and the families, profiles/families/);
// and the engine (harness/engine/), which runs every profile's cases, imports nothing from profiles/
// at all: a profile's own runner is handed to it by the profile's spec file (import type included).
const HARNESS_MAY_IMPORT = [/^profiles\/registry\.ts$/, /^profiles\/requirements\.json$/, /^profiles\/coverage-notes\.json$/, /^profiles\/families\//];

test('harness/ imports from profiles/ only the registry and the shared requirements and families; harness/engine/ nothing', async () => {
  const graph = (await projectGraph()).obj();
  const edges = Object.entries(graph).filter(([from]) => from.startsWith('harness/')).flatMap(([from, tos]) => tos.filter((to) => to.startsWith('profiles/')).map((to) => ({ from, to })));
  // The graph does see these edges (the run's configuration reads the registry).
  expect(edges).toContainEqual({ from: 'harness/run/config.ts', to: 'profiles/registry.ts' });
  const wrong = edges.filter(({ from, to }) => from.startsWith('harness/engine/') || !HARNESS_MAY_IMPORT.some((r) => r.test(to))).map(({ from, to }) => `${from} > ${to}`);
  expect(wrong, `harness modules importing a profile's own modules:\n${wrong.join('\n')}`).toEqual([]);
});
