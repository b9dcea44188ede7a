// The RFC 7235 challenge parser the realm-discovery cases rely on.
import { expect, test } from '@playwright/test';
import { paramOf, parseWwwAuthenticate } from '../../harness/checks/www-authenticate';

test('parses a SharePoint Bearer challenge with quoted values', () => {
  const [c] = parseWwwAuthenticate('Bearer realm="6305dc22-3c9f", client_id="00000003-0000-0ff1-ce00-000000000000", trusted_issuers="a@r,b@r"');
  expect(c.scheme).toBe('Bearer');
  expect(c.params.map((p) => p.name)).toEqual(['realm', 'client_id', 'trusted_issuers']);
  expect(paramOf(c, 'TRUSTED_ISSUERS')).toBe('a@r,b@r');
});

test('several challenges in one field value, joined as Node joins repeated header lines', () => {
  const cs = parseWwwAuthenticate('NTLM, Bearer realm="r", client_id="c", Basic realm="x"');
  expect(cs.map((c) => c.scheme)).toEqual(['NTLM', 'Bearer', 'Basic']);
  expect(paramOf(cs[1], 'client_id')).toBe('c');
  expect(parseWwwAuthenticate('Negotiate abc123==, Bearer')[0].token68).toBe('abc123==');
});

test('quoted-pairs and token values', () => {
  const [c] = parseWwwAuthenticate('Bearer realm=abc, error="a \\"b\\""');
  expect(c.params).toEqual([{ name: 'realm', value: 'abc', quoted: false }, { name: 'error', value: 'a "b"', quoted: true }]);
});

test('refuses what RFC 7235 does not allow: "@" in an unquoted value, an unterminated string, garbage', () => {
  expect(() => parseWwwAuthenticate('Bearer client_id=00000003-0000@realm')).toThrow(/after parameter client_id/);
  expect(() => parseWwwAuthenticate('Bearer realm="abc')).toThrow(/unterminated/);
  expect(() => parseWwwAuthenticate('')).toThrow(/no challenge/);
  expect(() => parseWwwAuthenticate('Bearer a="b", realm=')).toThrow(/neither a token nor a quoted-string/);
});
