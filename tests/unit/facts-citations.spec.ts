// The facts a case cites are on the facts page: every "docs/facts.md > A > B" in a case's section (and
// in the requirements catalog) finds a "## A" and, under it, a "### B" in docs/facts.md, and no case
// cites the spec team's sheet (ERRATA-AND-FACTS.md), which a user's clone does not have.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REQUIREMENTS } from '../../harness/coverage/coverage';
import { factsCitationsOf, FACTS_DOC, headingAnchor, specLinkOf } from '../../harness/results/spec-links';
import { REPO_ROOT } from '../../harness/run/config';
import { CATALOGS } from '../../profiles/registry';

/** "## section" -> its "### topic" headings. */
function headings(markdown: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  let section: Set<string> | undefined;
  for (const line of markdown.split('\n')) {
    const h2 = /^## (.+?)\s*$/.exec(line);
    const h3 = /^### (.+?)\s*$/.exec(line);
    if (h2) out.set(h2[1], (section = new Set()));
    else if (h3 && section) section.add(h3[1]);
  }
  return out;
}

const FACTS = headings(readFileSync(path.join(REPO_ROOT, FACTS_DOC), 'utf8'));
const CASES = Object.values(CATALOGS).flat();

function unresolved(where: string, section: string): string[] {
  return factsCitationsOf(section).flatMap(({ section: s, topic }) =>
    !FACTS.has(s) ? [`${where}: no "## ${s}" in ${FACTS_DOC} (${section})`] : !FACTS.get(s)!.has(topic) ? [`${where}: no "### ${topic}" under "## ${s}" in ${FACTS_DOC} (${section})`] : [],
  );
}

test('citations are read as section and topic, a parenthesised detail and a "; " list included', () => {
  expect(factsCitationsOf('docs/facts.md > Bot Framework > key cache (unknown kid)')).toEqual([{ section: 'Bot Framework', topic: 'key cache' }]);
  expect(factsCitationsOf('docs/facts.md > Actionable Messages > current (Entra) profile')).toEqual([{ section: 'Actionable Messages', topic: 'current (Entra) profile' }]);
  expect(factsCitationsOf('docs/facts.md > SharePoint high-trust S2S > TokenHelper actor token (aud host[:port])')).toEqual([{ section: 'SharePoint high-trust S2S', topic: 'TokenHelper actor token' }]);
  expect(factsCitationsOf('Emulator -> Bot, Step 3, requirement 5; docs/facts.md > Bot Framework > Emulator and skill issuers; ver claim')).toEqual([
    { section: 'Bot Framework', topic: 'Emulator and skill issuers' },
    { section: 'Bot Framework', topic: 'ver claim' },
  ]);
  expect(factsCitationsOf('3.1.5 Step 4 (iss)')).toEqual([]);
});

test(`every case that cites ${FACTS_DOC} finds its section and topic there`, () => {
  const citing = CASES.filter((c) => factsCitationsOf(c.requirement.section).length);
  // Every current-practice case rests on the facts page, and more cite it beside a published document.
  expect(citing.length).toBeGreaterThan(CASES.filter((c) => c.requirement.spec === 'current-practice').length);
  for (const c of CASES.filter((x) => x.requirement.spec === 'current-practice')) expect(factsCitationsOf(c.requirement.section), `${c.id} (current-practice) cites no fact`).not.toEqual([]);
  expect(citing.flatMap((c) => unresolved(c.id, c.requirement.section))).toEqual([]);
});

test(`every requirement that cites ${FACTS_DOC} finds its section and topic there`, () => {
  expect(REQUIREMENTS.flatMap((r) => unresolved(r.id, r.section))).toEqual([]);
});

test('no case or requirement cites ERRATA-AND-FACTS.md any more', () => {
  const stale = [
    ...CASES.filter((c) => /ERRATA-AND-FACTS/.test(`${c.requirement.section} ${c.why} ${c.title}`)).map((c) => c.id),
    ...REQUIREMENTS.filter((r) => /ERRATA-AND-FACTS/.test(`${r.section} ${r.statement}`)).map((r) => r.id),
  ];
  expect(stale).toEqual([]);
});

test('a current-practice case links the facts page at its topic', () => {
  const kase = CASES.find((c) => c.requirement.spec === 'current-practice' && c.requirement.section.includes('> key cache (unknown kid)'));
  if (!kase) throw new Error('no current-practice case cites the key cache');
  const link = specLinkOf(kase.requirement)!;
  expect(link.name).toBe(kase.requirement.section);
  expect(link.url.startsWith('file://')).toBe(true);
  expect(link.url.endsWith(`/${FACTS_DOC}#key-cache`)).toBe(true);
  expect(headingAnchor('current (Entra) profile')).toBe('current-entra-profile');
  expect(headingAnchor('CVE-2023-29357')).toBe('cve-2023-29357');
});
