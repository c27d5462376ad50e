import { createHash, X509Certificate } from 'node:crypto';
import { childrenOf, readTlv } from './der';

// OCPP's CertificateHashDataType (1.6 security whitepaper, as OCSP's CertID): how InstallCertificate's certificates
// are named again in GetInstalledCertificateIds and DeleteCertificate.
export type CertificateHashData = { hashAlgorithm: 'SHA256'; issuerNameHash: string; issuerKeyHash: string; serialNumber: string };

const CONTEXT_0 = 0xa0;

// The issuer's Name (as DER) and the certificate's own public key (the BIT STRING's value without its unused-bits
// octet). For the root certificates a charger is given, the issuer is the certificate itself, so its key is the
// issuer's key.
function issuerNameAndKey(der: Buffer) {
  const certificate = readTlv(der, 0);
  const [tbs] = childrenOf(der, certificate);
  const fields = childrenOf(der, tbs!);
  const rest = fields[0]!.tag === CONTEXT_0 ? fields.slice(1) : fields;
  const [, , issuer, , , subjectPublicKeyInfo] = rest;
  const [, publicKey] = childrenOf(der, subjectPublicKeyInfo!);
  return { issuerName: der.subarray(issuer!.start, issuer!.end), publicKey: der.subarray(publicKey!.valueStart + 1, publicKey!.end) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// The serial number as hex without leading zeroes, as OCPP writes it.
export function certificateHashData(certificate: X509Certificate): CertificateHashData {
  const { issuerName, publicKey } = issuerNameAndKey(certificate.raw);
  return {
    hashAlgorithm: 'SHA256',
    issuerNameHash: sha256(issuerName),
    issuerKeyHash: sha256(publicKey),
    serialNumber: certificate.serialNumber.replace(/^0+(?=.)/, '').toLowerCase(),
  };
}

type AnyHashData = { hashAlgorithm: string; issuerNameHash: string; issuerKeyHash: string; serialNumber: string };

export function sameCertificate(a: AnyHashData, b: AnyHashData) {
  return (
    a.hashAlgorithm === b.hashAlgorithm &&
    a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase() &&
    a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() &&
    a.serialNumber.replace(/^0+(?=.)/, '').toLowerCase() === b.serialNumber.replace(/^0+(?=.)/, '').toLowerCase()
  );
}
