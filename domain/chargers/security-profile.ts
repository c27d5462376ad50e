import type { ConnectionRefusalReason } from './connection-refusals';

// OCPP 1.6 security whitepaper (edition 3) §2: how a charger must connect, set per charger by its owner.
// 1: HTTP Basic with its password, over ws:// or wss://; 2: the same over TLS only; 3: TLS with a client
// certificate the platform CA signed for this charger (no password).
export const SECURITY_PROFILES = [1, 2, 3] as const;
export type SecurityProfile = (typeof SECURITY_PROFILES)[number];

// What the TLS layer tells of a connection: a client certificate, whether it chains to the platform CA, and its
// subject CN.
export type TlsPeer = { isTls: boolean; clientCertificate: { commonName: string | null; serialNumber: string; isSignedByPlatform: boolean } | null };

// Serials as hex, whichever case and leading zeros the TLS layer and the X.509 library write them with.
const sameSerial = (a: string, b: string) => a.toLowerCase().replace(/^0+/, '') === b.toLowerCase().replace(/^0+/, '');

// `signedSerial`: the newest certificate the platform signed for this charger. One signed before it (since renewed),
// or for a removed charger of the same ID, is stale.
export function securityProfileRefusal(profile: number, peer: TlsPeer, { identity, signedSerial }: { identity: string; signedSerial: string | null }): ConnectionRefusalReason | null {
  if (profile < 2) return null;
  if (!peer.isTls) return 'tlsRequired';
  if (profile < 3) return null;
  const certificate = peer.clientCertificate;
  if (!certificate) return 'noClientCertificate';
  if (!certificate.isSignedByPlatform) return 'untrustedClientCertificate';
  // Whitepaper §3.2: the certificate names the charge point it was issued to; another charger's is refused.
  if (certificate.commonName !== identity) return 'wrongClientCertificate';
  return signedSerial && sameSerial(certificate.serialNumber, signedSerial) ? null : 'staleClientCertificate';
}

export function usesPassword(profile: number) {
  return profile < 3;
}
