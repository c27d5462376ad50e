// A session start on a free connector is one write: the charger waits for every round trip to PostgreSQL, and under
// load each one waits its turn for a pooled connection (issue 23).
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { CASING } from '../../db/client';
import * as schema from '../../db/schema';
import { cards, chargerCommands, chargingEvents, chargingPlans, notifications, transactions } from '../../db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '../../db/seed/builders';
import { joinAccount } from '../../domain/data/join-account';
import { startTransaction } from '../../domain/data/charger-traffic/transactions';

const statements: string[] = [];
// The driver's own look at pg_catalog on a new connection is not the start's.
const client = postgres(process.env.DATABASE_URL!, {
  max: 3,
  onnotice: () => {},
  debug: (_connection, query) => void (query.includes('pg_catalog') || statements.push(query)),
});
const db = drizzle({ client, schema, casing: CASING });
afterAll(() => client.end());

async function counted<T>(work: () => Promise<T>) {
  statements.length = 0;
  const result = await work();
  return { result, statements: [...statements] };
}

async function chargerWithCard(status: 'active' | 'blocked' = 'active') {
  const account = await makeAccount(db);
  const driver = await makeUser(db);
  await joinAccount(db, { accountId: account.id, userId: driver.id, role: 'driver' });
  const charger = await makeCharger(db, { accountId: account.id });
  const card = await makeCard(db, { accountId: account.id, userId: driver.id, status });
  return { ref: { chargerId: charger.id, accountId: account.id }, card, driver };
}

const input = (idTag: string, connectorId = 1) => ({ connectorId, idTag, meterStartWh: 1000, startedAt: new Date(), reservationId: null });

describe('a session start on a free connector', () => {
  it('costs one lookup (the card and any remote start together) and one write, and records all a start records', async () => {
    const { ref, card, driver } = await chargerWithCard();
    const { result, statements: sent } = await counted(() => startTransaction(db, ref, input(card.idTag)));

    expect(result.authorization.status).toBe('Accepted');
    expect(sent).toHaveLength(2);
    const [row] = await db.select().from(transactions).where(eq(transactions.id, result.transactionId));
    expect(row).toMatchObject({ chargerId: ref.chargerId, cardId: card.id, userId: driver.id, authorizationStatus: 'Accepted', meterStartWh: 1000, stoppedAt: null });
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, driver.id), eq(notifications.kind, 'session-started')))).toHaveLength(1);
    const [touched] = await db.select({ lastUsedChargerId: cards.lastUsedChargerId }).from(cards).where(eq(cards.id, card.id));
    expect(touched?.lastUsedChargerId).toBe(ref.chargerId);
  });

  it('gives a remote start\'s session the Ready-by plan the remote start carried, in the same write', async () => {
    const { ref, card, driver } = await chargerWithCard();
    const [command] = await db
      .insert(chargerCommands)
      .values({ ...ref, action: 'RemoteStartTransaction', payload: { connectorId: 1, idTag: card.idTag }, status: 'accepted', requestedBy: driver.id, expiresAt: new Date(Date.now() + 3_600_000) })
      .returning();
    const departsAt = new Date(Date.now() + 8 * 3_600_000).toISOString();
    const plan = { startsAt: new Date().toISOString(), departsAt, targetWh: 10_000, plannedWh: 10_000, maxPowerW: 7_400, isShort: false, cost: null, currency: null, hasUnpricedSlots: true, slots: [], timeZone: 'UTC' };
    await db.insert(chargingPlans).values({ ...ref, connectorId: 1, commandId: command!.id, userId: driver.id, plan });
    const { result, statements: sent } = await counted(() => startTransaction(db, ref, input(card.idTag)));

    expect(sent).toHaveLength(2);
    const [bound] = await db.select({ transactionId: chargingPlans.transactionId }).from(chargingPlans).where(eq(chargingPlans.commandId, command!.id));
    expect(bound?.transactionId).toBe(result.transactionId);
  });

  it('records a refused card\'s reason in the same write, and tells nobody the session started', async () => {
    const { ref, card, driver } = await chargerWithCard('blocked');
    const { result, statements: sent } = await counted(() => startTransaction(db, ref, input(card.idTag)));

    expect(result.authorization.status).toBe('Blocked');
    expect(sent).toHaveLength(2);
    expect(await db.select().from(chargingEvents).where(and(eq(chargingEvents.chargerId, ref.chargerId), eq(chargingEvents.kind, 'card')))).toHaveLength(1);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, driver.id), eq(notifications.kind, 'session-started')))).toHaveLength(0);
  });

  it('answers a retried start with the first id, and records nothing twice', async () => {
    const { ref, card, driver } = await chargerWithCard('blocked');
    const first = await startTransaction(db, ref, input(card.idTag));
    const again = await startTransaction(db, ref, { ...input(card.idTag), startedAt: (await db.select().from(transactions).where(eq(transactions.id, first.transactionId)))[0]!.startedAt });

    expect(again).toMatchObject({ transactionId: first.transactionId, isRetry: true });
    expect(await db.select().from(chargingEvents).where(and(eq(chargingEvents.chargerId, ref.chargerId), eq(chargingEvents.kind, 'card')))).toHaveLength(1);
    expect(await db.select().from(transactions).where(eq(transactions.chargerId, ref.chargerId))).toHaveLength(1);
    void driver;
  });

  it('still closes a session left open on the connector, at the new start', async () => {
    const { ref, card } = await chargerWithCard();
    const first = await startTransaction(db, ref, input(card.idTag));
    const second = await startTransaction(db, ref, { ...input(card.idTag), startedAt: new Date(Date.now() + 60_000), meterStartWh: 2000 });

    const [closed] = await db.select().from(transactions).where(eq(transactions.id, first.transactionId));
    expect(closed).toMatchObject({ stopReason: 'Other', meterStopWh: 1000 });
    expect(second.transactionId).not.toBe(first.transactionId);
  });
});
