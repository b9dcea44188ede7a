// The peer table of docs/peers.md (peer × profile × verdict), one row per peer run, made from the run's
// results.json: tests/tools/pin-peers.ts writes it, and each peer's test checks its row against the
// run it just made, so the table cannot drift from the results.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResultsDoc } from '../../harness/results/results-file';
import { verdictOf } from '../../harness/results/summary';
import type { Peer } from './peers';
import { REPO } from './run-cli';

export const PEER_DOC = path.join(REPO, 'docs', 'peers.md');
const BEGIN = '<!-- peer-table:begin (tests/tools/pin-peers.ts writes this table from the peers\' runs) -->';
const END = '<!-- peer-table:end -->';
const HEAD = ['| peer | language | library | profile | verdict | MUST failed | SHOULD failed | inconclusive |', '|---|---|---|---|---|---|---|---|'];

/** The installed version of a peer's library: the Debian package's (its security updates change
 *  behaviour: PyJWT's +deb12u1 refuses unknown crit extensions), or the npm package's. */
export function installedVersion(peer: Peer): string {
  if (peer.language === 'Java') return javaVersion();
  if (peer.language === 'Node') return (JSON.parse(readFileSync(path.join(REPO, 'node_modules', peer.dist, 'package.json'), 'utf8')) as { version: string }).version;
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', peer.dist], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.trim()) throw new Error(`the Debian package ${peer.dist} is not installed (apt-get install ${peer.dist}): ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** The version of the `java` on PATH ("17.0.15"), from `java -version`'s first line. */
export function javaVersion(): string {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8', env: { ...process.env, JAVA_TOOL_OPTIONS: '' } });
  const m = /version "([^"]+)"/.exec(`${r.stderr}${r.stdout}`);
  if (r.status !== 0 || !m) throw new Error(`no java on PATH (apt-get install default-jdk-headless): ${r.error?.message ?? r.stderr.trim()}`);
  return m[1];
}

/** The upstream version without a Debian revision (1.2.0-1+deb12u2 -> 1.2.0): the table names what the
 *  outcomes were seen with, and a new Debian revision with the same outcomes leaves the row as it is. */
export function upstreamVersion(version: string): string {
  return version.replace(/-[^-]*$/, '');
}

/** How a peer's installed version relates to the one its pin was taken under, for the test's report. */
export function versionReport(peer: Peer, installed: string, pinned: string | undefined): string {
  if (!pinned || pinned === installed) return `${peer.library} ${installed}`;
  return `${peer.library} ${installed} (pinned under ${pinned}; judged by its outcomes)`;
}

export function peerRow(peer: Peer, version: string, doc: ResultsDoc): string {
  const s = doc.summary;
  return `| ${peer.id} | ${peer.language} | ${peer.library} ${peer.language === 'Node' ? version : upstreamVersion(version)} | ${peer.profile}${peer.scope ? ` (${peer.scope})` : ''} | ${verdictOf(doc)} | ${s.byLevel.MUST.fail} | ${s.byLevel.SHOULD.fail} | ${s.inconclusive} |`;
}

/** The rows of the table in docs/peers.md now, by peer id. */
export function peerDocRows(text = readFileSync(PEER_DOC, 'utf8')): Map<string, string> {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return new Map();
  return new Map(text.slice(a + BEGIN.length, b).split('\n').filter((l) => l.startsWith('| ') && !HEAD.includes(l)).map((l) => [l.split(' | ')[0].slice(2), l]));
}

/** docs/peers.md with the table replaced by these rows (in the given order). */
export function peerDocWithRows(text: string, rows: string[]): string {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/peers.md has no peer table markers (${BEGIN} … ${END})`);
  return `${text.slice(0, a + BEGIN.length)}\n${[...HEAD, ...rows].join('\n')}\n${text.slice(b)}`;
}
