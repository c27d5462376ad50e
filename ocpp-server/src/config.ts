import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export type OcppConfig = {
  databaseUrl: string;
  port: number;
  host: string | undefined;
  instanceId: string;
  tls: { cert: Buffer; key: Buffer } | null;
  heartbeatIntervalSec: number;
  pingIntervalMs: number;
  callTimeoutMs: number;
  maxMessageBytes: number;
  handshakeTimeoutMs: number;
  // Per connection; null: unlimited.
  messageLimit: { burst: number; perSecond: number } | null;
};

function positiveNumber(name: string, fallback: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

// A charger sends a few messages a minute and at most one CALL at a time (OCPP-J 1.6 §4.1.1), so even the
// replay of an offline queue stays well under 20 a second; 0 turns the limit off.
function messageLimitFromEnv() {
  const perSecond = positiveNumber('OCPP_MESSAGE_RATE', 20);
  const burst = positiveNumber('OCPP_MESSAGE_BURST', 50);
  return perSecond > 0 ? { burst: Math.max(burst, 1), perSecond } : null;
}

export function configFromEnv(): OcppConfig {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const port = positiveNumber('OCPP_PORT', 9000);
  const certPath = process.env.OCPP_TLS_CERT;
  const keyPath = process.env.OCPP_TLS_KEY;
  if (Boolean(certPath) !== Boolean(keyPath)) throw new Error('OCPP_TLS_CERT and OCPP_TLS_KEY go together');
  return {
    databaseUrl,
    port,
    host: process.env.OCPP_HOST || undefined,
    // Stable across restarts of the same process slot, so that a restarted process finds the flags it left behind.
    instanceId: process.env.OCPP_INSTANCE_ID || `${hostname()}:${port}`,
    tls: certPath && keyPath ? { cert: readFileSync(certPath), key: readFileSync(keyPath) } : null,
    heartbeatIntervalSec: positiveNumber('OCPP_HEARTBEAT_INTERVAL', 300),
    pingIntervalMs: positiveNumber('OCPP_PING_INTERVAL', 30) * 1000,
    callTimeoutMs: positiveNumber('OCPP_CALL_TIMEOUT', 30) * 1000,
    maxMessageBytes: positiveNumber('OCPP_MAX_MESSAGE_BYTES', 64 * 1024),
    handshakeTimeoutMs: positiveNumber('OCPP_HANDSHAKE_TIMEOUT', 10) * 1000,
    messageLimit: messageLimitFromEnv(),
  };
}
