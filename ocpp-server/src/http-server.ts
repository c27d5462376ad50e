import { createServer as createHttpServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { OcppConfig } from './config';
import type { Logger } from './logger';
import { METRICS_PATH, serveMetrics } from './metrics/endpoint';
import type { Registry } from 'prom-client';

type Upgrade = (request: IncomingMessage, socket: Socket, head: Buffer) => Promise<void>;
type HttpServerOptions = Pick<OcppConfig, 'tls' | 'handshakeTimeoutMs' | 'metricsToken'> & { upgrade: Upgrade; log: Logger; clientCa: string | null; metrics: Registry };

function upgradeRequired(_request: IncomingMessage, response: ServerResponse) {
  response.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP-J WebSocket endpoint: ws(s)://host/ocpp/{identity}');
}

function plainRequests({ metrics, metricsToken, log }: Pick<HttpServerOptions, 'metrics' | 'metricsToken' | 'log'>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.split('?')[0] !== METRICS_PATH) return upgradeRequired(request, response);
    serveMetrics(request, response, metrics, metricsToken).catch((error: unknown) => {
      log.error({ err: error }, 'metrics could not be collected');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end();
    });
  };
}

function refuseUpgrade(socket: Duplex, status: number, message: string) {
  socket.on('error', () => {});
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, 'Connection: close', 'Content-Type: text/plain', `Content-Length: ${Buffer.byteLength(message)}`];
  socket.write(`${head.join('\r\n')}\r\n\r\n${message}`);
  socket.destroy();
}

// Node answers 408 and closes a connection that has not sent complete request headers within headersTimeout:
// silent sockets and half-sent upgrade requests included. It checks every connectionsCheckingInterval (30 s by
// default), so that interval follows the timeout. TLS handshakes get the same allowance.
function timeouts(handshakeTimeoutMs: number) {
  const checkEveryMs = Math.min(1000, Math.max(50, handshakeTimeoutMs / 4));
  return { headersTimeout: handshakeTimeoutMs, requestTimeout: handshakeTimeoutMs, connectionsCheckingInterval: checkEveryMs };
}

// Security profile 3 (whitepaper §2.4): every TLS client is asked for a certificate, verified against the platform CA
// only; a missing or unverified one still completes the handshake (profile 1 and 2 chargers have none), and auth.ts
// refuses it per charger (src/tls-peer.ts).
function clientCertificateOptions(clientCa: string | null) {
  return clientCa ? { requestCert: true, rejectUnauthorized: false, ca: [clientCa] } : {};
}

export function createOcppHttpServer({ tls, handshakeTimeoutMs, upgrade, log, clientCa, metrics, metricsToken }: HttpServerOptions) {
  const options = timeouts(handshakeTimeoutMs);
  const onRequest = plainRequests({ metrics, metricsToken, log });
  const server = tls
    ? createHttpsServer({ ...tls, ...options, ...clientCertificateOptions(clientCa), handshakeTimeout: handshakeTimeoutMs }, onRequest)
    : createHttpServer(options, onRequest);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // ocpp-rpc percent-decodes the identity before it guards anything else: a malformed escape (/ocpp/%FF)
    // rejects this promise, and an unhandled rejection would end the process.
    upgrade(request, socket as Socket, head).catch((error: unknown) => {
      log.warn({ err: error, remoteAddress: request.socket.remoteAddress, url: request.url?.slice(0, 200) }, 'malformed upgrade request');
      refuseUpgrade(socket, 400, 'Malformed request path');
    });
  });
  return server;
}
