import 'server-only';
import type { Executor } from '@/db/client';
import { newToken } from '@/domain/crypto/token';
import { countInviteAttemptsSince, forgetInviteAttempt, recordInviteAttempt } from '@/domain/data/invite-attempts';
import { createInvite, getInvitee, renewInvite } from '@/domain/data/invites';
import { isMember } from '@/domain/data/memberships';
import { done, failure, type Result } from '@/domain/data/result';
import { getAccountName, getUserByEmail } from '@/domain/data/users';
import { assertEmailDeliverable, sendEmail, unlessUndelivered } from '@/lib/email/send';
import { inviteEmail } from '@/lib/email/templates';

export const INVITES_PER_HOUR = 20;
const WINDOW_MS = 3600_000;

export type InviteSendRefusal = 'noAccount' | 'alreadyMember' | 'alreadyInvited' | 'rateLimited' | 'emailFailed';

type Inviter = { accountId: string; inviterId: string; inviterName: string };

type Attempt = { id: number };

// Every send counts, before the address is even looked up: an address without an account costs as much as one with,
// so the form answers at most INVITES_PER_HOUR questions of who has an account. Counted before the check, so that a
// burst of parallel sends sees itself; a send over the limit is forgotten (null) and does not hold back the next hour.
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
  const accountName = (await getAccountName(db, inviter)) ?? '';
  const mail = await inviteEmail(invitee, { inviterName: inviter.inviterName, accountName, token });
  await sendEmail({ to: invitee.email, ...mail });
}

// An invite whose e-mail Resend refused stays pending (failure 'emailFailed'), listed with its Resend button.
export async function inviteUser(db: Executor, inviter: Inviter, email: string): Promise<Result<null, InviteSendRefusal>> {
  if (!(await countAttempt(db, inviter.accountId))) return failure('rateLimited');
  const invitee = await getUserByEmail(db, { email });
  if (!invitee) return failure('noAccount');
  if (await isMember(db, { accountId: inviter.accountId, userId: invitee.id })) return failure('alreadyMember');
  // With no e-mail service at all nothing is stored.
  if ((await unlessUndelivered(async () => assertEmailDeliverable())) === 'emailFailed') return failure('emailFailed');

  const { token, tokenHash } = newToken();
  const created = await createInvite(db, { accountId: inviter.accountId, invitedUserId: invitee.id, email: invitee.email, invitedBy: inviter.inviterId, tokenHash });
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
