import { and, asc, eq, gt, notExists, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client';
import { chargerCommands, chargers } from '../../../db/schema';
import { COMMAND_RESULT_CHANNEL, type FinalCommandStatus } from '../../commands/actions';
import { assignments, sqlTypeOf } from './columns';
import { preparedQuery } from '../prepared-query';
import { notifyChargerEvent } from './notify';
import { jsonbSafe, textSafe, valuesOf } from './recordset';
import { isReservationAction, settleReservations } from './reservations';
import { recordSupportShownByAnswer } from './security-extension';

const SWEEP_LIMIT = 1000;

// Written out rather than bound: only a literal lets the planner use charger_commands_pending_idx (partial, on
// status = 'pending') for a prepared statement's generic plan.
const isPending = sql`${chargerCommands.status} = 'pending'`;

async function notifyResult(db: Executor, event: { id: string; chargerId: string; status: FinalCommandStatus }) {
  await db.execute(sql`select pg_notify(${COMMAND_RESULT_CHANNEL}, ${JSON.stringify(event)})`);
}

// Only the process that holds the charger's socket (per the chargers row) can take the row, and only once.
const claim = preparedQuery((db) =>
  db
    .update(chargerCommands)
    .set({ status: 'sent', sentAt: sql`${sql.placeholder('now')}`, claimedBy: sql`${sql.placeholder('instanceId')}` })
    .from(chargers)
    .where(
      and(
        eq(chargerCommands.id, sql.placeholder('id')),
        eq(chargerCommands.status, 'pending'),
        gt(chargerCommands.expiresAt, sql.placeholder('now')),
        eq(chargers.id, chargerCommands.chargerId),
        eq(chargers.instanceId, sql.placeholder('instanceId')),
        eq(chargers.isOnline, true),
      ),
    )
    .returning({ id: chargerCommands.id, chargerId: chargerCommands.chargerId, accountId: chargerCommands.accountId, action: chargerCommands.action, payload: chargerCommands.payload })
    .prepare('claim_command'),
);

export async function claimCommand(db: Database, { id, instanceId }: { id: string; instanceId: string }) {
  const [row] = await claim(db).execute({ id, instanceId, now: new Date().toISOString() });
  return row ?? null;
}

// A charger's answer may hold what jsonb refuses (NUL, a lone surrogate); it is kept with U+FFFD in their place.
function storable(response: Record<string, unknown> | null | undefined) {
  return response ? (JSON.parse(jsonbSafe(JSON.stringify(response))) as Record<string, unknown>) : null;
}

type Outcome = { status: FinalCommandStatus; response?: Record<string, unknown> | null; error?: string | null };

// A CALLERROR's description is the charger's text too, and a text column refuses NUL as jsonb does.
const storableError = (error: string | null | undefined) => (error == null ? null : textSafe(error));

export async function completeCommand(db: Database, { id, chargerId }: { id: string; chargerId: string }, outcome: Outcome) {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(chargerCommands)
      .set({ status: outcome.status, response: storable(outcome.response), error: storableError(outcome.error), completedAt: new Date() })
      .where(and(eq(chargerCommands.id, id), eq(chargerCommands.status, 'sent')))
      .returning({ id: chargerCommands.id, action: chargerCommands.action, accountId: chargerCommands.accountId });
    if (rows.length === 0) return;
    const { action, accountId } = rows[0]!;
    if (isReservationAction(action)) await settleReservations(tx, [id]);
    await recordSupportShownByAnswer(tx, { chargerId, action, status: outcome.status, error: storableError(outcome.error) });
    if (action === 'RemoteStartTransaction') await notifyChargerEvent(tx, { accountId, chargerId, kind: 'remote-start' });
    await notifyResult(tx, { id, chargerId, status: outcome.status });
  });
}

// No process holds the charger: answer `offline` now instead of letting the caller wait for the expiry.
export async function commandChargerId(db: Database, id: string) {
  const [row] = await db.select({ chargerId: chargerCommands.chargerId }).from(chargerCommands).where(eq(chargerCommands.id, id));
  return row?.chargerId ?? null;
}

export async function failIfChargerOffline(db: Database, id: string) {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(chargerCommands)
      .set({ status: 'offline', completedAt: sql`now()` })
      .where(
        and(
          eq(chargerCommands.id, id),
          isPending,
          notExists(tx.select({ id: chargers.id }).from(chargers).where(and(eq(chargers.id, chargerCommands.chargerId), sql`${chargers.isOnline}`))),
        ),
      )
      .returning({ id: chargerCommands.id, chargerId: chargerCommands.chargerId, action: chargerCommands.action });
    for (const { action, ...row } of rows) {
      if (isReservationAction(action)) await settleReservations(tx, [row.id]);
      await notifyResult(tx, { ...row, status: 'offline' });
    }
  });
}

// Each finished command's NOTIFY on the result channel, sent when the statement commits; `finished` returns id,
// charger_id and status.
function notifyResultsOf(finished: SQL) {
  return sql`
    with finished as (${finished} returning ${chargerCommands.id} as id, ${chargerCommands.chargerId} as charger_id, ${chargerCommands.status} as status)
    select pg_notify(${COMMAND_RESULT_CHANNEL}, json_build_object('id', id, 'chargerId', charger_id, 'status', status)::text)
    from finished`;
}

// Pending rows past their expiry become `expired`; rows a vanished process had sent long ago become `timeout`.
export async function expireCommands(db: Database, { sentTimeoutMs = 10 * 60_000 } = {}) {
  const status = sql`(case when ${chargerCommands.status} = 'pending' then 'expired' else 'timeout' end)::${sqlTypeOf(chargerCommands.status)}`;
  await db.execute(
    notifyResultsOf(sql`
      update ${chargerCommands} set ${assignments(chargerCommands, { completedAt: sql`now()`, status })}
      where (${isPending} and ${chargerCommands.expiresAt} <= now())
         or (${chargerCommands.status} = 'sent' and ${chargerCommands.sentAt} <= now() - make_interval(secs => ${sentTimeoutMs / 1000}))`),
  );
}

// A killed process never heard the answers to the calls it had sent; their outcome is unknown, hence `timeout`.
export async function failInterruptedCommands(db: Database, instanceId: string) {
  const set = assignments(chargerCommands, {
    status: sql`'timeout'`,
    completedAt: sql`now()`,
    error: sql`'OCPP server restarted before the charger answered'`,
  });
  await db.execute(
    notifyResultsOf(sql`
      update ${chargerCommands} set ${set}
      where ${chargerCommands.status} = 'sent' and ${chargerCommands.claimedBy} = ${instanceId}`),
  );
}

// Pending commands of the chargers this process holds, oldest first.
export async function listPendingCommandIds(db: Database, { instanceId }: { instanceId: string }) {
  const rows = await db
    .select({ id: chargerCommands.id })
    .from(chargerCommands)
    .innerJoin(chargers, eq(chargers.id, chargerCommands.chargerId))
    .where(and(isPending, eq(chargers.instanceId, instanceId), eq(chargers.isOnline, true)))
    .orderBy(asc(chargerCommands.createdAt))
    .limit(SWEEP_LIMIT);
  return rows.map((row) => row.id);
}

// Per charger (in `chargerIds` order), its pending commands oldest first: what waited for it while it was away.
// The claim checks that this process holds the charger.
export async function listPendingCommandIdsOf(db: Database, chargerIds: string[]) {
  const rows = await db
    .select({ id: chargerCommands.id, chargerId: chargerCommands.chargerId })
    .from(chargerCommands)
    .where(and(isPending, sql`${chargerCommands.chargerId} in (${valuesOf(chargerIds, chargerCommands.chargerId)})`))
    .orderBy(chargerCommands.createdAt)
    // One text whatever the batch: prepared, one round trip (prepared.ts).
    .prepare('listPendingCommandIdsOf')
    .execute();
  const byCharger = new Map<string, string[]>();
  for (const row of rows) byCharger.set(row.chargerId, [...(byCharger.get(row.chargerId) ?? []), row.id]);
  return chargerIds.map((chargerId) => byCharger.get(chargerId) ?? []);
}
