import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { isInQuietHours } from './quiet-hours';
import { notifications, users, type Locale, type NotificationChannel, type NotificationKind } from '../../db/schema';

export type ClaimedNotification = {
  id: string;
  userId: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  payload: Record<string, string | number | null>;
  email: string;
  name: string;
  locale: Locale;
};

// A claimed row left `sending` this long ago belongs to a process that died mid-send: it is claimed again.
const ABANDONED_AFTER = sql`interval '10 minutes'`;

// Claims up to `limit` notifications for this process alone: SKIP LOCKED keeps two dispatchers off the same rows, and
// the state flips in the same statement, so a row is handed out once. A push waits, pending, while its recipient is
// in quiet hours at `at` (e-mail does not), and goes at the first claim after they end.
export async function claimNotifications(db: Executor, { limit, at = new Date() }: { limit: number; at?: Date }): Promise<ClaimedNotification[]> {
  return db.execute<ClaimedNotification>(sql`
    with claimable as (
      select n.id from ${notifications} n join ${users} u on u.id = n.user_id
      where (n.state = 'pending' or (n.state = 'sending' and n.claimed_at < now() - ${ABANDONED_AFTER}))
        and not (n.channel = 'push' and ${isInQuietHours(at)})
      order by n.created_at limit ${limit} for update of n skip locked
    )
    update ${notifications} n set state = 'sending', claimed_at = now()
    from claimable, ${users} u where n.id = claimable.id and u.id = n.user_id
    returning n.id, n.user_id as "userId", n.kind, n.channel, n.payload, u.email, u.name, u.locale`);
}

export async function markNotificationSent(db: Executor, { id }: { id: string }) {
  await db.update(notifications).set({ state: 'sent', sentAt: new Date(), error: null }).where(eq(notifications.id, id));
}

export async function markNotificationFailed(db: Executor, { id, error }: { id: string; error: string }) {
  await db.update(notifications).set({ state: 'failed', error: error.slice(0, 1000) }).where(eq(notifications.id, id));
}
