import 'server-only';
import { and, eq } from 'drizzle-orm';
import { accounts, invites, users } from '@/db/schema';
import { newToken } from '@/domain/crypto/token';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/domain/data/db-errors';
import { countInvitesSince, isMember } from '@/lib/data/customers';
import { INVITE_TTL_MS } from '@/lib/data/invites';
import { getUserByEmail } from '@/lib/data/users';
import { assertEmailDeliverable, sendEmail, unlessUndelivered } from '@/lib/email/send';
import { inviteEmail } from '@/lib/email/templates';

export const INVITES_PER_HOUR = 20;

export type InviteResult = 'sent' | 'noAccount' | 'alreadyMember' | 'alreadyInvited' | 'rateLimited' | 'emailFailed';

type Inviter = { accountId: string; inviterId: string; inviterName: string };

async function accountName(accountId: string) {
  const [account] = await db().select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  return account?.name ?? '';
}

async function isOverLimit(accountId: string) {
  return (await countInvitesSince({ accountId, since: new Date(Date.now() - 3600_000) })) >= INVITES_PER_HOUR;
}

async function mailInvite({ inviteId, token, inviter }: { inviteId: string; token: string; inviter: Inviter }) {
  const [invitee] = await db()
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.invitedUserId))
    .where(eq(invites.id, inviteId));
  if (!invitee) return;
  const mail = await inviteEmail(invitee, { inviterName: inviter.inviterName, accountName: await accountName(inviter.accountId), token });
  await sendEmail({ to: invitee.email, ...mail });
}

export async function inviteUser(inviter: Inviter, email: string): Promise<InviteResult> {
  if (await isOverLimit(inviter.accountId)) return 'rateLimited';
  const invitee = await getUserByEmail(email);
  if (!invitee) return 'noAccount';
  if (await isMember({ accountId: inviter.accountId, userId: invitee.id })) return 'alreadyMember';
  // With no e-mail service at all nothing is stored; an invite Resend refuses stays pending, with its Resend button.
  if ((await unlessUndelivered(async () => assertEmailDeliverable())) === 'emailFailed') return 'emailFailed';

  const { token, tokenHash } = newToken();
  let inviteId: string;
  try {
    const [row] = await db()
      .insert(invites)
      .values({
        accountId: inviter.accountId,
        invitedUserId: invitee.id,
        email: invitee.email,
        invitedBy: inviter.inviterId,
        tokenHash,
        expiresAt: new Date(Date.now() + INVITE_TTL_MS),
      })
      .returning({ id: invites.id });
    inviteId = row!.id;
  } catch (error) {
    if (isUniqueViolation(error)) return 'alreadyInvited';
    throw error;
  }
  return unlessUndelivered(async () => {
    await mailInvite({ inviteId, token, inviter });
    return 'sent' as const;
  });
}

// A new link replaces the old one (which stops working) and the seven days start again. Sent before the
// transaction commits: should the e-mail not go out, the link of the last one keeps working.
export async function resendInvite(inviter: Inviter, inviteId: string): Promise<'sent' | 'notFound' | 'rateLimited' | 'emailFailed'> {
  if (await isOverLimit(inviter.accountId)) return 'rateLimited';
  const { token, tokenHash } = newToken();
  const now = new Date();
  return unlessUndelivered(() =>
    db().transaction(async (tx) => {
      const rows = await tx
        .update(invites)
        .set({ tokenHash, sentAt: now, expiresAt: new Date(now.getTime() + INVITE_TTL_MS), invitedBy: inviter.inviterId })
        .where(and(eq(invites.id, inviteId), eq(invites.accountId, inviter.accountId), eq(invites.status, 'pending')))
        .returning({ id: invites.id });
      if (rows.length === 0) return 'notFound' as const;
      await mailInvite({ inviteId, token, inviter });
      return 'sent' as const;
    }),
  );
}
