import type { ConnectionRefusalReason } from './connection-refusals';

// OCPP 1.6 security whitepaper (edition 3) §2: how a charger must connect, set per charger by its owner.
// 1: HTTP Basic with its password, over ws:// or wss://; 2: the same over TLS only; 3: TLS with a client
// certificate the platform CA signed for this charger (no password).
export const SECURITY_PROFILES = [1, 2, 3] as const;
export type SecurityProfile = (typeof SECURITY_PROFILES)[number];

// What the TLS layer tells of a connection: a client certificate, whether it chains to the platform CA, and its
// subject CN.
export type TlsPeer = { isTls: boolean; clientCertificate: { commonName: string | null; isSignedByPlatform: boolean } | null };

export function securityProfileRefusal(profile: number, peer: TlsPeer, identity: string): ConnectionRefusalReason | null {
  if (profile < 2) return null;
  if (!peer.isTls) return 'tlsRequired';
  if (profile < 3) return null;
  const certificate = peer.clientCertificate;
  if (!certificate) return 'noClientCertificate';
  if (!certificate.isSignedByPlatform) return 'untrustedClientCertificate';
  // Whitepaper §3.2: the certificate names the charge point it was issued to; another charger's is refused.
  return certificate.commonName === identity ? null : 'wrongClientCertificate';
}

export function usesPassword(profile: number) {
  return profile < 3;
}
