// An attacker-controlled key server: whatever is asked, it answers with the rogue key's JWKS.
// Cases point jku/x5u here and fail when the SUT ever fetches from it.
import type { PublicJwk } from '../keys/signing-keys';
import type { Router } from './router';

export function addAttackerRoutes(router: Router, rogueJwk: PublicJwk, rogueCertPem: string): void {
  router
    .on('GET', /\/x5u\//, () => ({ status: 200, headers: { 'content-type': 'application/pem-certificate-chain' }, body: rogueCertPem }))
    .on('GET', /.*/, () => ({ status: 200, body: { keys: [rogueJwk] } }));
}
