import { done, failure, type Failure, type Result, type Success } from '../data/result';
import type { CommandOutcome } from './send';

type Answers<Refused extends string, NoAnswer extends string> = {
  refused: Refused;
  noAnswer: NoAnswer;
  // An answer other than Accepted that still gives what was asked (a clear of a profile the charger no longer holds).
  isDoneAnyway?: (outcome: CommandOutcome) => boolean;
};

// What the user is told of a command sent to a charger: the charger took it, is offline, refused it, or has not
// answered within the wait (the command bus finishes it later).
export function remoteAnswer<Refused extends string, NoAnswer extends string>(
  sent: Result<CommandOutcome, 'notFound'>,
  { refused, noAnswer, isDoneAnyway }: Answers<Refused, NoAnswer>,
): Success<null> | Failure<'notFound' | 'chargerOffline' | Refused | NoAnswer> {
  if (!sent.ok) return sent;
  if (sent.value.status === 'accepted' || isDoneAnyway?.(sent.value)) return done;
  if (sent.value.status === 'offline') return failure('chargerOffline');
  if (sent.value.status === 'rejected' || sent.value.status === 'failed') return failure(refused);
  return failure(noAnswer);
}
