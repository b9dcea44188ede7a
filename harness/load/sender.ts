// Sends the planned requests over one keep-alive agent sized to the concurrency, so every request in
// flight has its own reused connection: the figure measures the SUT, not TCP handshakes or requests
// queued inside the harness's own agent (engine/http-send's shared agent stops at 32 sockets).
import http from 'node:http';
import https from 'node:https';
import type { PlannedRequest } from './plan';

/** What is kept of an answer's body: enough to quote in a finding. */
const BODY_KEPT_BYTES = 2000;

export type Answer =
  | { kind: 'answer'; status: number; ms: number; body: string }
  | { kind: 'timeout' | 'connection'; ms: number; message: string };

export interface LoadSender {
  send(r: PlannedRequest): Promise<Answer>;
  /** Closes the kept-alive connections. */
  close(): void;
}

export function loadSender(concurrency: number, timeoutMs: number): LoadSender {
  const options = { keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency };
  const agents = { http: new http.Agent(options), https: new https.Agent(options) };
  return {
    send(r) {
      const u = new URL(r.url);
      const secure = u.protocol === 'https:';
      const started = performance.now();
      const elapsed = () => performance.now() - started;
      return new Promise<Answer>((resolve) => {
        let settled = false;
        const settle = (a: Answer) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(a);
        };
        const headers = { 'content-length': String(Buffer.byteLength(r.body)), ...r.headers };
        const req = (secure ? https : http).request(u, { method: r.method, headers, agent: secure ? agents.https : agents.http }, (res) => {
          const kept: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            if (size < BODY_KEPT_BYTES) kept.push(c.subarray(0, BODY_KEPT_BYTES - size));
            size += c.length;
          });
          res.on('end', () => settle({ kind: 'answer', status: res.statusCode ?? 0, ms: elapsed(), body: Buffer.concat(kept).toString('utf8') }));
          res.on('error', (err) => settle({ kind: 'connection', ms: elapsed(), message: `the answer broke off: ${err.message}` }));
        });
        const timer = setTimeout(() => {
          settle({ kind: 'timeout', ms: elapsed(), message: `no answer within ${timeoutMs} ms` });
          req.destroy();
        }, timeoutMs);
        req.on('error', (err) => settle({ kind: 'connection', ms: elapsed(), message: `could not reach the SUT: ${(err as NodeJS.ErrnoException).code ?? err.message}` }));
        req.end(r.body);
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
