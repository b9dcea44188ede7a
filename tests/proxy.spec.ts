// Proxy mode's proof: the stock botbuilder bot with NO URL settings (public-cloud defaults: it asks
// for login.botframework.com and login.microsoftonline.com by name) runs the whole bot-framework
// matrix through the harness's proxy with the same outcome, case for case (and the same choices on the
// reported INFO cases), as the configured run
// pinned in tests/expectations/bot-framework-sdk-peers.json. Node 20 honours no proxy variables by
// itself, so the bot is started with global-agent, as docs/contract.md tells Node 20 users to do.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import peers from './expectations/bot-framework-sdk-peers.json';
import { peerEntry } from './helpers/flaw-entry';
import { newOutDir, removeFoldersOfPassingTests, runCli, sutLogTail } from './helpers/run-cli';

// A passing test's run folders go; a failing one's stay, for its evidence.
removeFoldersOfPassingTests(test);

test('proxy mode: botbuilder on its public-cloud defaults, through the proxy, has the configured run\'s outcomes', async () => {
  const r = await runCli(['run', '--proxy', '--sut', 'node -r global-agent/bootstrap fixtures/suts/botbuilder-echo/bot-public-cloud.cjs', '--workers', '1', '--only-results', '--sut-name', 'botbuilder']);
  const doc = r.results!;
  const control = doc.cases.find((c) => c.id === 'BF-C2B-POS-001');
  expect(control?.outcome, `${control?.reason}; SUT log: ${sutLogTail(r.out)}`).toBe('pass');
  expect(peerEntry(doc)).toEqual(peers.botbuilder);
  // It really went through the proxy, to the hosts it names by default, and nowhere else.
  expect(Object.keys(doc.harness.proxy?.tunnels ?? {}).sort()).toEqual(['login.botframework.com:443', 'login.microsoftonline.com:443']);
  expect(doc.harness.egress).toEqual([]);
});

test('proxy mode: a Node 20 SUT that ignores the proxy variables is refused by the guard, and each attempt is recorded', async () => {
  const r = await runCli(['run', '--proxy', '--sut', 'node fixtures/suts/botbuilder-echo/bot-public-cloud.cjs', '--workers', '1', '--only-results', '--grep', '^BF-C2B-POS-001 ']);
  const doc = r.results!;
  expect(doc.cases[0].outcome).toBe('fail'); // it could not fetch the keys, so it refused the valid token
  expect(doc.harness.egress.map((e) => (e as { host: string }).host)).toContain('login.botframework.com');
  expect(doc.harness.proxy?.tunnels).toEqual({});
});

test('proxy mode with --target: --write-env names the proxy for a SUT started by hand, and the preload routes nothing', async () => {
  const out = newOutDir('proxy-write-env');
  const envFile = path.join(out, 'sut.env');
  // Nothing listens on the target: the run gives up after the start-up timeout, once the file is written.
  const r = await runCli(['run', '--proxy', '--target', 'http://127.0.0.1:9/api/messages', '--write-env', envFile, '--startup-timeout-ms', '1000'], { out });
  expect(r.code).toBe(3);
  const env = Object.fromEntries(readFileSync(envFile, 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  expect(env.HTTPS_PROXY).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  for (const name of ['HTTP_PROXY', 'https_proxy', 'http_proxy', 'GLOBAL_AGENT_HTTPS_PROXY']) expect(env[name], name).toBe(env.HTTPS_PROXY);
  expect(env.NO_PROXY).toBe('127.0.0.1,localhost');
  expect(env.JAVA_TOOL_OPTIONS).toContain(`-Dhttps.proxyPort=${new URL(env.HTTPS_PROXY).port}`);
  // The JVM's trust store (the JVM ignores SSL_CERT_FILE): the run's test CA as PKCS#12, before the proxy options.
  const javaOptions = JSON.parse(env.JAVA_TOOL_OPTIONS) as string;
  expect(javaOptions).toMatch(/-Djavax\.net\.ssl\.trustStore=("[^"]+"|\S+) -Djavax\.net\.ssl\.trustStoreType=PKCS12 -Djavax\.net\.ssl\.trustStorePassword=changeit -Dhttps\.proxyHost=127\.0\.0\.1 /);
  const store = /-Djavax\.net\.ssl\.trustStore=("[^"]+"|\S+)/.exec(javaOptions)![1].replace(/^"|"$/g, ''); // quoted when the path has a space
  expect(store).toBe(path.join(out, 'test-ca.p12'));
  expect(existsSync(store)).toBe(true);
  expect(env.S2S_ROUTE_HOSTS).toBe('');
});
