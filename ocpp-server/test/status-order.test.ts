import { and, asc, eq } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { describe, expect, it } from 'vitest';
import { connectorStatusHistory, connectors } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { createBatchedStore } from '../../domain/data/charger-traffic/batched';
import type { ChargerConnectorStatus } from '../../domain/data/charger-traffic/connectors';
import { ocppSuite } from './suite';

// A charger replays the StatusNotifications it queued while offline, and may send them late or out of order: the
// connector shows the newest by the charger's clock, and every one goes into the connector's history.
const suite = ocppSuite();
const { db } = suite;

const newCharger = () => makeCharger(db, { accountId: suite.fixture.account.id });
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function current(chargerId: string, connectorId = 1) {
  const [row] = await db
    .select({ status: connectors.status, statusAt: connectors.statusAt })
    .from(connectors)
    .where(and(eq(connectors.chargerId, chargerId), eq(connectors.connectorId, connectorId)));
  return row;
}

function history(chargerId: string) {
  return db.select().from(connectorStatusHistory).where(eq(connectorStatusHistory.chargerId, chargerId)).orderBy(asc(connectorStatusHistory.id));
}

async function status(client: RPCClient, status: string, timestamp?: Date, extra: Record<string, unknown> = {}) {
  await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status, ...(timestamp ? { timestamp: timestamp.toISOString() } : {}), ...extra });
}

describe('connector status order and history', () => {
  it('keeps the newest status when an older one arrives after it, and records both', async () => {
    const charger = await newCharger();
    const client = await suite.connect(suite.server, { identity: charger.identity });
    const before = new Date();
    const [charging, preparing] = [minutesAgo(1), minutesAgo(3)];
    await status(client, 'Charging', charging);
    await status(client, 'Preparing', preparing, { errorCode: 'OtherError', info: 'queued', vendorId: 'Acme', vendorErrorCode: 'E7' });
    expect(await current(charger.id)).toEqual({ status: 'Charging', statusAt: charging });

    const rows = await history(charger.id);
    expect(rows.map(({ connectorId, status, errorCode, info, vendorId, vendorErrorCode }) => ({ connectorId, status, errorCode, info, vendorId, vendorErrorCode }))).toEqual([
      { connectorId: 1, status: 'Charging', errorCode: 'NoError', info: null, vendorId: null, vendorErrorCode: null },
      { connectorId: 1, status: 'Preparing', errorCode: 'OtherError', info: 'queued', vendorId: 'Acme', vendorErrorCode: 'E7' },
    ]);
    expect(rows.map((row) => row.statusAt)).toEqual([charging, preparing]);
    expect(rows.every((row) => row.receivedAt >= before)).toBe(true);

    await status(client, 'Finishing', new Date());
    expect((await current(charger.id))?.status).toBe('Finishing');
  });

  it('takes a status without a timestamp as current, and the later of two with the same timestamp', async () => {
    const charger = await newCharger();
    const client = await suite.connect(suite.server, { identity: charger.identity });
    const charging = minutesAgo(1);
    await status(client, 'Charging', charging);
    await status(client, 'SuspendedEV');
    expect(await current(charger.id)).toEqual({ status: 'SuspendedEV', statusAt: null });
    const at = minutesAgo(2);
    await status(client, 'Charging', at);
    await status(client, 'SuspendedEVSE', at);
    expect((await current(charger.id))?.status).toBe('SuspendedEVSE');
    expect((await history(charger.id)).map((row) => [row.status, row.statusAt])).toEqual([
      ['Charging', charging],
      ['SuspendedEV', null],
      ['Charging', at],
      ['SuspendedEVSE', at],
    ]);
  });

  it('lets a status replace one stamped by a clock running far ahead', async () => {
    const charger = await newCharger();
    const client = await suite.connect(suite.server, { identity: charger.identity });
    await status(client, 'Faulted', new Date(Date.now() + 365 * 86_400_000));
    await status(client, 'Available', new Date());
    expect((await current(charger.id))?.status).toBe('Available');
  });

  it("keeps the newest of one connector's statuses that share a batch, whatever their order", async () => {
    const [first, second] = await Promise.all([newCharger(), newCharger()]);
    const store = createBatchedStore(db);
    const report = (charger: { id: string; accountId: string }, state: string, statusAt: Date): ChargerConnectorStatus => ({
      chargerId: charger.id,
      accountId: charger.accountId,
      connectorId: 1,
      status: state,
      errorCode: 'NoError',
      info: null,
      vendorId: null,
      vendorErrorCode: null,
      statusAt,
    });
    // Submitted in one turn of the event loop: one statement.
    await Promise.all([
      store.recordConnectorStatus(report(first, 'Charging', minutesAgo(1))),
      store.recordConnectorStatus(report(first, 'Preparing', minutesAgo(2))),
      store.recordConnectorStatus(report(second, 'Preparing', minutesAgo(2))),
      store.recordConnectorStatus(report(second, 'Charging', minutesAgo(1))),
    ]);
    expect((await current(first.id))?.status).toBe('Charging');
    expect((await current(second.id))?.status).toBe('Charging');
    expect(await history(first.id)).toHaveLength(2);
    expect(await history(second.id)).toHaveLength(2);
  });
});
