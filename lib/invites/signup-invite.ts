import 'server-only';
import type { Executor } from '@/db/client';
import { hashPassword } from '@/domain/crypto/password';
import { getInviteByToken } from '@/domain/data/invites';
import { failure, success, type Result } from '@/domain/data/result';
import { joinBySignUpInvite } from '@/domain/data/signup-invites';
import { createUserWithAccount, getUserByEmail, normalizeEmail } from '@/domain/data/users';
import type { Locale } from '@/lib/i18n/locales';

export type SignUpInvite = { inviteId: string; email: string; accountName: string; inviterName: string | null };
// registered: the address has an account by now (its invitation waits for it after login).
export type SignUpInviteRefusal = 'invalid' | 'used' | 'expired' | 'revoked' | 'registered';

// What a sign-up link means to whoever opens it. The link's holder got it at that address, so telling them the address
// has an account by now tells nothing they could not learn at the login form's "forgot password".
export async function checkSignUpInvite(db: Executor, { token }: { token: string }): Promise<Result<SignUpInvite, SignUpInviteRefusal>> {
  const invite = token.length <= 200 ? await getInviteByToken(db, { token }) : null;
  if (!invite) return failure('invalid');
  if (invite.status === 'revoked' || (invite.status === 'pending' && !invite.isSenderMember)) return failure('revoked');
  if (invite.status !== 'pending') return failure('used');
  if (invite.expiresAt <= new Date()) return failure('expired');
  if (invite.invitedUserId || (await getUserByEmail(db, { email: invite.email }))) return failure('registered');
  return success({ inviteId: invite.id, email: invite.email, accountName: invite.accountName, inviterName: invite.inviterName });
}

type Registration = { token: string; name: string; email: string; password: string; locale: Locale };
type Joined = { userId: string; accountId: string };

class InviteGone extends Error {}

// The address is the invitation's (proven by its link): verified at once, no activation e-mail, and the account joined
// in the same transaction as the user is created. Another address, or a link that no longer works, registers nothing.
export async function registerFromInvite(db: Executor, registration: Registration): Promise<Result<Joined, SignUpInviteRefusal | 'otherAddress'>> {
  const check = await checkSignUpInvite(db, registration);
  if (!check.ok) return check;
  const { inviteId, email } = check.value;
  if (normalizeEmail(registration.email) !== email) return failure('otherAddress');
  const owner = { name: registration.name, email, locale: registration.locale, passwordHash: await hashPassword(registration.password), emailVerifiedAt: new Date() };
  try {
    return await db.transaction(async (tx): Promise<Result<Joined, SignUpInviteRefusal>> => {
      const created = await createUserWithAccount(tx, owner);
      if (!created.ok) return failure('registered');
      const joined = await joinBySignUpInvite(tx, { inviteId, userId: created.value.userId });
      if (!joined.ok) throw new InviteGone();
      return success({ userId: created.value.userId, accountId: joined.value.accountId });
    });
  } catch (error) {
    if (!(error instanceof InviteGone)) throw error;
    // Revoked, answered or expired while the password was hashed: the check says which, now.
    const now = await checkSignUpInvite(db, registration);
    return now.ok ? failure('used') : now;
  }
}
