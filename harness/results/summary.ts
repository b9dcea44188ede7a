// The certification summary (summary.md, summary.html; `report` prints summary.pdf from the HTML):
// who was tested, a verdict per profile and overall, counts by level and tier, every failure with
// its evidence, and the SHA-256 of each results.json it was made from, so a submitted report can be
// checked against its data. One run makes a one-profile summary; `report DIR...` one across profiles.
import type { CaseResult } from '../engine/case-model';
import { tierCounts, tierOfCase, TIERS } from './gate';
import type { ResultsDoc } from './results-file';
import { PROFILE_INFO, type ProfileName } from '../../profiles/registry';

/** What a case's evidence.mutations describe: the token sent, for a client-role profile the scenario the SUT ran in,
 *  for bot-outbound (the bot's replies) the activity the harness sent. */
const variedLabel = (c: CaseResult) => (PROFILE_INFO[c.profile as ProfileName]?.role === 'client' ? 'scenario' : c.profile === 'bot-outbound' ? 'activity' : 'token');

export type Verdict = 'conformant' | 'conformant with warnings' | 'not conformant' | 'incomplete';
/** One profile's results and the SHA-256 of the results.json text they were read from. */
export interface SummaryRun {
  doc: ResultsDoc;
  sha256: string;
}

export function verdictOf(doc: ResultsDoc): Verdict {
  // Tiers are worked out here rather than read: files written before tiers existed have none.
  const tiers = doc.cases.map(tierOfCase);
  // A failed MUST decides, even beside errors. The expected-failures file excuses a failure from the
  // CI gate, not from the verdict: a reviewer reads the summary, and a listed departure is still one.
  if (tiers.includes('FAIL')) return 'not conformant';
  if (doc.harness.error || doc.summary.error > 0) return 'incomplete';
  return tiers.includes('WARN') ? 'conformant with warnings' : 'conformant';
}

/** Across profiles the worst verdict stands; a definite failure outranks an incomplete run. */
const RANK: Verdict[] = ['conformant', 'conformant with warnings', 'incomplete', 'not conformant'];
export const overallVerdict = (runs: SummaryRun[]): Verdict => RANK[Math.max(...runs.map((r) => RANK.indexOf(verdictOf(r.doc))))];

const LEVELS = ['MUST', 'SHOULD', 'MAY', 'INFO'] as const;
const OUTCOMES = ['pass', 'fail', 'inconclusive', 'error'] as const;
const failures = (doc: ResultsDoc): CaseResult[] => doc.cases.filter((c) => c.outcome === 'fail' || c.outcome === 'error');
const sutOf = (doc: ResultsDoc) => `${doc.sut.name ?? doc.sut.command ?? doc.sut.target ?? '(unnamed)'}${doc.sut.version ? ` ${doc.sut.version}` : ''}`;
const sutsOf = (runs: SummaryRun[]) => [...new Set(runs.map((r) => sutOf(r.doc)))].join('; ');
const period = (runs: SummaryRun[]) => `${runs.map((r) => r.doc.startedAt).sort()[0]} – ${runs.map((r) => r.doc.finishedAt).sort().at(-1)}`;
const tierLine = (doc: ResultsDoc) => {
  const n = tierCounts(doc);
  return TIERS.map((t) => `${t} ${n[t]}`).join(', ');
};
/** The reason a failure is listed in the expected-failures file, if it is. */
const knownDeparture = (doc: ResultsDoc, id: string): string | undefined => {
  const listed = doc.gate?.expectedFailures.find((e) => e.id === id);
  if (listed) return `${listed.reason}${listed.owner || listed.until ? ` (${[listed.owner && `owner: ${listed.owner}`, listed.until && `until ${listed.until}`].filter(Boolean).join(', ')})` : ''}`;
  // An expired entry excuses nothing any more; the reader still sees that it was listed, and by whom.
  const expired = doc.gate?.expired?.find((e) => e.id === id);
  return expired && `${expired.reason} (${expired.owner ? `owner: ${expired.owner}, ` : ''}expired after ${expired.until}: no longer excused)`;
};
const short = (v: unknown, max = 600): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

export function summaryMarkdown(runs: SummaryRun[]): string {
  const first = runs[0].doc;
  const lines = [
    `# s2s-conformance certification summary`,
    '',
    `| | |`,
    `|---|---|`,
    `| SUT | ${sutsOf(runs)} (as declared) |`,
    `| suite | ${first.suite.name} ${first.suite.version} |`,
    `| profiles | ${runs.map((r) => r.doc.profile).join(', ')} |`,
    `| verdict | **${overallVerdict(runs)}** |`,
    `| run | ${period(runs)} |`,
    '',
    `## Verdict per profile`,
    '',
    `| profile | verdict | cases | MUST failed | SHOULD failed | results.json SHA-256 |`,
    `|---|---|---|---|---|---|`,
    ...runs.map(({ doc, sha256 }) => `| ${doc.profile} | ${verdictOf(doc)} | ${doc.summary.total} | ${doc.summary.byLevel.MUST.fail} | ${doc.summary.byLevel.SHOULD.fail} | \`${sha256}\` |`),
  ];
  for (const { doc } of runs) {
    const s = doc.summary;
    lines.push('', `## ${doc.profile}: counts`, '', `| level | ${OUTCOMES.join(' | ')} |`, `|---|---|---|---|---|`);
    lines.push(...LEVELS.map((l) => `| ${l} | ${OUTCOMES.map((o) => s.byLevel[l][o]).join(' | ')} |`));
    lines.push('', `Tiers: ${tierLine(doc)}. Robustness: ${s.robustness.fail} refusal(s) answered with a 5xx or not at all (connection dropped).`, '');
    lines.push(`## ${doc.profile}: failures (${failures(doc).length})`, '');
    for (const c of failures(doc)) {
      lines.push(`### ${c.id} [${c.requirement.level}${c.tier ? `, ${c.tier}` : ''}] ${c.title}`, '');
      lines.push(`- requirement: ${c.requirement.ids.join(', ')} (${c.requirement.spec}, ${c.requirement.section})`);
      lines.push(`- expected: ${c.expect}. ${c.why}`);
      lines.push(`- observed: ${c.reason}`);
      const known = knownDeparture(doc, c.id);
      if (known) lines.push(`- listed as a known departure (--expect-failures): ${known}`);
      if (c.cwe?.length) lines.push(`- weakness: ${c.cwe.join(', ')}`);
      if (c.evidence.mutations.length) lines.push(`- ${variedLabel(c)}: ${c.evidence.mutations.join('; ')}`);
      if (c.evidence.token) lines.push(`- token header: \`${short(c.evidence.token.header)}\`, payload: \`${short(c.evidence.token.payload)}\``);
      if (c.evidence.request) lines.push(`- request: ${c.evidence.request.method} ${c.evidence.request.url}`);
      if (c.evidence.response) lines.push(`- response: ${c.evidence.response.status} \`${short(c.evidence.response.body, 300)}\``);
      lines.push('');
    }
  }
  return lines.join('\n');
}

export const html = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);
const verdictClass = (v: Verdict) => (v === 'conformant' ? 'v-conformant' : v === 'conformant with warnings' ? 'v-warn' : 'v-fail');

function failureHtml(c: CaseResult, knownDeparture?: string): string {
  return `<section class="failure" data-case="${html(c.id)}"><h3>${html(c.id)} <span class="level">[${c.requirement.level}]</span> ${html(c.title)}</h3>
<dl><dt>requirement</dt><dd>${html(`${c.requirement.ids.join(', ')} (${c.requirement.spec}, ${c.requirement.section})`)}</dd>
<dt>expected</dt><dd>${html(`${c.expect}. ${c.why}`)}</dd><dt>observed</dt><dd>${html(c.reason)}</dd>
${knownDeparture ? `<dt>known departure</dt><dd data-known-departure>${html(knownDeparture)}</dd>` : ''}
${c.cwe?.length ? `<dt>weakness</dt><dd>${html(c.cwe.join(', '))}</dd>` : ''}
<dt>${variedLabel(c)}</dt><dd>${html(c.evidence.mutations.join('; ') || 'the valid token')}</dd>
${c.evidence.token ? `<dt>decoded</dt><dd><pre>${html(short(c.evidence.token.header))}\n${html(short(c.evidence.token.payload))}</pre></dd>` : ''}
${c.evidence.response ? `<dt>response</dt><dd><pre>${html(`${c.evidence.response.status} ${short(c.evidence.response.body, 300)}`)}</pre></dd>` : ''}</dl></section>`;
}

function tierSpans(doc: ResultsDoc): string {
  const n = tierCounts(doc);
  return TIERS.map((t) => `<span data-tier="${t}">${t} ${n[t]}</span>`).join(', ');
}

function profileHtml({ doc }: SummaryRun): string {
  const s = doc.summary;
  const rows = LEVELS.map((l) => `<tr data-level="${l}"><th>${l}</th>${OUTCOMES.map((o) => `<td data-outcome="${o}">${s.byLevel[l][o]}</td>`).join('')}</tr>`).join('\n');
  return `<section class="profile" data-profile="${html(doc.profile)}"><h2>${html(doc.profile)}: counts</h2>
<table class="counts"><tr><th>level</th>${OUTCOMES.map((o) => `<th>${o}</th>`).join('')}</tr>
${rows}</table>
<p data-tiers>${tierSpans(doc)}</p>
<h2>${html(doc.profile)}: failures (${failures(doc).length})</h2>
${failures(doc).map((c) => failureHtml(c, knownDeparture(doc, c.id))).join('\n') || '<p>None.</p>'}</section>`;
}

export function summaryHtml(runs: SummaryRun[]): string {
  const first = runs[0].doc;
  const verdict = overallVerdict(runs);
  const perProfile = runs
    .map(({ doc, sha256 }) => {
      const v = verdictOf(doc);
      return `<tr data-profile="${html(doc.profile)}"><th>${html(doc.profile)}</th><td class="${verdictClass(v)}" data-verdict="${html(v)}">${html(v)}</td><td data-total>${doc.summary.total}</td><td data-must-fail>${doc.summary.byLevel.MUST.fail}</td><td data-should-fail>${doc.summary.byLevel.SHOULD.fail}</td><td><code data-sha256>${sha256}</code></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>s2s-conformance: ${html(sutsOf(runs))} — ${html(verdict)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}
.verdict{font-size:1.4em;font-weight:bold}.v-conformant{color:#176c2f}.v-warn{color:#8a5a00}.v-fail{color:#a40e26}pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5em}
code{word-break:break-all}dt{font-weight:bold}section.failure{border-top:1px solid #ddd;margin-top:1em}@media print{section.failure{break-inside:avoid}}</style></head>
<body><h1>s2s-conformance certification summary</h1>
<p class="verdict ${verdictClass(verdict)}" data-verdict="${html(verdict)}">${html(verdict)}</p>
<table class="identity"><tr><th>SUT</th><td data-sut>${html(sutsOf(runs))} (as declared)</td></tr>
<tr><th>suite</th><td>${html(`${first.suite.name} ${first.suite.version}`)}</td></tr><tr><th>profiles</th><td data-profiles>${html(runs.map((r) => r.doc.profile).join(', '))}</td></tr>
<tr><th>run</th><td>${html(period(runs))}</td></tr></table>
<h2>Verdict per profile</h2>
<table class="profiles"><tr><th>profile</th><th>verdict</th><th>cases</th><th>MUST failed</th><th>SHOULD failed</th><th>results.json SHA-256</th></tr>
${perProfile}</table>
${runs.map(profileHtml).join('\n')}
</body></html>
`;
}
