// Proxy mode (--proxy): an HTTP proxy on loopback for SUTs in any language. A CONNECT to one of the
// hosts the fakes impersonate (login.botframework.com:443, …) is tunnelled to the fake that serves
// it; the fake's own TLS certificate, issued by the test CA, carries the real names, so the SUT's
// TLS check passes only if it trusts the test CA (the CA variables of the contract). The proxy never
// sees inside the TLS. Every other destination, and every plain-HTTP request through the proxy, is
// refused (403) and recorded in the run's egress log: a SUT that reaches for the internet during a
// run is evidence in the report.
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';

export interface ConnectProxyOptions {
  /** Host names tunnelled to `routeTo` (on `ports`). */
  impersonatedHosts: string[];
  /** The ports of those hosts that are tunnelled (default 443 only). */
  ports?: number[];
  /** host:port of the fake that serves them. */
  routeTo: string;
  /** The run's egress log: one JSON line per refused destination. */
  egressLog: string;
  /** Called after each tunnel opens, with the counts so far. */
  onTunnel?: (tunnels: Record<string, number>) => void;
}

export interface RunningProxy {
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** Destinations tunnelled so far, by host:port. */
  tunnels(): Record<string, number>;
  close(): Promise<void>;
}

const normHost = (h: string) => h.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

/** host and port of a CONNECT request's authority ("host:port", "[v6]:port"). */
export function parseAuthority(authority: string): { host: string; port: number } | undefined {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(authority ?? '');
  if (!m) return undefined;
  const port = Number(m[2]);
  return port > 0 && port < 65536 ? { host: normHost(m[1]), port } : undefined;
}

export async function startConnectProxy(opts: ConnectProxyOptions): Promise<RunningProxy> {
  const allowed = new Set(opts.impersonatedHosts.map(normHost));
  const ports = new Set(opts.ports ?? [443]);
  const sep = opts.routeTo.lastIndexOf(':');
  const [routeHost, routePort] = [opts.routeTo.slice(0, sep), Number(opts.routeTo.slice(sep + 1))];
  const tunnelled: Record<string, number> = {};
  const open = new Set<net.Socket>();
  const refuse = (host: string, port: number | string, how: string) =>
    appendFileSync(opts.egressLog, `${JSON.stringify({ time: new Date().toISOString(), host, port, via: `proxy (${how})` })}\n`);

  const server = http.createServer((req, res) => {
    // A plain-HTTP request through the proxy (absolute URI): the fakes speak TLS only, and nothing
    // else may be reached, so it is refused and recorded.
    let host = '';
    let port: number | string = 80;
    try {
      const u = new URL(req.url ?? '');
      host = normHost(u.hostname);
      port = Number(u.port || 80);
    } catch {
      host = String(req.headers.host ?? '');
    }
    refuse(host, port, `plain HTTP ${req.method}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end(`s2s-conformance proxy: ${host} is not reachable during a run\n`);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    const target = parseAuthority(req.url ?? '');
    if (!target || !allowed.has(target.host) || !ports.has(target.port)) {
      refuse(target?.host ?? String(req.url), target?.port ?? '', 'CONNECT');
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n');
      return;
    }
    const upstream = net.connect(routePort, routeHost, () => {
      const dest = `${target.host}:${target.port}`;
      tunnelled[dest] = (tunnelled[dest] ?? 0) + 1;
      opts.onTunnel?.({ ...tunnelled });
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n'));
    client.on('close', () => upstream.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    tunnels: () => ({ ...tunnelled }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The variables that send a SUT's outbound HTTP(S) through the proxy, for the common runtimes (docs/contract.md, "Proxy mode"). */
export function proxyEnv(proxyUrl: string, inheritedJavaOptions = ''): Record<string, string> {
  const { port } = new URL(proxyUrl);
  const noProxy = '127.0.0.1,localhost';
  const java = [
    `-Dhttps.proxyHost=127.0.0.1`,
    `-Dhttps.proxyPort=${port}`,
    `-Dhttp.proxyHost=127.0.0.1`,
    `-Dhttp.proxyPort=${port}`,
    `-Dhttp.nonProxyHosts=localhost|127.0.0.1`,
  ].join(' ');
  return {
    HTTPS_PROXY: proxyUrl,
    HTTP_PROXY: proxyUrl,
    NO_PROXY: noProxy,
    https_proxy: proxyUrl,
    http_proxy: proxyUrl,
    no_proxy: noProxy,
    JAVA_TOOL_OPTIONS: inheritedJavaOptions ? `${inheritedJavaOptions} ${java}` : java,
    // Node ≥ 24 honours the variables above only with this; Node 20 ignores it (docs/contract.md: global-agent).
    NODE_USE_ENV_PROXY: '1',
    // Read by global-agent (`node -r global-agent/bootstrap`), the way to proxy a Node 20 SUT.
    GLOBAL_AGENT_HTTP_PROXY: proxyUrl,
    GLOBAL_AGENT_HTTPS_PROXY: proxyUrl,
    GLOBAL_AGENT_NO_PROXY: noProxy,
  };
}
