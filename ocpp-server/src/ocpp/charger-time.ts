import { readChargerTime } from '../../../domain/charging/charger-time';
import { createRPCError } from './rpc';

export function parseChargerTime(text: string): Date {
  const at = readChargerTime(text);
  if (!at) throw createRPCError('FormatViolation', 'A timestamp is not an RFC 3339 date-time');
  return at;
}
