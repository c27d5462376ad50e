import type { CommandOutcome } from '../commands/send';
import { done, failure, type Failure, type Success } from '../data/result';
import { UNSUPPORTED_ANSWERS } from './support';

export type ReserveAnswerRefusal =
  | 'chargerOffline'
  | 'connectorOccupied'
  | 'reserveFaulted'
  | 'reserveUnavailable'
  | 'reserveRejected'
  | 'reservationsUnsupported'
  | 'reserveNoAnswer';

// ReserveNow.conf statuses other than Accepted (OCPP 1.6 §7.41 ReservationStatus), in the platform's words.
const REFUSALS: Record<string, ReserveAnswerRefusal> = {
  Faulted: 'reserveFaulted',
  Occupied: 'connectorOccupied',
  Rejected: 'reserveRejected',
  Unavailable: 'reserveUnavailable',
};

function isUnsupportedError(error: string | null) {
  return UNSUPPORTED_ANSWERS.some((code) => error?.startsWith(`${code}:`));
}

export function reserveAnswer(outcome: CommandOutcome): Success<null> | Failure<ReserveAnswerRefusal> {
  if (outcome.status === 'accepted') return done;
  if (outcome.status === 'offline') return failure('chargerOffline');
  if (outcome.status === 'rejected') return failure(REFUSALS[String(outcome.response?.status)] ?? 'reserveRejected');
  if (outcome.status === 'failed') return failure(isUnsupportedError(outcome.error) ? 'reservationsUnsupported' : 'reserveRejected');
  return failure('reserveNoAnswer');
}

export type CancelAnswerRefusal = 'chargerOffline' | 'cancelRejected' | 'cancelNoAnswer';

// CancelReservation.conf: Accepted, or Rejected when the charger holds no reservation of that id (§7.9): either way
// the reservation is over. A CALLERROR leaves it as it was.
export function cancelAnswer(outcome: CommandOutcome): Success<null> | Failure<CancelAnswerRefusal> {
  if (outcome.status === 'accepted' || outcome.status === 'rejected') return done;
  if (outcome.status === 'offline') return failure('chargerOffline');
  if (outcome.status === 'failed') return failure('cancelRejected');
  return failure('cancelNoAnswer');
}
