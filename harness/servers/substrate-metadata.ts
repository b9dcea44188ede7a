// The legacy Actionable Messages sender's OpenID metadata and keys, at the path of the real
// https://substrate.office.com/sts/common/.well-known/openid-configuration (docs/facts.md > Actionable Messages > legacy profile).
import type { PublicJwk } from '../keys/signing-keys';
import type { KeySetLifecycle } from './key-lifecycle';
import type { Router } from './router';

export const SUBSTRATE_ISSUER = 'https://substrate.office.com/sts/';
export const SUBSTRATE_METADATA_PATH = '/sts/common/.well-known/openid-configuration';

export function addSubstrateMetadataRoutes(router: Router, jwks: () => PublicJwk[], lifecycle?: KeySetLifecycle): void {
  router
    .on('GET', /^\/sts\/common\/\.well-known\/openid-configuration$/, async (req) => {
      const usual = `${req.origin}/sts/common/discovery/keys`;
      const { reply, jwksUri } = (await lifecycle?.metadataAnswer(usual)) ?? { jwksUri: usual };
      return reply ?? { status: 200, body: { issuer: SUBSTRATE_ISSUER, jwks_uri: jwksUri, id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] } };
    })
    .on('GET', /^\/sts\/common\/discovery\/keys$/, async () => (await lifecycle?.jwksAnswer()) ?? { status: 200, body: { keys: jwks() } });
}
