import 'server-only';
import { sendCommand } from '@/domain/commands/send';
import { getMyOpenTransaction } from '@/lib/data/charge';
import { db } from '@/lib/db';

export type StopResult = 'stopping' | 'notFound' | 'chargerOffline' | 'stopRejected' | 'stopNoAnswer';

// RemoteStopTransaction (OCPP 1.6 §5.12) for one of the user's own running sessions.
export async function stopCharging({ userId, transactionId }: { userId: string; transactionId: number }): Promise<StopResult> {
  const session = await getMyOpenTransaction({ userId, transactionId });
  if (!session) return 'notFound';
  const outcome = await sendCommand(
    db(),
    { accountId: session.accountId, chargerId: session.chargerId, action: 'RemoteStopTransaction', payload: { transactionId }, requestedBy: userId, isExclusive: true },
    { waitMs: 10_000 },
  );
  if (!outcome) return 'notFound';
  if (outcome.status === 'accepted') return 'stopping';
  if (outcome.status === 'offline') return 'chargerOffline';
  if (outcome.status === 'rejected' || outcome.status === 'failed') return 'stopRejected';
  return 'stopNoAnswer';
}
