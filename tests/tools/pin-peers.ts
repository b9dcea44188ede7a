// Runs every interop peer (tests/helpers/peers.ts), pins the Python and Java peers' outcomes
// (tests/expectations/python-peers.json, java-peers.json; the Node SDK peers keep theirs in
// bot-framework-sdk-peers.json, written the same way) and writes the peer table of docs/peers.md from the runs.
// Review the diff before committing.
//   npx tsx tests/tools/pin-peers.ts              every peer
//   npx tsx tests/tools/pin-peers.ts python-pyjwt  the peers whose id starts so (the others' pins and rows stay)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { peerEntry, type PeerEntry } from '../helpers/flaw-entry';
import { installedVersion, PEER_DOC, peerDocRows, peerDocWithRows, peerRow } from '../helpers/peer-table';
import { PEERS, type Peer } from '../helpers/peers';
import { REPO, runCli } from '../helpers/run-cli';

/** A Python or Java peer's pin: its outcomes, the library (JDK) version they were seen with, the hosts it reached through the proxy. */
export type PeerPin = PeerEntry & { version: string; proxied: string[] };
const PIN_FILES: Record<Peer['language'], string> = {
  Node: path.join(REPO, 'tests', 'expectations', 'bot-framework-sdk-peers.json'),
  Python: path.join(REPO, 'tests', 'expectations', 'python-peers.json'),
  Java: path.join(REPO, 'tests', 'expectations', 'java-peers.json'),
};
const LANGUAGES = Object.keys(PIN_FILES) as Array<Peer['language']>;
const readJson = (file: string): Record<string, PeerPin> => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, PeerPin>;
  } catch {
    return {};
  }
};

async function main(): Promise<void> {
  const only = process.argv[2];
  const chosen = PEERS.filter((p) => !only || p.id.startsWith(only));
  if (!chosen.length) throw new Error(`no peer id starts with ${only}`);
  const pins = Object.fromEntries(LANGUAGES.map((lang) => [lang, readJson(PIN_FILES[lang])])) as Record<Peer['language'], Record<string, PeerPin>>;
  const rows = peerDocRows();
  // Two runs at a time: each is its own harness and SUT, and a busier machine would stretch the timing cases.
  let next = 0;
  const worker = async () => {
    for (let peer = chosen[next++]; peer; peer = chosen[next++]) {
      const version = installedVersion(peer);
      const r = await runCli(['run', ...peer.args, '--only-results']);
      if (!r.results) throw new Error(`${peer.id}: no results (exit ${r.code}): ${r.stderr.slice(-300)}`);
      // The Node pins predate the version field; they keep their shape (interop.spec.ts compares them whole).
      pins[peer.language][peer.id] = peer.language === 'Node' ? (peerEntry(r.results) as PeerPin) : { version, proxied: Object.keys(r.results.harness.proxy?.tunnels ?? {}).sort(), ...peerEntry(r.results) };
      rows.set(peer.id, peerRow(peer, version, r.results));
      console.log(rows.get(peer.id));
    }
  };
  await Promise.all([worker(), worker()]);
  for (const lang of LANGUAGES) {
    const ids = PEERS.filter((p) => p.language === lang).map((p) => p.id).filter((id) => pins[lang][id]);
    writeFileSync(PIN_FILES[lang], `${JSON.stringify(Object.fromEntries(ids.map((id) => [id, pins[lang][id]])), null, 1)}\n`);
  }
  writeFileSync(PEER_DOC, peerDocWithRows(readFileSync(PEER_DOC, 'utf8'), PEERS.map((p) => rows.get(p.id)).filter((r): r is string => Boolean(r))));
  console.log(`pinned ${chosen.length} peer run(s); docs/peers.md peer table written`);
}

main().catch((err) => {
  console.error(`pin-peers: ${(err as Error).message}`);
  process.exit(1);
});
