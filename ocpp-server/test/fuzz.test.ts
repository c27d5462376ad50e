import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeAccount, makeCharger } from '../../db/seed/builders';
import { killAllServers, spawnServer, type ChildServer } from './child-server';
import { createRandom, fuzzSteps, type Frame, type Reply, type Step } from './fuzz-frames';
import { connectClient, testDb, waitFor } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
const CONNECTIONS = 20;
const STEPS_PER_CONNECTION = 1250;
const WARM_UP_STEPS = 150;
const REPLY_TIMEOUT_MS = 10_000;
// Heap in use after a full garbage collection, after the fuzz against before it: measured +2 MB that does not grow
// with more rounds; a leak of 100 bytes per frame measured +17 MB.
const HEAP_TOLERANCE_BYTES = 6 * 1024 * 1024;
const RSS_TOLERANCE_BYTES = 64 * 1024 * 1024;

const { db, sql } = testDb();
let server: ChildServer;
let identities: string[];
let wellBehaved: string;

beforeAll(async () => {
  console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED} npx vitest run --config vitest.faults.config.ts ocpp-server/test/fuzz.test.ts)`);
  const account = await makeAccount(db);
  const rows = await Promise.all(Array.from({ length: CONNECTIONS + 1 }, () => makeCharger(db, { accountId: account.id })));
  [wellBehaved, ...identities] = rows.map((row) => row.identity) as [string, ...string[]];
  server = await spawnServer({
    instanceId: `fuzz-${SEED}`,
    // The limit has its own test (floods.test.ts); here every malformed frame should reach the parser.
    env: {
      OCPP_MESSAGE_RATE: '0',
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--import tsx --import ./ocpp-server/test/heap-probe.ts'].filter(Boolean).join(' '),
    },
  });
});

afterAll(async () => {
  await killAllServers();
  await sql.end();
});

async function memory() {
  const from = server.lines.length;
  server.child.kill('SIGUSR2');
  const line = await waitFor(async () => server.lines.slice(from).find((entry) => entry.includes('"heap probe"')));
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return { heapUsed: (JSON.parse(line) as { heapUsed: number }).heapUsed, rss: Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024 };
}

type Outcome = { failures: string[]; frames: number; kinds: Record<string, number>; closes: Record<number, number>; protocolErrors: number };

function openSocket(identity: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ocpp/${identity}`, ['ocpp1.6']);
  const inbox: unknown[][] = [];
  let closeCode: number | null = null;
  let wake = () => {};
  socket.on('message', (data) => {
    inbox.push(JSON.parse(String(data)) as unknown[]);
    wake();
  });
  socket.on('close', (code) => {
    closeCode = code;
    wake();
  });
  socket.on('error', () => {});
  const until = (condition: () => boolean) =>
    new Promise<boolean>((resolve) => {
      if (condition()) return resolve(true);
      const timer = setTimeout(() => resolve(false), REPLY_TIMEOUT_MS);
      wake = () => {
        if (!condition()) return;
        clearTimeout(timer);
        resolve(true);
      };
    });
  return { socket, inbox, until, closed: () => closeCode, opened: once(socket, 'open') };
}

// Every fuzz frame sent so far: the progress the well-behaved charger's answers are placed against.
let framesSent = 0;

function send(socket: WebSocket, frame: Frame) {
  framesSent++;
  if (typeof frame === 'string') socket.send(frame);
  else if ('binary' in frame) socket.send(frame.binary, { binary: true });
  else socket.send(frame.text, { binary: false });
}

const asReply = (frame: unknown[]): Reply => ({ type: frame[0] as 3 | 4, id: String(frame[1]), ...(frame[0] === 4 ? { code: String(frame[2]) } : {}) });
const key = (replies: Reply[]) => JSON.stringify(replies.map((reply) => [reply.type, reply.id, reply.code ?? '']).sort());

// One charger's connection sends each step and waits for what the spec says comes back before the next one, so
// every answer is matched to the frame it answers; an unanswered frame is followed by one that is answered.
async function fuzzConnection(identity: string, steps: Iterable<Step>, outcome: Outcome) {
  let connection = openSocket(identity);
  await connection.opened;
  // The server cuts a connection off after more than 20 unreadable frames in a row (ocpp-rpc maxBadMessages).
  let unreadableRun = 0;
  const reconnect = async () => {
    connection.socket.terminate();
    connection = openSocket(identity);
    await connection.opened;
    unreadableRun = 0;
  };
  let index = 0;
  for (const step of steps) {
    const where = `seed ${SEED} ${identity} step ${index++} (${step.kind})`;
    outcome.kinds[step.kind] = (outcome.kinds[step.kind] ?? 0) + 1;
    if (step.bad === true) unreadableRun++;
    else if (step.bad === false) unreadableRun = 0;
    const expectedClose = 'close' in step.expect ? step.expect.close : unreadableRun > 20 ? 1002 : null;
    for (const frame of step.frames) send(connection.socket, frame);
    outcome.frames += step.frames.length;
    if (expectedClose) {
      await connection.until(() => connection.closed() !== null);
      if (connection.closed() !== expectedClose) outcome.failures.push(`${where}: closed with ${connection.closed()}, expected ${expectedClose}`);
      outcome.closes[expectedClose] = (outcome.closes[expectedClose] ?? 0) + 1;
      await reconnect();
      continue;
    }
    const expected = (step.expect as { replies: Reply[][] }).replies;
    const count = expected[0]!.length;
    if (count > 0) await connection.until(() => connection.inbox.length >= count || connection.closed() !== null);
    const replies = connection.inbox.splice(0, count).map(asReply);
    if (!expected.some((candidate) => key(candidate) === key(replies))) outcome.failures.push(`${where}: got ${key(replies)}, expected ${expected.map(key).join(' or ')}`);
    if (replies.some((reply) => reply.code === 'ProtocolError')) outcome.protocolErrors++;
    if (connection.closed() !== null) {
      outcome.failures.push(`${where}: connection closed with ${connection.closed()}`);
      await reconnect();
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (connection.inbox.length > 0) outcome.failures.push(`seed ${SEED} ${identity}: unexpected replies at the end ${key(connection.inbox.map(asReply))}`);
  connection.socket.close();
}

async function fuzz(stepsPerConnection: number, round: string): Promise<Outcome> {
  const outcome: Outcome = { failures: [], frames: 0, kinds: {}, closes: {}, protocolErrors: 0 };
  const seedOf = (index: number) => SEED + round.charCodeAt(0) * 104_729 + index * 7_919;
  await Promise.all(identities.map((identity, index) => fuzzConnection(identity, fuzzSteps(createRandom(seedOf(index)), stepsPerConnection, `${round}${index}`), outcome)));
  return outcome;
}

// A correct charger on the same server the whole time: schema-checked answers, every call answered. `answeredAt` holds
// the fuzz frames sent so far at each answer.
async function wellBehavedCharger() {
  const client = await connectClient(server, { identity: wellBehaved, strictMode: true });
  const answeredAt: number[] = [];
  let running = true;
  const calls = [
    () => client.call('Heartbeat', {}),
    () => client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }),
    () => client.call('Authorize', { idTag: 'UNKNOWN-TAG' }),
  ];
  await client.call('BootNotification', { chargePointVendor: 'Good', chargePointModel: 'Citizen' });
  const loop = (async () => {
    for (let index = 0; running; index++) {
      await calls[index % calls.length]!();
      answeredAt.push(framesSent);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    answeredAt,
    async stop() {
      running = false;
      await loop;
      expect(await client.call('Heartbeat', {})).toHaveProperty('currentTime');
      await client.close();
    },
  };
}

// Stretches of the fuzz (in frames sent, from `first` to `last`) in which the well-behaved charger got no answer.
function stretchesWithoutAnswer(answeredAt: number[], { first, last, stretches }: { first: number; last: number; stretches: number }) {
  const size = (last - first) / stretches;
  const starts = Array.from({ length: stretches }, (_, index) => Math.round(first + index * size));
  return starts.filter((start) => !answeredAt.some((frames) => frames >= start && frames < start + size));
}

describe('fuzzing the OCPP server with malformed frames', () => {
  it(`answers each frame as OCPP-J 1.6 says or closes that connection, stays up, and returns to its memory baseline`, { timeout: 180_000 }, async () => {
    const warmUp = await fuzz(WARM_UP_STEPS, 'w');
    expect(warmUp.failures.slice(0, 10)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const baseline = await memory();

    const charger = await wellBehavedCharger();
    const began = performance.now();
    const firstFrame = framesSent;
    const outcome = await fuzz(STEPS_PER_CONNECTION, 'f');
    const seconds = (performance.now() - began) / 1000;
    const lastFrame = framesSent;
    await charger.stop();
    const answeredDuring = charger.answeredAt.filter((frames) => frames < lastFrame).length;

    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await memory();
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `fuzz seed ${SEED}: ${outcome.frames} frames over ${CONNECTIONS} connections in ${seconds.toFixed(1)} s; ` +
        `closes ${JSON.stringify(outcome.closes)}, ProtocolError for ${outcome.protocolErrors} duplicates; steps ${JSON.stringify(outcome.kinds)}; ` +
        `heap ${mb(baseline.heapUsed)} → ${mb(after.heapUsed)} MB, RSS ${mb(baseline.rss)} → ${mb(after.rss)} MB; well-behaved charger answered ${answeredDuring} calls meanwhile`,
    );

    expect(outcome.failures.slice(0, 10), `seed ${SEED}`).toEqual([]);
    expect(outcome.frames).toBeGreaterThan(20_000);
    expect(Object.keys(outcome.closes).length, `seed ${SEED}: some frames that end a connection were sent`).toBeGreaterThan(0);
    expect(server.child.exitCode).toBeNull();
    // Answered throughout, not held up behind the malformed frames: in every tenth of the fuzz.
    expect(stretchesWithoutAnswer(charger.answeredAt, { first: firstFrame, last: lastFrame, stretches: 10 }), `seed ${SEED}: fuzz frames from which no answer came for a tenth of the run`).toEqual([]);
    expect(after.heapUsed - baseline.heapUsed, `seed ${SEED}: heap growth in bytes`).toBeLessThan(HEAP_TOLERANCE_BYTES);
    expect(after.rss - baseline.rss, `seed ${SEED}: RSS growth in bytes`).toBeLessThan(RSS_TOLERANCE_BYTES);
  });
});
