import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { transactions } from '../../db/schema';
import { makeCard, makeCharger } from '../../db/seed/builders';
import { sendCommand } from '../../domain/commands/send';
import { getSession } from '../../domain/data/sessions';
import { ocppSuite } from './suite';

// Sessions and commands with an OCPP 2.0.1 charger, read back through the domain functions the web app uses.
const suite = ocppSuite();
const { db } = suite;

type Call = { method: string; params: Record<string, unknown> };

async function connect201() {
  const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
  const client = await suite.connect(suite.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
  return { charger, client };
}

const energy = (value: number, unitOfMeasure?: { unit?: string; multiplier?: number }) => [
  { timestamp: new Date().toISOString(), sampledValue: [{ value, measurand: 'Energy.Active.Import.Register', ...(unitOfMeasure ? { unitOfMeasure } : {}) }] },
];

const commandBy = (chargerId: string) => ({ accountId: suite.fixture.account.id, chargerId, requestedBy: suite.fixture.account.owner.id });

describe('OCPP 2.0.1 sessions', () => {
  it('runs a session from RequestStartTransaction to Ended, with its energy read like a 1.6 session\'s', async () => {
    const { charger, client } = await connect201();
    const card = await makeCard(db, { accountId: suite.fixture.account.id, kind: 'virtual', userId: suite.fixture.account.owner.id });
    let remoteStart: Record<string, unknown> | null = null;
    let stopFor: string | null = null;
    client.handle('RequestStartTransaction', async ({ params }) => {
      remoteStart = params ?? null;
      return { status: 'Accepted' };
    });
    client.handle('RequestStopTransaction', async ({ params }) => {
      stopFor = (params as { transactionId: string }).transactionId;
      return { status: 'Accepted' };
    });

    const started = await sendCommand(db, { ...commandBy(charger.id), action: 'RemoteStartTransaction', payload: { idTag: card.idTag, connectorId: 1 } });
    expect(started).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(remoteStart).toMatchObject({ idToken: { idToken: card.idTag, type: 'Central' }, evseId: 1 });
    const { remoteStartId } = remoteStart as unknown as { remoteStartId: number };

    // Started on plug-in with no token of its own: the remote start it names gives the session its card.
    const transactionInfo = { transactionId: 'tx-abc-1', remoteStartId, chargingState: 'Charging' };
    await client.call('TransactionEvent', { eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'RemoteStart', seqNo: 0, transactionInfo, evse: { id: 1, connectorId: 1 }, meterValue: energy(1.2, { unit: 'kWh' }) });
    await client.call('TransactionEvent', { eventType: 'Updated', timestamp: new Date().toISOString(), triggerReason: 'MeterValuePeriodic', seqNo: 1, transactionInfo, meterValue: energy(2000) });
    const [session] = await db.select().from(transactions).where(eq(transactions.ocppTransactionId, 'tx-abc-1'));
    expect(session).toMatchObject({ chargerId: charger.id, connectorId: 1, idTag: card.idTag, cardId: card.id, userId: suite.fixture.account.owner.id, isRemoteStarted: true, meterStartWh: 1200, stoppedAt: null });

    const stopped = await sendCommand(db, { ...commandBy(charger.id), action: 'RemoteStopTransaction', payload: { transactionId: session!.id } });
    expect(stopped).toMatchObject({ ok: true, value: { status: 'accepted' } });
    expect(stopFor).toBe('tx-abc-1');
    const ended = { ...transactionInfo, chargingState: 'Idle', stoppedReason: 'Remote' };
    await client.call('TransactionEvent', { eventType: 'Ended', timestamp: new Date().toISOString(), triggerReason: 'RemoteStop', seqNo: 2, transactionInfo: ended, meterValue: energy(3.5, { unit: 'Wh', multiplier: 3 }) });

    const read = await getSession(db, { accountId: suite.fixture.account.id, sessionId: session!.id });
    expect(read).toMatchObject({ energyWh: 2300, stopReason: 'Remote', connectorId: 1, idTag: card.idTag });
    expect(read!.stoppedAt).not.toBeNull();
    // Resent (its answer lost), the Ended changes nothing.
    await client.call('TransactionEvent', { eventType: 'Ended', timestamp: new Date().toISOString(), triggerReason: 'RemoteStop', seqNo: 2, transactionInfo: ended, meterValue: energy(9000) });
    expect((await getSession(db, { accountId: suite.fixture.account.id, sessionId: session!.id }))?.energyWh).toBe(2300);
  });

  it('refuses an unknown card in Authorize and in a TransactionEvent, and accepts the account\'s card', async () => {
    const { client } = await connect201();
    const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: suite.fixture.account.owner.id });
    expect(await client.call('Authorize', { idToken: { idToken: 'NOT-OURS-1', type: 'ISO14443' } })).toEqual({ idTokenInfo: { status: 'Invalid' } });
    expect(await client.call('Authorize', { idToken: { idToken: card.idTag, type: 'ISO14443' } })).toMatchObject({ idTokenInfo: { status: 'Accepted' } });
    const refused = await client.call('TransactionEvent', {
      eventType: 'Started',
      timestamp: new Date().toISOString(),
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: 'tx-refused' },
      evse: { id: 2, connectorId: 1 },
      idToken: { idToken: 'NOT-OURS-1', type: 'ISO14443' },
    });
    expect(refused).toEqual({ idTokenInfo: { status: 'Invalid' } });
  });

  it('gives a session started on plug-in the token presented later', async () => {
    const { charger, client } = await connect201();
    const card = await makeCard(db, { accountId: suite.fixture.account.id, userId: suite.fixture.account.owner.id });
    const transactionInfo = { transactionId: 'tx-plug-in', chargingState: 'EVConnected' };
    const first = await client.call('TransactionEvent', { eventType: 'Started', timestamp: new Date().toISOString(), triggerReason: 'CablePluggedIn', seqNo: 0, transactionInfo, evse: { id: 1, connectorId: 1 } });
    expect(first).toEqual({});
    const authorized = await client.call('TransactionEvent', { eventType: 'Updated', timestamp: new Date().toISOString(), triggerReason: 'Authorized', seqNo: 1, transactionInfo, idToken: { idToken: card.idTag, type: 'ISO14443' } });
    expect(authorized).toMatchObject({ idTokenInfo: { status: 'Accepted' } });
    const [session] = await db.select().from(transactions).where(eq(transactions.chargerId, charger.id));
    expect(session).toMatchObject({ idTag: card.idTag, cardId: card.id, userId: suite.fixture.account.owner.id, authorizationStatus: 'Accepted' });
  });

  it('translates the owner\'s commands into 2.0.1 requests, and refuses one 2.0.1 has no counterpart for here', async () => {
    const { charger, client } = await connect201();
    const received: Call[] = [];
    for (const method of ['Reset', 'UnlockConnector', 'ChangeAvailability', 'TriggerMessage']) {
      client.handle(method, async ({ params }) => {
        received.push({ method, params: params ?? {} });
        return method === 'UnlockConnector' ? { status: 'Unlocked' } : { status: 'Accepted' };
      });
    }
    const send = (command: { action: string; payload: unknown }) =>
      sendCommand(db, { ...commandBy(charger.id), ...command } as Parameters<typeof sendCommand>[1]);
    for (const command of [
      { action: 'Reset', payload: { type: 'Hard' } },
      { action: 'UnlockConnector', payload: { connectorId: 2 } },
      { action: 'ChangeAvailability', payload: { connectorId: 0, type: 'Inoperative' } },
      { action: 'TriggerMessage', payload: { requestedMessage: 'StatusNotification', connectorId: 1 } },
    ] as const) {
      expect(await send(command)).toMatchObject({ ok: true, value: { status: 'accepted' } });
    }
    expect(received).toEqual([
      { method: 'Reset', params: { type: 'Immediate' } },
      { method: 'UnlockConnector', params: { evseId: 2, connectorId: 1 } },
      { method: 'ChangeAvailability', params: { operationalStatus: 'Inoperative' } },
      { method: 'TriggerMessage', params: { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } } },
    ]);
    expect(await send({ action: 'GetConfiguration', payload: {} })).toMatchObject({ ok: true, value: { status: 'failed', error: expect.stringMatching(/^NotSupported/) } });
  });
});
