// The resource server of the s2s-client profile (and its decoy): what a SharePoint or Exchange
// endpoint answers a server-to-server client. A request without a token (or with an empty
// "Authorization: Bearer") gets the 401 challenge of its scenario, one WWW-Authenticate header per
// field; a request carrying a token gets 200. The fake judges nothing: the cases judge what it
// recorded. A scenario may instead redirect (302 the anonymous request, 307 the one with the token)
// to the decoy, another origin that must never see a token.
import type { FakeReply, Router } from './router';

export interface ResourceBehaviour {
  challenge: string[];
  redirectAnonymous?: boolean;
  redirectToken?: boolean;
}

/** The token of an Authorization header: what follows the Bearer scheme, or undefined when there is none (or it is empty). */
export function bearerTokenOf(authorization: string | string[] | undefined): string | undefined {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  const m = /^\s*bearer(?:\s+(.*))?$/is.exec(value ?? '');
  const token = m?.[1]?.trim();
  return token ? token : undefined;
}

/** Requests to /sites/<site>/…: the behaviour of `site` (its scenario), or 404 for a site no scenario names. */
export function addResourceRoutes(router: Router, behaviourOf: (site: string) => ResourceBehaviour | undefined, decoyOrigin?: string): void {
  for (const method of ['GET', 'POST', 'HEAD']) {
    router.on(method, /^\/sites\/(?<site>[^/]+)(\/|$)/, (req) => {
      const b = behaviourOf(req.params.site);
      let reply: FakeReply;
      const token = bearerTokenOf(req.headers.authorization);
      const redirect = (status: number): FakeReply => ({ status, headers: { location: `${decoyOrigin}${req.url.pathname}${req.url.search}` }, body: '' });
      if (!b) reply = { status: 404, body: { error: 'no such site', site: req.params.site } };
      else if (!token) reply = b.redirectAnonymous && decoyOrigin ? redirect(302) : { status: 401, headers: { 'www-authenticate': b.challenge }, body: '' };
      else reply = b.redirectToken && decoyOrigin ? redirect(307) : { status: 200, body: { d: { Title: 'Contoso', ServerRelativeUrl: `/sites/${req.params.site}` } } };
      req.hit.note = { answered: reply.status, ...(reply.headers?.location ? { location: reply.headers.location } : {}) };
      return reply;
    });
  }
}
