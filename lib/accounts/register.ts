import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword } from '@/domain/crypto/password';
import { failure, success, type Result } from '@/domain/data/result';
import { issueToken } from '@/domain/data/tokens';
import { createUserWithAccount, removeUnactivatedRegistration } from '@/domain/data/users';
import { activationEmail } from '@/lib/email/templates';
import { assertEmailDeliverable, EmailDeliveryError, sendEmail, unlessUndelivered } from '@/lib/email/send';
import type { Locale } from '@/lib/i18n/locales';

type Registration = { name: string; email: string; password: string; locale: Locale };
type Registered = { userId: string; accountId: string };

async function createRegistration(db: Executor, registration: Registration, passwordHash: string) {
  return db.transaction(async (tx): Promise<Result<Registered & { token: string }, 'emailTaken'>> => {
    const created = await createUserWithAccount(tx, { ...registration, passwordHash });
    if (!created.ok) return created;
    const { token } = (await issueToken(tx, { userId: created.value.userId, purpose: 'activate' })).value;
    return success({ ...created.value, token });
  });
}

export async function registerUser(db: Executor, registration: Registration): Promise<Result<Registered, 'emailTaken' | 'emailFailed'>> {
  // With no e-mail service at all, nothing is hashed or stored only to be taken back.
  if ((await unlessUndelivered(async () => assertEmailDeliverable())) === 'emailFailed') return failure('emailFailed');
  const created = await createRegistration(db, registration, await hashPassword(registration.password));
  if (!created.ok) return created;
  const { token, ...ids } = created.value;
  try {
    await sendEmail({ to: registration.email, ...(await activationEmail(registration, token)) });
  } catch (error) {
    if (!(error instanceof EmailDeliveryError)) throw error;
    // Resend refused it. Without its activation e-mail the account could never be used, and its
    // address could not register again: take it back.
    await removeUnactivatedRegistration(db, ids);
    return failure('emailFailed');
  }
  return success(ids);
}
