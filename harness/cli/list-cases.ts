// `--list`: the case catalog as a plain table (id, level, expectation, requirement ids, spec section, title).
import type { CaseDef } from '../engine/case-model';

export function formatCatalog(cases: CaseDef[]): string {
  const rows = cases.map((c) => [c.id, c.requirement.level, c.expect, c.requirement.ids.join(','), c.title, c.requirement.section]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => `${r.slice(0, 4).map((v, i) => v.padEnd(widths[i])).join('  ')}  ${r[4]}  [${r[5]}]`);
  return `${lines.join('\n')}\n${cases.length} cases`;
}

/** `--list --matrix`: attack family x inbound token path, how many of the family's members run on the
 *  path, or "n/a"; a number in brackets points at the reason (below the table) for the members that do not run there. A hole is a test failure (tests/unit/families.spec.ts). */
export function formatFamilyMatrix(rows: Array<{ family: string; cells: Array<{ path: string; runs: number; of: number; why?: string }> }>): string {
  const paths = rows[0]?.cells.map((c) => c.path) ?? [];
  const reasons: string[] = [];
  const cell = (c: { runs: number; of: number; why?: string }) => {
    if (!c.why) return `${c.runs}/${c.of}`;
    const i = reasons.indexOf(c.why) + 1 || reasons.push(c.why);
    return c.runs ? `${c.runs}/${c.of} (${i})` : `n/a (${i})`;
  };
  const table = [['family', ...paths], ...rows.map((r) => [r.family, ...r.cells.map(cell)])];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const lines = table.map((r) => r.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd());
  return [...lines, '', ...reasons.map((r, i) => `(${i + 1}) ${r}`)].join('\n');
}
