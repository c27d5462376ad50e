import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
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
  // At most one unfinished command of this action per charger (and connector): a second request,
  // a double click say, joins the one already on its way instead of sending the charger another.
  isExclusive?: boolean;
};

// The same connector and card, or the same transaction: what a repeated RemoteStart or RemoteStop is
// about. Another card's start on the same connector is a different request and goes to the charger.
const TARGET_KEYS = ['connectorId', 'transactionId', 'idTag'] as const;

async function findUnfinished(tx: Transaction, input: EnqueueCommandInput) {
  const payload = input.payload as Partial<Record<(typeof TARGET_KEYS)[number], number | string>>;
  const targets = TARGET_KEYS.filter((key) => payload[key] !== undefined);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${input.chargerId}:${input.action}`}))`);
  const [existing] = await tx
    .select({ id: chargerCommands.id, status: chargerCommands.status, createdAt: chargerCommands.createdAt })
    .from(chargerCommands)
    .where(
      and(
        eq(chargerCommands.chargerId, input.chargerId),
        eq(chargerCommands.action, input.action),
        inArray(chargerCommands.status, ['pending', 'sent']),
        gt(chargerCommands.expiresAt, new Date()),
        ...targets.map((key) => sql`${chargerCommands.payload}->>${key} = ${String(payload[key])}`),
      ),
    )
    .limit(1);
  return existing ?? null;
}

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
    const existing = input.isExclusive ? await findUnfinished(tx, input) : null;
    if (existing) return existing;
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
