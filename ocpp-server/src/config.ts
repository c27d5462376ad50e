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
};

function positiveNumber(name: string, fallback: number) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
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
  };
}
