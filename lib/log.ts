import pino from 'pino';
import { serializeError } from './log-errors';

// Never pass passwords, tokens or links carrying them. Should one slip into a log call anyway
// under one of these names, at the top or one level down, it is written as [redacted].
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'passwordHash', 'token', 'tokenHash', 'sessionToken', 'secret', 'authorization', 'cookie'];
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`]);

// Structured logs; tests pass their own destination to read what would be written. An `err` is
// written without the values of a failed query (lib/log-errors.ts).
export function createLog({ level = process.env.LOG_LEVEL ?? 'info', destination }: { level?: string; destination?: pino.DestinationStream } = {}) {
  return pino({ name: 'web', level, serializers: { err: serializeError }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}

export const log = createLog();
