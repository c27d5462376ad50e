import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { chargerCommands, chargers } from '../../../db/schema';
import { COMMAND_RESULT_CHANNEL, type FinalCommandStatus } from '../../commands/actions';
import { jsonbSafe, valuesOf } from './recordset';

const SWEEP_LIMIT = 1000;

async function notifyResult(db: Executor, event: { id: string; chargerId: string; status: FinalCommandStatus }) {
  await db.execute(sql`select pg_notify(${COMMAND_RESULT_CHANNEL}, ${JSON.stringify(event)})`);
}

// Only the process that holds the charger's socket (per the chargers row) can take the row, and only once.
export async function claimCommand(db: Database, { id, instanceId }: { id: string; instanceId: string }) {
  const [row] = await db
    .update(chargerCommands)
    .set({ status: 'sent', sentAt: new Date(), claimedBy: instanceId })
    .from(chargers)
    .where(
      and(
        eq(chargerCommands.id, id),
        eq(chargerCommands.status, 'pending'),
        gt(chargerCommands.expiresAt, new Date()),
        eq(chargers.id, chargerCommands.chargerId),
        eq(chargers.instanceId, instanceId),
        eq(chargers.isOnline, true),
      ),
    )
    .returning({ id: chargerCommands.id, chargerId: chargerCommands.chargerId, action: chargerCommands.action, payload: chargerCommands.payload });
  return row ?? null;
}

// A charger's answer may hold what jsonb refuses (NUL, a lone surrogate); it is kept with U+FFFD in their place.
function storable(response: Record<string, unknown> | null | undefined) {
  return response ? (JSON.parse(jsonbSafe(JSON.stringify(response))) as Record<string, unknown>) : null;
}

type Outcome = { status: FinalCommandStatus; response?: Record<string, unknown> | null; error?: string | null };

export async function completeCommand(db: Database, { id, chargerId }: { id: string; chargerId: string }, outcome: Outcome) {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(chargerCommands)
      .set({ status: outcome.status, response: storable(outcome.response), error: outcome.error ?? null, completedAt: new Date() })
      .where(and(eq(chargerCommands.id, id), eq(chargerCommands.status, 'sent')))
      .returning({ id: chargerCommands.id });
    if (rows.length > 0) await notifyResult(tx, { id, chargerId, status: outcome.status });
  });
}

// No process holds the charger: answer `offline` now instead of letting the caller wait for the expiry.
export async function failIfChargerOffline(db: Database, id: string) {
  await db.transaction(async (tx) => {
    const rows = await tx.execute<{ id: string; charger_id: string }>(sql`
      update ${chargerCommands} c set status = 'offline', completed_at = now()
      where c.id = ${id} and c.status = 'pending'
        and not exists (select 1 from ${chargers} ch where ch.id = c.charger_id and ch.is_online)
      returning c.id, c.charger_id`);
    for (const row of rows) await notifyResult(tx, { id: row.id, chargerId: row.charger_id, status: 'offline' });
  });
}

// Pending rows past their expiry become `expired`; rows a vanished process had sent long ago become `timeout`.
export async function expireCommands(db: Database, { sentTimeoutMs = 10 * 60_000 } = {}) {
  await db.execute(sql`
    with expired as (
      update ${chargerCommands} set completed_at = now(),
        status = (case when status = 'pending' then 'expired' else 'timeout' end)::command_status
      where (status = 'pending' and expires_at <= now())
         or (status = 'sent' and sent_at <= now() - make_interval(secs => ${sentTimeoutMs / 1000}))
      returning id, charger_id, status
    )
    select pg_notify(${COMMAND_RESULT_CHANNEL}, json_build_object('id', id, 'chargerId', charger_id, 'status', status)::text)
    from expired`);
}

// A killed process never heard the answers to the calls it had sent; their outcome is unknown, hence `timeout`.
export async function failInterruptedCommands(db: Database, instanceId: string) {
  await db.execute(sql`
    with interrupted as (
      update ${chargerCommands} set status = 'timeout', completed_at = now(), error = 'OCPP server restarted before the charger answered'
      where status = 'sent' and claimed_by = ${instanceId}
      returning id, charger_id
    )
    select pg_notify(${COMMAND_RESULT_CHANNEL}, json_build_object('id', id, 'chargerId', charger_id, 'status', 'timeout')::text)
    from interrupted`);
}

// Pending commands of the chargers this process holds, oldest first.
export async function listPendingCommandIds(db: Database, { instanceId }: { instanceId: string }) {
  const rows = await db
    .select({ id: chargerCommands.id })
    .from(chargerCommands)
    .innerJoin(chargers, eq(chargers.id, chargerCommands.chargerId))
    .where(and(eq(chargerCommands.status, 'pending'), eq(chargers.instanceId, instanceId), eq(chargers.isOnline, true)))
    .orderBy(asc(chargerCommands.createdAt))
    .limit(SWEEP_LIMIT);
  return rows.map((row) => row.id);
}

// Per charger (in `chargerIds` order), its pending commands oldest first: what waited for it while it was away.
// The claim checks that this process holds the charger.
export async function listPendingCommandIdsOf(db: Database, chargerIds: string[]) {
  const rows = await db.execute<{ id: string; charger_id: string }>(sql`
    select id, charger_id from ${chargerCommands}
    where status = 'pending' and charger_id in (${valuesOf(chargerIds, 'uuid')})
    order by created_at`);
  const byCharger = new Map<string, string[]>();
  for (const row of rows) byCharger.set(row.charger_id, [...(byCharger.get(row.charger_id) ?? []), row.id]);
  return chargerIds.map((chargerId) => byCharger.get(chargerId) ?? []);
}
