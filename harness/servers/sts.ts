// The fake MSA/AAD v2 login service: client_credentials only, AAD v2 token response shape.
import type { Router } from './router';

export interface StsConfig {
  clientId: string;
  clientSecret: string;
  /** Whether this STS issues tokens for a scope, e.g. https://api.botframework.com/.default */
  allowsScope(scope: string): boolean;
  /** Mint an access token for the client and resource (the scope without /.default). */
  mint(clientId: string, resource: string, lifetimeSeconds: number): string;
  lifetimeSeconds: number;
}

export function addStsRoutes(router: Router, cfg: StsConfig): void {
  router.on('POST', /^\/(?<tenant>[A-Za-z0-9.-]+)\/oauth2\/v2\.0\/token$/, (req) => {
    const form = new URLSearchParams(req.body);
    const fail = (status: number, error: string, description: string) => {
      req.hit.note = { issued: false, error };
      return { status, body: { error, error_description: description } };
    };
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return fail(400, 'invalid_request', 'body must be application/x-www-form-urlencoded');
    if (form.get('grant_type') !== 'client_credentials') return fail(400, 'unsupported_grant_type', 'only client_credentials');
    if (form.get('client_id') !== cfg.clientId || form.get('client_secret') !== cfg.clientSecret)
      return fail(401, 'invalid_client', 'unknown client or wrong secret');
    const scope = form.get('scope') ?? '';
    if (!cfg.allowsScope(scope)) return fail(400, 'invalid_scope', `scope ${scope} not allowed`);
    const token = cfg.mint(cfg.clientId, scope.replace(/\/\.default$/, ''), cfg.lifetimeSeconds);
    req.hit.note = { issued: true, scope };
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: cfg.lifetimeSeconds, ext_expires_in: cfg.lifetimeSeconds, access_token: token },
    };
  });
}
