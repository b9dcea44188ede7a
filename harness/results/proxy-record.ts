// Proxy mode's record in results.json (harness.proxy): the harness proxy's address and how often it
// tunnelled each impersonated destination. A run has a proxy per world (its own, and each shared or
// cold-start world's: harness/run/world-sut.ts), and a sharded run a record per slice: one record
// sums them, under the first one's address (the run's own).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { proxyFileIn } from '../run/run-status';
import type { ProxyRecord } from './results-file';

/** The records summed (tunnels added up by destination), or undefined when there is none. */
export function sumProxyRecords(records: ProxyRecord[]): ProxyRecord | undefined {
  if (!records.length) return undefined;
  const tunnels: Record<string, number> = {};
  for (const r of records) for (const [dest, n] of Object.entries(r.tunnels)) tunnels[dest] = (tunnels[dest] ?? 0) + n;
  return { url: records[0].url, tunnels };
}

/** A run's proxy record: its own proxy's, with the tunnels of its worlds' proxies (`worlds/<id>/`) added. */
export function runProxyRecord(outDir: string): ProxyRecord | undefined {
  const own = proxyFileIn(outDir);
  if (!existsSync(own)) return undefined;
  const worldsDir = path.join(outDir, 'worlds');
  const worlds = existsSync(worldsDir) ? readdirSync(worldsDir).sort().map((w) => proxyFileIn(path.join(worldsDir, w))) : [];
  // The run's own first: its address is the record's.
  const records = [own, ...worlds].filter((f) => existsSync(f)).map((f) => JSON.parse(readFileSync(f, 'utf8')) as ProxyRecord);
  return sumProxyRecords(records);
}
