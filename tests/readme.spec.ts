// The README and docs/: the generated docs are current (the case catalog, the coverage figure and each
// profile's pinned flaws equal what the catalogs and pins produce), every relative link points at a
// file that exists (and at a heading that exists, when it names one), and the README stays short.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CATALOG_DOC, generatedDocs } from '../harness/cli/readme-catalog';
import { headingAnchor } from '../harness/results/spec-links';
import { REPO_ROOT } from '../harness/run/config';

const README = path.join(REPO_ROOT, 'README.md');
const DOCS = path.join(REPO_ROOT, 'docs');
/** Pages another change of issue 16 is writing, linked before they land: a link to one is checked
 *  like any other once it exists. Take an entry out when its page is in. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith('.md') ? [file] : [];
  });
}

/** Inline links and images, and reference definitions, outside code blocks and code spans. */
function linksOf(markdown: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  const defined = [...text.matchAll(/^\[[^\]]+\]:\s+(\S+)/gm)].map((m) => m[1]);
  return [...inline, ...defined];
}

const anchorsOf = (markdown: string): Set<string> =>
  new Set(markdown.replace(/^```[\s\S]*?^```/gm, '').split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => headingAnchor(l.replace(/^#+ /, ''))));

test('the generated docs are current: case catalog, coverage figure, pinned flaws (run `npm run readme`)', () => {
  const docs = generatedDocs();
  expect(docs.map((d) => path.relative(REPO_ROOT, d.file))).toContain(path.relative(REPO_ROOT, CATALOG_DOC));
  for (const { file, text } of docs) expect(readFileSync(file, 'utf8'), `${path.relative(REPO_ROOT, file)} (npm run readme)`).toBe(text);
});

test('every relative link in README.md and docs/**/*.md points at an existing file and heading', () => {
  const files = [README, ...markdownFiles(DOCS)];
  const broken: string[] = [];
  for (const file of files) {
    for (const link of linksOf(readFileSync(file, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:, …
      const [target, anchor] = link.split('#');
      const resolved = target ? path.resolve(path.dirname(file), decodeURIComponent(target)) : file;
      const where = `${path.relative(REPO_ROOT, file)}: ${link}`;
      if (!resolved.startsWith(REPO_ROOT + path.sep)) broken.push(`${where} (outside the repository)`);
      else if (!existsSync(resolved)) broken.push(`${where} (no such file)`);
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(anchor)) broken.push(`${where} (no such heading)`);
    }
  }
  expect(broken).toEqual([]);
});

test('the README stays short, and its first screen has the two commands', () => {
  const readme = readFileSync(README, 'utf8');
  expect(readme.split('\n').length).toBeLessThanOrEqual(200);
  const firstScreen = readme.split('\n').slice(0, 30).join('\n');
  // The two commands: the package's install line with a run on the bundled reference SUT, and the
  // project's tests; then a run against the user's bot.
  expect(firstScreen).toContain('npm install --save-dev s2s-conformance && npx s2s-conformance run ');
  expect(firstScreen).toContain('npm ci && npm test');
  expect(firstScreen).toContain('npx s2s-conformance run --sut "node bot.js"');
  // Every docs page is linked from the README.
  const linked = new Set(linksOf(readme).map((l) => path.resolve(REPO_ROOT, l.split('#')[0])));
  expect(markdownFiles(DOCS).filter((f) => !linked.has(f)).map((f) => path.relative(REPO_ROOT, f))).toEqual([]);
});
