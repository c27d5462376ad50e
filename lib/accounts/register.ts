import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword } from '@/domain/crypto/password';
import { done, failure, success, type Result } from '@/domain/data/result';
import { issueToken } from '@/domain/data/tokens';
import { createUserWithAccount, getUserByEmail, removeUnactivatedRegistration } from '@/domain/data/users';
import { activationEmail, registrationAttemptEmail } from '@/lib/email/templates';
import { assertEmailDeliverable, EmailDeliveryError, sendEmail, unlessUndelivered } from '@/lib/email/send';
import type { Locale } from '@/lib/i18n/locales';
import { mailFreshToken } from './token-mail';

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

async function mailActivation(db: Executor, registration: Registration, { token, ...ids }: Registered & { token: string }): Promise<Result<null, 'emailFailed'>> {
  try {
    await sendEmail({ to: registration.email, ...(await activationEmail(registration, token)) });
  } catch (error) {
    if (!(error instanceof EmailDeliveryError)) throw error;
    // Resend refused it. Without its activation e-mail the account could never be used, and its
    // address could not register again: take it back.
    await removeUnactivatedRegistration(db, ids);
    return failure('emailFailed');
  }
  return done;
}

// A taken address gets the answer a new one gets, so that the form tells nobody who has an account: its owner is
// mailed a way back in (a reset link, with the reset's once-a-minute limit) where a new address gets its activation.
async function mailOwner(db: Executor, email: string): Promise<Result<null, 'emailFailed'>> {
  const owner = await getUserByEmail(db, { email });
  if (!owner) return done;
  const send = async (token: string) => sendEmail({ to: owner.email, ...(await registrationAttemptEmail(owner, token)) });
  return (await mailFreshToken(db, { user: owner, purpose: 'reset', send })) === 'undelivered' ? failure('emailFailed') : done;
}

// Answers alike whether or not the address has an account, and does the same work: the password is hashed and one
// e-mail goes out either way.
export async function registerUser(db: Executor, registration: Registration): Promise<Result<null, 'emailFailed'>> {
  // With no e-mail service at all, nothing is hashed or stored only to be taken back.
  if ((await unlessUndelivered(async () => assertEmailDeliverable())) === 'emailFailed') return failure('emailFailed');
  const created = await createRegistration(db, registration, await hashPassword(registration.password));
  if (!created.ok) return mailOwner(db, registration.email);
  return mailActivation(db, registration, created.value);
}
