// The run's private certificate authority. Every fake server is HTTPS with a leaf from this CA,
// and the SUT trusts it only through NODE_EXTRA_CA_CERTS / SSL_CERT_FILE / REQUESTS_CA_BUNDLE (the PEM), or the JVM's
// trust store (trust-store.ts: the same CA as PKCS#12, named in JAVA_TOOL_OPTIONS).
// X.509 is node-forge's job; key generation is Node's native RSA (forge would be pure JS and slow).
import { randomBytes, sign as cryptoSign } from 'node:crypto';
import forge from 'node-forge';
import { takeKeyPair } from '../keys/key-pair-pool';

export interface IssuedCert {
  certPem: string;
  keyPem: string;
  /** base64url SHA-1 of the DER certificate: the JOSE `x5t` thumbprint. */
  x5t: string;
  /** base64 DER, as it appears in a JWK `x5c` array. */
  derBase64: string;
}

export interface TestCa {
  certPem: string;
  /** A TLS server certificate for these DNS names / IP addresses. */
  issueServerCert(names: string[]): IssuedCert;
  /** A certificate for an existing RSA signing key (JWK x5c / x5t), issued by this CA. */
  issueSigningCert(publicKeyPem: string, privateKeyPem: string, commonName: string): IssuedCert;
}

/** A distinct RSA-2048 pair for this run (see key-pair-pool.ts). */
export function rsaKeyPairPem(): { publicKeyPem: string; privateKeyPem: string } {
  return takeKeyPair();
}

/** forge builds the certificate; Node's crypto makes the RSA signature (forge's pure-JS RSA was
 *  most of a run's start-up). forge calls sign() after it has set tbsCertificate. */
function signWithNode(cert: forge.pki.Certificate, privateKeyPem: string): void {
  const signer = {
    sign: () => {
      const tbs = Buffer.from(forge.asn1.toDer((cert as unknown as { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate).getBytes(), 'binary');
      return cryptoSign('sha256', tbs, privateKeyPem).toString('binary');
    },
  };
  cert.sign(signer as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
}

export function thumbprintsOf(cert: forge.pki.Certificate): { x5t: string; derBase64: string } {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const sha1 = forge.md.sha1.create().update(der).digest().getBytes();
  return {
    x5t: Buffer.from(sha1, 'binary').toString('base64url'),
    derBase64: Buffer.from(der, 'binary').toString('base64'),
  };
}

function newCertificate(publicKeyPem: string, subjectCn: string, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  // Positive serial: the top bit cleared so ASN.1 INTEGER stays positive.
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + days * 24 * 60 * 60 * 1000);
  cert.setSubject([{ name: 'commonName', value: subjectCn }]);
  return cert;
}

export function createTestCa(commonName = 's2s-conformance test CA'): TestCa {
  const caKeys = rsaKeyPairPem();
  const ca = newCertificate(caKeys.publicKeyPem, commonName, 30);
  ca.setIssuer(ca.subject.attributes);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signWithNode(ca, caKeys.privateKeyPem);

  const issue = (publicKeyPem: string, privateKeyPem: string, cn: string, extensions: object[]): IssuedCert => {
    const cert = newCertificate(publicKeyPem, cn, 7);
    cert.setIssuer(ca.subject.attributes);
    cert.setExtensions([...extensions, { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() }]);
    signWithNode(cert, caKeys.privateKeyPem);
    return { certPem: forge.pki.certificateToPem(cert), keyPem: privateKeyPem, ...thumbprintsOf(cert) };
  };

  // A run's worlds (the main one and each cold-start world) serve the same names: one certificate per
  // set of names, so that a world costs no new RSA pair (generated synchronously once the run's
  // prepared pairs are used up, which stalled every case while it ran).
  const serverCerts = new Map<string, IssuedCert>();
  return {
    certPem: forge.pki.certificateToPem(ca),
    issueServerCert(names) {
      const key = names.join('\n');
      const known = serverCerts.get(key);
      if (known) return known;
      const keys = rsaKeyPairPem();
      // altNames type 7 = IP address, 2 = DNS name.
      const altNames = names.map((n) => (/^[\d.]+$/.test(n) || n.includes(':') ? { type: 7, ip: n } : { type: 2, value: n }));
      const issued = issue(keys.publicKeyPem, keys.privateKeyPem, names[0], [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames },
      ]);
      serverCerts.set(key, issued);
      return issued;
    },
    issueSigningCert(publicKeyPem, privateKeyPem, cn) {
      return issue(publicKeyPem, privateKeyPem, cn, [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
      ]);
    },
  };
}
