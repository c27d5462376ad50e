import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargers, meterValues, ocppMessages } from '../../db/schema';
import { makeAccount, makeCard, makeCharger } from '../../db/seed/builders';
import { MAX_WAITING_FRAMES } from '../src/ocpp/guarded-socket';
import { startOcppServer, type OcppServer } from '../src/start';
import { connectClient, endpoint, testConfig, testDb, waitFor } from './helpers';
import { holdSocket, upgradeRequest, type HeldSocket } from './raw-http';

// Ten times the default rate and a smaller burst, so that the throttle shows within a second or two.
const LIMIT = { burst: 20, perSecond: 200 };
const HANDSHAKE_TIMEOUT_MS = 1000;
// Short enough that a socket held back by the limit for seconds sees the server's pings come due (each delivered frame
// must postpone them, as its pong cannot be read meanwhile), long enough that a busy machine's event-loop stalls never
// add up to one: at 300 ms the server dropped throttled chargers under a CPU hog, as designed for a stalled server.
const PING_INTERVAL_MS = 1000;

const { db, sql } = testDb();
const logLines: { msg: string; identity?: string; code?: number }[] = [];
let server: OcppServer;
let account: Awaited<ReturnType<typeof makeAccount>>;

beforeAll(async () => {
  const log = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  server = await startOcppServer(testConfig({ handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS, pingIntervalMs: PING_INTERVAL_MS, messageLimit: LIMIT }), log);
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

// A well-behaved charger, connected and answered before `work` starts, sends a heartbeat every `everyMs` while it runs
// and one after it ends; a heartbeat left unanswered fails the test. For each heartbeat answered while `work` ran,
// `answeredWhen` holds what `probe` counted at that moment.
async function heartbeatsDuring<T>(work: () => Promise<T>, { everyMs = 100, probe }: { everyMs?: number; probe: () => number }) {
  const charger = await newCharger();
  const client = await connectClient(server, { identity: charger.identity });
  const answeredWhen: number[] = [];
  let done = false;
  try {
    await client.call('Heartbeat', {});
    const beating = (async () => {
      while (!done) {
        await client.call('Heartbeat', {});
        if (!done) answeredWhen.push(probe());
        await sleep(everyMs);
      }
    })();
    const result = await work().finally(() => (done = true));
    await beating;
    expect(await client.call('Heartbeat', {})).toHaveProperty('currentTime');
    return { result, answeredWhen };
  } finally {
    await client.close({ force: true });
  }
}

// By `atMs` after the first frame the limit has admitted at most its burst plus the rate's worth, and nothing is
// answered before it is admitted. One frame of slack: a ping is answered (by ws) before the pause it causes.
// Returns the index of the first answer that came sooner than the limit allows, -1 when none did.
const firstAnswerBeforeItsToken = (answeredAtMs: number[]) =>
  answeredAtMs.findIndex((atMs, index) => index + 1 > LIMIT.burst + (atMs / 1000) * LIMIT.perSecond + 1);
const minimumMsFor = (frames: number) => ((frames - LIMIT.burst) / LIMIT.perSecond) * 1000;

const refusals = (identity: string) => logLines.filter((line) => line.identity === identity && line.msg === 'connection refused for what it sent');

describe('message rate limit: backpressure, not disconnection', () => {
  it('slows a charger replaying its offline queue one call at a time to the rate, answers and stores every message and never disconnects it', async () => {
    const charger = await newCharger();
    const card = await makeCard(db, { accountId: account.id });
    const client = await connectClient(server, { identity: charger.identity });
    let disconnects = 0;
    client.on('disconnect', () => disconnects++);
    try {
      const startedAt = Date.now() - 3_600_000;
      const { transactionId } = (await client.call('StartTransaction', { connectorId: 1, idTag: card.idTag, meterStart: 0, timestamp: new Date(startedAt).toISOString() })) as {
        transactionId: number;
      };
      const queued = 300;
      const answeredAt: number[] = [];
      const began = performance.now();
      for (let index = 0; index < queued; index++) {
        const sampledValue = [{ value: String(index * 10), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }];
        await client.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: new Date(startedAt + index * 1000).toISOString(), sampledValue }] });
        answeredAt.push(performance.now() - began);
      }
      expect(disconnects).toBe(0);
      expect(firstAnswerBeforeItsToken(answeredAt)).toBe(-1);
      expect(answeredAt.at(-1)).toBeGreaterThanOrEqual(minimumMsFor(queued));
      const stored = await db.select({ value: meterValues.value }).from(meterValues).where(eq(meterValues.transactionId, transactionId));
      expect(stored.length).toBe(queued);
      expect(refusals(charger.identity)).toEqual([]);
    } finally {
      await client.close({ force: true });
    }
  });

  it('throttles a charger pipelining calls without waiting to the rate and answers every one', async () => {
    const socket = await openSocket((await newCharger()).identity);
    // Held back for over three ping intervals.
    const pipelined = 700;
    const answers: string[] = [];
    const answeredAt: number[] = [];
    const began = performance.now();
    const all = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        const [type, id] = JSON.parse(String(data));
        answeredAt.push(performance.now() - began);
        if (answers.push(`${type}:${id}`) === pipelined) resolve();
      }),
    );
    for (let index = 0; index < pipelined; index++) socket.send(JSON.stringify([2, `p-${index}`, 'Heartbeat', {}]));
    await all;
    expect(answers.sort()).toEqual(Array.from({ length: pipelined }, (_, index) => `3:p-${index}`).sort());
    expect(firstAnswerBeforeItsToken(answeredAt)).toBe(-1);
    expect(answeredAt.at(-1)).toBeGreaterThanOrEqual(minimumMsFor(pipelined));
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.terminate();
  });

  it(`answers another charger while a flooder's calls wait, closes the flood past ${MAX_WAITING_FRAMES} waiting frames with 1008 and logs it once`, async () => {
    const flooder = await newCharger();
    const socket = await openSocket(flooder.identity);
    const answeredAt: number[] = [];
    const began = performance.now();
    // Just under what may wait: more than four seconds at the rate.
    const backlog = MAX_WAITING_FRAMES - 100;
    let drained = () => {};
    const isDrained = new Promise<void>((resolve) => (drained = resolve));
    socket.on('message', () => {
      if (answeredAt.push(performance.now() - began) === backlog) drained();
    });
    const closed = once(socket, 'close');
    const { result, answeredWhen } = await heartbeatsDuring(
      async () => {
        // First a backlog the limit holds without closing, answered at the rate; the other charger's heartbeats go on meanwhile.
        for (let index = 0; index < backlog; index++) socket.send(JSON.stringify([2, `b-${index}`, 'Heartbeat', {}]));
        await isDrained;
        // Then a flood in batches until the server gives up. A batch is more than one 64 kB read of the server's, so
        // that read alone holds more frames than may wait; the yields between batches let this process's heartbeats through.
        for (let sent = 0; sent < 100_000 && socket.readyState === WebSocket.OPEN; ) {
          for (const end = sent + 2 * MAX_WAITING_FRAMES; sent < end; sent++) socket.send(JSON.stringify([2, `f-${sent}`, 'Heartbeat', {}]));
          await new Promise((resolve) => setImmediate(resolve));
        }
        return closed;
      },
      { everyMs: 20, probe: () => answeredAt.length },
    );
    const [code, reason] = result;
    expect([code, String(reason)]).toEqual([1008, 'Message rate limit exceeded']);
    expect(firstAnswerBeforeItsToken(answeredAt)).toBe(-1);
    expect(refusals(flooder.identity)).toEqual([expect.objectContaining({ code: 1008 })]);
    // Throttling never stalls the server: the other charger is answered all through the time the flooder's calls past
    // its burst wait for their tokens, in each half of that backlog (over two seconds each), not once it has drained.
    const half = (backlog - LIMIT.burst) / 2;
    const halvesWithoutAnswer = [LIMIT.burst, LIMIT.burst + half].filter((from) => !answeredWhen.some((floodAnswers) => floodAnswers >= from && floodAnswers < from + half));
    expect(halvesWithoutAnswer, 'flood answers from which no heartbeat was answered for half the backlog').toEqual([]);
    await server.messageLog.flush();
    const logged = await db.select().from(ocppMessages).where(and(eq(ocppMessages.chargerId, flooder.id), eq(ocppMessages.direction, 'in')));
    expect(logged.length).toBeLessThanOrEqual(answeredAt.length);
  });

  it('drops the frames still waiting when the charger goes away, and handles none of them afterwards', async () => {
    const charger = await newCharger();
    const socket = await openSocket(charger.identity);
    let answers = 0;
    const someAnswered = new Promise<void>((resolve) => socket.on('message', () => ++answers === LIMIT.burst + 10 && resolve()));
    for (let index = 0; index < 300; index++) socket.send(JSON.stringify([2, `g-${index}`, 'Heartbeat', {}]));
    await someAnswered;
    socket.terminate();
    const handled = async () => {
      await server.messageLog.flush();
      const rows = await db.select().from(ocppMessages).where(and(eq(ocppMessages.chargerId, charger.id), eq(ocppMessages.direction, 'in')));
      return rows.length;
    };
    await waitFor(async () => (await db.select().from(chargers).where(eq(chargers.id, charger.id)))[0]?.isOnline === false);
    const atClose = await handled();
    // Delivering the other waiting frames would take (300 - atClose) / rate: over a second.
    await sleep(minimumMsFor(300 - atClose + LIMIT.burst));
    expect(await handled()).toBe(atClose);
    expect(atClose).toBeLessThan(300);
  });

  it('slows pings sent one at a time to the rate instead of closing the socket', async () => {
    const socket = await openSocket((await newCharger()).identity);
    const pings = 100;
    const pongAt: number[] = [];
    const began = performance.now();
    for (let index = 0; index < pings; index++) {
      socket.ping();
      await once(socket, 'pong');
      pongAt.push(performance.now() - began);
    }
    expect(firstAnswerBeforeItsToken(pongAt)).toBe(-1);
    expect(pongAt.at(-1)).toBeGreaterThanOrEqual(minimumMsFor(pings - 1));
    socket.send(JSON.stringify([2, 'after-pings', 'Heartbeat', {}]));
    const [answer] = await once(socket, 'message');
    expect(JSON.parse(String(answer)).slice(0, 2)).toEqual([3, 'after-pings']);
    socket.terminate();
  });

  it('closes a ping flood', async () => {
    const socket = await openSocket((await newCharger()).identity);
    const closed = once(socket, 'close');
    for (let batch = 0; batch < 50 && socket.readyState === WebSocket.OPEN; batch++) {
      for (let index = 0; index < 200; index++) socket.ping();
      await sleep(10);
    }
    // 1006 when ws drops a peer with more than 60 pongs it could not send yet, 1008 past the waiting limit.
    expect([1006, 1008]).toContain((await closed)[0]);
  });
});

describe('slow, silent and half-open connections', () => {
  it('times out hundreds of sockets that never finish their upgrade at the handshake timeout while a charger is answered', async () => {
    // The server's own clock: its pings to an idle charger, one per ping interval.
    const idle = await openSocket((await newCharger()).identity);
    let pings = 0;
    idle.on('ping', () => pings++);
    const partial = upgradeRequest('/ocpp/SLOW');
    let open = 0;
    let pingsWhileHeld = 0;
    const { result, answeredWhen } = await heartbeatsDuring(
      async () => {
        const held: HeldSocket[] = await Promise.all([
          ...Array.from({ length: 150 }, () => holdSocket(server.port, '')),
          ...Array.from({ length: 150 }, () => holdSocket(server.port, partial.slice(0, partial.indexOf('Sec-WebSocket-Key')))),
          ...Array.from({ length: 100 }, () => holdSocket(server.port, 'GET /ocpp/SLO')),
        ]);
        open = held.length;
        const pingsAtHold = pings;
        const received = await Promise.all(held.map((socket) => socket.closed.finally(() => open--)));
        pingsWhileHeld = pings - pingsAtHold;
        return received;
      },
      { everyMs: 50, probe: () => open },
    );
    idle.terminate();
    expect(result.every((received) => received.startsWith('HTTP/1.1 408'))).toBe(true);
    expect(answeredWhen.some((heldOpen) => heldOpen > 0), 'a heartbeat answered while the sockets were held').toBe(true);
    // Closed after the handshake timeout (a few ping intervals), not Node's default of a minute. Counted in the
    // server's ping intervals rather than in milliseconds: a busy machine delays the pings as much as the timeout.
    expect(pingsWhileHeld).toBeLessThanOrEqual(3 * Math.ceil(HANDSHAKE_TIMEOUT_MS / PING_INTERVAL_MS));
  });

  it('drops upgraded sockets that never send anything and never answer a ping', async () => {
    const silent = await Promise.all(Array.from({ length: 30 }, newCharger));
    let open = 0;
    const { result: codes, answeredWhen } = await heartbeatsDuring(
      () =>
        Promise.all(
          silent.map(async (charger) => {
            const socket = await openSocket(charger.identity, { autoPong: false });
            open++;
            const [code] = await once(socket, 'close');
            open--;
            return code as number;
          }),
        ),
      { everyMs: 50, probe: () => open },
    );
    expect(answeredWhen.some((silentOpen) => silentOpen > 0), 'a heartbeat answered while the silent sockets were open').toBe(true);
    expect(codes).toEqual(silent.map(() => 1006));
    const rows = await waitFor(async () => {
      const current = await db.select().from(chargers).where(eq(chargers.accountId, account.id));
      return silent.every((charger) => current.find((row) => row.id === charger.id)?.isOnline === false) && current;
    });
    expect(rows.length).toBeGreaterThan(0);
  });
});
