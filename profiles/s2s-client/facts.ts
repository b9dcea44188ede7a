// The s2s-client profile (MS-XOAUTH 3.1.5, 4.2-4.4; MS-SPS2SAUTH 3.2.5): the SUT SENDS the tokens.
// The harness plays the resource server: it answers the SUT's anonymous request with a 401 Bearer
// challenge in one of the shapes real servers send (the scenarios below), and records the token the
// SUT then sends, which the cases judge. Identities and the SUT environment here are public
// contract (docs/profiles/s2s-client.md): never rename.
import { CLIENT_APP_ID, EXCHANGE_ID, ISSUER_A_ID, OTHER_REALM, REALM, SHAREPOINT_ID, USER_SID } from '../s2s/facts';

/** The resource server's host name as targets name it (the Node preload routes it to the fake). */
export const RESOURCE_HOST = 'sharepoint.contoso.test';
/** The port of the scenario whose target is not on 443 (aud must then carry host:port). */
export const ALT_PORT = 8443;
/** The SUT's own principal (S2S_CLIENT_ID) and the issuer it signs as (S2S_ISSUER_ID, TokenHelper's IssuerId). */
export const CLIENT_ID = CLIENT_APP_ID;
export const ISSUER_ID = ISSUER_A_ID;
/** S2S_USER: a Windows SID as Windows prints it (TokenHelper lower-cases it into the outer nameid). */
export const USER = USER_SID.toUpperCase();
/** The user's identity provider, which S2S_USER (a Windows SID) implies: nii urn:office:idp:activedirectory. */
export const NII_WINDOWS = 'urn:office:idp:activedirectory';
/** ACS, as SharePoint lists it first in trusted_issuers. */
const ACS = '00000001-0000-0000-c000-000000000000@*';
const trustedIssuers = (realm: string) => `${ACS},${ISSUER_ID}@${realm}`;

/** The fakes of this profile, by name (run-state urls and the request log's server names). */
export type ClientServer = 'resource' | 'resource-8443' | 'untrusted-tls' | 'plain-http';

export interface ClientScenario {
  /** Also the site in the target path: /sites/<name>/... (the request log is searched by it). */
  name: string;
  /** What is special about it, for the evidence. */
  describe: string;
  server: ClientServer;
  /** S2S_USER is set: the SUT sends app+user (an outer token carrying the actor). */
  user?: boolean;
  /** What the challenge names, and so what the token must carry. */
  realm: string;
  clientId: string;
  /** The WWW-Authenticate field values of the 401, in order (each its own header line). */
  challenge: string[];
  /** The anonymous request is answered 302 to the decoy (another origin), which then challenges. */
  redirectAnonymous?: boolean;
  /** The request carrying a token is answered 307 to the decoy (another origin). */
  redirectToken?: boolean;
}

const bearer = (realm = REALM, clientId = SHAREPOINT_ID) => `Bearer realm="${realm}", client_id="${clientId}", trusted_issuers="${trustedIssuers(realm)}"`;

/** The challenge the decoy answers an anonymous request with (a client that follows a redirect there gets one). */
export const DECOY_CHALLENGE = [bearer()];

const scenario = (name: string, describe: string, x: Partial<ClientScenario> = {}): ClientScenario => ({
  name,
  describe,
  server: 'resource',
  realm: REALM,
  clientId: SHAREPOINT_ID,
  challenge: [bearer()],
  ...x,
});

export const SCENARIOS: ClientScenario[] = [
  scenario('plain', 'the TokenHelper-friendly challenge: one Bearer field, realm first; app-only'),
  scenario('user', 'the same challenge; S2S_USER set (app+user)', { user: true }),
  scenario('other-realm-exchange', 'a resource in another realm whose principal is Exchange\'s (client_id 00000002-…)', {
    realm: OTHER_REALM,
    clientId: EXCHANGE_ID,
    challenge: [bearer(OTHER_REALM, EXCHANGE_ID)],
  }),
  scenario('realm-last', 'realm is the last parameter of the Bearer challenge', {
    challenge: [`Bearer client_id="${SHAREPOINT_ID}", trusted_issuers="${trustedIssuers(REALM)}", realm="${REALM}"`],
  }),
  scenario('extra-fields', 'WWW-Authenticate fields for NTLM, Negotiate and Basic (realm="SharePoint") before the Bearer one', {
    challenge: ['NTLM', 'Negotiate', 'Basic realm="SharePoint"', bearer()],
  }),
  scenario('one-field', 'several challenges in one WWW-Authenticate field: Negotiate, Basic realm="SharePoint", then Bearer with client_id first', {
    challenge: [`Negotiate, Basic realm="SharePoint", Bearer client_id="${SHAREPOINT_ID}", realm="${REALM}", trusted_issuers="${trustedIssuers(REALM)}"`],
  }),
  scenario('unquoted', 'realm and client_id as tokens, not quoted strings (RFC 7235 allows either)', {
    challenge: [`Bearer realm=${REALM}, client_id=${SHAREPOINT_ID}, trusted_issuers="${trustedIssuers(REALM)}"`],
  }),
  scenario('name-case', 'parameter names in other letter case (Realm, Client_Id, Trusted_Issuers)', {
    challenge: [`Bearer Realm="${REALM}", Client_Id="${SHAREPOINT_ID}", Trusted_Issuers="${trustedIssuers(REALM)}"`],
  }),
  scenario('port', `the target is on port ${ALT_PORT}, not 443`, { server: 'resource-8443' }),
  scenario('untrusted-tls', 'the resource server\'s certificate was issued by a CA the SUT does not trust', { server: 'untrusted-tls' }),
  scenario('plain-http', 'the target is an http:// URL (the server challenges as usual)', { server: 'plain-http' }),
  scenario('redirect-token', 'the request carrying the token is answered 307 to another origin (the decoy)', { redirectToken: true }),
  scenario('redirect-anonymous', 'the anonymous request is answered 302 to another origin (the decoy), which then challenges', { redirectAnonymous: true }),
];

export const scenarioNamed = (name: string): ClientScenario | undefined => SCENARIOS.find((s) => s.name === name);

/** The part of the target path that names the scenario: every request of a scenario's run carries it. */
export const sitePath = (s: Pick<ClientScenario, 'name'>): string => `/sites/${s.name}/`;

/** S2S_TARGET_URL of a scenario: the fake it points at, the scenario's site, the endpoint (default /_api/web). */
export function scenarioTarget(s: ClientScenario, urls: Record<string, string>, endpoint: string): string {
  return `${urls[s.server]}${sitePath(s).slice(0, -1)}${endpoint}`;
}

/** The host[:port] a token for a scenario's target must name in aud (the URI authority, as TokenHelper takes it). */
export const authorityOf = (target: string): string => new URL(target).host;

/** The profile's part of the SUT environment (docs/profiles/s2s-client.md); S2S_TARGET_URL and S2S_USER are per scenario. */
export function clientSutEnv(certPath: string, keyPath: string): Record<string, string> {
  return { S2S_CLIENT_ID: CLIENT_ID, S2S_ISSUER_ID: ISSUER_ID, S2S_CLIENT_CERT: certPath, S2S_CLIENT_KEY: keyPath };
}

export function scenarioEnv(s: ClientScenario, urls: Record<string, string>, endpoint: string): Record<string, string> {
  return { S2S_TARGET_URL: scenarioTarget(s, urls, endpoint), ...(s.user ? { S2S_USER: USER } : {}) };
}
