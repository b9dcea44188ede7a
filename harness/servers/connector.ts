// The fake Bot Connector (and the fake Emulator's Connector API): records what a bot sends back and,
// for the Connector, verifies the bot's bearer against the fake STS keys (jose), as the real one does.
import { randomUUID } from 'node:crypto';
import type { Router } from './router';

export interface ConnectorConfig {
  /** Returns a reason when the bearer is not acceptable, undefined when it is. */
  verifyBearer?: (token: string) => Promise<string | undefined>;
  /** Where to redirect (307) a request instead of answering it, by its conversation id (the bot-outbound
   *  cases' Connector that sends a reply on to another origin), or undefined to answer it. */
  redirectTo?: (conversation: string, path: string) => string | undefined;
}

/** The token of an Authorization header as the Connector reads it: exactly "Bearer <token>" (the cases judge a bearer by the same rule). */
export const connectorBearerToken = (authorization: string): string | undefined => /^Bearer (\S+)$/.exec(authorization)?.[1];

export function addConnectorRoutes(router: Router, cfg: ConnectorConfig): void {
  const handler = async (req: Parameters<Parameters<Router['on']>[2]>[0]) => {
    const auth = String(req.headers.authorization ?? '');
    const token = connectorBearerToken(auth);
    const location = cfg.redirectTo?.(req.params.conv, req.url.pathname);
    if (location) {
      req.hit.note = { conversation: req.params.conv, redirectedTo: location, bearerPresent: Boolean(token) };
      return { status: 307, headers: { location }, body: { redirect: location } };
    }
    if (cfg.verifyBearer) {
      const problem = token ? await cfg.verifyBearer(token) : 'no Bearer token';
      req.hit.note = { conversation: req.params.conv, bearerAccepted: !problem, problem };
      if (problem) return { status: 401, body: { error: { code: 'Unauthorized', message: problem } } };
    } else {
      req.hit.note = { conversation: req.params.conv, bearerPresent: Boolean(token) };
    }
    return { status: 200, body: { id: randomUUID() } };
  };
  router
    .on('POST', /^\/v3\/conversations\/(?<conv>[^/]+)\/activities(\/(?<activity>[^/]+))?$/, handler)
    .on('PUT', /^\/v3\/conversations\/(?<conv>[^/]+)\/activities\/(?<activity>[^/]+)$/, handler);
}
