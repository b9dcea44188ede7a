// Family "transport": where the token travels. Only "Authorization: Bearer <token>" carries it
// (RFC 6750 §2.1 as each protocol profiles it); a token found anywhere else, or no token, is refused.
import { callerLocation } from '../../harness/engine/catalog-location';
import type { TokenPlacement } from '../../harness/tokens/draft';
import * as M from '../../harness/tokens/mutations';
import type { FamilyMember, TokenPath } from './types';

const notInRequest = (p: TokenPath) => (p.inRequest ? undefined : 'this token travels inside another token, not in the request');
/** Members that take the token out of every header: on a path of another header they are the Authorization path's cases again. */
const inNoHeader = (p: TokenPath) => notInRequest(p) ?? (p.tokenHeader ? `the token is in no header here: the same case as on the path of the Authorization header` : undefined);
/** The token under a scheme in the path's own header (Authorization, or e.g. Action-Authorization). */
const inHeader = (p: TokenPath, scheme: string): TokenPlacement => (p.tokenHeader ? { in: 'header', name: p.tokenHeader, scheme } : { in: 'authorization', scheme });
const headerName = (p: TokenPath) => (p.tokenHeader ? p.tokenHeader.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase()) : 'Authorization');

const refused = (key: string, title: string, why: string, mutation: (p: TokenPath) => M.Mutation, cwe = ['CWE-287'], notApplicable = inNoHeader): FamilyMember => ({
  location: callerLocation(1),
  key: `transport.${key}`,
  family: 'transport',
  title,
  why,
  level: 'MUST',
  expect: 'reject',
  cwe,
  mutations: (p) => [mutation(p)],
  notApplicable,
});

export const TRANSPORT: FamilyMember[] = [
  refused('none', 'no token at all', 'A request without credentials is refused; there is no way to switch validation off.', () => M.placeToken({ in: 'nowhere' }, 'no token sent'), ['CWE-306']),
  refused('basic', 'valid token under the Basic scheme', 'Only the Bearer scheme carries the token.', (p) => M.placeToken(inHeader(p, 'Basic'), `${headerName(p)}: Basic <token>`), undefined, notInRequest),
  refused('no-scheme', 'valid token with no scheme ("Authorization: <token>")', 'Only "Bearer <token>" is the right form.', (p) => M.placeToken(inHeader(p, ''), `${headerName(p)}: <token>`), undefined, notInRequest),
  refused('query', 'valid token in the query string (access_token), no header', 'The token is read only from the Authorization header; a query string ends up in logs and referrers (RFC 6750 §5.3).', () => M.placeToken({ in: 'query', name: 'access_token' }, '?access_token=<token>'), ['CWE-598']),
  refused('other-header', 'valid token in another header (X-Authorization: Bearer)', 'The token is read only from the Authorization header.', () => M.placeToken({ in: 'header', name: 'x-authorization', scheme: 'Bearer' }, 'X-Authorization: Bearer <token>')),
  refused('empty-bearer', '"Bearer" with an empty token', 'An empty credential authenticates nothing.', (p) => (p.tokenHeader ? emptyBearerIn(p) : M.placeToken({ in: 'authorization-raw', value: 'Bearer ' }, 'Authorization: "Bearer "')), undefined, notInRequest),
  refused(
    'body',
    'valid token in the request body (access_token), no header',
    'RFC 6750 §2.2 allows a form-encoded body parameter, but none of these protocols does: the token is read only from the Authorization header. A framework that also reads the body lets a token in where no one checks for it.',
    (p) => M.placeToken({ in: 'body', name: 'access_token', form: p.method === 'GET' }, p.method === 'GET' ? 'POST form body access_token=<token>, no header' : 'JSON body member "access_token": "<token>", no header'),
  ),
  {
    location: callerLocation(0),
    key: 'transport.scheme-lower-case',
    family: 'transport',
    title: 'scheme written "bearer" in lower case',
    why: 'RFC 7235 makes the scheme name case-insensitive; the specs write "Bearer". Either outcome is reported.',
    level: 'INFO',
    expect: 'either',
    cwe: [],
    mutations: (p) => [M.placeToken(inHeader(p, 'bearer'), `${headerName(p)}: bearer <token>`)],
    notApplicable: notInRequest,
  },
];

/** "Bearer " and nothing after it, in the path's own header: the token rendered as the empty string. */
function emptyBearerIn(p: TokenPath): M.Mutation {
  const place = M.placeToken({ in: 'header', name: p.tokenHeader!, scheme: 'Bearer' }, '');
  const empty = M.replaceWholeToken('', '');
  return { describe: `${headerName(p)}: "Bearer "`, apply: (d, ctx) => { place.apply(d, ctx); empty.apply(d, ctx); } };
}
