import { X509Certificate } from 'node:crypto';
import { certificateHashData, type CertificateHashData } from './hash-data';

// InstallCertificate.req's limit on the PEM text (1.6 security whitepaper).
export const CERTIFICATE_MAX_CHARS = 5500;

export type CertificateProblem = 'certificateUnreadable' | 'certificateNotRoot' | 'certificateExpired' | 'certificateTooLong';

export type RootCertificate = { pem: string; subject: string; notAfter: Date; hashData: CertificateHashData };

// A charger is given root certificates only (to check the platform's TLS certificate, or signed firmware): one
// certificate, a CA, issued and signed by itself, and not yet expired.
export function readRootCertificate(text: string, now = new Date()): { ok: true; value: RootCertificate } | { ok: false; problem: CertificateProblem } {
  const pem = text.trim();
  if (pem.length > CERTIFICATE_MAX_CHARS) return { ok: false, problem: 'certificateTooLong' };
  if ((pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length !== 1) return { ok: false, problem: 'certificateUnreadable' };
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return { ok: false, problem: 'certificateUnreadable' };
  }
  if (!certificate.ca || !certificate.checkIssued(certificate) || !certificate.verify(certificate.publicKey)) return { ok: false, problem: 'certificateNotRoot' };
  const notAfter = new Date(certificate.validTo);
  if (notAfter <= now) return { ok: false, problem: 'certificateExpired' };
  return { ok: true, value: { pem, subject: certificate.subject.replace(/\n/g, ', '), notAfter, hashData: certificateHashData(certificate) } };
}
