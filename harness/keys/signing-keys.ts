// Named RSA signing keys for the fakes. Each published key carries the fields real Microsoft
// key sets carry (kid, x5t, x5c, n, e, use) and, for Connector keys, per-key channel endorsements.
import { createPublicKey } from 'node:crypto';
import { rsaKeyPairPem, type TestCa } from '../ca/test-ca';

export interface SigningKeySpec {
  name: string;
  /** Channels this key may sign for (Bot Framework `endorsements`); absent = no restriction. */
  endorsements?: string[];
}

export interface PublicJwk {
  kty: string;
  use: string;
  kid: string;
  x5t: string;
  n: string;
  e: string;
  x5c: string[];
  endorsements?: string[];
  [extra: string]: unknown;
}

export interface SigningKey {
  name: string;
  kid: string;
  privateKeyPem: string;
  publicKeyPem: string;
  certPem: string;
  jwk: PublicJwk;
}

export function createSigningKey(ca: TestCa, spec: SigningKeySpec): SigningKey {
  const pair = rsaKeyPairPem();
  const cert = ca.issueSigningCert(pair.publicKeyPem, pair.privateKeyPem, `signing key ${spec.name}`);
  const { n, e, kty } = createPublicKey(pair.publicKeyPem).export({ format: 'jwk' }) as { n: string; e: string; kty: string };
  // Microsoft sets kid = x5t (the certificate thumbprint); we do the same.
  const jwk: PublicJwk = { kty, use: 'sig', kid: cert.x5t, x5t: cert.x5t, n, e, x5c: [cert.derBase64] };
  if (spec.endorsements) jwk.endorsements = spec.endorsements;
  return { name: spec.name, kid: cert.x5t, privateKeyPem: pair.privateKeyPem, publicKeyPem: pair.publicKeyPem, certPem: cert.certPem, jwk };
}

export function createSigningKeys(ca: TestCa, specs: SigningKeySpec[]): Record<string, SigningKey> {
  return Object.fromEntries(specs.map((s) => [s.name, createSigningKey(ca, s)]));
}
