import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { isInQuietHours } from './quiet-hours';
import { notifications, users, type Locale, type NotificationChannel, type NotificationKind } from '../../db/schema';

export type ClaimedNotification = {
  id: string;
  userId: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  payload: Record<string, string | number | boolean | null>;
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
      where ((n.state = 'pending' and (n.next_attempt_at is null or n.next_attempt_at <= now()))
          or (n.state = 'sending' and n.claimed_at < now() - ${ABANDONED_AFTER}))
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
  await db
    .update(notifications)
    .set({ state: 'failed', error: error.slice(0, 1000), attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: null })
    .where(eq(notifications.id, id));
}

// The pause after each failed attempt, then the last one fails for good: about nine hours in all, so a mail service
// that was down for the night still delivers in the morning.
const RETRY_PAUSES_S = [60, 5 * 60, 30 * 60, 2 * 60 * 60, 6 * 60 * 60];
export const MAX_NOTIFICATION_ATTEMPTS = RETRY_PAUSES_S.length + 1;

// A transient failure: pending again until its next attempt, or failed once the attempts are used up. Returns which.
export async function markNotificationAttemptFailed(db: Executor, { id, error }: { id: string; error: string }): Promise<'pending' | 'failed'> {
  const pauses = sql.raw(`array[${RETRY_PAUSES_S.join(',')}]`);
  const [row] = await db.execute<{ state: 'pending' | 'failed' }>(sql`
    update ${notifications} set
      attempts = attempts + 1,
      error = ${error.slice(0, 1000)},
      state = case when attempts + 1 >= ${MAX_NOTIFICATION_ATTEMPTS} then 'failed'::notification_state else 'pending'::notification_state end,
      next_attempt_at = case when attempts + 1 >= ${MAX_NOTIFICATION_ATTEMPTS} then null
        else now() + make_interval(secs => (${pauses})[attempts + 1]) end
    where id = ${id}
    returning state`);
  return row?.state ?? 'failed';
}

const TRIM_BATCH = 5_000;

// Sent and failed notifications older than `keepDays` are deleted, a batch at a time so a long backlog never holds
// the table for long; returns how many went.
export async function trimNotifications(db: Executor, { keepDays }: { keepDays: number }) {
  const cutoff = new Date(Date.now() - keepDays * 24 * 60 * 60 * 1000);
  const old = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(inArray(notifications.state, ['sent', 'failed']), lt(notifications.createdAt, cutoff)))
    .limit(TRIM_BATCH);
  const deleted = await db.delete(notifications).where(inArray(notifications.id, old)).returning({ id: notifications.id });
  return deleted.length;
}
