// How both loggers (lib/log.ts and ocpp-server/src/logger.ts) write an `err`. Plain on purpose:
// the OCPP server imports it too, so nothing from Next.js belongs here.
//
// A failed drizzle query carries the values it was sent: in its message ("Failed query: …\nparams:
// …") and in `params`. Those values are password hashes, token hashes and whatever else was being
// written, so they are left out; the SQL text (placeholders only) and the PostgreSQL error code
// stay, which is what tells one failure from another. PostgreSQL's own `detail` and `where` quote
// row values too ("Key (email)=(…)", "Failing row contains (…)") and are left out as well.

// Fields that hold the values of a query, never written.
const VALUE_FIELDS = new Set(['params', 'parameters', 'args', 'detail', 'where', 'internal_query']);
const MAX_CAUSES = 5;

const PARAMS_SEPARATOR = '\nparams: ';

function withoutParams(message: string): string {
  // The SQL drizzle puts in front uses placeholders, so the first separator is the real one,
  // whatever a value sent as a parameter may contain.
  const at = message.indexOf(PARAMS_SEPARATOR);
  return at === -1 ? message : message.slice(0, at);
}

function stackWithout(error: Error, message: string): string | undefined {
  if (typeof error.stack !== 'string') return undefined;
  const header = `${error.name}: ${error.message}`;
  if (error.stack.startsWith(header)) return `${error.name}: ${message}${error.stack.slice(header.length)}`;
  // A stack whose first lines are not the message as it is now: keep the frames only.
  return [`${error.name}: ${message}`, ...error.stack.split('\n').filter((line) => /^\s+at /.test(line))].join('\n');
}

export type SerializedError = { type: string; message: string; stack?: string; cause?: unknown; [field: string]: unknown };

// A cause need not be an Error: Auth.js wraps the one it caught as `cause: { err }`.
function serializeCause(cause: unknown, depth: number): unknown {
  if (depth >= MAX_CAUSES) return '[nested too deep, left out]';
  if (cause instanceof Error) return serializeError(cause, depth);
  // AggregateError.errors and the like: each failed query in the list is written like a cause.
  if (Array.isArray(cause)) return cause.map((item) => serializeCause(item, depth + 1));
  if (typeof cause !== 'object' || cause === null) return cause;
  return Object.fromEntries(
    Object.entries(cause)
      .filter(([field]) => !VALUE_FIELDS.has(field))
      .map(([field, value]) => [field, typeof value === 'object' && value !== null ? serializeCause(value, depth + 1) : value]),
  );
}

export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const message = withoutParams(error.message);
  const serialized: SerializedError = { type: error.constructor?.name ?? error.name, message, stack: stackWithout(error, message) };
  for (const [field, value] of Object.entries(error)) {
    if (VALUE_FIELDS.has(field) || field === 'cause' || field in serialized) continue;
    serialized[field] = typeof value === 'object' && value !== null ? serializeCause(value, depth + 1) : value;
  }
  if (error.cause !== undefined) serialized.cause = serializeCause(error.cause, depth + 1);
  return serialized;
}

// Never pass passwords, tokens or links carrying them to a log call. Should one slip in anyway under one of these
// names, at the top or one level down, it is written as [redacted]. Both loggers take these options.
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'passwordHash', 'token', 'tokenHash', 'sessionToken', 'secret', 'authorization', 'cookie'];

export const SAFE_LOG_OPTIONS = {
  serializers: { err: serializeError },
  redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' },
};
