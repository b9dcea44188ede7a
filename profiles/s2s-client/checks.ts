// The s2s-client catalog's judging helpers (./cases.ts): the verdicts, readers of what the SUT sent
// (its token, the actor, the outer token), and the checks the cases share (times, strings, where a
// token must never go), with the catalog entry's shape.
import type { Expect, Level } from '../../harness/engine/case-model';
import type { ClientCheck, ClientObservation, ClientVerdict, DecodedJwt, SentToken } from './observation';

export const SPS = 'ms-sps2sauth-sharepoint-s2s';
export const XO = 'ms-xoauth-oauth2-extensions';
export const FACTS = 'current-practice';
export const FACT = (topic: string) => `docs/facts.md > SharePoint high-trust S2S > ${topic}`;
export const later = 'MS-XOAUTH rev. 8.0 (2025) is the later document and stands';

// ---- verdict helpers -------------------------------------------------------------------------

export const ok = (saw: string): ClientVerdict => ({ ok: true, saw });
export const bad = (problem: string): ClientVerdict => ({ ok: false, problem });
export const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));
export const exited = (o: ClientObservation) => `the SUT exited ${o.run.exitCode ?? o.run.signal}${o.run.tail.length ? ` (${o.run.tail.at(-1)})` : ''}`;

/** The check applied to the first token the target received; no token at all is the problem. */
export const withToken = (f: (t: SentToken, o: ClientObservation, x: Parameters<ClientCheck>[1]) => ClientVerdict): ClientCheck => (o, x) => {
  const t = o.tokens[0];
  if (!t) return bad(`no token reached the target (${o.requests.length} request(s), none carrying a token); ${exited(o)}`);
  return f(t, o, x);
};

/** The check applied to the signed actor of the first token (the token itself when app-only). */
export const withActor = (f: (a: DecodedJwt & { header: Record<string, unknown>; payload: Record<string, unknown> }, t: SentToken, o: ClientObservation, x: Parameters<ClientCheck>[1]) => ClientVerdict): ClientCheck =>
  withToken((t, o, x) => {
    if (!t.actor) return bad(t.outer ? 'the outer token carries no actor token (actortoken)' : 'the token is not a compact JWT');
    if (t.actor.malformed || !t.actor.header || !t.actor.payload) return bad(`the actor token does not decode: ${t.actor.malformed ?? 'no header or payload'}`);
    return f(t.actor as DecodedJwt & { header: Record<string, unknown>; payload: Record<string, unknown> }, t, o, x);
  });

/** The outer token of an app+user call. */
export const withOuter = (f: (outer: { header: Record<string, unknown>; payload: Record<string, unknown>; signature: string }, t: SentToken, x: Parameters<ClientCheck>[1]) => ClientVerdict): ClientCheck =>
  withToken((t, _o, x) => {
    if (!t.outer) return bad(`S2S_USER is set, but the token is not an unsigned outer token (alg ${show(t.token.header?.alg)})`);
    if (!t.token.header || !t.token.payload) return bad(`the outer token does not decode: ${t.token.malformed}`);
    return f({ header: t.token.header, payload: t.token.payload, signature: t.token.signature ?? '' }, t, x);
  });

export const AUD = /^([^/@]+)\/([^/@]+)@([^/@]+)$/;
const realmPart = (v: unknown) => (typeof v === 'string' && v.includes('@') ? v.slice(v.lastIndexOf('@') + 1) : undefined);

/** aud, iss and nameid take the challenge's realm, and aud the challenge's client_id: the parts a client
 *  must discover. For the challenge-shape cases (`shape`), a client that sent its token without asking
 *  first never saw the shape: moot. (A realm or principal it did not discover is still wrong.) */
export const discoveredParts = (what: 'realm' | 'principal' | 'both', shape = false): ClientCheck =>
  withActor((a, t, o, x) => {
    if (shape && o.requests.indexOf(t.hit) === 0) return { ok: 'moot', why: 'the SUT sent its token in its first request, without asking for the challenge: the challenge never reached it (DSC-001 judges that)' };
    const { aud, iss, nameid } = a.payload;
    const problems: string[] = [];
    if (what !== 'principal') {
      for (const [name, v] of [['aud', aud], ['iss', iss], ['nameid', nameid]] as const)
        if (realmPart(v) !== x.realm) problems.push(`${name} ${show(v)} does not end in @${x.realm}`);
    }
    if (what !== 'realm' && !(typeof aud === 'string' && aud.startsWith(`${x.clientId}/`))) problems.push(`aud ${show(aud)} does not begin with the challenge's client_id ${x.clientId}/`);
    return problems.length ? bad(problems.join('; ')) : ok(`aud ${show(aud)}, iss ${show(iss)}, nameid ${show(nameid)}: realm ${x.realm}${what !== 'realm' ? ` and principal ${x.clientId}` : ''} from the challenge`);
  });

const ARRIVAL_SKEW_S = 300;
const DAY_S = 24 * 3600;

/** nbf and exp: present, Unix seconds (a number or a string of digits), and a window that holds the moment of sending. */
/** What is wrong with nbf/exp on arrival: missing, not Unix seconds, not valid then; with `lifetime`,
 *  only a validity of more than a day (no text limits it: reported, S2SC-ACT-006). */
export function timesProblem(payload: Record<string, unknown>, arrivedAt: number, judge: 'validity' | 'lifetime' = 'validity'): string | undefined {
  const problems: string[] = [];
  const read = (name: 'nbf' | 'exp'): number | undefined => {
    const v = payload[name];
    if (v === undefined) return void problems.push(`${name} is missing`);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) return void problems.push(`${name} ${show(v)} is not a whole number of seconds`);
    if (n > 1e11) return void problems.push(`${name} ${show(v)} is in milliseconds, not seconds (year ${new Date(n).getUTCFullYear()} as seconds would be ${Math.round(n / 3.15e7 + 1970)})`);
    return n;
  };
  const nbf = read('nbf');
  const exp = read('exp');
  if (judge === 'lifetime') {
    if (exp !== undefined && exp - arrivedAt > DAY_S + ARRIVAL_SKEW_S) return `exp is ${Math.round((exp - arrivedAt) / 3600)} h after the token arrived (more than a day)`;
    return undefined;
  }
  if (nbf !== undefined && nbf > arrivedAt + ARRIVAL_SKEW_S) problems.push(`nbf is ${nbf - arrivedAt} s after the token arrived`);
  if (exp !== undefined && exp <= arrivedAt) problems.push(`exp had passed ${arrivedAt - exp} s before the token arrived`);
  if (nbf !== undefined && exp !== undefined && exp <= nbf) problems.push('exp is not after nbf');
  return problems.length ? problems.join('; ') : undefined;
}

/** identityprovider values MS-SPS2SAUTH allows (an outer token may also say accesstoken). */
const IDENTITY_PROVIDERS = ['windows', 'forms', 'trusted'];

/** Every claim value a string (the specs' STRING type); trustedfordelegation, where present, "true" or
 *  "false"; identityprovider, where present, one of the values allowed for the token's kind. */
export function stringsProblem(payload: Record<string, unknown>, kind: 'actor' | 'outer' = 'actor'): string | undefined {
  const notStrings = Object.entries(payload).filter(([, v]) => typeof v !== 'string').map(([k, v]) => `${k} ${show(v)}`);
  const tfd = payload.trustedfordelegation;
  const idp = payload.identityprovider;
  const idps = kind === 'outer' ? [...IDENTITY_PROVIDERS, 'accesstoken'] : IDENTITY_PROVIDERS;
  const problems = [
    ...(notStrings.length ? [`not strings: ${notStrings.join(', ')}`] : []),
    ...(typeof tfd === 'string' && tfd !== 'true' && tfd !== 'false' ? [`trustedfordelegation ${show(tfd)} is neither "true" nor "false"`] : []),
    ...(typeof idp === 'string' && !idps.includes(idp) ? [`identityprovider ${show(idp)} is not one of ${idps.join(', ')}`] : []),
  ];
  return problems.length ? problems.join('; ') : undefined;
}

export const arrival = (t: SentToken) => Math.floor(t.hit.at / 1000);

/** Values with upper-case letters (MS-SPS2SAUTH wants every value lower case); the nested actor JWT is not a value of that kind. */
export function upperCaseValues(payload: Record<string, unknown>, where: string): string[] {
  return Object.entries(payload)
    .filter(([k, v]) => k !== 'actortoken' && k !== 'actort' && typeof v === 'string' && v !== v.toLowerCase())
    .map(([k, v]) => `${where} ${k} ${show(v)}`);
}

/** No token may reach `where`: the target (a server the SUT must not trust) or the decoy (another
 *  origin), the latter once the target has answered with the scenario's redirect (else moot). */
export const noTokenAt = (where: 'target' | 'decoy', redirect?: { status: number; of: string }): ClientCheck => (o) => {
  if (redirect && !o.requests.some((h) => (h.note as { answered?: number } | undefined)?.answered === redirect.status))
    return { ok: 'moot', why: `the target never answered ${redirect.status} (the SUT sent no ${redirect.of}), so the redirect was never offered; ${exited(o)}` };
  const tokens = where === 'target' ? o.tokens.length : o.decoyTokens.length;
  const requests = where === 'target' ? o.requests.length : o.decoyRequests.length;
  const name = where === 'target' ? 'it' : 'the decoy';
  if (tokens) return bad(`${tokens} request(s) carrying a token reached ${where === 'target' ? 'the target' : 'the decoy (another origin)'}; ${exited(o)}`);
  return ok(`no token reached ${name} (${requests} request(s) without one); ${exited(o)}`);
};

// ---- the catalog's entries ------------------------------------------------------------------

// ---- the catalog -------------------------------------------------------------------------------

export interface ClientCaseEntry {
  id: string;
  title: string;
  path: 'app-only' | 'app-user';
  scenario: string;
  expect: Expect;
  level: Level;
  ids: string[];
  spec: string;
  section: string;
  why: string;
  check: ClientCheck;
  isControl?: boolean;
  cwe?: string[];
}
