// MANIFEST.sha256: one line per file of a certification package, `<sha256>  <relative path>`, sorted
// by path, covering every file but itself. The format of `sha256sum`, so `sha256sum -c
// MANIFEST.sha256` checks an unpacked package too.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST = 'MANIFEST.sha256';

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Every file under dir, by path relative to it with forward slashes, sorted. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      const full = path.join(dir, rel);
      if (statSync(full).isDirectory()) walk(rel);
      else files.set(rel, readFileSync(full));
    }
  };
  walk('');
  return files;
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function manifestText(files: Map<string, Buffer>): string {
  return [...files.keys()]
    .filter((f) => f !== MANIFEST)
    .sort(byPath)
    .map((f) => `${sha256(files.get(f)!)}  ${f}\n`)
    .join('');
}

/** The manifest's entries; a line that is not `<64 hex>  <path>` is a problem of its own. */
export function parseManifest(text: string): { entries: Map<string, string>; problems: string[] } {
  const entries = new Map<string, string>();
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line) return;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) problems.push(`tampered: ${MANIFEST} (line ${i + 1} is not "<sha256>  <path>")`);
    else if (entries.has(m[2])) problems.push(`tampered: ${MANIFEST} (${m[2]} is listed twice)`);
    else entries.set(m[2], m[1]);
  });
  return { entries, problems };
}

/** Each listed file present with its hash, and no file the manifest does not list: one line per problem. */
export function checkManifest(files: Map<string, Buffer>, text: string): string[] {
  const { entries, problems } = parseManifest(text);
  for (const [file, hash] of entries) {
    const data = files.get(file);
    if (!data) problems.push(`missing: ${file}`);
    else if (sha256(data) !== hash) problems.push(`tampered: ${file} (sha256 differs)`);
  }
  for (const file of [...files.keys()].sort(byPath)) if (file !== MANIFEST && !entries.has(file)) problems.push(`unexpected file: ${file}`);
  return problems;
}
