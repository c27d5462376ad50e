import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargers, connectors } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { getCharger } from '../../domain/data/chargers';
import { endpoint, makeChargerWithPassword, waitFor } from './helpers';
import { ocppSuite } from './suite';

// OCPP 2.0.1 beside 1.6: which version a charger is served in, and its first messages.
const suite = ocppSuite();
const { db } = suite;

const chargerRow = async (id: string) => (await db.select().from(chargers).where(eq(chargers.id, id)))[0]!;

const BOOT = { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'Twin 22', serialNumber: 'SN-201', firmwareVersion: '2.0.7' } };

// What the server answers to one raw frame, read off the wire (an RPCClient would correct a misspelled code).
async function rawAnswer(identity: string, frame: unknown[]) {
  const socket = new WebSocket(`${endpoint(suite.server)}/${identity}`, ['ocpp2.0.1']);
  await once(socket, 'open');
  socket.send(JSON.stringify(frame));
  const [reply] = await once(socket, 'message');
  socket.terminate();
  return JSON.parse(String(reply)) as unknown[];
}

describe('OCPP 2.0.1 negotiation', () => {
  it('serves a charger offering only ocpp2.0.1 in 2.0.1 and shows that version on the charger', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
    expect(client.protocol).toBe('ocpp2.0.1');
    const answer = await client.call('BootNotification', BOOT);
    expect(answer).toMatchObject({ status: 'Accepted', interval: 300 });
    const row = await waitFor(async () => {
      const current = await chargerRow(charger.id);
      return current.ocppVersion === 'ocpp2.0.1' && current.vendor === 'Acme' && current;
    });
    expect(row).toMatchObject({ model: 'Twin 22', serialNumber: 'SN-201', firmwareVersion: '2.0.7', isOnline: true });
  });

  it('serves a charger offering both in 2.0.1, in either order, and its page shows 2.0.1; a 1.6-only one stays on 1.6', async () => {
    for (const protocols of [['ocpp1.6', 'ocpp2.0.1'], ['ocpp2.0.1', 'ocpp1.6']]) {
      const both = await makeCharger(db, { accountId: suite.fixture.account.id });
      const bothClient = await suite.connect(suite.server, { identity: both.identity, protocols, strictMode: true });
      expect(bothClient.protocol).toBe('ocpp2.0.1');
      expect(await bothClient.call('BootNotification', BOOT)).toMatchObject({ status: 'Accepted' });
      const shown = await waitFor(async () => {
        const charger = await getCharger(db, { accountId: suite.fixture.account.id, chargerId: both.id });
        // The version is written at connection and the boot's facts by its handler, in either order.
        return charger?.vendor === 'Acme' && charger.ocppVersion !== null && charger;
      });
      expect(shown).toMatchObject({ ocppVersion: 'ocpp2.0.1', model: 'Twin 22', firmwareVersion: '2.0.7' });
    }
    const old = await makeCharger(db, { accountId: suite.fixture.account.id });
    const oldClient = await suite.connect(suite.server, { identity: old.identity, protocols: ['ocpp1.6'] });
    expect(oldClient.protocol).toBe('ocpp1.6');
    expect(await oldClient.call('BootNotification', { chargePointVendor: 'Old', chargePointModel: 'One' })).toMatchObject({ status: 'Accepted' });
    expect(await waitFor(async () => (await chargerRow(old.id)).ocppVersion)).toBe('ocpp1.6');
  });

  it('keeps a charger it has served on its version when it offers both after a firmware update', async () => {
    for (const served of ['ocpp1.6', 'ocpp2.0.1']) {
      const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
      const before = await suite.connect(suite.server, { identity: charger.identity, protocols: [served] });
      expect(await waitFor(async () => (await chargerRow(charger.id)).ocppVersion)).toBe(served);
      await before.close();
      for (const protocols of [['ocpp1.6', 'ocpp2.0.1'], ['ocpp2.0.1', 'ocpp1.6']]) {
        const after = await suite.connect(suite.server, { identity: charger.identity, protocols });
        expect(after.protocol).toBe(served);
        await after.close();
      }
      expect((await chargerRow(charger.id)).ocppVersion).toBe(served);
    }
  });

  it('lets a 2.0.1 charger in with its Basic auth password and refuses a wrong one', async () => {
    const { charger, password } = await makeChargerWithPassword(db);
    const client = await suite.connect(suite.server, { identity: charger.identity, password, protocols: ['ocpp2.0.1'] });
    expect(client.protocol).toBe('ocpp2.0.1');
    await expect(suite.connect(suite.server, { identity: charger.identity, password: `${password}x`, protocols: ['ocpp2.0.1'] })).rejects.toThrow(/Unauthorized/);
  });
});

describe('OCPP 2.0.1 charger messages', () => {
  it('maps EVSE statuses onto connectors: EVSE n is connector n, Occupied is Preparing', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
    const at = new Date().toISOString();
    await client.call('StatusNotification', { timestamp: at, connectorStatus: 'Occupied', evseId: 2, connectorId: 1 });
    await client.call('StatusNotification', { timestamp: at, connectorStatus: 'Faulted', evseId: 1, connectorId: 1 });
    const rows = await waitFor(async () => {
      const found = await db.select().from(connectors).where(eq(connectors.chargerId, charger.id));
      return found.length === 2 && found;
    });
    expect(Object.fromEntries(rows.map((row) => [row.connectorId, row.status]))).toEqual({ 1: 'Faulted', 2: 'Preparing' });
  });

  it('records a NotifyEvent problem as a connector fault with the charger\'s codes', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const client = await suite.connect(suite.server, { identity: charger.identity, protocols: ['ocpp2.0.1'], strictMode: true });
    await client.call('NotifyEvent', {
      generatedAt: new Date().toISOString(),
      seqNo: 0,
      eventData: [
        {
          eventId: 1,
          timestamp: new Date().toISOString(),
          trigger: 'Delta',
          actualValue: 'true',
          techCode: 'E-42',
          techInfo: 'Ground fault',
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'ConnectedEV', evse: { id: 1, connectorId: 1 } },
          variable: { name: 'Problem' },
        },
      ],
    });
    const row = await waitFor(async () => (await db.select().from(connectors).where(eq(connectors.chargerId, charger.id)))[0]);
    expect(row).toMatchObject({ connectorId: 1, status: 'Faulted', errorCode: 'OtherError', info: 'Ground fault', vendorErrorCode: 'E-42' });
  });

  it('answers invalid payloads with the OCPP-J 2.0.1 error codes', async () => {
    const { identity } = await makeCharger(db, { accountId: suite.fixture.account.id });
    expect((await rawAnswer(identity, [2, 'm1', 'BootNotification', { reason: 'PowerUp' }])).slice(0, 3)).toEqual([4, 'm1', 'OccurrenceConstraintViolation']);
    const wrongStatus = { timestamp: new Date().toISOString(), connectorStatus: 'Charging', evseId: 1, connectorId: 1 };
    expect((await rawAnswer(identity, [2, 'm2', 'StatusNotification', wrongStatus])).slice(0, 3)).toEqual([4, 'm2', 'PropertyConstraintViolation']);
    const wrongType = { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: '1', connectorId: 1 };
    expect((await rawAnswer(identity, [2, 'm3', 'StatusNotification', wrongType])).slice(0, 3)).toEqual([4, 'm3', 'TypeConstraintViolation']);
    const noSuchEvse = { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 99, connectorId: 1 };
    expect((await rawAnswer(identity, [2, 'm4', 'StatusNotification', noSuchEvse])).slice(0, 3)).toEqual([4, 'm4', 'PropertyConstraintViolation']);
    expect((await rawAnswer(identity, [2, 'm5', 'GetVariables', {}])).slice(0, 3)).toEqual([4, 'm5', 'NotImplemented']);
  });
});
