import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notificationPreferences, type MemberRole, type NotificationKind } from '../../db/schema';
import { notificationKindsFor } from '../notifications/audience';
import { listMembershipsOfUser } from './memberships';

type UserScope = { userId: string };

// For each account the user belongs to: the kinds their role may get, each with its choice (on until turned off).
export async function listNotificationSettings(db: Executor, { userId }: UserScope) {
  const [accounts, stored] = await Promise.all([
    listMembershipsOfUser(db, { userId }),
    db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),
  ]);
  return accounts.map(({ accountId, accountName, role }) => ({
    accountId,
    accountName,
    kinds: notificationKindsFor(role).map((kind) => ({
      kind,
      isEmail: stored.find((row) => row.accountId === accountId && row.kind === kind)?.isEmail ?? true,
    })),
  }));
}

// Stores a choice for every kind the member's role may get: those in `chosen` on, the others off. The caller has
// checked the membership.
export async function saveNotificationPreferences(
  db: Executor,
  { userId, accountId, role, chosen }: UserScope & { accountId: string; role: MemberRole; chosen: ReadonlySet<NotificationKind> },
): Promise<void> {
  const rows = notificationKindsFor(role).map((kind) => ({ userId, accountId, kind, isEmail: chosen.has(kind), updatedAt: new Date() }));
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.accountId, notificationPreferences.kind],
      set: { isEmail: sql`excluded.is_email`, updatedAt: sql`excluded.updated_at` },
    });
}
