import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Server as HttpServer, type IncomingMessage } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import { BlockList, isIP } from 'node:net';

// The address of whoever opened the TCP connection, which no request header can forge. Next.js
// hands route handlers and server actions the headers only, and keeps a client-sent
// X-Forwarded-For as it is, so the server writes the peer address into this header on every request
// (replacing anything a client sent under the same name).
export const PEER_ADDRESS_HEADER = 'x-chargewatch-peer-address';
// Written beside it: an HMAC of the address under a key that never leaves this process (see peerOf).
export const PEER_SEAL_HEADER = 'x-chargewatch-peer-seal';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

// 127.0.0.0/8 and ::1, also as an IPv4-mapped IPv6 address (a dual-stack server sees ::ffff:127.0.0.1).
export function isLoopback(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && loopback.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

const sealOf = (address: string, key: Buffer) => createHmac('sha256', key).update(address).digest('base64url');

function isSealed(address: string, seal: string, key: Buffer): boolean {
  const expected = Buffer.from(sealOf(address, key));
  const given = Buffer.from(seal);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Next.js requests its own pages over loopback to answer some requests, with the original request's headers: a
// server action that redirects has the target page rendered by a GET from localhost, and an action of another page
// is forwarded the same way (next/dist/server/app-render/action-handler.js). Such a request keeps the peer recorded
// for the original one, which it carries with this process's seal; every other request is its TCP peer.
function peerOf(request: IncomingMessage, key: Buffer): string | undefined {
  const socketPeer = request.socket.remoteAddress;
  const carried = request.headers[PEER_ADDRESS_HEADER];
  const seal = request.headers[PEER_SEAL_HEADER];
  const isRelayed = socketPeer !== undefined && isLoopback(socketPeer) && typeof carried === 'string' && typeof seal === 'string' && isSealed(carried, seal, key);
  return isRelayed ? carried : socketPeer;
}

type Emit = (this: HttpServer | HttpsServer, event: string | symbol, ...args: unknown[]) => boolean;

let isRecording = false;

// https.Server is no http.Server (it extends tls.Server, and both take `emit` from EventEmitter), so
// a server behind TLS (`next dev --experimental-https`, a custom HTTPS server) needs its own patch.
function recordOn(prototype: { emit: Emit }, key: Buffer) {
  const emit = prototype.emit;
  prototype.emit = function (this: HttpServer | HttpsServer, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      const address = peerOf(request, key);
      if (address) {
        request.headers[PEER_ADDRESS_HEADER] = address;
        request.headers[PEER_SEAL_HEADER] = sealOf(address, key);
      } else {
        delete request.headers[PEER_ADDRESS_HEADER];
        delete request.headers[PEER_SEAL_HEADER];
      }
    }
    return emit.call(this, event, ...args);
  };
}

export function recordPeerAddress(): void {
  if (isRecording) return;
  isRecording = true;
  const key = randomBytes(32);
  recordOn(HttpServer.prototype as unknown as { emit: Emit }, key);
  recordOn(HttpsServer.prototype as unknown as { emit: Emit }, key);
}
