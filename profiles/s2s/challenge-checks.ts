// Named conditions on the 401 realm-discovery challenge (MS-SPS2SAUTH 3.1.5 step 2, MS-XOAUTH
// 3.2.5.4), each checked on the parsed WWW-Authenticate field (RFC 7235).
import type { ResponseCheck } from '../../harness/engine/case-model';
import { paramOf, parseWwwAuthenticate, type Challenge } from '../../harness/checks/www-authenticate';

type Answer = Parameters<ResponseCheck['check']>[0];

/** The Bearer challenge of an answer, or the reason there is none. */
function bearerChallenge(res: Answer): Challenge | string {
  if (res.status !== 401) return `status ${res.status}, not 401`;
  const field = res.headers['www-authenticate'];
  if (!field) return 'no WWW-Authenticate header';
  let challenges: Challenge[];
  try {
    challenges = parseWwwAuthenticate(field);
  } catch (err) {
    return `WWW-Authenticate does not parse per RFC 7235: ${(err as Error).message}`;
  }
  return challenges.find((c) => c.scheme.toLowerCase() === 'bearer') ?? `no Bearer challenge in ${JSON.stringify(field)}`;
}

const check = (describe: string, f: (c: Challenge) => string | undefined): ResponseCheck => ({
  describe,
  check: (res) => {
    const c = bearerChallenge(res);
    return typeof c === 'string' ? c : f(c);
  },
});

export const hasBearerChallenge = check('the answer is 401 with a Bearer challenge that parses per RFC 7235', () => undefined);

export const realmIs = (realm: string, optional: boolean): ResponseCheck =>
  check(`the challenge's realm is ${optional ? 'absent or ' : ''}the configured realm`, (c) => {
    const v = paramOf(c, 'realm');
    if (v === undefined) return optional ? undefined : 'no realm parameter';
    return v === realm ? undefined : `realm is ${JSON.stringify(v)}, configured ${JSON.stringify(realm)}`;
  });

export const clientIdIs = (clientId: string): ResponseCheck =>
  check('the challenge\'s client_id is the SUT\'s own principal id', (c) => {
    const v = paramOf(c, 'client_id');
    if (v === undefined) return 'no client_id parameter';
    return v === clientId ? undefined : `client_id is ${JSON.stringify(v)}, configured ${JSON.stringify(clientId)}`;
  });

export const listsTrustedIssuers = (issuers: string[], names: string[]): ResponseCheck =>
  check(`the challenge's ${names.join(' or ')} lists every configured issuer`, (c) => {
    const v = names.map((n) => paramOf(c, n)).find((x) => x !== undefined);
    if (v === undefined) return `no ${names.join(' or ')} parameter`;
    const listed = v.split(',').map((s) => s.trim());
    const missing = issuers.filter((i) => !listed.includes(i));
    return missing.length ? `${JSON.stringify(v)} lacks ${missing.join(', ')}` : undefined;
  });

export const spellsTrustedIssuers = check('the trusted-issuer parameter is spelled trusted_issuers', (c) =>
  paramOf(c, 'trusted_issuers') !== undefined ? undefined : `parameters are ${c.params.map((p) => p.name).join(', ') || '(none)'}`,
);

export const realmFirst = check('realm is the first parameter (TokenHelper finds it only there)', (c) =>
  c.params[0]?.name.toLowerCase() === 'realm' ? undefined : `the first parameter is ${c.params[0]?.name ?? '(none)'}`,
);
