// Starts the fakes of the s2s-client profile: the resource server (HTTPS, a test-CA certificate for
// sharepoint.contoso.test, which the Node preload routes to it on any port), the same behaviour
// behind a certificate no trusted CA issued and over plain HTTP, and the decoy (another origin that
// must never see a token). Writes the client's signing certificate (issued by the test CA) to the
// output folder and its private key to a private temp folder, for S2S_CLIENT_CERT / S2S_CLIENT_KEY.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { untrustedCa } from '../../harness/ca/untrusted-ca';
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { listen } from '../../harness/servers/listen';
import { Router } from '../../harness/servers/router';
import { addResourceRoutes, type ResourceBehaviour } from '../../harness/servers/s2s-resource';
import type { ProfileWorld, WorldSetup } from '../../harness/run/profile-world';
import { ALT_PORT, clientSutEnv, DECOY_CHALLENGE, RESOURCE_HOST, scenarioNamed } from './facts';

/** The client's certificate in the output folder (public), its key elsewhere (never in a report folder). */
export const CLIENT_CERT_FILE = 's2s-client-cert.pem';

export async function startS2sClientWorld({ ca, log, outDir }: WorldSetup): Promise<ProfileWorld> {
  const keys = createSigningKeys(ca, [{ name: 'client' }]);
  const certPath = path.join(outDir, CLIENT_CERT_FILE);
  writeFileSync(certPath, keys.client.certPem);
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 's2s-client-key-'));
  const keyPath = path.join(keyDir, 'client-key.pem');
  writeFileSync(keyPath, keys.client.privateKeyPem, { mode: 0o600 });

  const names = [RESOURCE_HOST, '127.0.0.1', 'localhost'];
  const tls = ca.issueServerCert(names);
  const untrustedTls = untrustedCa().issueServerCert(names);
  const behaviour = (site: string): ResourceBehaviour | undefined => scenarioNamed(site);

  const decoyRouter = new Router('attacker', log, 'https');
  addResourceRoutes(decoyRouter, () => ({ challenge: DECOY_CHALLENGE }));
  const decoy = await listen(decoyRouter, { certPem: tls.certPem, keyPem: tls.keyPem });
  const routers = { resource: new Router('resource', log, 'https'), untrusted: new Router('untrusted-tls', log, 'https'), plain: new Router('plain-http', log, 'http') };
  for (const r of Object.values(routers)) addResourceRoutes(r, behaviour, decoy.origin);
  const [resource, untrusted, plain] = await Promise.all([
    listen(routers.resource, { certPem: tls.certPem, keyPem: tls.keyPem }),
    listen(routers.untrusted, { certPem: untrustedTls.certPem, keyPem: untrustedTls.keyPem }),
    listen(routers.plain),
  ]);
  const servers = [decoy, resource, untrusted, plain];
  return {
    keys,
    urls: {
      resource: `https://${RESOURCE_HOST}`,
      'resource-8443': `https://${RESOURCE_HOST}:${ALT_PORT}`,
      'untrusted-tls': untrusted.origin,
      'plain-http': plain.origin,
      attacker: decoy.origin,
    },
    routedHosts: [RESOURCE_HOST],
    routeTo: `127.0.0.1:${resource.port}`,
    routedPorts: [443, ALT_PORT],
    sutEnv: clientSutEnv(certPath, keyPath),
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
