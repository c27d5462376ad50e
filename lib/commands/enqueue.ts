import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { chargerCommands, chargers } from '../../db/schema';
import { COMMAND_CHANNEL, type CommandAction, type CommandPayloads } from './actions';

export const DEFAULT_COMMAND_TTL_MS = 2 * 60_000;

export type EnqueueCommandInput<A extends CommandAction = CommandAction> = {
  accountId: string;
  chargerId: string;
  action: A;
  payload: CommandPayloads[A];
  requestedBy?: string | null;
  ttlMs?: number;
};

// The caller has checked that the user is a member of accountId; the charger must belong to that account,
// otherwise nothing is queued and the result is null (a foreign charger id reads as "not found").
// NOTIFY inside the transaction is delivered on commit, so the OCPP server never sees an id it cannot read.
export async function enqueueCommand<A extends CommandAction>(db: Database, input: EnqueueCommandInput<A>) {
  const ttlMs = input.ttlMs ?? DEFAULT_COMMAND_TTL_MS;
  return db.transaction(async (tx) => {
    const [charger] = await tx
      .select({ id: chargers.id })
      .from(chargers)
      .where(and(eq(chargers.id, input.chargerId), eq(chargers.accountId, input.accountId), isNull(chargers.deletedAt)));
    if (!charger) return null;
    const [command] = await tx
      .insert(chargerCommands)
      .values({
        accountId: input.accountId,
        chargerId: input.chargerId,
        action: input.action,
        payload: input.payload,
        requestedBy: input.requestedBy ?? null,
        expiresAt: new Date(Date.now() + ttlMs),
      })
      .returning({ id: chargerCommands.id, status: chargerCommands.status, createdAt: chargerCommands.createdAt });
    await tx.execute(sql`select pg_notify(${COMMAND_CHANNEL}, ${command!.id})`);
    return command!;
  });
}
