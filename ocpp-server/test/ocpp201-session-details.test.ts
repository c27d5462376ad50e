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
