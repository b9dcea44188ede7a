// Start an HTTP(S) server on loopback only, on a free port (or a given one).
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Router } from './router';

export interface RunningServer {
  name: string;
  port: number;
  /** Loopback origin, e.g. https://127.0.0.1:43123 */
  origin: string;
  close(): Promise<void>;
}

export async function listen(router: Router, tls?: { certPem: string; keyPem: string }, port = 0): Promise<RunningServer> {
  const server = tls
    ? https.createServer({ cert: tls.certPem, key: tls.keyPem }, router.listener)
    : http.createServer(router.listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    name: router.name,
    port: actual,
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
