import 'server-only';
import type { Executor } from '@/db/client';
import { newToken } from '@/domain/crypto/token';
import { countInviteAttemptsSince, forgetInviteAttempt, recordInviteAttempt } from '@/domain/data/invite-attempts';
import { createInvite, getInvitee, renewInvite, type Grant } from '@/domain/data/invites';
import { isMember } from '@/domain/data/memberships';
import { done, failure, type Result } from '@/domain/data/result';
import { getAccountName, getUserByEmail, normalizeEmail } from '@/domain/data/users';
import { assertEmailDeliverable, sendEmail, unlessUndelivered } from '@/lib/email/send';
import { inviteEmail, signUpInviteEmail } from '@/lib/email/templates';
import type { Locale } from '@/lib/i18n/locales';

export const INVITES_PER_HOUR = 20;
const WINDOW_MS = 3600_000;

export type InviteSendRefusal = 'alreadyMember' | 'alreadyInvited' | 'rateLimited' | 'emailFailed';

// inviterLocale: the language of a sign-up invitation, whose invitee has none stored yet.
type Inviter = { accountId: string; inviterId: string; inviterName: string; inviterLocale: Locale };

type Attempt = { id: number };

// Every send counts, before the address is even looked up: an address without an account (a sign-up invitation) costs
// as much as one with. Counted before the check, so that a burst of parallel sends sees itself; a send over the limit
// is forgotten (null) and does not hold back the next hour.
async function countAttempt(db: Executor, accountId: string): Promise<Attempt | null> {
  const now = Date.now();
  const attempt = await recordInviteAttempt(db, { accountId, forgetBefore: new Date(now - 2 * WINDOW_MS) });
  if ((await countInviteAttemptsSince(db, { accountId, since: new Date(now - WINDOW_MS) })) <= INVITES_PER_HOUR) return attempt.value;
  await forgetInviteAttempt(db, attempt.value);
  return null;
}

async function mailInvite(db: Executor, { inviteId, token, inviter }: { inviteId: string; token: string; inviter: Inviter }) {
  const invitee = await getInvitee(db, { inviteId });
  if (!invitee) return;
  const invitedAs = { role: invitee.role, accessEndsAt: invitee.accessEndsAt };
  const about = { inviterName: inviter.inviterName, accountName: (await getAccountName(db, inviter)) ?? '', token, invitedAs };
  const mail = invitee.name && invitee.locale ? await inviteEmail({ name: invitee.name, locale: invitee.locale }, about) : await signUpInviteEmail(inviter.inviterLocale, about);
  await sendEmail({ to: invitee.email, ...mail });
}

// An address with an account gets a link to accept; one without, a link to sign up that joins at once. The inviter is
// answered alike either way (the same confirmation, the same list row), so the form tells them nothing of who has an
// account. An invite whose e-mail Resend refused stays pending (failure 'emailFailed'), listed with its Resend button.
export async function inviteUser(db: Executor, inviter: Inviter, { email, grant }: { email: string; grant: Grant }): Promise<Result<null, InviteSendRefusal>> {
  if (!(await countAttempt(db, inviter.accountId))) return failure('rateLimited');
  const invitee = await getUserByEmail(db, { email });
  if (invitee && (await isMember(db, { accountId: inviter.accountId, userId: invitee.id }))) return failure('alreadyMember');
  // With no e-mail service at all nothing is stored.
  if ((await unlessUndelivered(async () => assertEmailDeliverable())) === 'emailFailed') return failure('emailFailed');

  const { token, tokenHash } = newToken();
  const address = { invitedUserId: invitee?.id ?? null, email: invitee?.email ?? normalizeEmail(email) };
  const created = await createInvite(db, { accountId: inviter.accountId, ...address, invitedBy: inviter.inviterId, tokenHash, grant });
  if (!created.ok) return created;
  const sent = await unlessUndelivered(() => mailInvite(db, { inviteId: created.value.inviteId, token, inviter }));
  return sent === 'emailFailed' ? failure('emailFailed') : done;
}

// A new link replaces the old one (which stops working) and the seven days start again. Sent before the
// transaction commits: should the e-mail not go out, the link of the last one keeps working.
export async function resendInvite(db: Executor, inviter: Inviter, inviteId: string): Promise<Result<null, 'notFound' | 'rateLimited' | 'emailFailed'>> {
  const attempt = await countAttempt(db, inviter.accountId);
  if (!attempt) return failure('rateLimited');
  const { token, tokenHash } = newToken();
  const sent = await unlessUndelivered(() =>
    db.transaction(async (tx) => {
      const renewed = await renewInvite(tx, { accountId: inviter.accountId, inviteId, tokenHash, invitedBy: inviter.inviterId });
      if (renewed.ok) await mailInvite(tx, { inviteId, token, inviter });
      return renewed;
    }),
  );
  if (sent === 'emailFailed') return failure('emailFailed');
  // No pending invitation of this account by that id: nothing was sent, and an id tells nothing of anyone's account.
  if (!sent.ok) await forgetInviteAttempt(db, attempt);
  return sent;
}
