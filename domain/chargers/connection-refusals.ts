// Why a charger's connection attempt was turned away, in the words the charger page explains (ChargerRefusals):
// - wrongPassword: HTTP Basic with a password that is not the charger's;
// - noPassword: no HTTP Basic at all, while the charger has a password;
// - unknownPath: a known identity at a path other than /ocpp/<identity>;
// - noCommonProtocol: none of the OCPP versions it offered is one the server speaks;
// - tlsRequired: plain ws:// for a charger of security profile 2 or 3;
// - noClientCertificate, untrustedClientCertificate, wrongClientCertificate, staleClientCertificate: profile 3
//   without a client certificate, with one the platform CA did not sign, with one issued to another charger, or with
//   one signed for it before its newest (or for a removed charger of the same ID) (domain/chargers/security-profile.ts).
export const CONNECTION_REFUSAL_REASONS = [
  'wrongPassword',
  'noPassword',
  'unknownPath',
  'noCommonProtocol',
  'tlsRequired',
  'noClientCertificate',
  'untrustedClientCertificate',
  'wrongClientCertificate',
  'staleClientCertificate',
] as const;
export type ConnectionRefusalReason = (typeof CONNECTION_REFUSAL_REASONS)[number];

export type ConnectionRefusal = {
  chargerId: string;
  accountId: string;
  reason: ConnectionRefusalReason;
  remoteAddress: string | null;
  detail: string | null;
};

// What is kept of what the charger sent: short, and printable.
export const REFUSAL_DETAIL_MAX = 200;
export function refusalDetail(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, REFUSAL_DETAIL_MAX);
}

// The address as an owner knows it: a dual-stack server sees an IPv4 charger as ::ffff:192.168.1.20.
export function refusalAddress(address: string | undefined): string | null {
  return address ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') : null;
}
