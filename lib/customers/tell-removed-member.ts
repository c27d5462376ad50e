import 'server-only';
import { getAccountName, getUserById } from '@/domain/data/users';
import { db } from '@/lib/db';
import { membershipEndedEmail } from '@/lib/email/membership-ended';
import { sendEmail, unlessUndelivered } from '@/lib/email/send';

// In the removed person's own language. Resend refusing it (already logged) leaves the removal done.
export async function tellRemovedMember({ accountId, userId, stoppedSessions }: { accountId: string; userId: string; stoppedSessions: number }) {
  const [user, accountName] = await Promise.all([getUserById(db(), { userId }), getAccountName(db(), { accountId })]);
  if (!user) return;
  const mail = await membershipEndedEmail(user, { accountName: accountName ?? '', stoppedSessions });
  await unlessUndelivered(() => sendEmail({ to: user.email, ...mail }));
}
