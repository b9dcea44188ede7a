// Interop: the stock botbuilder bot and the stock @microsoft/agents-hosting bot, configured only by
// the contract environment, run the whole bot-framework matrix, and the bot-outbound one (their replies). Every observed outcome is pinned, so a
// change in either SDK or in the suite shows up; the departures are docs/peers.md's findings, and the
// peer table row of each is checked against the run.
// One worker: botbuilder's accepted-issuer list grows with what it has seen, so order matters.
import { expect, test } from '@playwright/test';
import peers from './expectations/bot-framework-sdk-peers.json';
import { peerEntry } from './helpers/flaw-entry';
import { installedVersion, peerRow, peerDocRows, versionReport } from './helpers/peer-table';
import { NODE_PEERS } from './helpers/peers';
import { runWarm } from './helpers/warm-cli';
import { removeFoldersOfPassingTests } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

/** The positive control each profile's peer run must pass. */
const CONTROL: Partial<Record<string, string>> = { 'bot-framework': 'BF-C2B-POS-001', 'bot-outbound': 'BF-B2O-POS-001' };

for (const peer of NODE_PEERS) {
  test(`stock ${peer.id} bot: pinned outcome of every case`, async ({}, testInfo) => {
    const installed = installedVersion(peer);
    testInfo.annotations.push({ type: 'peer version', description: versionReport(peer, installed, undefined) });
    const r = await runWarm(['run', ...peer.args]);
    const doc = r.results!;
    expect(doc.cases.filter((c) => c.id === CONTROL[peer.profile])[0].outcome).toBe('pass');
    // Every outcome as pinned, egress included: the preload refuses and records every connection
    // that is neither loopback nor a faked Microsoft host.
    expect(peerEntry(doc)).toEqual(peers[peer.id as keyof typeof peers]);
    expect(peerDocRows().get(peer.id), 'docs/peers.md peer table (npx tsx tests/tools/pin-peers.ts)').toBe(peerRow(peer, installed, doc));
  });
}
