import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cards, chargers, ocppMessages, securityEvents, transactions, users } from '../../db/schema';
import { latestReading } from './meter-sql';

type ChargerScope = { accountId: string; chargerId: string };

export async function listRecentMessages(db: Executor, { accountId, chargerId, limit = 50 }: ChargerScope & { limit?: number }) {
  return db
    .select({
      id: ocppMessages.id,
      direction: ocppMessages.direction,
      messageType: ocppMessages.messageType,
      action: ocppMessages.action,
      payload: ocppMessages.payload,
      createdAt: ocppMessages.createdAt,
    })
    .from(ocppMessages)
    .innerJoin(chargers, eq(chargers.id, ocppMessages.chargerId))
    .where(and(eq(ocppMessages.chargerId, chargerId), eq(chargers.accountId, accountId)))
    .orderBy(desc(ocppMessages.seq))
    .limit(limit);
}

export async function listRecentSessions(db: Executor, { accountId, chargerId, limit = 10 }: ChargerScope & { limit?: number }) {
  return db
    .select({
      id: transactions.id,
      connectorId: transactions.connectorId,
      idTag: transactions.idTag,
      startedAt: transactions.startedAt,
      stoppedAt: transactions.stoppedAt,
      energyWh: transactions.energyWh,
      meterStartWh: transactions.meterStartWh,
      stopReason: transactions.stopReason,
      unconfirmedAt: transactions.unconfirmedAt,
      userName: users.name,
      cardLabel: cards.label,
      lastMeterWh: latestReading(transactions.id, 'Energy.Active.Import.Register'),
    })
    .from(transactions)
    .innerJoin(chargers, eq(chargers.id, transactions.chargerId))
    .leftJoin(users, eq(users.id, transactions.userId))
    .leftJoin(cards, eq(cards.id, transactions.cardId))
    .where(and(eq(transactions.chargerId, chargerId), eq(chargers.accountId, accountId)))
    .orderBy(desc(transactions.startedAt))
    .limit(limit);
}

// The charger's latest security events by its own clock (a charger reporting a backlog sends them late).
export async function listRecentSecurityEvents(db: Executor, { accountId, chargerId, limit = 10 }: ChargerScope & { limit?: number }) {
  return db
    .select({ id: securityEvents.id, type: securityEvents.type, occurredAt: securityEvents.occurredAt, techInfo: securityEvents.techInfo })
    .from(securityEvents)
    .innerJoin(chargers, eq(chargers.id, securityEvents.chargerId))
    .where(and(eq(securityEvents.chargerId, chargerId), eq(chargers.accountId, accountId)))
    .orderBy(desc(securityEvents.occurredAt), desc(securityEvents.id))
    .limit(limit);
}
