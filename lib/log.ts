import pino from 'pino';

// Never pass passwords, tokens or links carrying them. Should one slip into a log call anyway
// under one of these names, at the top or one level down, it is written as [redacted].
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'passwordHash', 'token', 'tokenHash', 'sessionToken', 'secret', 'authorization', 'cookie'];
export const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`]);

// Structured logs; tests pass their own destination to read what would be written.
export function createLog({ level = process.env.LOG_LEVEL ?? 'info', destination }: { level?: string; destination?: pino.DestinationStream } = {}) {
  return pino({ name: 'web', level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}

export const log = createLog();
