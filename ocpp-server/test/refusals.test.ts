import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeCharger } from '../../db/seed/builders';
import { hashSecret } from '../../lib/crypto/secret';
import type { OcppServer } from '../src/start';
import { connectClient, endpoint, makeChargerFixture, startTestServer, testDb } from './helpers';

const { db, sql } = testDb();
let server: OcppServer;
let fixture: Awaited<ReturnType<typeof makeChargerFixture>>;

beforeAll(async () => {
  server = await startTestServer({ maxMessageBytes: 4096 });
  fixture = await makeChargerFixture(db);
});

afterAll(async () => {
  await server?.close();
  await sql.end();
});

type Frame = [number, string, ...unknown[]];

async function openRaw(identity: string) {
  const socket = new WebSocket(`${endpoint(server)}/${identity}`, ['ocpp1.6']);
  await once(socket, 'open');
  return socket;
}

async function exchange(socket: WebSocket, raw: string): Promise<Frame> {
  const reply = once(socket, 'message');
  socket.send(raw);
  const [data] = await reply;
  return JSON.parse(String(data)) as Frame;
}

async function expectServerUp() {
  const client = await connectClient(server, { identity: fixture.charger.identity });
  expect(await client.call('Heartbeat', {})).toHaveProperty('currentTime');
  await client.close({ force: true });
}

describe('refusals', () => {
  it('refuses an unknown identity at the upgrade with 404', async () => {
    await expect(connectClient(server, { identity: 'NOT-REGISTERED' })).rejects.toMatchObject({ code: 404 });
    await expectServerUp();
  });

  it('refuses a wrong or missing password with 401 and accepts the right one', async () => {
    const charger = await makeCharger(db, { accountId: fixture.account.id, passwordHash: hashSecret('s3cret-password') });
    await expect(connectClient(server, { identity: charger.identity, password: 'wrong' })).rejects.toMatchObject({ code: 401 });
    await expect(connectClient(server, { identity: charger.identity })).rejects.toMatchObject({ code: 401 });
    const client = await connectClient(server, { identity: charger.identity, password: 's3cret-password' });
    expect(await client.call('Heartbeat', {})).toHaveProperty('currentTime');
    await client.close({ force: true });
  });

  it('refuses a connection without the ocpp1.6 subprotocol', async () => {
    await expect(connectClient(server, { identity: fixture.charger.identity, protocols: ['ocpp2.0.1'] })).rejects.toMatchObject({ code: 400 });
  });

  it('answers malformed JSON with a CALLERROR and keeps the socket', async () => {
    const socket = await openRaw(fixture.charger.identity);
    const [type, , code] = await exchange(socket, '[2, "abc", "Heartbeat", {');
    expect(type).toBe(4);
    expect(code).toBe('FormationViolation');
    const [, , notAFrame] = await exchange(socket, '{"hello": "world"}');
    expect(notAFrame).toBe('FormationViolation');
    const [resultType] = await exchange(socket, JSON.stringify([2, 'ok-1', 'Heartbeat', {}]));
    expect(resultType).toBe(3);
    socket.terminate();
  });

  it('answers schema violations with the OCPP 1.6 error codes', async () => {
    const socket = await openRaw(fixture.charger.identity);
    const missing = await exchange(socket, JSON.stringify([2, 'v-1', 'BootNotification', { chargePointVendor: 'Acme' }]));
    expect(missing.slice(0, 3)).toEqual([4, 'v-1', 'OccurrenceConstraintViolation']);
    const wrongType = await exchange(socket, JSON.stringify([2, 'v-2', 'StartTransaction', { connectorId: 'one', idTag: 'A', meterStart: 0, timestamp: new Date().toISOString() }]));
    expect(wrongType.slice(0, 3)).toEqual([4, 'v-2', 'TypeConstraintViolation']);
    const extra = await exchange(socket, JSON.stringify([2, 'v-3', 'Heartbeat', { mood: 'happy' }]));
    expect(extra.slice(0, 3)).toEqual([4, 'v-3', 'PropertyConstraintViolation']);
    const badEnum = await exchange(socket, JSON.stringify([2, 'v-5', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Dancing' }]));
    expect(badEnum.slice(0, 3)).toEqual([4, 'v-5', 'PropertyConstraintViolation']);
    const tooLong = await exchange(socket, JSON.stringify([2, 'v-4', 'Authorize', { idTag: 'X'.repeat(21) }]));
    expect(tooLong.slice(0, 3)).toEqual([4, 'v-4', 'FormationViolation']);
    socket.terminate();
  });

  it('answers an unknown action with NotImplemented', async () => {
    const socket = await openRaw(fixture.charger.identity);
    const reply = await exchange(socket, JSON.stringify([2, 'u-1', 'MakeCoffee', {}]));
    expect(reply.slice(0, 3)).toEqual([4, 'u-1', 'NotImplemented']);
    socket.terminate();
  });

  it('closes a connection that sends an oversized message with 1009', async () => {
    const socket = await openRaw(fixture.charger.identity);
    const closed = once(socket, 'close');
    socket.send(JSON.stringify([2, 'big', 'DataTransfer', { vendorId: 'x', data: 'y'.repeat(10_000) }]));
    const [code] = await closed;
    expect(code).toBe(1009);
    await expectServerUp();
  });
});
