import 'server-only';
import { and, eq } from 'drizzle-orm';
import { accounts, invites, users } from '@/db/schema';
import { newToken } from '@/lib/crypto/token';
import { db } from '@/lib/db';
import { isUniqueViolation } from '@/lib/db-errors';
import { countInvitesSince, isMember } from '@/lib/data/customers';
import { INVITE_TTL_MS } from '@/lib/data/invites';
import { getUserByEmail } from '@/lib/data/users';
import { sendEmail } from '@/lib/email/send';
import { inviteEmail } from '@/lib/email/templates';

export const INVITES_PER_HOUR = 20;

export type InviteResult = 'sent' | 'noAccount' | 'alreadyMember' | 'alreadyInvited' | 'rateLimited';

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
  await mailInvite({ inviteId, token, inviter });
  return 'sent';
}

// A new link replaces the old one (which stops working) and the seven days start again.
export async function resendInvite(inviter: Inviter, inviteId: string): Promise<'sent' | 'notFound' | 'rateLimited'> {
  if (await isOverLimit(inviter.accountId)) return 'rateLimited';
  const { token, tokenHash } = newToken();
  const now = new Date();
  const rows = await db()
    .update(invites)
    .set({ tokenHash, sentAt: now, expiresAt: new Date(now.getTime() + INVITE_TTL_MS), invitedBy: inviter.inviterId })
    .where(and(eq(invites.id, inviteId), eq(invites.accountId, inviter.accountId), eq(invites.status, 'pending')))
    .returning({ id: invites.id });
  if (rows.length === 0) return 'notFound';
  await mailInvite({ inviteId, token, inviter });
  return 'sent';
}
