// A small request router for the fakes: method + path pattern → handler, every request recorded.
// The fakes need exact control over status, headers and bodies, which a framework would get in the way of.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Hit {
  at: number;
  server: string;
  method: string;
  host: string;
  path: string;
  query: string;
  /** How it arrived: over TLS or in cleartext (a port that takes both tells them apart). */
  scheme?: 'http' | 'https';
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** What the fake concluded about the request, e.g. a bearer-token verdict. */
  note?: Record<string, unknown>;
}

export interface FakeRequest {
  method: string;
  url: URL;
  /** scheme://host[:port] as the client addressed us (Host header), used to build self-links. */
  origin: string;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
  hit: Hit;
}

export interface FakeReply {
  status: number;
  /** A list sends the header once per value (several WWW-Authenticate fields). */
  headers?: Record<string, string | string[]>;
  body?: unknown;
}

export type Handler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export class HitLog {
  private readonly hits: Hit[] = [];
  constructor(private readonly cap = 20000) {}
  add(hit: Hit): void {
    this.hits.push(hit);
    if (this.hits.length > this.cap) this.hits.splice(0, this.hits.length - this.cap);
  }
  query(filter: { server?: string; pathIncludes?: string; since?: number }): Hit[] {
    return this.hits.filter(
      (h) =>
        (!filter.server || h.server === filter.server) &&
        (!filter.pathIncludes || h.path.includes(filter.pathIncludes)) &&
        (!filter.since || h.at >= filter.since),
    );
  }
}

export class Router {
  private readonly routes: Route[] = [];
  constructor(readonly name: string, private readonly log: HitLog, private readonly scheme: 'http' | 'https') {}

  on(method: string, pattern: RegExp, handler: Handler): this {
    this.routes.push({ method, pattern, handler });
    return this;
  }

  /** Node request listener. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void this.dispatch(req, Buffer.concat(chunks).toString('utf8'), res);
    });
  };

  private async dispatch(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '127.0.0.1';
    // A server that takes both (listen's alsoPlain) hands this router cleartext requests too.
    const scheme = this.scheme === 'https' && !(req.socket as { encrypted?: boolean }).encrypted ? 'http' : this.scheme;
    const url = new URL(req.url ?? '/', `${scheme}://${host}`);
    const hit: Hit = {
      at: Date.now(),
      server: this.name,
      method: req.method ?? 'GET',
      host,
      path: url.pathname,
      query: url.search,
      scheme,
      headers: req.headers,
      body,
    };
    this.log.add(hit);
    let reply: FakeReply = { status: 404, body: { error: 'not_found', server: this.name, path: url.pathname } };
    for (const route of this.routes) {
      const m = route.method === hit.method ? route.pattern.exec(url.pathname) : null;
      if (!m) continue;
      try {
        reply = await route.handler({ method: hit.method, url, origin: `${scheme}://${host}`, params: { ...m.groups }, headers: req.headers, body, hit });
      } catch (err) {
        reply = { status: 500, body: { error: 'fake_failed', message: String(err) } };
      }
      break;
    }
    const isText = typeof reply.body === 'string';
    const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': isText ? 'text/plain' : 'application/json; charset=utf-8',
      ...reply.headers,
    });
    res.end(payload);
  }
}
