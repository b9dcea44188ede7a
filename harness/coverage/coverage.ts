// Traceability: each requirement of the project's catalog (profiles/requirements.json) with the
// cases that name it, and, for one no case names, the note saying why (profiles/coverage-notes.json:
// judged on every refusal, the duty of a party the harness plays, only reported, or not observable
// through the SUT contract).
import notes from '../../profiles/coverage-notes.json';
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

/** Why a requirement has no case of its own. */
export interface CoverageNote {
  id: string;
  kind: 'every-refusal' | 'composite' | 'reported' | 'played-by-harness' | 'not-observable';
  why: string;
  /** composite: the requirements it is made of, each with cases of its own. */
  parts?: string[];
  /** played-by-harness: the test that checks the harness does its duty. */
  test?: string;
}

export const NOTE_LABEL: Record<CoverageNote['kind'], string> = {
  'every-refusal': 'judged on every refusal',
  composite: 'covered by its parts',
  reported: 'reported only',
  'played-by-harness': 'the harness plays this party',
  'not-observable': 'not observable black-box',
};

export interface CoverageRow extends Requirement {
  cases: string[];
  note?: CoverageNote;
}

export const REQUIREMENTS = requirements as Requirement[];
export const COVERAGE_NOTES = notes as CoverageNote[];

export function coverageOf(reqs: Requirement[], catalogs: Record<string, CaseDef[]>, coverageNotes: CoverageNote[] = COVERAGE_NOTES): CoverageRow[] {
  const casesOf = new Map<string, string[]>();
  for (const cases of Object.values(catalogs)) for (const c of cases) for (const id of c.requirement.ids) casesOf.set(id, [...(casesOf.get(id) ?? []), c.id]);
  const noteOf = new Map(coverageNotes.map((n) => [n.id, n]));
  return reqs.map((r) => ({ ...r, cases: casesOf.get(r.id) ?? [], ...(noteOf.has(r.id) ? { note: noteOf.get(r.id) } : {}) }));
}

/** What is wrong with the notes: a requirement with neither cases nor a note, a note on a requirement that has cases now, a composite part with no case. */
export function coverageProblems(rows: CoverageRow[]): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const r of rows) {
    if (!r.cases.length && !r.note) problems.push(`${r.id} (${r.level}): no case and no note in profiles/coverage-notes.json`);
    if (r.cases.length && r.note) problems.push(`${r.id}: has cases (${r.cases[0]}…) and still a note: remove the note`);
    for (const p of r.note?.parts ?? []) if (!byId.get(p)?.cases.length) problems.push(`${r.id}: part ${p} has no case`);
  }
  return problems;
}

/** "covered/all" per level, for one group of rows; `explained`: no case, with a note saying why. */
export function tally(rows: CoverageRow[]): Record<Level, { covered: number; all: number; explained: number }> {
  const zero = () => ({ covered: 0, all: 0, explained: 0 });
  const t = { MUST: zero(), SHOULD: zero(), MAY: zero(), INFO: zero() };
  for (const r of rows) {
    t[r.level].all++;
    if (r.cases.length) t[r.level].covered++;
    else if (r.note) t[r.level].explained++;
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
    `**${all.MUST.covered} of ${all.MUST.all} MUST requirements are tested**, and the other ${all.MUST.all - all.MUST.covered} say why not (${all.MUST.explained} with a note, ${all.MUST.all - all.MUST.covered - all.MUST.explained} open); SHOULD ${all.SHOULD.covered}/${all.SHOULD.all}, MAY ${all.MAY.covered}/${all.MAY.all} tested. \`npx s2s-conformance coverage\` lists them, each untested one with its reason.`,
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
      const cases = r.cases.length ? `${r.cases.length} case(s): ${r.cases.slice(0, 6).join(', ')}${r.cases.length > 6 ? ', …' : ''}` : r.note ? `no case: ${NOTE_LABEL[r.note.kind]}. ${r.note.why}` : 'NOT COVERED';
      out.push(`  ${r.id.padEnd(11)} ${r.level.padEnd(6)} ${r.role.padEnd(6)} ${cases}`);
    }
  }
  const all = tally(rows);
  const open = rows.filter((r) => !r.cases.length && !r.note).length;
  out.push(`total: MUST ${all.MUST.covered}/${all.MUST.all}, SHOULD ${all.SHOULD.covered}/${all.SHOULD.all}, MAY ${all.MAY.covered}/${all.MAY.all} tested; ${all.MUST.explained + all.SHOULD.explained + all.MAY.explained + all.INFO.explained} untested with a reason, ${open} NOT COVERED`);
  return out.join('\n');
}
