// Why a charger's SignCertificate (security whitepaper §4.1) was refused; the charger page explains each.
// noAuthority: the platform has no CA to sign with (neither AUTH_SECRET nor CA files); tooManyRequests: the charger
// sent more requests in the last hour than the platform signs (ocpp-server/src/handlers/v16/sign-certificate.ts).
export const CSR_REFUSALS = ['unreadable', 'badSignature', 'wrongIdentity', 'weakKey', 'noAuthority', 'tooManyRequests'] as const;
export type CsrRefusal = (typeof CSR_REFUSALS)[number];
