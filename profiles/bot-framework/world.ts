// Starts the fakes of the bot-framework profile: key servers + STS + Connector (one HTTPS "front"
// that also answers for the real Microsoft host names), the fake Emulator, and the attacker server.
import { createLocalJWKSet, jwtVerify } from 'jose';
import { startAltKeyServers } from '../../harness/servers/alt-key-servers';
import { KeySetLifecycle } from '../../harness/servers/key-lifecycle';
import { createSigningKeys } from '../../harness/keys/signing-keys';
import { untrustedCa } from '../../harness/ca/untrusted-ca';
import { addAttackerRoutes } from '../../harness/servers/attacker';
import { addConnectorRoutes } from '../../harness/servers/connector';
import { addKeyServerRoutes } from '../../harness/servers/key-server';
import { listen } from '../../harness/servers/listen';
import { Router } from '../../harness/servers/router';
import { addStsControlRoutes, addStsRoutes, type StsBehaviour } from '../../harness/servers/sts';
import { renderToken } from '../../harness/tokens/draft';
import type { ProfileWorld, WorldSetup } from '../../harness/run/profile-world';
import {
  AAD_KEYS,
  BOT_APP_ID,
  BOT_CONNECTOR_SCOPE,
  BOT_FRAMEWORK_KEYS,
  botFrameworkSutEnv,
  CHANNEL_ISSUER,
  EMULATOR_TENANTS,
  INITIALLY_PUBLISHED_CONNECTOR_KEYS,
  ROUTED_HOSTS,
  v1Issuer,
} from './facts';


const STS_ISSUER = v1Issuer(EMULATOR_TENANTS[0]);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The Connector scope, or an app id (the Agents SDK asks for `<inbound azp>/.default` when it answers an Emulator). */
const stsAllowsScope = (scope: string): boolean => scope === `${BOT_CONNECTOR_SCOPE}/.default` || GUID.test(scope.replace(/\/\.default$/, ''));
/** The retired v3.0 scope: a real STS issues a Graph token for it (which the Connector then refuses); the bot-outbound world does too. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Conversation ids the bot-outbound Connector redirects (307) to the decoy instead of answering. */
export const REDIRECTED_CONVERSATION = /^redirect-/;

/** How the fake Connector judges a bot's bearer, as the real one does (BF-B2C-15): a JWS signed by one of the
 *  STS's keys, by the STS's issuer, for the Connector's audience, unexpired, whose appid is the bot's. Returns
 *  the problem, or undefined when it is acceptable. */
export function connectorBearerVerifier(stsJwks: object[]): (token: string) => Promise<string | undefined> {
  const stsKeySet = createLocalJWKSet({ keys: stsJwks as never });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, stsKeySet, { issuer: STS_ISSUER, audience: BOT_CONNECTOR_SCOPE, algorithms: ['RS256'] });
      return payload.appid === BOT_APP_ID ? undefined : `appid ${String(payload.appid)} is not the bot's app id`;
    } catch (err) {
      return `bearer rejected: ${(err as Error).message}`;
    }
  };
}

export interface BotFrameworkWorldOptions {
  /** The bot-outbound profile: the STS's behaviour under control (POST /sts), Graph tokens issued, the
   *  Connector redirecting `redirect-*` conversations to the attacker server, and a plain-HTTP Connector. */
  outbound?: boolean;
}

export async function startBotFrameworkWorld({ ca, log, secret: appPassword, keys: runKeys }: WorldSetup, opts: BotFrameworkWorldOptions = {}): Promise<ProfileWorld> {
  const keys = runKeys ?? createSigningKeys(ca, BOT_FRAMEWORK_KEYS);
  const jwks = (names: string[]) => () => names.map((n) => keys[n].jwk);
  const serverCert = ca.issueServerCert(['127.0.0.1', 'localhost', ...ROUTED_HOSTS]);
  const tls = { certPem: serverCert.certPem, keyPem: serverCert.keyPem };

  const stsKey = keys['aad-a'];
  const mint = (clientId: string, resource: string, lifetime: number): string => {
    const now = Math.floor(Date.now() / 1000);
    return renderToken(
      {
        header: { alg: 'RS256', typ: 'JWT', kid: stsKey.kid, x5t: stsKey.jwk.x5t },
        claims: { aud: resource, iss: STS_ISSUER, iat: now, nbf: now, exp: now + lifetime, appid: clientId, appidacr: '1', tid: EMULATOR_TENANTS[0], ver: '1.0' },
        signWith: { kind: 'key', key: 'aad-a' },
        finish: [],
      },
      keys,
    );
  };
  const verifyBearer = connectorBearerVerifier(AAD_KEYS.map((n) => keys[n].jwk));

  // The Connector's key set changes during the key-lifecycle cases; two more key servers (plain
  // HTTP, an untrusted certificate) serve every Connector key for the faults that name them.
  const connectorKeySet = new KeySetLifecycle(INITIALLY_PUBLISHED_CONNECTOR_KEYS, (name) => name in keys);
  const everyConnectorKey = () => Object.keys(keys).filter((n) => n.startsWith('connector-')).map((n) => keys[n].jwk);
  const altKeyServers = await startAltKeyServers(log, everyConnectorKey, ROUTED_HOSTS, [connectorKeySet]);

  const frontRouter = new Router('front', log, 'https');
  addKeyServerRoutes(frontRouter, {
    connectorJwks: () => connectorKeySet.publishedNames().map((n) => keys[n].jwk),
    aadJwks: jwks(AAD_KEYS),
    channelIssuer: CHANNEL_ISSUER,
    connectorLifecycle: connectorKeySet,
  });
  const sts: StsBehaviour = { lifetimeSeconds: 3600, fault: null };
  const allowsScope = opts.outbound ? (scope: string) => stsAllowsScope(scope) || scope === GRAPH_SCOPE : stsAllowsScope;
  addStsRoutes(frontRouter, { clientId: BOT_APP_ID, clientSecret: appPassword, allowsScope, mint, lifetimeSeconds: 3600 }, sts);
  let attackerOrigin = '';
  const redirectTo = opts.outbound ? (conv: string, path: string) => (REDIRECTED_CONVERSATION.test(conv) ? `${attackerOrigin}${path}` : undefined) : undefined;
  addConnectorRoutes(frontRouter, { verifyBearer, redirectTo });

  const emulatorRouter = new Router('emulator', log, 'https');
  addConnectorRoutes(emulatorRouter, {});

  const attackerRouter = new Router('attacker', log, 'https');
  addConnectorRoutes(attackerRouter, {}); // a bot steered here by a forged serviceUrl posts its reply (and bearer) here
  addAttackerRoutes(attackerRouter, keys.rogue.jwk, keys.rogue.certPem);

  // bot-outbound: a Connector on plain HTTP, and one whose certificate no trusted CA issued, for an
  // activity whose serviceUrl names them (the bearer must go to neither).
  const plainConnectorRouter = new Router('plain-connector', log, 'http');
  addConnectorRoutes(plainConnectorRouter, { verifyBearer });
  const untrustedConnectorRouter = new Router('untrusted-connector', log, 'https');
  addConnectorRoutes(untrustedConnectorRouter, { verifyBearer });
  const untrusted = opts.outbound ? untrustedCa() : undefined;
  const untrustedCert = untrusted?.issueServerCert(['127.0.0.1', 'localhost']);
  // For BF-B2O-TLS-003 the front (the STS, and the Connector with it) presents this one: the right
  // names, an untrusted issuer.
  const untrustedFrontCert = untrusted?.issueServerCert(['127.0.0.1', 'localhost', ...ROUTED_HOSTS]);

  const [front, emulator, attacker, plainConnector, untrustedConnector] = await Promise.all([
    // bot-outbound: the front also takes cleartext, so a token request sent in the clear (the client
    // secret exposed) is answered and recorded as such, and judged by BF-B2O-STS-001.
    listen(frontRouter, tls, 0, { alsoPlain: Boolean(opts.outbound) }),
    listen(emulatorRouter, tls),
    listen(attackerRouter, tls),
    ...(untrustedCert ? [listen(plainConnectorRouter), listen(untrustedConnectorRouter, { certPem: untrustedCert.certPem, keyPem: untrustedCert.keyPem })] : []),
  ]);
  attackerOrigin = attacker.origin;
  const outboundServers = plainConnector && untrustedConnector ? { 'plain-connector': plainConnector, 'untrusted-connector': untrustedConnector } : {};
  const servers = [front, emulator, attacker, ...Object.values(outboundServers), ...altKeyServers];
  return {
    keys,
    urls: { front: front.origin, emulator: emulator.origin, attacker: attacker.origin, ...Object.fromEntries(Object.entries(outboundServers).map(([k, v]) => [k, v.origin])) },
    routedHosts: ROUTED_HOSTS,
    routeTo: `127.0.0.1:${front.port}`,
    sutEnv: botFrameworkSutEnv({ front: front.origin, emulator: emulator.origin }, appPassword),
    close: async () => {
      connectorKeySet.apply({ fault: null }); // releases any answer still held by a hang fault
      await Promise.all(servers.map((s) => s.close()));
    },
    addControlRoutes: (router) => {
      connectorKeySet.addControlRoutes(router);
      if (opts.outbound) {
        let untrustedShown = false;
        addStsControlRoutes(router, sts, (fault) => {
          const untrusted = fault?.kind === 'untrusted-certificate';
          if (untrusted === untrustedShown) return;
          untrustedShown = untrusted;
          front.presentCertificate!(untrusted ? { certPem: untrustedFrontCert!.certPem, keyPem: untrustedFrontCert!.keyPem } : tls);
        }, () => ({ tlsConnections: front.tlsConnections!() }));
      }
    },
  };
}
