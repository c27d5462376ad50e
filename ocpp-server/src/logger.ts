import pino from 'pino';
import { serializeError } from '../../lib/log-errors';

export type Logger = pino.Logger;

// Charger passwords and their hashes are never logged (ocpp-server/test/log-secrets.test.ts);
// should one be passed under one of these names anyway, it is written as [redacted]. An `err` is
// written without the values of a failed query (lib/log-errors.ts).
const SECRET_KEYS = ['password', 'passwordHash', 'authorization', 'secret', 'token'];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`]);

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'ocpp' }, serializers: { err: serializeError }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}
