// Why a charger's SignCertificate (security whitepaper §4.1) was refused; the charger page explains each.
// noAuthority: the platform has no CA to sign with (neither AUTH_SECRET nor CA files).
export const CSR_REFUSALS = ['unreadable', 'badSignature', 'wrongIdentity', 'weakKey', 'noAuthority'] as const;
export type CsrRefusal = (typeof CSR_REFUSALS)[number];
