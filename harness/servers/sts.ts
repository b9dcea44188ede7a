// The fake MSA/AAD v2 login service: client_credentials only, AAD v2 token response shape.
// The bot-outbound cases change what it answers while they run (control route POST /sts): the
// lifetime of the tokens it issues, or a fault (an error status, a body that is not JSON, a delay).
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeReply, Router } from './router';

export interface StsConfig {
  clientId: string;
  clientSecret: string;
  /** Whether this STS issues tokens for a scope, e.g. https://api.botframework.com/.default */
  allowsScope(scope: string): boolean;
  /** Mint an access token for the client and resource (the scope without /.default). */
  mint(clientId: string, resource: string, lifetimeSeconds: number): string;
  lifetimeSeconds: number;
}

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
  router.on('POST', /^\/(?<tenant>[A-Za-z0-9.-]+)\/oauth2\/v2\.0\/token$/, async (req) => {
    const form = new URLSearchParams(req.body);
    const fail = (status: number, error: string, description: string) => {
      req.hit.note = { issued: false, error };
      return { status, body: { error, error_description: description } };
    };
    const fault = behaviour.fault;
    if (fault?.kind === 'status') return fail(fault.status, fault.status >= 500 ? 'temporarily_unavailable' : 'invalid_request', `fault injected by the harness: HTTP ${fault.status}`);
    if (fault?.kind === 'garbage') {
      req.hit.note = { issued: false, error: 'garbage' };
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Service Unavailable' } satisfies FakeReply;
    }
    if (fault?.kind === 'slow') await sleep(fault.delayMs);
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return fail(400, 'invalid_request', 'body must be application/x-www-form-urlencoded');
    if (form.get('grant_type') !== 'client_credentials') return fail(400, 'unsupported_grant_type', 'only client_credentials');
    if (form.get('client_id') !== cfg.clientId || form.get('client_secret') !== cfg.clientSecret)
      return fail(401, 'invalid_client', 'unknown client or wrong secret');
    const scope = form.get('scope') ?? '';
    if (!cfg.allowsScope(scope)) return fail(400, 'invalid_scope', `scope ${scope} not allowed`);
    const lifetime = behaviour.lifetimeSeconds;
    const token = cfg.mint(cfg.clientId, scope.replace(/\/\.default$/, ''), lifetime);
    req.hit.note = { issued: true, scope, expiresIn: lifetime, token: tokenFingerprint(token), ...(fault?.kind === 'slow' ? { delayedMs: fault.delayMs } : {}) };
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token },
    };
  });
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
