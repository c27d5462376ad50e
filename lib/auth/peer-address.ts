import { Server, type IncomingMessage } from 'node:http';

// The address of whoever opened the TCP connection, which no request header can forge. Next.js
// hands route handlers and server actions the headers only, and keeps a client-sent
// X-Forwarded-For as it is, so the server writes the peer address into this header on every request
// (replacing anything a client sent under the same name).
export const PEER_ADDRESS_HEADER = 'x-chargewatch-peer-address';

let isRecording = false;

export function recordPeerAddress(): void {
  if (isRecording) return;
  isRecording = true;
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      const address = request.socket.remoteAddress;
      if (address) request.headers[PEER_ADDRESS_HEADER] = address;
      else delete request.headers[PEER_ADDRESS_HEADER];
    }
    return emit.call(this, event, ...args);
  } as Server['emit'];
}
