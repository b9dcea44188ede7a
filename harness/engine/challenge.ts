// What an attacker learns before forging: the SUT's Bearer challenge. A request with an empty Bearer
// token is answered 401 with WWW-Authenticate (MS-XOAUTH 3.2.5.2 Step 2: realm, client_id,
// trusted_issuers); its parameters go to the case's mutations (InboundCase.readChallenge).
import { paramOf, parseWwwAuthenticate } from '../checks/www-authenticate';
import type { HarnessClient } from './harness-client';

export interface ReadChallenge {
  /** Parameter names in lower case; empty when the SUT disclosed none (or its header does not parse). */
  params: Record<string, string>;
  evidence: { status: number; wwwAuthenticate?: string };
}

export async function readBearerChallenge(h: HarnessClient, method: string, url: string): Promise<ReadChallenge> {
  const res = await h.sendToSut(method, url, { authorization: 'Bearer ' }, '');
  const field = res.headers['www-authenticate'];
  const evidence = { status: res.status, ...(field === undefined ? {} : { wwwAuthenticate: field }) };
  let bearer;
  try {
    bearer = field === undefined ? undefined : parseWwwAuthenticate(field).find((c) => c.scheme.toLowerCase() === 'bearer');
  } catch {
    bearer = undefined; // a header that does not parse discloses nothing usable; the challenge cases judge its form
  }
  const params: Record<string, string> = {};
  for (const p of bearer?.params ?? []) params[p.name.toLowerCase()] = paramOf(bearer!, p.name) ?? p.value;
  return { params, evidence };
}
