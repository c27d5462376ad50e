import 'server-only';
import { Resend } from 'resend';
import { emailFrom, isMailboxEnabled, isResendConfigured } from '@/lib/config';
import { storeInOutbox, type Email } from '@/domain/data/outbox';
import { db } from '@/lib/db';
import { log } from '@/lib/log';

// The e-mail did not go out; the forms answer with Errors.emailFailed.
export class EmailDeliveryError extends Error {}

// Refuses when an e-mail could go nowhere: no RESEND_API_KEY, and no local mailbox to show it
// (production without LOCAL_MAILBOX=1). Flows that must answer alike for every address call this
// before they look the address up.
export function assertEmailDeliverable(subject?: string): void {
  if (isResendConfigured() || isMailboxEnabled()) return;
  log.error({ subject }, 'e-mail not sent: no RESEND_API_KEY, and the local mailbox is off (LOCAL_MAILBOX=1 turns it on)');
  throw new EmailDeliveryError('no RESEND_API_KEY, and the local mailbox is off');
}

// With RESEND_API_KEY the mail goes out through Resend; without it, on a local platform, to the
// local outbox (the Mailbox page) and the log, so accounts can still be activated on a laptop.
// Anywhere else it is refused and nothing is stored: the outbox would hold its link and token in
// plain text for no one to read.
export async function sendEmail(email: Email): Promise<void> {
  assertEmailDeliverable(email.subject);
  if (!isResendConfigured()) {
    await storeInOutbox(db(), email);
    // A local platform prints the whole mail, links and their tokens included, so it can be opened
    // from the terminal too.
    log.info({ to: email.to, subject: email.subject, text: email.text }, 'e-mail kept in the local mailbox (no RESEND_API_KEY)');
    return;
  }
  const resend = new Resend(process.env.RESEND_API_KEY);
  const { data, error } = await resend.emails.send({ from: emailFrom(), ...email });
  if (error) {
    log.error({ subject: email.subject, error: error.message }, 'Resend refused an e-mail');
    throw new EmailDeliveryError(error.message);
  }
  log.info({ id: data?.id, subject: email.subject }, 'e-mail sent through Resend');
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
