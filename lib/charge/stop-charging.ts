import 'server-only';
import type { Database } from '@/db/client';
import { sendCommand } from '@/domain/commands/send';
import { getOpenSessionForMember } from '@/domain/data/session-control';
import { failure, type Result } from '@/domain/data/result';
import { remoteAnswer } from '@/domain/commands/remote-answer';

export type StopRefusal = 'notFound' | 'chargerOffline' | 'stopRejected' | 'stopNoAnswer';

// RemoteStopTransaction (OCPP 1.6 §5.12) for a running session on a charger of an account the user belongs to,
// theirs or anyone's (a card with no user, a member since removed).
export async function stopCharging(db: Database, { userId, transactionId }: { userId: string; transactionId: number }): Promise<Result<null, StopRefusal>> {
  const session = await getOpenSessionForMember(db, { userId, transactionId });
  if (!session) return failure('notFound');
  // A charger that is away cannot stop anything: answered at once, with no command that would only end `offline`.
  if (!session.isChargerOnline) return failure('chargerOffline');
  const sent = await sendCommand(db, {
    accountId: session.accountId,
    chargerId: session.chargerId,
    action: 'RemoteStopTransaction',
    payload: { transactionId },
    requestedBy: userId,
    isExclusive: true,
  });
  return remoteAnswer(sent, { refused: 'stopRejected', noAnswer: 'stopNoAnswer' });
}
