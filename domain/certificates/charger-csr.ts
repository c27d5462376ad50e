import { createPublicKey } from 'node:crypto';
import { x509 } from './x509';
import type { CsrRefusal } from './charger-refusals';
import { issueCertificate, type CertificateAuthority } from './x509-issuer';

export type SignedChargerCertificate = { certificatePem: string; chainPem: string; serialNumber: string; notAfter: Date };
export type CsrOutcome = { isSigned: true; signed: SignedChargerCertificate } | { isSigned: false; reason: CsrRefusal };

// Whitepaper §3.1: RSA or DSA of at least 2048 bits, or elliptic curves of at least 224 bits.
const MIN_RSA_BITS = 2048;
const ACCEPTED_CURVES = ['prime256v1', 'secp384r1', 'secp521r1', 'secp224r1'];

function readCsr(pem: string) {
  try {
    return new x509.Pkcs10CertificateRequest(pem);
  } catch {
    return null;
  }
}

function isKeyAcceptable(csr: x509.Pkcs10CertificateRequest) {
  try {
    const key = createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
    const details = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') return (details.modulusLength ?? 0) >= MIN_RSA_BITS;
    if (key.asymmetricKeyType === 'ec') return ACCEPTED_CURVES.includes(details.namedCurve ?? '');
    return false;
  } catch {
    return false;
  }
}

async function hasValidSignature(csr: x509.Pkcs10CertificateRequest) {
  try {
    return await csr.verify();
  } catch {
    return false;
  }
}

// The certificate's subject CN is the charger's OCPP identity, the name it logs in with (whitepaper §3.2 asks for
// the charge point's unique serial, which its identity is on this platform): profile 3 checks it at the upgrade.
export async function signChargerCsr(authority: CertificateAuthority, { csrPem, identity }: { csrPem: string; identity: string }): Promise<CsrOutcome> {
  const csr = readCsr(csrPem);
  if (!csr) return { isSigned: false, reason: 'unreadable' };
  if (!(await hasValidSignature(csr))) return { isSigned: false, reason: 'badSignature' };
  const names = csr.subjectName.getField('CN');
  if (names.length !== 1 || names[0] !== identity) return { isSigned: false, reason: 'wrongIdentity' };
  if (!isKeyAcceptable(csr)) return { isSigned: false, reason: 'weakKey' };
  const certificate = await issueCertificate(authority, { publicKey: csr.publicKey, commonName: identity, usage: 'client' });
  const certificatePem = certificate.toString('pem');
  return {
    isSigned: true,
    signed: { certificatePem, chainPem: `${certificatePem}\n${authority.certificatePem}\n`, serialNumber: certificate.serialNumber, notAfter: certificate.notAfter },
  };
}
