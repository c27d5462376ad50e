import { verify, X509Certificate } from 'node:crypto';

export type SignatureCheck = 'valid' | 'certificateInvalid' | 'signatureNotBase64' | 'signatureMismatch';

export function parseCertificate(pem: string) {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// The signature checked over the file with the certificate's public key, as the charger will check it before
// installing; SHA-256 as the whitepaper's examples use, except for EdDSA keys, which hash on their own.
export function isSignatureValid(content: Buffer, certificate: X509Certificate, signature: string) {
  const key = certificate.publicKey;
  const digest = key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' ? null : 'sha256';
  try {
    return verify(digest, content, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function checkFirmwareSignature({ content, certificatePem, signature }: { content: Buffer; certificatePem: string; signature: string }): SignatureCheck {
  const certificate = parseCertificate(certificatePem);
  if (!certificate) return 'certificateInvalid';
  if (!BASE64.test(signature)) return 'signatureNotBase64';
  return isSignatureValid(content, certificate, signature) ? 'valid' : 'signatureMismatch';
}
