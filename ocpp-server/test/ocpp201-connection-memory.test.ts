// What a 2.0.1 charger's socket remembers instead of asking PostgreSQL again (connection-memory.ts): the platform's
// number of each (EVSE, connector) and a session's id. Every message after the first must land where a read would
// have put it: on the right connector of a two-connector EVSE, on the right session after a reconnection, never on a
// number whose insert was rolled back.
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connectors, evseConnectors, meterValues, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { ConnectionMemory } from '../src/handlers/connection-memory';
import { connectorOfEvse } from '../src/handlers/v201/evse';
import { ocppSuite } from './suite';

const suite = ocppSuite();
const { db } = suite;

const connect = (identity: string) => suite.connect(suite.server, { identity, protocols: ['ocpp2.0.1'], strictMode: true });
const now = () => new Date().toISOString();
const status = (evseId: number, connectorId: number, connectorStatus: string) => ({ timestamp: now(), connectorStatus, evseId, connectorId });
const reading = (wh: number) => [{ timestamp: now(), sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register' }] }];

function event(transactionId: string, eventType: 'Started' | 'Updated', seqNo: number, wh: number, extra: Record<string, unknown> = {}) {
  return { eventType, timestamp: now(), triggerReason: eventType === 'Started' ? 'CablePluggedIn' : 'MeterValuePeriodic', seqNo, transactionInfo: { transactionId, chargingState: 'Charging' }, meterValue: reading(wh), ...extra };
}

const statusesOf = (chargerId: string) =>
  db.select({ connectorId: connectors.connectorId, status: connectors.status }).from(connectors).where(eq(connectors.chargerId, chargerId)).orderBy(asc(connectors.connectorId));

const sessionOf = async (chargerId: string, ocppTransactionId: string) =>
  (await db.select().from(transactions).where(and(eq(transactions.chargerId, chargerId), eq(transactions.ocppTransactionId, ocppTransactionId))))[0]!;

const readingsOf = (transactionId: number) =>
  db.select({ connectorId: meterValues.connectorId, value: meterValues.numericValue }).from(meterValues).where(eq(meterValues.transactionId, transactionId)).orderBy(asc(meterValues.numericValue));

describe('OCPP 2.0.1 connection memory', () => {
  it('keeps the two connectors of an EVSE and the next EVSE apart in every message after the first', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const client = await connect(charger.identity);
    await client.call('StatusNotification', status(1, 1, 'Available'));
    await client.call('StatusNotification', status(1, 2, 'Available'));
    await client.call('StatusNotification', status(2, 1, 'Available'));
    // Named again, now from what the socket remembers.
    await client.call('StatusNotification', status(1, 2, 'Faulted'));
    await client.call('StatusNotification', status(2, 1, 'Unavailable'));
    await client.call('StatusNotification', status(1, 1, 'Reserved'));
    expect(await statusesOf(charger.id)).toEqual([
      { connectorId: 1, status: 'Reserved' },
      { connectorId: 2, status: 'Faulted' },
      { connectorId: 3, status: 'Unavailable' },
    ]);

    await client.call('TransactionEvent', { ...event('tx-cable', 'Started', 0, 100), evse: { id: 1, connectorId: 2 } });
    await client.call('TransactionEvent', { ...event('tx-evse-2', 'Started', 0, 900), evse: { id: 2, connectorId: 1 } });
    await client.call('TransactionEvent', event('tx-cable', 'Updated', 1, 200));
    await client.call('TransactionEvent', event('tx-evse-2', 'Updated', 1, 1_000));
    await client.call('TransactionEvent', event('tx-cable', 'Updated', 2, 300));
    await client.call('TransactionEvent', event('tx-evse-2', 'Updated', 2, 1_100));
    const cable = await sessionOf(charger.id, 'tx-cable');
    const evse2 = await sessionOf(charger.id, 'tx-evse-2');
    expect([cable.connectorId, evse2.connectorId]).toEqual([2, 3]);
    expect(await readingsOf(cable.id)).toEqual([100, 200, 300].map((value) => ({ connectorId: 2, value })));
    expect(await readingsOf(evse2.id)).toEqual([900, 1_000, 1_100].map((value) => ({ connectorId: 3, value })));
    expect((await statusesOf(charger.id)).filter((row) => row.status === 'Charging').map((row) => row.connectorId)).toEqual([2, 3]);
  });

  it('puts the events a charger queued while away on the same session and connector, marked sent offline', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: suite.fixture.account.owner.id });
    const first = await connect(charger.identity);
    await first.call('StatusNotification', status(1, 2, 'Available'));
    // No reading at start: the first one becomes the meter start.
    await first.call('TransactionEvent', { ...event('tx-away', 'Started', 0, 0), meterValue: undefined, evse: { id: 1, connectorId: 2 } });
    await first.call('TransactionEvent', event('tx-away', 'Updated', 1, 5_000));
    await first.call('TransactionEvent', event('tx-away', 'Updated', 2, 5_500));
    await first.close({ force: true });

    const second = await connect(charger.identity);
    await second.call('TransactionEvent', event('tx-away', 'Updated', 3, 6_000, { offline: true }));
    await second.call('TransactionEvent', event('tx-away', 'Updated', 4, 6_500));
    // A token presented mid-session is still attached to the session that started without one (E05).
    const answer = await second.call('TransactionEvent', event('tx-away', 'Updated', 5, 7_000, { idToken: { idToken: card.idTag, type: 'ISO14443' } }));
    expect(answer).toMatchObject({ idTokenInfo: { status: 'Accepted' } });

    const session = await sessionOf(charger.id, 'tx-away');
    expect(session).toMatchObject({ connectorId: 2, meterStartWh: 5_000, isMeterStartPending: false, hasEventsSentOffline: true, idTag: card.idTag });
    expect(await readingsOf(session.id)).toEqual([5_000, 5_500, 6_000, 6_500, 7_000].map((value) => ({ connectorId: 2, value })));
    expect(await db.select().from(transactions).where(eq(transactions.chargerId, charger.id))).toHaveLength(1);
  });

  it('never answers with a number whose insert was rolled back', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const ctx = { charger: { chargerId: charger.id, accountId: charger.accountId }, db, memory: new ConnectionMemory() };
    expect(await connectorOfEvse(ctx, { evseId: 1, connectorId: 1 })).toBe(1);
    const rolledBack = await db
      .transaction(async (tx) => {
        await connectorOfEvse({ ...ctx, db: tx }, { evseId: 2, connectorId: 1 });
        const number = await connectorOfEvse({ ...ctx, db: tx }, { evseId: 1, connectorId: 2 });
        tx.rollback();
        return number;
      })
      .catch(() => 'rolled back');
    expect(rolledBack).toBe('rolled back');

    // EVSE 2 was never stored: EVSE 1's second connector takes 2, the lowest number above its EVSE's.
    expect(await connectorOfEvse(ctx, { evseId: 1, connectorId: 2 })).toBe(2);
    expect(await connectorOfEvse(ctx, { evseId: 2, connectorId: 1 })).toBe(3);
    const stored = await db.select({ connectorId: evseConnectors.connectorId, evseId: evseConnectors.evseId, evseConnectorId: evseConnectors.evseConnectorId }).from(evseConnectors).where(eq(evseConnectors.chargerId, charger.id)).orderBy(asc(evseConnectors.connectorId));
    expect(stored).toEqual([
      { connectorId: 1, evseId: 1, evseConnectorId: 1 },
      { connectorId: 2, evseId: 1, evseConnectorId: 2 },
      { connectorId: 3, evseId: 2, evseConnectorId: 1 },
    ]);
  });
});
