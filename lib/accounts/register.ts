import 'server-only';
import { hashPassword } from '@/domain/crypto/password';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/domain/data/db-errors';
import { createUserWithAccount, removeUnactivatedRegistration } from '@/lib/data/users';
import { issueToken } from '@/lib/data/tokens';
import { activationEmail } from '@/lib/email/templates';
import { assertEmailDeliverable, EmailDeliveryError, sendEmail, unlessUndelivered } from '@/lib/email/send';
import type { Locale } from '@/lib/i18n/locales';

type Registration = { name: string; email: string; password: string; locale: Locale };
export type RegisterResult = { status: 'registered'; userId: string; accountId: string } | { status: 'emailTaken' | 'emailFailed' };

export async function registerUser(registration: Registration): Promise<RegisterResult> {
  // With no e-mail service at all, nothing is hashed or stored only to be taken back.
  if ((await unlessUndelivered(async () => assertEmailDeliverable())) === 'emailFailed') return { status: 'emailFailed' };
  const passwordHash = await hashPassword(registration.password);
  let created: { userId: string; accountId: string; token: string };
  try {
    created = await db().transaction(async (tx) => {
      const ids = await createUserWithAccount(tx, { ...registration, passwordHash });
      const token = await issueToken(tx, { userId: ids.userId, purpose: 'activate' });
      return { ...ids, token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { status: 'emailTaken' };
    throw error;
  }
  const mail = await activationEmail(registration, created.token);
  try {
    await sendEmail({ to: registration.email, ...mail });
  } catch (error) {
    if (!(error instanceof EmailDeliveryError)) throw error;
    // Resend refused it. Without its activation e-mail the account could never be used, and its
    // address could not register again: take it back.
    await removeUnactivatedRegistration(created);
    return { status: 'emailFailed' };
  }
  return { status: 'registered', userId: created.userId, accountId: created.accountId };
}
