import { Resend } from 'resend';
import type { Executor } from '../../db/client';
import { storeInOutbox, type Email } from '../data/outbox';
import { emailFrom, isMailboxEnabled, isResendConfigured } from './config';

// The e-mail did not go out; the forms answer with Errors.emailFailed. `isTransient`: the service was busy (429),
// failing (5xx) or out of reach, so the same mail may go later; otherwise it refused this mail, or none can go.
export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    readonly isTransient = false,
  ) {
    super(message);
  }
}

const isTransientStatus = (status: number | null | undefined) => status == null || status === 429 || status >= 500;

type LogMethod = (fields: object, message: string) => void;
type MailLog = { info: LogMethod; warn: LogMethod; error: LogMethod };

// Refuses when an e-mail could go nowhere: no RESEND_API_KEY, and no local mailbox to show it
// (production without LOCAL_MAILBOX=1). Flows that must answer alike for every address call this
// before they look the address up.
export function assertEmailDeliverable(log: MailLog, subject?: string): void {
  if (isResendConfigured() || isMailboxEnabled()) return;
  log.error({ subject }, 'e-mail not sent: no RESEND_API_KEY, and the local mailbox is off (LOCAL_MAILBOX=1 turns it on)');
  throw new EmailDeliveryError('no RESEND_API_KEY, and the local mailbox is off');
}

// With RESEND_API_KEY the mail goes out through Resend; without it, on a local platform, to the
// local outbox (the Mailbox page) and the log, so accounts can still be activated on a laptop.
// Anywhere else it is refused and nothing is stored: the outbox would hold its link and token in
// plain text for no one to read.
// `isRetried`: the caller sends a mail the service could not take now again later (the notification outbox), so
// that failure is a warning; for a caller that does not, the mail is lost, an error.
export async function deliverEmail({ db, log, isRetried = false }: { db: Executor; log: MailLog; isRetried?: boolean }, email: Email): Promise<void> {
  assertEmailDeliverable(log, email.subject);
  if (!isResendConfigured()) {
    await storeInOutbox(db, email);
    // A local platform prints the whole mail, links and their tokens included, so it can be opened
    // from the terminal too.
    log.info({ to: email.to, subject: email.subject, text: email.text, attachments: email.attachments?.map((file) => file.filename) }, 'e-mail kept in the local mailbox (no RESEND_API_KEY)');
    return;
  }
  const resend = new Resend(process.env.RESEND_API_KEY);
  const { attachments, ...message } = email;
  const files = attachments?.map(({ filename, contentType, content }) => ({ filename, contentType, content }));
  const { data, error } = await resend.emails.send({ from: emailFrom(), ...message, ...(files ? { attachments: files } : {}) });
  if (error) {
    const isTransient = isTransientStatus(error.statusCode);
    const fields = { subject: email.subject, error: error.message };
    if (!isTransient) log.error(fields, 'Resend refused an e-mail');
    else if (isRetried) log.warn(fields, 'Resend could not take an e-mail now; it will be tried again');
    else log.error(fields, 'Resend could not take an e-mail now');
    throw new EmailDeliveryError(error.message, isTransient);
  }
  log.info({ id: data?.id, subject: email.subject }, 'e-mail sent through Resend');
}
