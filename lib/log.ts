import pino from 'pino';

// Structured logs; never pass passwords, tokens or links carrying them.
export const log = pino({ name: 'web', level: process.env.LOG_LEVEL ?? 'info' });
