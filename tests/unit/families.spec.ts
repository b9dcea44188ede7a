// The rule catalog's shape: every attack family reaches every inbound token path it applies to (the
// completeness matrix has no hole), a member is judged at one level on every path and profile, the
// levels follow LEVELS.md's vocabulary, and no published case id ever disappears.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CATALOGS, tokenPaths } from '../../profiles/registry';
import { familyMatrix, MEMBERS, membersOn, whyNotOn } from '../../profiles/families';
import { FAMILIES } from '../../profiles/families/types';
import { s2sPaths } from '../../profiles/s2s/paths';

const ALL_PATHS = [...tokenPaths(), ...s2sPaths('xoauth')];
const ALL_CASES = Object.values(CATALOGS).flat();

test('the completeness matrix has no hole: each family runs on each path, or the path says why not', () => {
  for (const p of ALL_PATHS) {
    for (const family of FAMILIES) {
      const explained = Boolean(p.refs[family]) || Boolean(p.notApplicable?.[family]) || (family === 'transport' && !p.inRequest);
      expect(explained, `${p.name}: family ${family} has neither a requirement nor a stated reason`).toBe(true);
    }
    // A signed token that travels in the request meets every family.
    if (p.signed && p.inRequest) expect(familyMatrix([p]).filter((r) => r.cells[0].runs === 0).map((r) => r.family), p.name).toEqual([]);
    expect(() => membersOn(p), `${p.name}: an applicable member without a case id`).not.toThrow();
  }
});

test('each path\'s id table names only members that run there, each id once', () => {
  const keys = new Set(MEMBERS.map((m) => m.key));
  expect(keys.size).toBe(MEMBERS.length);
  for (const p of ALL_PATHS) {
    const stale = Object.keys(p.ids).filter((k) => !keys.has(k) || whyNotOn(MEMBERS.find((m) => m.key === k)!, p));
    expect(stale, `${p.name}: ids for members that do not run there`).toEqual([]);
    const ids = Object.values(p.ids);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), `${p.name}: an id used twice`).toEqual([]);
  }
  for (const m of MEMBERS) expect(ALL_PATHS.some((p) => !whyNotOn(m, p)), `${m.key} runs nowhere`).toBe(true);
});

test('case ids are unique in every profile, and the twin profiles share the family ids', () => {
  for (const [profile, cases] of Object.entries(CATALOGS)) {
    const ids = cases.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), profile).toEqual([]);
  }
  const suffixes = (profile: keyof typeof CATALOGS) => CATALOGS[profile].filter((c) => c.family).map((c) => `${c.family}@${c.path} ${c.id.replace(/^[A-Z0-9]+-/, '')}`).sort();
  expect(suffixes('xoauth')).toEqual(suffixes('sharepoint-s2s'));
  // Legacy and Entra Actionable Messages: one id per member, except the audience (each profile's own cases).
  const am = (profile: keyof typeof CATALOGS) => CATALOGS[profile].filter((c) => c.family && !c.family.startsWith('audience.')).map((c) => `${c.family} ${c.id.replace(/^[A-Z]+-/, '')}`).sort();
  expect(am('actionable-messages-entra')).toEqual(am('actionable-messages'));
});

test('a family member has one level and one expectation on every path of every profile', () => {
  const seen = new Map<string, string>();
  for (const c of ALL_CASES.filter((x) => x.family)) {
    const verdict = `${c.requirement.level}/${c.expect}`;
    const first = seen.get(c.family!);
    if (first) expect(verdict, `${c.id} (${c.family})`).toBe(first);
    else seen.set(c.family!, verdict);
  }
  expect(seen.size).toBe(MEMBERS.length);
});

test('levels follow LEVELS.md: MUST, SHOULD or INFO, and an INFO case is reported, never failed', () => {
  for (const c of ALL_CASES) {
    expect(['MUST', 'SHOULD', 'INFO'], c.id).toContain(c.requirement.level);
    if (c.requirement.level === 'INFO') expect(c.expect, c.id).toBe('either');
  }
});

test('no published case id disappears (tests/expectations/case-ids.json lists every id ever published)', () => {
  const published = JSON.parse(readFileSync(path.join(__dirname, '..', 'expectations', 'case-ids.json'), 'utf8')) as string[];
  const now = new Set(ALL_CASES.map((c) => c.id));
  expect(published.filter((id) => !now.has(id))).toEqual([]);
  // New ids are added to the list when they are published (npx tsx tests/tools/publish-case-ids.ts).
  expect([...now].filter((id) => !published.includes(id)), 'ids not yet in case-ids.json').toEqual([]);
});

test('a family case is located at its member in profiles/families (the HTML report links the rule, not define-suite.ts)', () => {
  for (const c of ALL_CASES.filter((x) => x.family)) {
    expect(c.location?.file, c.id).toContain(`${path.sep}profiles${path.sep}families${path.sep}`);
    const at = readFileSync(c.location!.file, 'utf8').split('\n').slice(c.location!.line - 1, c.location!.line + 2).join(' ');
    const name = c.family!.split('.')[1];
    // The member's own entry names it (or, for the generated ones, the template that makes them).
    expect(at.includes(`'${name}'`) || at.includes(`key: '${c.family}'`) || at.includes('${'), `${c.id} at ${c.location!.line}: ${at.trim()}`).toBe(true);
  }
});

test('a key-lifecycle rule has one level in every profile (KLC-<n> is the same rule wherever it runs)', () => {
  const seen = new Map<string, string>();
  for (const c of ALL_CASES) {
    const klc = /-(KLC-\d+)$/.exec(c.id)?.[1];
    if (!klc) continue;
    const verdict = `${c.requirement.level}/${c.expect}`;
    expect(verdict, c.id).toBe(seen.get(klc) ?? verdict);
    seen.set(klc, verdict);
  }
  expect(seen.size).toBeGreaterThan(10);
});
