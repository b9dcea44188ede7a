// Traceability: each requirement of the project's catalog (profiles/requirements.json) with the
// cases that name it, and the ones no case names yet, by spec, level and role.
import requirements from '../../profiles/requirements.json';
import type { CaseDef, Level } from '../engine/case-model';

export interface Requirement {
  id: string;
  spec: string;
  section: string;
  level: Level;
  role: string;
  statement: string;
}

export interface CoverageRow extends Requirement {
  cases: string[];
}

export const REQUIREMENTS = requirements as Requirement[];

export function coverageOf(reqs: Requirement[], catalogs: Record<string, CaseDef[]>): CoverageRow[] {
  const casesOf = new Map<string, string[]>();
  for (const cases of Object.values(catalogs)) for (const c of cases) for (const id of c.requirement.ids) casesOf.set(id, [...(casesOf.get(id) ?? []), c.id]);
  return reqs.map((r) => ({ ...r, cases: casesOf.get(r.id) ?? [] }));
}

/** "covered/all" per level, for one group of rows. */
export function tally(rows: CoverageRow[]): Record<Level, { covered: number; all: number }> {
  const t = { MUST: { covered: 0, all: 0 }, SHOULD: { covered: 0, all: 0 }, MAY: { covered: 0, all: 0 }, INFO: { covered: 0, all: 0 } };
  for (const r of rows) {
    t[r.level].all++;
    if (r.cases.length) t[r.level].covered++;
  }
  return t;
}

const groupBy = <T>(rows: T[], key: (r: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};

/** docs/coverage.md's figure: covered/all by spec and role (the client-role suites are still to come). */
export function coverageMarkdown(rows: CoverageRow[]): string {
  const all = tally(rows);
  const lines = [
    `**${all.MUST.covered} of ${all.MUST.all} MUST requirements are tested** (SHOULD ${all.SHOULD.covered}/${all.SHOULD.all}, MAY ${all.MAY.covered}/${all.MAY.all}); \`npx s2s-conformance coverage\` lists them.`,
    '',
    '| spec | role | MUST | SHOULD | MAY |',
    '|---|---|---|---|---|',
  ];
  for (const [group, items] of groupBy(rows, (r) => `${r.spec} | ${r.role}`)) {
    const t = tally(items);
    lines.push(`| ${group} | ${t.MUST.covered}/${t.MUST.all} | ${t.SHOULD.covered}/${t.SHOULD.all} | ${t.MAY.covered}/${t.MAY.all} |`);
  }
  return lines.join('\n');
}

/** The CLI's listing: one line per requirement, grouped by spec; `uncoveredOnly` lists the gaps. */
export function coverageText(rows: CoverageRow[], uncoveredOnly: boolean): string {
  const out: string[] = [];
  for (const [spec, items] of groupBy(rows, (r) => r.spec)) {
    const t = tally(items);
    out.push(`${spec}: MUST ${t.MUST.covered}/${t.MUST.all}, SHOULD ${t.SHOULD.covered}/${t.SHOULD.all}, MAY ${t.MAY.covered}/${t.MAY.all}`);
    for (const r of items) {
      if (uncoveredOnly && r.cases.length) continue;
      const cases = r.cases.length ? `${r.cases.length} case(s): ${r.cases.slice(0, 6).join(', ')}${r.cases.length > 6 ? ', …' : ''}` : 'NOT COVERED';
      out.push(`  ${r.id.padEnd(11)} ${r.level.padEnd(6)} ${r.role.padEnd(6)} ${cases}`);
    }
  }
  const all = tally(rows);
  out.push(`total: MUST ${all.MUST.covered}/${all.MUST.all}, SHOULD ${all.SHOULD.covered}/${all.SHOULD.all}, MAY ${all.MAY.covered}/${all.MAY.all}`);
  return out.join('\n');
}
