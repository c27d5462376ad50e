import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notificationPreferences, type MemberRole, type NotificationKind } from '../../db/schema';
import { notificationKindsFor } from '../notifications/audience';
import { listMembershipsOfUser } from './memberships';

type UserScope = { userId: string };

// For each account the user belongs to: the kinds their role may get, each with its choices (on until turned off).
export async function listNotificationSettings(db: Executor, { userId }: UserScope) {
  const [accounts, stored] = await Promise.all([
    listMembershipsOfUser(db, { userId }),
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
  ]);
  return accounts.map(({ accountId, accountName, role }) => ({
    accountId,
    accountName,
    kinds: notificationKindsFor(role).map((kind) => {
      const choice = stored.find((row) => row.accountId === accountId && row.kind === kind);
      return { kind, isEmail: choice?.isEmail ?? true, isPush: choice?.isPush ?? true };
    }),
  }));
}

// Stores the choices for every kind the member's role may get: the kinds in `byEmail` and `byPush` on for that
// channel, the others off. The caller has checked the membership.
export async function saveNotificationPreferences(
  db: Executor,
  { userId, accountId, role, byEmail, byPush }: UserScope & { accountId: string; role: MemberRole; byEmail: ReadonlySet<NotificationKind>; byPush: ReadonlySet<NotificationKind> },
): Promise<void> {
  const rows = notificationKindsFor(role).map((kind) => ({ userId, accountId, kind, isEmail: byEmail.has(kind), isPush: byPush.has(kind), updatedAt: new Date() }));
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.accountId, notificationPreferences.kind],
      set: { isEmail: sql`excluded.is_email`, isPush: sql`excluded.is_push`, updatedAt: sql`excluded.updated_at` },
    });
}
