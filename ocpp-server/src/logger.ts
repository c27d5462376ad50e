import pino from 'pino';
import { SAFE_LOG_OPTIONS } from '../../domain/log-errors';

export type Logger = pino.Logger;

// Charger passwords and their hashes are never logged (ocpp-server/test/log-secrets.test.ts); secrets passed by
// mistake and the values of a failed query are kept out as in the web app (domain/log-errors.ts).
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'ocpp' }, ...SAFE_LOG_OPTIONS }, destination);
}
