import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { connectionRefusals } from '../../../db/schema';
import type { ConnectionRefusal } from '../../chargers/connection-refusals';
import { notifyChargerEvent } from './notify';

// Refusals from before the charger last got in were mended since: a new run of them counts from one.
const isBeforeLastConnection = sql`${connectionRefusals.lastAt} < coalesce((select c.connected_at from chargers c where c.id = excluded.charger_id), '-infinity')`;

export type CountedRefusal = ConnectionRefusal & { count: number; firstAt: Date; lastAt: Date };

// One statement for a flush of the OCPP server's refusal counts (ocpp-server/src/refusal-recorder.ts), adding to
// each charger's row per reason; the chargers' pages hear of it. A charger removed meanwhile is skipped.
export async function recordConnectionRefusals(db: Database, refusals: CountedRefusal[]) {
  if (refusals.length === 0) return;
  await db.transaction(async (tx) => {
    const rows = refusals.map(({ chargerId, reason, count, firstAt, lastAt, remoteAddress, detail }) => ({ chargerId, reason, count, firstAt, lastAt, remoteAddress, detail }));
    await tx.execute(sql`
      insert into ${connectionRefusals} (charger_id, reason, count, first_at, last_at, remote_address, detail)
      select r.charger_id, r.reason, r.count, r.first_at, r.last_at, r.remote_address, r.detail
      from json_to_recordset(${JSON.stringify(rows.map(toRecord))}::json)
        as r(charger_id uuid, reason text, count int, first_at timestamptz, last_at timestamptz, remote_address text, detail text)
      where exists (select 1 from chargers c where c.id = r.charger_id)
      on conflict (charger_id, reason) do update set
        count = case when ${isBeforeLastConnection} then excluded.count else ${connectionRefusals.count} + excluded.count end,
        first_at = case when ${isBeforeLastConnection} then excluded.first_at else ${connectionRefusals.firstAt} end,
        last_at = greatest(${connectionRefusals.lastAt}, excluded.last_at),
        remote_address = excluded.remote_address,
        detail = excluded.detail`);
    const chargers = new Map(refusals.map((refusal) => [refusal.chargerId, refusal.accountId]));
    for (const [chargerId, accountId] of chargers) await notifyChargerEvent(tx, { chargerId, accountId, kind: 'connection-refused' });
  });
}

function toRecord(row: Omit<CountedRefusal, 'accountId'>) {
  return {
    charger_id: row.chargerId,
    reason: row.reason,
    count: row.count,
    first_at: row.firstAt.toISOString(),
    last_at: row.lastAt.toISOString(),
    remote_address: row.remoteAddress,
    detail: row.detail,
  };
}
