import { once } from 'node:events';
import type { Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chargers } from '../../db/schema';
import { makeCharger } from '../../db/seed/builders';
import { hashSecret } from '../../domain/crypto/secret';
import { endpoint } from './helpers';
import { holdSocket, upgradeRequest } from './raw-http';
import { ocppSuite } from './suite';

// OCPP-J 1.6 §3.1.2: when the client offers no subprotocol the server agrees to, the server completes the WebSocket
// handshake without a Sec-WebSocket-Protocol header and then closes the connection (it used to answer HTTP 400).
const suite = ocppSuite();
const { db } = suite;

type Answer = { status: number; headers: Map<string, string>; closeCode: number | null };

// What the server has sent once the socket closes or a close frame follows the handshake answer. This client never
// answers the close frame, so the server would wait for it (ws's closing handshake) before closing the socket.
function receiveUntilClose(socket: Socket) {
  return new Promise<Buffer>((resolve) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd >= 0 && received.length >= headEnd + 8) socket.destroy();
    });
    socket.once('close', () => resolve(received));
  });
}

// The handshake answer and the close frame that follows it, read off the wire.
async function upgradeAnswer(path: string, protocol: string | null): Promise<Answer> {
  const { socket } = await holdSocket(suite.server.port, upgradeRequest(path, { protocol }));
  const received = await receiveUntilClose(socket);
  const headEnd = received.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = received.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers = new Map(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const frame = received.subarray(headEnd + 4);
  // A server frame is unmasked: 0x88 is a final close frame; its payload starts with the close code.
  const closeCode = frame[0] === 0x88 && frame.length >= 4 ? frame.readUInt16BE(2) : null;
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, closeCode };
}

const isOnline = async (chargerId: string) => (await db.select({ isOnline: chargers.isOnline }).from(chargers).where(eq(chargers.id, chargerId)))[0]?.isOnline;

describe('subprotocol negotiation', () => {
  it('completes the handshake without a subprotocol and closes a charger offering only ocpp2.1, without marking it online', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const answer = await upgradeAnswer(`/ocpp/${charger.identity}`, 'ocpp2.1');
    expect(answer.status).toBe(101);
    expect(answer.headers.has('sec-websocket-protocol')).toBe(false);
    expect(answer.closeCode).toBe(1002);
    expect(await isOnline(charger.id)).toBe(false);
  });

  it('closes a charger that offers no subprotocol at all once the handshake is complete', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const socket = new WebSocket(`${endpoint(suite.server)}/${charger.identity}`);
    const closed = once(socket, 'close');
    await once(socket, 'open');
    expect(socket.protocol).toBe('');
    const [code] = await closed;
    expect(code).toBe(1002);
    expect(await isOnline(charger.id)).toBe(false);
  });

  it('picks ocpp1.6 among the subprotocols offered', async () => {
    const charger = await makeCharger(db, { accountId: suite.fixture.account.id });
    const socket = new WebSocket(`${endpoint(suite.server)}/${charger.identity}`, ['ocpp2.1', 'ocpp1.6']);
    await once(socket, 'open');
    expect(socket.protocol).toBe('ocpp1.6');
    socket.send(JSON.stringify([2, 'hb', 'Heartbeat', {}]));
    const [reply] = await once(socket, 'message');
    expect(JSON.parse(String(reply))[0]).toBe(3);
    socket.terminate();
  });

  it('still refuses an unknown identity or a wrong password before it looks at the subprotocol', async () => {
    const locked = await makeCharger(db, { accountId: suite.fixture.account.id, passwordHash: hashSecret('the-right-password') });
    expect((await upgradeAnswer('/ocpp/NOT-REGISTERED', 'ocpp2.0.1')).status).toBe(404);
    expect((await upgradeAnswer(`/ocpp/${locked.identity}`, null)).status).toBe(401);
  });
});
