import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { chargers, transactions } from '../../../db/schema';
import { assignments } from './columns';
import { chargerEventsOf } from './recordset';

// The open sessions of chargers that have been away for longer than `awayForSec` are flagged as not confirmed by
// their charger (it may have stopped them, or lost them in a reboot, without being able to say so); those of
// chargers that are back lose the flag. One statement for every charger, run by each OCPP server's sweep: flagging
// is idempotent, so several processes sweeping at once agree. A charger never heard from counts as away since the
// session started.
export async function sweepUnconfirmedSessions(db: Database, { awayForSec }: { awayForSec: number }) {
  const awaySince = sql`coalesce(${chargers.disconnectedAt}, ${chargers.lastSeenAt}, ${transactions.startedAt})`;
  const rows = await db.execute<{ flagged: number; cleared: number }>(sql`
    with flagged as (
      update ${transactions} set ${assignments(transactions, { unconfirmedAt: sql`now()` })}
      from ${chargers}
      where ${chargers.id} = ${transactions.chargerId} and ${transactions.stoppedAt} is null and ${transactions.unconfirmedAt} is null
        and not ${chargers.isOnline} and ${awaySince} < now() - make_interval(secs => ${awayForSec})
      returning ${transactions.chargerId} as charger_id, ${transactions.accountId} as account_id
    ),
    cleared as (
      update ${transactions} set ${assignments(transactions, { unconfirmedAt: sql`null` })}
      from ${chargers}
      where ${chargers.id} = ${transactions.chargerId} and ${transactions.stoppedAt} is null and ${transactions.unconfirmedAt} is not null
        and ${chargers.isOnline}
      returning ${transactions.chargerId} as charger_id, ${transactions.accountId} as account_id
    ),
    changed as (select * from flagged union all select * from cleared),
    notified as (${chargerEventsOf(sql`changed`, 'session-unconfirmed')})
    select (select count(*) from flagged)::int as flagged, (select count(*) from cleared)::int as cleared, (select count(*) from notified)::int as events`);
  const [counts] = rows;
  return { flagged: counts?.flagged ?? 0, cleared: counts?.cleared ?? 0 };
}
