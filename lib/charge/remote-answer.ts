import type { CommandOutcome } from '@/domain/commands/send';
import { done, failure, type Failure, type Result, type Success } from '@/domain/data/result';

// What the driver is told of a RemoteStart or RemoteStop: the charger took it, is offline, refused it,
// or has not answered within the wait (the command bus finishes it later).
export function remoteAnswer<Refused extends string, NoAnswer extends string>(
  sent: Result<CommandOutcome, 'notFound'>,
  { refused, noAnswer }: { refused: Refused; noAnswer: NoAnswer },
): Success<null> | Failure<'notFound' | 'chargerOffline' | Refused | NoAnswer> {
  if (!sent.ok) return sent;
  if (sent.value.status === 'accepted') return done;
  if (sent.value.status === 'offline') return failure('chargerOffline');
  if (sent.value.status === 'rejected' || sent.value.status === 'failed') return failure(refused);
  return failure(noAnswer);
}
