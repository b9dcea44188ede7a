// Starts the fakes of the Actionable Messages profiles: the sender's key server (the legacy
// substrate metadata and the Entra tenant metadata on one HTTPS server whose certificate also
// carries the real host names) and the attacker server.
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { addAttackerRoutes } from '../../harness/servers/attacker';
import { startAltKeyServers } from '../../harness/servers/alt-key-servers';
import { KeySetLifecycle } from '../../harness/servers/key-lifecycle';
import { addKeyServerRoutes } from '../../harness/servers/key-server';
import { listen } from '../../harness/servers/listen';
import { Router } from '../../harness/servers/router';
import { addSubstrateMetadataRoutes, SUBSTRATE_METADATA_PATH } from '../../harness/servers/substrate-metadata';
import { ACTION_RECORD_PATH, AM_KEYS, AM_ROUTED_HOSTS, amSutEnv, PUBLISHED_KEYS, TENANT, type AmProfile } from './facts';
import type { ProfileWorld, WorldSetup } from '../../harness/run/profile-world';

export async function startAmWorld({ ca, log, keys: runKeys }: WorldSetup, profile: AmProfile): Promise<ProfileWorld> {
  const keys = runKeys ?? createSigningKeys(ca, AM_KEYS);
  // The key-lifecycle cases publish and withdraw keys and break the key server; besides, the first
  // key-set answer is the SUT's first load and every later one (a refresh) has rotated in a new key.
  const keySet = new KeySetLifecycle(PUBLISHED_KEYS, (name) => name in keys);
  let keySetAnswers = 0;
  const jwks = () => [...keySet.publishedNames(), ...(keySetAnswers++ > 0 ? ['am-rotated'] : [])].map((n) => keys[n].jwk);
  const tls = ca.issueServerCert(['127.0.0.1', 'localhost', ...AM_ROUTED_HOSTS]);
  const everyKey = () => Object.keys(keys).filter((n) => n.startsWith('am-')).map((n) => keys[n].jwk);
  const altKeyServers = await startAltKeyServers(log, everyKey, AM_ROUTED_HOSTS, [keySet]);

  const senderRouter = new Router('sender', log, 'https');
  addSubstrateMetadataRoutes(senderRouter, jwks, keySet);
  addKeyServerRoutes(senderRouter, { connectorJwks: () => [], aadJwks: jwks, channelIssuer: 'https://invalid.test', aadLifecycle: keySet });
  // The provider's back end: the SUT records there each action it carries out (the cases count the records).
  senderRouter.on('POST', new RegExp(`^${ACTION_RECORD_PATH}/[^/]+$`), () => ({ status: 204 }));
  const attackerRouter = new Router('attacker', log, 'https');
  addAttackerRoutes(attackerRouter, keys.rogue.jwk, keys.rogue.certPem);

  const pem = { certPem: tls.certPem, keyPem: tls.keyPem };
  const [sender, attacker] = await Promise.all([listen(senderRouter, pem), listen(attackerRouter, pem)]);
  const servers = [sender, attacker, ...altKeyServers];
  const openIdUrl = profile === 'actionable-messages-entra' ? `${sender.origin}/${TENANT}/v2.0/.well-known/openid-configuration` : `${sender.origin}${SUBSTRATE_METADATA_PATH}`;
  return {
    keys,
    urls: { sender: sender.origin, attacker: attacker.origin },
    routedHosts: AM_ROUTED_HOSTS,
    routeTo: `127.0.0.1:${sender.port}`,
    sutEnv: amSutEnv(profile, openIdUrl, `${sender.origin}${ACTION_RECORD_PATH}`),
    close: async () => {
      keySet.apply({ fault: null }); // releases any answer still held by a hang fault
      await Promise.all(servers.map((s) => s.close()));
    },
    addControlRoutes: (router) => keySet.addControlRoutes(router),
  };
}
