import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export const METRICS_PATH = '/metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function hasToken(request: IncomingMessage, token: string) {
  const given = Buffer.from(request.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// A proxy in front of the port (README, deployment) names the client it forwards for: such a request comes from
// loopback when the proxy runs on this machine, yet from anywhere.
function isProxied(request: IncomingMessage) {
  const { headers } = request;
  return headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined || headers['x-real-ip'] !== undefined;
}

// The port faces the chargers, often the internet: without OCPP_METRICS_TOKEN only this machine may read the
// figures (a scraper beside the process, not through a proxy); with it, anyone who shows it as a Bearer token.
function mayRead(request: IncomingMessage, token: string | null) {
  if (token) return hasToken(request, token);
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && !isProxied(request);
}

export async function serveMetrics(request: IncomingMessage, response: ServerResponse, registry: Registry, token: string | null) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed');
    return;
  }
  if (!mayRead(request, token)) {
    response.writeHead(token ? 401 : 403, { 'content-type': 'text/plain' }).end(token ? 'Bearer token required' : 'Metrics are served to this machine only (set OCPP_METRICS_TOKEN)');
    return;
  }
  const body = await registry.metrics();
  response.writeHead(200, { 'content-type': registry.contentType }).end(request.method === 'HEAD' ? undefined : body);
}
