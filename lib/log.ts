import pino from 'pino';
import { SAFE_LOG_OPTIONS } from '@/domain/log-errors';

// Structured logs; tests pass their own destination to read what would be written. Secrets and the values of a
// failed query are kept out (domain/log-errors.ts).
export function createLog({ level = process.env.LOG_LEVEL ?? 'info', destination }: { level?: string; destination?: pino.DestinationStream } = {}) {
  return pino({ name: 'web', level, ...SAFE_LOG_OPTIONS }, destination);
}

export const log = createLog();
