// The comparison matrix: rows are cases, columns are SUTs, cells the tier; text from results files is escaped.
import { expect, test } from '@playwright/test';
import type { CaseResult, Level } from '../../harness/engine/case-model';
import { matrixHtml } from '../../harness/results/matrix';
import { summarize, type ResultsDoc } from '../../harness/results/results-file';

const c = (id: string, level: Level, outcome: CaseResult['outcome'], title = `title of ${id}`, reason: string = outcome): CaseResult => ({
  id, profile: 'p', title, requirement: { ids: ['R'], spec: 's', section: '1', level }, expect: 'reject', why: '', observed: {}, outcome, reason, evidence: { mutations: [] },
});
const doc = (profile: string, cases: CaseResult[], sut: Partial<ResultsDoc['sut']> = {}): ResultsDoc => ({
  schemaVersion: 1, suite: { name: 's', version: '1' }, profile, sut: { endpoint: '/', ...sut }, startedAt: '', finishedAt: '', harness: { egress: [] }, cases, summary: summarize(cases),
});

// The tiers of a row's cells, left to right.
const rowTiers = (page: string, id: string): string[] => {
  const row = page.match(new RegExp(`<tr data-case="${id}">(.*?)</tr>`))?.[1];
  if (row === undefined) throw new Error(`no row ${id}`);
  return [...row.matchAll(/data-tier="([^"]+)"/g)].map((m) => m[1]);
};
const count = (page: string, col: number, tier: string) => page.match(new RegExp(`data-col="${col}" data-count="${tier}">(\\d+)<`))?.[1];

const alpha = doc('bot', [c('A-1', 'MUST', 'pass'), c('A-2', 'MUST', 'fail', 'title of A-2', 'accepted (200) a "bad" token & more'), c('A-3', 'SHOULD', 'fail', '<script>alert(1)</script>')], { name: 'Alpha <bot>', version: '1.2' });
const beta = doc('bot', [c('A-1', 'MUST', 'pass'), c('A-2', 'MUST', 'pass'), c('A-4', 'MUST', 'error')]);

test('rows are the union of cases in first-seen order; cells carry the tier, an absent case is an empty cell', () => {
  const page = matrixHtml([
    { label: 'alpha', doc: alpha },
    { label: 'beta', doc: beta },
  ]);
  expect([...page.matchAll(/<tr data-case="([^"]+)">/g)].map((m) => m[1])).toEqual(['A-1', 'A-2', 'A-3', 'A-4']);
  expect(rowTiers(page, 'A-1')).toEqual(['PASS', 'PASS']);
  expect(rowTiers(page, 'A-2')).toEqual(['FAIL', 'PASS']);
  expect(rowTiers(page, 'A-3')).toEqual(['WARN', 'absent']);
  expect(rowTiers(page, 'A-4')).toEqual(['absent', 'ERROR']);
  expect(page).toContain('<td class="cell t-absent" data-tier="absent">—</td>');
  // The case's reason is the cell's tooltip, escaped; the row shows id, level and title.
  expect(page).toContain('data-tier="FAIL" title="accepted (200) a &quot;bad&quot; token &amp; more">FAIL</td>');
  expect(page).toContain('<tr data-case="A-2"><td class="case">A-2</td><td>MUST</td><td class="title">title of A-2</td>');
  // One profile: no sub-header rows.
  expect(page).not.toContain('<tr class="profile"');
  // Self-contained: no scripts, nothing external.
  expect(page).not.toMatch(/<script|<link|src=|href=/i);
});

test('headers: label, declared SUT, profile and verdict; footer: tier counts per column', () => {
  const page = matrixHtml([
    { label: 'alpha', doc: alpha },
    { label: 'beta', doc: beta },
  ], { title: 'SUTs & friends' });
  expect(page).toContain('<title>SUTs &amp; friends</title>');
  expect(page.match(/<th data-col="0">.*?<\/th>/)?.[0]).toBe(
    '<th data-col="0">alpha<span class="sut">Alpha &lt;bot&gt; 1.2</span><span class="profile-name">bot</span><span class="verdict v-fail" data-verdict="not conformant">not conformant</span></th>',
  );
  expect(page.match(/<th data-col="1">.*?<\/th>/)?.[0]).toBe(
    '<th data-col="1">beta<span class="profile-name">bot</span><span class="verdict v-inc" data-verdict="incomplete">incomplete</span></th>',
  );
  expect([count(page, 0, 'PASS'), count(page, 0, 'FAIL'), count(page, 0, 'WARN'), count(page, 0, 'ERROR'), count(page, 0, 'INFO')]).toEqual(['1', '1', '1', '0', '0']);
  expect([count(page, 1, 'PASS'), count(page, 1, 'FAIL'), count(page, 1, 'WARN'), count(page, 1, 'ERROR'), count(page, 1, 'INCONCLUSIVE')]).toEqual(['2', '0', '0', '1', '0']);
  // A legend entry per tier.
  expect([...page.matchAll(/<li data-legend="([A-Z]+)">/g)].map((m) => m[1])).toEqual(['PASS', 'FAIL', 'WARN', 'INFO', 'INCONCLUSIVE', 'ERROR']);
});

test('a title with <script> is escaped everywhere it appears', () => {
  const page = matrixHtml([{ label: '<b>x</b>', doc: alpha }]);
  expect(page).not.toContain('<script>');
  expect(page).not.toContain('<b>x</b>');
  expect(page).toContain('<td class="title">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
  expect(page).toContain('<th data-col="0">&lt;b&gt;x&lt;/b&gt;');
});

test('an old file without tiers: counted and derived, so its MUST failure still reads as not conformant', () => {
  const old = doc('bot', [c('A-1', 'MUST', 'fail'), c('A-2', 'SHOULD', 'fail'), c('A-3', 'MUST', 'inconclusive')]);
  delete old.summary.tiers;
  const page = matrixHtml([{ label: 'old', doc: old }]);
  expect(rowTiers(page, 'A-1')).toEqual(['FAIL']);
  expect(rowTiers(page, 'A-3')).toEqual(['INCONCLUSIVE']);
  expect([count(page, 0, 'FAIL'), count(page, 0, 'WARN'), count(page, 0, 'INCONCLUSIVE'), count(page, 0, 'PASS')]).toEqual(['1', '1', '1', '0']);
  expect(page).toContain('data-verdict="not conformant"');
  // Only warnings: conformant with warnings.
  const warned = doc('bot', [c('A-1', 'MUST', 'pass'), c('A-2', 'SHOULD', 'fail')]);
  delete warned.summary.tiers;
  expect(matrixHtml([{ label: 'w', doc: warned }])).toContain('data-verdict="conformant with warnings"');
});

test('columns of several profiles: a sub-header row per profile, its cases under it', () => {
  const teams = doc('teams', [c('T-1', 'MUST', 'pass'), c('T-2', 'INFO', 'pass')]);
  const page = matrixHtml([
    { label: 'alpha', doc: alpha },
    { label: 'teams', doc: teams },
  ]);
  const order = [...page.matchAll(/<tr (?:class="profile" data-profile|data-case)="([^"]+)">/g)].map((m) => m[1]);
  expect(order).toEqual(['bot', 'A-1', 'A-2', 'A-3', 'teams', 'T-1', 'T-2']);
  expect(page).toContain('<tr class="profile" data-profile="bot"><th colspan="5">bot</th></tr>');
  expect(rowTiers(page, 'T-1')).toEqual(['absent', 'PASS']);
  expect(rowTiers(page, 'A-1')).toEqual(['PASS', 'absent']);
});

test('a reason longer than 300 characters is cut in the tooltip', () => {
  const long = doc('bot', [c('L-1', 'MUST', 'fail', 't', 'x'.repeat(500))]);
  const tip = matrixHtml([{ label: 'l', doc: long }]).match(/data-tier="FAIL" title="([^"]*)"/)?.[1];
  expect(tip).toBe(`${'x'.repeat(299)}…`);
});

test('no columns: a one-line error', () => {
  expect(() => matrixHtml([])).toThrow(/^matrixHtml: no columns given; pass at least one results doc$/);
});
