import { once } from 'node:events';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargers, ocppMessages } from '../../db/schema';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { startOcppServer, type OcppServer } from '../src/start';
import { connectClient, endpoint, testConfig, testDb, waitFor } from './helpers';
import { holdSocket, upgradeRequest, type HeldSocket } from './raw-http';

const { db, sql } = testDb();
const logLines: { msg: string; identity?: string; code?: number }[] = [];
let server: OcppServer;
let account: Awaited<ReturnType<typeof makeAccount>>;

beforeAll(async () => {
  const log = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  server = await startOcppServer(testConfig({ handshakeTimeoutMs: 1000, pingIntervalMs: 300, messageLimit: { burst: 50, perSecond: 20 } }), log);
  account = await makeAccount(db);
});

afterAll(async () => {
  await server?.close();
  await sql.end();
});

const newCharger = () => makeCharger(db, { accountId: account.id });

async function openSocket(identity: string, options: WebSocket.ClientOptions = {}) {
  const socket = new WebSocket(`${endpoint(server)}/${identity}`, ['ocpp1.6'], options);
  await once(socket, 'open');
  return socket;
}

// A well-behaved charger sends a heartbeat every `everyMs` while `work` runs and once after it; any miss fails the test.
async function heartbeatsDuring<T>(work: () => Promise<T>, everyMs = 100) {
  const charger = await newCharger();
  const client = await connectClient(server, { identity: charger.identity });
  let answered = 0;
  let done = false;
  const beat = async () => {
    await client.call('Heartbeat', {});
    answered++;
  };
  try {
    await beat();
    const beating = (async () => {
      while (!done) {
        await new Promise((resolve) => setTimeout(resolve, everyMs));
        await beat();
      }
    })();
    const result = await work().finally(() => (done = true));
    await beating;
    await beat();
    return { result, answered };
  } finally {
    await client.close({ force: true });
  }
}

describe('message rate limit', () => {
  it('closes a flooding charger with 1008 after its burst, logs it once, and keeps answering the others', async () => {
    const flooder = await newCharger();
    const socket = await openSocket(flooder.identity);
    let answers = 0;
    socket.on('message', () => answers++);
    const closed = once(socket, 'close');
    const { result, answered } = await heartbeatsDuring(async () => {
      for (let index = 0; index < 2000 && socket.readyState === WebSocket.OPEN; index++) socket.send(JSON.stringify([2, `f-${index}`, 'Heartbeat', {}]));
      return closed;
    });
    const [code, reason] = result;
    expect([code, String(reason)]).toEqual([1008, 'Message rate limit exceeded']);
    expect(answered).toBeGreaterThanOrEqual(2);
    expect(answers).toBeGreaterThanOrEqual(50);
    expect(answers).toBeLessThan(80);
    expect(logLines.filter((line) => line.identity === flooder.identity && line.msg === 'connection refused for what it sent')).toEqual([
      expect.objectContaining({ code: 1008 }),
    ]);
    await server.messageLog.flush();
    const logged = await db.select().from(ocppMessages).where(and(eq(ocppMessages.chargerId, flooder.id), eq(ocppMessages.direction, 'in')));
    expect(logged.length).toBeLessThan(80);
  });

  it('closes a ping flood too', async () => {
    const socket = await openSocket((await newCharger()).identity);
    const closed = once(socket, 'close');
    for (let index = 0; index < 200 && socket.readyState === WebSocket.OPEN; index++) socket.ping();
    // 1008 from the limit, or 1006 when ws first drops a peer whose pongs it cannot send fast enough.
    expect([1006, 1008]).toContain((await closed)[0]);
  });

  it('closes slower pings past the limit with 1008', async () => {
    const socket = await openSocket((await newCharger()).identity);
    const closed = once(socket, 'close');
    for (let index = 0; index < 100 && socket.readyState === WebSocket.OPEN; index++) {
      socket.ping();
      await once(socket, 'pong');
    }
    expect((await closed)[0]).toBe(1008);
  });

  it('answers a burst within the limit in full', async () => {
    const socket = await openSocket((await newCharger()).identity);
    const replies: number[] = [];
    const all = new Promise<void>((resolve) => socket.on('message', (data) => replies.push(JSON.parse(String(data))[0]) === 40 && resolve()));
    for (let index = 0; index < 40; index++) socket.send(JSON.stringify([2, `ok-${index}`, 'Heartbeat', {}]));
    await all;
    expect(replies.every((type) => type === 3)).toBe(true);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.terminate();
  });
});

describe('slow, silent and half-open connections', () => {
  it('times out hundreds of sockets that never finish their upgrade while a charger connects and is answered', async () => {
    const partial = upgradeRequest('/ocpp/SLOW');
    const held: HeldSocket[] = await Promise.all([
      ...Array.from({ length: 150 }, () => holdSocket(server.port, '')),
      ...Array.from({ length: 150 }, () => holdSocket(server.port, partial.slice(0, partial.indexOf('Sec-WebSocket-Key')))),
      ...Array.from({ length: 100 }, () => holdSocket(server.port, 'GET /ocpp/SLO')),
    ]);
    const began = performance.now();
    const { result, answered } = await heartbeatsDuring(() => Promise.all(held.map((socket) => socket.closed)), 50);
    const elapsedMs = performance.now() - began;
    expect(answered).toBeGreaterThan(10);
    expect(result.every((received) => received.startsWith('HTTP/1.1 408'))).toBe(true);
    expect(elapsedMs).toBeLessThan(5000);
  });

  it('drops upgraded sockets that never send anything and never answer a ping', async () => {
    const silent = await Promise.all(Array.from({ length: 30 }, newCharger));
    const sockets = await Promise.all(silent.map((charger) => openSocket(charger.identity, { autoPong: false })));
    const { result, answered } = await heartbeatsDuring(() => Promise.all(sockets.map((socket) => once(socket, 'close'))), 50);
    expect(answered).toBeGreaterThan(5);
    expect(result.map(([code]) => code)).toEqual(sockets.map(() => 1006));
    const rows = await waitFor(async () => {
      const current = await db.select().from(chargers).where(eq(chargers.accountId, account.id));
      return silent.every((charger) => current.find((row) => row.id === charger.id)?.isOnline === false) && current;
    });
    expect(rows.length).toBeGreaterThan(0);
  });
});
