import { Server as HttpServer, type IncomingMessage } from 'node:http';
import { Server as HttpsServer } from 'node:https';

// The address of whoever opened the TCP connection, which no request header can forge. Next.js
// hands route handlers and server actions the headers only, and keeps a client-sent
// X-Forwarded-For as it is, so the server writes the peer address into this header on every request
// (replacing anything a client sent under the same name).
export const PEER_ADDRESS_HEADER = 'x-chargewatch-peer-address';

type Emit = (this: HttpServer | HttpsServer, event: string | symbol, ...args: unknown[]) => boolean;

let isRecording = false;

// https.Server is no http.Server (it extends tls.Server, and both take `emit` from EventEmitter), so
// a server behind TLS (`next dev --experimental-https`, a custom HTTPS server) needs its own patch.
function recordOn(prototype: { emit: Emit }) {
  const emit = prototype.emit;
  prototype.emit = function (this: HttpServer | HttpsServer, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      const address = request.socket.remoteAddress;
      if (address) request.headers[PEER_ADDRESS_HEADER] = address;
      else delete request.headers[PEER_ADDRESS_HEADER];
    }
    return emit.call(this, event, ...args);
  };
}

export function recordPeerAddress(): void {
  if (isRecording) return;
  isRecording = true;
  recordOn(HttpServer.prototype as unknown as { emit: Emit });
  recordOn(HttpsServer.prototype as unknown as { emit: Emit });
}
