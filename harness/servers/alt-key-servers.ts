// The two key servers the jwks_uri faults point at: one over plain HTTP, one whose certificate no
// trusted CA issued. Both serve every key a profile might rotate in, so a SUT that trusts them
// accepts a token signed by a key found there (the finding).
import { untrustedCa } from '../ca/untrusted-ca';
import type { PublicJwk } from '../keys/signing-keys';
import type { KeySetLifecycle } from './key-lifecycle';
import { listen, type RunningServer } from './listen';
import { Router, type HitLog } from './router';

export async function startAltKeyServers(log: HitLog, keys: () => PublicJwk[], hostNames: string[], lifecycles: KeySetLifecycle[]): Promise<RunningServer[]> {
  const serve = (router: Router) => router.on('GET', /\/keys$/, () => ({ status: 200, body: { keys: keys() } }));
  const untrustedCert = untrustedCa().issueServerCert(['127.0.0.1', 'localhost', ...hostNames]);
  const [plain, untrusted] = await Promise.all([
    listen(serve(new Router('plain-http-keys', log, 'http'))),
    listen(serve(new Router('untrusted-tls-keys', log, 'https')), { certPem: untrustedCert.certPem, keyPem: untrustedCert.keyPem }),
  ]);
  for (const lc of lifecycles) lc.useAltJwksUris({ plainHttp: `${plain.origin}/keys`, untrustedTls: `${untrusted.origin}/keys` });
  return [plain, untrusted];
}
