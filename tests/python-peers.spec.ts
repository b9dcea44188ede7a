// Interop with validators no one here wrote, in another language: small Python endpoints built the
// way PyJWT, python-jose, jwcrypto and Authlib document token validation (fixtures/suts/python),
// fetching keys from the hard-coded Microsoft URLs through proxy mode. Every outcome is pinned
// (tests/expectations/python-peers.json, written by tests/tools/pin-peers.ts) with the library
// version it was seen with; docs/peers.md's peer table row of each is checked against the run.
import { expect, test } from '@playwright/test';
import pins from './expectations/python-peers.json';
import { peerEntry } from './helpers/flaw-entry';
import { installedVersion, peerRow, peerDocRows, versionReport } from './helpers/peer-table';
import { PYTHON_PEERS } from './helpers/peers';
import { runWarm } from './helpers/warm-cli';
import { removeFoldersOfPassingTests } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

for (const peer of PYTHON_PEERS) {
  test(`${peer.id}: pinned outcome of every case, through the proxy`, async ({}, testInfo) => {
    const pinned = (pins as Record<string, { version: string; proxied: string[] }>)[peer.id];
    expect(pinned, `no pin for ${peer.id} (npx tsx tests/tools/pin-peers.ts ${peer.id})`).toBeTruthy();
    const { version, proxied, ...entry } = pinned;
    // A peer is judged by its outcomes, not by its package's revision label: Debian's next security
    // revision with the same outcomes passes (the version is reported); different outcomes fail below.
    const installed = installedVersion(peer);
    const report = versionReport(peer, installed, version);
    testInfo.annotations.push({ type: 'peer version', description: report });
    if (installed !== version) console.log(`${peer.id}: ${report}`);
    const r = await runWarm(['run', ...peer.args, '--only-results']);
    const doc = r.results!;
    expect(doc.cases.find((c) => c.requirement.level !== 'INFO' && c.expect === 'accept' && c.id.includes('-POS-0'))?.outcome, 'a positive control').toBe('pass');
    expect(peerEntry(doc), `${report}: its outcomes differ from the pin (a finding: review it, then npx tsx tests/tools/pin-peers.ts ${peer.id})`).toEqual(entry);
    // Keys came through the proxy from the hard-coded hosts it names, and nothing else was tried.
    expect(Object.keys(doc.harness.proxy?.tunnels ?? {}).sort()).toEqual(proxied);
    expect(doc.harness.egress).toEqual([]);
    expect(peerDocRows().get(peer.id), 'docs/peers.md peer table (npx tsx tests/tools/pin-peers.ts)').toBe(peerRow(peer, version, doc));
  });
}
