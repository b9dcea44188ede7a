// `--list`: the case catalog as a plain table (id, level, expectation, requirement ids, spec section, title).
import type { CaseDef } from '../engine/case-model';

export function formatCatalog(cases: CaseDef[]): string {
  const rows = cases.map((c) => [c.id, c.requirement.level, c.expect, c.requirement.ids.join(','), c.title, c.requirement.section]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => `${r.slice(0, 4).map((v, i) => v.padEnd(widths[i])).join('  ')}  ${r[4]}  [${r[5]}]`);
  return `${lines.join('\n')}\n${cases.length} cases`;
}
