import { readChargerTime } from '../../../domain/charging/charger-time';
import { createRPCError } from './rpc';

// The instants PostgreSQL can be sent: it reads no year 0 (1 BC, which `0000-…` and `0001-01-01T00:30+01:00` name),
// and a Date of year 10000 or later goes to it as `+010000-…`, which it refuses. The schema's four-digit years reach
// both; storing one failed the message with an InternalError the charger would resend.
const FIRST_STORABLE_MS = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_STORABLE_MS = Date.parse('9999-12-31T23:59:59.999Z');

export function parseChargerTime(text: string): Date {
  const at = readChargerTime(text);
  if (!at) throw createRPCError('FormatViolation', 'A timestamp is not an RFC 3339 date-time');
  // OCPP-J 1.6 §4.2.3: well formed, but a value the platform cannot take.
  if (at.getTime() < FIRST_STORABLE_MS || at.getTime() > LAST_STORABLE_MS) {
    throw createRPCError('PropertyConstraintViolation', 'A timestamp must fall within the years 1 to 9999 (UTC)');
  }
  return at;
}
