import 'server-only';
import { assertEmailDeliverable as assertDeliverable, deliverEmail, EmailDeliveryError } from '@/domain/email/deliver';
import type { Email } from '@/domain/data/outbox';
import { db } from '@/lib/db';
import { log } from '@/lib/log';

export { EmailDeliveryError };

export function assertEmailDeliverable(subject?: string): void {
  assertDeliverable(log, subject);
}

// The web app's way to the shared mail path (domain/email/deliver.ts), with its database and log.
export async function sendEmail(email: Email): Promise<void> {
  await deliverEmail({ db: db(), log }, email);
}

// An e-mail that did not go out (no e-mail service, or Resend refused it; both already logged) as an answer the
// form shows, instead of an error.
export async function unlessUndelivered<T>(send: () => Promise<T>): Promise<T | 'emailFailed'> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof EmailDeliveryError) return 'emailFailed';
    throw error;
  }
}

// For flows that answer alike for every address (password reset, a new activation link): once the address has
// been looked up, an e-mail Resend refused (already logged) is answered like any other request, since telling
// this caller would tell them the address has an account. Other errors go on.
export function answerAlike(error: unknown): void {
  if (!(error instanceof EmailDeliveryError)) throw error;
}
