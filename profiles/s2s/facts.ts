// The SharePoint S2S (MS-SPS2SAUTH) and MS-XOAUTH resource-server profiles: identities, keys, the
// environment a SUT gets (public contract: never rename) and the valid baseline of each path,
// shaped as SharePoint's TokenHelper builds tokens (docs/facts.md, "SharePoint high-trust S2S").
import type { LifecycleKeyServer } from '../../harness/engine/case-model';
import type { SigningKeySpec } from '../../harness/keys/signing-keys';
import type { CaseDraft, TokenDraft } from '../../harness/tokens/draft';
import type { MutationContext } from '../../harness/tokens/mutations';

export type S2sProfile = 'sharepoint-s2s' | 'xoauth';
export type S2sPath = 'app-user' | 'app-only' | 'app-only-metadata';

/** The claim of the outer token that carries the actor: MS-SPS2SAUTH's name, and MS-XOAUTH's. */
export const ACTOR_CLAIM: Record<S2sProfile, string> = { 'sharepoint-s2s': 'actortoken', xoauth: 'actort' };

export const SHAREPOINT_ID = '00000003-0000-0ff1-ce00-000000000000';
export const EXCHANGE_ID = '00000002-0000-0ff1-ce00-000000000000';
export const REALM = '6305dc22-3c9f-4b5e-9d1a-7e2b8c4f0a13';
export const OTHER_REALM = 'b41e7a90-52c3-4d8e-a6f1-09c2d3e4f5a6';
/** The SUT's host as tokens name it: with a port, the way TokenHelper puts the URI authority in aud. */
export const HOSTNAME = 'sharepoint.contoso.test:8443';
export const ISSUER_A_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const ISSUER_B_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const UNTRUSTED_ISSUER_ID = '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f';
/** The add-in (client) whose principal the actor's nameid names. */
export const CLIENT_APP_ID = '7c2d0b5e-1f3a-4c6d-9e8f-0a1b2c3d4e5f';
export const USER_SID = 's-1-5-21-2127521184-1604012920-1887927527-415298';
/** The client principals the SUT allows (S2S_ALLOWED_CLIENTS): the add-in only, as registered with the server. */
export const ALLOWED_CLIENTS = [CLIENT_APP_ID];
/** A client principal the trusted STS can vouch for but the SUT does not allow (XO-27). */
export const OTHER_CLIENT_ID = '8d3e1c6f-2a4b-4d7e-8f90-1b2c3d4e5f60';

export const issuerAt = (id: string, realm = REALM): string => `${id}@${realm}`;
export const TRUSTED_ISSUERS = [issuerAt(ISSUER_A_ID), issuerAt(ISSUER_B_ID)];
export const audience = (clientId = SHAREPOINT_ID, host = HOSTNAME, realm = REALM): string => `${clientId}/${host}@${realm}`;

export const S2S_KEYS: SigningKeySpec[] = [
  { name: 'sts-a' }, // issuer A's certificate, in the trusted PEM bundle
  { name: 'sts-b' }, // issuer B's certificate, in the trusted PEM bundle
  { name: 'meta-1' }, // published only in the metadata document, as x509Certificate / signing
  { name: 'meta-2' }, // published only in the metadata document, as x509certificate / Signing
  { name: 'meta-w' }, // published in the metadata until a key-lifecycle case withdraws it
  { name: 'meta-w2' }, // likewise (the case that reports how long a withdrawn certificate stays accepted)
  // published in the metadata only by key-lifecycle cases (rotation, faults)
  { name: 'meta-new-1' },
  { name: 'meta-new-2' },
  { name: 'meta-new-3' },
  { name: 'meta-new-4' },
  { name: 'meta-new-5' },
  { name: 'untrusted' }, // issued by the same test CA, trusted nowhere
  { name: 'rogue' }, // the attacker's (served by the attacker server for x5u)
];
export const BUNDLE_KEYS = ['sts-a', 'sts-b'];
/** The metadata document's certificates at the start of a run (the key-lifecycle cases change them). */
export const METADATA_KEYS = ['meta-1', 'meta-2', 'meta-w', 'meta-w2'];
/** The spelling each metadata certificate is listed with: meta-2's varies, as between SharePoint versions. */
export const metadataSpelling = (name: string) => (name === 'meta-2' ? { type: 'x509certificate', usage: 'Signing' } : { type: 'x509Certificate', usage: 'signing' });

/** The key server of the key-lifecycle cases: the STS's metadata document is both the metadata and the key set. */
export const S2S_KEY_SERVER: LifecycleKeyServer = {
  server: 'sts',
  metadata: /^\/_layouts\/15\/metadata\/json\/1$/,
  jwks: /^\/_layouts\/15\/metadata\/json\/1$/,
  controlKey: 'meta-1',
  keyHeader: 'x5t',
  keysDocument: 'metadata document',
};

/** The SUT environment of these profiles (docs/profiles/sharepoint-s2s.md). */
export function s2sSutEnv(profile: S2sProfile, bundlePath: string, metadataUrl: string): Record<string, string> {
  return {
    S2S_PROFILE: profile,
    S2S_CLIENT_ID: SHAREPOINT_ID,
    S2S_HOSTNAME: HOSTNAME,
    S2S_REALM: REALM,
    S2S_TRUSTED_ISSUERS: TRUSTED_ISSUERS.join(','),
    S2S_TRUSTED_CERTS: bundlePath,
    S2S_METADATA_URL: metadataUrl,
    S2S_ALLOWED_CLIENTS: ALLOWED_CLIENTS.join(','),
  };
}

const HOURS_12 = 12 * 3600;

/** TokenHelper's actor token: RS256, x5t, string nbf/exp 12 h apart. */
export function actorToken(ctx: MutationContext, key = 'sts-a', withDelegation = true): TokenDraft {
  const claims: Record<string, unknown> = {
    aud: audience(),
    iss: issuerAt(ISSUER_A_ID),
    nameid: issuerAt(CLIENT_APP_ID),
    nbf: String(ctx.now),
    exp: String(ctx.now + HOURS_12),
  };
  if (withDelegation) claims.trustedfordelegation = 'true';
  return { header: { alg: 'RS256', typ: 'JWT', x5t: ctx.keys[key].jwk.x5t }, claims, signWith: { kind: 'key', key }, finish: [] };
}

/** A valid token and request for one path: the positive control every case mutates. */
export function s2sBaseline(profile: S2sProfile, path: S2sPath, ctx: MutationContext): CaseDraft {
  const request = { method: 'GET' as const, auth: { in: 'authorization' as const, scheme: 'Bearer' }, activity: {} };
  if (path === 'app-only') return { token: actorToken(ctx, 'sts-a', false), request };
  if (path === 'app-only-metadata') return { token: actorToken(ctx, 'meta-1', false), request };
  const actor = actorToken(ctx);
  return {
    token: {
      header: { alg: 'none', typ: 'JWT' },
      claims: {
        aud: actor.claims.aud,
        iss: actor.claims.nameid,
        nbf: actor.claims.nbf,
        exp: actor.claims.exp,
        nameid: USER_SID,
        nii: 'urn:office:idp:activedirectory',
      },
      signWith: { kind: 'none' },
      finish: [],
      embed: { claim: ACTOR_CLAIM[profile], token: actor },
    },
    request,
  };
}
