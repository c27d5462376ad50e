import 'server-only';
import type { Database } from '@/db/client';
import { sendCommand } from '@/domain/commands/send';
import { getMyOpenTransaction } from '@/domain/data/my-sessions';
import { failure, type Result } from '@/domain/data/result';
import { remoteAnswer } from './remote-answer';

export type StopRefusal = 'notFound' | 'chargerOffline' | 'stopRejected' | 'stopNoAnswer';

// RemoteStopTransaction (OCPP 1.6 §5.12) for one of the user's own running sessions.
export async function stopCharging(db: Database, { userId, transactionId }: { userId: string; transactionId: number }): Promise<Result<null, StopRefusal>> {
  const session = await getMyOpenTransaction(db, { userId, transactionId });
  if (!session) return failure('notFound');
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
