// The Outlook Actionable Messages action-endpoint profiles: `actionable-messages` (the legacy
// Microsoft-signed "external access token") and `actionable-messages-entra` (an Entra ID access
// token, what Microsoft sends since 2026-06-08). Identities, keys, the SUT environment (public
// contract: never rename) and the valid baseline of each path.
import type { LifecycleKeyServer } from '../../harness/engine/case-model';
import type { SigningKeySpec } from '../../harness/keys/signing-keys';
import type { CaseDraft } from '../../harness/tokens/draft';
import type { MutationContext } from '../../harness/tokens/mutations';

export type AmProfile = 'actionable-messages' | 'actionable-messages-entra';
export type AmPath = 'email' | 'connector' | 'entra-v2' | 'entra-v1';

/** The Actionable Messages service's client id, in appid (legacy, Entra v1) or azp (Entra v2). */
export const AM_APP_ID = '48af08dc-f6d2-435f-b2a7-069abd99c086';
export const OTHER_CLIENT_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
export const LEGACY_VER = 'STI.ExternalAccessToken.V1';
export const SUBSTRATE_ISSUER = 'https://substrate.office.com/sts/';
/** The provider's registered base URL (legacy aud) and application ID URI (Entra aud). */
export const BASE_URL = 'https://actions.contoso.test';
export const APP_ID_URI = 'api://actions.contoso.test/5e1a7b3c-9d2f-4e8a-b6c0-1f2e3d4c5b6a';
export const TENANT = '8c4e2a1f-7b3d-4f6e-9a0c-2d1e5f3b7a9c';
export const OTHER_TENANT = 'e7f6d5c4-b3a2-4190-8f7e-6d5c4b3a2910';
export const entraV2Issuer = (tenant = TENANT) => `https://login.microsoftonline.com/${tenant}/v2.0`;
export const entraV1Issuer = (tenant = TENANT) => `https://sts.windows.net/${tenant}/`;
/** The scope the provider's application exposes and Actionable Messages was granted: the scp of a delegated Entra token. */
export const EXPECTED_SCOPE = 'access_as_user';
export const USER_EMAIL = 'alice@contoso.test';
export const USER_OID = '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f';
export const SENDER = 'notifications@contoso.test';
export const OTHER_SENDER = 'billing@contoso.test';

/** Real hosts a Node SUT may have hard-coded; the preload routes them to the fake sender. */
export const AM_ROUTED_HOSTS = ['substrate.office.com', 'login.microsoftonline.com', 'sts.windows.net'];

/** am-rotated is published only from the sender's second key-set answer on: a key rotation. */
export const AM_KEYS: SigningKeySpec[] = [
  { name: 'am-a' },
  { name: 'am-b' },
  { name: 'am-rotated' },
  { name: 'rogue' },
  // Published from the start and withdrawn by a key-lifecycle case (KLC-004): the SUT has it cached.
  { name: 'am-w' },
  // The key-lifecycle cases' own keys: unknown to the SUT until a case publishes them (or never).
  ...Array.from({ length: 8 }, (_, i) => ({ name: `am-new-${i + 1}` })),
];
export const PUBLISHED_KEYS = ['am-a', 'am-b', 'am-w'];

/** The sender's key server as the key-lifecycle cases see it, per profile (legacy substrate metadata, or the tenant's). */
export const AM_KEY_SERVERS: Record<AmProfile, LifecycleKeyServer> = {
  'actionable-messages': { server: 'sender', metadata: /^\/sts\/common\/\.well-known\/openid-configuration$/, jwks: /^\/sts\/common\/discovery\/keys$/, controlKey: 'am-a' },
  'actionable-messages-entra': { server: 'sender', metadata: new RegExp(`^/${TENANT}/v2\\.0/\\.well-known/openid-configuration$`), jwks: new RegExp(`^/${TENANT}/discovery/v2\\.0/keys$`), controlKey: 'am-a' },
};

/** Where the SUT records each action it carries out (AM_ACTION_RECORD_URL/<requestId>): the fake provider back end on the sender's server. */
export const ACTION_RECORD_PATH = '/provider/actions';
export const actionRecordPath = (requestId: string) => `${ACTION_RECORD_PATH}/${encodeURIComponent(requestId)}`;

export function amSutEnv(profile: AmProfile, openIdUrl: string, actionRecordUrl: string): Record<string, string> {
  const entra = profile === 'actionable-messages-entra';
  return {
    AM_PROFILE: profile,
    AM_OPENID_URL: openIdUrl,
    AM_ISSUER: entra ? `${entraV2Issuer()},${entraV1Issuer()}` : SUBSTRATE_ISSUER,
    AM_AUDIENCE: entra ? APP_ID_URI : BASE_URL,
    AM_ALLOWED_SENDERS: SENDER,
    AM_ACTION_RECORD_URL: actionRecordUrl,
    // Entra only: the scope the provider exposes (a delegated token's scp must name it).
    ...(entra ? { AM_EXPECTED_SCOPE: EXPECTED_SCOPE } : {}),
  };
}

/** A valid token and action request for one path: the positive control every case mutates. */
export function amBaseline(path: AmPath, ctx: MutationContext): CaseDraft {
  const key = ctx.keys['am-a'];
  const times = { iat: ctx.now - 5, nbf: ctx.now - 5, exp: ctx.now + 3600 };
  const nonce = Math.random().toString(36).slice(2, 12);
  const claims: Record<string, unknown> =
    path === 'email' ? { iss: SUBSTRATE_ISSUER, aud: BASE_URL, sub: USER_EMAIL, sender: SENDER, appid: AM_APP_ID, appidacr: '2', ver: LEGACY_VER, ...times }
    : path === 'connector' ? { iss: SUBSTRATE_ISSUER, aud: BASE_URL, sub: USER_OID, appid: AM_APP_ID, appidacr: '2', ver: LEGACY_VER, ...times }
    : path === 'entra-v2' ? { iss: entraV2Issuer(), aud: APP_ID_URI, sub: USER_OID, oid: USER_OID, azp: AM_APP_ID, azpacr: '2', tid: TENANT, scp: EXPECTED_SCOPE, ver: '2.0', ...times }
    : { iss: entraV1Issuer(), aud: APP_ID_URI, sub: USER_OID, oid: USER_OID, appid: AM_APP_ID, appidacr: '2', tid: TENANT, scp: EXPECTED_SCOPE, ver: '1.0', ...times };
  return {
    token: { header: { alg: 'RS256', typ: 'JWT', kid: key.kid, x5t: key.jwk.x5t }, claims, signWith: { kind: 'key', key: 'am-a' }, finish: [] },
    // The limited-purpose token: opaque, generated per request, echoed back in the action body.
    request: { method: 'POST', auth: { in: 'authorization', scheme: 'Bearer' }, activity: { action: 'approve', requestId: `req-${ctx.caseId}-${nonce}`, lpt: `lpt-${nonce}` } },
  };
}
