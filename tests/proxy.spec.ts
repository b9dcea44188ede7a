// Proxy mode's proof: the stock botbuilder bot with NO URL settings (public-cloud defaults: it asks
// for login.botframework.com and login.microsoftonline.com by name) runs the whole bot-framework
// matrix through the harness's proxy with the same outcome, case for case, as the configured run
// pinned in tests/expectations/bot-framework-sdk-peers.json. Node 20 honours no proxy variables by
// itself, so the bot is started with global-agent, as the README tells Node 20 users to do.
import { expect, test } from '@playwright/test';
import peers from './expectations/bot-framework-sdk-peers.json';
import { flawEntry } from './helpers/flaw-entry';
import { runCli } from './helpers/run-cli';

test('proxy mode: botbuilder on its public-cloud defaults, through the proxy, has the configured run\'s outcomes', async () => {
  const r = await runCli(['run', '--proxy', '--sut', 'node -r global-agent/bootstrap fixtures/suts/botbuilder-echo/bot-public-cloud.cjs', '--workers', '1', '--only-results', '--sut-name', 'botbuilder']);
  const doc = r.results!;
  expect(doc.cases.find((c) => c.id === 'BF-C2B-POS-001')?.outcome).toBe('pass');
  expect(flawEntry(doc)).toEqual(peers.botbuilder);
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
