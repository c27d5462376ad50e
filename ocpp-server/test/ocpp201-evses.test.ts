import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { chargers, connectors, deviceVariables, evseConnectors, transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { MAX_CONNECTORS } from '../../domain/charging/limits';
import { sendCommand } from '../../domain/commands/send';
import { reserveConnector } from '../../domain/reservations/reserve';
import type { ChargingProfile } from '../../domain/smart-charging/profile';
import { waitFor } from './helpers';
import { startSimulator201, transactionEvented } from './simulators';
import { ocppSuite } from './suite';

// A 2.0.1 EVSE with two connectors (a socket and a tethered cable): each is a connector of the platform's own, kept
// across reconnections, and the commands for one reach its EVSE and connector.
const suite = ocppSuite();
const { db } = suite;

type Call = { method: string; params: Record<string, unknown> };

const connect = (identity: string) => suite.connect(suite.server, { identity, protocols: ['ocpp2.0.1'], strictMode: true });
const status = (evseId: number, connectorId: number, connectorStatus = 'Available') => ({ timestamp: new Date().toISOString(), connectorStatus, evseId, connectorId });
const commandBy = (chargerId: string) => ({ accountId: suite.fixture.account.id, chargerId, requestedBy: suite.fixture.account.owner.id });
const errorCodeOf = (call: Promise<unknown>) => call.then(() => 'answered', (error: { rpcErrorCode?: string }) => error.rpcErrorCode);

const mappingsOf = (chargerId: string) =>
  db
    .select({ connectorId: evseConnectors.connectorId, evseId: evseConnectors.evseId, evseConnectorId: evseConnectors.evseConnectorId })
    .from(evseConnectors)
    .where(eq(evseConnectors.chargerId, chargerId))
    .orderBy(asc(evseConnectors.connectorId));

const statusesOf = async (chargerId: string, count: number) =>
  waitFor(async () => {
    const rows = await db.select({ connectorId: connectors.connectorId, status: connectors.status }).from(connectors).where(eq(connectors.chargerId, chargerId)).orderBy(asc(connectors.connectorId));
    return rows.length >= count && rows;
  });

const txProfile: ChargingProfile = {
  chargingProfileId: 9,
  stackLevel: 1,
  chargingProfilePurpose: 'TxDefaultProfile',
  chargingProfileKind: 'Absolute',
  chargingSchedule: { startSchedule: new Date().toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }] },
};

describe('OCPP 2.0.1 EVSEs with two connectors', () => {
  it('stores both connectors of an EVSE, keeps EVSE n connector 1 as connector n, and the numbers across a reconnection', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const first = await connect(charger.identity);
    await first.call('StatusNotification', status(1, 1));
    await first.call('StatusNotification', status(1, 2, 'Occupied'));
    await first.call('StatusNotification', status(2, 1, 'Faulted'));
    expect(await statusesOf(charger.id, 3)).toEqual([
      { connectorId: 1, status: 'Available' },
      { connectorId: 2, status: 'Preparing' },
      { connectorId: 3, status: 'Faulted' },
    ]);
    expect(await mappingsOf(charger.id)).toEqual([
      { connectorId: 1, evseId: 1, evseConnectorId: 1 },
      { connectorId: 2, evseId: 1, evseConnectorId: 2 },
      { connectorId: 3, evseId: 2, evseConnectorId: 1 },
    ]);
    const [grown] = await db.select({ connectorCount: chargers.connectorCount }).from(chargers).where(eq(chargers.id, charger.id));
    expect(grown?.connectorCount).toBe(3);
    await first.close({ force: true });

    // Back, reporting in another order: every connector keeps its number.
    const second = await connect(charger.identity);
    await second.call('StatusNotification', status(2, 1, 'Available'));
    await second.call('StatusNotification', status(1, 2, 'Available'));
    await second.call('StatusNotification', status(1, 1, 'Unavailable'));
    await waitFor(async () => {
      const rows = await statusesOf(charger.id, 3);
      return rows.every((row) => row.status === (row.connectorId === 1 ? 'Unavailable' : 'Available'));
    });
    expect(await mappingsOf(charger.id)).toHaveLength(3);
    expect((await mappingsOf(charger.id)).find((row) => row.evseId === 2)?.connectorId).toBe(3);
  });

  it('puts a session on connector 2 of EVSE 1 on that connector, and sends its commands to that EVSE and connector', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const client = await connect(charger.identity);
    const card = await makeCard(db, { accountId: suite.fixture.account.id, kind: 'virtual', userId: suite.fixture.account.owner.id });
    await client.call('StatusNotification', status(1, 1));
    await client.call('StatusNotification', status(1, 2));
    await statusesOf(charger.id, 2);
    const received: Call[] = [];
    for (const method of ['RequestStartTransaction', 'UnlockConnector', 'ChangeAvailability', 'SetChargingProfile', 'TriggerMessage']) {
      client.handle(method, async ({ params }) => {
        received.push({ method, params: params ?? {} });
        return { status: method === 'UnlockConnector' ? 'Unlocked' : 'Accepted' };
      });
    }
    const send = (command: { action: string; payload: unknown }) => sendCommand(db, { ...commandBy(charger.id), ...command } as Parameters<typeof sendCommand>[1]);
    for (const command of [
      { action: 'RemoteStartTransaction', payload: { idTag: card.idTag, connectorId: 2 } },
      { action: 'UnlockConnector', payload: { connectorId: 2 } },
      { action: 'ChangeAvailability', payload: { connectorId: 2, type: 'Inoperative' } },
      { action: 'SetChargingProfile', payload: { connectorId: 2, csChargingProfiles: txProfile } },
      { action: 'TriggerMessage', payload: { requestedMessage: 'StatusNotification', connectorId: 2 } },
    ]) {
      expect(await send(command)).toMatchObject({ ok: true, value: { status: 'accepted' } });
    }
    expect(received.map(({ method, params }) => ({ method, ...params }))).toEqual([
      expect.objectContaining({ method: 'RequestStartTransaction', evseId: 1 }),
      { method: 'UnlockConnector', evseId: 1, connectorId: 2 },
      { method: 'ChangeAvailability', operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 2 } },
      expect.objectContaining({ method: 'SetChargingProfile', evseId: 1 }),
      { method: 'TriggerMessage', requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 2 } },
    ]);

    // The driver plugs the tethered cable: the transaction names EVSE 1's connector 2.
    const { remoteStartId } = received[0]!.params as { remoteStartId: number };
    const transactionInfo = { transactionId: 'tx-evse-1-2', remoteStartId, chargingState: 'Charging' };
    const reading = (value: number) => [{ timestamp: new Date().toISOString(), sampledValue: [{ value, measurand: 'Energy.Active.Import.Register' }] }];
    await client.call('TransactionEvent', { eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'RemoteStart', seqNo: 0, transactionInfo, evse: { id: 1, connectorId: 2 }, meterValue: reading(500) });
    const [session] = await db.select().from(transactions).where(and(eq(transactions.chargerId, charger.id), eq(transactions.ocppTransactionId, 'tx-evse-1-2')));
    expect(session).toMatchObject({ connectorId: 2, idTag: card.idTag, isRemoteStarted: true });
    const charging = await waitFor(async () => {
      const rows = await statusesOf(charger.id, 2);
      return rows.find((row) => row.connectorId === 2 && row.status === 'Charging');
    });
    expect(charging).toBeTruthy();
    expect((await statusesOf(charger.id, 2)).find((row) => row.connectorId === 1)?.status).toBe('Available');
  });

  it('refuses a connector past what a charger may have, and stores nothing for it', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const client = await connect(charger.identity);
    expect(await errorCodeOf(client.call('StatusNotification', status(1, MAX_CONNECTORS + 1)))).toBe('PropertyConstraintViolation');
    for (let evseId = 1; evseId <= MAX_CONNECTORS; evseId++) await client.call('StatusNotification', status(evseId, 1));
    expect(await errorCodeOf(client.call('StatusNotification', status(1, 2)))).toBe('PropertyConstraintViolation');
    expect(await errorCodeOf(client.call('TransactionEvent', { eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'CablePluggedIn', seqNo: 0, transactionInfo: { transactionId: 'tx-third' }, evse: { id: 1, connectorId: 3 } }))).toBe(
      'PropertyConstraintViolation',
    );
    await statusesOf(charger.id, MAX_CONNECTORS);
    expect(await mappingsOf(charger.id)).toHaveLength(MAX_CONNECTORS);
    expect((await mappingsOf(charger.id)).every((row) => row.evseConnectorId === 1)).toBe(true);
    expect(await db.select().from(transactions).where(eq(transactions.chargerId, charger.id))).toEqual([]);
  });

  it('the simulator built with a two-connector EVSE reports both, and charges on the one the car is plugged into', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const simulator = await startSimulator201(suite.server, { identity: charger.identity, evses: 1, twoConnectorEvse: 1 });
    expect(await statusesOf(charger.id, 2)).toEqual([
      { connectorId: 1, status: 'Available' },
      { connectorId: 2, status: 'Available' },
    ]);
    simulator.connectors.plug(1, 2);
    const card = await makeCard(db, { accountId: suite.fixture.account.id, kind: 'virtual', userId: suite.fixture.account.owner.id });
    const started = transactionEvented(simulator, 'transactionStarted', 1);
    const start = await sendCommand(db, { ...commandBy(charger.id), action: 'RemoteStartTransaction', payload: { idTag: card.idTag, connectorId: 2 } });
    expect(start).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const transactionId = await started;
    const [session] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, transactionId));
    expect(session).toMatchObject({ chargerId: charger.id, connectorId: 2, cardId: card.id });
    await waitFor(async () => (await statusesOf(charger.id, 2)).find((row) => row.connectorId === 2 && row.status === 'Charging'));
    const unlock = await sendCommand(db, { ...commandBy(charger.id), action: 'UnlockConnector', payload: { connectorId: 2 } });
    expect(unlock).toMatchObject({ ok: true, value: { status: 'accepted' } });
  });

  it('reserves connector 2 of an EVSE as its EVSE and the connector type the device model reports for it', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const client = await connect(charger.identity);
    await client.call('StatusNotification', status(1, 1));
    await client.call('StatusNotification', status(1, 2));
    await statusesOf(charger.id, 2);
    const connectorType = { chargerId: charger.id, componentName: 'Connector', evseId: 1, variableName: 'ConnectorType', mutability: 'ReadOnly', reportedAt: new Date() };
    await db.insert(deviceVariables).values([
      { ...connectorType, connectorId: 1, value: 'sType2' },
      { ...connectorType, connectorId: 2, value: 'cType2' },
    ]);
    const received: Record<string, unknown>[] = [];
    client.handle('ReserveNow', async ({ params }) => {
      received.push(params as Record<string, unknown>);
      return { status: 'Accepted' };
    });
    const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: suite.fixture.account.owner.id, kind: 'virtual' });
    const reserved = await reserveConnector(db, { userId: suite.fixture.account.owner.id, chargerId: charger.id, connectorId: 2, cardId: card.id, minutes: 30 });
    expect(reserved.ok).toBe(true);
    expect(received).toEqual([expect.objectContaining({ evseId: 1, connectorType: 'cType2' })]);
  });

  it('puts a fault the charger reports for connector 2 of an EVSE on that connector alone', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id, connectorCount: 1 });
    const client = await connect(charger.identity);
    await client.call('StatusNotification', status(1, 1));
    await client.call('StatusNotification', status(1, 2));
    await statusesOf(charger.id, 2);
    const problem = { eventId: 1, timestamp: new Date().toISOString(), trigger: 'Delta', actualValue: 'true', techInfo: 'Cable lock', eventNotificationType: 'HardWiredNotification', variable: { name: 'Problem' } };
    await client.call('NotifyEvent', { generatedAt: new Date().toISOString(), seqNo: 0, eventData: [{ ...problem, component: { name: 'Connector', evse: { id: 1, connectorId: 2 } } }] });
    const faulted = await waitFor(async () => (await statusesOf(charger.id, 2)).find((row) => row.status === 'Faulted'));
    expect(faulted.connectorId).toBe(2);
    expect((await statusesOf(charger.id, 2)).find((row) => row.connectorId === 1)?.status).toBe('Available');
  });
});
