import { appUrl } from '@/domain/email/config';

export { appUrl, emailFrom, isMailboxEnabled, isResendConfigured } from '@/domain/email/config';

// What chargers are told to connect to; behind a proxy or TLS this differs from the local port.
export function ocppPublicUrl(): string {
  return (process.env.OCPP_PUBLIC_URL ?? `ws://localhost:${process.env.OCPP_PORT ?? 9000}`).replace(/\/$/, '');
}

// A deployment behind TLS says so in its public URL; cookies and HSTS follow that, not the
// scheme of each request (a TLS proxy may not forward it).
export function isHttpsDeployment(): boolean {
  return appUrl().startsWith('https://');
}
