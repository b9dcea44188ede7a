// The run's test CA as a PKCS#12 trust store, for JVM SUTs: the JVM ignores SSL_CERT_FILE and reads
// its trust anchors from -Djavax.net.ssl.trustStore (docs/contract.md, JAVA_TOOL_OPTIONS).
//
// The JDK's PKCS12 KeyStore loads a certificate-only bag as a trusted-certificate entry only when
// the bag carries Oracle's trustedKeyUsage attribute (what `keytool -importcert` writes); without it
// the store loads with no entries, and every TLS connection fails with "trustAnchors parameter must
// be non-empty". forge's pkcs12 helper writes only friendlyName and localKeyId, so the PFX is built
// here with forge's ASN.1 and its PKCS#12 key derivation: one unencrypted certificate bag (a CA
// certificate is no secret), and the HMAC-SHA1 integrity MAC keyed by the password (RFC 7292).
import { createHash, randomBytes } from 'node:crypto';
import forge from 'node-forge';

const { asn1, pki } = forge;

/** The trust store's password. It protects nothing (the store holds a public certificate); the JVM
 *  needs one to check the store's MAC. JDK's own cacerts uses the same. */
export const TRUST_STORE_PASSWORD = 'changeit';

/** Oracle's trustedKeyUsage bag attribute, and its usual value: trusted for any purpose. */
const ORACLE_TRUSTED_KEY_USAGE = '2.16.840.1.113894.746875.1.1';
const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';

const seq = (...items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (...items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const explicit0 = (inner: forge.asn1.Asn1) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [inner]);
const der = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();
const attribute = (id: string, ...values: forge.asn1.Asn1[]) => seq(oid(id), set(...values));

/** A PKCS#12 (PFX) trust store holding `certPem` as a trusted certificate, DER bytes. */
export function pkcs12TrustStore(certPem: string, password = TRUST_STORE_PASSWORD, alias = 's2s-conformance test ca'): Buffer {
  const cert = pki.certificateFromPem(certPem);
  const certBag = seq(
    oid(pki.oids.certBag),
    explicit0(seq(oid(pki.oids.x509Certificate), explicit0(octets(der(pki.certificateToAsn1(cert)))))),
    set(
      attribute(pki.oids.friendlyName, asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BMPSTRING, false, alias)),
      attribute(ORACLE_TRUSTED_KEY_USAGE, oid(ANY_EXTENDED_KEY_USAGE)),
    ),
  );
  // AuthenticatedSafe: one ContentInfo of type data holding the SafeContents (the bag, unencrypted).
  const authSafe = seq(seq(oid(pki.oids.data), explicit0(octets(der(seq(certBag))))));
  const authSafeDer = der(authSafe);

  // MacData: HMAC-SHA1 over the AuthenticatedSafe's bytes, keyed by the PKCS#12 KDF (id 3 = MAC key).
  const salt = randomBytes(20).toString('binary');
  const iterations = 10000;
  const hmac = forge.hmac.create();
  hmac.start('sha1', pkcs12MacKey(password, Buffer.from(salt, 'binary'), iterations).toString('binary'));
  hmac.update(authSafeDer);
  const macData = seq(
    seq(seq(oid(pki.oids.sha1), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')), octets(hmac.getMac().getBytes())),
    octets(salt),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(iterations).getBytes()),
  );
  const pfx = seq(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(3).getBytes()),
    seq(oid(pki.oids.data), explicit0(octets(authSafeDer))),
    macData,
  );
  return Buffer.from(der(pfx), 'binary');
}

/** RFC 7292 appendix B's key derivation for the MAC key (ID 3) with SHA-1, natively: forge's
 *  JavaScript SHA-1 took 40 ms a run for the 10,000 iterations. One SHA-1 output (20 bytes) is the
 *  whole key, so the KDF's first block is all there is: A = H^c(D || S || P). */
export function pkcs12MacKey(password: string, salt: Buffer, iterations: number): Buffer {
  const v = 64; // SHA-1's block size
  const fill = (b: Buffer) => (b.length ? Buffer.alloc(v * Math.ceil(b.length / v), b) : Buffer.alloc(0));
  const bmp = Buffer.alloc(2 * password.length + 2); // BMPString, big-endian, with its two-byte terminator
  for (let i = 0; i < password.length; i++) bmp.writeUInt16BE(password.charCodeAt(i), 2 * i);
  let a = Buffer.concat([Buffer.alloc(v, 3), fill(salt), fill(bmp)]);
  for (let i = 0; i < iterations; i++) a = createHash('sha1').update(a).digest();
  return a;
}

/** The JVM options that make `trustStorePath` its trust store (quoted when the path holds a space:
 *  the JVM splits JAVA_TOOL_OPTIONS on white space and honours quotes). */
export function javaTrustStoreOptions(trustStorePath: string, password = TRUST_STORE_PASSWORD): string {
  const q = (v: string) => (/\s/.test(v) ? `"${v}"` : v);
  return [`-Djavax.net.ssl.trustStore=${q(trustStorePath)}`, '-Djavax.net.ssl.trustStoreType=PKCS12', `-Djavax.net.ssl.trustStorePassword=${q(password)}`].join(' ');
}
