// Adds the catalogs' new case ids to tests/expectations/case-ids.json, the list of every id ever
// published (ids are a public interface: tests/unit/families.spec.ts fails if one disappears).
//   npx tsx tests/tools/publish-case-ids.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOGS } from '../../profiles/registry';

const FILE = path.join(__dirname, '..', 'expectations', 'case-ids.json');
const published = new Set<string>((() => {
  try {
    return JSON.parse(readFileSync(FILE, 'utf8')) as string[];
  } catch {
    return [];
  }
})());
const before = published.size;
for (const c of Object.values(CATALOGS).flat()) published.add(c.id);
writeFileSync(FILE, `${JSON.stringify([...published].sort(), null, 1)}\n`);
console.log(`case-ids.json: ${published.size} ids (${published.size - before} new)`);
