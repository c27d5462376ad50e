import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargers, connectors } from '../../db/schema';
import { BACKLOG_CLOSE, MAX_WAITING_FRAMES } from '../src/ocpp/guarded-socket';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import type { OcppConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startOcppServer, type OcppServer } from '../src/start';
import { endpoint, testConfig, testDb, waitFor } from './helpers';

// Short, so that a socket held back for a few ping intervals would be closed if its pongs went unread: ocpp-rpc
// closes a socket whose previous ping is still unanswered when the next falls due.
const PING_INTERVAL_MS = 1500;

const { db, sql } = testDb();
const servers: OcppServer[] = [];
let account: Awaited<ReturnType<typeof makeAccount>>;

beforeAll(async () => {
  account = await makeAccount(db);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await sql.end();
});

async function start(overrides: Partial<OcppConfig>) {
  // No rate limit: only the cap holds frames back here.
  const server = await startOcppServer(testConfig({ messageLimit: null, pingIntervalMs: PING_INTERVAL_MS, ...overrides }), createLogger('silent'));
  servers.push(server);
  return server;
}

async function gauges(server: OcppServer) {
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
  const sample = (series: string) => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.slice(series.length + 1) ?? 0);
  return { inFlight: sample('ocpp_messages_in_flight'), peak: sample('ocpp_messages_in_flight_max'), held: sample('ocpp_chargers_held') };
}

type RawCharger = { id: string; socket: WebSocket; answers: unknown[][]; pings: number; closes: number };

// Raw sockets, so that a charger's calls can go out at once and the frames it gets are seen as they are.
async function connectChargers(server: OcppServer, count: number): Promise<RawCharger[]> {
  const made = await Promise.all(Array.from({ length: count }, () => makeCharger(db, { accountId: account.id })));
  const connected = await Promise.all(
    made.map(async ({ id, identity }) => {
      const socket = new WebSocket(`${endpoint(server)}/${identity}`, ['ocpp1.6']);
      const charger: RawCharger = { id, socket, answers: [], pings: 0, closes: 0 };
      socket.on('message', (data) => charger.answers.push(JSON.parse(String(data)) as unknown[]));
      socket.on('ping', () => charger.pings++);
      socket.on('close', () => charger.closes++);
      await once(socket, 'open');
      return charger;
    }),
  );
  const ids = connected.map((charger) => charger.id);
  await waitFor(async () => (await db.select().from(chargers).where(and(inArray(chargers.id, ids), eq(chargers.isOnline, true)))).length === count);
  return connected;
}

// Every write of these chargers' heartbeats and statuses waits until `release` (a heartbeat updates the charger's
// row; a status row's foreign key needs a share lock on it).
async function lockChargerRows(ids: string[]) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const transaction = sql.begin(async (tx) => {
    await tx`select id from chargers where id in ${tx(ids)} for update`;
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await transaction;
  };
}

const status = (connectorId: number) => ({ connectorId, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() });
const answeredIds = (charger: RawCharger) => charger.answers.filter(([type]) => type === 3).map(([, id]) => id);

describe('process-wide cap on charger calls in flight', () => {
  it('never handles more calls at once than the cap: twenty chargers sending three calls each wait in line, and every call is answered and stored', async () => {
    const cap = 4;
    const server = await start({ maxCallsInFlight: cap });
    const fleet = await connectChargers(server, 20);
    const peaks = [(await gauges(server)).peak];
    const unlock = await lockChargerRows(fleet.map((charger) => charger.id));
    try {
      for (const [index, { socket }] of fleet.entries()) {
        socket.send(JSON.stringify([2, `hb-${index}`, 'Heartbeat', {}]));
        socket.send(JSON.stringify([2, `s1-${index}`, 'StatusNotification', status(1)]));
        socket.send(JSON.stringify([2, `s2-${index}`, 'StatusNotification', status(2)]));
      }
      // Held: every charger with a call not let in, at least 19 of the 20 (four calls in are one charger's three at most).
      const blocked = await waitFor(async () => {
        const now = await gauges(server);
        peaks.push(now.peak);
        return (now.inFlight > cap || now.held >= 16) && now;
      });
      expect(blocked.inFlight).toBe(cap);
      expect(blocked.held).toBeGreaterThanOrEqual(19);
      expect(fleet.flatMap(answeredIds)).toEqual([]);
    } finally {
      await unlock();
    }
    await waitFor(async () => {
      peaks.push((await gauges(server)).peak);
      return fleet.every((charger) => answeredIds(charger).length === 3);
    });
    for (const [index, charger] of fleet.entries()) expect(answeredIds(charger).sort()).toEqual([`hb-${index}`, `s1-${index}`, `s2-${index}`]);
    const after = await gauges(server);
    expect({ inFlight: after.inFlight, held: after.held }).toEqual({ inFlight: 0, held: 0 });
    peaks.push(after.peak);
    expect(Math.max(...peaks)).toBe(cap);

    const ids = fleet.map((charger) => charger.id);
    const beaten = await db.select({ id: chargers.id }).from(chargers).where(and(inArray(chargers.id, ids), isNotNull(chargers.lastHeartbeatAt)));
    expect(beaten.length).toBe(20);
    const statuses = await db.select().from(connectors).where(inArray(connectors.chargerId, ids));
    expect(statuses.filter((row) => row.status === 'Available').length).toBe(40);
    expect(fleet.every((charger) => charger.closes === 0)).toBe(true);
    for (const { socket } of fleet) socket.terminate();
  });

  it('keeps a held charger connected through the server\'s pings while the database stalls for several ping intervals, then answers it', async () => {
    const server = await start({ maxCallsInFlight: 2 });
    const fleet = await connectChargers(server, 6);
    const unlock = await lockChargerRows(fleet.map((charger) => charger.id));
    let pingsWhileHeld: number[] = [];
    try {
      for (const [index, { socket }] of fleet.entries()) socket.send(JSON.stringify([2, `hb-${index}`, 'Heartbeat', {}]));
      await waitFor(async () => (await gauges(server)).held === 4);
      const pingsAtHold = fleet.map((charger) => charger.pings);
      await sleep(3 * PING_INTERVAL_MS);
      expect(await gauges(server)).toMatchObject({ inFlight: 2, held: 4 });
      pingsWhileHeld = fleet.map((charger, index) => charger.pings - pingsAtHold[index]!);
    } finally {
      await unlock();
    }
    await waitFor(async () => fleet.every((charger) => answeredIds(charger).length === 1));
    // Pinged all along (so a pong went unread had the socket not read again), and none closed.
    expect(pingsWhileHeld.every((pings) => pings >= 2), `pings per charger while held: ${pingsWhileHeld.join(', ')}`).toBe(true);
    expect(fleet.map((charger) => charger.closes)).toEqual(fleet.map(() => 0));
    expect(fleet.every((charger) => charger.socket.readyState === WebSocket.OPEN)).toBe(true);
    for (const { socket } of fleet) socket.terminate();
  });

  it('forgets a held charger that goes away, handles none of its calls, and answers the others and newcomers', async () => {
    const server = await start({ maxCallsInFlight: 2 });
    const fleet = await connectChargers(server, 6);
    const [first, second, third, fourth, ...leaving] = fleet;
    const heartbeat = (charger: RawCharger) => charger.socket.send(JSON.stringify([2, `hb-${charger.id}`, 'Heartbeat', {}]));
    const unlock = await lockChargerRows(fleet.map((charger) => charger.id));
    try {
      for (const charger of [first!, second!]) heartbeat(charger);
      await waitFor(async () => (await gauges(server)).inFlight === 2);
      for (const charger of [third!, fourth!, ...leaving]) heartbeat(charger);
      await waitFor(async () => (await gauges(server)).held === 4);
      for (const { socket } of leaving) socket.terminate();
      expect(await waitFor(async () => (await gauges(server)).held === 2)).toBe(true);
    } finally {
      await unlock();
    }
    const staying = [first!, second!, third!, fourth!];
    await waitFor(async () => staying.every((charger) => answeredIds(charger).length === 1));
    expect(await waitFor(async () => ((await gauges(server)).inFlight === 0 && (await gauges(server)).held === 0))).toBe(true);
    const beaten = await db.select({ id: chargers.id }).from(chargers).where(and(inArray(chargers.id, fleet.map((charger) => charger.id)), isNotNull(chargers.lastHeartbeatAt)));
    expect(beaten.map((row) => row.id).sort()).toEqual(staying.map((charger) => charger.id).sort());
    const [newcomer] = await connectChargers(server, 1);
    heartbeat(newcomer!);
    await waitFor(async () => answeredIds(newcomer!).length === 1);
    for (const { socket } of [...staying, newcomer!]) socket.terminate();
  });

  it(`closes a client that pipelines more than ${MAX_WAITING_FRAMES} calls while the cap holds it back, with 1008, and answers the calls already in`, async () => {
    const server = await start({ maxCallsInFlight: 2 });
    const [first, second, flooder] = await connectChargers(server, 3);
    const unlock = await lockChargerRows([first!.id, second!.id]);
    try {
      for (const charger of [first!, second!]) charger.socket.send(JSON.stringify([2, 'in', 'Heartbeat', {}]));
      await waitFor(async () => (await gauges(server)).inFlight === 2);
      const closed = once(flooder!.socket, 'close');
      for (let index = 0; index < 3 * MAX_WAITING_FRAMES; index++) flooder!.socket.send(JSON.stringify([2, `f-${index}`, 'Heartbeat', {}]));
      const [code, reason] = await closed;
      expect([code, String(reason)]).toEqual([BACKLOG_CLOSE.code, BACKLOG_CLOSE.reason]);
      expect(answeredIds(flooder!)).toEqual([]);
    } finally {
      await unlock();
    }
    await waitFor(async () => [first!, second!].every((charger) => answeredIds(charger).length === 1));
    for (const { socket } of [first!, second!]) socket.terminate();
  });

  // A held charger's answers to the server's own calls are not calls in flight: holding them saves nothing, and a
  // RemoteStart, Reset or Unlock the charger carried out would be recorded as unanswered once the call timed out.
  it('receives a held charger\'s answer to a call of the server while the gate stays shut', async () => {
    const server = await start({ maxCallsInFlight: 2 });
    const [first, second, held] = await connectChargers(server, 3);
    held!.socket.on('message', (data) => {
      const [type, id] = JSON.parse(String(data)) as [number, string];
      if (type === 2) held!.socket.send(` [ 3 ,${JSON.stringify(id)},{"configurationKey":[]}]`);
    });
    const unlock = await lockChargerRows([first!.id, second!.id, held!.id]);
    try {
      for (const charger of [first!, second!]) charger.socket.send(JSON.stringify([2, 'in', 'Heartbeat', {}]));
      await waitFor(async () => (await gauges(server)).inFlight === 2);
      held!.socket.send(JSON.stringify([2, 'held', 'Heartbeat', {}]));
      await waitFor(async () => (await gauges(server)).held === 1);
      const client = server.connections.get(held!.id)!;
      const answer = await client.call('GetConfiguration', {}, { callTimeoutMs: 3 * PING_INTERVAL_MS });
      expect(answer).toEqual({ configurationKey: [] });
      expect(await gauges(server)).toMatchObject({ inFlight: 2, held: 1 });
    } finally {
      await unlock();
    }
    await waitFor(async () => [first!, second!, held!].every((charger) => answeredIds(charger).length === 1));
    for (const { socket } of [first!, second!, held!]) socket.terminate();
  });
});
