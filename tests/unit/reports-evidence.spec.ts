// What reviewers open: a case's evidence as attachments (token, decoded token, request, response),
// and the Allure labels and links a catalog entry gets (profile, spec section, severity, CWE, spec).
import { expect, test } from '@playwright/test';
import type { CaseDef, CaseResult } from '../../harness/engine/case-model';
import { allureLabelsOf } from '../../harness/reporters/allure-reporter';
import { cweOf } from '../../harness/results/cwe';
import { evidenceAttachments } from '../../harness/results/evidence-attachments';
import { specLinkOf } from '../../harness/results/spec-links';
import { CATALOGS } from '../../profiles/registry';

const result = (evidence: CaseResult['evidence']): CaseResult => ({
  id: 'BF-C2B-SIG-001', profile: 'bot-framework', title: 'signature emptied', requirement: { ids: ['BF-C2B-11'], spec: 'bot-framework-authentication', section: 'Step 3', level: 'MUST' },
  expect: 'reject', why: 'because', observed: { status: 401 }, outcome: 'pass', reason: 'refused (401)', evidence,
});
const RAW = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.';
const token = { raw: RAW, header: { alg: 'RS256', kid: 'key-a' }, payload: { iss: 'https://api.botframework.com', aud: 'app-id' } };
const request = { method: 'POST', url: 'http://127.0.0.1:3978/api/messages', headers: { authorization: `Bearer ${RAW}`, 'content-type': 'application/json' } };
const response = { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"', 'content-type': 'text/plain' }, body: 'signature invalid\nsecond line', ms: 4 };

const byName = (r: CaseResult) => Object.fromEntries(evidenceAttachments(r).map((a) => [a.name, a]));

test('token.jwt, token.decoded.json, request.http and response.http, in that order and with their content types', () => {
  const all = evidenceAttachments(result({ mutations: ['signature emptied'], token, request, response }));
  expect(all.map((a) => [a.name, a.contentType])).toEqual([
    ['token.jwt', 'text/plain'],
    ['token.decoded.json', 'application/json'],
    ['request.http', 'text/plain'],
    ['response.http', 'text/plain'],
  ]);
});

test('token.jwt is the raw token; token.decoded.json its header and payload, and the embedded token when there is one', () => {
  const a = byName(result({ mutations: [], token }));
  expect(a['token.jwt'].body).toBe(RAW);
  expect(JSON.parse(a['token.decoded.json'].body)).toEqual({ header: token.header, payload: token.payload });

  const embedded = { claim: 'actortoken', header: { alg: 'RS256', x5t: 'thumb' }, payload: { iss: '00000003@realm', nameid: 'app@realm' } };
  const b = byName(result({ mutations: [], token: { raw: 'outer.token.', header: { alg: 'none' }, payload: { nii: 'urn:office:idp:activedirectory' }, embedded, note: 'outer unsigned' } }));
  expect(b['token.jwt'].body).toBe('outer.token.');
  expect(JSON.parse(b['token.decoded.json'].body)).toEqual({ header: { alg: 'none' }, payload: { nii: 'urn:office:idp:activedirectory' }, embedded, note: 'outer unsigned' });
});

test('request.http is "METHOD URL" then one "Header: value" line per header', () => {
  const body = byName(result({ mutations: [], request }))['request.http'].body;
  expect(body.split('\n')).toEqual([
    'POST http://127.0.0.1:3978/api/messages',
    `authorization: Bearer ${RAW}`,
    'content-type: application/json',
  ]);
  expect(byName(result({ mutations: [], request: { method: 'GET', url: 'http://h/x?a=1', headers: {} } }))['request.http'].body).toBe('GET http://h/x?a=1');
});

test('response.http is the status, the headers, a blank line and the body', () => {
  const body = byName(result({ mutations: [], response }))['response.http'].body;
  expect(body.startsWith('401\n')).toBe(true);
  expect(body.endsWith('\n\nsignature invalid\nsecond line')).toBe(true);
  expect(body).toBe('401\nwww-authenticate: Bearer error="invalid_token"\ncontent-type: text/plain\n\nsignature invalid\nsecond line');
  expect(byName(result({ mutations: [], response: { status: 200, headers: {}, body: '', ms: 1 } }))['response.http'].body).toBe('200\n\n');
});

test('a result without token, request or response gives none of those attachments', () => {
  expect(evidenceAttachments(result({ mutations: ['no Authorization header'] }))).toEqual([]);
  expect(evidenceAttachments(result({ mutations: [], control: { status: 200 }, attackerRequests: [{ method: 'GET', path: '/jku' }] }))).toEqual([]);
  // A SUT that never answered: the request, no response.
  expect(evidenceAttachments(result({ mutations: [], token, request })).map((a) => a.name)).toEqual(['token.jwt', 'token.decoded.json', 'request.http']);
  // No token (e.g. no Authorization header at all): request and response only.
  expect(evidenceAttachments(result({ mutations: [], request, response })).map((a) => a.name)).toEqual(['request.http', 'response.http']);
});

const caseOf = (profile: keyof typeof CATALOGS, id: string): CaseDef => {
  const def = CATALOGS[profile].find((x) => x.id === id);
  if (!def) throw new Error(`no case ${id} in ${profile}`);
  return def;
};
const values = (labels: Array<{ name: string; value: string }>, name: string) => labels.filter((l) => l.name === name).map((l) => l.value);

test('allure: a MUST bot-framework case: epic, feature, story, case, severity, tier and CWE tags, spec and CWE links, requirements', () => {
  const def = caseOf('bot-framework', 'BF-C2B-SIG-001');
  expect(def.requirement.level).toBe('MUST');
  expect(def.requirement.spec).toBe('bot-framework-authentication');
  const { labels, links, description } = allureLabelsOf(def, 'FAIL');

  expect(values(labels, 'epic')).toEqual(['bot-framework']);
  expect(values(labels, 'feature')).toEqual([`bot-framework-authentication ${def.requirement.section}`]);
  expect(values(labels, 'story')).toEqual(['BF-C2B-SIG']);
  expect(values(labels, 'case')).toEqual(['BF-C2B-SIG-001']);
  expect(values(labels, 'severity')).toEqual(['critical']);
  expect(values(labels, 'tag')).toEqual(['FAIL', 'CWE-347']);
  expect(values(labels, 'requirement')).toEqual(def.requirement.ids);
  expect(def.requirement.ids.length).toBeGreaterThan(0);

  expect(links).toEqual([
    { name: `bot-framework-authentication: ${def.requirement.section}`, url: 'https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication', type: 'link' },
    { name: 'CWE-347', url: 'https://cwe.mitre.org/data/definitions/347.html', type: 'link' },
  ]);
  expect(description).toContain(`Expected: reject. ${def.why}`);
  expect(description).toContain(`Requirement ${def.requirement.ids.join(', ')} (MUST), bot-framework-authentication, ${def.requirement.section}.`);
});

test('allure: a SHOULD case is of normal severity and tagged with its tier and each of its CWEs', () => {
  const def = CATALOGS['bot-framework'].find((x) => x.requirement.level === 'SHOULD' && cweOf(x).length > 0);
  if (!def) throw new Error('no SHOULD case with a CWE in bot-framework');
  const cwe = cweOf(def);
  const { labels, links } = allureLabelsOf(def, 'WARN');
  expect(values(labels, 'severity')).toEqual(['normal']);
  expect(values(labels, 'tag')).toEqual(['WARN', ...cwe]);
  expect(values(labels, 'story')).toEqual([def.id.replace(/-\d+$/, '')]);
  const cweLinks = links.filter((l) => l.url.startsWith('https://cwe.mitre.org/'));
  expect(cweLinks).toEqual(cwe.map((id) => ({ name: id, url: `https://cwe.mitre.org/data/definitions/${id.slice('CWE-'.length)}.html`, type: 'link' })));
  for (const l of cweLinks) expect(l.url).toMatch(/^https:\/\/cwe\.mitre\.org\/data\/definitions\/\d+\.html$/);
});

test('allure: MAY and INFO cases are minor and trivial', () => {
  const info = Object.values(CATALOGS).flat().find((x) => x.requirement.level === 'INFO');
  if (!info) throw new Error('the catalogs hold no INFO case');
  // No catalog case is MAY since LEVELS.md (MAY is INFO); results written before still carry it.
  const may = { ...info, requirement: { ...info.requirement, level: 'MAY' as const } };
  expect(values(allureLabelsOf(may, 'INFO').labels, 'severity')).toEqual(['minor']);
  expect(values(allureLabelsOf(info, 'PASS').labels, 'severity')).toEqual(['trivial']);
  expect(values(allureLabelsOf(info, 'PASS').labels, 'tag')[0]).toBe('PASS');
});

test('allure: actionable-messages: a public-spec case links learn.microsoft.com, a current-practice case the facts page at its topic', () => {
  const aud = caseOf('actionable-messages', 'AM-AUD-001');
  expect(aud.requirement.spec).toBe('actionable-messages-security');
  const a = allureLabelsOf(aud, 'PASS');
  expect(values(a.labels, 'epic')).toEqual(['actionable-messages']);
  expect(values(a.labels, 'story')).toEqual(['AM-AUD']);
  expect(values(a.labels, 'case')).toEqual(['AM-AUD-001']);
  expect(values(a.labels, 'tag')).toEqual(['PASS', 'CWE-345']);
  expect(a.links).toEqual([
    { name: `actionable-messages-security: ${aud.requirement.section}`, url: 'https://learn.microsoft.com/en-us/outlook/actionable-messages/security-requirements', type: 'link' },
    { name: 'CWE-345', url: 'https://cwe.mitre.org/data/definitions/345.html', type: 'link' },
  ]);

  const pos = caseOf('actionable-messages', 'AM-POS-001');
  expect(pos.requirement.spec).toBe('current-practice');
  const p = allureLabelsOf(pos, 'PASS');
  expect(values(p.labels, 'feature')).toEqual([`current-practice ${pos.requirement.section}`]);
  expect(values(p.labels, 'tag')).toEqual(['PASS']);
  expect(values(p.labels, 'requirement')).toEqual(pos.requirement.ids);
  expect(p.links).toEqual([{ name: pos.requirement.section, url: specLinkOf(pos.requirement)!.url, type: 'link' }]);
  expect(pos.requirement.section.startsWith('docs/facts.md > Actionable Messages > ')).toBe(true);
  expect(p.links[0].url).toMatch(/^file:\/\/.*\/docs\/facts\.md#[a-z0-9-]+$/);
});

test('allure over every catalog: the four public specs link learn.microsoft.com, current-practice links docs/facts.md, one requirement label per id', () => {
  const publicSpecs = ['bot-framework-authentication', 'actionable-messages-security', 'ms-sps2sauth-sharepoint-s2s', 'ms-xoauth-oauth2-extensions'];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const def of Object.values(CATALOGS).flat()) {
    const { labels, links } = allureLabelsOf(def, 'PASS');
    const spec = links.filter((l) => !l.url.startsWith('https://cwe.mitre.org/'));
    seen.add(def.requirement.spec);
    if (publicSpecs.includes(def.requirement.spec)) {
      if (spec.length !== 1 || !spec[0].url.startsWith('https://learn.microsoft.com/')) problems.push(`${def.id}: spec links ${JSON.stringify(spec)}`);
    } else if (def.requirement.spec === 'current-practice') {
      if (spec.length !== 1 || !/^file:\/\/.*\/docs\/facts\.md#/.test(spec[0].url)) problems.push(`${def.id}: current-practice spec links ${JSON.stringify(spec)}`);
    } else problems.push(`${def.id}: unknown spec ${def.requirement.spec}`);
    if (JSON.stringify(values(labels, 'requirement')) !== JSON.stringify(def.requirement.ids)) problems.push(`${def.id}: requirement labels`);
    if (links.length !== spec.length + cweOf(def).length) problems.push(`${def.id}: ${links.length} links`);
  }
  expect(problems).toEqual([]);
  expect([...seen].sort()).toEqual([...publicSpecs, 'current-practice'].sort());
});
