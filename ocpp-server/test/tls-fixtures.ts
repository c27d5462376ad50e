import { x509 } from '../../domain/certificates/x509';
import { createCertificateAuthority, generateKeyPair, issueCertificate, privateKeyToPem, SIGNING, type CertificateAuthority } from '../../domain/certificates/x509-issuer';

// Certificates made in the test, with the library the platform uses; nothing is read from fixtures on disk.

// The OCPP server's own TLS certificate for 127.0.0.1, from a CA of its own that the test chargers trust.
export async function serverTls() {
  const { authority } = await createCertificateAuthority('Test server CA');
  const keys = await generateKeyPair();
  const certificate = await issueCertificate(authority, { publicKey: keys.publicKey, commonName: '127.0.0.1', usage: 'server', ipAddresses: ['127.0.0.1'] });
  return { trustedCa: authority.certificatePem, tls: { cert: Buffer.from(certificate.toString('pem')), key: Buffer.from(await privateKeyToPem(keys.privateKey)) } };
}

// A charger's client certificate and key, issued by `authority` (the platform CA, or another) for `commonName`.
export async function clientCertificate(authority: CertificateAuthority, commonName: string) {
  const keys = await generateKeyPair();
  const certificate = await issueCertificate(authority, { publicKey: keys.publicKey, commonName, usage: 'client' });
  return { cert: certificate.toString('pem'), key: await privateKeyToPem(keys.privateKey), serialNumber: certificate.serialNumber, notAfter: certificate.notAfter };
}

export async function csrFor(commonName: string) {
  const keys = await generateKeyPair();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: new x509.Name([{ CN: [commonName] }]), keys, signingAlgorithm: SIGNING });
  return csr.toString('pem');
}
