// The certification summary: a verdict per profile and overall, and summary.md / summary.html listing
// each profile with the SHA-256 of its results.json and every failure with its evidence and CWEs.
import { expect, test } from '@playwright/test';
import type { CaseResult, Level } from '../../harness/engine/case-model';
import { gateOf, tierOf, type GateOptions } from '../../harness/results/gate';
import { summarize, type ResultsDoc } from '../../harness/results/results-file';
import { html, overallVerdict, summaryHtml, summaryMarkdown, verdictOf, type SummaryRun } from '../../harness/results/summary';

const c = (id: string, level: Level, outcome: CaseResult['outcome'], more: Partial<CaseResult> = {}): CaseResult => ({
  id, profile: 'p', title: `title of ${id}`, requirement: { ids: ['R-1'], spec: 's', section: '1', level }, expect: 'reject', why: 'because', observed: {}, outcome, reason: `reason of ${id}`, evidence: { mutations: [] }, ...more,
});
/** A results.json as a run writes it: cases with their tier, summary, gate (unless `gate: false`). */
const doc = (cases: CaseResult[], o: { profile?: string; gate?: GateOptions | false; error?: string; sut?: ResultsDoc['sut']; startedAt?: string; finishedAt?: string } = {}): ResultsDoc => ({
  schemaVersion: 1,
  suite: { name: 's2s-conformance', version: '1.2.3' },
  profile: o.profile ?? 'p',
  sut: o.sut ?? { command: 'node sut.js', endpoint: '/api/messages', name: 'Contoso Bot', version: '4.1' },
  startedAt: o.startedAt ?? '2026-01-01T10:00:00.000Z',
  finishedAt: o.finishedAt ?? '2026-01-01T10:05:00.000Z',
  harness: { ...(o.error ? { error: o.error } : {}), egress: [] },
  cases: cases.map((x) => ({ ...x, tier: tierOf(x) })),
  summary: summarize(cases),
  ...(o.gate === false ? {} : { gate: gateOf(cases, o.gate ?? {}) }),
});
const run = (d: ResultsDoc, sha256 = 'f'.repeat(64)): SummaryRun => ({ doc: d, sha256 });

test('verdicts: conformant, with warnings for a SHOULD failure, not conformant for a MUST failure', () => {
  expect(verdictOf(doc([c('A-1', 'MUST', 'pass'), c('A-2', 'SHOULD', 'pass'), c('A-3', 'INFO', 'fail')]))).toBe('conformant');
  expect(verdictOf(doc([c('A-1', 'MUST', 'pass'), c('A-2', 'SHOULD', 'fail')]))).toBe('conformant with warnings');
  expect(verdictOf(doc([c('A-1', 'MUST', 'fail'), c('A-2', 'SHOULD', 'fail')]))).toBe('not conformant');
  // An inconclusive case (its control failed) does not decide the verdict either way.
  expect(verdictOf(doc([c('A-1', 'MUST', 'pass'), c('A-2', 'MUST', 'inconclusive')]))).toBe('conformant');
});

test('a MUST failure the expected-failures file lists passes the gate but still makes the verdict "not conformant"', () => {
  const cases = [c('A-1', 'MUST', 'fail'), c('A-2', 'MUST', 'pass')];
  const d = doc(cases, { gate: { expectFailures: { 'A-1': 'known departure' } } });
  expect(d.gate?.failing).toEqual([]);
  expect(d.gate?.expectedFailures).toEqual([{ id: 'A-1', reason: 'known departure' }]);
  expect(verdictOf(d)).toBe('not conformant');
  // The summary says why it was listed.
  expect(summaryMarkdown([{ doc: d, sha256: 'x' }])).toContain('- listed as a known departure (--expect-failures): known departure');
  expect(summaryHtml([{ doc: d, sha256: 'x' }])).toContain('<dd data-known-departure>known departure</dd>');
});

test('the summary quotes the owner and last day of an entry, and says when it has expired', () => {
  const cases = [c('A-1', 'MUST', 'fail'), c('A-2', 'MUST', 'fail')];
  const d = doc(cases, { gate: { today: '2026-12-07', expectFailures: { 'A-1': { reason: 'library bug', owner: 'bots-team', until: '2027-01-31' }, 'A-2': { reason: 'old bug', owner: 'auth', until: '2026-12-06' } } } });
  expect(d.gate?.failing).toEqual(['A-2']);
  const md = summaryMarkdown([{ doc: d, sha256: 'x' }]);
  expect(md).toContain('- listed as a known departure (--expect-failures): library bug (owner: bots-team, until 2027-01-31)');
  expect(md).toContain('- listed as a known departure (--expect-failures): old bug (owner: auth, expired after 2026-12-06: no longer excused)');
});

test('incomplete: a harness error or a case in error; a MUST failure beside them still decides', () => {
  expect(verdictOf(doc([c('A-1', 'MUST', 'pass')], { error: 'the SUT would not start' }))).toBe('incomplete');
  expect(verdictOf(doc([c('A-1', 'MUST', 'pass'), c('A-2', 'MUST', 'error')]))).toBe('incomplete');
  expect(verdictOf(doc([c('A-1', 'MUST', 'fail'), c('A-2', 'SHOULD', 'error')]))).toBe('not conformant');
});

test('files written before tiers and gates existed are judged the same', () => {
  const old = (cases: CaseResult[]): ResultsDoc => {
    const d = doc(cases, { gate: false });
    for (const x of d.cases) delete x.tier;
    delete d.summary.tiers;
    return d;
  };
  const pass = old([c('A-1', 'MUST', 'pass'), c('A-2', 'INFO', 'pass')]);
  expect(pass.cases.every((x) => !('tier' in x))).toBe(true);
  expect(verdictOf(pass)).toBe('conformant');
  expect(verdictOf(old([c('A-1', 'MUST', 'pass'), c('A-2', 'SHOULD', 'fail')]))).toBe('conformant with warnings');
  // Without a gate every MUST failure counts.
  expect(verdictOf(old([c('A-1', 'MUST', 'fail'), c('A-2', 'SHOULD', 'pass')]))).toBe('not conformant');
  expect(verdictOf(old([c('A-1', 'MUST', 'fail'), c('A-2', 'MUST', 'error')]))).toBe('not conformant');
  expect(verdictOf(old([c('A-1', 'MUST', 'pass'), c('A-2', 'MUST', 'error')]))).toBe('incomplete');
});

test('overall: not conformant > incomplete > conformant with warnings > conformant, in any order', () => {
  const ok = run(doc([c('A-1', 'MUST', 'pass')]));
  const warn = run(doc([c('A-1', 'SHOULD', 'fail')]));
  const incomplete = run(doc([c('A-1', 'MUST', 'pass')], { error: 'died' }));
  const fail = run(doc([c('A-1', 'MUST', 'fail')]));
  expect(overallVerdict([ok])).toBe('conformant');
  expect(overallVerdict([ok, ok])).toBe('conformant');
  expect(overallVerdict([ok, warn])).toBe('conformant with warnings');
  expect(overallVerdict([warn, ok])).toBe('conformant with warnings');
  expect(overallVerdict([warn, incomplete, ok])).toBe('incomplete');
  expect(overallVerdict([fail, incomplete])).toBe('not conformant');
  expect(overallVerdict([incomplete, warn, fail, ok])).toBe('not conformant');
});

/** Two profiles: bot-framework passes its MUSTs but fails a SHOULD; xoauth fails a MUST. */
const twoProfiles = (): SummaryRun[] => {
  const bf = doc(
    [
      c('BF-C2B-SIG-001', 'MUST', 'pass', { profile: 'bot-framework', cwe: ['CWE-347'] }),
      c('BF-C2B-FMT-010', 'SHOULD', 'fail', {
        profile: 'bot-framework', title: 'payload as padded base64', cwe: ['CWE-20'], reason: 'accepted (200)',
        requirement: { ids: ['BF-C2B-06'], spec: 'bot-framework-authentication', section: 'Step 3, requirement 2', level: 'SHOULD' },
        evidence: {
          mutations: ['payload re-encoded as padded base64'],
          token: { raw: 'h.p.s', header: { alg: 'RS256' }, payload: { iss: 'https://api.botframework.com' } },
          request: { method: 'POST', url: 'http://127.0.0.1:3978/api/messages', headers: {} },
          response: { status: 200, headers: {}, body: 'ok', ms: 3 },
        },
      }),
    ],
    { profile: 'bot-framework', startedAt: '2026-01-01T09:00:00.000Z', finishedAt: '2026-01-01T09:10:00.000Z' },
  );
  const xo = doc(
    [
      c('XOAUTH-SIG-001', 'MUST', 'fail', { profile: 'xoauth', title: 'signature emptied', cwe: ['CWE-347'], reason: 'accepted (200) a token without signature' }),
      c('XOAUTH-AUD-002', 'MUST', 'pass', { profile: 'xoauth', cwe: ['CWE-345'] }),
      c('XOAUTH-POS-001', 'MUST', 'pass', { profile: 'xoauth', expect: 'accept' }),
    ],
    { profile: 'xoauth', startedAt: '2026-01-01T09:20:00.000Z', finishedAt: '2026-01-01T09:30:00.000Z' },
  );
  return [run(bf, 'a'.repeat(64)), run(xo, 'b'.repeat(64))];
};

test('markdown: one row per profile with its verdict and SHA-256, the overall verdict, every failure with its CWE', () => {
  const md = summaryMarkdown(twoProfiles());
  const lines = md.split('\n');
  expect(lines[0]).toBe('# s2s-conformance certification summary');
  expect(lines).toContain('| SUT | Contoso Bot 4.1 (as declared) |');
  expect(lines).toContain('| suite | s2s-conformance 1.2.3 |');
  expect(lines).toContain('| profiles | bot-framework, xoauth |');
  expect(lines).toContain('| verdict | **not conformant** |');
  expect(lines).toContain('| run | 2026-01-01T09:00:00.000Z – 2026-01-01T09:30:00.000Z |');
  expect(lines).toContain(`| bot-framework | conformant with warnings | 2 | 0 | 1 | \`${'a'.repeat(64)}\` |`);
  expect(lines).toContain(`| xoauth | not conformant | 3 | 1 | 0 | \`${'b'.repeat(64)}\` |`);
  expect(lines.filter((l) => /^\| (bot-framework|xoauth) \| /.test(l))).toHaveLength(2);

  expect(lines).toContain('## bot-framework: counts');
  expect(lines).toContain('| level | pass | fail | inconclusive | error |');
  expect(lines).toContain('| SHOULD | 0 | 1 | 0 | 0 |');
  expect(lines).toContain('Tiers: PASS 1, FAIL 0, WARN 1, INFO 0, INCONCLUSIVE 0, ERROR 0. Robustness: 0 refusal(s) answered with a 5xx or not at all (connection dropped).');
  expect(lines).toContain('Tiers: PASS 2, FAIL 1, WARN 0, INFO 0, INCONCLUSIVE 0, ERROR 0. Robustness: 0 refusal(s) answered with a 5xx or not at all (connection dropped).');

  expect(lines).toContain('## bot-framework: failures (1)');
  expect(lines).toContain('### BF-C2B-FMT-010 [SHOULD, WARN] payload as padded base64');
  expect(lines).toContain('- requirement: BF-C2B-06 (bot-framework-authentication, Step 3, requirement 2)');
  expect(lines).toContain('- expected: reject. because');
  expect(lines).toContain('- observed: accepted (200)');
  expect(lines).toContain('- weakness: CWE-20');
  expect(lines).toContain('- token: payload re-encoded as padded base64');
  expect(lines).toContain('- token header: `{"alg":"RS256"}`, payload: `{"iss":"https://api.botframework.com"}`');
  expect(lines).toContain('- request: POST http://127.0.0.1:3978/api/messages');
  expect(lines).toContain('- response: 200 `ok`');

  expect(lines).toContain('## xoauth: failures (1)');
  expect(lines).toContain('### XOAUTH-SIG-001 [MUST, FAIL] signature emptied');
  expect(lines).toContain('- observed: accepted (200) a token without signature');
  expect(lines).toContain('- weakness: CWE-347');
  // Passing cases are not listed as failures.
  expect(md).not.toContain('### BF-C2B-SIG-001');
  expect(md).not.toContain('### XOAUTH-AUD-002');
  expect(lines.filter((l) => l.startsWith('- weakness: '))).toEqual(['- weakness: CWE-20', '- weakness: CWE-347']);
});

test('HTML: one tr per profile with data-verdict and the SHA-256, the overall verdict, every failure with its CWE', () => {
  const h = summaryHtml(twoProfiles());
  expect(h.startsWith('<!doctype html>')).toBe(true);
  const row = (profile: string) => h.match(new RegExp(`<tr data-profile="${profile}">.*?</tr>`))?.[0] ?? '';
  expect(h.match(/<tr data-profile="/g)).toHaveLength(2);
  expect(row('bot-framework')).toContain('<td class="v-warn" data-verdict="conformant with warnings">conformant with warnings</td>');
  expect(row('bot-framework')).toContain('<td data-total>2</td><td data-must-fail>0</td><td data-should-fail>1</td>');
  expect(row('bot-framework')).toContain(`<code data-sha256>${'a'.repeat(64)}</code>`);
  expect(row('xoauth')).toContain('<td class="v-fail" data-verdict="not conformant">not conformant</td>');
  expect(row('xoauth')).toContain('<td data-total>3</td><td data-must-fail>1</td><td data-should-fail>0</td>');
  expect(row('xoauth')).toContain(`<code data-sha256>${'b'.repeat(64)}</code>`);

  expect(h).toContain('<p class="verdict v-fail" data-verdict="not conformant">not conformant</p>');
  expect(h).toContain('<title>s2s-conformance: Contoso Bot 4.1 — not conformant</title>');
  expect(h).toContain('<td data-sut>Contoso Bot 4.1 (as declared)</td>');
  expect(h).toContain('<td data-profiles>bot-framework, xoauth</td>');

  expect(h).toContain('<section class="profile" data-profile="bot-framework">');
  expect(h).toContain('<section class="profile" data-profile="xoauth">');
  expect(h).toContain('<tr data-level="MUST"><th>MUST</th><td data-outcome="pass">2</td><td data-outcome="fail">1</td><td data-outcome="inconclusive">0</td><td data-outcome="error">0</td></tr>');
  expect(h).toContain('<span data-tier="WARN">WARN 1</span>');
  expect(h).toContain('<h2>bot-framework: failures (1)</h2>');
  expect(h).toContain('<h2>xoauth: failures (1)</h2>');
  const failures = [...h.matchAll(/<section class="failure" data-case="([^"]+)">([\s\S]*?)<\/section>/g)];
  expect(failures.map((m) => m[1])).toEqual(['BF-C2B-FMT-010', 'XOAUTH-SIG-001']);
  expect(failures[0][2]).toContain('<dt>weakness</dt><dd>CWE-20</dd>');
  expect(failures[0][2]).toContain('<dt>response</dt><dd><pre>200 ok</pre></dd>');
  expect(failures[1][2]).toContain('<h3>XOAUTH-SIG-001 <span class="level">[MUST]</span> signature emptied</h3>');
  expect(failures[1][2]).toContain('<dt>weakness</dt><dd>CWE-347</dd>');
  expect(failures[1][2]).toContain('<dt>token</dt><dd>the valid token</dd>');
});

test('a profile without failures says so; a one-profile summary gives that profile\'s verdict overall', () => {
  const runs = [run(doc([c('A-1', 'MUST', 'pass')], { profile: 'sharepoint-s2s' }))];
  const h = summaryHtml(runs);
  expect(h).toContain('<h2>sharepoint-s2s: failures (0)</h2>\n<p>None.</p>');
  expect(h).toContain('<p class="verdict v-conformant" data-verdict="conformant">conformant</p>');
  expect(summaryMarkdown(runs).split('\n')).toContain('| verdict | **conformant** |');
});

test('HTML escapes a <script> in a case title and in the SUT name', () => {
  const d = doc([c('A-1', 'MUST', 'fail', { title: '<script>alert("t")</script>', reason: 'a & b' })], {
    sut: { endpoint: '/', name: '<script>alert(1)</script>', version: '1 & 2' },
  });
  const h = summaryHtml([run(d)]);
  expect(h).not.toContain('<script');
  expect(h).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;');
  expect(h).toContain('<td data-sut>&lt;script&gt;alert(1)&lt;/script&gt; 1 &amp; 2 (as declared)</td>');
  expect(h).toContain('<dt>observed</dt><dd>a &amp; b</dd>');
});

test('html() escapes the five characters HTML gives meaning to, and nothing else', () => {
  expect(html(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  expect(html('&amp;')).toBe('&amp;amp;');
  expect(html('plain text — ünïcode')).toBe('plain text — ünïcode');
});
