// Proxy mode's record in results.json (harness/results/proxy-record.ts): the run's proxy and each
// world's, summed by destination under the run's own address (a sharded run's slices alike).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { runProxyRecord, sumProxyRecords } from '../../harness/results/proxy-record';
import { proxyFileIn } from '../../harness/run/run-status';
import { removeFoldersOfPassingTests, tempDirOfTest } from '../helpers/run-cli';

removeFoldersOfPassingTests(test);

const record = (dir: string, url: string, tunnels: Record<string, number>) => {
  mkdirSync(path.dirname(proxyFileIn(dir)), { recursive: true });
  writeFileSync(proxyFileIn(dir), JSON.stringify({ url, tunnels }));
};

test("a run's record adds its worlds' tunnels to its own, under its own proxy's address", () => {
  const out = tempDirOfTest('s2s-proxy-record-');
  record(out, 'http://127.0.0.1:1000', { 'login.botframework.com:443': 2 });
  record(path.join(out, 'worlds', '1-BF-C2B-CSF-014'), 'http://127.0.0.1:2000', { 'login.botframework.com:443': 1, 'login.microsoftonline.com:443': 1 });
  record(path.join(out, 'worlds', 'key-lifecycle'), 'http://127.0.0.1:3000', { 'login.botframework.com:443': 4 });
  mkdirSync(path.join(out, 'worlds', '2-BF-C2B-CSF-010'), { recursive: true }); // a world whose SUT tunnelled nothing: no record
  expect(runProxyRecord(out)).toEqual({ url: 'http://127.0.0.1:1000', tunnels: { 'login.botframework.com:443': 7, 'login.microsoftonline.com:443': 1 } });
});

test('no record without the run\'s own proxy (not proxy mode), and slices sum alike', () => {
  const out = tempDirOfTest('s2s-proxy-record-');
  record(path.join(out, 'worlds', 'key-lifecycle'), 'http://127.0.0.1:3000', { 'login.botframework.com:443': 4 });
  expect(runProxyRecord(out)).toBeUndefined();
  expect(sumProxyRecords([])).toBeUndefined();
  expect(sumProxyRecords([{ url: 'a', tunnels: { x: 1 } }, { url: 'b', tunnels: { x: 2, y: 1 } }])).toEqual({ url: 'a', tunnels: { x: 3, y: 1 } });
});
