// The bot-framework profile: its identities, its keys, the environment a SUT gets (public
// contract: never rename), and the valid baseline draft of each inbound path.
import type { LifecycleKeyServer } from '../../harness/engine/case-model';
import type { SigningKeySpec } from '../../harness/keys/signing-keys';
import type { CaseDraft } from '../../harness/tokens/draft';
import type { MutationContext } from '../../harness/tokens/mutations';

export const BOT_APP_ID = '9d4d3c2e-6f0b-4b8a-a1de-3c5e8f7a2b10';
export const OTHER_APP_ID = '3f1c0a57-8e2d-4b6a-9c11-7d2e5b9a0c44';
export const BOT_TENANT = 'botframework.com';
export const CHANNEL_ISSUER = 'https://api.botframework.com';
export const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com';

/** Tenants whose Emulator/skill tokens current SDKs accept (docs/facts.md > Bot Framework > Emulator and skill issuers). */
export const EMULATOR_TENANTS = [
  'd6d49420-f39b-4df7-a1dc-d59a935871db',
  'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
  '72f988bf-86f1-41af-91ab-2d7cd011db47',
] as const;
export const UNLISTED_TENANT = '0b5a2e1c-44d7-4f0e-8a63-2c9d1e7f6a35';
export const v1Issuer = (tenant: string): string => `https://sts.windows.net/${tenant}/`;
export const v2Issuer = (tenant: string): string => `https://login.microsoftonline.com/${tenant}/v2.0`;

/** Real Microsoft hosts a Node SUT may have hard-coded; the preload routes them to the fakes (and the
 *  proxy of proxy mode tunnels them). `login.windows.net`: the AAD v1 login host, where adal-node (botbuilder
 *  up to 4.16) asks for instance discovery and, on the public cloud, its token. */
export const ROUTED_HOSTS = ['login.botframework.com', 'login.microsoftonline.com', 'api.botframework.com', 'sts.windows.net', 'login.windows.net'];

export const BOT_FRAMEWORK_KEYS: SigningKeySpec[] = [
  { name: 'connector-a', endorsements: ['webchat', 'msteams', 'directline', 'slack', 'emulator'] },
  { name: 'connector-b', endorsements: ['skype'] },
  { name: 'aad-a' },
  { name: 'aad-b' },
  { name: 'rogue' }, // never published anywhere
  // The key-lifecycle cases' own Connector keys: `connector-w` and `connector-w2` are published from
  // the start and later withdrawn; each `connector-new-N` is unknown to the SUT until a case publishes it (or never is).
  { name: 'connector-w', endorsements: ['webchat', 'msteams', 'directline', 'slack', 'emulator'] },
  { name: 'connector-w2', endorsements: ['webchat', 'msteams', 'directline', 'slack', 'emulator'] },
  ...Array.from({ length: 9 }, (_, i) => ({ name: `connector-new-${i + 1}`, endorsements: ['webchat', 'msteams', 'directline', 'slack', 'emulator'] })),
];
export const CONNECTOR_KEYS = ['connector-a', 'connector-b'];
/** The Connector's key server as the key-lifecycle cases see it. */
export const CONNECTOR_KEY_SERVER: LifecycleKeyServer = {
  server: 'front',
  metadata: /^\/v1\/\.well-known\/openidconfiguration$/,
  jwks: /^\/v1(\/\.well-known)?\/keys$/,
  controlKey: 'connector-a',
};
/** Published by the Connector's key server when the run starts (the lifecycle cases change the set). */
export const INITIALLY_PUBLISHED_CONNECTOR_KEYS = [...CONNECTOR_KEYS, 'connector-w', 'connector-w2'];
export const AAD_KEYS = ['aad-a', 'aad-b'];

export interface BotFrameworkUrls {
  front: string; // https://127.0.0.1:F (metadata, keys, STS, Connector)
  emulator: string; // https://127.0.0.1:E (the fake Emulator's own Connector API)
}

/** The SUT environment for this profile (docs/contract.md). */
export function botFrameworkSutEnv(urls: BotFrameworkUrls, appPassword: string): Record<string, string> {
  return {
    MicrosoftAppId: BOT_APP_ID,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: BOT_TENANT,
    ChannelService: 'https://botframework.test',
    ToBotFromChannelOpenIdMetadataUrl: `${urls.front}/v1/.well-known/openidconfiguration`,
    ToBotFromEmulatorOpenIdMetadataUrl: `${urls.front}/common/v2.0/.well-known/openid-configuration`,
    ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
    ToChannelFromBotLoginUrl: `${urls.front}/${BOT_TENANT}`,
    ToChannelFromBotOAuthScope: BOT_CONNECTOR_SCOPE,
    ValidateAuthority: 'false',
    Connections__serviceConnection__Settings__ClientId: BOT_APP_ID,
    Connections__serviceConnection__Settings__ClientSecret: appPassword,
    Connections__serviceConnection__Settings__TenantId: BOT_TENANT,
    Connections__serviceConnection__Settings__AuthorityEndpoint: urls.front,
  };
}

export type BotPath = 'channel' | 'emulator-v1' | 'emulator-v2';

export interface BaselineContext extends MutationContext {
  urls: BotFrameworkUrls;
}

function activity(ctx: BaselineContext, channelId: string, serviceUrl: string): Record<string, unknown> {
  const nonce = Math.random().toString(36).slice(2, 10);
  return {
    type: 'message',
    id: `act-${nonce}`,
    timestamp: new Date(ctx.now * 1000).toISOString(),
    channelId,
    serviceUrl,
    from: { id: 'user-1', name: 'Conformance User' },
    conversation: { id: `conv-${ctx.caseId}-${nonce}` },
    recipient: { id: `28:${BOT_APP_ID}`, name: 'bot under test' },
    text: 'hello',
  };
}

/** A valid token and request for one inbound path: the positive control every case mutates. */
export function baseline(path: BotPath, ctx: BaselineContext): CaseDraft {
  const times = { nbf: ctx.now - 5, iat: ctx.now - 5, exp: ctx.now + 3600 };
  if (path === 'channel') {
    const serviceUrl = `${ctx.urls.front}/`;
    const key = ctx.keys['connector-a'];
    return {
      token: {
        header: { alg: 'RS256', typ: 'JWT', kid: key.kid, x5t: key.jwk.x5t },
        claims: { serviceurl: serviceUrl, iss: CHANNEL_ISSUER, aud: BOT_APP_ID, ...times },
        signWith: { kind: 'key', key: 'connector-a' },
        finish: [],
      },
      request: { auth: { in: 'authorization', scheme: 'Bearer' }, activity: activity(ctx, 'webchat', serviceUrl) },
    };
  }
  const key = ctx.keys['aad-a'];
  const tenant = EMULATOR_TENANTS[0];
  const claims: Record<string, unknown> =
    path === 'emulator-v1'
      ? { aud: BOT_APP_ID, iss: v1Issuer(tenant), ...times, appid: BOT_APP_ID, appidacr: '1', tid: tenant, ver: '1.0' }
      : { aud: BOT_APP_ID, iss: v2Issuer(tenant), ...times, azp: BOT_APP_ID, azpacr: '1', tid: tenant, ver: '2.0' };
  return {
    token: {
      header: { alg: 'RS256', typ: 'JWT', kid: key.kid, x5t: key.jwk.x5t },
      claims,
      signWith: { kind: 'key', key: 'aad-a' },
      finish: [],
    },
    request: { auth: { in: 'authorization', scheme: 'Bearer' }, activity: activity(ctx, 'emulator', `${ctx.urls.emulator}/`) },
  };
}
