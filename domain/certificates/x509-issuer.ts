import { webcrypto } from 'node:crypto';
import { x509 } from './x509';

// The platform's certificate authority and the certificates it issues (security whitepaper §3), made with
// @peculiar/x509 over Node's WebCrypto. ECDSA P-256 with SHA-256: within the whitepaper's key rules (§3.1).

export const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const CA_YEARS = 20;
const ISSUED_DAYS = 2 * 365;

export type CertificateAuthority = { certificatePem: string; certificate: x509.X509Certificate; privateKey: CryptoKey };

export function generateKeyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

export async function privateKeyToPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

export async function privateKeyFromPem(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return webcrypto.subtle.importKey('pkcs8', der, KEY_ALGORITHM, true, ['sign']);
}

function yearsFromNow(years: number) {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date;
}

function randomSerial() {
  // Positive (a leading 0 bit), unique enough: 63 random bits.
  const bytes = webcrypto.getRandomValues(new Uint8Array(8));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

export async function createCertificateAuthority(name: string): Promise<{ authority: CertificateAuthority; privateKeyPem: string }> {
  const keys = await generateKeyPair();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}`,
    keys,
    serialNumber: randomSerial(),
    notBefore: new Date(Date.now() - 60_000),
    notAfter: yearsFromNow(CA_YEARS),
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const authority = { certificatePem: certificate.toString('pem'), certificate, privateKey: keys.privateKey };
  return { authority, privateKeyPem: await privateKeyToPem(keys.privateKey) };
}

export async function loadCertificateAuthority({ certificatePem, privateKeyPem }: { certificatePem: string; privateKeyPem: string }): Promise<CertificateAuthority> {
  const certificate = new x509.X509Certificate(certificatePem);
  return { certificatePem: certificate.toString('pem'), certificate, privateKey: await privateKeyFromPem(privateKeyPem) };
}

type IssueInput = { publicKey: x509.PublicKeyType; commonName: string; usage: 'client' | 'server'; dnsNames?: string[]; ipAddresses?: string[] };

// A leaf certificate for a charger (TLS client, whitepaper §3.2) or for the OCPP server itself (TLS server).
export async function issueCertificate(authority: CertificateAuthority, { publicKey, commonName, usage, dnsNames = [], ipAddresses = [] }: IssueInput) {
  const purpose = usage === 'client' ? x509.ExtendedKeyUsage.clientAuth : x509.ExtendedKeyUsage.serverAuth;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
    new x509.ExtendedKeyUsageExtension([purpose]),
    await x509.AuthorityKeyIdentifierExtension.create(authority.certificate, false),
  ];
  const altNames = [...dnsNames.map((value) => ({ type: 'dns' as const, value })), ...ipAddresses.map((value) => ({ type: 'ip' as const, value }))];
  if (altNames.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(altNames));
  return x509.X509CertificateGenerator.create({
    subject: new x509.Name([{ CN: [commonName] }]),
    issuer: authority.certificate.subjectName,
    publicKey,
    signingKey: authority.privateKey,
    serialNumber: randomSerial(),
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + ISSUED_DAYS * 86_400_000),
    signingAlgorithm: SIGNING,
    extensions,
  });
}
