// Links in e-mails are built from configuration, never from the request's Host header,
// which an attacker could set to send reset links to a host of theirs.
export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}

export function isResendConfigured(): boolean {
  return Boolean(process.env.RESEND_API_KEY);
}

// The mailbox shows every outgoing e-mail with its links: only ever for a local platform.
export function isMailboxEnabled(): boolean {
  return !isResendConfigured() && (process.env.NODE_ENV !== 'production' || process.env.LOCAL_MAILBOX === '1');
}

export function emailFrom(): string {
  return process.env.EMAIL_FROM ?? 'Chargewatch <no-reply@chargewatch.local>';
}
