// Sends one request to the SUT over a keep-alive agent with a hard deadline. Raw node:http, so a
// case controls every header byte (duplicate or odd Authorization headers included).
import http from 'node:http';
import https from 'node:https';
import type { HttpExchange } from '../core/vocabulary';

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 32 }), https: new https.Agent({ keepAlive: true, maxSockets: 32 }) };
const BODY_EVIDENCE_LIMIT = 2000;

export class SendError extends Error {
  constructor(message: string, readonly kind: 'timeout' | 'connection') {
    super(message);
  }
}

/** The SUT closed or broke the connection without a (well-formed) answer: not a timeout. */
export const isNoAnswer = (err: unknown): err is SendError => err instanceof SendError && err.kind === 'connection';

/** Headers as evidence records them: one string per name, repeated fields joined as Node joins them. */
export const flatHeaders = (headers: Record<string, string | string[] | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));

/** bodyLimit: how much of the answer is kept (evidence is capped; the control API's answers are not).
 *  abort: ends the request early with the SendError it is aborted with (a burst's watchdog).
 *  A request that fails on a kept-alive connection before any answer is sent once more on a fresh
 *  one: the server may have closed the idle connection just as it was reused (its keep-alive timeout),
 *  a race of timing, not the server's answer. A connection that fails fresh is the server's doing. */
export function send(method: string, url: string, headers: Record<string, string>, body: string, timeoutMs: number, bodyLimit = BODY_EVIDENCE_LIMIT, fresh = false, abort?: AbortSignal): Promise<NonNullable<HttpExchange['response']>> {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = lib.request(u, { method, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers }, agent: fresh ? false : agents[u.protocol === 'https:' ? 'https' : 'http'] }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          headers: flatHeaders(res.headers),
          body: Buffer.concat(chunks).toString('utf8').slice(0, bodyLimit),
          ms: Math.round((performance.now() - started) * 100) / 100,
        });
      });
      res.on('error', (err) => reject(new SendError(`the SUT's response broke off: ${err.message}`, 'connection')));
    });
    const timer = setTimeout(() => req.destroy(new SendError(`the SUT did not answer within ${timeoutMs} ms`, 'timeout')), timeoutMs);
    const aborted = () => req.destroy(abort!.reason instanceof SendError ? abort!.reason : new SendError(String(abort!.reason), 'timeout'));
    if (abort?.aborted) aborted();
    else abort?.addEventListener('abort', aborted, { once: true });
    req.on('close', () => abort?.removeEventListener('abort', aborted));
    req.on('error', (err) => {
      clearTimeout(timer);
      if (!fresh && req.reusedSocket && !(err instanceof SendError)) {
        send(method, url, headers, body, timeoutMs, bodyLimit, true, abort).then(resolve, reject);
        return;
      }
      reject(err instanceof SendError ? err : new SendError(`could not reach the SUT: ${(err as NodeJS.ErrnoException).code ?? err.message}`, 'connection'));
    });
    req.end(body);
  });
}
