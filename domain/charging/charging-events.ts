import type { CardForAuthorization } from '../data/cards';
import type { CardAuthorizationStatus } from './authorize-card';

// Why a card was refused, in the words the owner needs (the OCPP status alone says Invalid for three of them).
export const CARD_REFUSALS = ['unknown', 'virtual', 'notMember', 'blocked', 'expired', 'inUse'] as const;
export type CardRefusal = (typeof CARD_REFUSALS)[number];

// The connector statuses worth a line in "why isn't it charging?": what holds a session back, and Charging, which
// ends it. Preparing, Finishing and Available come with every session and would crowd the reasons out.
export const RECORDED_STATUSES = ['SuspendedEV', 'SuspendedEVSE', 'Faulted', 'Unavailable', 'Charging'] as const;
export type RecordedStatus = (typeof RECORDED_STATUSES)[number];

export function isRecordedStatus(status: string): status is RecordedStatus {
  return (RECORDED_STATUSES as readonly string[]).includes(status);
}

// Follows domain/charging/authorize-card.ts decide(): the row it decided on and what it answered.
export function cardRefusal(row: CardForAuthorization | null, status: CardAuthorizationStatus): CardRefusal | null {
  if (status === 'Accepted') return null;
  if (status === 'Blocked') return 'blocked';
  if (status === 'Expired') return 'expired';
  if (status === 'ConcurrentTx') return 'inUse';
  if (!row) return 'unknown';
  return row.kind === 'virtual' ? 'virtual' : 'notMember';
}

// How many events each charger keeps: enough for a day of attempts, never a log.
export const CHARGING_EVENTS_KEPT = 50;
