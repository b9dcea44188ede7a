// The fake MSA/AAD login service: client_credentials only, on the v2.0 token endpoint (scope=, the
// AAD v2 response shape) and on the AAD v1 one (resource=, the v1 response shape) that ADAL-era SDKs
// call (botbuilder up to 4.16, through adal-node; the instance discovery it first asks login.windows.net
// for is the key server's, harness/servers/key-server.ts). Each token request's note records which endpoint it used.
// The bot-outbound cases change what it answers while they run (control route POST /sts): the
// lifetime of the tokens it issues, or a fault (an error status, a body that is not JSON, a delay).
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeReply, FakeRequest, Router } from './router';

export interface StsConfig {
  clientId: string;
  clientSecret: string;
  /** Whether this STS issues tokens for a scope, e.g. https://api.botframework.com/.default */
  allowsScope(scope: string): boolean;
  /** Mint an access token for the client and resource (the scope without /.default). */
  mint(clientId: string, resource: string, lifetimeSeconds: number): string;
  lifetimeSeconds: number;
}

/** The token endpoint a request went to: AAD v2.0 (`/oauth2/v2.0/token`, scope) or v1 (`/oauth2/token`, resource). */
export type StsEndpoint = 'v2.0' | 'v1';

/** What the STS does with a token request instead of answering it: fail with a status, answer something not JSON, or answer late;
 *  or it presents a certificate no trusted CA issued (the world swaps its TLS certificate; a request that still arrives is answered as usual). */
export type StsFault = { kind: 'status'; status: number } | { kind: 'garbage' } | { kind: 'slow'; delayMs: number } | { kind: 'untrusted-certificate' };

/** The STS's changeable behaviour (the bot-outbound cases' control route). */
export interface StsBehaviour {
  lifetimeSeconds: number;
  fault: StsFault | null;
}

/** A short fingerprint of an issued token, recorded with the request that got it (the cases match the bearer a bot sends with it). */
export const tokenFingerprint = (token: string): string => createHash('sha256').update(token).digest('base64url').slice(0, 16);

export function addStsRoutes(router: Router, cfg: StsConfig, behaviour: StsBehaviour = { lifetimeSeconds: cfg.lifetimeSeconds, fault: null }): void {
  const tokenEndpoint = (endpoint: StsEndpoint) => async (req: FakeRequest): Promise<FakeReply> => {
    const form = new URLSearchParams(req.body);
    // The query (v1: adal-node sends ?api-version=1.5) is recorded with the endpoint, for the cases' evidence.
    const at = { endpoint, ...(req.url.searchParams.has('api-version') ? { apiVersion: req.url.searchParams.get('api-version') } : {}) };
    const fail = (status: number, error: string, description: string) => {
      req.hit.note = { issued: false, error, ...at };
      return { status, body: { error, error_description: description } };
    };
    const fault = behaviour.fault;
    if (fault?.kind === 'status') return fail(fault.status, fault.status >= 500 ? 'temporarily_unavailable' : 'invalid_request', `fault injected by the harness: HTTP ${fault.status}`);
    if (fault?.kind === 'garbage') {
      req.hit.note = { issued: false, error: 'garbage', ...at };
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Service Unavailable' } satisfies FakeReply;
    }
    if (fault?.kind === 'slow') await sleep(fault.delayMs);
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return fail(400, 'invalid_request', 'body must be application/x-www-form-urlencoded');
    if (form.get('grant_type') !== 'client_credentials') return fail(400, 'unsupported_grant_type', 'only client_credentials');
    if (form.get('client_id') !== cfg.clientId || form.get('client_secret') !== cfg.clientSecret)
      return fail(401, 'invalid_client', 'unknown client or wrong secret');
    // v2.0 names the scope (`<resource>/.default`); v1 names the resource itself (AAD v1 needs it, and ignores scope).
    const scope = endpoint === 'v2.0' ? (form.get('scope') ?? '') : `${form.get('resource') ?? ''}/.default`;
    if (endpoint === 'v1' && !form.get('resource')) return fail(400, 'invalid_request', 'AADSTS50001: the v1 endpoint needs the resource parameter');
    if (!cfg.allowsScope(scope)) return fail(400, endpoint === 'v2.0' ? 'invalid_scope' : 'invalid_resource', `${endpoint === 'v2.0' ? 'scope' : 'resource'} ${endpoint === 'v2.0' ? scope : form.get('resource')} not allowed`);
    const lifetime = behaviour.lifetimeSeconds;
    const resource = scope.replace(/\/\.default$/, '');
    const token = cfg.mint(cfg.clientId, resource, lifetime);
    const asked = endpoint === 'v2.0' ? { scope } : { resource };
    req.hit.note = { issued: true, ...at, ...asked, expiresIn: lifetime, token: tokenFingerprint(token), ...(fault?.kind === 'slow' ? { delayedMs: fault.delayMs } : {}) };
    if (endpoint === 'v2.0') return { status: 200, body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token } };
    // AAD v1's shape: the times as strings of seconds, expires_on absolute, the resource echoed.
    const now = Math.floor(Date.now() / 1000);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: String(lifetime), ext_expires_in: String(lifetime), expires_on: String(now + lifetime), not_before: String(now), resource, access_token: token },
    };
  };
  router.on('POST', /^\/(?<tenant>[A-Za-z0-9.-]+)\/oauth2\/v2\.0\/token$/, tokenEndpoint('v2.0'));
  router.on('POST', /^\/(?<tenant>[A-Za-z0-9.-]+)\/oauth2\/token$/, tokenEndpoint('v1'));
}

/** POST /sts {lifetimeSeconds?, fault?: StsFault | null}: changes the STS's behaviour; answers the new one. */
/** `onFault`: told of each fault set or cleared (the world presents the untrusted certificate for that one);
 *  `state`: more to say in the answer (how many TLS connections the STS's server has had). */
export function addStsControlRoutes(router: Router, behaviour: StsBehaviour, onFault?: (fault: StsFault | null) => void, state?: () => Record<string, unknown>): void {
  router.on('POST', /^\/sts$/, (req) => {
    const body = JSON.parse(req.body || '{}') as Partial<StsBehaviour>;
    if (typeof body.lifetimeSeconds === 'number' && body.lifetimeSeconds > 0) behaviour.lifetimeSeconds = body.lifetimeSeconds;
    if (body.fault !== undefined) {
      behaviour.fault = body.fault;
      onFault?.(body.fault);
    }
    return { status: 200, body: { ...behaviour, ...state?.() } };
  });
}
