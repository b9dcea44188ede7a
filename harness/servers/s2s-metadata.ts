// The fake STS's JSON metadata document, in the shape SharePoint publishes at
// /_layouts/15/metadata/json/1 (docs/facts.md > SharePoint high-trust S2S > metadata document): signing certificates as base64 DER.
// The spelling of `type` and `usage` varies between versions, so each entry says which it uses.
import type { KeySetLifecycle } from './key-lifecycle';
import type { Router } from './router';

export interface MetadataKey {
  derBase64: string;
  type: string;
  usage: string;
}

export const METADATA_PATH = '/_layouts/15/metadata/json/1';

/** The document; under a key-lifecycle fault (500, broken JSON, a hang, slow) the faulty answer instead. */
export function addS2sMetadataRoutes(router: Router, issuer: string, keys: () => MetadataKey[], lifecycle?: KeySetLifecycle): void {
  router.on('GET', /^\/_layouts\/15\/metadata\/json\/1$/, async () => {
    return (await lifecycle?.faultyReply('metadata')) ?? {
      status: 200,
      body: { issuer, keys: keys().map((k) => ({ keyValue: { type: k.type, value: k.derBase64 }, usage: k.usage })) },
    };
  });
}
