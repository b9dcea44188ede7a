// Start an HTTP(S) server on loopback only, on a free port (or a given one).
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import type { Router } from './router';

export interface RunningServer {
  name: string;
  port: number;
  /** Loopback origin, e.g. https://127.0.0.1:43123 */
  origin: string;
  /** A TLS server only: present another certificate from now on. Open connections are closed, so a
   *  client's next request makes a new handshake and sees it. */
  presentCertificate?(tls: { certPem: string; keyPem: string }): void;
  /** How many TLS connections have been opened so far (a client that refuses the certificate still opens one). */
  tlsConnections?(): number;
  close(): Promise<void>;
}

/**
 * `alsoPlain` (with `tls`): the port also takes cleartext HTTP, so that a client that sends what
 * belongs over TLS in the clear (a client secret, a bearer) is answered and recorded as such
 * (Hit.scheme 'http') instead of failing a handshake unseen. The first byte tells them apart: a TLS
 * connection opens with a handshake record (0x16); TLS itself stays Node's.
 */
export async function listen(router: Router, tls?: { certPem: string; keyPem: string }, port = 0, opts: { alsoPlain?: boolean } = {}): Promise<RunningServer> {
  const secure = tls ? https.createServer({ cert: tls.certPem, key: tls.keyPem }, router.listener) : undefined;
  const plain = !secure || opts.alsoPlain ? http.createServer(router.listener) : undefined;
  for (const s of [secure, plain]) if (s) s.keepAliveTimeout = 30_000;
  // Counted when the TLS server takes the connection, before its handshake: a client that refuses the
  // certificate has by then already been shown it, whereas the server may learn of the refusal
  // (tlsClientError) only after the client's next request has been answered (BF-B2O-TLS-003 read
  // the count too early on a busy machine and came out moot).
  let tlsConnections = 0;
  secure?.on('connection', () => tlsConnections++);
  const server: net.Server = secure && plain ? sniffingServer(secure, plain) : (secure ?? plain)!;
  // Open connections, tracked here: servers fed by the sniffer never listen, so their own
  // closeAllConnections knows of none.
  const open = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  const closeAll = () => {
    for (const socket of open) socket.destroy();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    name: router.name,
    port: actual,
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${actual}`,
    ...(secure
      ? {
          presentCertificate: (next: { certPem: string; keyPem: string }) => {
            secure.setSecureContext({ cert: next.certPem, key: next.keyPem });
            closeAll();
          },
          tlsConnections: () => tlsConnections,
        }
      : {}),
    close: () =>
      new Promise<void>((resolve) => {
        closeAll();
        server.close(() => resolve());
      }),
  };
}

/** One port, two servers: each connection goes to the TLS server or the cleartext one by its first byte. */
function sniffingServer(secure: https.Server, plain: http.Server): net.Server {
  return net.createServer((socket) => {
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
}
