// The certification summary next to results.json (summary.md, summary.html): who was tested, the
// verdict, counts by level and tier, every failure with its evidence, and the SHA-256 of the
// results.json it was made from, so a submitted report can be checked against its data.
import type { CaseResult } from '../engine/case-model';
import { TIERS } from './gate';
import type { ResultsDoc } from './results-file';

export type Verdict = 'conformant' | 'conformant with warnings' | 'not conformant' | 'incomplete';

export function verdictOf(doc: ResultsDoc): Verdict {
  if (doc.harness.error || doc.summary.error > 0) return 'incomplete';
  // A MUST failure the expected-failures file does not excuse makes the SUT not conformant.
  const gating = new Set(doc.gate?.failing ?? doc.cases.map((c) => c.id));
  if (doc.cases.some((c) => c.tier === 'FAIL' && gating.has(c.id))) return 'not conformant';
  return (doc.summary.tiers?.WARN ?? 0) > 0 ? 'conformant with warnings' : 'conformant';
}

const LEVELS = ['MUST', 'SHOULD', 'MAY', 'INFO'] as const;
const failures = (doc: ResultsDoc): CaseResult[] => doc.cases.filter((c) => c.outcome === 'fail' || c.outcome === 'error');
const sutName = (doc: ResultsDoc) => doc.sut.name ?? doc.sut.command ?? doc.sut.target ?? '(unnamed)';
const short = (v: unknown, max = 600): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

export function summaryMarkdown(doc: ResultsDoc, sha256: string): string {
  const s = doc.summary;
  const lines = [
    `# s2s-conformance certification summary`,
    '',
    `| | |`,
    `|---|---|`,
    `| SUT | ${sutName(doc)}${doc.sut.version ? ` ${doc.sut.version}` : ''} (as declared) |`,
    `| suite | ${doc.suite.name} ${doc.suite.version} |`,
    `| profile | ${doc.profile} |`,
    `| verdict | **${verdictOf(doc)}** |`,
    `| run | ${doc.startedAt} – ${doc.finishedAt} |`,
    `| results.json SHA-256 | \`${sha256}\` |`,
    '',
    `## Counts`,
    '',
    `| level | pass | fail | inconclusive | error |`,
    `|---|---|---|---|---|`,
    ...LEVELS.map((l) => `| ${l} | ${s.byLevel[l].pass} | ${s.byLevel[l].fail} | ${s.byLevel[l].inconclusive} | ${s.byLevel[l].error} |`),
    '',
    `Tiers: ${TIERS.map((t) => `${t} ${s.tiers?.[t] ?? 0}`).join(', ')}. Robustness: ${s.robustness.fail} refusal(s) answered with a 5xx.`,
    '',
    `## Failures (${failures(doc).length})`,
    '',
  ];
  for (const c of failures(doc)) {
    lines.push(`### ${c.id} [${c.requirement.level}${c.tier ? `, ${c.tier}` : ''}] ${c.title}`, '');
    lines.push(`- requirement: ${c.requirement.ids.join(', ')} (${c.requirement.spec}, ${c.requirement.section})`);
    lines.push(`- expected: ${c.expect}. ${c.why}`);
    lines.push(`- observed: ${c.reason}`);
    if (c.evidence.mutations.length) lines.push(`- token: ${c.evidence.mutations.join('; ')}`);
    if (c.evidence.token) lines.push(`- token header: \`${short(c.evidence.token.header)}\`, payload: \`${short(c.evidence.token.payload)}\``);
    if (c.evidence.request) lines.push(`- request: ${c.evidence.request.method} ${c.evidence.request.url}`);
    if (c.evidence.response) lines.push(`- response: ${c.evidence.response.status} \`${short(c.evidence.response.body, 300)}\``);
    lines.push('');
  }
  return lines.join('\n');
}

const html = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

export function summaryHtml(doc: ResultsDoc, sha256: string): string {
  const s = doc.summary;
  const verdict = verdictOf(doc);
  const rows = LEVELS.map((l) => `<tr data-level="${l}"><th>${l}</th>${(['pass', 'fail', 'inconclusive', 'error'] as const).map((o) => `<td data-outcome="${o}">${s.byLevel[l][o]}</td>`).join('')}</tr>`).join('\n');
  const failed = failures(doc)
    .map((c) => `<section class="failure" data-case="${html(c.id)}"><h3>${html(c.id)} <span class="level">[${c.requirement.level}]</span> ${html(c.title)}</h3>
<dl><dt>requirement</dt><dd>${html(`${c.requirement.ids.join(', ')} (${c.requirement.spec}, ${c.requirement.section})`)}</dd>
<dt>expected</dt><dd>${html(`${c.expect}. ${c.why}`)}</dd><dt>observed</dt><dd>${html(c.reason)}</dd>
<dt>token</dt><dd>${html(c.evidence.mutations.join('; ') || 'the valid token')}</dd>
${c.evidence.token ? `<dt>decoded</dt><dd><pre>${html(short(c.evidence.token.header))}\n${html(short(c.evidence.token.payload))}</pre></dd>` : ''}
${c.evidence.response ? `<dt>response</dt><dd><pre>${html(`${c.evidence.response.status} ${short(c.evidence.response.body, 300)}`)}</pre></dd>` : ''}</dl></section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>s2s-conformance: ${html(sutName(doc))} — ${html(verdict)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}
.verdict{font-size:1.4em;font-weight:bold}.v-conformant{color:#176c2f}.v-warn{color:#8a5a00}.v-fail{color:#a40e26}pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5em}
dt{font-weight:bold}section.failure{border-top:1px solid #ddd;margin-top:1em}</style></head>
<body><h1>s2s-conformance certification summary</h1>
<p class="verdict ${verdict === 'conformant' ? 'v-conformant' : verdict === 'conformant with warnings' ? 'v-warn' : 'v-fail'}" data-verdict="${html(verdict)}">${html(verdict)}</p>
<table class="identity"><tr><th>SUT</th><td data-sut>${html(sutName(doc))}${doc.sut.version ? ` ${html(doc.sut.version)}` : ''} (as declared)</td></tr>
<tr><th>suite</th><td>${html(`${doc.suite.name} ${doc.suite.version}`)}</td></tr><tr><th>profile</th><td data-profile>${html(doc.profile)}</td></tr>
<tr><th>run</th><td>${html(`${doc.startedAt} – ${doc.finishedAt}`)}</td></tr><tr><th>results.json SHA-256</th><td><code data-sha256>${sha256}</code></td></tr></table>
<h2>Counts</h2><table class="counts"><tr><th>level</th><th>pass</th><th>fail</th><th>inconclusive</th><th>error</th></tr>
${rows}</table>
<p data-tiers>${TIERS.map((t) => `<span data-tier="${t}">${t} ${s.tiers?.[t] ?? 0}</span>`).join(', ')}</p>
<h2>Failures (${failures(doc).length})</h2>
${failed || '<p>None.</p>'}
</body></html>
`;
}
