// The proxy of proxy mode on its own: impersonated hosts are tunnelled to the fake, everything else
// is refused with 403 and recorded as egress; the variables a SUT gets name it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parseAuthority, proxyEnv, startConnectProxy } from '../../harness/proxy/connect-proxy';

/** Sends raw bytes to the proxy and collects what comes back until it closes or `until` matches. */
function exchange(port: number, text: string, until?: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(text));
    let got = '';
    s.on('data', (d) => {
      got += d;
      if (until?.test(got)) s.end();
    });
    s.on('close', () => resolve(got));
    s.on('error', reject);
  });
}

test('CONNECT to an impersonated host is tunnelled to the fake; other hosts, ports and plain HTTP are refused and recorded', async () => {
  // A stand-in for the fake: answers whatever arrives through the tunnel with a fixed line.
  const fake = net.createServer((c) => c.on('data', (d) => c.end(`fake got: ${d}`)));
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  const egressLog = path.join(mkdtempSync(path.join(os.tmpdir(), 's2s-proxy-')), 'egress.jsonl');
  writeFileSync(egressLog, '');
  const seen: Array<Record<string, number>> = [];
  const proxy = await startConnectProxy({ impersonatedHosts: ['Login.BotFramework.com'], routeTo: `127.0.0.1:${(fake.address() as net.AddressInfo).port}`, egressLog, onTunnel: (t) => seen.push(t) });
  try {
    const tunnelled = await exchange(proxy.port, 'CONNECT login.botframework.com:443 HTTP/1.1\r\nHost: login.botframework.com:443\r\n\r\nhello', /fake got/);
    expect(tunnelled).toMatch(/^HTTP\/1\.1 200 Connection Established\r\n\r\n/);
    expect(tunnelled).toContain('fake got: hello');
    expect(proxy.tunnels()).toEqual({ 'login.botframework.com:443': 1 });
    expect(seen.at(-1)).toEqual({ 'login.botframework.com:443': 1 });

    expect(await exchange(proxy.port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')).toMatch(/^HTTP\/1\.1 403 /);
    expect(await exchange(proxy.port, 'CONNECT login.botframework.com:8443 HTTP/1.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 403 /);
    const plain = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: proxy.port, path: 'http://example.org/x', headers: { host: 'example.org' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
    });
    expect(plain).toBe(403);
    const egress = readFileSync(egressLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(egress.map((e) => [e.host, e.port, e.via])).toEqual([
      ['example.com', 443, 'proxy (CONNECT)'],
      ['login.botframework.com', 8443, 'proxy (CONNECT)'],
      ['example.org', 80, 'proxy (plain HTTP GET)'],
    ]);
    expect(proxy.tunnels()).toEqual({ 'login.botframework.com:443': 1 });
  } finally {
    await proxy.close();
    fake.close();
  }
});

test('authorities: host:port and [v6]:port parse; anything else does not', () => {
  expect(parseAuthority('Login.Microsoftonline.com.:443')).toEqual({ host: 'login.microsoftonline.com', port: 443 });
  expect(parseAuthority('[::1]:8443')).toEqual({ host: '::1', port: 8443 });
  for (const bad of ['login.botframework.com', 'a:0', 'a:70000', ':443', 'a:b']) expect(parseAuthority(bad), bad).toBeUndefined();
});

test('the SUT variables of proxy mode: both spellings, loopback exempt, Java properties appended to inherited ones', () => {
  const env = proxyEnv('http://127.0.0.1:4321', '-Xmx1g');
  for (const name of ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy', 'GLOBAL_AGENT_HTTP_PROXY', 'GLOBAL_AGENT_HTTPS_PROXY']) expect(env[name], name).toBe('http://127.0.0.1:4321');
  expect(env.NO_PROXY).toBe('127.0.0.1,localhost');
  expect(env.no_proxy).toBe('127.0.0.1,localhost');
  expect(env.NODE_USE_ENV_PROXY).toBe('1');
  expect(env.JAVA_TOOL_OPTIONS).toBe('-Xmx1g -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=4321 -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=4321 -Dhttp.nonProxyHosts=localhost|127.0.0.1');
});
