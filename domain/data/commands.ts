import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { chargerCommands, type CommandStatus } from '../../db/schema';
import { COMMAND_CHANNEL } from '../commands/actions';
import { success, type Result } from './result';

const commandColumns = { id: chargerCommands.id, status: chargerCommands.status, createdAt: chargerCommands.createdAt };

type CommandTarget = { chargerId: string; action: string };
export type QueuedCommand = { id: string; status: CommandStatus; createdAt: Date };

// Serializes the exclusivity check of one charger and action until the caller's transaction ends.
export async function lockCommandTarget(tx: Executor, { chargerId, action }: CommandTarget): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${chargerId}:${action}`}))`);
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

// NOTIFY inside the caller's transaction is delivered on commit, so the OCPP server never sees an id it cannot read.
export async function createCommand(tx: Executor, values: typeof chargerCommands.$inferInsert): Promise<Result<QueuedCommand>> {
  const [command] = await tx.insert(chargerCommands).values(values).returning(commandColumns);
  await tx.execute(sql`select pg_notify(${COMMAND_CHANNEL}, ${command!.id})`);
  return success(command!);
}

export async function getCommandOutcome(db: Executor, { id, accountId }: { id: string; accountId: string }) {
  const [row] = await db
    .select({ id: chargerCommands.id, status: chargerCommands.status, response: chargerCommands.response, error: chargerCommands.error })
    .from(chargerCommands)
    .where(and(eq(chargerCommands.id, id), eq(chargerCommands.accountId, accountId)));
  return row ?? null;
}
