// Proxy mode for a JVM SUT, proven by a peer: a bot whose channel-token validation is hand-written
// against the JDK alone (fixtures/suts/java/BotValidator.java). It fetches the keys from the
// hard-coded login.botframework.com URL; the JVM takes the proxy and the test CA's PKCS#12 trust
// store from JAVA_TOOL_OPTIONS (it ignores SSL_CERT_FILE). Its outcomes are pinned
// (tests/expectations/java-peers.json, written by tests/tools/pin-peers.ts) like the Python peers';
// the JDK version is reported, not compared.
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import pins from './expectations/java-peers.json';
import { peerEntry } from './helpers/flaw-entry';
import { javaVersion, peerDocRows, peerRow, versionReport } from './helpers/peer-table';
import { JAVA_PEERS } from './helpers/peers';
import { runWarm } from './helpers/warm-cli';
import { removeFoldersOfPassingTests } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

for (const peer of JAVA_PEERS) {
  test(`${peer.id}: pinned outcome of every case, through the proxy, trusting the test CA by its PKCS#12 trust store`, async ({}, testInfo) => {
    // CI installs default-jdk-headless (.ci/run), so there the peer must run; elsewhere a machine
    // without a JDK skips it, saying so.
    test.skip(!hasJava && !process.env.CI, 'no `java` on PATH (apt-get install default-jdk-headless): the Java peer is not run');
    const pinned = (pins as Record<string, { version: string; proxied: string[] }>)[peer.id];
    expect(pinned, `no pin for ${peer.id} (npx tsx tests/tools/pin-peers.ts ${peer.id})`).toBeTruthy();
    const { version, proxied, ...entry } = pinned;
    const installed = javaVersion();
    const report = versionReport(peer, installed, version);
    testInfo.annotations.push({ type: 'peer version', description: report });
    if (installed !== version) console.log(`${peer.id}: ${report}`);
    const r = await runWarm(['run', ...peer.args, '--only-results']);
    const doc = r.results!;
    // The positive controls pass only if the JVM reached the fake through the proxy and trusted its certificate.
    expect(doc.cases.find((c) => c.id === 'BF-C2B-POS-001')?.outcome, 'the positive control').toBe('pass');
    expect(peerEntry(doc), `${report}: its outcomes differ from the pin (a finding: review it, then npx tsx tests/tools/pin-peers.ts ${peer.id})`).toEqual(entry);
    // The keys came through the proxy from the hard-coded host, and nothing else was tried.
    expect(Object.keys(doc.harness.proxy?.tunnels ?? {}).sort()).toEqual(proxied);
    expect(proxied).toEqual(['login.botframework.com:443']);
    expect(doc.harness.egress).toEqual([]);
    expect(peerDocRows().get(peer.id), 'docs/peers.md peer table (npx tsx tests/tools/pin-peers.ts)').toBe(peerRow(peer, version, doc));
  });
}
