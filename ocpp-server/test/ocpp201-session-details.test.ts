import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connectors, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { getSession } from '../../domain/data/sessions';
import { ocppSuite } from './suite';

// What a 2.0.1 charger's sessions show in the details: the connector's status while one runs, and its energy when the
// charger sends no reading with its Started event.
const suite = ocppSuite();
const { db } = suite;

async function connect201() {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const client = await suite.connect(suite.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
  const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: suite.fixture.account.owner.id });
  return { charger, client, card };
}

const at = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();
const energy = (wh: number) => [{ timestamp: at(), sampledValue: [{ value: wh, measurand: 'Energy.Active.Import.Register' }] }];
const statusOf = async (chargerId: string) => (await db.select({ status: connectors.status }).from(connectors).where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, 1))))[0]?.status;

describe('a 2.0.1 connector’s status during a session', () => {
  it('stays Charging when the charger reports its EVSE Occupied mid-session, and is Preparing for a cable left in after it', async () => {
    const { charger, client, card } = await connect201();
    const idToken = { idToken: card.idTag, type: 'ISO14443' };
    const transactionInfo = { transactionId: 'tx-occupied', chargingState: 'Charging' };
    await client.call('TransactionEvent', { eventType: 'Started', timestamp: at(), triggerReason: 'Authorized', seqNo: 0, transactionInfo, evse: { id: 1, connectorId: 1 }, idToken, meterValue: energy(100) });
    await client.call('StatusNotification', { timestamp: at(1), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    expect(await statusOf(charger.id)).toBe('Charging');

    await client.call('TransactionEvent', { eventType: 'Ended', timestamp: at(2), triggerReason: 'StopAuthorized', seqNo: 1, transactionInfo: { ...transactionInfo, chargingState: 'EVConnected', stoppedReason: 'Local' }, meterValue: energy(900) });
    await client.call('StatusNotification', { timestamp: at(3), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    expect(await statusOf(charger.id)).toBe('Preparing');
  });
});

describe('a 2.0.1 session’s meter start', () => {
  const begin = (transactionId: string, idTag: string) => ({
    eventType: 'Started',
    timestamp: at(),
    triggerReason: 'Authorized',
    seqNo: 0,
    transactionInfo: { transactionId, chargingState: 'Charging' },
    evse: { id: 1, connectorId: 1 },
    idToken: { idToken: idTag, type: 'ISO14443' },
  });
  const event = (transactionId: string, eventType: 'Updated' | 'Ended', seqNo: number, wh: number) => ({
    eventType,
    timestamp: at(seqNo),
    triggerReason: eventType === 'Ended' ? 'StopAuthorized' : 'MeterValuePeriodic',
    seqNo,
    transactionInfo: { transactionId, ...(eventType === 'Ended' ? { stoppedReason: 'Local' } : {}) },
    meterValue: energy(wh),
  });

  it('is the first reading when the Started event carries none: the session’s energy is what flowed since', async () => {
    const { client, card } = await connect201();
    await client.call('TransactionEvent', begin('tx-no-start-reading', card.idTag));
    const [written] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, 'tx-no-start-reading'));
    // Session and transaction id are one row from the start.
    expect(written).toMatchObject({ isMeterStartPending: true, stoppedAt: null });
    await client.call('TransactionEvent', event('tx-no-start-reading', 'Updated', 1, 52_000));
    await client.call('TransactionEvent', event('tx-no-start-reading', 'Updated', 2, 53_500));
    await client.call('TransactionEvent', event('tx-no-start-reading', 'Ended', 3, 54_000));
    const read = await getSession(db, { accountId: suite.fixture.account.id, sessionId: written!.id });
    expect(read).toMatchObject({ energyWh: 2_000 });
    const [row] = await db.select().from(transactions).where(eq(transactions.id, written!.id));
    expect(row).toMatchObject({ meterStartWh: 52_000, isMeterStartPending: false });
  });

  it('keeps the Started event’s own reading when it has one', async () => {
    const { client, card } = await connect201();
    await client.call('TransactionEvent', { ...begin('tx-start-reading', card.idTag), meterValue: energy(10_000) });
    await client.call('TransactionEvent', event('tx-start-reading', 'Updated', 1, 12_000));
    await client.call('TransactionEvent', event('tx-start-reading', 'Ended', 2, 13_000));
    const [row] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, 'tx-start-reading'));
    expect(row).toMatchObject({ meterStartWh: 10_000, energyWh: 3_000, isMeterStartPending: false });
  });
});

describe('a 2.0.1 session whose events the charger made while offline', () => {
  const idTokenOf = (idTag: string) => ({ idToken: idTag, type: 'ISO14443' });

  it('is marked as delivered late when one of its events comes with offline=true, and only then', async () => {
    const { client, card } = await connect201();
    const online = { transactionId: 'tx-online-only', chargingState: 'Charging' };
    await client.call('TransactionEvent', { eventType: 'Started', timestamp: at(), triggerReason: 'Authorized', seqNo: 0, transactionInfo: online, evse: { id: 1, connectorId: 1 }, idToken: idTokenOf(card.idTag), meterValue: energy(100) });
    await client.call('TransactionEvent', { eventType: 'Ended', timestamp: at(1), triggerReason: 'StopAuthorized', seqNo: 1, offline: false, transactionInfo: { ...online, stoppedReason: 'Local' }, meterValue: energy(400) });
    const [onlineRow] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, 'tx-online-only'));
    expect(await getSession(db, { accountId: suite.fixture.account.id, sessionId: onlineRow!.id })).toMatchObject({ hasEventsSentOffline: false, energyWh: 300 });

    const late = { transactionId: 'tx-sent-late', chargingState: 'Charging' };
    await client.call('TransactionEvent', { eventType: 'Started', timestamp: at(2), triggerReason: 'Authorized', seqNo: 0, transactionInfo: late, evse: { id: 2, connectorId: 1 }, idToken: idTokenOf(card.idTag), meterValue: energy(1_000) });
    const [lateRow] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, 'tx-sent-late'));
    expect(lateRow!.hasEventsSentOffline).toBe(false);
    // The link was down: the charger kept its reading and its Ended event, and sends them on reconnection (E04).
    await client.call('TransactionEvent', { eventType: 'Updated', timestamp: at(3), triggerReason: 'MeterValuePeriodic', seqNo: 1, offline: true, transactionInfo: late, meterValue: energy(1_500) });
    await client.call('TransactionEvent', { eventType: 'Ended', timestamp: at(4), triggerReason: 'StopAuthorized', seqNo: 2, offline: true, transactionInfo: { ...late, stoppedReason: 'Local' }, meterValue: energy(2_000) });
    const read = await getSession(db, { accountId: suite.fixture.account.id, sessionId: lateRow!.id });
    expect(read).toMatchObject({ hasEventsSentOffline: true, energyWh: 1_000, stopReason: 'Local' });
  });

  it('is marked when the offline event is the first the platform hears of the transaction', async () => {
    const { client, card } = await connect201();
    const transactionInfo = { transactionId: 'tx-started-offline', chargingState: 'Charging' };
    await client.call('TransactionEvent', { eventType: 'Started', timestamp: at(-60_000), triggerReason: 'Authorized', seqNo: 0, offline: true, transactionInfo, evse: { id: 1, connectorId: 1 }, idToken: idTokenOf(card.idTag), meterValue: energy(5_000) });
    const [row] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, 'tx-started-offline'));
    expect(row).toMatchObject({ hasEventsSentOffline: true, stoppedAt: null, meterStartWh: 5_000 });
  });
});
