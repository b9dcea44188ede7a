// The fakes' listener on its own: a TLS port that also takes cleartext (alsoPlain) answers both and
// records which one each request came by; presentCertificate shows a new client handshake another
// certificate (BF-B2O-STS-001 and -TLS-003 rest on these two).
import https from 'node:https';
import { expect, test } from '@playwright/test';
import { createTestCa } from '../../harness/ca/test-ca';
import { listen } from '../../harness/servers/listen';
import { HitLog, Router } from '../../harness/servers/router';

const trusted = createTestCa('trusted test CA');
const untrusted = createTestCa('untrusted test CA');
const names = ['127.0.0.1', 'localhost'];

/** A GET that trusts `ca` only; resolves to the status, or the TLS error's code. */
function get(url: string, ca: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = https.get(url, { ca, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

test('alsoPlain: one port answers TLS and cleartext, and each hit records its scheme', async () => {
  const log = new HitLog();
  const router = new Router('front', log, 'https').on('GET', /^\/x$/, () => ({ status: 204 }));
  const server = await listen(router, trusted.issueServerCert(names), 0, { alsoPlain: true });
  try {
    expect(await get(`${server.origin}/x`, trusted.certPem)).toBe(204);
    expect((await fetch(`http://127.0.0.1:${server.port}/x`)).status).toBe(204);
    expect(log.query({ server: 'front' }).map((h) => h.scheme)).toEqual(['https', 'http']);
  } finally {
    await server.close();
  }
});

test('a TLS-only port records https; presentCertificate makes the next handshake show the other certificate', async () => {
  const log = new HitLog();
  const router = new Router('front', log, 'https').on('GET', /^\/x$/, () => ({ status: 204 }));
  const first = trusted.issueServerCert(names);
  const server = await listen(router, first);
  try {
    expect(await get(`${server.origin}/x`, trusted.certPem)).toBe(204);
    server.presentCertificate!(untrusted.issueServerCert(names));
    expect(await get(`${server.origin}/x`, trusted.certPem)).toMatch(/CERT|SELF_SIGNED|UNABLE_TO/);
    // The refused handshake is counted by the time the client has seen the certificate: no wait.
    expect(server.tlsConnections!()).toBe(2);
    expect(await get(`${server.origin}/x`, untrusted.certPem)).toBe(204);
    server.presentCertificate!(first);
    expect(await get(`${server.origin}/x`, trusted.certPem)).toBe(204);
    expect(log.query({ server: 'front' }).map((h) => h.scheme)).toEqual(['https', 'https', 'https']);
    // Every handshake counts, the refused one too.
    expect(server.tlsConnections!()).toBe(4);
  } finally {
    await server.close();
  }
});
