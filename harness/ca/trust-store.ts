// The run's test CA as a PKCS#12 trust store, for JVM SUTs: the JVM ignores SSL_CERT_FILE and reads
// its trust anchors from -Djavax.net.ssl.trustStore (docs/contract.md, JAVA_TOOL_OPTIONS).
//
// The JDK's PKCS12 KeyStore loads a certificate-only bag as a trusted-certificate entry only when
// the bag carries Oracle's trustedKeyUsage attribute (what `keytool -importcert` writes); without it
// the store loads with no entries, and every TLS connection fails with "trustAnchors parameter must
// be non-empty". forge's pkcs12 helper writes only friendlyName and localKeyId, so the PFX is built
// here with forge's ASN.1 and its PKCS#12 key derivation: one unencrypted certificate bag (a CA
// certificate is no secret), and the HMAC-SHA1 integrity MAC keyed by the password (RFC 7292).
import { randomBytes } from 'node:crypto';
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
  const macKey = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 3, iterations, 20);
  const hmac = forge.hmac.create();
  hmac.start('sha1', macKey.getBytes());
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

/** The JVM options that make `trustStorePath` its trust store (quoted when the path holds a space:
 *  the JVM splits JAVA_TOOL_OPTIONS on white space and honours quotes). */
export function javaTrustStoreOptions(trustStorePath: string, password = TRUST_STORE_PASSWORD): string {
  const q = (v: string) => (/\s/.test(v) ? `"${v}"` : v);
  return [`-Djavax.net.ssl.trustStore=${q(trustStorePath)}`, '-Djavax.net.ssl.trustStoreType=PKCS12', `-Djavax.net.ssl.trustStorePassword=${q(password)}`].join(' ');
}
