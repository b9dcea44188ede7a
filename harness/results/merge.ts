// Joins the slices of a sharded run (--shard i/n) into the one results document the whole run would
// have written: every slice of one run present exactly once, no case twice, summary and gate
// recounted. Anything else (another profile, SUT or gate option, a missing slice) is refused.
import type { Gate } from './gate';
import { sumProxyRecords } from './proxy-record';
import { summarize, type ProxyRecord, type ResultsDoc } from './results-file';

export class MergeError extends Error {}

const same = (docs: ResultsDoc[], what: string, of: (d: ResultsDoc) => unknown) => {
  const values = new Set(docs.map((d) => JSON.stringify(of(d) ?? null)));
  if (values.size > 1) throw new MergeError(`the slices differ in ${what}: ${[...values].join(' vs ')}`);
};

/** `order`: the profile's case ids in catalog order, so the merged file lists cases as one run would. */
export function mergeShards(docs: ResultsDoc[], order: string[] = []): ResultsDoc {
  if (!docs.length) throw new MergeError('nothing to merge');
  const unsharded = docs.findIndex((d) => !d.shard);
  if (unsharded >= 0) throw new MergeError(`input ${unsharded + 1} is not a slice of a sharded run (it was not run with --shard)`);
  same(docs, 'profile', (d) => d.profile);
  same(docs, 'SUT', (d) => d.sut);
  same(docs, 'shard count', (d) => d.shard!.total);
  same(docs, '--strict', (d) => d.gate?.strict ?? false);
  const total = docs[0].shard!.total;
  const seen = docs.map((d) => d.shard!.current);
  const outside = seen.find((s) => s < 1 || s > total);
  if (outside !== undefined) throw new MergeError(`slice ${outside}/${total} is not one of 1..${total}`);
  const twice = seen.filter((s, i) => seen.indexOf(s) !== i);
  if (twice.length) throw new MergeError(`slice ${twice[0]}/${total} is given twice`);
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((s) => !seen.includes(s));
  if (missing.length) throw new MergeError(`slice(s) ${missing.map((s) => `${s}/${total}`).join(', ')} missing`);

  const cases = docs.flatMap((d) => d.cases);
  const ids = cases.map((c) => c.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new MergeError(`case ${dup} is in more than one slice`);
  const rank = new Map(order.map((id, i) => [id, i]));
  cases.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));

  const gates = docs.map((d) => d.gate).filter((g): g is Gate => Boolean(g));
  const errors = docs.map((d) => d.harness.error).filter(Boolean);
  const { shard: _slice, ...first } = docs[0];
  return {
    ...first,
    startedAt: docs.map((d) => d.startedAt).sort()[0],
    finishedAt: docs.map((d) => d.finishedAt).sort().at(-1)!,
    harness: { ...(errors.length ? { error: errors.join('; ') } : {}), egress: docs.flatMap((d) => d.harness.egress), ...mergedProxy(docs) },
    cases,
    summary: summarize(cases),
    // Each case is in one slice, so the gate of the whole is the union of the slices' gates, in
    // catalog order as the whole run lists them (not slice by slice).
    ...(gates.length
      ? {
          gate: {
            strict: gates[0].strict,
            failing: inCatalogOrder(gates.flatMap((g) => g.failing), (id) => id, rank),
            expectedFailures: inCatalogOrder(gates.flatMap((g) => g.expectedFailures), (e) => e.id, rank),
            nowPassing: inCatalogOrder(gates.flatMap((g) => g.nowPassing), (id) => id, rank),
            // Slices of one run share its file; each judged its own cases' entries against its own start day.
            ...(gates.some((g) => g.expired) ? { expired: inCatalogOrder(gates.flatMap((g) => g.expired ?? []), (e) => e.id, rank) } : {}),
          },
        }
      : {}),
  };
}

const inCatalogOrder = <T>(items: T[], idOf: (x: T) => string, rank: Map<string, number>): T[] => [...items].sort((a, b) => (rank.get(idOf(a)) ?? Infinity) - (rank.get(idOf(b)) ?? Infinity));

/** Proxy mode: each slice had its own proxy; the tunnel counts add up (the first slice's address stands for them). */
function mergedProxy(docs: ResultsDoc[]): { proxy?: ProxyRecord } {
  const proxy = sumProxyRecords(docs.map((d) => d.harness.proxy).filter((p): p is ProxyRecord => Boolean(p)));
  return proxy ? { proxy } : {};
}
