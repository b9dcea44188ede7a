// The comparison matrix, in the manner of the Autobahn test suite's index page: one self-contained
// HTML page (inline CSS, no scripts, nothing fetched) with a row per case and a column per SUT, so
// several results.json files can be read side by side. A pure function: docs in, HTML out.
import type { CaseResult } from '../engine/case-model';
import { tierCounts, tierOfCase, TIERS, type Tier } from './gate';
import type { ResultsDoc } from './results-file';
import { html, verdictOf } from './summary';

export interface MatrixColumn {
  label: string;
  doc: ResultsDoc;
}

// Same escaping as summary.ts (not exported there): every text from a results file goes through it.

// Code points, not UTF-16 units, so a cut never splits a surrogate pair.
const truncate = (s: string, max = 300): string => {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
};



const VERDICT_CLASS = { conformant: 'v-ok', 'conformant with warnings': 'v-warn', 'not conformant': 'v-fail', incomplete: 'v-inc' } as const;

const LEGEND: Record<Tier, string> = {
  PASS: 'the requirement is met',
  FAIL: 'a MUST requirement failed',
  WARN: 'a SHOULD requirement failed',
  INFO: 'informational: either behaviour is allowed',
  INCONCLUSIVE: 'the positive control failed, or the case was not run',
  ERROR: 'the SUT was gone (died or did not answer)',
};

const CSS = `body{font:14px/1.4 system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}thead th{background:#f3f3f3;text-align:center}
th.case,td.case{text-align:left;white-space:nowrap}td.title{max-width:32em}tr.profile th{background:#e4e8ee;text-align:left}
td.cell{text-align:center;font-weight:bold;white-space:nowrap}.sut,.profile-name{display:block;font-weight:normal;font-size:.9em}
.verdict{display:block;margin-top:.2em}.v-ok{color:#176c2f}.v-warn{color:#8a5a00}.v-fail{color:#a40e26}.v-inc{color:#6b2d8f}
.t-PASS{background:#2e9e4a;color:#fff}.t-FAIL{background:#c62828;color:#fff}.t-WARN{background:#f0a800;color:#000}
.t-INFO{background:#78909c;color:#fff}.t-INCONCLUSIVE{background:#bdbdbd;color:#000}.t-ERROR{background:#7b3fa0;color:#fff}
.t-absent{background:#fff;color:#999}tfoot td{text-align:right}ul.legend{list-style:none;padding:0}
ul.legend li{margin:.2em 0}ul.legend span{display:inline-block;min-width:8em;text-align:center;font-weight:bold;padding:0 .4em}`;

interface Row {
  id: string;
  profile: string;
  /** The case as first seen: its id, level and title label the row. */
  first: CaseResult;
}

/** differing: only the rows whose tier is not the same in every column (the counts below stay whole). */
export function matrixHtml(columns: MatrixColumn[], opts: { title?: string; differing?: boolean } = {}): string {
  if (columns.length === 0) throw new Error('matrixHtml: no columns given; pass at least one results doc');
  const title = opts.title ?? 's2s-conformance matrix';

  // Per column, case id -> result (first occurrence wins, as for the rows).
  const byId = columns.map(({ doc }) => {
    const m = new Map<string, CaseResult>();
    for (const c of doc.cases) if (!m.has(c.id)) m.set(c.id, c);
    return m;
  });

  // Rows: union of ids in first-appearance order; the profile is that of the doc it first appears in.
  const rows = new Map<string, Row>();
  columns.forEach(({ doc }) => {
    for (const c of doc.cases) if (!rows.has(c.id)) rows.set(c.id, { id: c.id, profile: doc.profile, first: c });
  });
  const profiles = [...new Set(columns.map((c) => c.doc.profile))];
  const grouped = profiles.length > 1;
  const width = 3 + columns.length;

  const head = columns
    .map(({ label, doc }, i) => {
      const v = verdictOf(doc);
      const sut = [doc.sut.name, doc.sut.version].filter(Boolean).join(' ');
      return `<th data-col="${i}">${html(label)}${sut ? `<span class="sut">${html(sut)}</span>` : ''}<span class="profile-name">${html(doc.profile)}</span><span class="verdict ${VERDICT_CLASS[v]}" data-verdict="${html(v)}">${html(v)}</span></th>`;
    })
    .join('');

  const cell = (c: CaseResult | undefined): string => {
    if (!c) return '<td class="cell t-absent" data-tier="absent">—</td>';
    const t = tierOfCase(c);
    return `<td class="cell t-${t}" data-tier="${t}" title="${html(truncate(c.reason))}">${t}</td>`;
  };
  const caseRow = (r: Row) =>
    `<tr data-case="${html(r.id)}"><td class="case">${html(r.id)}</td><td>${html(r.first.requirement.level)}</td><td class="title">${html(r.first.title)}</td>${byId.map((m) => cell(m.get(r.id))).join('')}</tr>`;

  // With several profiles, a sub-header row per profile and its cases under it, profiles in first-seen order.
  const sameEverywhere = (r: Row) => new Set(byId.map((m) => { const c = m.get(r.id); return c ? tierOfCase(c) : 'absent'; })).size === 1;
  const all = [...rows.values()].filter((r) => !opts.differing || !sameEverywhere(r));
  const body = grouped
    ? [...new Set(all.map((r) => r.profile))]
        .map((p) => [`<tr class="profile" data-profile="${html(p)}"><th colspan="${width}">${html(p)}</th></tr>`, ...all.filter((r) => r.profile === p).map(caseRow)].join('\n'))
        .join('\n')
    : all.map(caseRow).join('\n');

  // Footer: a row per tier, a count per column; the file's own summary when it has one.
  const counts = columns.map(({ doc }) => tierCounts(doc));
  const foot = TIERS.map(
    (t) => `<tr><th colspan="3" class="case"><span class="t-${t}">${t}</span></th>${counts.map((n, i) => `<td><span data-col="${i}" data-count="${t}">${n[t] ?? 0}</span></td>`).join('')}</tr>`,
  ).join('\n');

  const legend = TIERS.map((t) => `<li data-legend="${t}"><span class="t-${t}">${t}</span> ${html(LEGEND[t])}</li>`).join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${html(title)}</title>
<style>${CSS}</style></head>
<body><h1>${html(title)}</h1>
${opts.differing ? `<p class="note" data-differing>Only the ${all.length} of ${rows.size} cases whose tier differs between the columns; the counts are of all cases.</p>` : ''}
<table class="matrix">
<thead><tr><th class="case">case</th><th>level</th><th class="case">title</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot>
${foot}
</tfoot>
</table>
<h2>Legend</h2>
<ul class="legend">${legend}<li><span class="t-absent">—</span> the case is not in this run</li></ul>
</body></html>
`;
}
