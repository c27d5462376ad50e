import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notifications, type NotificationChannel } from '../../db/schema';
import { channelsWanted } from './notification-queue';

type Recipient = { userId: string; accountId: string };

// How the member wants to hear that their statement is ready: e-mail unless they turned it off, push while a browser
// of theirs is subscribed and they did not turn it off.
export async function statementChannelsWanted(db: Executor, { userId, accountId }: Recipient): Promise<ReadonlySet<NotificationChannel>> {
  const rows = await db.execute<{ channel: NotificationChannel }>(channelsWanted('statement-ready', sql`${userId}::uuid`, sql`${accountId}::uuid`));
  return new Set(rows.map((row) => row.channel));
}

// `byCard`: charged to the member's saved card, which the push says.
type StatementReadyFacts = { path: string; periodStart: string; amount: string; currency: string | null; accountName: string; sessions: number; energyWh: number; byCard: boolean };

// The push the notification dispatcher sends (domain/notifications/render.ts), waiting out the member's quiet hours.
export async function queueStatementReadyPush(db: Executor, { userId, accountId, facts }: Recipient & { facts: StatementReadyFacts }) {
  await db.insert(notifications).values({ userId, accountId, kind: 'statement-ready', channel: 'push', payload: facts });
}
