import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargerCommands, chargers, type CommandStatus } from '../../db/schema';
import { COMMAND_CHANNEL } from '../commands/actions';
import { columnList } from './charger-traffic/columns';
import { isCharger } from './chargers';

type NewCommand = { accountId: string; chargerId: string; action: string; payload: Record<string, unknown>; requestedBy: string | null; expiresAt: Date };

const commandColumns = { id: chargerCommands.id, status: chargerCommands.status, createdAt: chargerCommands.createdAt };

type CommandTarget = { chargerId: string; action: string };
export type QueuedCommand = { id: string; status: CommandStatus; createdAt: Date };

// Serializes the exclusivity check of one charger and action until the caller's transaction ends; false (and no
// lock) when the account has no such charger.
export async function lockCommandTarget(tx: Executor, { accountId, chargerId, action }: CommandTarget & { accountId: string }): Promise<boolean> {
  const rows = await tx.execute(sql`
    select pg_advisory_xact_lock(hashtext(${`${chargerId}:${action}`})) from ${chargers} where ${isCharger({ accountId, chargerId })}`);
  return rows.length > 0;
}

// A command of this action still on its way to the charger whose payload has these values.
export async function getUnfinishedCommand(
  db: Executor,
  { chargerId, action, payloadMatch }: CommandTarget & { payloadMatch: Record<string, string> },
): Promise<QueuedCommand | null> {
  const [existing] = await db
    .select(commandColumns)
    .from(chargerCommands)
    .where(
      and(
        eq(chargerCommands.chargerId, chargerId),
        eq(chargerCommands.action, action),
        inArray(chargerCommands.status, ['pending', 'sent']),
        gt(chargerCommands.expiresAt, new Date()),
        ...Object.entries(payloadMatch).map(([key, value]) => sql`${chargerCommands.payload}->>${key} = ${value}`),
      ),
    )
    .limit(1);
  return existing ?? null;
}

// One statement: the command, only for a charger of its account, and its NOTIFY, which PostgreSQL delivers when the
// statement's (or the caller's) transaction commits, so the OCPP server never sees an id it cannot read. A command
// that is not exclusive costs one round trip so, instead of a transaction of five. Null: the account has no such
// charger.
export async function createCommand(db: Executor, values: NewCommand): Promise<QueuedCommand | null> {
  const { accountId, chargerId, action, payload, requestedBy, expiresAt } = values;
  const columns = columnList([chargerCommands.accountId, chargerCommands.chargerId, chargerCommands.action, chargerCommands.payload, chargerCommands.requestedBy, chargerCommands.expiresAt]);
  const [command] = await db.execute<{ id: string; status: CommandStatus; created_at: string | Date }>(sql`
    with created as (
      insert into ${chargerCommands} (${columns})
      select ${chargers.accountId}, ${chargers.id}, ${action}, ${JSON.stringify(payload)}::jsonb, ${requestedBy}::uuid, ${expiresAt.toISOString()}::timestamptz
      from ${chargers} where ${isCharger({ accountId, chargerId })}
      returning ${columnList([chargerCommands.id, chargerCommands.status, chargerCommands.createdAt])}
    )
    select id, status, created_at, pg_notify(${COMMAND_CHANNEL}, id::text) from created`);
  return command ? { id: command.id, status: command.status, createdAt: new Date(command.created_at) } : null;
}

export async function getCommandOutcome(db: Executor, { id, accountId }: { id: string; accountId: string }) {
  const [row] = await db
    .select({ id: chargerCommands.id, status: chargerCommands.status, response: chargerCommands.response, error: chargerCommands.error })
    .from(chargerCommands)
    .where(and(eq(chargerCommands.id, id), eq(chargerCommands.accountId, accountId)));
  return row ?? null;
}
