// Redaction: secrets by value, private keys by shape, and a secret cut across two output chunks.
import { expect, test } from '@playwright/test';
import { lineRedactor, redactSecrets, secretsInEnv } from '../../harness/results/redact';

test('secrets are found by variable name and replaced everywhere in a result, private keys by their PEM shape', () => {
  expect(secretsInEnv({ MicrosoftAppPassword: 'p4ssw0rd-long', Connections__x__ClientSecret: 's3cret-value', PORT: '3978', SHORT_SECRET: 'x' })).toEqual(['p4ssw0rd-long', 's3cret-value']);
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';
  expect(redactSecrets({ a: ['pw p4ssw0rd-long', { b: `key ${pem}` }], n: 3 }, ['p4ssw0rd-long'])).toEqual({ a: ['pw [REDACTED]', { b: 'key [REDACTED]' }], n: 3 });
});

test('a secret split across chunks of SUT output is still redacted', () => {
  const out: string[] = [];
  const r = lineRedactor(['p4ssw0rd-long'], (t) => out.push(t));
  r.push(Buffer.from('password=p4ss'));
  r.push(Buffer.from('w0rd-long\nnext line, no newline'));
  r.flush();
  expect(out.join('')).toBe('password=[REDACTED]\nnext line, no newline');
});
