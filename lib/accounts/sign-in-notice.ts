import 'server-only';
import type { PublicUser } from '@/domain/data/users';
import { EmailDeliveryError, sendEmail } from '@/lib/email/send';
import { signInChangedEmail, type SignInChange } from '@/lib/email/templates';
import { log } from '@/lib/log';

// Tells the user by e-mail that a way of signing in to their account changed, so that a thief who got in cannot
// quietly add their own factor or remove the owner's. The change is made already: a notice that cannot go out, for
// whatever reason, is logged, and neither undoes it nor fails it.
export async function noticeSignInChange(user: Pick<PublicUser, 'email' | 'name' | 'locale'>, change: SignInChange): Promise<void> {
  try {
    await sendEmail({ to: user.email, ...(await signInChangedEmail(user, change)) });
  } catch (error) {
    if (error instanceof EmailDeliveryError) log.warn({ change }, 'the notice of a sign-in change was not sent');
    else log.error({ err: error, change }, 'the notice of a sign-in change failed');
  }
}
