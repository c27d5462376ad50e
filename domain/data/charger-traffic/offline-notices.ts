import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { chargers } from '../../../db/schema';
import { chargerNotificationsInsert } from '../notification-queue';

// Tells the managers of each charger offline longer than `afterMinutes` (once per outage: the notice time is kept
// until the charger reconnects), in one statement. SKIP LOCKED leaves a charger that a connect is writing to the next
// sweep, and keeps two OCPP servers' sweeps from telling anyone twice. The number of chargers noticed.
export async function queueOfflineNotices(db: Executor, { afterMinutes }: { afterMinutes: number }): Promise<number> {
  const rows = await db.execute<{ charger_id: string }>(sql`
    with due as (
      select ${chargers.id} from ${chargers}
      where not ${chargers.isOnline} and ${chargers.offlineNoticeAt} is null
        and ${chargers.disconnectedAt} < now() - make_interval(secs => ${afterMinutes * 60})
      order by ${chargers.id} for no key update skip locked
    ),
    noticed as (
      update ${chargers} c set offline_notice_at = now() from due where c.id = due.id
      returning c.id as charger_id, c.account_id, c.disconnected_at
    ),
    sent as (${chargerNotificationsInsert('charger-offline', sql`noticed`, sql`jsonb_build_object('since', s.disconnected_at, 'noticedAt', now())`)})
    select charger_id from noticed`);
  return rows.length;
}
