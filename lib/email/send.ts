import 'server-only';
import { Resend } from 'resend';
import { emailFrom, isMailboxEnabled, isResendConfigured } from '@/lib/config';
import { storeInOutbox, type Email } from '@/lib/data/outbox';
import { log } from '@/lib/log';

export class EmailDeliveryError extends Error {}

// With RESEND_API_KEY the mail goes out through Resend; without it, to the local outbox
// (the Mailbox page) and the log, so a platform on a laptop can still activate accounts.
export async function sendEmail(email: Email): Promise<void> {
  if (!isResendConfigured()) {
    await storeInOutbox(email);
    // A local platform prints the whole mail, links and their tokens included, so it can be opened
    // from the terminal too. Anywhere else the tokens stay out of the log.
    if (isMailboxEnabled()) log.info({ to: email.to, subject: email.subject, text: email.text }, 'e-mail kept in the local mailbox (no RESEND_API_KEY)');
    else log.warn({ subject: email.subject }, 'e-mail not sent: no RESEND_API_KEY, and the local mailbox is off');
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
