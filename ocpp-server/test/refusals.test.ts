import { once } from 'node:events';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connectors, ocppMessages } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { hashSecret } from '../../domain/crypto/secret';
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

async function openRaw(identity: string, target: OcppServer = server) {
  const socket = new WebSocket(`${endpoint(target)}/${identity}`, ['ocpp1.6']);
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

  it('stores a lone surrogate as U+FFFD and refuses a connector id beyond the platform, answering every charger meanwhile', async () => {
    const hostile = await makeCharger(db, { accountId: fixture.account.id });
    const socket = await openRaw(hostile.identity);
    const neighbour = await connectClient(server, { identity: fixture.charger.identity });
    const timestamp = new Date().toISOString();
    const lone = exchange(socket, `[2, "lone", "StatusNotification", {"connectorId": 1, "errorCode": "OtherError", "status": "Faulted", "info": "\\ud800"}]`);
    // Calls of another charger that share the hostile one's statement batch.
    const statuses = [1, 2].map((connectorId) => neighbour.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available' }));
    expect((await lone)[0]).toBe(3);
    await expect(Promise.all(statuses)).resolves.toEqual([{}, {}]);
    const rows = await db.select().from(connectors).where(eq(connectors.chargerId, hostile.id));
    expect(rows.map((row) => row.info)).toEqual(['\uFFFD']);
    const sample = { timestamp, sampledValue: [{ value: '1' }] };
    const huge = await exchange(socket, JSON.stringify([2, 'huge', 'MeterValues', { connectorId: 3_000_000_000, meterValue: [sample] }]));
    expect(huge.slice(0, 3)).toEqual([4, 'huge', 'PropertyConstraintViolation']);
    socket.terminate();
    await neighbour.close({ force: true });
  });

  it('logs an answer to a call the server never made once, as the result it is', async () => {
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const socket = await openRaw(charger.identity);
    socket.send(JSON.stringify([3, 'never-sent', { status: 'Accepted' }]));
    expect((await exchange(socket, JSON.stringify([2, 'after', 'Heartbeat', {}])))[0]).toBe(3);
    socket.terminate();
    await server.messageLog.flush();
    const rows = await db.select().from(ocppMessages).where(and(eq(ocppMessages.chargerId, charger.id), eq(ocppMessages.direction, 'in'))).orderBy(ocppMessages.id);
    expect(rows.map((row) => [row.messageType, row.messageId])).toEqual([
      ['result', 'never-sent'],
      ['call', 'after'],
    ]);
  });

  it('logs an unreadable frame as it came, with the CALLERROR code that answered it', async () => {
    const charger = await makeCharger(db, { accountId: fixture.account.id });
    const socket = await openRaw(charger.identity);
    await exchange(socket, '[2, "torn", "Heartbeat", {');
    socket.terminate();
    await server.messageLog.flush();
    const rows = await db.select().from(ocppMessages).where(eq(ocppMessages.chargerId, charger.id)).orderBy(ocppMessages.id);
    expect(rows.map((row) => [row.direction, row.messageType, row.payload])).toEqual([
      ['in', 'error', { raw: '[2, "torn", "Heartbeat", {' }],
      ['out', 'error', expect.objectContaining({ errorCode: 'FormationViolation' })],
    ]);
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

  it('answers a message type other than 2, 3 or 4 with FormationViolation', async () => {
    const socket = await openRaw(fixture.charger.identity);
    expect((await exchange(socket, JSON.stringify([5, 't-1', 'Heartbeat', {}]))).slice(0, 3)).toEqual([4, '-1', 'FormationViolation']);
    expect((await exchange(socket, JSON.stringify([2, 7, 'Heartbeat', {}]))).slice(0, 3)).toEqual([4, '-1', 'FormationViolation']);
    expect((await exchange(socket, JSON.stringify([2, 't-2', 42, {}]))).slice(0, 3)).toEqual([4, 't-2', 'FormationViolation']);
    socket.terminate();
  });

  it('answers a CALL reusing the id of one still in progress with ProtocolError, and the first one normally', async () => {
    const socket = await openRaw(fixture.charger.identity);
    const replies = new Promise<Frame[]>((resolve) => {
      const frames: Frame[] = [];
      socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame) === 2 && resolve(frames));
    });
    const boot = JSON.stringify([2, 'same', 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'X' }]);
    socket.send(boot);
    socket.send(boot);
    const frames = await replies;
    expect(frames.map((frame) => frame.slice(0, 2))).toEqual(expect.arrayContaining([[3, 'same'], [4, 'same']]));
    expect(frames.find((frame) => frame[0] === 4)?.[2]).toBe('ProtocolError');
    socket.terminate();
  });

  it('does not answer a CALLRESULT or CALLERROR for a call it never made', async () => {
    const socket = await openRaw(fixture.charger.identity);
    socket.send(JSON.stringify([3, 'never-sent', {}]));
    socket.send(JSON.stringify([4, 'never-sent', 'GenericError', '', {}]));
    expect((await exchange(socket, JSON.stringify([2, 'after', 'Heartbeat', {}]))).slice(0, 2)).toEqual([3, 'after']);
    socket.terminate();
  });

  it('closes with 1002 after more than 20 broken frames in a row', async () => {
    const socket = await openRaw(fixture.charger.identity);
    const closed = once(socket, 'close');
    for (let index = 0; index < 21; index++) socket.send(`[2, "b-${index}"`);
    const [code] = await closed;
    expect(code).toBe(1002);
  });

  it('closes a connection that sends a binary frame with 1003', async () => {
    const socket = await openRaw(fixture.charger.identity);
    const closed = once(socket, 'close');
    socket.send(Buffer.from(JSON.stringify([2, 'bin', 'Heartbeat', {}])), { binary: true });
    const [code, reason] = await closed;
    expect([code, String(reason)]).toEqual([1003, 'OCPP-J messages are text frames']);
  });

  it('refuses a NUL character in a string with PropertyConstraintViolation', async () => {
    const socket = await openRaw(fixture.charger.identity);
    const reply = await exchange(socket, JSON.stringify([2, 'nul', 'DataTransfer', { vendorId: 'Acme\u0000', data: 'x' }]));
    expect(reply.slice(0, 3)).toEqual([4, 'nul', 'PropertyConstraintViolation']);
    socket.terminate();
  });

  it('answers a deeply nested payload without echoing it, and still logs the traffic around it', async () => {
    // Nested 10,000 deep (20 kB): past the depth at which JSON.stringify overflows the stack, within 64 kB.
    const roomy = await startTestServer();
    const socket = await openRaw(fixture.charger.identity, roomy);
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const reply = await exchange(socket, `[2, "deep", "Heartbeat", ${deep}]`);
    expect(reply.slice(0, 3)).toEqual([4, 'deep', 'TypeConstraintViolation']);
    expect(reply[4]).not.toHaveProperty('data');
    expect((await exchange(socket, JSON.stringify([2, 'after-deep', 'Heartbeat', {}])))[0]).toBe(3);
    socket.terminate();
    await roomy.close();
    const logged = await db.select().from(ocppMessages).where(and(eq(ocppMessages.chargerId, fixture.charger.id), eq(ocppMessages.messageId, 'after-deep')));
    expect(logged.map((row) => row.direction).sort()).toEqual(['in', 'out']);
  });
});
