// The fake STS's AAD v1 side, which ADAL-era SDKs (botbuilder up to 4.16, through adal-node) use: the
// v1 token endpoint (resource=, the v1 response shape, only the run's secret) next to the v2.0 one,
// each request noting its endpoint; and, in the bot-framework world, login.windows.net answered under
// its own name (the front's certificate carries it; adal-node's instance discovery there is the key
// server's) and tunnelled by the proxy of proxy mode.
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { expect, test } from '@playwright/test';
import { createTestCa } from '../../harness/ca/test-ca';
import { startConnectProxy } from '../../harness/proxy/connect-proxy';
import { listen, type RunningServer } from '../../harness/servers/listen';
import { HitLog, Router } from '../../harness/servers/router';
import { addStsRoutes } from '../../harness/servers/sts';
import { ROUTED_HOSTS } from '../../profiles/bot-framework/facts';
import { startBotFrameworkWorld } from '../../profiles/bot-framework/world';

const log = new HitLog();
let fake: RunningServer;

test.beforeAll(async () => {
  const router = new Router('front', log, 'http');
  addStsRoutes(router, {
    clientId: 'app',
    clientSecret: 'secret',
    allowsScope: (s) => s === 'https://api.botframework.com/.default',
    mint: (_c, resource, lifetime) => `token-for-${resource}-${lifetime}`,
    lifetimeSeconds: 3600,
  });
  fake = await listen(router);
});
test.afterAll(async () => fake.close());

const post = (p: string, fields: Record<string, string>) =>
  fetch(`${fake.origin}${p}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
const v1Form = (extra: Record<string, string> = {}) => ({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'secret', resource: 'https://api.botframework.com', ...extra });
const lastNote = () => log.query({ server: 'front' }).at(-1)!.note;

test('the v1 token endpoint issues for the resource with the AAD v1 response, and records the endpoint and api-version', async () => {
  const before = Math.floor(Date.now() / 1000);
  const res = await post('/botframework.com/oauth2/token?api-version=1.5', v1Form());
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, string>;
  expect(body).toMatchObject({ token_type: 'Bearer', expires_in: '3600', resource: 'https://api.botframework.com', access_token: 'token-for-https://api.botframework.com-3600' });
  expect(Number(body.expires_on)).toBeGreaterThanOrEqual(before + 3600);
  expect(lastNote()).toMatchObject({ issued: true, endpoint: 'v1', apiVersion: '1.5', resource: 'https://api.botframework.com', expiresIn: 3600 });

  // The v2.0 endpoint is unchanged, and says so.
  const v2 = await post('/botframework.com/oauth2/v2.0/token', { grant_type: 'client_credentials', client_id: 'app', client_secret: 'secret', scope: 'https://api.botframework.com/.default' });
  expect(((await v2.json()) as { expires_in: unknown }).expires_in).toBe(3600);
  expect(lastNote()).toMatchObject({ issued: true, endpoint: 'v2.0', scope: 'https://api.botframework.com/.default' });
});

test('the v1 endpoint refuses another secret, a missing or foreign resource, and a grant other than client_credentials', async () => {
  const cases: Array<[Record<string, string>, number, string]> = [
    [v1Form({ client_secret: 'other' }), 401, 'invalid_client'],
    [{ grant_type: 'client_credentials', client_id: 'app', client_secret: 'secret' }, 400, 'invalid_request'],
    [{ grant_type: 'client_credentials', client_id: 'app', client_secret: 'secret', scope: 'https://api.botframework.com/.default' }, 400, 'invalid_request'],
    [v1Form({ resource: 'https://graph.microsoft.com' }), 400, 'invalid_resource'],
    [v1Form({ grant_type: 'password' }), 400, 'unsupported_grant_type'],
  ];
  for (const [fields, status, error] of cases) {
    const res = await post('/botframework.com/oauth2/token', fields);
    expect(res.status, JSON.stringify(fields)).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(error);
    expect(lastNote()).toMatchObject({ issued: false, endpoint: 'v1', error });
  }
});

test('the bot-framework world answers as login.windows.net (its certificate carries the name), and the proxy tunnels it', async () => {
  expect(ROUTED_HOSTS).toContain('login.windows.net');
  const ca = createTestCa();
  const world = await startBotFrameworkWorld({ ca, log: new HitLog(), outDir: mkdtempSync(path.join(os.tmpdir(), 's2s-sts-v1-')), secret: 'pw' });
  const front = new URL(world.urls.front);
  const egressLog = path.join(mkdtempSync(path.join(os.tmpdir(), 's2s-sts-v1-')), 'egress.jsonl');
  writeFileSync(egressLog, '');
  const proxy = await startConnectProxy({ impersonatedHosts: world.routedHosts, routeTo: world.routeTo, egressLog });
  try {
    // Through a CONNECT tunnel, TLS with SNI login.windows.net, checked against the test CA: what adal-node does behind a proxy.
    const tunnel = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect(proxy.port, '127.0.0.1', () => s.write('CONNECT login.windows.net:443 HTTP/1.1\r\nHost: login.windows.net:443\r\n\r\n'));
      s.once('data', (d) => (String(d).startsWith('HTTP/1.1 200') ? resolve(s) : reject(new Error(String(d)))));
      s.on('error', reject);
    });
    const authorize = `${front.origin}/botframework.com/oauth2/authorize`;
    // A raw HTTP/1.1 request over the TLS socket: node:https would go through nock's patched
    // ClientRequest when another spec in this worker loaded nock, and nock ignores createConnection.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = tlsOver(tunnel);
      let text = '';
      socket.on('secureConnect', () => socket.write(`GET /common/discovery/instance?api-version=1.0&authorization_endpoint=${encodeURIComponent(authorize)} HTTP/1.1\r\nHost: login.windows.net\r\nConnection: close\r\n\r\n`));
      socket.on('data', (d) => (text += d));
      socket.on('end', () => {
        const [head, ...rest] = text.split('\r\n\r\n');
        const chunked = /transfer-encoding: *chunked/i.test(head);
        const raw = rest.join('\r\n\r\n');
        resolve({ status: Number(head.split(' ')[1]), body: chunked ? unchunk(raw) : raw });
      });
      socket.on('error', reject);
    });
    expect(status, body).toBe(200);
    expect(JSON.parse(body).tenant_discovery_endpoint).toBe(`https://${front.host}/botframework.com/v2.0/.well-known/openid-configuration`);
    expect(proxy.tunnels()).toEqual({ 'login.windows.net:443': 1 });
  } finally {
    await proxy.close();
    await world.close();
  }

  function unchunk(raw: string): string {
    let out = '';
    for (let rest = raw; rest.length; ) {
      const eol = rest.indexOf('\r\n');
      const size = parseInt(rest.slice(0, eol), 16);
      if (!size) break;
      out += rest.slice(eol + 2, eol + 2 + size);
      rest = rest.slice(eol + 2 + size + 2);
    }
    return out;
  }

  function tlsOver(socket: net.Socket) {
    return tls.connect({ socket, servername: 'login.windows.net', ca: ca.certPem });
  }
});
