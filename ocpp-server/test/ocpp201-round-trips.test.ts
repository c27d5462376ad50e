// A 2.0.1 charger waits for every round trip its message costs, and under load each one waits its turn for a pooled
// connection (issue 23): a session's steady TransactionEvent and an EVSE's StatusNotification cost the statements
// that store what they say, as a 1.6 MeterValues and StatusNotification do, and nothing before them.
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectors, meterValues, transactions } from '../../db/schema';
import { makeCard } from '../../db/seed/builders';
import { quiet, countedServer } from './counted-server';
import { connectClient, makeChargerFixture, testDb } from './helpers';

const { db, sql } = testDb();
const counted = countedServer();
afterAll(() => sql.end());

// What the server does beside answering, and may do before the answer is read: the message log, written 200 ms
// after the messages it keeps (message-log.ts), the charger events sent after a write committed
// (charger-event-notifier.ts), and the circuit planner's look at a charger whose status changed.
const isBesideTheAnswer = (statement: string) =>
  statement.includes('"ocpp_messages"') || statement.includes('"circuit_chargers"') || statement.includes('jsonb_array_elements');

async function statementsOf(call: () => Promise<unknown>) {
  await quiet(counted.counter);
  const from = counted.counter.executed.length;
  await call();
  return counted.counter.executed.slice(from).filter((statement) => !isBesideTheAnswer(statement));
}

const reading = (wh: number) => [{ timestamp: new Date().toISOString(), sampledValue: [{ value: wh / 1000, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'kWh' } }] }];
const event = (eventType: 'Started' | 'Updated' | 'Ended', seqNo: number, wh: number, chargingState: string) => ({
  eventType,
  timestamp: new Date().toISOString(),
  triggerReason: eventType === 'Updated' ? 'MeterValuePeriodic' : 'Authorized',
  seqNo,
  transactionInfo: { transactionId: 'tx-round-trips', chargingState },
  meterValue: reading(wh),
});

const statusOf = async (chargerId: string) => (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, 1))))[0]?.status;

describe('OCPP 2.0.1 round trips per message', () => {
  it('stores a steady TransactionEvent in its two group-committed writes, and an Occupied StatusNotification in one', async () => {
    const { account, charger } = await makeChargerFixture(db);
    const card = await makeCard(db, { accountId: account.id, userId: account.owner.id });
    const client = await connectClient(counted.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
    counted.clients.push(client);
    const occupied = () => client.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    await client.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
    await client.call('TransactionEvent', { ...event('Started', 0, 1_000, 'Charging'), evse: { id: 1, connectorId: 1 }, idToken: { idToken: card.idTag, type: 'ISO14443' } });
    await client.call('TransactionEvent', event('Updated', 1, 1_500, 'Charging'));

    // The readings and the state they came with, the way 1.6 stores a MeterValues and a StatusNotification.
    const steady = await statementsOf(() => client.call('TransactionEvent', event('Updated', 2, 2_000, 'SuspendedEV')));
    expect(steady).toHaveLength(2);
    expect(steady.filter((statement) => statement.includes('"meter_values"'))).toHaveLength(1);
    expect(steady.filter((statement) => statement.includes('"connector_status_history"'))).toHaveLength(1);
    const [session] = await db.select({ id: transactions.id }).from(transactions).where(eq(transactions.ocppTransactionId, 'tx-round-trips'));
    const stored = await db.select({ value: meterValues.numericValue }).from(meterValues).where(eq(meterValues.transactionId, session!.id));
    expect(stored.map((row) => row.value)).toContain(2);
    expect(await statusOf(charger.id)).toBe('SuspendedEV');

    // Occupied while the session runs says less than its TransactionEvents did: one statement, which keeps it out.
    expect(await statementsOf(occupied)).toHaveLength(1);
    expect(await statusOf(charger.id)).toBe('SuspendedEV');

    await client.call('TransactionEvent', event('Ended', 3, 2_500, 'Idle'));
    expect(await statementsOf(occupied)).toHaveLength(1);
    expect(await statusOf(charger.id)).toBe('Preparing');
    expect((await db.select({ stoppedAt: transactions.stoppedAt }).from(transactions).where(eq(transactions.id, session!.id)))[0]?.stoppedAt).not.toBeNull();
  });
});
