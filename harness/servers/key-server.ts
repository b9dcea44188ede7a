// OpenID metadata and JWKS for the Bot Connector (channel path) and for AAD (Emulator path),
// shaped like the real documents. Self-links follow the Host the client used.
import type { PublicJwk } from '../keys/signing-keys';
import type { KeySetLifecycle } from './key-lifecycle';
import type { FakeReply, Router } from './router';

export interface KeyServerConfig {
  connectorJwks: () => PublicJwk[];
  aadJwks: () => PublicJwk[];
  channelIssuer: string;
  /** The key sets' lifecycles (faults, rotation): the Connector's, and AAD's (a tenant's metadata). */
  connectorLifecycle?: KeySetLifecycle;
  aadLifecycle?: KeySetLifecycle;
}

const tenantSeg = '(?<tenant>[A-Za-z0-9.-]+)';

export function addKeyServerRoutes(router: Router, cfg: KeyServerConfig): void {
  const lc = cfg.connectorLifecycle;
  router
    .on('GET', /^\/v1\/\.well-known\/openidconfiguration$/, async (req) => {
      // The 2017 text's own example path, not the conventional one: a SUT that follows jwks_uri
      // fetches /v1/keys, one with a hard-coded key URL fetches /v1/.well-known/keys (both served).
      const { reply, jwksUri } = (await lc?.metadataAnswer(`${req.origin}/v1/keys`)) ?? { jwksUri: `${req.origin}/v1/keys` };
      return (
        reply ?? {
          status: 200,
          body: {
            issuer: cfg.channelIssuer,
            authorization_endpoint: 'https://invalid.botframework.com',
            jwks_uri: jwksUri,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          },
        }
      );
    })
    .on('GET', /^\/v1(\/\.well-known)?\/keys$/, async () => (await lc?.jwksAnswer()) ?? { status: 200, body: { keys: cfg.connectorJwks() } })
    .on('GET', new RegExp(`^/${tenantSeg}/v2\\.0/\\.well-known/openid-configuration$`), (req) => aadMetadataAnswer(cfg.aadLifecycle, req.origin, req.params.tenant, 'v2.0'))
    .on('GET', new RegExp(`^/${tenantSeg}/\\.well-known/openid-configuration$`), (req) => aadMetadataAnswer(cfg.aadLifecycle, req.origin, req.params.tenant, 'v1'))
    .on('GET', new RegExp(`^/${tenantSeg}/discovery(/v2\\.0)?/keys$`), async () => (await cfg.aadLifecycle?.jwksAnswer()) ?? { status: 200, body: { keys: cfg.aadJwks() } })
    .on('GET', /^\/common\/discovery\/instance$/, (req) => instanceDiscovery(req.url));
}

async function aadMetadataAnswer(lc: KeySetLifecycle | undefined, origin: string, tenant: string, version: 'v1' | 'v2.0'): Promise<FakeReply> {
  const body = aadMetadata(origin, tenant, version);
  const { reply, jwksUri } = (await lc?.metadataAnswer(body.jwks_uri as string)) ?? { jwksUri: body.jwks_uri as string };
  return reply ?? { status: 200, body: { ...body, jwks_uri: jwksUri } };
}

function aadMetadata(origin: string, tenant: string, version: 'v1' | 'v2.0'): Record<string, unknown> {
  const tenantInIssuer = tenant === 'common' || tenant === 'organizations' ? '{tenantid}' : tenant;
  const v2 = version === 'v2.0';
  return {
    issuer: v2 ? `https://login.microsoftonline.com/${tenantInIssuer}/v2.0` : `https://sts.windows.net/${tenantInIssuer}/`,
    authorization_endpoint: `${origin}/${tenant}/oauth2${v2 ? '/v2.0' : ''}/authorize`,
    token_endpoint: `${origin}/${tenant}/oauth2${v2 ? '/v2.0' : ''}/token`,
    jwks_uri: `${origin}/${tenant}/discovery${v2 ? '/v2.0' : ''}/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'WW',
    cloud_instance_name: 'microsoftonline.com',
  };
}

/** MSAL asks this before using any authority it does not know; point it back at the authority's own host. */
function instanceDiscovery(url: URL): { status: number; body: unknown } {
  const endpoint = url.searchParams.get('authorization_endpoint') ?? `https://${url.host}/common/oauth2/v2.0/authorize`;
  let authority: URL;
  try {
    authority = new URL(endpoint);
  } catch {
    return { status: 400, body: { error: 'invalid_instance' } };
  }
  const tenant = authority.pathname.split('/')[1] || 'common';
  return {
    status: 200,
    body: {
      tenant_discovery_endpoint: `${authority.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: authority.host, preferred_cache: authority.host, aliases: [authority.host] }],
    },
  };
}
