// Traceability: requirements map to the cases that name them; gaps are listed, not hidden.
import { expect, test } from '@playwright/test';
import type { CaseDef } from '../../harness/engine/case-model';
import { coverageOf, coverageText, REQUIREMENTS, tally, type Requirement } from '../../harness/coverage/coverage';
import { CATALOGS } from '../../profiles/registry';

const req = (id: string, level: Requirement['level']): Requirement => ({ id, spec: 's', section: '1', level, role: 'server', statement: 'x' });
const kase = (id: string, ids: string[]) => ({ id, requirement: { ids } }) as unknown as CaseDef;

test('each requirement gets the cases naming it; uncovered ones are listed as such', () => {
  const rows = coverageOf([req('R-1', 'MUST'), req('R-2', 'MUST'), req('R-3', 'SHOULD')], { p: [kase('C-1', ['R-1']), kase('C-2', ['R-1', 'R-3'])] });
  expect(rows.map((r) => r.cases)).toEqual([['C-1', 'C-2'], [], ['C-2']]);
  expect(tally(rows).MUST).toEqual({ covered: 1, all: 2 });
  expect(coverageText(rows, true)).toContain('R-2');
  expect(coverageText(rows, true)).not.toContain('R-1 ');
});

test('every requirement id a case names exists in the project catalog', () => {
  const known = new Set(REQUIREMENTS.map((r) => r.id));
  const unknown = Object.values(CATALOGS).flat().flatMap((c) => c.requirement.ids.filter((id) => !known.has(id)).map((id) => `${c.id} -> ${id}`));
  expect(unknown).toEqual([]);
});
