// Starts the fakes of the sharepoint-s2s and xoauth profiles: the fake STS's metadata server (its
// signing certificates also go to a PEM bundle the SUT trusts) and the attacker server.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { addAttackerRoutes } from '../../harness/servers/attacker';
import { KeySetLifecycle } from '../../harness/servers/key-lifecycle';
import { listen } from '../../harness/servers/listen';
import { Router } from '../../harness/servers/router';
import { addS2sMetadataRoutes, METADATA_PATH } from '../../harness/servers/s2s-metadata';
import type { ProfileWorld, WorldSetup } from '../../harness/run/profile-world';
import { BUNDLE_KEYS, ISSUER_A_ID, issuerAt, METADATA_KEYS, metadataSpelling, S2S_KEYS, s2sSutEnv, type S2sProfile } from './facts';

export async function startS2sWorld({ ca, log, outDir, keys: runKeys }: WorldSetup, profile: S2sProfile): Promise<ProfileWorld> {
  const keys = runKeys ?? createSigningKeys(ca, S2S_KEYS);
  const tls = ca.issueServerCert(['127.0.0.1', 'localhost']);
  const bundlePath = path.join(outDir, 's2s-trusted-certs.pem');
  writeFileSync(bundlePath, BUNDLE_KEYS.map((k) => keys[k].certPem).join(''));

  // The key-lifecycle cases publish and withdraw metadata certificates and break the metadata server.
  const keySet = new KeySetLifecycle(METADATA_KEYS, (name) => name.startsWith('meta-') && name in keys);
  const stsRouter = new Router('sts', log, 'https');
  const published = () => keySet.publishedNames().map((name) => ({ derBase64: keys[name].jwk.x5c[0], ...metadataSpelling(name) }));
  addS2sMetadataRoutes(stsRouter, issuerAt(ISSUER_A_ID), published, keySet);
  const attackerRouter = new Router('attacker', log, 'https');
  addAttackerRoutes(attackerRouter, keys.rogue.jwk, keys.rogue.certPem);

  const servers = await Promise.all([listen(stsRouter, { certPem: tls.certPem, keyPem: tls.keyPem }), listen(attackerRouter, { certPem: tls.certPem, keyPem: tls.keyPem })]);
  const [sts, attacker] = servers;
  return {
    keys,
    urls: { sts: sts.origin, attacker: attacker.origin },
    routedHosts: [],
    routeTo: `127.0.0.1:${sts.port}`,
    sutEnv: s2sSutEnv(profile, bundlePath, `${sts.origin}${METADATA_PATH}`),
    close: async () => void (await Promise.all(servers.map((s) => s.close()))),
    addControlRoutes: (router) => keySet.addControlRoutes(router),
  };
}
