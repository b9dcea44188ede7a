// The test CA as a PKCS#12 trust store for JVM SUTs: its MAC holds under the documented password,
// the JDK loads the certificate as a trusted entry (Oracle's trustedKeyUsage attribute), and a JVM
// given only JAVA_TOOL_OPTIONS from the contract (no proxy) trusts a fake at https://127.0.0.1:F,
// as a Java SUT on the contract's loopback URLs must. The proxied path is tests/java-peer.spec.ts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import forge from 'node-forge';
import { createTestCa } from '../../harness/ca/test-ca';
import { javaTrustStoreOptions, pkcs12MacKey, pkcs12TrustStore, TRUST_STORE_PASSWORD } from '../../harness/ca/trust-store';
import { prepareKeyPairs } from '../../harness/keys/key-pair-pool';
import { commonSutEnv } from '../../harness/sut/sut-env';

const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
const NO_JAVA = 'no `java`/`keytool` on PATH (apt-get install default-jdk-headless)';

// A directory with a space: JAVA_TOOL_OPTIONS must quote the store's path.
const dir = () => {
  const d = path.join(mkdtempSync(path.join(os.tmpdir(), 's2s-truststore-')), 'out dir');
  mkdirSync(d);
  return d;
};

test.beforeAll(async () => {
  await prepareKeyPairs(4);
});

test('the trust store holds the CA certificate in one certificate bag with trustedKeyUsage, under a MAC keyed by the password', () => {
  const ca = createTestCa();
  const der = pkcs12TrustStore(ca.certPem).toString('binary');
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), true, TRUST_STORE_PASSWORD); // verifies the MAC
  const bags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  expect(bags).toHaveLength(1);
  expect(forge.pki.certificateToPem(bags[0].cert!)).toBe(ca.certPem);
  expect(bags[0].attributes.friendlyName).toEqual(['s2s-conformance test ca']);
  // forge's reader drops attributes it does not know: read the bag's attributes from the ASN.1.
  // PFX → authSafe (data) → ContentInfo → SafeContents → SafeBag [bagId, [0] CertBag, attributes].
  const node = (n: forge.asn1.Asn1, ...path: number[]) => path.reduce((at, i) => (at.value as forge.asn1.Asn1[])[i], n);
  const inner = (octets: forge.asn1.Asn1) => forge.asn1.fromDer(octets.value as string);
  const authSafe = inner(node(forge.asn1.fromDer(der), 1, 1, 0));
  const safeBag = node(inner(node(authSafe, 0, 1, 0)), 0);
  const attributes = (node(safeBag, 2).value as forge.asn1.Asn1[]).map((a) => [forge.asn1.derToOid(node(a, 0).value as string), ...(node(a, 1).value as forge.asn1.Asn1[]).map((v) => (v.type === forge.asn1.Type.OID ? forge.asn1.derToOid(v.value as string) : v.value))]);
  // Oracle's trustedKeyUsage = anyExtendedKeyUsage: what keytool -importcert writes, and what the JDK looks for.
  expect(attributes).toContainEqual(['2.16.840.1.113894.746875.1.1', '2.5.29.37.0']);
  expect(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), true, 'wrong')).toThrow(/MAC could not be verified/);
});

test('the MAC key derivation is RFC 7292 appendix B\'s, as forge computes it', () => {
  for (const [password, salt, iterations] of [['changeit', 'salt-of-twenty-bytes', 10000], ['', 's', 1], ['pässwörd with a longer text than one block of sixty-four bytes', 'x'.repeat(70), 3]] as const) {
    const forgeKey = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 3, iterations, 20).getBytes();
    expect(pkcs12MacKey(password, Buffer.from(salt, 'binary'), iterations).toString('binary'), `${password}/${iterations}`).toBe(forgeKey);
  }
});

test('keytool lists it as a trusted certificate entry', () => {
  test.skip(!hasJava && !process.env.CI, NO_JAVA);
  const file = path.join(dir(), 'test-ca.p12');
  writeFileSync(file, pkcs12TrustStore(createTestCa().certPem));
  const r = spawnSync('keytool', ['-list', '-keystore', file, '-storetype', 'PKCS12', '-storepass', TRUST_STORE_PASSWORD], { encoding: 'utf8', env: { ...process.env, JAVA_TOOL_OPTIONS: '' } });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('Your keystore contains 1 entry');
  expect(r.stdout).toMatch(/s2s-conformance test ca, .*trustedCertEntry/);
});

test('without --proxy, a JVM given the contract\'s JAVA_TOOL_OPTIONS trusts a fake on https://127.0.0.1; without them it does not', async () => {
  test.skip(!hasJava && !process.env.CI, NO_JAVA);
  const out = dir();
  const ca = createTestCa();
  const leaf = ca.issueServerCert(['127.0.0.1', 'localhost']);
  const store = path.join(out, 'test-ca.p12');
  writeFileSync(store, pkcs12TrustStore(ca.certPem));
  const server = https.createServer({ cert: leaf.certPem, key: leaf.keyPem }, (_req, res) => res.end('fake says hello'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const source = path.join(out, 'Get.java');
  writeFileSync(source, `public class Get { public static void main(String[] a) throws Exception {
  var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(a[0])).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  System.out.println(r.statusCode() + " " + r.body()); } }\n`);
  // The variable as the contract builds it, without --proxy: the trust store after the user's own options.
  const env = commonSutEnv({ port: 1, caPemPath: path.join(out, 'test-ca.pem'), caTrustStorePath: store, routedHosts: [], routeTo: '127.0.0.1:1', egressLog: path.join(out, 'egress'), clockFile: path.join(out, 'clock') });
  expect(env.JAVA_TOOL_OPTIONS).toContain(javaTrustStoreOptions(store));
  expect(env.JAVA_TOOL_OPTIONS).not.toContain('proxyHost');
  const java = (javaToolOptions: string) =>
    new Promise<{ code: number | null; text: string }>((resolve) => {
      // Async: the fake answers on this process's event loop while the JVM waits.
      const child = spawn('java', [source, url], { env: { ...process.env, JAVA_TOOL_OPTIONS: javaToolOptions } });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d));
      child.stderr.on('data', (d: Buffer) => (text += d));
      child.on('close', (code: number | null) => resolve({ code, text }));
    });
  try {
    const trusted = await java(env.JAVA_TOOL_OPTIONS);
    expect(trusted.text).toContain('200 fake says hello');
    expect(trusted.code).toBe(0);
    const untrusted = await java('');
    expect(untrusted.code).not.toBe(0);
    expect(untrusted.text).toMatch(/PKIX path building failed|unable to find valid certification path/);
  } finally {
    server.close();
  }
});
