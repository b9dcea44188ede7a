// Traceability: requirements map to the cases that name them; gaps are listed, not hidden.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { CaseDef } from '../../harness/engine/case-model';
import { COVERAGE_NOTES, coverageOf, coverageProblems, coverageText, REQUIREMENTS, tally, type Requirement } from '../../harness/coverage/coverage';
import { CATALOGS } from '../../profiles/registry';

const req = (id: string, level: Requirement['level']): Requirement => ({ id, spec: 's', section: '1', level, role: 'server', statement: 'x' });
const kase = (id: string, ids: string[]) => ({ id, requirement: { ids } }) as unknown as CaseDef;

test('each requirement gets the cases naming it; uncovered ones are listed as such', () => {
  const rows = coverageOf([req('R-1', 'MUST'), req('R-2', 'MUST'), req('R-3', 'SHOULD')], { p: [kase('C-1', ['R-1']), kase('C-2', ['R-1', 'R-3'])] });
  expect(rows.map((r) => r.cases)).toEqual([['C-1', 'C-2'], [], ['C-2']]);
  expect(tally(rows).MUST).toEqual({ covered: 1, all: 2, explained: 0 });
  expect(coverageText(rows, true)).toContain('R-2');
  expect(coverageText(rows, true)).not.toContain('R-1 ');
});

test('every requirement id a case names exists in the project catalog', () => {
  const known = new Set(REQUIREMENTS.map((r) => r.id));
  const unknown = Object.values(CATALOGS).flat().flatMap((c) => c.requirement.ids.filter((id) => !known.has(id)).map((id) => `${c.id} -> ${id}`));
  expect(unknown).toEqual([]);
});

test('a requirement with no case carries a note saying why; a note never hides a covered requirement', () => {
  const rows = coverageOf([req('R-1', 'MUST'), req('R-2', 'MUST'), req('R-3', 'MUST'), req('R-4', 'MUST')], { p: [kase('C-1', ['R-1'])] }, [
    { id: 'R-2', kind: 'not-observable', why: 'outside the contract' },
    { id: 'R-3', kind: 'composite', why: 'its parts', parts: ['R-1', 'R-4'] },
    { id: 'R-1', kind: 'reported', why: 'stale' },
  ]);
  expect(coverageText(rows, true)).toContain('R-2         MUST   server no case: not observable black-box. outside the contract');
  expect(coverageProblems(rows)).toEqual(['R-1: has cases (C-1…) and still a note: remove the note', 'R-3: part R-4 has no case', 'R-4 (MUST): no case and no note in profiles/coverage-notes.json']);
});

test('every requirement of the project is tested by a case or says in profiles/coverage-notes.json why not', () => {
  const rows = coverageOf(REQUIREMENTS, CATALOGS);
  expect(coverageProblems(rows)).toEqual([]);
  const known = new Set(REQUIREMENTS.map((r) => r.id));
  expect(COVERAGE_NOTES.filter((n) => !known.has(n.id)).map((n) => n.id)).toEqual([]);
  for (const n of COVERAGE_NOTES.filter((x) => x.test)) expect(existsSync(path.join(__dirname, '../..', n.test!)), `${n.id}: ${n.test}`).toBe(true);
});
